import Fluent
import Vapor

/// A plan as lists show it.
struct VisitPlanRow: Sendable {
    let id: Int
    let gridID: Int
    let gridName: String
    let visitorName: String
    let due: String
    let visited: Int
    let total: Int
    let overdue: Bool

    var open: Bool { visited < total }

    static func rows(_ plans: [VisitPlan], today: LocalDate, on db: any Database) async throws -> [VisitPlanRow] {
        let visited = try await VisitFacts.visited(plans, on: db)
        let grids = try await PlacesQueries.gridNames(plans.map(\.gridID), on: db)
        let userIDs = Array(Set(plans.map(\.visitorUserID)))
        let users =
            userIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await User.query(on: db).filter(\.$id ~~ userIDs).all().map {
                    ($0.id!, $0.displayName)
                })
        return plans.map { p in
            let done = visited[p.id!]?.count ?? 0
            return VisitPlanRow(
                id: p.id!, gridID: p.gridID, gridName: grids[p.gridID] ?? "",
                visitorName: users[p.visitorUserID] ?? "",
                due: p.due, visited: done, total: p.households.count,
                overdue: VisitFacts.isOverdue(p, visited: done, today: today))
        }
    }

    static func table(_ rows: [VisitPlanRow], _ lang: Lang, id: String) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(lang.t(.visitNoPlans))</p>" }
        let body: [HTML] = rows.map { r in
            let overdue: HTML = r.overdue ? " <span class=\"tag warn\">\(lang.t(.visitOverdue))</span>" : ""
            return """
                <tr><td><a href="\(VisitsRoute.plan(.value(r.id)))">\(r.gridName)</a></td><td>\(r.visitorName)</td>\
                <td>\(r.due)\(overdue)</td>\
                <td class="num">\(lang.t(.visitPlanProgress, String(r.visited), String(r.total)))</td></tr>
                """
        }
        return """
            <table id="\(id)"><thead><tr><th>\(lang.t(.entityGrid))</th><th>\(lang.t(.visitVisitor))</th>\
            <th>\(lang.t(.visitDue))</th><th class="num">\(lang.t(.visitVisited))</th></tr></thead>\
            <tbody>\(body)</tbody></table>
            """
    }
}

/// A household on a visitor's list: where it is, and what the last visit found.
struct VisitHouseholdRow: Sendable {
    let id: Int
    let label: String
    let lastDay: String?
    let lastOutcome: VisitOutcome?

    static func rows(_ labels: [PlacesQueries.HouseholdLabel], last: [Int: Visit]) -> [VisitHouseholdRow] {
        labels.map { h in
            VisitHouseholdRow(
                id: h.id, label: "\(h.buildingName ?? "") \(h.room)",
                lastDay: last[h.id].map { VisitFacts.day($0.at) },
                lastOutcome: last[h.id].map { $0.outcome ?? .met })
        }
    }

    func lastText(_ lang: Lang) -> String {
        guard let lastDay else { return lang.t(.visitNever) }
        return "\(lang.t(.visitLast)) \(lastDay) · \(lang.t(key: (lastOutcome ?? .met).labelKey))"
    }
}

/// The visits page: on the phone, a visitor's open plans, the households still to visit (each a tap from the
/// record form) and the grids whose households they may visit; at the desk, the visit rates for a period.
struct VisitsPageModel: Sendable {
    var phone: Bool
    var canPlan: Bool
    var done: Int
    var wanted: Int
    var myPlans: [VisitPlanRow]
    var todo: [VisitHouseholdRow]
    var grids: [GridSummary]
    var period: VisitFacts.Period
    var rates: [VisitsAPI.RateOut]

    static let todoLimit = 200

    static func query(_ v: Viewer, period: VisitFacts.Period, today: LocalDate, on db: any Database) async throws
        -> VisitsPageModel
    {
        let plans = try await VisitPlan.query(on: db).filter(\.$visitorUserID == v.user.id!).sort(\.$due).all()
        let rows = try await VisitPlanRow.rows(plans, today: today, on: db)
        let visited = try await VisitFacts.visited(plans, on: db)
        let open = plans.filter { (visited[$0.id!]?.count ?? 0) < $0.households.count }
        let wanted = Set(open.flatMap(\.households))
        let done = Set(open.flatMap { visited[$0.id!] ?? [] })
        let left = wanted.subtracting(done)
        let labels = try await PlacesQueries.householdLabels(Array(left), limit: todoLimit, on: db)
        var last: [Int: Visit] = [:]
        for visit in try await VisitFacts.visits(ofHouseholds: labels.map(\.id), on: db)
        where last[visit.householdID] == nil {
            last[visit.householdID] = visit
        }
        let phone = v.role.usesPhoneLayout
        return VisitsPageModel(
            phone: phone, canPlan: v.can(.editPeople), done: done.count, wanted: wanted.count,
            myPlans: rows.filter(\.open), todo: VisitHouseholdRow.rows(labels, last: last),
            grids: try await PlacesQueries.grids(in: v.scope, on: db),
            period: period,
            rates: phone ? [] : try await VisitsAPI.rates(v, from: period.start, to: period.end, on: db))
    }

