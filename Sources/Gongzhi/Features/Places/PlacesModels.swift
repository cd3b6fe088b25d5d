import Fluent
import Vapor

/// The boundary of a territorial node (district, street, community). Grids have their own table.
final class Area: Model, @unchecked Sendable {
    static let schema = "areas"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "org_node_id") var orgNodeID: Int
    @Field(key: "boundary") var boundary: String
    @Field(key: "min_lat") var minLat: Double
    @Field(key: "min_lng") var minLng: Double
    @Field(key: "max_lat") var maxLat: Double
    @Field(key: "max_lng") var maxLng: Double
    init() {}
    var shape: MultiPolygon { GeoJSON.decodeGeometry(boundary) ?? MultiPolygon([]) }
    func set(_ shape: MultiPolygon) {
        boundary = GeoJSON.encode(shape)
        let b = shape.bbox
        minLat = b.minLat
        minLng = b.minLng
        maxLat = b.maxLat
        maxLng = b.maxLng
    }
}

/// 网格: 300–500 households of one community, with a boundary, its party branch and the people who serve it.
final class Grid: Model, @unchecked Sendable {
    static let schema = "grids"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "community_node_id") var communityNodeID: Int
    @OptionalField(key: "branch_node_id") var branchNodeID: Int?
    /// The branch's path when there is a branch (so its grid workers see it), else the community's.
    @Field(key: "path") var path: String
    @Field(key: "boundary") var boundary: String
    @Field(key: "min_lat") var minLat: Double
    @Field(key: "min_lng") var minLng: Double
    @Field(key: "max_lat") var maxLat: Double
    @Field(key: "max_lng") var maxLng: Double
    @Field(key: "archived") var archived: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
    var shape: MultiPolygon { GeoJSON.decodeGeometry(boundary) ?? MultiPolygon([]) }
    func set(_ shape: MultiPolygon) {
        boundary = GeoJSON.encode(shape)
        let b = shape.bbox
        minLat = b.minLat
        minLng = b.minLng
        maxLat = b.maxLat
        maxLng = b.maxLng
    }
    struct Snapshot: Codable, Sendable {
        let code: String
        let name: String
        let communityNodeID: Int
        let branchNodeID: Int?
        let path: String?
        let boundary: String
        let archived: Bool
    }
    var snapshot: Snapshot {
        .init(
            code: code, name: name, communityNodeID: communityNodeID, branchNodeID: branchNodeID, path: path,
            boundary: boundary, archived: archived)
    }
}

final class Building: Model, @unchecked Sendable {
    static let schema = "buildings"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "name") var name: String
    @Field(key: "address") var address: String
    @Field(key: "lat") var lat: Double
    @Field(key: "lng") var lng: Double
    /// The building party group (楼栋党小组) that covers it.
    @OptionalField(key: "group_node_id") var groupNodeID: Int?
    @Field(key: "path") var path: String
    init() {}
    var coordinate: Coordinate { Coordinate(lat: lat, lng: lng) }
}

final class Household: Model, @unchecked Sendable {
    static let schema = "households"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "building_id") var buildingID: Int
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "room") var room: String
    @Field(key: "population") var population: Int
    /// 党员中心户: a party member's household that links neighbour households.
    @Field(key: "is_member_household") var isMemberHousehold: Bool
    @OptionalField(key: "member_person_id") var memberPersonID: Int?
    @Field(key: "path") var path: String
    init() {}
}

/// A neighbour household that a party-member household looks after.
final class HouseholdLink: Model, @unchecked Sendable {
    static let schema = "household_links"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "member_household_id") var memberHouseholdID: Int
    @Field(key: "household_id") var householdID: Int
    init() {}
    init(member: Int, household: Int) {
        memberHouseholdID = member
        householdID = household
    }
}

/// Who serves a grid: grid workers and the three chiefs (三长制).
final class GridDuty: Model, @unchecked Sendable {
    static let schema = "grid_duties"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "duty") var duty: Duty
    /// For a building group leader: the building group (楼栋党小组) led.
    @OptionalField(key: "group_node_id") var groupNodeID: Int?
    init() {}
    init(gridID: Int, personID: Int, duty: Duty, groupNodeID: Int? = nil) {
        self.gridID = gridID
        self.personID = personID
        self.duty = duty
        self.groupNodeID = groupNodeID
    }

    enum Duty: String, Codable, CaseIterable, Sendable, APIEnum {
        case gridWorker, laneChief, buildingChief, buildingGroupLeader
        var labelKey: String { "duty.\(rawValue)" }
    }
}

