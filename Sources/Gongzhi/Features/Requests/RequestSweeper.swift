import NIOCore
import Vapor

/// Every minute: deliver due webhook events; at 08:00 the daily digests; close requests left unrated past the
/// window and escalate overdue ones.
/// Several server processes may all run it; each step is version-checked, so nothing happens twice.
struct RequestSweeper: LifecycleHandler {
    static let interval: TimeAmount = .minutes(1)

    func didBootAsync(_ app: Application) async throws {
        guard app.environment != .testing else { return }
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: Self.interval)
        { _ in
            let req = Request(application: app, on: app.eventLoopGroup.next())
            return req.eventLoop.makeFutureWithTask {
                do {
                    _ = try await Notify.deliver(app)
                    let hour = LocalDate.utcOffsetSeconds / 3600 + Int(Date().timeIntervalSince1970) / 3600 % 24
                    if hour % 24 == 8 && Int(Date().timeIntervalSince1970) / 60 % 60 == 0 {
                        _ = try await Notify.digest(app)
                    }  // 08:00 Shanghai
                    let r = try await RequestService.sweep(req)
                    if r.closed + r.escalated > 0 {
                        app.logger.notice("sweep: \(r.closed) closed unrated, \(r.escalated) escalated overdue")
                    }
                } catch { app.logger.report(error: error) }
            }
        }
        app.storage[SweepTaskKey.self] = SweepTaskBox(task: task)
    }

    func shutdown(_ app: Application) { app.storage[SweepTaskKey.self]?.task.cancel() }
}

struct SweepTaskBox: Sendable { let task: RepeatedTask }
struct SweepTaskKey: StorageKey { typealias Value = SweepTaskBox }
