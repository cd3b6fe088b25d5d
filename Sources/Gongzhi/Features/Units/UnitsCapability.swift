import Fluent

extension Capability {
    /// Resident units and departments (驻区单位): register, import, export.
    static let units = Capability(
        name: "Units",
        migrations: [CreateResidentUnits()],
        register: { r in
            UnitsAPI.register(r.api)
            UnitsPages.register(r.pages)
        },
        routeTypes: [UnitsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 100, link: UnitsRoute.list.link, key: .navUnits, permission: .viewPeople,
                group: .management),
            NavEntry(layout: .desk, order: 5, link: UnitsRoute.mine.link, key: .navMyUnit, roles: [.unitLiaison]),
        ],
        homeTiles: [
            HomeTile(
                layout: .desk, order: 30, link: UnitsRoute.list.link, key: .navUnits, permission: .viewPeople,
                count: { v, db, _ in
                    try await ResidentUnit.query(on: db).inScope(v.scope, \.$path).filter(\.$archived == false).count()
                })
        ],
        auditKinds: [.residentUnit],
        treePaths: [ResidentUnit.treePaths],
        apiDoc: { UnitsAPIDoc.operations },
        strings: UnitsStrings.table,
        importers: [
            Importer(kind: "units", commit: { caller, batch in try await UnitsImport.commit(caller, batch: batch) })
        ],
        demo: { try await UnitsDemo.load($0) }
    )
}

extension AuditKind {
    static let residentUnit = AuditKind("resident_unit")
}

extension ResidentUnit: ScopedRecord {}

extension ResidentUnit {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["location_node_id", "party_org_node_id"])
}