/// Departments assigned to a grid (police, city management, safety, legal …).
final class GridDepartment: Model, @unchecked Sendable {
    static let schema = "grid_departments"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "role") var role: Role
    init() {}
    init(gridID: Int, unitID: Int, role: Role) {
        self.gridID = gridID
        self.unitID = unitID
        self.role = role
    }

    enum Role: String, Codable, CaseIterable, Sendable, APIEnum {
        case police, cityManagement, safety, legal, other
        var labelKey: String { "deptRole.\(rawValue)" }
    }
}

/// 包联/包保: a leader assigned to a community or to a compound (a grid).
final class ContactAssignment: Model, @unchecked Sendable {
    static let schema = "contact_assignments"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "leader_person_id") var leaderPersonID: Int
    @Field(key: "leader_title") var leaderTitle: String
    @OptionalField(key: "community_node_id") var communityNodeID: Int?
    @OptionalField(key: "grid_id") var gridID: Int?
    @Field(key: "path") var path: String
    @Field(key: "since") var since: String
    @Field(key: "active") var active: Bool
    init() {}
}

struct CreatePlaces: AsyncMigration {
    var name: String { "007_create_places" }
    func prepare(on db: Database) async throws {
        func boundaryFields(_ b: SchemaBuilder) -> SchemaBuilder {
            b.field("boundary", .sql(unsafeRaw: "TEXT"), .required)
                .field("min_lat", .double, .required).field("min_lng", .double, .required)
                .field("max_lat", .double, .required).field("max_lng", .double, .required)
        }
        try await boundaryFields(
            db.schema(Area.schema)
                .field(.id, .int, .identifier(auto: true))
                .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
        )
        .unique(on: "org_node_id").create()
        try await boundaryFields(
            db.schema(Grid.schema)
                .field(.id, .int, .identifier(auto: true))
                .field("code", .string, .required)
                .field("name", .string, .required)
                .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
                .field("branch_node_id", .int, .references(OrgNode.schema, .id))
                .field("path", .string, .required)
        )
        .field("archived", .bool, .required)
        .field("created_at", .datetime).field("updated_at", .datetime)
        .unique(on: "code").create()
        try await db.createIndex(table: Grid.schema, column: "path")
        try await db.schema(Building.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("grid_id", .int, .required, .references(Grid.schema, .id))
            .field("name", .string, .required).field("address", .string, .required)
            .field("lat", .double, .required).field("lng", .double, .required)
            .field("group_node_id", .int, .references(OrgNode.schema, .id))
            .field("path", .string, .required).create()
        try await db.createIndex(table: Building.schema, column: "grid_id")
        try await db.schema(Household.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("building_id", .int, .required, .references(Building.schema, .id))
            .field("grid_id", .int, .required, .references(Grid.schema, .id))
            .field("room", .string, .required)
            .field("population", .int, .required)
            .field("is_member_household", .bool, .required)
            .field("member_person_id", .int, .references(PeopleQueries.table, .id))
            .field("path", .string, .required).create()
        try await db.createIndex(table: Household.schema, column: "grid_id")
        try await db.createIndex(table: Household.schema, column: "building_id")
        try await db.schema(HouseholdLink.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("member_household_id", .int, .required, .references(Household.schema, .id))
            .field("household_id", .int, .required, .references(Household.schema, .id))
            .unique(on: "member_household_id", "household_id").create()
        try await db.schema(GridDuty.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("grid_id", .int, .required, .references(Grid.schema, .id))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("duty", .string, .required)
            .field("group_node_id", .int, .references(OrgNode.schema, .id))
            .unique(on: "grid_id", "person_id", "duty").create()
        try await db.schema(GridDepartment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("grid_id", .int, .required, .references(Grid.schema, .id))
            .field("unit_id", .int, .required, .references(UnitsQueries.table, .id))
            .field("role", .string, .required)
            .unique(on: "grid_id", "unit_id").create()
        try await db.schema(ContactAssignment.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("leader_person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("leader_title", .string, .required)
            .field("community_node_id", .int, .references(OrgNode.schema, .id))
            .field("grid_id", .int, .references(Grid.schema, .id))
            .field("path", .string, .required)
            .field("since", .string, .required)
            .field("active", .bool, .required).create()
        // Where people live, whether a member agreed to be shown to neighbours, where a unit is.
        try await db.schema(PeopleQueries.table).field("household_id", .int).update()
        try await db.schema(PeopleQueries.table).field("shown_to_neighbours", .bool, .required, .sql(.default(false)))
            .update()
        try await db.schema(UnitsQueries.table).field("lat", .double).update()
        try await db.schema(UnitsQueries.table).field("lng", .double).update()
    }
    func revert(on db: Database) async throws {
        for s in [
            ContactAssignment.schema, GridDepartment.schema, GridDuty.schema, HouseholdLink.schema, Household.schema,
            Building.schema, Grid.schema, Area.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}
