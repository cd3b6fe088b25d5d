import Fluent
import Vapor

/// What every capability asks of a unit liaison: the units they answer for.
extension UnitsQueries {
    /// The units whose party organisation is the liaison's node; none for any other role.
    static func liaisonUnitIDs(_ v: Viewer, on db: any Database) async throws -> [Int] {
        guard v.role == .unitLiaison else { return [] }
        return try await unitIDs(withPartyOrg: v.node.id!, on: db)
    }
}
