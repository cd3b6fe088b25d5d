import NIOCore
import Vapor

/// Every minute: close requests left unrated past the window and escalate overdue ones (Notifications delivers
/// webhook events and digests with its own handler).
/// Several server processes may all run it; each step is version-checked, so nothing happens twice.
struct RequestSweeper: LifecycleHandler {
    static let interval: TimeAmount = .minutes(1)

    func didBootAsync(_ app: Application) async throws {
        guard app.environment != .testing else { return }
        let task = app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: Self.interval)
        { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let r = try await RequestService.sweep(app)
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
