import Fluent
import GongzhiCore
import Vapor

/// 大工委 / 大党委 and the other regional bodies: the organisation they hang on, their rules, their member units
/// and the dated seats people hold. Nothing is overwritten: a membership or a seat ends on a day, and "the body
/// as of a date" is a query.
final class JointBody: Model, @unchecked Sendable {
    static let schema = "joint_bodies"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: JointBodyKind
    /// The street or community organisation that leads the body ("1" of 1+N+X).
    @Field(key: "node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "established_on") var establishedOn: String
    @OptionalField(key: "dissolved_on") var dissolvedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    struct Snapshot: Codable, Sendable {
        let name: String
        let kind: JointBodyKind
        let nodeID: Int
        let establishedOn: String
        let dissolvedOn: String?
    }
    var snapshot: Snapshot {
        Snapshot(name: name, kind: kind, nodeID: nodeID, establishedOn: establishedOn, dissolvedOn: dissolvedOn)
    }
}

/// A member organisation: a resident unit in the body with its 1+N+X role, from a day to a day.
final class BodyMembership: Model, @unchecked Sendable {
    static let schema = "joint_body_members"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "body_id") var bodyID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "role") var role: MemberRole
    @Field(key: "from_day") var fromDay: String
    @OptionalField(key: "to_day") var toDay: String?
    /// The body's path, so a move of the body's organisation carries its members.
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var days: DayRange { DayRange(from: LocalDate(fromDay)!, to: toDay.flatMap(LocalDate.init)) }
    var membership: Membership { Membership(unitID: unitID, role: role, days: days) }
}

/// A dated seat: a person in a body, or (with `hostUnitID`) a person of the body the body seats in a member
/// unit's organisation, 交叉任职 the other way. `unitID` is the unit the holder sits for.
final class Appointment: Model, @unchecked Sendable {
    static let schema = "appointments"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "body_id") var bodyID: Int
    @OptionalField(key: "host_unit_id") var hostUnitID: Int?
    @Field(key: "position") var position: SeatPosition
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "from_day") var fromDay: String
    @OptionalField(key: "to_day") var toDay: String?
    /// The body's path.
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var days: DayRange { DayRange(from: LocalDate(fromDay)!, to: toDay.flatMap(LocalDate.init)) }
    var holding: SeatHolding {
        SeatHolding(id: id ?? 0, personID: personID, position: position, unitID: unitID, days: days)
    }

    struct Snapshot: Codable, Sendable {
        let personID: Int
        let bodyID: Int
        let hostUnitID: Int?
        let position: SeatPosition
        let unitID: Int?
        let fromDay: String
        let toDay: String?
    }
    var snapshot: Snapshot {
        Snapshot(
            personID: personID, bodyID: bodyID, hostUnitID: hostUnitID, position: position, unitID: unitID,
            fromDay: fromDay, toDay: toDay)
    }
}

/// The body's rules and other documents (工作规则, 议事规则), with the day they were adopted.
final class BodyDocument: Model, @unchecked Sendable {
    static let schema = "joint_body_documents"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "body_id") var bodyID: Int
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    @Field(key: "adopted_on") var adoptedOn: String
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

struct CreateJointBodies: AsyncMigration {
    var name: String { "020_create_joint_bodies" }
    func prepare(on db: Database) async throws {
        try await db.schema(JointBody.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("established_on", .string, .required)
            .field("dissolved_on", .string)
            .field("created_at", .datetime)
            .create()
        try await db.createIndex(table: JointBody.schema, column: "path")
        try await db.schema(BodyMembership.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("body_id", .int, .required, .references(JointBody.schema, .id))
            .field("unit_id", .int, .required, .references(UnitsQueries.table, .id))
            .field("role", .string, .required)
            .field("from_day", .string, .required)
            .field("to_day", .string)
            .field("path", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.createIndex(table: BodyMembership.schema, column: "body_id")
        try await db.createIndex(table: BodyMembership.schema, column: "unit_id")
        try await db.schema(Appointment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("body_id", .int, .required, .references(JointBody.schema, .id))
            .field("host_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("position", .string, .required)
            .field("unit_id", .int, .references(UnitsQueries.table, .id))
            .field("from_day", .string, .required)
            .field("to_day", .string)
            .field("path", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await db.createIndex(table: Appointment.schema, column: "body_id")
        try await db.createIndex(table: Appointment.schema, column: "person_id")
        try await db.createIndex(table: Appointment.schema, column: "host_unit_id")
        try await db.schema(BodyDocument.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("body_id", .int, .required, .references(JointBody.schema, .id))
            .field("title", .string, .required)
            .field("text", .sql(unsafeRaw: "TEXT"), .required)
            .field("adopted_on", .string, .required)
            .field("path", .string, .required)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema(BodyDocument.schema).delete()
        try await db.schema(Appointment.schema).delete()
        try await db.schema(BodyMembership.schema).delete()
        try await db.schema(JointBody.schema).delete()
    }
}
