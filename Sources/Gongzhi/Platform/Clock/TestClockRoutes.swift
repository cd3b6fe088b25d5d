import Vapor

/// The browser tests' lever on time: a server started with `GONGZHI_TEST_CLOCK=1` reads a movable clock, and
/// `POST /test/clock/advance?seconds=N` (from loopback only) moves it forward, so a walk checks out of an activity
/// an hour after checking in without waiting an hour. A server without the setting has no such route.
enum TestClockRoute: AppRoute {
    case advance

    static let patterns: [TestClockRoute] = [.advance]

    var components: [PathComponent] { ["test", "clock", "advance"] }
}

enum TestClockRoutes {
    struct Moved: Content {
        /// How far the clock now runs ahead of the real time, in seconds.
        let ahead: Double
        let now: String
    }

    static func register(_ app: Application, enabled: Bool) {
        guard enabled, let time = app.movableTime else { return }
        app.logger.warning("GONGZHI_TEST_CLOCK=1: this server's clock can be moved forward; never set it in service.")
        app.post(TestClockRoute.advance.components) { req -> Moved in
            guard let ip = req.remoteAddress?.ipAddress, ip == "127.0.0.1" || ip == "::1" else {
                throw AppError.forbidden()
            }
            guard let seconds = req.query[Double.self, at: "seconds"], seconds.isFinite,
                (0...400 * 86_400).contains(seconds)
            else {
                throw AppError.badRequest(.errorEnum, args: ["seconds", req.query[String.self, at: "seconds"] ?? ""])
            }
            time.advance(by: seconds)
            return Moved(ahead: time.ahead, now: ISO8601DateFormatter().string(from: req.clock.now))
        }
    }
}