    static func body(_ m: VisitsPageModel, _ lang: Lang) -> HTML {
        let mine: HTML = m.phone || !m.myPlans.isEmpty ? visitorSection(m, lang) : HTML.empty
        return """
            <h1>\(lang.t(.navVisits))</h1>
            \(mine)
            \(m.phone ? HTML.empty : deskSection(m, lang))
            """
    }

    static func visitorSection(_ m: VisitsPageModel, _ lang: Lang) -> HTML {
        let plans: [HTML] = m.myPlans.map { r in
            let overdue: HTML = r.overdue ? " <span class=\"tag warn\">\(lang.t(.visitOverdue))</span>" : ""
            return """
                <li><a href="\(VisitsRoute.plan(.value(r.id)))">\(r.gridName) · \(lang.t(.visitDue)) \(r.due)</a> \
                \(lang.t(.visitPlanProgress, String(r.visited), String(r.total)))\(overdue)</li>
                """
        }
        let todo: [HTML] = m.todo.map { h in
            """
            <div class="card"><a class="button" href="\(VisitsRoute.household(.value(h.id)))">\(h.label)</a> \
            <span class="muted">\(h.lastText(lang))</span></div>
            """
        }
        let grids: [HTML] = m.grids.map { g in
            "<li><a href=\"\(VisitsRoute.grid(.value(g.id)))\">\(g.name) · \(lang.t(.visitAllHouseholds))</a></li>"
        }
        let noPlans: HTML = "<p class=\"muted\">\(lang.t(.visitNoPlans))</p>"
        let noTodo: HTML = "<p class=\"muted\">\(lang.t(.visitNoTodo))</p>"
        return """
            <p class="muted" id="visit-progress">\(lang.t(.visitProgress, String(m.done), String(m.wanted)))</p>
            <section><h2>\(lang.t(.visitMyPlans))</h2>\
            \(plans.isEmpty ? noPlans : "<ul id=\"visit-plans\">\(plans)</ul>")
            </section>
            <section><h2>\(lang.t(.visitTodo))</h2>\
            \(todo.isEmpty ? noTodo : "<div id=\"visit-todo\">\(todo)</div>")
            </section>
            <section><h2>\(lang.t(.visitMyGrids))</h2><ul id="visit-grids">\(grids)</ul></section>
            """
    }

    static func deskSection(_ m: VisitsPageModel, _ lang: Lang) -> HTML {
        let q = m.period.query
        let rows: [HTML] = m.rates.map { r in
            """
            <tr><td><a href="\(VisitsRoute.grid(.value(r.gridID)).query(q))">\(r.gridName)</a></td>\
            <td class="num">\(r.households)</td><td class="num">\(r.visitedHouseholds)</td>\
            <td class="num">\(VisitFacts.percent(r.rate))</td><td class="num">\(r.visits)</td>\
            <td class="num">\(r.problems)</td></tr>
            """
        }
        let newPlan: HTML =
            m.canPlan ? "<a class=\"button\" href=\"\(VisitsRoute.newPlan)\">\(lang.t(.visitPlanNew))</a>" : ""
        return """
            <p><a href="\(VisitsRoute.plans)">\(lang.t(.visitPlans))</a> \(newPlan)</p>
            <section class="card"><h2>\(lang.t(.visitRates))</h2>
            <form method="get" action="\(VisitsRoute.page)" class="row">\
            <label>\(lang.t(.visitPeriodFrom)) <input type="date" name="from" value="\(m.period.from.description)">\
            </label> <label>\(lang.t(.visitPeriodTo)) <input type="date" name="to" \
            value="\(m.period.to.description)"></label> <button type="submit">\(lang.t(.actionShow))</button></form>
            <p class="muted" id="visit-rate-definition">\(lang.t(.visitRateDefinition))</p>
            <table id="visit-rates"><thead><tr>\
            <th>\(lang.t(.entityGrid))</th><th class="num">\(lang.t(.measureHouseholds))</th>\
            <th class="num">\(lang.t(.visitVisited))</th><th class="num">\(lang.t(.visitRate))</th>\
            <th class="num">\(lang.t(.visitVisits))</th>\
            <th class="num">\(lang.t(.visitProblems))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }
}
