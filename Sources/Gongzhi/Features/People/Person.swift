import Fluent
import Vapor

/// A person known to the system. One row, several facets: a party member may also be a resident and a volunteer.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @OptionalField(key: "gender") var gender: String?
    @OptionalField(key: "id_number") var idNumber: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "address") var address: String?
    @Field(key: "is_party_member") var isPartyMember: Bool
    @Field(key: "is_resident") var isResident: Bool
    @Field(key: "is_volunteer") var isVolunteer: Bool
    @Field(key: "is_community_worker") var isCommunityWorker: Bool
    @Field(key: "is_first_secretary") var isFirstSecretary: Bool
    /// The node the person belongs to: a member's party organisation (组织关系), a resident's grid or community.
    @Field(key: "org_node_id") var orgNodeID: Int
    @Field(key: "path") var path: String
    /// Home community of an in-service member (在职党员报到), who is also in that community's scope.
    @OptionalField(key: "home_node_id") var homeNodeID: Int?
    @OptionalField(key: "home_path") var homePath: String?
    @Field(key: "in_service") var inService: Bool
    @OptionalField(key: "employer") var employer: String?
    @OptionalField(key: "joined_on") var joinedOn: String?
    @OptionalField(key: "member_status") var memberStatus: MemberStatus?
    @OptionalField(key: "worker_level") var workerLevel: Int?
    @OptionalField(key: "worker_step") var workerStep: Int?
    @Field(key: "archived") var archived: Bool
    @OptionalField(key: "household_id") var householdID: Int?
    /// The member agreed to be listed to neighbours under 身边党员.
    @Field(key: "shown_to_neighbours") var shownToNeighbours: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var facets: [PersonFacet] {
        var f: [PersonFacet] = []
        if isPartyMember { f.append(.partyMember) }
        if isResident { f.append(.resident) }
        if isVolunteer { f.append(.volunteer) }
        if isCommunityWorker { f.append(.communityWorker) }
        if isFirstSecretary { f.append(.firstSecretary) }
        return f
    }

    func setFacets(_ f: Set<PersonFacet>) {
        isPartyMember = f.contains(.partyMember)
        isResident = f.contains(.resident)
        isVolunteer = f.contains(.volunteer)
        isCommunityWorker = f.contains(.communityWorker)
        isFirstSecretary = f.contains(.firstSecretary)
    }

    var workerGrade: WorkerGrade? {
        guard let l = workerLevel, let s = workerStep else { return nil }
        return try? WorkerGrade(level: l, step: s)
    }

    /// Full record for the audit log (the log is itself protected: only auditors read it).
    struct Snapshot: Codable, Sendable {
        let name: String
        let gender: String?
        let idNumber: String?
        let phone: String?
        let address: String?
        let facets: [PersonFacet]
        let orgNodeID: Int
        let homeNodeID: Int?
        let inService: Bool
        let employer: String?
        let joinedOn: String?
        let memberStatus: MemberStatus?
        let workerGrade: WorkerGrade?
        let archived: Bool
    }
    var snapshot: Snapshot {
        Snapshot(
            name: name, gender: gender, idNumber: idNumber.map(Masking.idNumber), phone: phone.map(Masking.phone),
            address: address.map(Masking.address), facets: facets, orgNodeID: orgNodeID, homeNodeID: homeNodeID,
            inService: inService, employer: employer, joinedOn: joinedOn, memberStatus: memberStatus,
            workerGrade: workerGrade, archived: archived)
    }
}

struct CreatePeople: AsyncMigration {
    var name: String { "004_create_people" }
    func prepare(on db: Database) async throws {
        try await db.schema(Person.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("gender", .string)
            .field("id_number", .string)
            .field("phone", .string)
            .field("address", .string)
            .field("is_party_member", .bool, .required)
            .field("is_resident", .bool, .required)
            .field("is_volunteer", .bool, .required)
            .field("is_community_worker", .bool, .required)
            .field("is_first_secretary", .bool, .required)
            .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("home_node_id", .int, .references(OrgNode.schema, .id))
            .field("home_path", .string)
            .field("in_service", .bool, .required)
            .field("employer", .string)
            .field("joined_on", .string)
            .field("member_status", .string)
            .field("worker_level", .int)
            .field("worker_step", .int)
            .field("archived", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "id_number")
            .create()
        try await db.createIndex(table: Person.schema, column: "path")
        try await db.createIndex(table: Person.schema, column: "home_path")
        try await db.createIndex(table: Person.schema, column: "phone")
        try await db.createIndex(table: Person.schema, column: "name")
    }
    func revert(on db: Database) async throws { try await db.schema(Person.schema).delete() }
}
