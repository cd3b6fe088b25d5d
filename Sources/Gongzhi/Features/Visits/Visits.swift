import Fluent
import Vapor

/// 驻点走访: plans of which households to visit, by whom and by when; visits recorded from the phone in a few taps;
/// a problem found on a visit becomes a request (channel "visit") in the same step.
final class VisitPlan: Model, @unchecked Sendable {
    static let schema = "visit_plans"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "visitor_user_id") var visitorUserID: Int
    @Field(key: "due") var due: String
    @Field(key: "household_ids") var householdIDs: String  // comma-separated, the plan's fixed list
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    var households: [Int] { householdIDs.split(separator: ",").compactMap { Int($0) } }
}

final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "household_id") var householdID: Int
    @Field(key: "grid_id") var gridID: Int
    @Field(key: "visitor_user_id") var visitorUserID: Int
    @Field(key: "at") var at: Date
    @Field(key: "note") var note: String
    @OptionalField(key: "request_id") var requestID: Int?
    @Field(key: "path") var path: String
    init() {}
}

struct CreateVisits: AsyncMigration {
    var name: String { "010_create_visits" }
    func prepare(on db: Database) async throws {
        try await db.schema(VisitPlan.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("grid_id", .int, .required, .references(PlacesQueries.gridsTable, .id)).field(
                "visitor_user_id", .int, .required, .references(User.schema, .id)
            )
            .field("due", .string, .required).field("household_ids", .sql(unsafeRaw: "TEXT"), .required).field(
                "path", .string, .required
            )
            .field("created_at", .datetime).create()
        try await db.schema(Visit.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("household_id", .int, .required, .references(PlacesQueries.householdsTable, .id)).field(
                "grid_id", .int, .required
            )
            .field("visitor_user_id", .int, .required).field("at", .datetime, .required).field(
                "note", .sql(unsafeRaw: "TEXT"), .required
            )
            .field("request_id", .int).field("path", .string, .required).create()
        try await db.createIndex(table: Visit.schema, column: "grid_id")
    }
    func revert(on db: Database) async throws {
        try await db.schema(Visit.schema).delete()
        try await db.schema(VisitPlan.schema).delete()
    }
}

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
        static let fields: Set<String> = ["householdID", "note", "problem"]
        let householdID: Int
        let note: String?
        let problem: Problem?
    }
    struct VisitOut: Content {
        let id: Int
        let householdID: Int
        let at: Date
        let note: String
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
        var out: [PlanOut] = []
        for p in ps {
            let visited = try await Visit.query(on: caller.db).filter(\.$householdID ~~ p.households).filter(
                \.$at >= (p.createdAt ?? .distantPast)
            ).all()
            out.append(
                PlanOut(
                    id: p.id!, gridID: p.gridID, visitorUserID: p.visitorUserID, due: p.due,
                    households: p.households.count, visited: Set(visited.map(\.householdID)).count))
        }
        return out
    }

    @Sendable static func createPlan(_ req: Request) async throws -> Response {
        let plan = try await createPlan(req.caller, try req.decodeStrict(PlanInput.self))
        return try await plan.encodeResponse(status: .created, for: req)
    }

