import Fluent

extension Capability {
    /// 驻点走访: visit plans at the desk, visits recorded on the phone, visit rates per grid.
    static let visits = Capability(
        name: "Visits",
        migrations: [CreateVisits(), AddVisitOutcome(), CreateVisitPhotos()],
        register: { r in
            VisitsAPI.register(r.api)
            VisitPages.register(r.pages)
        },
        routeTypes: [VisitsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 60, link: VisitsRoute.page.link, key: .navVisits, permission: .viewPeople,
                group: .management),
            NavEntry(
                layout: .phone, order: 15, link: VisitsRoute.page.link, key: .navVisitsPhone, permission: .viewPeople,
                roles: NavEntry.gridStaff, tab: true),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 60, link: VisitsRoute.page.link, key: .navVisits, hint: .homeVisitsHint,
                permission: .viewPeople)
        ],
        auditKinds: [.visit, .visitPlan],
        treePaths: [VisitPlan.treePaths, Visit.treePaths, VisitPhoto.treePaths],
        apiDoc: { VisitsAPIDoc.operations },
        strings: VisitsStrings.table,
        demo: { try await VisitsDemo.load($0) }
    )
}

extension AuditKind {
    static let visit = AuditKind("visit")
    static let visitPlan = AuditKind("visit_plan")
}

extension VisitPlan: ScopedRecord {}

extension VisitPlan {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], gridColumn: "grid_id")
}

extension Visit {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], gridColumn: "grid_id")
}
