import Fluent
import Vapor

/// What Requests (and Visits, Notifications, Open311 through it) read from Places: grids and households as plain
/// data, the tables their foreign keys point at, and the scoped look-up of an id a client sends.
extension PlacesQueries {
    /// For foreign keys in other capabilities' migrations.
    static let gridsTable = Grid.schema
    static let householdsTable = Household.schema

    /// A household as other capabilities see it.
    struct HouseholdSummary: Sendable {
        let id: Int
        let buildingID: Int
        let gridID: Int
        let room: String
        let path: String

        init(_ h: Household) {
            id = h.id!
            buildingID = h.buildingID
            gridID = h.gridID
            room = h.room
            path = h.path
        }
    }

    static func gridSummary(_ id: Int, on db: any Database) async throws -> GridSummary? {
        try await Grid.find(id, on: db).map(GridSummary.init)
    }

    /// The names of grids by id (archived ones included, as old records name them).
    static func gridNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let grids = try await Grid.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.name) })
    }

    static func household(_ id: Int, on db: any Database) async throws -> HouseholdSummary? {
        try await Household.find(id, on: db).map(HouseholdSummary.init)
    }

    static func households(_ ids: [Int], on db: any Database) async throws -> [HouseholdSummary] {
        guard !ids.isEmpty else { return [] }
        return try await Household.query(on: db).filter(\.$id ~~ ids).all().map(HouseholdSummary.init)
    }

    /// A grid id from a client, checked against the caller's scope (see `Request.scoped`).
    static func scopedGrid(_ id: Int, for use: ScopeUse = .read, field: String? = nil, _ caller: Caller)
        async throws -> GridSummary
    {
        GridSummary(try await caller.scoped(Grid.self, id, for: use, field: field))
    }

    /// A household id from a client, checked against the caller's scope (see `Request.scoped`).
    static func scopedHousehold(_ id: Int, for use: ScopeUse = .read, field: String? = nil, _ caller: Caller)
        async throws -> HouseholdSummary
    {
        HouseholdSummary(try await caller.scoped(Household.self, id, for: use, field: field))
    }
}

extension PlacesQueries {
    /// The grids of a community that are not archived, by code.
    static func activeGrids(inCommunity nodeID: Int, on db: any Database) async throws -> [GridSummary] {
        try await Grid.query(on: db).filter(\.$communityNodeID == nodeID).filter(\.$archived == false)
            .sort(\.$code).all().map(GridSummary.init)
    }
}

extension PlacesQueries {
    /// Where a request is, as its page shows it: the grid's outline with the point picked on it, and the building
    /// and room when a household was named. Drawn for ids the request itself holds (already scope-checked).
    struct RequestPlace: Sendable {
        /// An SVG of the grid with the point marked; nil when the grid has no outline.
        let map: String?
        /// e.g. "枫林苑 3 栋 · 201".
        let household: String?
    }

    static func requestPlace(
        gridID: Int, point: Coordinate?, householdID: Int?, pointLabel: String, on db: any Database
    ) async throws -> RequestPlace {
        var svg: String?
        if let grid = try await Grid.find(gridID, on: db) {
            let area = MapSVG.Area(
                id: "g\(gridID)", label: grid.name, shape: grid.shape, value: nil, href: nil, tooltip: grid.name)
            let markers = point.map { [MapSVG.Marker(at: $0, kind: "request", tooltip: pointLabel)] } ?? []
            svg = MapSVG.render(
                areas: [area], markers: markers, width: 320, title: grid.name, legendTitle: nil, showLabels: false,
                kindLabels: ["request": pointLabel])
        }
        var household: String?
        if let householdID, let h = try await Household.find(householdID, on: db) {
            let building = try await Building.find(h.buildingID, on: db)
            household = [building?.name, h.room].compactMap { $0 }.joined(separator: " · ")
        }
        return RequestPlace(map: svg, household: household)
    }
}
