import Vapor

extension Request {
    /// Far beyond any real list, and small enough that `page × size` can never overflow.
    static let maxPage = 100_000

    /// The `page` query parameter: 1 when absent, a 400 when it is not a number from 1 to `maxPage`.
    func page() throws -> Int {
        guard let raw = query[String.self, at: "page"], !raw.isEmpty else { return 1 }
        guard let p = Int(raw), (1...Self.maxPage).contains(p) else {
            throw AppError.badRequest(.errorPage, args: [String(raw.prefix(20))])
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

extension Request {
    /// A yes/no query parameter: `nil` when absent or empty; `1`/`true` or `0`/`false`; anything else a 400 that
    /// names it, never silently "no".
    func flag(_ name: String) throws -> Bool? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        switch raw.lowercased() {
        case "1", "true": return true
        case "0", "false": return false
        default: throw AppError.badRequest(.errorEnum, args: [name, String(raw.prefix(20))])
        }
    }

    /// A number query parameter: `nil` when absent or empty, a 400 when not a finite number.
    func number(_ name: String) throws -> Double? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let value = Double(raw), value.isFinite else {
            throw AppError.badRequest(.errorEnum, args: [name, String(raw.prefix(20))])
        }
        return value
    }
}

extension Array where Element == PathComponent {
    /// The path a route pattern names with its parameters filled in: a link printed from the same value that
    /// registered the route.
    func path(_ parameters: [String: String]) -> String {
        "/"
            + map { c in
                if case .parameter(let name) = c, let value = parameters[name] { return value }
                return c.description
            }.joined(separator: "/")
    }
}
