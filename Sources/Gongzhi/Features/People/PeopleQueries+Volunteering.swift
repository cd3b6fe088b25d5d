import Fluent
import Vapor

/// What Volunteering reads from People: the person who registers as a volunteer, joins a team or gives hours, and
/// the one change it asks: the volunteer facet kept in step with an active registration.
extension PeopleQueries {
    struct VolunteerPerson: Sendable {
        let id: Int
        let name: String
        let isPartyMember: Bool
        /// Where the person is organised, and their home community when it is elsewhere (an in-service member).
        let orgNodeID: Int
        let homeNodeID: Int?
        let path: String
        /// In clear: callers mask it unless the viewer may unmask and asks.
        let phone: String?
    }

    private static func volunteerPerson(_ p: Person) -> VolunteerPerson {
        VolunteerPerson(
            id: p.id!, name: p.name, isPartyMember: p.isPartyMember, orgNodeID: p.orgNodeID, homeNodeID: p.homeNodeID,
            path: p.path, phone: p.phone)
    }

    static func volunteerPerson(_ id: Int, on db: any Database) async throws -> VolunteerPerson? {
        guard let p = try await Person.find(id, on: db), !p.archived else { return nil }
        return volunteerPerson(p)
    }

    static func volunteerPeople(_ ids: [Int], on db: any Database) async throws -> [Int: VolunteerPerson] {
        var out: [Int: VolunteerPerson] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for p in try await Person.query(on: db).filter(\.$id ~~ chunk).all() { out[p.id!] = volunteerPerson(p) }
        }
        return out
    }

    /// A person id from a client, in the caller's scope and not archived; else a field problem (the outside ones
    /// logged).
    static func scopedVolunteerPerson(_ id: Int, field: String, _ caller: Caller) async throws -> VolunteerPerson {
        let p = try await caller.scoped(Person.self, id, field: field)
        guard !p.archived else { throw AppError.invalid(.errorRefUnknown, field: field) }
        return volunteerPerson(p)
    }

    /// People in a scope who are not archived, by name, for a staff pick list.
    static func volunteerCandidates(_ scope: DataScope, limit: Int, on db: any Database) async throws
        -> [VolunteerPerson]
    {
        try await Person.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$name)
            .limit(limit).all().map(volunteerPerson)
    }

    /// Ids of people in a scope whose name contains the text, at most `limit`: a volunteer search runs in the
    /// database, not over the first page of registrations.
    static func volunteerIDs(named text: String, in scope: DataScope, limit: Int, on db: any Database) async throws
        -> [Int]
    {
        let t = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
        return try await Person.query(on: db).inScope(scope, \.$path).filter(\.$archived == false)
            .filter(\.$name, .custom("LIKE"), "%" + t + "%").sort(\.$id).limit(limit).all().compactMap(\.id)
    }

    /// People who are not archived, by id, for the demo's volunteers.
    static func volunteerPeople(on db: any Database) async throws -> [VolunteerPerson] {
        try await Person.query(on: db).filter(\.$archived == false).sort(\.$id).all().map(volunteerPerson)
    }

    /// The volunteer facet follows the registration; called in the registration's transaction, which audits it.
    static func setVolunteer(_ id: Int, _ on: Bool, db: any Database) async throws {
        guard let p = try await Person.find(id, on: db), p.isVolunteer != on else { return }
        p.isVolunteer = on
        try await p.save(on: db)
    }

    /// Sets the volunteer facet of many people at once (the demo).
    static func markVolunteers(_ ids: [Int], db: any Database) async throws {
        for chunk in ids.chunked(500) {
            try await Person.query(on: db).filter(\.$id ~~ chunk).set(\.$isVolunteer, to: true).update()
        }
    }
}
