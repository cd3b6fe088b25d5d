import Fluent
import Vapor

/// 驻区单位 or department: an organisation located in a community, with its own party organisation if it has one.
final class ResidentUnit: Model, @unchecked Sendable {
    static let schema = "resident_units"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: UnitKind
    @OptionalField(key: "address") var address: String?
    /// The territorial node the unit is located in (a community, a street or the district).
    @Field(key: "location_node_id") var locationNodeID: Int
    @Field(key: "path") var path: String
    @OptionalField(key: "party_org_node_id") var partyOrgNodeID: Int?
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_phone") var contactPhone: String?
    @Field(key: "archived") var archived: Bool
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    struct Snapshot: Codable, Sendable {
        let name: String
        let kind: UnitKind
        let address: String?
        let locationNodeID: Int
        let partyOrgNodeID: Int?
        let contactName: String?
        let contactPhone: String?
        let archived: Bool
    }
    var snapshot: Snapshot {
        Snapshot(
            name: name, kind: kind, address: address, locationNodeID: locationNodeID, partyOrgNodeID: partyOrgNodeID,
            contactName: contactName, contactPhone: contactPhone.map(Masking.phone), archived: archived)
    }
}

struct CreateResidentUnits: AsyncMigration {
    var name: String { "005_create_resident_units" }
    func prepare(on db: Database) async throws {
        try await db.schema(ResidentUnit.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("address", .string)
            .field("location_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("party_org_node_id", .int, .references(OrgNode.schema, .id))
            .field("contact_name", .string)
            .field("contact_phone", .string)
            .field("archived", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await db.createIndex(table: ResidentUnit.schema, column: "path")
    }
    func revert(on db: Database) async throws { try await db.schema(ResidentUnit.schema).delete() }
}

struct UnitOut: Content {
    let id: Int
    let name: String
    let kind: UnitKind
    let address: String?
    let locationNodeID: Int
    let locationName: String?
    let partyOrgNodeID: Int?
    let contactName: String?
    let contactPhone: String?
    let masked: Bool
    let archived: Bool

    init(_ u: ResidentUnit, masked: Bool, locationName: String?, lang: Lang) {
        id = u.id ?? 0
        name = u.name
        kind = u.kind
        address = u.address
        locationNodeID = u.locationNodeID
        self.locationName = locationName
        partyOrgNodeID = u.partyOrgNodeID
        contactName = u.contactName
        contactPhone = masked ? u.contactPhone.map(Masking.phone) : u.contactPhone
        self.masked = masked
        archived = u.archived
    }
}
