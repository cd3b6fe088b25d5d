import Fluent
import SQLKit
import Vapor

/// Figures of grids, counted from the households and people in them, and rolled up to communities and streets.
struct GridFigures: Content, Sendable {
    var households = 0
    var population = 0
    var memberHouseholds = 0
    var partyMembers = 0
    var gridWorkers = 0

    static func + (a: GridFigures, b: GridFigures) -> GridFigures {
        GridFigures(
            households: a.households + b.households, population: a.population + b.population,
            memberHouseholds: a.memberHouseholds + b.memberHouseholds, partyMembers: a.partyMembers + b.partyMembers,
            gridWorkers: a.gridWorkers + b.gridWorkers)
    }

    enum Measure: String, CaseIterable, Sendable {
        case households, population, partyMembers, memberHouseholds, workersPerThousandHouseholds
        var labelKey: String { "measure.\(rawValue)" }
    }

    func value(_ m: Measure) -> Double? {
        switch m {
        case .households: Double(households)
        case .population: Double(population)
        case .partyMembers: Double(partyMembers)
        case .memberHouseholds: Double(memberHouseholds)
        case .workersPerThousandHouseholds:
            households == 0 ? nil : (Double(gridWorkers) * 1000 / Double(households) * 10).rounded() / 10
        }
    }

    var flags: [GridSizing.Flag] { GridSizing.flags(households: households, population: population) }
}

/// A grid as other capabilities see it: plain data, no model.
struct GridSummary: Sendable {
    let id: Int
    let code: String
    let name: String
    let path: String
    let communityNodeID: Int
    let branchNodeID: Int?
    let shape: MultiPolygon

    init(_ g: Grid) {
        id = g.id!
        code = g.code
        name = g.name
        path = g.path
        communityNodeID = g.communityNodeID
        branchNodeID = g.branchNodeID
        shape = g.shape
    }
}

/// Places' published queries. Readers in other capabilities add `PlacesQueries+<Reader>.swift`; they use the
/// plain-data functions (`grids(in:on:)`, `homeGridSummary(of:on:)`, `figures(for:on:)`), not the models.
enum PlacesQueries {
    /// The grids in a scope that are not archived, by code.
    static func grids(in scope: DataScope, on db: any Database) async throws -> [GridSummary] {
        try await gridsInScope(scope, on: db).map(GridSummary.init)
    }

    /// The grid a user lives in, or the grid of the branch they are bound to.
    static func homeGridSummary(of v: Viewer, on db: any Database) async throws -> GridSummary? {
        try await homeGrid(of: v, on: db).map(GridSummary.init)
    }

    static func gridsInScope(_ scope: DataScope, on db: Database) async throws -> [Grid] {
        try await Grid.query(on: db).inScope(scope, \.$path).filter(\.$archived == false).sort(\.$code).all()
    }

    /// The grid of a grid branch.
    static func grid(ofBranch nodeID: Int, on db: any Database) async throws -> Int? {
        try await Grid.query(on: db).filter(\.$branchNodeID == nodeID).first()?.id
    }

    static func findGrid(_ id: Int, _ caller: Caller) async throws -> Grid {
        let v = try caller.requireViewer()
        if let g = try await Grid.query(on: caller.db).filter(\.$id == id).inScope(v.scope, \.$path).first() {
            return g
        }
        // A resident reaches their own grid, and only that one.
        if v.scope.isSelfOnly, let home = try await homeGrid(of: v, on: caller.db), home.id == id { return home }
        if let other = try await Grid.find(id, on: caller.db) {
            throw await caller.outOfScope("grid \(id)", scopePath: other.path)
        }
        throw AppError.notFound()
    }

    /// The grid a user lives in (through their household), or the grid of the branch they are bound to.
    static func homeGrid(of v: Viewer, on db: Database) async throws -> Grid? {
        if let pid = v.user.personID, let hid = try await PeopleQueries.householdID(ofPerson: pid, on: db),
            let h = try await Household.find(hid, on: db)
        {
            return try await Grid.find(h.gridID, on: db)
        }
        let q = Grid.query(on: db).filter(\.$archived == false)
        if v.node.kind == .buildingGroup, let parent = v.node.parentID {
            return try await q.filter(\.$branchNodeID == parent).first()
        }
        return try await q.filter(\.$branchNodeID == v.node.id!).first()
    }

