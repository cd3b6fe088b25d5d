import Fluent
import Vapor

/// The facts every visits page and figure is computed from, in one place: which visits count, what a plan's
/// progress is, who may visit a grid. The rate of a grid and the list it links to call the same functions.
enum VisitFacts {
    /// Who may visit in a grid: an active account that sees households, bound to the grid's node, a node above it
    /// or one below it (a building group), and within the planner's scope.
    static func mayVisit(_ u: User, at node: OrgNode, in grid: GridSummary, plannedBy planner: Viewer) -> Bool {
        let gridPath = TreePath(grid.path)
        return u.active && u.role.can(.viewPeople)
            && (node.treePath.contains(gridPath) || gridPath.contains(node.treePath))
            && planner.scope.includes(node.treePath)
    }

    struct VisitorChoice: Sendable {
        let id: Int
        let name: String
        let role: Role
    }

    /// The accounts the planner may send to a grid: the grid's own (grid worker, chiefs, building groups) first,
    /// in the order of the roles.
    static func visitors(for grid: GridSummary, plannedBy planner: Viewer, on db: any Database) async throws
        -> [VisitorChoice]
    {
        let roles = Role.allCases.filter { $0.can(.viewPeople) }
        let users = try await User.query(on: db).filter(\.$active == true).filter(\.$role ~~ roles).all()
        let nodes = Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ Array(Set(users.map(\.orgNodeID))))
                .all().map { ($0.id!, $0) })
        return users.compactMap { u -> VisitorChoice? in
            guard let n = nodes[u.orgNodeID], mayVisit(u, at: n, in: grid, plannedBy: planner) else { return nil }
            return VisitorChoice(id: u.id!, name: u.displayName, role: u.role)
        }
        .sorted { a, b in
            let ra = Role.allCases.firstIndex(of: a.role) ?? 0
            let rb = Role.allCases.firstIndex(of: b.role) ?? 0
            return ra != rb ? ra < rb : (a.name, a.id) < (b.name, b.id)
        }
    }

    /// The visits in a scope and a period (from inclusive, to exclusive), every outcome.
    static func visits(in scope: DataScope, from: Date?, to: Date?, on db: any Database) async throws -> [Visit] {
        let q = Visit.query(on: db).inScope(scope, \.$path)
        if let from { q.filter(\.$at >= from) }
        if let to { q.filter(\.$at < to) }
        return try await q.sort(\.$at).all()
    }

    /// The visits of some households, newest first.
    static func visits(ofHouseholds ids: [Int], on db: any Database) async throws -> [Visit] {
        guard !ids.isEmpty else { return [] }
        return try await Visit.query(on: db).filter(\.$householdID ~~ ids).sort(\.$at, .descending).all()
    }

    /// For each plan, the households of its list with a counted visit since the plan was made.
    static func visited(_ plans: [VisitPlan], on db: any Database) async throws -> [Int: Set<Int>] {
        let ids = Array(Set(plans.flatMap(\.households)))
        guard let since = plans.map({ $0.createdAt ?? .distantPast }).min(), !ids.isEmpty else { return [:] }
        let visits = try await Visit.query(on: db).filter(\.$householdID ~~ ids).filter(\.$at >= since).all()
            .filter(\.counts)
        var out: [Int: Set<Int>] = [:]
        for p in plans {
            let list = Set(p.households)
            let made = p.createdAt ?? .distantPast
            out[p.id!] = Set(visits.filter { list.contains($0.householdID) && $0.at >= made }.map(\.householdID))
        }
        return out
    }

    /// Households visited ÷ households, in percent with one decimal; nil for a grid without households.
    static func rate(_ visited: Int, of households: Int) -> Double? {
        households == 0 ? nil : (Double(visited) * 1000 / Double(households)).rounded() / 10
    }

    static func percent(_ r: Double?) -> String { r.map { MapSVGFormat.number($0) + "%" } ?? "–" }

    static func isOverdue(_ p: VisitPlan, visited: Int, today: LocalDate) -> Bool {
        visited < p.households.count && p.due < today.description
    }

    /// A period typed on a page (days in Asia/Shanghai), by default from the first of January to today.
    struct Period: Sendable {
        var from: LocalDate
        var to: LocalDate
        var start: Date { Date(timeIntervalSince1970: from.startInstant) }
        var end: Date { Date(timeIntervalSince1970: to.endInstant + 1) }

        static func thisYear(_ t: LocalDate) -> Period {
            return Period(from: LocalDate(year: t.year, month: 1, day: 1) ?? t, to: t)
        }

        /// From the query's `from` and `to` (2026-01-01); a day that is not one is a 400, an inverted period a 422.
        static func from(_ req: Request) throws -> Period {
            var p = thisYear(req.clock.today)
            for (key, isFrom) in [("from", true), ("to", false)] {
                guard let raw = req.query[String.self, at: key], !raw.isEmpty else { continue }
                guard let simple = SimpleDate(raw), let d = LocalDate(simple.iso) else {
                    throw AppError.badRequest(.errorDateParam, args: [key, raw])
                }
                if isFrom { p.from = d } else { p.to = d }
            }
            if p.to < p.from { throw AppError.invalid(.errorVisitPeriod, field: "to") }
            return p
        }

        var query: [(String, String?)] { [("from", from.description), ("to", to.description)] }
    }

    /// Short day and time for lists, in Asia/Shanghai.
    static func day(_ d: Date) -> String { LocalDate(instant: d.timeIntervalSince1970).description }
}
