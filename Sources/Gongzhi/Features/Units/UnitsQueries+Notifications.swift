import Fluent
import Vapor

/// What Notifications reads from Units: the party organisations whose liaisons hear of a dispatch.
extension UnitsQueries {
    static func partyOrgNodeIDs(ofUnits ids: [Int], on db: any Database) async throws -> [Int] {
        guard !ids.isEmpty else { return [] }
        return try await ResidentUnit.query(on: db).filter(\.$id ~~ ids).all().compactMap(\.partyOrgNodeID)
    }
}
