import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// 审批: a record a rule makes wait for a named approver (hours entered by hand, a manual points award). What the
/// capability would have written waits here as its payload; the approver's decision writes it, in the decision's
/// transaction, so nothing counts before it is approved and nothing needs a "pending" filter in every figure.
final class Approval: Model, @unchecked Sendable {
    static let schema = "approvals"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    /// The `ApprovalKind` that applies it (volunteering_manual_hours).
    @Field(key: "kind") var kind: String
    @Field(key: "path") var path: String
    /// What it is, as the approver reads it ("张三 · 2 小时 · 社区清扫").
    @Field(key: "label") var label: String
    /// The capability's record to be, as JSON.
    @Field(key: "payload") var payload: String
    @Field(key: "recorded_by") var recordedBy: Int
    @Field(key: "recorded_by_name") var recordedByName: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "approver_user_id") var approverUserID: Int
    @Field(key: "approver_name") var approverName: String
    @OptionalField(key: "beneficiary_person_id") var beneficiaryPersonID: Int?
    @Field(key: "state") var state: ApprovalState
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    /// The record the approval wrote.
    @OptionalField(key: "result_id") var resultID: Int?
    init() {}

    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

struct CreateApprovals: AsyncMigration {
    var name: String { "016_create_approvals" }
    func prepare(on db: Database) async throws {
        try await db.schema(Approval.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("path", .string, .required)
            .field("label", .string, .required)
            .field("payload", .sql(unsafeRaw: "TEXT"), .required)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("approver_user_id", .int, .required, .references(User.schema, .id))
            .field("approver_name", .string, .required)
            .field("beneficiary_person_id", .int)
            .field("state", .string, .required)
            .field("decided_at", .datetime)
            .field("reason", .sql(unsafeRaw: "TEXT"))
            .field("result_id", .int)
            .create()
        try await db.createIndex(table: Approval.schema, columns: ["approver_user_id", "state"])
        try await db.createIndex(table: Approval.schema, columns: ["path"])
    }
    func revert(on db: Database) async throws { try await db.schema(Approval.schema).delete() }
}

/// One kind of record that waits for approval, declared in its capability's manifest.
struct ApprovalKind: Sendable {
    let kind: String
    let label: Text
    /// Where the approved record is seen (the hours list, the person's ledger).
    let link: @Sendable (Approval) -> Link
    /// Writes the record from the payload in the decision's transaction (its own rules checked again: the
    /// person's hours may have changed since) and answers its id.
    let apply: @Sendable (Approval, ApprovalDecision) async throws -> Int

    static func named(_ kind: String) -> ApprovalKind? {
        Capability.all.flatMap(\.approvals).first { $0.kind == kind }
    }

    /// The kind's name in the viewer's language.
    static func label(_ kind: String, _ lang: Lang) -> String { named(kind).map { lang.t($0.label) } ?? kind }
}

/// The decision's context for `ApprovalKind.apply`.
struct ApprovalDecision: Sendable {
    let db: any Database
    /// The approver deciding.
    let viewer: Viewer
    let now: Date
}

extension ApprovalRules.Refusal: KeyedRuleError {}

enum Approvals {
    /// A record to wait for `approver`: refused when the approver is the recorder or the beneficiary. Audited in
    /// the caller's transaction.
    static func request<P: Encodable>(
        _ kind: ApprovalKind, payload: P, path: String, label: String, approver: User, beneficiaryPersonID: Int?,
        by v: Viewer, at now: Date, on db: any Database
    ) async throws -> Approval {
        do {
            try ApprovalRules.checkNaming(
                approver: .init(userID: approver.id!, personID: approver.personID), recorderUserID: v.user.id!,
                beneficiaryPersonID: beneficiaryPersonID)
        } catch {
            throw AppError.invalid(key: error.messageKey, field: "approverUserId")
        }
        let a = Approval()
        a.kind = kind.kind
        a.path = path
        a.label = label
        a.payload = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        a.recordedBy = v.user.id!
        a.recordedByName = v.user.displayName
        a.recordedAt = now
        a.approverUserID = approver.id!
        a.approverName = approver.displayName
        a.beneficiaryPersonID = beneficiaryPersonID
        a.state = .pending
        try await a.create(on: db)
        try await Audit.record(
            on: db, by: v, at: now, .create, entity: .approval, id: a.id!, label: label, scopePath: path,
            before: nil as String?, after: ["kind": kind.kind, "approver": approver.displayName, "state": "pending"])
        return a
    }

