import Fluent

extension Capability {
    /// 积分 and 党爱超市: a ledger of points per person (every movement with its source, reference, recorder
    /// and, where a person decides, an approver), expiry oldest first, accrual from other capabilities' records,
    /// and points shops where residents and members redeem goods.
    static let points = Capability(
        name: "Points",
        migrations: [CreatePoints()],
        register: { r in
            PointsAPI.register(r.api)
            PointsPages.register(r.pages)
        },
        routeTypes: [PointsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 68, link: PointsRoute.page.link, key: .navPoints, permission: .viewPeople,
                group: .services),
            NavEntry(
                layout: .phone, order: 27, link: PointsRoute.page.link, key: .navPointsPhone,
                roles: NavEntry.residents, group: .services),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 27, link: PointsRoute.page.link, key: .navPointsPhone, hint: .homePointsHint,
                roles: NavEntry.residents),
            HomeTile(
                layout: .desk, order: 27, link: PointsRoute.redemptions.query([("state", "pending")]),
                key: .pointsToHandOver, hint: .homePointsDeskHint, permission: .viewPeople,
                count: { v, db, _ in
                    try await PointsLists.inScope(PointsRedemption.query(on: db), v.scope)
                        .filter(\.$state == .pending).count()
                }),
        ],
        auditKinds: [.pointsMovement, .pointsShop, .pointsGood, .pointsRedemption, .pointsSettings],
        treePaths: [
            PointsMovement.treePaths, PointsAccount.treePaths, PointsShop.treePaths, PointsGood.treePaths,
            PointsRedemption.treePaths,
        ],
        apiDoc: { PointsAPIDoc.operations },
        strings: PointsStrings.table,
        demo: { try await PointsDemo.load($0) },
        lifecycle: [PointsSweeper()],
        approvals: [PointsService.manualEntry]
    )
}

extension AuditKind {
    static let pointsMovement = AuditKind("points_movement")
    static let pointsShop = AuditKind("points_shop")
    static let pointsGood = AuditKind("points_good")
    static let pointsRedemption = AuditKind("points_redemption")
    static let pointsSettings = AuditKind("points_settings")
}

extension PointsMovement {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension PointsAccount {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension PointsShop {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["org_node_id"])
}

extension PointsGood {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension PointsRedemption {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path", "shop_path"])
}
