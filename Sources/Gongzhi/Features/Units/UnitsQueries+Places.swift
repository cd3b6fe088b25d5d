import Fluent
import Vapor

/// Units' published queries. Each capability that reads Units adds its own file `UnitsQueries+<Reader>.swift`.
enum UnitsQueries {}

/// What Places reads from Units: the map's organisation layer, grid departments, and the table they live in.
extension UnitsQueries {
    /// Units' table, for foreign keys of other capabilities' tables (and the columns Places adds to it).
    static let table = ResidentUnit.schema

    struct Brief: Sendable {
        let id: Int
        let name: String
        let kindLabelKey: String
        /// The unit has a party organisation of its own.
        let hasPartyOrg: Bool
        let at: Coordinate?
        let path: String
    }

    static func brief(_ u: ResidentUnit) -> Brief {
        Brief(
            id: u.id!, name: u.name, kindLabelKey: u.kind.labelKey, hasPartyOrg: u.partyOrgNodeID != nil,
            at: u.lat.flatMap { lat in u.lng.map { Coordinate(lat: lat, lng: $0) } }, path: u.path)
    }

    /// The units in a scope that are not archived, by name.
    static func inScope(_ scope: DataScope, on db: any Database) async throws -> [Brief] {
        try await ResidentUnit.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$name).all()
            .map(brief)
    }

    /// The units whose party organisation is this node (a unit liaison's own unit), for the map of a node
    /// without grids.
    static func ofPartyOrg(_ nodeID: Int, on db: any Database) async throws -> [Brief] {
        try await ResidentUnit.query(on: db).filter(\.$partyOrgNodeID == nodeID).filter(\.$archived == false).all()
            .map(brief)
    }

    static func names(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let units = try await ResidentUnit.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0.name) })
    }
}
