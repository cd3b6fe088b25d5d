import Fluent
import Vapor

/// 驻点走访: plans of which households to visit, by whom and by when; visits recorded from the phone in a few
/// taps;
/// a problem found on a visit becomes a request (channel "visit") in the same step.
final class VisitPlan: Model, @unchecked Sendable {
    static let schema = "visit_plans"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "visitor_user_id") var visitorUserID: Int
    @Field(key: "due") var due: String
    @Field(key: "household_ids") var householdIDs: String  // comma-separated, the plan's fixed list
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var households: [Int] { householdIDs.split(separator: ",").compactMap { Int($0) } }
}

final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "household_id") var householdID: Int
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "visitor_user_id") var visitorUserID: Int
    @Field(key: "at") var at: Date
    @Field(key: "note") var note: String
    @OptionalField(key: "request_id") var requestID: Int?
    @Field(key: "path") var path: String
    /// What the visitor found at the door; nil for visits recorded before outcomes were kept (they count as met).
    @OptionalField(key: "outcome") var outcome: VisitOutcome?
    init() {}

    /// Whether the visit reached the household: every outcome but nobody at home (see `VisitOutcome.counts`).
    var counts: Bool { outcome?.counts ?? true }
}

/// What a visitor found: the household met, nobody at home, a refusal, or the household moved away.
enum VisitOutcome: String, Codable, CaseIterable, Sendable, APIEnum {
    case met, nobodyHome, refused, movedAway
    var labelKey: String { "visit.outcome.\(rawValue)" }
    /// A visit counts towards the visit rate and a plan's progress unless nobody was at home: the household is
    /// still to be visited.
    var counts: Bool { self != .nobodyHome }
}

struct CreateVisits: AsyncMigration {
    var name: String { "010_create_visits" }
    func prepare(on db: Database) async throws {
        try await db.schema(VisitPlan.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("grid_id", .int, .required, .references(PlacesQueries.gridsTable, .id)).field(
                "visitor_user_id", .int, .required, .references(User.schema, .id)
            )
            .field("due", .string, .required).field("household_ids", .sql(unsafeRaw: "TEXT"), .required).field(
                "path", .string, .required
            )
            .field("created_at", .datetime).create()
        try await db.schema(Visit.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("household_id", .int, .required, .references(PlacesQueries.householdsTable, .id)).field(
                "grid_id", .int, .required
            )
            .field("visitor_user_id", .int, .required).field("at", .datetime, .required).field(
                "note", .sql(unsafeRaw: "TEXT"), .required
            )
            .field("request_id", .int).field("path", .string, .required).create()
        try await db.createIndex(table: Visit.schema, column: "grid_id")
    }
    func revert(on db: Database) async throws {
        try await db.schema(Visit.schema).delete()
        try await db.schema(VisitPlan.schema).delete()
    }
}

/// Visits keep what the visitor found at the door.
struct AddVisitOutcome: AsyncMigration {
    var name: String { "011_visit_outcome" }
    func prepare(on db: Database) async throws {
        try await db.schema(Visit.schema).field("outcome", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.schema(Visit.schema).deleteField("outcome").update()
    }
}
