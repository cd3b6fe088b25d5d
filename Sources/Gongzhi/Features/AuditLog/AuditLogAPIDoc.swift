import Vapor

/// The logs' part of the API document. The kinds of record come from `AuditKind.all`, as the filter's do.
enum AuditLogAPIDoc {
    static var filters: [APIParameter] {
        [
            actor,
            .query("entityType", .strings(AuditKind.all.map(\.rawValue)), "kind of record"),
            .query("entityId", .integer, "record id"),
        ] + period
    }
    static let actor = APIParameter.query("actor", .text, "part of the acting user's name or username")
    static let period: [APIParameter] = [
        .query("from", .text, "first day (YYYY-MM-DD, Asia/Shanghai) or ISO 8601 time"),
        .query("to", .text, "last day (inclusive) or ISO 8601 time"),
        .query("page", .integer(min: 1, max: Request.maxPage), "page of 100"),
    ]

    static var operations: [APIOperation] {
        [
            APIOperation(
                .get, "audit", "Audit log in scope: who changed what, when, before and after", tag: "audit",
                parameters: filters, answer: .list(AuditLogAPI.EntryOut.self)),
            APIOperation(
                .get, "audit/export.csv", "The filtered audit log as CSV (up to 10,000 entries)", tag: "audit",
                parameters: filters, answer: .raw(.text, "text/csv")),
            APIOperation(
                .get, "access-log",
                "Access log in scope: unmasked reads, refused reads and changes, failed sign-ins", tag: "audit",
                parameters: [actor] + period, answer: .list(AuditLogAPI.AccessOut.self)),
        ]
    }
}

extension AuditLogAPI.EntryOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "before": ["description": "JSON of the record before"], "after": ["description": "JSON of the record after"],
    ]
}
