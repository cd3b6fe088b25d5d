import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// 志愿者: a person registered as a volunteer with a community, with what they can do and when. One active
/// registration per person; it ends (dated), it is never deleted.
final class Volunteer: Model, @unchecked Sendable {
    static let schema = "volunteering_volunteers"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "community_node_id") var communityNodeID: Int
    /// The community's path: staff of the community and above see and manage the registration.
    @Field(key: "path") var path: String
    /// Service categories, comma-separated raw values of `ServiceCategory`.
    @Field(key: "categories") var categories: String
    @Field(key: "skills") var skills: String
    @Field(key: "availability") var availability: String
    @Field(key: "registered_on") var registeredOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @Field(key: "recorded_by") var recordedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

enum TeamKind: String, Codable, CaseIterable, Sendable {
    /// 党员志愿服务队
    case partyMemberTeam
    /// 志愿服务队
    case volunteerTeam
    /// 单位服务队 (a resident unit's team)
    case unitTeam
}

/// 服务团队: a team of volunteers owned by a community or street, optionally by a unit, with its categories, its
/// place and how many services it can run at once.
final class ServiceTeam: Model, @unchecked Sendable {
    static let schema = "volunteering_teams"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: TeamKind
    @Field(key: "node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @OptionalField(key: "owner_unit_id") var ownerUnitID: Int?
    @Field(key: "categories") var categories: String
    @Field(key: "skills") var skills: String
    @OptionalField(key: "grid_id") var gridID: Int?
    @Field(key: "place") var place: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    /// How many activities it can run at once (its free capacity: this less those not yet ended).
    @Field(key: "capacity") var capacity: Int
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A person in a team, from a day; one leader per team at a time. Leaving is dated.
final class TeamMember: Model, @unchecked Sendable {
    static let schema = "volunteering_team_members"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "team_id") var teamID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "path") var path: String
    @Field(key: "leader") var leader: Bool
    @Field(key: "joined_on") var joinedOn: String
    @OptionalField(key: "left_on") var leftOn: String?
    init() {}
}

enum ActivityState: String, Codable, CaseIterable, Sendable { case open, cancelled }

/// 活动: organised by a node of the tree, optionally hosted by a unit and run by a team; a time, a place (with a
/// point and radius for check-in on the spot), places to take and points offered for attending.
final class Activity: Model, @unchecked Sendable {
    static let schema = "volunteering_activities"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "category") var category: ServiceCategory
    @Field(key: "node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @OptionalField(key: "host_unit_id") var hostUnitID: Int?
    @OptionalField(key: "team_id") var teamID: Int?
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "address") var address: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    @Field(key: "radius_m") var radiusMeters: Int
    @Field(key: "capacity") var capacity: Int
    @Field(key: "points") var points: Int
    @Field(key: "description") var details: String
    /// Six digits shown at the place (and in the QR link): the phone checks in and out with it.
    @Field(key: "code") var code: String
    @Field(key: "state") var state: ActivityState
    @Field(key: "created_by") var createdBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var window: VolunteeringRules.Window { .init(start: startsAt, end: endsAt) }
    var span: Span { Span(start: startsAt, end: endsAt) }
    var point: Coordinate? { lat.flatMap { lat in lng.map { Coordinate(lat: lat, lng: $0) } } }
}

enum SignupStatus: String, Codable, CaseIterable, Sendable { case confirmed, waiting, cancelled }

/// A person's sign-up for an activity: a place, or a place on the wait list (in order of sign-up); cancelling keeps
/// the row. Check-in and check-out are stamped on it.
final class Signup: Model, @unchecked Sendable {
    static let schema = "volunteering_signups"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "activity_id") var activityID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "path") var path: String
    @Field(key: "status") var status: SignupStatus
    @Field(key: "signed_at") var signedAt: Date
    /// When a place freed by someone else went to this sign-up from the wait list (the volunteer is told).
    @OptionalField(key: "promoted_at") var promotedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    @OptionalField(key: "checked_out_at") var checkedOutAt: Date?
    init() {}
}

enum HourSource: String, Codable, CaseIterable, Sendable { case checkInOut, hourCode, manual }

/// 服务时长: hours a person gave, from a check-in and check-out, a one-time hour code or a manual entry with its
/// approver. Never two for the same time of one person; never deleted (Points accrues once per id).
final class ServiceHour: Model, @unchecked Sendable {
    static let schema = "volunteering_hours"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    /// Where the service was given: the activity's or team's path, else the volunteer's community.
    @Field(key: "path") var path: String
    @Field(key: "minutes") var minutes: Int
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "ended_at") var endedAt: Date
    @Field(key: "source") var source: HourSource
    @OptionalField(key: "activity_id") var activityID: Int?
    @OptionalField(key: "team_id") var teamID: Int?
    @OptionalField(key: "host_unit_id") var hostUnitID: Int?
    @OptionalField(key: "signup_id") var signupID: Int?
    @OptionalField(key: "hour_code_id") var hourCodeID: Int?
    @OptionalField(key: "approver_user_id") var approverUserID: Int?
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var shift: VolunteeringRules.Shift { .init(start: startedAt, end: endedAt) }
}

