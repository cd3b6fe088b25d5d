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
        let actionLabel: String
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
            actionLabel = AuditAction(rawValue: e.action).map { lang.t($0.labelKey) } ?? e.action
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
        let kindLabel: String
        let method: String
        let url: String
        let detail: String
        init(_ e: AccessLogEntry, lang: Lang) {
            id = e.id!
            at = e.at
            userID = e.userID
            userName = e.userName
            kind = e.kind
            kindLabel = lang.t(e.kind.labelKey)
            method = e.method
            url = e.url
            detail = e.detail
        }
    }

    struct Filter {
        var actor: String?
        var entityType: String?
        var entityID: Int?
        var from: Date?
        var to: Date?
        var page = 1

        static func parse(_ req: Request) throws -> Filter {
            var f = Filter()
            f.actor = req.query[String.self, at: "actor"].flatMap { $0.isEmpty ? nil : $0 }
            f.entityType = req.query[String.self, at: "entityType"].flatMap { $0.isEmpty ? nil : $0 }
            // Entity types are snake_case words; anything else is a mistake, not a filter that matches nothing.
            if let t = f.entityType, t.count > 40 || !t.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") }) {
                throw AppError.badRequest("error.enum", args: ["entityType", String(t.prefix(20))])
            }
            if let raw = req.query[String.self, at: "entityId"], !raw.isEmpty {
                guard let id = Int(raw) else { throw AppError.badRequest("error.badID", args: [raw]) }
                f.entityID = id
            }
            f.from = try date(req, "from", endOfDay: false)
            f.to = try date(req, "to", endOfDay: true)
            f.page = try req.page()
            return f
        }

        /// A day typed as 2026-11-24 counts in Asia/Shanghai; a full ISO 8601 time is taken as is.
        static func date(_ req: Request, _ key: String, endOfDay: Bool) throws -> Date? {
            guard let raw = req.query[String.self, at: key], !raw.isEmpty else { return nil }
            if let d = ISO8601DateFormatter().date(from: raw) { return d }
            guard let day = SimpleDate(raw) else { throw AppError.badRequest("error.date.param", args: [key, raw]) }
            var c = DateComponents()
            c.year = day.year
            c.month = day.month
            c.day = day.day
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            guard let start = cal.date(from: c) else {
                throw AppError.badRequest("error.date.param", args: [key, raw])
            }
            return endOfDay ? start.addingTimeInterval(86_400) : start
        }
    }

    static let pageSize = 100

    static func entries(_ req: Request, _ f: Filter) async throws -> [AuditEntry] {
        let v = try await req.require(.viewAudit)
        let q = AuditEntry.query(on: req.db).inScope(v.scope, \.$scopePath)
        if let a = f.actor { q.filter(\.$actorName ~~ a) }
        if let t = f.entityType { q.filter(\.$entityType == t) }
        if let id = f.entityID { q.filter(\.$entityID == id) }
        if let from = f.from { q.filter(\.$at >= from) }
        if let to = f.to { q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending)
            .range((f.page - 1) * pageSize..<f.page * pageSize).all()
    }

    static func accessEntries(_ req: Request, _ f: Filter) async throws -> [AccessLogEntry] {
        let v = try await req.require(.viewAudit)
        let q = AccessLogEntry.query(on: req.db).inScope(v.scope, \.$scopePath)
        if let a = f.actor { q.filter(\.$userName ~~ a) }
        if let from = f.from { q.filter(\.$at >= from) }
        if let to = f.to { q.filter(\.$at < to) }
        return try await q.sort(\.$at, .descending).sort(\.$id, .descending)
            .range((f.page - 1) * pageSize..<f.page * pageSize).all()
    }

    static func register(_ api: RoutesBuilder) {
        api.get("audit", use: list)
        api.get("audit", "export.csv", use: export)
        api.get("access-log", use: accessList)
    }

    /// The filtered log as CSV (up to 10,000 entries from the page asked for).
    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        var f = try Filter.parse(req)
        var all: [AuditEntry] = []
        for _ in 0..<100 {
            let batch = try await entries(req, f)
            all += batch
            if batch.count < pageSize { break }
            f.page += 1
        }
        let lang = req.lang
        let header = [
            "audit.at", "audit.actor", "audit.action", "audit.entity", "ID", "field.name", "audit.before",
            "audit.after",
        ]
        .map { $0 == "ID" ? $0 : lang.t($0) }
        let rows = all.map { e in
            [
                AuditLogPages.timeFormat.string(from: e.at), e.actorName,
                AuditAction(rawValue: e.action).map { lang.t($0.labelKey) } ?? e.action,
                lang.t("entity.\(e.entityType)"), String(e.entityID), e.entityLabel, e.beforeJSON ?? "",
                e.afterJSON ?? "",
            ]
        }
        return CSVResponse.make(fileName: "audit.csv", header: header, rows: rows)
    }

    @Sendable static func list(_ req: Request) async throws -> [EntryOut] {
        try await entries(req, try Filter.parse(req)).map { EntryOut($0, lang: req.lang) }
    }

    @Sendable static func accessList(_ req: Request) async throws -> [AccessOut] {
        try await accessEntries(req, try Filter.parse(req)).map { AccessOut($0, lang: req.lang) }
    }
}
