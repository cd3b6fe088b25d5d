import Fluent
import Vapor

/// Browsing the audit and access logs: filter by person, entity and time, scoped to the viewer's subtree.
enum AuditLogAPI {
    struct EntryOut: Content {
        let id: Int
        let at: Date
        let actorID: Int?
        let actorName: String
        let action: String
        let entityType: String
        let entityID: Int
        let entityLabel: String
        let before: String?
        let after: String?
        init(_ e: AuditEntry, lang: Lang) {
            id = e.id!
            at = e.at
            actorID = e.actorID
            actorName = e.actorName
            action = e.action
            entityType = e.entityType
            entityID = e.entityID
            entityLabel = e.entityLabel
            before = e.beforeJSON
            after = e.afterJSON
        }
    }
    struct AccessOut: Content {
        let id: Int
        let at: Date
        let userID: Int?
        let userName: String
        let kind: AccessLogEntry.Kind
        let method: String
        let url: String
        let detail: String
        init(_ e: AccessLogEntry, lang: Lang) {
            id = e.id!
            at = e.at
            userID = e.userID
            userName = e.userName
            kind = e.kind
            method = e.method
            url = e.url
            detail = e.detail
        }
    }

    typealias Filter = AuditLogQueries.Filter

    static let pageSize = AuditLogQueries.pageSize

    static func entries(_ caller: Caller, _ f: Filter) async throws -> [AuditEntry] {
        try await AuditLogQueries.entries(f, viewer: try await caller.require(.viewAudit), on: caller.db)
    }

    static func accessEntries(_ caller: Caller, _ f: Filter) async throws -> [AccessLogEntry] {
        try await AuditLogQueries.accessEntries(f, viewer: try await caller.require(.viewAudit), on: caller.db)
    }

    static func register(_ api: RoutesBuilder) {
        api.get(AuditLogRoute.apiAudit, use: list)
        api.get(AuditLogRoute.apiAuditExport, use: export)
        api.get(AuditLogRoute.apiAccessLog, use: accessList)
    }

    /// The filtered log as CSV (up to 10,000 entries from the page asked for).
    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        var f = try Filter.parse(req)
        var all: [AuditEntry] = []
        for _ in 0..<100 {
            let batch = try await entries(req.caller, f)
            all += batch
            if batch.count < pageSize { break }
            f.page += 1
        }
        let lang = req.lang
        let header = [
            "audit.at", "audit.actor", "audit.action", "audit.entity", "ID", "field.name", "audit.before",
            "audit.after",
        ]
        .map { $0 == "ID" ? $0 : lang.t(key: $0) }
        let rows = all.map { e in
            [
                AuditHistory.timeFormat.string(from: e.at), e.actorName,
                AuditAction(rawValue: e.action).map { lang.t(key: $0.labelKey) } ?? e.action,
                lang.t(key: "entity.\(e.entityType)"), String(e.entityID), e.entityLabel, e.beforeJSON ?? "",
                e.afterJSON ?? "",
            ]
        }
        return CSVResponse.make(fileName: "audit.csv", header: header, rows: rows)
    }

    @Sendable static func list(_ req: Request) async throws -> [EntryOut] {
        try await entries(req.caller, try Filter.parse(req)).map { EntryOut($0, lang: req.lang) }
    }

    @Sendable static func accessList(_ req: Request) async throws -> [AccessOut] {
        try await accessEntries(req.caller, try Filter.parse(req)).map { AccessOut($0, lang: req.lang) }
    }
}
