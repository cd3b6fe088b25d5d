import Fluent
import Vapor

/// 居民诉求: one request, its current facts kept in step with its events in the same transaction.
final class ServiceRequest: Model, @unchecked Sendable {
    static let schema = "service_requests"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: RequestKind
    @Field(key: "category") var category: String
    @Field(key: "text") var text: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    @OptionalField(key: "household_id") var householdID: Int?
    @OptionalField(key: "place_note") var placeNote: String?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "community_node_id") var communityNodeID: Int
    /// The grid's path: the grid, its community, street and district see it.
    @Field(key: "path") var path: String
    @OptionalField(key: "reporter_user_id") var reporterUserID: Int?
    @OptionalField(key: "reporter_person_id") var reporterPersonID: Int?
    @Field(key: "channel") var channel: RequestChannel
    @Field(key: "is_public") var isPublic: Bool
    @Field(key: "state") var state: RequestState
    @Field(key: "level") var level: Int
    @Field(key: "reopen_count") var reopenCount: Int
    @OptionalField(key: "dispatched_from") var dispatchedFrom: RequestState?
    @Field(key: "pending_extension") var pendingExtension: Bool
    @OptionalField(key: "assignee_user_id") var assigneeUserID: Int?
    @OptionalField(key: "step_deadline") var stepDeadline: Date?
    @Field(key: "supervised") var supervised: Bool
    @OptionalField(key: "merged_into_id") var mergedIntoID: Int?
    @OptionalField(key: "rating") var rating: Rating?
    @OptionalField(key: "rating_comment") var ratingComment: String?
    @Field(key: "unrated") var unrated: Bool
    @Field(key: "version") var version: Int
    @Field(key: "raised_at") var raisedAt: Date
    @OptionalField(key: "taken_at") var takenAt: Date?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    init() {}

    var facts: RequestFacts {
        RequestFacts(
            state: state, level: EscalationLevel(rawValue: level) ?? .community, reopenCount: reopenCount,
            dispatchedFrom: dispatchedFrom, pendingExtension: pendingExtension)
    }
    var number: String { Self.number(for: id ?? 0) }
    /// GZ000012: what residents, staff and Open311 tokens call a request.
    static func number(for id: Int) -> String { "GZ" + String(format: "%06d", id) }
}

/// One step of a request: who, when, what, from which state to which, with a note. Never edited.
final class RequestEvent: Model, @unchecked Sendable {
    static let schema = "request_events"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "request_id") var requestID: Int
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_user_id") var actorUserID: Int?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "action") var action: RequestAction
    @Field(key: "from_state") var fromState: RequestState?
    @Field(key: "to_state") var toState: RequestState
    @Field(key: "note") var note: String
    @OptionalField(key: "deadline") var deadline: Date?
    init() {}
}

/// A dispatch to one handler (resident unit, department or volunteer team) with its own deadline.
final class RequestAssignment: Model, @unchecked Sendable {
    static let schema = "request_assignments"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "request_id") var requestID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "status") var status: Status
    @Field(key: "deadline") var deadline: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    enum Status: String, Codable, Sendable, CaseIterable, APIEnum {
        case pending, accepted, returned, completed, withdrawn
    }
}

/// Categories the district keeps, with the working-day limits of each step.
final class RequestCategory: Model, @unchecked Sendable {
    static let schema = "request_categories"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    /// The grid may dispatch directly (without the joint meeting).
    @Field(key: "direct_dispatch") var directDispatch: Bool
    @Field(key: "response_days") var responseDays: Int
    @Field(key: "review_days") var reviewDays: Int
    @Field(key: "handling_days") var handlingDays: Int
    @Field(key: "active") var active: Bool
    init() {}
    func name(_ lang: Lang) -> String { lang == .zhHans ? nameZh : nameEn }
}

/// A community joint meeting (联席会议) that decides forwarded requests.
final class JointMeeting: Model, @unchecked Sendable {
    static let schema = "joint_meetings"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "community_node_id") var communityNodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "date") var date: String
    @Field(key: "host") var host: String
    @Field(key: "attendees") var attendees: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A day of the working calendar, editable by administrators; seeded from the State Council's notices.
final class CalendarDay: Model, @unchecked Sendable {
    static let schema = "calendar_days"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "date") var date: String
    @Field(key: "kind") var kind: String  // "holiday" | "workday"
    @Field(key: "name") var name: String
    @Field(key: "source") var source: String
    init() {}
}

