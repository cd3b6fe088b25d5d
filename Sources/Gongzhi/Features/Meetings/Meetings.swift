import Fluent
import SQLKit
import Vapor

/// 联席会议 / 议事会: one meeting of any kind, at a community or street (its node), maybe of a joint body.
/// Time and place changes and state changes raise `sequence`, which calendar feeds send as SEQUENCE.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: MeetingKind
    @Field(key: "title") var title: String
    @Field(key: "org_node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @OptionalField(key: "body_id") var bodyID: Int?
    /// The local day (Asia/Shanghai), "2026-11-25", and the start and end instants.
    @Field(key: "day") var day: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "place") var place: String
    /// Who chairs it, as written (a name); the hosting unit when the host rotates among member units.
    @Field(key: "host") var host: String
    @OptionalField(key: "host_unit_id") var hostUnitID: Int?
    /// Who attended, as written on the meetings recorded before invitations were kept.
    @Field(key: "attendees_note") var attendeesNote: String
    @Field(key: "state") var state: MeetingState
    @Field(key: "sequence") var sequence: Int
    @Field(key: "check_in_code") var checkInCode: String
    @Field(key: "minutes") var minutes: String
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "created_by_user_id") var createdByUserID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}

    var span: Span { Span(start: startsAt, end: endsAt) }
    var localDay: LocalDate { LocalDate(day) ?? LocalDate(instant: startsAt.timeIntervalSince1970) }
}

/// An item of a meeting's agenda: a request awaiting the meeting's decision, a need or problem from the lists, or an
/// item a member proposed.
final class MeetingAgendaItem: Model, @unchecked Sendable {
    static let schema = "meeting_agenda_items"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "meeting_id") var meetingID: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "request_id") var requestID: Int?
    /// A need or problem of the four lists taken up by the meeting.
    @OptionalField(key: "list_item_id") var listItemID: Int?
    @Field(key: "proposer_name") var proposerName: String
    @OptionalField(key: "proposer_user_id") var proposerUserID: Int?
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// Someone invited to a meeting (from the body's roster on the day, or added), and their check-in.
final class MeetingInvitee: Model, @unchecked Sendable {
    static let schema = "meeting_invitees"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "meeting_id") var meetingID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "name") var name: String
    /// The unit the person represents at the meeting (their seat's unit), if any.
    @OptionalField(key: "unit_id") var unitID: Int?
    /// "roster" or "added".
    @Field(key: "source") var source: String
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    @OptionalField(key: "checked_in_by_user_id") var checkedInByUserID: Int?
    @OptionalField(key: "check_in_channel") var checkInChannel: CheckIn.Channel?
    @Field(key: "path") var path: String
    init() {}
}

/// A decision of a meeting: a task with one owner (a unit or a person with an account) and a due date, reported
/// back done with a note.
final class MeetingDecision: Model, @unchecked Sendable {
    static let schema = "meeting_decisions"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "meeting_id") var meetingID: Int
    @Field(key: "text") var text: String
    @OptionalField(key: "owner_unit_id") var ownerUnitID: Int?
    @OptionalField(key: "owner_person_id") var ownerPersonID: Int?
    @Field(key: "owner_name") var ownerName: String
    @Field(key: "due") var due: String
    @Field(key: "state") var state: DecisionState
    @OptionalField(key: "done_note") var doneNote: String?
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_by_user_id") var doneByUserID: Int?
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var hasOwner: Bool { ownerUnitID != nil || ownerPersonID != nil }
}

