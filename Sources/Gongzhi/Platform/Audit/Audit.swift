import Fluent
import Vapor

enum AuditAction: String, Codable, CaseIterable, Sendable {
    case create, update, move, merge, archive, restore, importCommit, passwordChange
    var labelKey: String { "audit.\(rawValue)" }
}

enum Audit {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Call inside the transaction of the change it records, with that transaction's `db`.
    static func record<B: Encodable, A: Encodable>(
        on db: Database, by actor: Viewer?, at now: Date, _ action: AuditAction,
        entity: AuditKind, id: Int, label: String, scopePath: String,
        before: B?, after: A?
    ) async throws {
        let entry = AuditEntry()
        entry.at = now
        entry.actorID = actor?.user.id
        entry.actorName = actor.map { "\($0.user.displayName) (\($0.user.username))" } ?? "system"
        entry.action = action.rawValue
        entry.entityType = entity.rawValue
        entry.entityID = id
        entry.entityLabel = label
        entry.scopePath = scopePath
        entry.beforeJSON = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        entry.afterJSON = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await entry.create(on: db)
    }
}

enum AccessLog {
    static func write(
        _ caller: Caller, _ kind: AccessLogEntry.Kind, detail: String, scopePath: String? = nil,
        userName: String? = nil
    ) async {
        let entry = entry(caller, kind, detail: detail, scopePath: scopePath, userName: userName)
        do { try await entry.create(on: caller.db) } catch { caller.logger.report(error: error) }
    }

    /// An entry not yet saved, for writing many at once.
    static func entry(
        _ caller: Caller, _ kind: AccessLogEntry.Kind, detail: String, scopePath: String? = nil,
        userName: String? = nil
    ) -> AccessLogEntry {
        let entry = AccessLogEntry()
        entry.at = caller.now
        entry.userID = caller.viewer?.user.id
        entry.userName = userName ?? caller.viewer.map { $0.user.username } ?? "-"
        entry.kind = kind
        entry.method = caller.method
        entry.url = String(caller.path.prefix(500))
        entry.detail = String(detail.prefix(500))
        entry.scopePath = scopePath ?? caller.viewer?.node.path ?? "/"
        caller.logger.notice(
            "access \(kind.rawValue)",
            metadata: ["user": .string(entry.userName), "url": .string(entry.url), "detail": .string(entry.detail)])
        return entry
    }
}
