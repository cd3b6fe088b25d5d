import Fluent
import Vapor

/// The desk's new plan form: the grid (of the planner's scope), the accounts that may visit in it, a due date and
/// the grid's households, those not visited this year first, each with its last visit.
struct NewPlanModel: Sendable {
    var grids: [GridSummary]
    var grid: GridSummary?
    var visitors: [VisitFacts.VisitorChoice]
    var households: [Row]
    var unvisited: [Int]

    struct Row: Sendable {
        let household: VisitHouseholdRow
        let visitedThisYear: Bool
    }

    /// What the form shows again after a refusal, or the first time.
    struct State: Sendable {
        var visitorUserID: Int?
        var due: String = ""
        var chosen: Set<Int> = []
        var error: AppError?
    }

    static func query(_ v: Viewer, gridID: Int?, _ caller: Caller) async throws -> NewPlanModel {
        let grids = try await PlacesQueries.grids(in: v.scope, on: caller.db)
        guard let gridID else {
            return NewPlanModel(grids: grids, grid: nil, visitors: [], households: [], unvisited: [])
        }
        let grid = try await PlacesQueries.scopedGrid(gridID, caller)
        let labels = try await PlacesQueries.householdLabels(inGrid: grid.id, on: caller.db)
        var last: [Int: Visit] = [:]
        var lastCounted: [Int: Visit] = [:]
        for visit in try await VisitFacts.visits(ofHouseholds: labels.map(\.id), on: caller.db) {
            if last[visit.householdID] == nil { last[visit.householdID] = visit }
            if visit.counts, lastCounted[visit.householdID] == nil { lastCounted[visit.householdID] = visit }
        }
        let yearStart = VisitFacts.Period.thisYear(caller.today).start
        let rows = VisitHouseholdRow.rows(labels, last: last).map {
            Row(household: $0, visitedThisYear: (lastCounted[$0.id]?.at).map { $0 >= yearStart } ?? false)
        }
        // Not visited this year first; then the longest since a counted visit.
        let ordered = rows.enumerated().sorted { a, b in
            let ka = (a.element.visitedThisYear ? 1 : 0, lastCounted[a.element.household.id]?.at ?? .distantPast)
            let kb = (b.element.visitedThisYear ? 1 : 0, lastCounted[b.element.household.id]?.at ?? .distantPast)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return ka.1 < kb.1 }
            return a.offset < b.offset
        }.map(\.element)
        return NewPlanModel(
            grids: grids, grid: grid,
            visitors: try await VisitFacts.visitors(for: grid, plannedBy: v, on: caller.db), households: ordered,
            unvisited: ordered.filter { !$0.visitedThisYear }.map(\.household.id))
    }

    static func body(_ m: NewPlanModel, _ s: State, csrf: HTML, _ lang: Lang) -> HTML {
        func field(_ f: String) -> HTML {
            Widgets.fieldProblem(s.error, f, lang)
        }
        let gridOptions = Widgets.options(
            m.grids.map { (String($0.id), $0.name) }, selected: m.grid.map { String($0.id) })
        let chooser: HTML = """
            <form method="get" action="\(VisitsRoute.newPlan)" class="card row" id="plan-grid">\
            <label for="gridId">\(lang.t(.entityGrid))</label>\
            <select id="gridId" name="gridId">\(gridOptions)</select>\
            <button type="submit" class="secondary">\(lang.t(.visitChooseGrid))</button></form>
            """
        guard let grid = m.grid else {
            return "<h1>\(lang.t(.visitPlanNew))</h1>\(Widgets.errorSummary(s.error, lang: lang))\(chooser)"
        }
        let visitors = Widgets.options(
            m.visitors.map { (String($0.id), "\($0.name) · \(lang.t(key: $0.role.labelKey))") },
            selected: s.visitorUserID.map(String.init))
        let rows: [HTML] = m.households.map { r in
            let h = r.household
            let checked = HTML(raw: s.chosen.contains(h.id) ? " checked" : "")
            return """
                <li><label><input type="checkbox" name="householdIds[]" value="\(h.id)"\(checked)> \(h.label) \
                <span class="muted">\(h.lastText(lang))</span></label></li>
                """
        }
        let pick = VisitsRoute.newPlan.query([("gridId", String(grid.id)), ("pick", "unvisited")])
        let noVisitors: HTML = m.visitors.isEmpty ? "<p class=\"flash error\">\(lang.t(.visitNoVisitors))</p>" : ""
        return """
            <h1>\(lang.t(.visitPlanNew))</h1>\(Widgets.errorSummary(s.error, lang: lang, id: "plan-error"))
            \(chooser)
            <form method="post" action="\(VisitsRoute.plans)" class="card" id="plan-form">\(csrf)\
            <input type="hidden" name="gridId" value="\(grid.id)">
            <h2>\(grid.name)</h2>\(noVisitors)
            <label for="visitorUserId">\(lang.t(.visitVisitor))</label><select id="visitorUserId" \
            name="visitorUserId" required><option value="">—</option>\(visitors)</select>\(field("visitorUserId"))
            <label for="due">\(lang.t(.visitDue))</label><input id="due" name="due" type="date" required \
            value="\(s.due)">\(field("due"))
            <fieldset><legend>\(lang.t(.visitHousehold))</legend>
            <p class="muted">\(lang.t(.visitPlanOrder))</p>
            <p><a href="\(pick)" id="pick-unvisited">\(lang.t(.visitPickUnvisited, String(m.unvisited.count)))</a></p>
            \(field("householdIds"))<ul class="checklist" id="plan-households">\(rows)</ul></fieldset>
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form>
            """
    }
}

/// A plan at the desk or on the visitor's phone: its households, visited since the plan was made or not.
struct PlanDetailModel: Sendable {
    var row: VisitPlanRow
    var households: [(household: VisitHouseholdRow, visited: Bool)]

