import Fluent
import Vapor

/// What Visits reads from Places: the households of a grid and how to name them on a visitor's list.
extension PlacesQueries {
    struct HouseholdLabel: Sendable {
        let id: Int
        let gridID: Int
        let buildingName: String?
        let room: String
    }

    static func householdIDs(inGrid gridID: Int, on db: any Database) async throws -> [Int] {
        try await Household.query(on: db).filter(\.$gridID == gridID).all().compactMap(\.id)
    }

    /// The households of the grids asked about, by grid (for visit rates: households visited ÷ households).
    static func householdIDs(inGrids gridIDs: [Int], on db: any Database) async throws -> [Int: Set<Int>] {
        guard !gridIDs.isEmpty else { return [:] }
        var out: [Int: Set<Int>] = [:]
        for h in try await Household.query(on: db).filter(\.$gridID ~~ gridIDs).field(\.$id).field(\.$gridID).all() {
            out[h.gridID, default: []].insert(h.id!)
        }
        return out
    }

    /// The first `limit` of the households, by id, with their buildings' names.
    static func householdLabels(_ ids: [Int], limit: Int, on db: any Database) async throws -> [HouseholdLabel] {
        guard !ids.isEmpty else { return [] }
        let hs = try await Household.query(on: db).filter(\.$id ~~ ids).sort(\.$id).limit(limit).all()
        return try await labels(hs, on: db)
    }

    /// Every household of a grid, by building and room.
    static func householdLabels(inGrid gridID: Int, on db: any Database) async throws -> [HouseholdLabel] {
        try await labels(Household.query(on: db).filter(\.$gridID == gridID).sort(\.$id).all(), on: db)
    }

    private static func labels(_ hs: [Household], on db: any Database) async throws -> [HouseholdLabel] {
        let bids = Array(Set(hs.map(\.buildingID)))
        guard !bids.isEmpty else { return [] }
        let names = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: db).filter(\.$id ~~ bids).all().map {
                ($0.id!, $0.name)
            }
        )
        return hs.map {
            HouseholdLabel(id: $0.id!, gridID: $0.gridID, buildingName: names[$0.buildingID], room: $0.room)
        }
        .sorted { a, b in
            // 2栋 before 10栋, 102室 before 1001室.
            let byBuilding = (a.buildingName ?? "").compare(b.buildingName ?? "", options: .numeric)
            if byBuilding != .orderedSame { return byBuilding == .orderedAscending }
            let byRoom = a.room.compare(b.room, options: .numeric)
            return byRoom == .orderedSame ? a.id < b.id : byRoom == .orderedAscending
        }
    }
}
