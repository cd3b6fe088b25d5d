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
            NavEntry(layout: .desk, order: 80, link: PlacesRoute.map.link, key: .navMap, permission: .viewTree)
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 30, link: PlacesRoute.nearby.link, key: .homeNearby, hint: .homeNearbyHint)
        ],
        auditKinds: [.grid, .gridDuty, .gridDepartment, .building, .household, .householdLink, .contactAssignment],
        apiDoc: { PlacesAPIDoc.operations },
        strings: PlacesStrings.table,
        importers: [Importer(kind: "grids", commit: { req, batch in try await GridImport.commit(req, batch: batch) })],
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
