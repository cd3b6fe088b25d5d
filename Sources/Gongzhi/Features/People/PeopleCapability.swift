import Fluent
import GongzhiCore

extension Capability {
    /// People: party members, residents, volunteers and community workers; their import and export.
    static let people = Capability(
        name: "People",
        migrations: [CreatePeople()],
        register: { r in
            PeopleAPI.register(r.api)
            PeoplePages.register(r.pages)
        },
        routeTypes: [PeopleRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 90, link: PeopleRoute.list.link, key: .navPeople, permission: .viewPeople,
                group: .management),
            NavEntry(
                layout: .desk, order: 110, link: PeopleRoute.importPage.link, key: .navImport,
                permission: .importPeople, group: .management),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 70, link: PeopleRoute.list.link, key: .navPeople, hint: .homePeopleHint,
                permission: .viewPeople),
            HomeTile(
                layout: .desk, order: 20,
                link: PeopleRoute.list.query([("facet", "partyMember"), ("relation", "organised")]),
                key: .facetPartyMember, hint: .homeMembersOrganisedHint, permission: .viewPeople,
                count: { v, db, _ in
                    try await Person.query(on: db).inScope(v.scope, \.$path).filter(\.$archived == false)
                        .filter(\.$isPartyMember == true).count()
                }),
            HomeTile(
                layout: .desk, order: 21,
                link: PeopleRoute.list.query([("facet", "partyMember"), ("relation", "reporting")]),
                key: .homeInService, hint: .homeInServiceHint, permission: .viewPeople,
                count: { v, db, _ in
                    try await Person.query(on: db).inScope(v.scope, optional: \.$homePath).filter(\.$archived == false)
                        .filter(\.$isPartyMember == true).filter(\.$inService == true).count()
                }),
            facetTile(.resident, order: 22, key: .facetResident, \.$isResident),
            facetTile(.volunteer, order: 23, key: .facetVolunteer, \.$isVolunteer),
            facetTile(.communityWorker, order: 24, key: .facetCommunityWorker, \.$isCommunityWorker),
        ],
        auditKinds: [.person],
        treePaths: [Person.treePaths],
        apiDoc: { PeopleAPIDoc.operations },
        strings: PeopleStrings.table,
        demo: { try await PeopleDemo.load($0) }
    )

    private static func people(_ v: Viewer, _ db: any Database) -> QueryBuilder<Person> {
        Person.query(on: db).inScope(v.scope, \.$path, or: \.$homePath).filter(\.$archived == false)
    }

    private static func facetTile(
        _ facet: PersonFacet, order: Int, key: Text, _ field: KeyPath<Person, FieldProperty<Person, Bool>>
    ) -> HomeTile {
        HomeTile(
            layout: .desk, order: order, link: PeopleRoute.list.query([("facet", facet.rawValue)]), key: key,
            permission: .viewPeople,
            count: { v, db, _ in try await people(v, db).filter(field == true).count() })
    }
}

extension AuditKind {
    static let person = AuditKind("person")
}

/// A person is read where they are organised and, for an in-service member, in their home community.
extension Person: ScopedRecord {
    var readPaths: [String] { [path] + (homePath.map { [$0] } ?? []) }
}

extension Person {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path", "home_path"], nodeColumns: ["org_node_id", "home_node_id"])
}
