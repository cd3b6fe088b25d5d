import Fluent
import GongzhiCore

extension Capability {
    /// The organisation tree's pages and API: nodes, moves, merges, archive, history, export.
    static let organisation = Capability(
        name: "Organisation",
        register: { r in
            OrgAPI.register(r.api)
            OrgPages.register(r.pages)
        },
        routeTypes: [OrganisationRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 70, link: OrganisationRoute.tree.link, key: .navOrg, permission: .viewTree,
                group: .management)
        ],
        homeTiles: [
            nodeTile(.streetCommittee, order: 10),
            nodeTile(.communityCommittee, order: 11),
            nodeTile(.gridBranch, order: 12),
            nodeTile(.buildingGroup, order: 13),
            HomeTile(
                layout: .desk, order: 14, link: OrganisationRoute.list.query([("kind", "unit")]),
                key: .homeUnitOrganizations, permission: .viewTree,
                count: { v, db, _ in
                    let territorial = OrgNodeKind.allCases.filter(\.isTerritorial)
                    return try await OrgNode.query(on: db).inScope(v.scope, \.$path).filter(\.$archived == false)
                        .filter(\.$kind !~ territorial).count()
                }),
        ],
        apiDoc: { OrganisationAPIDoc.operations },
        strings: OrganisationStrings.table,
        demo: { try await OrganisationDemo.load($0) }
    )

    private static func nodeTile(_ kind: OrgNodeKind, order: Int) -> HomeTile {
        HomeTile(
            layout: .desk, order: order, link: OrganisationRoute.list.query([("kind", kind.rawValue)]),
            key: Text(kind.labelKey), permission: .viewTree,
            count: { v, db, _ in
                try await OrgNode.query(on: db).inScope(v.scope, \.$path).filter(\.$archived == false)
                    .filter(\.$kind == kind).count()
            })
    }
}