    static func query(_ id: Int, _ caller: Caller) async throws -> PlanDetailModel {
        try await caller.require(.viewPeople)
        let plan = try await caller.scoped(VisitPlan.self, id)
        guard let row = try await VisitPlanRow.rows([plan], today: caller.today, on: caller.db).first else {
            throw AppError.notFound()
        }
        let visited = try await VisitFacts.visited([plan], on: caller.db)[id] ?? []
        let labels = try await PlacesQueries.householdLabels(
            plan.households, limit: plan.households.count, on: caller.db)
        var last: [Int: Visit] = [:]
        for visit in try await VisitFacts.visits(ofHouseholds: labels.map(\.id), on: caller.db)
        where last[visit.householdID] == nil {
            last[visit.householdID] = visit
        }
        let rows = VisitHouseholdRow.rows(labels, last: last).map { (household: $0, visited: visited.contains($0.id)) }
        return PlanDetailModel(row: row, households: rows.sorted { !$0.visited && $1.visited })
    }

    static func body(_ m: PlanDetailModel, _ lang: Lang) -> HTML {
        let r = m.row
        let overdue: HTML = r.overdue ? " <span class=\"tag warn\">\(lang.t(.visitOverdue))</span>" : ""
        let rows: [HTML] = m.households.map { h in
            let mark: HTML =
                h.visited
                ? "<span class=\"tag ok\">\(lang.t(.visitVisitedMark))</span>"
                : "<span class=\"tag\">\(lang.t(.visitNotYet))</span>"
            return """
                <tr><td><a href="\(VisitsRoute.household(.value(h.household.id)))">\(h.household.label)</a></td>\
                <td>\(mark)</td><td class="muted">\(h.household.lastText(lang))</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.visitPlan)) · \(r.gridName)</h1>
            <p>\(lang.t(.visitVisitor)) \(r.visitorName) · \(lang.t(.visitDue)) \(r.due)\(overdue)</p>
            <p id="plan-progress"><strong>\(lang.t(.visitPlanProgress, String(r.visited), String(r.total)))</strong> \
            <span class="muted">\(lang.t(.visitPlanVisitedDefinition))</span></p>
            <table id="plan-households"><thead><tr><th>\(lang.t(.visitHousehold))</th>\
            <th>\(lang.t(.visitStatus))</th><th>\(lang.t(.visitLast))</th></tr></thead><tbody>\(rows)</tbody></table>
            <p><a href="\(VisitsRoute.plans)">\(lang.t(.visitPlans))</a></p>
            """
    }
}

/// Every household of a grid with its visits in a period: the list a grid's visit rate counts.
struct GridVisitsModel: Sendable {
    var grid: GridSummary
    var period: VisitFacts.Period
    var rows: [(household: VisitHouseholdRow, visits: Int, counted: Bool)]
    var visited: Int { rows.filter(\.counted).count }

    static func query(_ v: Viewer, gridID: Int, period: VisitFacts.Period, _ caller: Caller) async throws
        -> GridVisitsModel
    {
        let grid = try await PlacesQueries.scopedGrid(gridID, caller)
        let labels = try await PlacesQueries.householdLabels(inGrid: grid.id, on: caller.db)
        let ids = Set(labels.map(\.id))
        // The same visits as the rate: the viewer's scope and the period, then the grid's households.
        let visits = try await VisitFacts.visits(in: v.scope, from: period.start, to: period.end, on: caller.db)
            .filter { ids.contains($0.householdID) }
        let byHousehold = Dictionary(grouping: visits, by: \.householdID)
        var last: [Int: Visit] = [:]
        for visit in try await VisitFacts.visits(ofHouseholds: Array(ids), on: caller.db)
        where last[visit.householdID] == nil {
            last[visit.householdID] = visit
        }
        let rows = VisitHouseholdRow.rows(labels, last: last).map { h in
            let vs = byHousehold[h.id] ?? []
            return (household: h, visits: vs.count, counted: vs.contains(where: \.counts))
        }
        return GridVisitsModel(grid: grid, period: period, rows: rows)
    }

    static func body(_ m: GridVisitsModel, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.rows.map { r in
            let mark: HTML =
                r.counted
                ? "<span class=\"tag ok\">\(lang.t(.visitVisitedMark))</span>"
                : "<span class=\"tag\">\(lang.t(.visitNotYet))</span>"
            return """
                <tr><td><a href="\(VisitsRoute.household(.value(r.household.id)))">\(r.household.label)</a></td>\
                <td>\(mark)</td><td class="num">\(r.visits)</td>\
                <td class="muted">\(r.household.lastText(lang))</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.visitGridList, m.grid.name))</h1>
            <form method="get" action="\(VisitsRoute.grid(.value(m.grid.id)))" class="row">\
            <label>\(lang.t(.visitPeriodFrom)) <input type="date" name="from" value="\(m.period.from.description)">\
            </label> <label>\(lang.t(.visitPeriodTo)) <input type="date" name="to" \
            value="\(m.period.to.description)"></label> <button type="submit">\(lang.t(.actionShow))</button></form>
            <p id="grid-visit-rate">\
            <strong>\(lang.t(.visitProgress, String(m.visited), String(m.rows.count)))</strong> \
            · \(lang.t(.visitRate)) \(VisitFacts.percent(VisitFacts.rate(m.visited, of: m.rows.count)))</p>
            <p class="muted">\(lang.t(.visitRateDefinition))</p>
            <table id="grid-households"><thead><tr><th>\(lang.t(.visitHousehold))</th><th>\(lang.t(.visitStatus))</th>\
            <th class="num">\(lang.t(.visitVisits))</th><th>\(lang.t(.visitLast))</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
