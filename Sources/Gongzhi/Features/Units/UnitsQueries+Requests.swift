import Fluent
import Vapor

/// What Requests reads from Units: the units a request may be handed to, and a liaison's units.
extension UnitsQueries {
    /// A unit that may take a request: not archived, with where it stands on the tree.
    struct Handler: Sendable {
        let id: Int
        let name: String
        let kindLabelKey: String
        let path: String
    }

    /// A unit that is not archived, or nil.
    static func activeHandler(_ id: Int, on db: any Database) async throws -> Handler? {
        guard let u = try await ResidentUnit.find(id, on: db), !u.archived else { return nil }
        return Handler(id: u.id!, name: u.name, kindLabelKey: u.kind.labelKey, path: u.path)
    }

    /// Every unit that is not archived, by kind and name (the dispatch form's choice).
    static func activeHandlers(on db: any Database) async throws -> [Handler] {
        try await ResidentUnit.query(on: db).filter(\.$archived == false).sort(\.$kind).sort(\.$name).all().map {
            Handler(id: $0.id!, name: $0.name, kindLabelKey: $0.kind.labelKey, path: $0.path)
        }
    }

    /// The units whose party organisation is a node (what a unit liaison answers for).
    static func unitIDs(withPartyOrg nodeID: Int, on db: any Database) async throws -> [Int] {
        try await ResidentUnit.query(on: db).filter(\.$partyOrgNodeID == nodeID).all().compactMap(\.id)
    }
}
