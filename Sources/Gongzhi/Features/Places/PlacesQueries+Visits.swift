import Fluent
import Vapor

/// What Visits reads from Places: the households of a grid and how to name them on a visitor's list.
extension PlacesQueries {
    struct HouseholdLabel: Sendable {
        let id: Int
        let buildingName: String?
        let room: String
    }

    static func householdIDs(inGrid gridID: Int, on db: any Database) async throws -> [Int] {
        try await Household.query(on: db).filter(\.$gridID == gridID).all().compactMap(\.id)
    }

    /// The first `limit` of the households, by id, with their buildings' names.
    static func householdLabels(_ ids: [Int], limit: Int, on db: any Database) async throws -> [HouseholdLabel] {
        guard !ids.isEmpty else { return [] }
        let hs = try await Household.query(on: db).filter(\.$id ~~ ids).sort(\.$id).limit(limit).all()
        return try await HouseholdsAPI.out(hs, on: db).map {
            HouseholdLabel(id: $0.id, buildingName: $0.buildingName, room: $0.room)
        }
    }
}
