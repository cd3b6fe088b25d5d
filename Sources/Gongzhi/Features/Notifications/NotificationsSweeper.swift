import NIOCore
import Vapor

/// Every minute: deliver due webhook events; at 08:00 (Shanghai) the daily digests.
/// Several server processes may all run it; a delivery is saved after each attempt.
struct NotificationsSweeper: LifecycleHandler {
    static let interval: TimeAmount = .minutes(1)

    func didBootAsync(_ app: Application) async throws {
        guard app.environment != .testing else { return }
        let loop = app.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: Self.interval) { _ in
            loop.makeFutureWithTask {
                do {
                    _ = try await Notify.deliver(app)
                    let now = Int(app.clock.now.timeIntervalSince1970)
                    let hour = LocalDate.utcOffsetSeconds / 3600 + now / 3600 % 24
                    if hour % 24 == 8 && now / 60 % 60 == 0 {
                        _ = try await Notify.digest(app)
                    }
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
        app.storage[NotificationsTaskKey.self] = NotificationsTaskBox(task: task)
    }

    func shutdown(_ app: Application) { app.storage[NotificationsTaskKey.self]?.task.cancel() }
}

struct NotificationsTaskBox: Sendable { let task: RepeatedTask }
struct NotificationsTaskKey: StorageKey { typealias Value = NotificationsTaskBox }
