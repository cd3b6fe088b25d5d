import Fluent
import Vapor

/// Visits' services (they take a `Caller`) and the JSON handlers that call them.
enum VisitsAPI {
    struct PlanInput: StrictInput {
        static let fields: Set<String> = ["gridID", "visitorUserID", "due", "householdIDs"]
        let gridID: Int
        let visitorUserID: Int
        let due: String
        let householdIDs: [Int]?
    }
    struct PlanOut: Content {
        let id: Int
        let gridID: Int
        let visitorUserID: Int
        let due: String
        let households: Int
        let visited: Int
    }
    struct Problem: Codable, Sendable {
        let kind: RequestKind
        let category: String
        let text: String
    }
    struct VisitInput: StrictInput {
        static let fields: Set<String> = ["householdID", "note", "problem", "outcome"]
        let householdID: Int
        let note: String?
        let problem: Problem?
        var outcome: VisitOutcome? = nil
    }
    struct VisitOut: Content {
        let id: Int
        let householdID: Int
        let at: Date
        let note: String
        let outcome: VisitOutcome
        let requestID: Int?
    }
    struct RateOut: Content {
        let gridID: Int
        let gridName: String
        let households: Int
        let visitedHouseholds: Int
        let visits: Int
        let rate: Double?
        let problems: Int
    }

    static let maxNote = 2_000

    static func register(_ api: RoutesBuilder) {
        api.get(VisitsRoute.apiPlans, use: plans)
        api.post(VisitsRoute.apiPlans, use: createPlan)
        api.post(VisitsRoute.apiVisits, use: record)
        api.get(VisitsRoute.apiRates, use: rates)
    }

    @Sendable static func plans(_ req: Request) async throws -> [PlanOut] {
        try await plans(req.caller)
    }

    static func plans(_ caller: Caller) async throws -> [PlanOut] {
        let v = try await caller.require(.viewPeople)
        let ps = try await VisitPlan.query(on: caller.db).inScope(v.scope, \.$path).sort(\.$due).all()
        let visited = try await VisitFacts.visited(ps, on: caller.db)
        return ps.map { p in
            PlanOut(
                id: p.id!, gridID: p.gridID, visitorUserID: p.visitorUserID, due: p.due,
                households: p.households.count, visited: visited[p.id!]?.count ?? 0)
        }
    }

    @Sendable static func createPlan(_ req: Request) async throws -> Response {
        let plan = try await createPlan(req.caller, try req.decodeStrict(PlanInput.self))
        return try await plan.encodeResponse(status: .created, for: req)
    }

