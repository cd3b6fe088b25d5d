import Fluent
import Vapor

/// One change: who, when, what, before and after. Append-only: no route updates or deletes a row.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: Int?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: Int
    @Field(key: "entity_label") var entityLabel: String
    /// Tree path of the node the entity belongs to, so the log is scoped like everything else.
    @Field(key: "scope_path") var scopePath: String
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?
    init() {}
}

/// Reads of personal data in clear, refused reads and failed logins: the access log.
final class AccessLogEntry: Model, @unchecked Sendable {
    static let schema = "access_log"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "user_name") var userName: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "method") var method: String
    @Field(key: "url") var url: String
    @Field(key: "detail") var detail: String
    @Field(key: "scope_path") var scopePath: String
    init() {}

    enum Kind: String, Codable, CaseIterable, Sendable, APIEnum {
        case unmaskedRead, outOfScopeRead, forbiddenChange, loginFailed, accountLocked, duplicateCheck, codeGuess
        var labelKey: String { "accessKind.\(rawValue)" }
    }
}

struct CreateAuditTables: AsyncMigration {
    var name: String { "003_create_audit_tables" }
    func prepare(on db: Database) async throws {
        try await db.schema(AuditEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .int)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .int, .required)
            .field("entity_label", .string, .required)
            .field("scope_path", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await db.createIndex(table: AuditEntry.schema, column: "scope_path")
        try await db.createIndex(table: AuditEntry.schema, column: "entity_id")
        try await db.schema(AccessLogEntry.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("user_id", .int)
            .field("user_name", .string, .required)
            .field("kind", .string, .required)
            .field("method", .string, .required)
            .field("url", .string, .required)
            .field("detail", .string, .required)
            .field("scope_path", .string, .required)
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema(AccessLogEntry.schema).delete()
        try await db.schema(AuditEntry.schema).delete()
    }
}

/// The access log is read by kind and time on every code a person types (`CodeGuesses`) and every masked duplicate
/// check: an index keeps those counts from reading the whole log as it grows.
struct IndexAccessLogByKind: AsyncMigration {
    var name: String { "015_index_access_log_by_kind" }
    func prepare(on db: Database) async throws {
        try await db.createIndex(table: AccessLogEntry.schema, columns: ["kind", "at"])
    }
    func revert(on db: Database) async throws {
        try await db.sql().raw("DROP INDEX IF EXISTS \(ident: "idx_access_log_kind_at")").run()
    }
}
