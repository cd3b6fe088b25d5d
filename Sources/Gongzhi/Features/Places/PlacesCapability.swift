import Fluent

extension Capability {
    /// Grids, buildings, households, contacts and the map.
    static let places = Capability(
        name: "Places",
        migrations: [CreatePlaces()],
        register: { r in
            PlacesAPI.register(r.api)
            MapPages.register(r.pages)
        },
        routeTypes: [PlacesRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 80, link: PlacesRoute.map.link, key: .navMap, permission: .viewTree, group: .map)
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 30, link: PlacesRoute.nearby.link, key: .homeNearby, hint: .homeNearbyHint)
        ],
        auditKinds: [.grid, .gridDuty, .gridDepartment, .building, .household, .householdLink, .contactAssignment],
        treePaths: [
            Grid.treePaths, Building.treePaths, Household.treePaths, GridDuty.treePaths, ContactAssignment.treePaths,
        ],
        notMerged: [
            NotMerged(
                table: Area.schema, column: "org_node_id",
                reason: "the archived node keeps its own boundary; the target keeps its own")
        ],
        apiDoc: { PlacesAPIDoc.operations },
        strings: PlacesStrings.table,
        importers: [
            Importer(kind: "grids", commit: { caller, batch in try await GridImport.commit(caller, batch: batch) })
        ],
        demo: { d in
            try await DemoPlaces.load(
                on: d.db, rng: &d.rng, scale: d.scale, district: d.district, streets: d.streets,
                communities: d.communities, grids: d.grids, groups: d.groups, roads: d.roads)
        }
    )
}

extension AuditKind {
    static let grid = AuditKind("grid")
    static let gridDuty = AuditKind("grid_duty")
    static let contactAssignment = AuditKind("contact_assignment")
    static let gridDepartment = AuditKind("grid_department")
    static let building = AuditKind("building")
    static let household = AuditKind("household")
    static let householdLink = AuditKind("household_link")
}

extension Grid: ScopedRecord {}
extension Building: ScopedRecord {}
extension Household: ScopedRecord {}
extension ContactAssignment: ScopedRecord {}

extension Grid {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id", "branch_node_id"],
        gridColumn: "id")
}

extension Building {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["group_node_id"], gridColumn: "grid_id")
}

extension Household {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], gridColumn: "grid_id")
}

extension GridDuty {
    static let treePaths = TreePathTable(table: schema, nodeColumns: ["group_node_id"])
}

extension ContactAssignment {
    /// Community assignments have no grid and follow their community by path.
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"], gridColumn: "grid_id")
}