/// 时长码: issued by an organiser for an activity or a team, good for one person once, with the minutes it gives.
final class HourCode: Model, @unchecked Sendable {
    static let schema = "volunteering_hour_codes"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @OptionalField(key: "activity_id") var activityID: Int?
    @OptionalField(key: "team_id") var teamID: Int?
    @Field(key: "path") var path: String
    @Field(key: "minutes") var minutes: Int
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "ended_at") var endedAt: Date
    @Field(key: "issued_by") var issuedBy: Int
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "used_by_person_id") var usedByPersonID: Int?
    @OptionalField(key: "used_at") var usedAt: Date?
    init() {}
}

struct CreateVolunteering: AsyncMigration {
    var name: String { "070_create_volunteering" }
    func prepare(on db: Database) async throws {
        try await db.schema(Volunteer.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("categories", .string, .required)
            .field("skills", .string, .required)
            .field("availability", .string, .required)
            .field("registered_on", .string, .required)
            .field("ended_on", .string)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await db.schema(ServiceTeam.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("owner_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("categories", .string, .required)
            .field("skills", .string, .required)
            .field("grid_id", .int, .references(PlacesQueries.gridsTable, .id))
            .field("place", .string, .required)
            .field("lat", .double)
            .field("lng", .double)
            .field("capacity", .int, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(TeamMember.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("team_id", .int, .required, .references(ServiceTeam.schema, .id))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .field("leader", .bool, .required)
            .field("joined_on", .string, .required)
            .field("left_on", .string)
            .create()
        try await db.schema(Activity.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("host_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("team_id", .int, .references(ServiceTeam.schema, .id))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("address", .string, .required)
            .field("lat", .double)
            .field("lng", .double)
            .field("radius_m", .int, .required)
            .field("capacity", .int, .required)
            .field("points", .int, .required)
            .field("description", .sql(unsafeRaw: "TEXT"), .required)
            .field("code", .string, .required)
            .field("state", .string, .required)
            .field("created_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await db.schema(Signup.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("activity_id", .int, .required, .references(Activity.schema, .id))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .field("status", .string, .required)
            .field("signed_at", .datetime, .required)
            .field("promoted_at", .datetime)
            .field("cancelled_at", .datetime)
            .field("checked_in_at", .datetime)
            .field("checked_out_at", .datetime)
            .create()
        try await db.schema(HourCode.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("activity_id", .int, .references(Activity.schema, .id))
            .field("team_id", .int, .references(ServiceTeam.schema, .id))
            .field("path", .string, .required)
            .field("minutes", .int, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime, .required)
            .field("issued_by", .int, .required, .references(User.schema, .id))
            .field("issued_at", .datetime, .required)
            .field("used_by_person_id", .int, .references(PeopleQueries.table, .id))
            .field("used_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema(ServiceHour.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .field("minutes", .int, .required)
            .field("started_at", .datetime, .required)
            .field("ended_at", .datetime, .required)
            .field("source", .string, .required)
            .field("activity_id", .int, .references(Activity.schema, .id))
            .field("team_id", .int, .references(ServiceTeam.schema, .id))
            .field("host_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("signup_id", .int, .references(Signup.schema, .id))
            .field("hour_code_id", .int, .references(HourCode.schema, .id))
            .field("approver_user_id", .int, .references(User.schema, .id))
            .field("note", .string, .required)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "signup_id")
            .unique(on: "hour_code_id")
            .create()
        for (table, column) in [
            (Volunteer.schema, "path"), (Volunteer.schema, "person_id"), (ServiceTeam.schema, "path"),
            (ServiceTeam.schema, "owner_unit_id"), (TeamMember.schema, "team_id"), (TeamMember.schema, "person_id"),
            (Activity.schema, "path"), (Activity.schema, "starts_at"), (Activity.schema, "host_unit_id"),
            (Activity.schema, "code"), (Signup.schema, "activity_id"), (Signup.schema, "person_id"),
            (ServiceHour.schema, "person_id"), (ServiceHour.schema, "path"), (ServiceHour.schema, "started_at"),
            (ServiceHour.schema, "activity_id"), (ServiceHour.schema, "team_id"),
            (ServiceHour.schema, "host_unit_id"), (HourCode.schema, "activity_id"),
        ] {
            try await db.createIndex(table: table, column: column)
        }
        // One active registration per person, one live sign-up per person and activity, whatever a race does.
        let sql = try db.sql()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX uq_volunteering_volunteers_active ON \(ident: Volunteer.schema) (person_id) \
            WHERE ended_on IS NULL
            """
        ).run()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX uq_volunteering_signups_live ON \(ident: Signup.schema) (activity_id, person_id) \
            WHERE status <> 'cancelled'
            """
        ).run()
        try await sql.raw(
            """
            CREATE UNIQUE INDEX uq_volunteering_team_members_active ON \(ident: TeamMember.schema) \
            (team_id, person_id) WHERE left_on IS NULL
            """
        ).run()
    }
    func revert(on db: Database) async throws {
        for table in [
            ServiceHour.schema, HourCode.schema, Signup.schema, Activity.schema, TeamMember.schema,
            ServiceTeam.schema, Volunteer.schema,
        ] {
            try await db.schema(table).delete()
        }
    }
}