    static func createPlan(_ caller: Caller, _ input: PlanInput) async throws -> PlanOut {
        let v = try await caller.require(.editPeople)
        let grid = try await PlacesQueries.scopedGrid(input.gridID, for: .change, field: "gridId", caller)
        let visitor = try await User.find(input.visitorUserID, on: caller.db)
        let vnode = try await visitor.asyncMap { try await OrgNode.find($0.orgNodeID, on: caller.db) } ?? nil
        guard let visitor, let vnode, VisitFacts.mayVisit(visitor, at: vnode, in: grid, plannedBy: v) else {
            if let visitor, let vnode, !v.scope.includes(vnode.treePath) {
                let detail = "visit plan visitor \(visitor.id ?? 0)"
                await AccessLog.write(caller, .forbiddenChange, detail: detail, scopePath: vnode.path)
            }
            throw AppError.invalid(.errorVisitVisitor, field: "visitorUserId")
        }
        // Work still to do: due from today to a year ahead (1999 or 2099 is a slip of the keyboard).
        let due = try FormDate.requiredDay(input.due, field: "due", within: .ahead(days: 366), today: caller.today)
        let all = try await PlacesQueries.householdIDs(inGrid: grid.id, on: caller.db)
        let chosen = Array(Set(input.householdIDs ?? all)).sorted()
        guard !chosen.isEmpty, Set(chosen).isSubset(of: Set(all)) else {
            throw AppError.invalid(.errorVisitHouseholds, field: "householdIds")
        }
        let p = VisitPlan()
        p.gridID = grid.id
        p.visitorUserID = visitor.id!
        p.due = due.description
        p.householdIDs = chosen.map(String.init).joined(separator: ",")
        p.path = grid.path
        try await caller.db.writing { db in
            try await p.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .visitPlan, id: p.id!,
                label: "\(grid.name) \(due.description)",
                scopePath: grid.path,
                before: nil as String?, after: ["households": String(chosen.count), "visitor": visitor.username])
        }
        return PlanOut(
            id: p.id!, gridID: grid.id, visitorUserID: visitor.id!, due: p.due, households: chosen.count, visited: 0)
    }

    static func record(_ caller: Caller, _ input: VisitInput) async throws -> Visit {
        let v = try await caller.require(.viewPeople)
        let h = try await PlacesQueries.scopedHousehold(input.householdID, for: .change, field: "householdId", caller)
        return try await record(.init(caller), by: v, at: h, input)
    }

    /// A visit, and the request for the problem found on it, once the visitor's permission and the household's
    /// scope are checked. The note is checked before anything is stored, the problem by the request's own checks
    /// (kind, category, text) before the request is made; the visit is then written with the request's id.
    static func record(
        _ ctx: RequestService.StepContext, by v: Viewer, at h: PlacesQueries.HouseholdSummary, _ input: VisitInput,
        photos: [(bytes: [UInt8], type: String)] = []
    ) async throws -> Visit {
        let note = (input.note ?? "").trimmingWhitespace()
        if note.count > maxNote { throw AppError.invalid(.errorVisitNoteLong, args: [String(maxNote)], field: "note") }
        var requestID: Int?
        if let problem = input.problem {
            var raise = RequestService.RaiseInput()
            raise.kind = problem.kind
            raise.category = problem.category
            raise.text = problem.text
            raise.householdID = h.id
            raise.channel = .visit
            raise.reporterPersonID = try await PeopleQueries.firstPersonID(inHousehold: h.id, on: ctx.db)
            requestID = try await RequestService.raise(ctx, raise).id
        }
        let visit = Visit()
        visit.householdID = h.id
        visit.gridID = h.gridID
        visit.visitorUserID = v.user.id!
        visit.at = ctx.caller.now
        visit.note = note
        visit.outcome = input.outcome ?? .met
        visit.requestID = requestID
        visit.path = h.path
        let raised = requestID
        try await ctx.db.writing { db in
            try await visit.create(on: db)
            for p in photos {
                let photo = VisitPhoto()
                photo.visitID = visit.id!
                photo.contentType = p.type
                photo.bytes = Data(p.bytes)
                photo.path = h.path
                photo.gridID = h.gridID
                try await photo.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: ctx.caller.now, .create, entity: .visit, id: visit.id!, label: "\(h.room)",
                scopePath: h.path,
                before: nil as String?,
                after: [
                    "household": String(h.id), "outcome": visit.outcome?.rawValue ?? "",
                    "request": raised.map(String.init) ?? "", "photos": String(photos.count),
                ])
        }
        return visit
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let visit = try await record(req.caller, try req.decodeStrict(VisitInput.self))
        return try await VisitOut(
            id: visit.id!, householdID: visit.householdID, at: visit.at, note: visit.note,
            outcome: visit.outcome ?? .met, requestID: visit.requestID
        ).encodeResponse(status: .created, for: req)
    }

    /// Visit rate per grid for a period: households of the grid with a counted visit (any outcome but nobody at
    /// home) in the period ÷ households of the grid. `VisitFacts.gridVisits` lists the same households.
    static func rates(_ v: Viewer, from: Date?, to: Date?, on db: any Database) async throws -> [RateOut] {
        let grids = try await PlacesQueries.grids(in: v.scope, on: db)
        let households = try await PlacesQueries.householdIDs(inGrids: grids.map(\.id), on: db)
        let visits = try await VisitFacts.visits(in: v.scope, from: from, to: to, on: db)
        return grids.map { g in
            let hs = households[g.id] ?? []
            let vs = visits.filter { hs.contains($0.householdID) }
            let visited = Set(vs.filter(\.counts).map(\.householdID)).count
            return RateOut(
                gridID: g.id, gridName: g.name, households: hs.count, visitedHouseholds: visited, visits: vs.count,
                rate: VisitFacts.rate(visited, of: hs.count), problems: vs.filter { $0.requestID != nil }.count)
        }
    }

    @Sendable static func rates(_ req: Request) async throws -> [RateOut] {
        let from = try req.queryDate("from", endOfDay: false)
        let to = try req.queryDate("to", endOfDay: true)
        let v = try await req.require(.viewPeople)
        return try await rates(v, from: from, to: to, on: req.db)
    }
}