struct CreateRequests: AsyncMigration {
    var name: String { "008_create_requests" }
    func prepare(on db: Database) async throws {
        try await db.schema(ServiceRequest.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required).field("category", .string, .required).field(
                "text", .sql(unsafeRaw: "TEXT"), .required
            )
            .field("lat", .double).field("lng", .double).field("household_id", .int)
            .field("grid_id", .int, .required, .references(PlacesQueries.gridsTable, .id))
            .field("community_node_id", .int, .required).field("path", .string, .required)
            .field("reporter_user_id", .int).field("reporter_person_id", .int)
            .field("channel", .string, .required).field("is_public", .bool, .required)
            .field("state", .string, .required).field("level", .int, .required).field("reopen_count", .int, .required)
            .field("dispatched_from", .string).field("pending_extension", .bool, .required)
            .field("assignee_user_id", .int).field("step_deadline", .datetime).field("supervised", .bool, .required)
            .field("merged_into_id", .int).field("rating", .string).field("rating_comment", .string)
            .field("unrated", .bool, .required).field("version", .int, .required)
            .field("raised_at", .datetime, .required).field("taken_at", .datetime).field("resolved_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await db.createIndex(table: ServiceRequest.schema, column: "path")
        try await db.createIndex(table: ServiceRequest.schema, column: "state")
        try await db.createIndex(table: ServiceRequest.schema, column: "reporter_user_id")
        try await db.schema(RequestEvent.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("request_id", .int, .required, .references(ServiceRequest.schema, .id))
            .field("at", .datetime, .required).field("actor_user_id", .int).field("actor_name", .string, .required)
            .field("action", .string, .required).field("from_state", .string).field("to_state", .string, .required)
            .field("note", .sql(unsafeRaw: "TEXT"), .required).field("deadline", .datetime)
            .create()
        try await db.createIndex(table: RequestEvent.schema, column: "request_id")
        try await db.schema(RequestAssignment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("request_id", .int, .required, .references(ServiceRequest.schema, .id))
            .field("unit_id", .int, .required, .references(UnitsQueries.table, .id))
            .field("status", .string, .required).field("deadline", .datetime, .required).field("created_at", .datetime)
            .create()
        try await db.createIndex(table: RequestAssignment.schema, column: "request_id")
        try await db.schema(RequestCategory.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required).field("name_zh", .string, .required).field(
                "name_en", .string, .required
            )
            .field("direct_dispatch", .bool, .required).field("response_days", .int, .required)
            .field("review_days", .int, .required).field("handling_days", .int, .required).field(
                "active", .bool, .required
            )
            .unique(on: "code").create()
        try await db.schema(JointMeeting.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id)).field(
                "path", .string, .required
            )
            .field("date", .string, .required).field("host", .string, .required).field("attendees", .string, .required)
            .field("created_at", .datetime).create()
        try await db.schema(CalendarDay.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("year", .int, .required).field("date", .string, .required).field("kind", .string, .required)
            .field("name", .string, .required).field("source", .string, .required)
            .unique(on: "date").create()
        // The shipped calendars and categories, so a new server can compute deadlines at once.
        var days: [CalendarDay] = []
        for y in StatutoryHolidays.shipped {
            for (d, name) in y.holidays {
                let c = CalendarDay()
                c.year = y.year
                c.date = d.description
                c.kind = "holiday"
                c.name = name
                c.source = y.source
                days.append(c)
            }
            for (d, name) in y.workdays {
                let c = CalendarDay()
                c.year = y.year
                c.date = d.description
                c.kind = "workday"
                c.name = name
                c.source = y.source
                days.append(c)
            }
        }
        try await days.create(on: db)
        let categories: [(String, String, String, Bool, Int)] = [
            ("environment", "环境卫生", "Environment and sanitation", true, 3),
            ("facilities", "市政设施", "Public facilities", true, 5),
            ("property", "物业管理", "Property management", true, 5),
            ("safety", "治安消防", "Public order and fire safety", false, 3),
            ("dispute", "邻里纠纷", "Neighbour disputes", false, 5),
            ("elderly", "养老助残", "Elderly and disabled care", false, 5),
            ("policy", "政策咨询", "Policy questions", true, 3), ("other", "其他", "Other", false, 5),
        ]
        try await categories.map { code, zh, en, direct, days in
            let c = RequestCategory()
            c.code = code
            c.nameZh = zh
            c.nameEn = en
            c.directDispatch = direct
            c.responseDays = 1
            c.reviewDays = 2
            c.handlingDays = days
            c.active = true
            return c
        }.create(on: db)
    }
    func revert(on db: Database) async throws {
        for s in [
            CalendarDay.schema, JointMeeting.schema, RequestCategory.schema, RequestAssignment.schema,
            RequestEvent.schema, ServiceRequest.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}

/// Where a request is, in the resident's words (a house number, a building, a landmark), beside the point.
struct AddRequestPlaceNote: AsyncMigration {
    var name: String { "012_request_place_note" }
    func prepare(on db: Database) async throws {
        try await db.schema(ServiceRequest.schema).field("place_note", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.schema(ServiceRequest.schema).deleteField("place_note").update()
    }
}