    /// One grouped query per figure, for all the grids asked about.
    static func figures(for gridIDs: [Int], on db: Database) async throws -> [Int: GridFigures] {
        guard !gridIDs.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        var out: [Int: GridFigures] = [:]
        let ids = SQLList(gridIDs.map { SQLBind($0) })
        struct H: Decodable {
            enum CodingKeys: String, CodingKey {
                case gridID = "grid_id"
                case n, pop, mh
            }
            let gridID: Int
            let n: Int
            let pop: Int?
            let mh: Int?
        }
        for r in try await sql.raw(
            """
            -- SUM is NUMERIC on PostgreSQL: cast back to an integer both engines decode as Int.
            SELECT grid_id, COUNT(*) AS n, CAST(SUM(population) AS BIGINT) AS pop,
                   CAST(SUM(CASE WHEN is_member_household = \(bind: true) THEN 1 ELSE 0 END) AS BIGINT) AS mh
            FROM households WHERE grid_id IN (\(ids)) GROUP BY grid_id
            """
        ).all(decoding: H.self) {
            out[r.gridID, default: .init()].households = r.n
            out[r.gridID, default: .init()].population = r.pop ?? 0
            out[r.gridID, default: .init()].memberHouseholds = r.mh ?? 0
        }
        struct C: Decodable {
            enum CodingKeys: String, CodingKey {
                case gridID = "grid_id"
                case n
            }
            let gridID: Int
            let n: Int
        }
        for r in try await sql.raw(
            """
            SELECT h.grid_id AS grid_id, COUNT(*) AS n FROM people p JOIN households h ON p.household_id = h.id
            WHERE p.is_party_member = \(bind: true) AND p.archived = \(bind: false) AND h.grid_id IN (\(ids))
            GROUP BY h.grid_id
            """
        ).all(decoding: C.self) {
            out[r.gridID, default: .init()].partyMembers = r.n
        }
        for r in try await sql.raw(
            """
            SELECT grid_id, COUNT(*) AS n FROM grid_duties WHERE duty = \(bind: GridDuty.Duty.gridWorker.rawValue)
            AND grid_id IN (\(ids)) GROUP BY grid_id
            """
        ).all(decoding: C.self) {
            out[r.gridID, default: .init()].gridWorkers = r.n
        }
        return out
    }

    static func areas(for nodeIDs: [Int], on db: Database) async throws -> [Int: Area] {
        guard !nodeIDs.isEmpty else { return [:] }
        return Dictionary(
            try await Area.query(on: db).filter(\.$orgNodeID ~~ nodeIDs).all().map { ($0.orgNodeID, $0) },
            uniquingKeysWith: { a, _ in a })
    }
}

/// The point-in-grid index, rebuilt when the grids change (checked by a cheap count-and-latest query, so
/// several server processes stay right without talking to each other).
actor PlacesIndex {
    struct GridInfo: Sendable {
        let id: Int
        let code: String
        let name: String
        let communityNodeID: Int
    }
    private var stamp = ""
    private var index = SpatialIndex<Int>()
    private var info: [Int: GridInfo] = [:]

    func current(on db: Database) async throws -> (SpatialIndex<Int>, [Int: GridInfo]) {
        guard let sql = db as? SQLDatabase else { return (index, info) }
        struct S: Decodable {
            let n: Int
            let m: String?
        }
        let s = try await sql.raw(
            "SELECT COUNT(*) AS n, CAST(MAX(updated_at) AS TEXT) AS m FROM grids WHERE archived = \(bind: false)"
        ).first(decoding: S.self)
        let newStamp = "\(s?.n ?? 0)|\(s?.m ?? "")"
        if newStamp != stamp {
            var idx = SpatialIndex<Int>()
            var inf: [Int: GridInfo] = [:]
            for g in try await Grid.query(on: db).filter(\.$archived == false).sort(\.$id).all() {
                idx.insert(g.id!, g.shape)
                inf[g.id!] = GridInfo(id: g.id!, code: g.code, name: g.name, communityNodeID: g.communityNodeID)
            }
            index = idx
            info = inf
            stamp = newStamp
        }
        return (index, info)
    }
}

extension Application {
    var placesIndex: PlacesIndex {
        if let i = storage[PlacesIndexKey.self] { return i }
        let i = PlacesIndex()
        storage[PlacesIndexKey.self] = i
        return i
    }
}
private struct PlacesIndexKey: StorageKey { typealias Value = PlacesIndex }