/// A user's calendar feed address: the token itself is shown once, only its SHA-256 is kept.
final class MeetingFeedToken: Model, @unchecked Sendable {
    static let schema = "meeting_feed_tokens"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

struct CreateMeetings: AsyncMigration {
    var name: String { "040_create_meetings" }
    func prepare(on db: Database) async throws {
        try await db.schema(Meeting.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required).field("title", .string, .required)
            .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required).field("body_id", .int)
            .field("day", .string, .required).field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required).field("place", .string, .required)
            .field("host", .string, .required).field("host_unit_id", .int)
            .field("attendees_note", .sql(unsafeRaw: "TEXT"), .required)
            .field("state", .string, .required).field("sequence", .int, .required)
            .field("check_in_code", .string, .required).field("minutes", .sql(unsafeRaw: "TEXT"), .required)
            .field("cancel_reason", .string).field("closed_at", .datetime).field("created_by_user_id", .int)
            .field("created_at", .datetime).field("updated_at", .datetime)
            .create()
        try await db.createIndex(table: Meeting.schema, column: "path")
        try await db.createIndex(table: Meeting.schema, column: "day")
        try await db.schema(MeetingAgendaItem.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("meeting_id", .int, .required, .references(Meeting.schema, .id))
            .field("title", .string, .required).field("request_id", .int)
            .field("proposer_name", .string, .required).field("proposer_user_id", .int)
            .field("path", .string, .required).field("created_at", .datetime)
            .create()
        try await db.createIndex(table: MeetingAgendaItem.schema, column: "meeting_id")
        try await db.schema(MeetingInvitee.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("meeting_id", .int, .required, .references(Meeting.schema, .id))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("name", .string, .required).field("unit_id", .int).field("source", .string, .required)
            .field("checked_in_at", .datetime).field("checked_in_by_user_id", .int).field("check_in_channel", .string)
            .field("path", .string, .required)
            .unique(on: "meeting_id", "person_id")
            .create()
        try await db.createIndex(table: MeetingInvitee.schema, column: "meeting_id")
        try await db.createIndex(table: MeetingInvitee.schema, column: "person_id")
        try await db.schema(MeetingDecision.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("meeting_id", .int, .required, .references(Meeting.schema, .id))
            .field("text", .sql(unsafeRaw: "TEXT"), .required)
            .field("owner_unit_id", .int).field("owner_person_id", .int).field("owner_name", .string, .required)
            .field("due", .string, .required).field("state", .string, .required)
            .field("done_note", .sql(unsafeRaw: "TEXT")).field("done_at", .datetime).field("done_by_user_id", .int)
            .field("path", .string, .required).field("created_at", .datetime)
            .create()
        try await db.createIndex(table: MeetingDecision.schema, column: "meeting_id")
        try await db.schema(MeetingFeedToken.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("token_hash", .string, .required).field("created_at", .datetime)
            .unique(on: "user_id").unique(on: "token_hash")
            .create()
    }
    func revert(on db: Database) async throws {
        for s in [
            MeetingFeedToken.schema, MeetingDecision.schema, MeetingInvitee.schema, MeetingAgendaItem.schema,
            Meeting.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}

/// Agenda items may name a need or problem of the four lists (no foreign key: the lists' tables come later in the
/// migration order, and the id is checked against the meeting's node when proposed).
struct AddAgendaNeeds: AsyncMigration {
    var name: String { "090_meeting_agenda_needs" }
    func prepare(on db: Database) async throws {
        try await db.schema(MeetingAgendaItem.schema).field("list_item_id", .int).update()
    }
    func revert(on db: Database) async throws {
        try await db.schema(MeetingAgendaItem.schema).deleteField("list_item_id").update()
    }
}

/// The request loop's joint meetings, kept until now by Requests in `joint_meetings`, become meetings of kind
/// `requestDecision` with the same ids (a request's decision names its meeting by id); the old table stays as it
/// was and nothing writes to it any more.
struct CopyJointMeetings: AsyncMigration {
    var name: String { "041_copy_joint_meetings" }
    func prepare(on db: Database) async throws {
        try await Self.copy(on: db)
    }
    func revert(on db: Database) async throws {}

    /// Copies every row not copied yet; safe to run again.
    static func copy(on db: any Database) async throws {
        let sql = try db.sql()
        struct Row: Decodable {
            let id: Int
            let communityNodeID: Int
            let path: String
            let date: String
            let host: String
            let attendees: String
            let createdAt: Date?

            enum CodingKeys: String, CodingKey {
                case id, path, date, host, attendees
                case communityNodeID = "community_node_id"
                case createdAt = "created_at"
            }
        }
        let rows = try await sql.raw(
            """
            SELECT id, community_node_id, path, date, host, attendees, created_at FROM \(ident: "joint_meetings")
            WHERE id NOT IN (SELECT id FROM \(ident: Meeting.schema)) ORDER BY id
            """
        ).all(decoding: Row.self)
        guard !rows.isEmpty else { return }
        var codes = RandomCodes()
        // A migration runs once, before the server takes requests and outside any test's clock: the live time.
        let now = AppClock.live.now
        for r in rows {
            let day = LocalDate(r.date) ?? LocalDate(instant: (r.createdAt ?? now).timeIntervalSince1970)
            let start = Date(timeIntervalSince1970: MeetingSchedule.instant(day, minutes: MeetingFacts.defaultStart))
            let end = start.addingTimeInterval(Double(MeetingFacts.defaultMinutes * 60))
            try await sql.insert(into: Meeting.schema)
                .columns(
                    "id", "kind", "title", "org_node_id", "path", "day", "starts_at", "ends_at", "place", "host",
                    "attendees_note", "state", "sequence", "check_in_code", "minutes", "created_at", "updated_at"
                )
                .values(
                    SQLBind(r.id), SQLBind(MeetingKind.requestDecision.rawValue), SQLBind(""),
                    SQLBind(r.communityNodeID), SQLBind(r.path), SQLBind(day.description), SQLBind(start),
                    SQLBind(end), SQLBind(""), SQLBind(r.host), SQLBind(r.attendees),
                    SQLBind(MeetingState.scheduled.rawValue), SQLBind(0), SQLBind(codes.next()), SQLBind(""),
                    SQLBind(r.createdAt ?? now), SQLBind(now)
                )
                .run()
        }
        // PostgreSQL's identity does not see ids written by hand: the next meeting must come after them.
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                SELECT setval(pg_get_serial_sequence('meetings', 'id'), (SELECT MAX(id) FROM meetings))
                """
            ).run()
        }
    }
}

/// Six-digit check-in codes.
struct RandomCodes {
    var generator = SystemRandomNumberGenerator()
    mutating func next() -> String {
        let n = Int.random(in: 0...999_999, using: &generator)
        let s = String(n)
        return String(repeating: "0", count: 6 - s.count) + s
    }
}
