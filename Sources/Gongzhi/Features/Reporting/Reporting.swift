import Fluent
import SQLKit
import Vapor

/// 单位报到: a resident unit reports to the community where it stands — who answers for it, what it offers and
/// the posts or projects it takes on. One active report per unit; a report ends (dated), it is never deleted.
final class UnitReport: Model, @unchecked Sendable {
    static let schema = "reporting_unit_reports"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "community_node_id") var communityNodeID: Int
    /// The community's path: the report is read and changed within the community's subtree.
    @Field(key: "path") var path: String
    @Field(key: "liaison_name") var liaisonName: String
    @Field(key: "liaison_phone") var liaisonPhone: String
    @Field(key: "offers") var offers: String
    @Field(key: "takes_on") var takesOn: String
    @Field(key: "reported_on") var reportedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @Field(key: "recorded_by") var recordedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// 在职党员报到: an in-service party member reports to the home community. One active report per person (by ID
/// number); a transfer out ends it. 亮身份 only with the member's consent.
final class MemberReport: Model, @unchecked Sendable {
    static let schema = "reporting_member_reports"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "community_node_id") var communityNodeID: Int
    @Field(key: "path") var path: String
    /// The employer when it is a known unit (its report links the unit's members), else the employer's name.
    @OptionalField(key: "employer_unit_id") var employerUnitID: Int?
    @Field(key: "employer") var employer: String
    @Field(key: "show_identity") var showIdentity: Bool
    @Field(key: "reported_on") var reportedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @Field(key: "recorded_by") var recordedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// 党员服务示范岗: a post a community offers, with the skills it wants, how many may hold it and when it is
/// kept.
final class ServicePost: Model, @unchecked Sendable {
    static let schema = "reporting_posts"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "community_node_id") var communityNodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "title") var title: String
    @Field(key: "skills") var skills: String
    @Field(key: "capacity") var capacity: Int
    @Field(key: "schedule") var schedule: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// 认岗位: a member (by their report) or a unit (by its report) holds a post from a day; a claim ends, dated.
final class PostClaim: Model, @unchecked Sendable {
    static let schema = "reporting_claims"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "post_id") var postID: Int
    @OptionalField(key: "member_report_id") var memberReportID: Int?
    @OptionalField(key: "unit_report_id") var unitReportID: Int?
    @Field(key: "path") var path: String
    @Field(key: "claimed_on") var claimedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    init() {}
}

/// 作表率: a service a member did (date, hours, what), optionally at their post; it counts once staff verified it.
final class MemberService: Model, @unchecked Sendable {
    static let schema = "reporting_services"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "member_report_id") var memberReportID: Int
    @Field(key: "person_id") var personID: Int
    @OptionalField(key: "post_id") var postID: Int?
    @Field(key: "path") var path: String
    @Field(key: "served_on") var servedOn: String
    @Field(key: "hours") var hours: Double
    @Field(key: "text") var text: String
    @Field(key: "recorded_by") var recordedBy: Int
    @OptionalField(key: "verified_by") var verifiedBy: Int?
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    /// Refused by the community, with why: it never counts, and the member sees the reason.
    @OptionalField(key: "rejected_by") var rejectedBy: Int?
    @OptionalField(key: "rejected_at") var rejectedAt: Date?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var verified: Bool { verifiedAt != nil }
    var decided: Bool { verifiedAt != nil || rejectedAt != nil }
}

/// A service the community refuses keeps its record with the reason (issue 19: a secretary can reject a service).
struct AddServiceRejection: AsyncMigration {
    var name: String { "031_reporting_service_rejection" }
    func prepare(on db: Database) async throws {
        // One column a statement: SQLite adds one at a time.
        try await db.schema(MemberService.schema).field("rejected_by", .int).update()
        try await db.schema(MemberService.schema).field("rejected_at", .datetime).update()
        try await db.schema(MemberService.schema).field("reject_reason", .string).update()
    }
    func revert(on db: Database) async throws {
        for column in ["rejected_by", "rejected_at", "reject_reason"] {
            try await db.schema(MemberService.schema).deleteField(.key(.init(stringLiteral: column))).update()
        }
    }
}

