import Fluent

extension Capability {
    /// 网上纪实: per person and per unit, everything they did, read from the capabilities that keep it.
    static let records = Capability(
        name: "Records",
        register: { r in
            RecordsPages.register(r.pages)
            RecordsPages.registerAPI(r.api)
        },
        routeTypes: [RecordsRoute.self],
        navigation: [
            NavEntry(
                layout: .phone, order: 80, link: RecordsRoute.mine.link, key: .navRecords, roles: NavEntry.residents,
                group: .services)
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 80, link: RecordsRoute.mine.link, key: .navRecords, hint: .homeRecordsHint,
                roles: NavEntry.residents)
        ],
        apiDoc: {
            [
                APIOperation(
                    .get, "records/mine", "The caller's own service record (网上纪实)", tag: "records",
                    answer: .one(ServiceRecord.self)),
                APIOperation(
                    .get, "records/people/{id}",
                    "A person's service record: verified services, posts, volunteer hours, points", tag: "records",
                    answer: .one(ServiceRecord.self)),
                APIOperation(
                    .get, "records/units/{id}",
                    "A unit's service record: action projects, hours at activities it hosted, members' services",
                    tag: "records", answer: .one(ServiceRecord.self)),
            ]
        },
        strings: RecordsStrings.table,
        unitSections: { id, caller in try await RecordsSections.unit(id, caller) }
    )
}

extension RecordKind: APIEnum {}
