import Fluent
import Vapor

/// What Reporting reads from Units: the unit that reports, where it stands and who answers for it.
extension UnitsQueries {
    struct ReportingUnit: Sendable {
        let id: Int
        let name: String
        /// Where the unit stands (a community, a street or the district) and its path.
        let locationNodeID: Int
        let path: String
        let partyOrgNodeID: Int?
        let contactName: String?
        let contactPhone: String?
        let archived: Bool
    }

    private static func reporting(_ u: ResidentUnit) -> ReportingUnit {
        ReportingUnit(
            id: u.id!, name: u.name, locationNodeID: u.locationNodeID, path: u.path, partyOrgNodeID: u.partyOrgNodeID,
            contactName: u.contactName, contactPhone: u.contactPhone, archived: u.archived)
    }

    static func reportingUnit(_ id: Int, on db: any Database) async throws -> ReportingUnit? {
        try await ResidentUnit.find(id, on: db).map(reporting)
    }

    static func reportingUnits(_ ids: [Int], on db: any Database) async throws -> [Int: ReportingUnit] {
        var out: [Int: ReportingUnit] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for u in try await ResidentUnit.query(on: db).filter(\.$id ~~ chunk).all() { out[u.id!] = reporting(u) }
        }
        return out
    }

    /// A unit id from a client, checked against the caller's scope: a field problem when unknown or outside.
    static func scopedReportingUnit(_ id: Int, for use: ScopeUse, field: String, _ caller: Caller) async throws
        -> ReportingUnit
    {
        reporting(try await caller.scoped(ResidentUnit.self, id, for: use, field: field))
    }

    /// A unit id in a path, checked against the caller's scope: a 404 when unknown or outside (logged).
    static func scopedReportingUnit(_ id: Int, _ caller: Caller) async throws -> ReportingUnit {
        reporting(try await caller.scoped(ResidentUnit.self, id, for: .read))
    }

    /// The units in a scope that are not archived, by name (a staff pick list).
    static func reportingUnits(in scope: DataScope, on db: any Database) async throws -> [ReportingUnit] {
        try await ResidentUnit.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$name).all()
            .map(reporting)
    }

    /// Every unit that is not archived, by id (the demo reports them).
    static func activeReportingUnits(on db: any Database) async throws -> [ReportingUnit] {
        try await ResidentUnit.query(on: db).filter(\.$archived == false).sort(\.$id).all().map(reporting)
    }

    /// The unit whose party organisation a node is (where an in-service member is organised: their employer).
    static func unitID(withPartyOrg nodeID: Int, on db: any Database) async throws -> Int? {
        try await ResidentUnit.query(on: db).filter(\.$partyOrgNodeID == nodeID).filter(\.$archived == false)
            .sort(\.$id).first()?.id
    }
}