/// A re-report round (twice a year): every member reported before it opens confirms again before it closes.
final class ReportRound: Model, @unchecked Sendable {
    static let schema = "reporting_rounds"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "community_node_id") var communityNodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "title") var title: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "opened_by") var openedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A member's confirmation in a round.
final class RoundConfirmation: Model, @unchecked Sendable {
    static let schema = "reporting_confirmations"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @Field(key: "member_report_id") var memberReportID: Int
    @Field(key: "path") var path: String
    @Field(key: "confirmed_on") var confirmedOn: String
    init() {}
}

struct CreateReporting: AsyncMigration {
    var name: String { "030_create_reporting" }
    func prepare(on db: Database) async throws {
        try await db.schema(UnitReport.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references(UnitsQueries.table, .id))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("liaison_name", .string, .required)
            .field("liaison_phone", .string, .required)
            .field("offers", .sql(unsafeRaw: "TEXT"), .required)
            .field("takes_on", .sql(unsafeRaw: "TEXT"), .required)
            .field("reported_on", .string, .required)
            .field("ended_on", .string)
            .field("end_reason", .string)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await db.schema(MemberReport.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("employer_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("employer", .string, .required)
            .field("show_identity", .bool, .required)
            .field("reported_on", .string, .required)
            .field("ended_on", .string)
            .field("end_reason", .string)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await db.schema(ServicePost.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("title", .string, .required)
            .field("skills", .string, .required)
            .field("capacity", .int, .required)
            .field("schedule", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(PostClaim.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("post_id", .int, .required, .references(ServicePost.schema, .id))
            .field("member_report_id", .int, .references(MemberReport.schema, .id))
            .field("unit_report_id", .int, .references(UnitReport.schema, .id))
            .field("path", .string, .required)
            .field("claimed_on", .string, .required)
            .field("ended_on", .string)
            .field("end_reason", .string)
            .create()
        try await db.schema(MemberService.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("member_report_id", .int, .required, .references(MemberReport.schema, .id))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("post_id", .int, .references(ServicePost.schema, .id))
            .field("path", .string, .required)
            .field("served_on", .string, .required)
            .field("hours", .double, .required)
            .field("text", .sql(unsafeRaw: "TEXT"), .required)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("verified_by", .int, .references(User.schema, .id))
            .field("verified_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await db.schema(ReportRound.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("title", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("opened_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime)
            .create()
        try await db.schema(RoundConfirmation.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("round_id", .int, .required, .references(ReportRound.schema, .id))
            .field("member_report_id", .int, .required, .references(MemberReport.schema, .id))
            .field("path", .string, .required)
            .field("confirmed_on", .string, .required)
            .unique(on: "round_id", "member_report_id")
            .create()
        for (table, column) in [
            (UnitReport.schema, "path"), (UnitReport.schema, "unit_id"), (MemberReport.schema, "path"),
            (MemberReport.schema, "person_id"), (MemberReport.schema, "employer_unit_id"),
            (ServicePost.schema, "path"), (PostClaim.schema, "post_id"), (PostClaim.schema, "member_report_id"),
            (MemberService.schema, "member_report_id"), (MemberService.schema, "path"), (ReportRound.schema, "path"),
        ] {
            try await db.createIndex(table: table, column: column)
        }
        // One active report per unit and per person, whatever a race between two requests: the database says no.
        let sql = try db.sql()
        for (table, column) in [(UnitReport.schema, "unit_id"), (MemberReport.schema, "person_id")] {
            try await sql.raw(
                """
                CREATE UNIQUE INDEX \(ident: "uq_\(table)_active") ON \(ident: table) (\(ident: column)) \
                WHERE ended_on IS NULL
                """
            ).run()
        }
    }
    func revert(on db: Database) async throws {
        for table in [
            RoundConfirmation.schema, ReportRound.schema, MemberService.schema, PostClaim.schema, ServicePost.schema,
            MemberReport.schema, UnitReport.schema,
        ] {
            try await db.schema(table).delete()
        }
    }
}
