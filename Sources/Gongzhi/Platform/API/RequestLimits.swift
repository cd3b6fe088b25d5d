import Vapor

extension Request {
    /// Far beyond any real list, and small enough that `page × size` can never overflow.
    static let maxPage = 100_000

    /// The `page` query parameter: 1 when absent, a 400 when it is not a number from 1 to `maxPage`.
    func page() throws -> Int {
        guard let raw = query[String.self, at: "page"], !raw.isEmpty else { return 1 }
        guard let p = Int(raw), (1...Self.maxPage).contains(p) else {
            throw AppError.badRequest("error.page", args: [String(raw.prefix(20))])
        }
        return p
    }
}

extension Request {
    /// CPU-heavy work (reading an upload, checking shapes, drawing a map, writing a CSV) runs on the thread pool:
    /// the two cooperative threads stay free for other requests, health checks and a clean shutdown.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await application.threadPool.runIfActive(work)
    }
}
