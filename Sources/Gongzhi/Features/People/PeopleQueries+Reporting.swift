import Fluent
import Vapor

/// What Reporting reads from People: the member who reports, the same person however many records carry the ID
/// number, and the one change it asks: 亮身份, the member's consent to be shown to neighbours.
extension PeopleQueries {
    struct ReportingPerson: Sendable {
        let id: Int
        let name: String
        let isPartyMember: Bool
        let inService: Bool
        let employer: String?
        /// Where the person is organised (an in-service member: their unit's party organisation).
        let orgNodeID: Int
        let homeNodeID: Int?
        /// Masked (138****5678).
        let maskedPhone: String?
        let phone: String?
        let shownToNeighbours: Bool
    }

    private static func reporting(_ p: Person) -> ReportingPerson {
        ReportingPerson(
            id: p.id!, name: p.name, isPartyMember: p.isPartyMember, inService: p.inService, employer: p.employer,
            orgNodeID: p.orgNodeID, homeNodeID: p.homeNodeID, maskedPhone: p.phone.map(Masking.phone),
            phone: p.phone, shownToNeighbours: p.shownToNeighbours)
    }

    static func reportingPerson(_ id: Int, on db: any Database) async throws -> ReportingPerson? {
        guard let p = try await Person.find(id, on: db), !p.archived else { return nil }
        return reporting(p)
    }

    static func reportingPeople(_ ids: [Int], on db: any Database) async throws -> [Int: ReportingPerson] {
        var out: [Int: ReportingPerson] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for p in try await Person.query(on: db).filter(\.$id ~~ chunk).all() { out[p.id!] = reporting(p) }
        }
        return out
    }

    /// A person id from a client, checked against the caller's scope (where organised, or an in-service member's
    /// home community): a field problem when unknown or outside, the outside ones logged.
    static func scopedReportingPerson(_ id: Int, field: String, _ caller: Caller) async throws -> ReportingPerson {
        let p = try await caller.scoped(Person.self, id, field: field)
        guard !p.archived else { throw AppError.invalid(.errorRefUnknown, field: field) }
        return reporting(p)
    }

    /// Every record with the same ID number as this person's, the person's own included: one person, one report.
    static func samePerson(as id: Int, on db: any Database) async throws -> [Int] {
        guard let p = try await Person.find(id, on: db) else { return [id] }
        guard let number = p.idNumber, !number.isEmpty else { return [id] }
        let ids = try await Person.query(on: db).filter(\.$idNumber == number).all().compactMap(\.id)
        return Array(Set(ids + [id])).sorted()
    }

    /// The members in the scope for a staff pick list (party members, not archived), by name.
    static func reportingMembers(in scope: DataScope, limit: Int, on db: any Database) async throws
        -> [ReportingPerson]
    {
        try await Person.query(on: db).inScope(scope, \.$path, or: \.$homePath).filter(\.$archived == false)
            .filter(\.$isPartyMember == true).sort(\.$name).limit(limit).all().map(reporting)
    }

    /// In-service party members with a home community, by id (the demo reports them).
    static func inServiceMembers(on db: any Database) async throws -> [ReportingPerson] {
        try await Person.query(on: db).filter(\.$archived == false).filter(\.$isPartyMember == true)
            .filter(\.$inService == true).filter(\.$homeNodeID != nil).sort(\.$id).all().map(reporting)
    }

    /// 亮身份: the member agreed (or no longer agrees) to be shown as a party member to neighbours. Called in the
    /// report's transaction, which audits the change with the report.
    static func setShownToNeighbours(_ id: Int, _ shown: Bool, on db: any Database) async throws {
        guard let p = try await Person.find(id, on: db), p.shownToNeighbours != shown else { return }
        p.shownToNeighbours = shown
        try await p.save(on: db)
    }
}
