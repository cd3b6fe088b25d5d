import Fluent
import GongzhiCore
import Vapor

/// 共建协议: an organisation of the tree and its unit parties, what each side commits to, the joint project list
/// (联建清单) and the yearly reviews. An agreement is ended or renewed, never deleted.
final class Agreement: Model, @unchecked Sendable {
    static let schema = "agreements"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "state") var state: AgreementState
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @OptionalField(key: "signed_on") var signedOn: String?
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "renews_id") var renewsID: Int?
    /// The organisation's signature; the agreement is signed once it and every unit party have signed.
    @OptionalField(key: "org_signed_on") var orgSignedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    /// Both ends included; the stored days were checked when written.
    var period: DaySpan { DaySpan(from: LocalDate(startsOn)!, to: LocalDate(endsOn)) }

    struct Snapshot: Codable, Sendable {
        let title: String
        let state: AgreementState
        let startsOn: String
        let endsOn: String
        let signedOn: String?
        let endedOn: String?
        let orgSignedOn: String?
        let unitsSigned: [Int]
    }
    var snapshot: Snapshot { snapshot(unitsSigned: []) }

    /// With the units that have signed, for a signature's record.
    func snapshot(unitsSigned: [Int]) -> Snapshot {
        Snapshot(
            title: title, state: state, startsOn: startsOn, endsOn: endsOn, signedOn: signedOn, endedOn: endedOn,
            orgSignedOn: orgSignedOn, unitsSigned: unitsSigned)
    }
}

final class AgreementParty: Model, @unchecked Sendable {
    static let schema = "agreement_parties"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "agreement_id") var agreementID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "path") var path: String
    /// The unit's signature, given by its liaison.
    @OptionalField(key: "signed_on") var signedOn: String?
    init() {}
}

final class Commitment: Model, @unchecked Sendable {
    static let schema = "agreement_commitments"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "agreement_id") var agreementID: Int
    @Field(key: "side") var side: CommitmentSide
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "category") var category: CommitmentCategory
    @Field(key: "text") var text: String
    @Field(key: "measure") var measure: CommitmentMeasure
    @Field(key: "target") var target: Int
    @Field(key: "path") var path: String
    init() {}
}

/// An item of the joint project list: what, who owns it (the organisation when no unit), by when, delivered when.
final class AgreementProject: Model, @unchecked Sendable {
    static let schema = "agreement_projects"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "agreement_id") var agreementID: Int
    @Field(key: "title") var title: String
    @OptionalField(key: "owner_unit_id") var ownerUnitID: Int?
    @Field(key: "due") var due: String
    @OptionalField(key: "delivered_on") var deliveredOn: String?
    @Field(key: "path") var path: String
    init() {}
}

/// A yearly review: each commitment's fulfilment as the records showed it that day, and the reviewer's verdict.
final class AgreementReview: Model, @unchecked Sendable {
    static let schema = "agreement_reviews"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "agreement_id") var agreementID: Int
    @Field(key: "year") var year: Int
    @Field(key: "verdict") var verdict: Verdict
    @Field(key: "note") var note: String
    /// The findings as JSON (`[AgreementDetail.Finding]`), frozen at the review.
    @Field(key: "findings") var findings: String
    @Field(key: "reviewer_user_id") var reviewerUserID: Int
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// Both sides sign: the organisation at the desk, each unit through its liaison.
struct AddAgreementSignatures: AsyncMigration {
    var name: String { "051_agreement_signatures" }
    func prepare(on db: Database) async throws {
        try await db.schema(Agreement.schema).field("org_signed_on", .string).update()
        try await db.schema(AgreementParty.schema).field("signed_on", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.schema(AgreementParty.schema).deleteField("signed_on").update()
        try await db.schema(Agreement.schema).deleteField("org_signed_on").update()
    }
}

struct CreateAgreements: AsyncMigration {
    var name: String { "050_create_agreements" }
    func prepare(on db: Database) async throws {
        try await db.schema(Agreement.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("title", .string, .required)
            .field("node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("state", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("signed_on", .string)
            .field("ended_on", .string)
            .field("renews_id", .int)
            .field("created_at", .datetime)
            .create()
        try await db.createIndex(table: Agreement.schema, column: "path")
        try await db.schema(AgreementParty.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("agreement_id", .int, .required, .references(Agreement.schema, .id))
            .field("unit_id", .int, .required, .references(UnitsQueries.table, .id))
            .field("path", .string, .required)
            .unique(on: "agreement_id", "unit_id")
            .create()
        try await db.createIndex(table: AgreementParty.schema, column: "unit_id")
        try await db.schema(Commitment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("agreement_id", .int, .required, .references(Agreement.schema, .id))
            .field("side", .string, .required)
            .field("unit_id", .int, .references(UnitsQueries.table, .id))
            .field("category", .string, .required)
            .field("text", .sql(unsafeRaw: "TEXT"), .required)
            .field("measure", .string, .required)
            .field("target", .int, .required)
            .field("path", .string, .required)
            .create()
        try await db.createIndex(table: Commitment.schema, column: "agreement_id")
        try await db.schema(AgreementProject.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("agreement_id", .int, .required, .references(Agreement.schema, .id))
            .field("title", .string, .required)
            .field("owner_unit_id", .int, .references(UnitsQueries.table, .id))
            .field("due", .string, .required)
            .field("delivered_on", .string)
            .field("path", .string, .required)
            .create()
        try await db.createIndex(table: AgreementProject.schema, column: "agreement_id")
        try await db.schema(AgreementReview.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("agreement_id", .int, .required, .references(Agreement.schema, .id))
            .field("year", .int, .required)
            .field("verdict", .string, .required)
            .field("note", .sql(unsafeRaw: "TEXT"), .required)
            .field("findings", .sql(unsafeRaw: "TEXT"), .required)
            .field("reviewer_user_id", .int, .required, .references(User.schema, .id))
            .field("path", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "agreement_id", "year")
            .create()
    }
    func revert(on db: Database) async throws {
        for s in [AgreementReview.schema, AgreementProject.schema, Commitment.schema, AgreementParty.schema] {
            try await db.schema(s).delete()
        }
        try await db.schema(Agreement.schema).delete()
    }
}