    static func createPlan(_ caller: Caller, _ input: PlanInput) async throws -> PlanOut {
        let v = try await caller.require(.editPeople)
        let grid = try await PlacesQueries.scopedGrid(input.gridID, for: .change, field: "gridId", caller)
        guard let visitor = try await User.find(input.visitorUserID, on: caller.db),
            let vnode = try await OrgNode.find(visitor.orgNodeID, on: caller.db),
            v.scope.includes(vnode.treePath)
        else {
            if let other = try await User.find(input.visitorUserID, on: caller.db) {
                await AccessLog.write(caller, .forbiddenChange, detail: "visit plan visitor \(other.id ?? 0)")
            }
            throw AppError.invalid(.errorVisitVisitor, field: "visitorUserId")
        }
        guard let due = SimpleDate(input.due) else { throw AppError.invalid(.errorDateInvalid, field: "due") }
        let all = try await PlacesQueries.householdIDs(inGrid: grid.id, on: caller.db)
        let chosen = input.householdIDs ?? all
        guard !chosen.isEmpty, Set(chosen).isSubset(of: Set(all)) else {
            throw AppError.invalid(.errorVisitHouseholds, field: "householdIds")
        }
        let p = VisitPlan()
        p.gridID = grid.id
        p.visitorUserID = visitor.id!
        p.due = due.iso
        p.householdIDs = chosen.map(String.init).joined(separator: ",")
        p.path = grid.path
        try await caller.db.writing { db in
            try await p.create(on: db)
            try await Audit.record(
                on: db, by: v, .create, entity: .visitPlan, id: p.id!, label: "\(grid.name) \(due.iso)",
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
    /// scope are checked.
    static func record(
        _ ctx: RequestService.StepContext, by v: Viewer, at h: PlacesQueries.HouseholdSummary, _ input: VisitInput
    ) async throws -> Visit {
        let note = String((input.note ?? "").trimmingWhitespace().prefix(2000))
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
        visit.at = Date()
        visit.note = note
        visit.requestID = requestID
        visit.path = h.path
        let raised = requestID
        try await ctx.db.writing { db in
            try await visit.create(on: db)
            try await Audit.record(
                on: db, by: v, .create, entity: .visit, id: visit.id!, label: "\(h.room)", scopePath: h.path,
                before: nil as String?, after: ["household": String(h.id), "request": raised.map(String.init) ?? ""])
        }
        return visit
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let visit = try await record(req.caller, try req.decodeStrict(VisitInput.self))
        return try await VisitOut(
            id: visit.id!, householdID: visit.householdID, at: visit.at, note: visit.note, requestID: visit.requestID
        ).encodeResponse(status: .created, for: req)
    }

    /// Visit rate per grid for a period: households visited at least once ÷ households.
    static func rates(_ v: Viewer, from: Date?, to: Date?, on db: any Database) async throws -> [RateOut] {
        let grids = try await PlacesQueries.grids(in: v.scope, on: db)
        let figures = try await PlacesQueries.figures(for: grids.map(\.id), on: db)
        let q = Visit.query(on: db).inScope(v.scope, \.$path)
        if let from { q.filter(\.$at >= from) }
        if let to { q.filter(\.$at < to) }
        let visits = try await q.all()
        let byGrid = Dictionary(grouping: visits, by: \.gridID)
        return grids.map { g in
            let vs = byGrid[g.id] ?? []
            let households = figures[g.id]?.households ?? 0
            let visited = Set(vs.map(\.householdID)).count
            return RateOut(
                gridID: g.id, gridName: g.name, households: households, visitedHouseholds: visited, visits: vs.count,
                rate: households == 0 ? nil : (Double(visited) * 1000 / Double(households)).rounded() / 10,
                problems: vs.filter { $0.requestID != nil }.count)
        }
    }

    @Sendable static func rates(_ req: Request) async throws -> [RateOut] {
        let from = try req.queryDate("from", endOfDay: false)
        let to = try req.queryDate("to", endOfDay: true)
        let v = try await req.require(.viewPeople)
        return try await rates(v, from: from, to: to, on: req.db)
    }
}

enum VisitPages {
    static func register(_ p: RoutesBuilder) {
        p.get(VisitsRoute.page, use: page)
        p.post(VisitsRoute.page, use: record)
    }

    /// On the phone: the households of my plans still to visit, each with a one-tap record form.
    @Sendable static func page(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewPeople)
        let m = try await VisitsPageModel.query(v, lang: req.lang, on: req.db)
        return Layout.page(
            req, title: req.t(.navVisits), body: VisitsPageModel.body(m, csrf: CSRF.hiddenField(req), req.lang),
            active: VisitsRoute.page.path)
    }

    struct Form: Content {
        var householdId: Int?
        var note: String?
        var category: String?
        var problem: String?
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        guard let hid = f.householdId else { throw AppError.invalid(.errorVisitHouseholds) }
        let problem = (f.problem ?? "").trimmingWhitespace()
        let input = VisitsAPI.VisitInput(
            householdID: hid, note: f.note,
            problem: problem.isEmpty
                ? nil
                : .init(kind: .help, category: f.category.flatMap { $0.isEmpty ? nil : $0 } ?? "other", text: problem))
        let visit = try await VisitsAPI.record(req.caller, input)
        Layout.flash(req, visit.requestID == nil ? .flashVisited : .flashVisitedWithRequest)
        if let id = visit.requestID { return req.redirect(to: RequestsRoute.request(.value(id))) }
        return req.redirect(to: VisitsRoute.page)
    }
}
