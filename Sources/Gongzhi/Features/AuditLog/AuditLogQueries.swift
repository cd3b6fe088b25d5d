import Fluent
import Vapor

/// The audit and access logs as a viewer may read them: filtered by person, entity and time, scoped to the
/// viewer's subtree.
enum AuditLogQueries {
    struct Filter: Sendable {
        var actor: String?
        var entityType: AuditKind?
        var entityID: Int?
        var from: Date?
        var to: Date?
        var page = 1

        static func parse(_ req: Request) throws -> Filter {
            var f = Filter()
            f.actor = req.query[String.self, at: "actor"].flatMap { $0.isEmpty ? nil : $0 }
            // Only the kinds the capabilities declare: anything else is a mistake, not a filter that matches nothing.
            if let t = req.query[String.self, at: "entityType"], !t.isEmpty {
                guard let kind = AuditKind.known(t) else {
                    throw AppError.badRequest(.errorEnum, args: ["entityType", String(t.prefix(20))])
                }
                f.entityType = kind
            }
            if let raw = req.query[String.self, at: "entityId"], !raw.isEmpty {
                guard let id = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
                f.entityID = id
            }
            f.from = try req.queryDate("from", endOfDay: false)
            f.to = try req.queryDate("to", endOfDay: true)
            f.page = try req.page()
            return f
        }

        /// The old name of `Request.queryDate(_:endOfDay:)`, for callers not yet moved.
        static func date(_ req: Request, _ key: String, endOfDay: Bool) throws -> Date? {
            try req.queryDate(key, endOfDay: endOfDay)
        }
    }

    static let pageSize = 100

    static func entries(_ f: Filter, viewer v: Viewer, on db: any Database) async throws -> [AuditEntry] {
        let q = AuditEntry.query(on: db).inScope(v.scope, \.$scopePath)
        if let a = f.actor { q.filter(\.$actorName ~~ a) }
        if let t = f.entityType { q.filter(\.$entityType == t.rawValue) }
        if let id = f.entityID { q.filter(\.$entityID == id) }
        if let from = f.from { q.filter(\.$at >= from) }
        if let to = f.to { q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending)
            .range((f.page - 1) * pageSize..<f.page * pageSize).all()
    }

    static func accessEntries(_ f: Filter, viewer v: Viewer, on db: any Database) async throws -> [AccessLogEntry] {
        let q = AccessLogEntry.query(on: db).inScope(v.scope, \.$scopePath)
        if let a = f.actor { q.filter(\.$userName ~~ a) }
        if let from = f.from { q.filter(\.$at >= from) }
        if let to = f.to { q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending)
            .range((f.page - 1) * pageSize..<f.page * pageSize).all()
    }
}
