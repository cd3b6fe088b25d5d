import Fluent
import Vapor

/// What the organisation tree reads from Units: the units located at a node.
extension UnitsQueries {
    /// The units located at a node and not archived, by name.
    static func located(atNode id: Int, on db: any Database) async throws -> [Brief] {
        try await ResidentUnit.query(on: db).filter(\.$locationNodeID == id).filter(\.$archived == false)
            .sort(\.$name).all().map(brief)
    }

    static func locatedCount(atNode id: Int, on db: any Database) async throws -> Int {
        try await ResidentUnit.query(on: db).filter(\.$locationNodeID == id).filter(\.$archived == false).count()
    }
}
