import Fluent
import Vapor

/// People's published queries. Each capability that reads People adds its own file `PeopleQueries+<Reader>.swift`.
enum PeopleQueries {}

/// What Places reads from People, and the one change it asks of it: where a person lives.
extension PeopleQueries {
    /// People's table, for foreign keys of other capabilities' tables (and the columns Places adds to it).
    static let table = Person.schema

    /// A person as Places needs them: a name, whether a party member, and where they live.
    struct Brief: Sendable {
        let id: Int
        let name: String
        let isPartyMember: Bool
        let householdID: Int?
        let shownToNeighbours: Bool
    }

    static func brief(_ p: Person) -> Brief {
        Brief(
            id: p.id!, name: p.name, isPartyMember: p.isPartyMember, householdID: p.householdID,
            shownToNeighbours: p.shownToNeighbours)
    }

    /// The people with these ids, archived or not.
    static func briefs(_ ids: [Int], on db: any Database) async throws -> [Int: Brief] {
        guard !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: people.map { ($0.id!, brief($0)) })
    }

    /// A person the viewer may see (People's scope rules), or the error the API answers with.
    static func visibleBrief(_ id: Int, _ caller: Caller) async throws -> Brief {
        brief(try await PeopleService.find(id, caller))
    }

    /// The household a person lives in.
    static func householdID(ofPerson id: Int, on db: any Database) async throws -> Int? {
        try await Person.find(id, on: db)?.householdID
    }

    /// Who lives in a household, masked as everywhere else.
    static func residents(ofHousehold id: Int, lang: Lang, on db: any Database) async throws -> [PersonOut] {
        let residents = try await Person.query(on: db).filter(\.$householdID == id).filter(\.$archived == false)
            .all()
        let names = try await PeopleService.nodeNames(residents, on: db)
        return residents.map { PersonOut($0, masked: true, nodeName: names[$0.orgNodeID]) }
    }

    /// Whom a grid may be given to: who lives in its households, and the community's workers.
    static func gridCandidates(
        householdIDs: [Int], communityNodeID: Int, on db: any Database
    ) async throws -> [Brief] {
        try await Person.query(on: db).filter(\.$archived == false).group(.or) { g in
            g.filter(\.$householdID ~~ householdIDs)
            g.group(.and) { $0.filter(\.$orgNodeID == communityNodeID).filter(\.$isCommunityWorker == true) }
        }.sort(\.$name).limit(500).all().map(brief)
    }

    /// Records that a person lives in a household, audited as a change of the person; `note` says where.
    static func moveIntoHousehold(
        _ personID: Int, householdID: Int, note: String, _ caller: Caller
    ) async throws {
        try await caller.require(.editPeople)
        let person = try await caller.scoped(Person.self, personID, for: .change, field: "personId")
        let before = person.snapshot
        person.householdID = householdID
        try await caller.db.writing { db in
            try await person.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .person, id: person.id!,
                label: person.name,
                scopePath: person.path, before: before, after: ["household": note])
        }
    }
}