    static func payload<P: Decodable>(_ type: P.Type, of a: Approval) throws -> P {
        try JSONDecoder().decode(type, from: Data(a.payload.utf8))
    }

    /// The named approver approves (the record is written) or refuses with a reason (nothing is written; the
    /// refusal stays on record). Anyone else is refused as if the approval did not exist.
    static func decide(_ caller: Caller, id: Int, approve: Bool, reason: String?) async throws -> Approval {
        let v = try caller.requireViewer()
        guard let a = try await Approval.find(id, on: caller.db) else { throw AppError.notFound() }
        guard a.approverUserID == v.user.id || a.recordedBy == v.user.id || v.scope.includes(TreePath(a.path)) else {
            throw await caller.outOfScope("approval \(id)", scopePath: a.path)
        }
        let why = try FormText.optional(reason, field: "reason", max: 500) ?? ""
        do {
            try ApprovalRules.checkDecision(
                state: a.state, decider: .init(userID: v.user.id!, personID: v.user.personID),
                approverUserID: a.approverUserID, recorderUserID: a.recordedBy,
                beneficiaryPersonID: a.beneficiaryPersonID, approve: approve, reason: why)
        } catch {
            switch error {
            case .notApprover:
                throw await caller.forbidden("decide approval \(id)", scopePath: a.path)
            case .decided: throw AppError.conflict(key: error.messageKey)
            default: throw AppError.invalid(key: error.messageKey, field: "reason")
            }
        }
        guard let kind = ApprovalKind.named(a.kind) else { throw AppError.notFound() }
        let now = caller.now
        try await caller.db.writing { db in
            // Once, even when two decisions race: the row changes only while it waits.
            let changed = try await db.sql().update(Approval.schema)
                .set("state", to: SQLBind((approve ? ApprovalState.approved : .refused).rawValue))
                .set("decided_at", to: SQLBind(now)).set("reason", to: SQLBind(why.isEmpty ? nil : why))
                .where("id", .equal, SQLBind(id)).where("state", .equal, SQLBind(ApprovalState.pending.rawValue))
                .returning("id").all()
            guard !changed.isEmpty else { throw AppError.conflict(key: ApprovalRules.Refusal.decided.messageKey) }
            if approve {
                let result = try await kind.apply(a, ApprovalDecision(db: db, viewer: v, now: now))
                try await db.sql().update(Approval.schema).set("result_id", to: SQLBind(result))
                    .where("id", .equal, SQLBind(id)).run()
                a.resultID = result
            }
            try await Audit.record(
                on: db, by: v, at: now, .update, entity: .approval, id: id, label: a.label, scopePath: a.path,
                before: ["state": "pending"],
                after: ["state": approve ? "approved" : "refused", "reason": why])
        }
        a.state = approve ? .approved : .refused
        a.decidedAt = now
        a.reason = why.isEmpty ? nil : why
        return a
    }

    /// What waits on the viewer.
    static func waiting(for v: Viewer, on db: any Database) async throws -> QueryBuilder<Approval> {
        Approval.query(on: db).filter(\.$approverUserID == v.user.id!).filter(\.$state == .pending)
    }
}

/// An approval as lists and the API show it.
struct ApprovalOut: Content {
    let id: Int
    /// The kind of record (volunteering_manual_hours, points_manual_entry).
    let kind: String
    let label: String
    let recordedByName: String
    let recordedAt: Date
    let approverUserID: Int
    let approverName: String
    let state: ApprovalState
    let decidedAt: Date?
    let reason: String?
    /// Whether the caller may decide it now.
    let mayDecide: Bool
}

extension Approvals {
    static func out(_ rows: [Approval], _ caller: Caller) async throws -> [ApprovalOut] {
        let v = try caller.requireViewer()
        return rows.map { a in
            ApprovalOut(
                id: a.id!, kind: a.kind, label: a.label, recordedByName: a.recordedByName, recordedAt: a.recordedAt,
                approverUserID: a.approverUserID, approverName: a.approverName, state: a.state,
                decidedAt: a.decidedAt, reason: a.reason,
                mayDecide: a.state == .pending && a.approverUserID == v.user.id)
        }
    }
}

extension AuditKind {
    static let approval = AuditKind("approval")
}
