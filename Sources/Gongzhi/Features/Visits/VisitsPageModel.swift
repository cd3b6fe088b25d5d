import Fluent
import Vapor

/// The visits page: a visitor's households still to visit and, at the desk, the visit rates of the grids.
struct VisitsPageModel: Sendable {
    var done: Int
    var wanted: Int
    var todo: [PlacesQueries.HouseholdLabel]
    var categories: [RequestsQueries.CategoryChoice]
    var rates: [VisitsAPI.RateOut]

    static func query(_ v: Viewer, lang: Lang, on db: any Database) async throws -> VisitsPageModel {
        let plans = try await VisitPlan.query(on: db).filter(\.$visitorUserID == v.user.id!).sort(\.$due).all()
        let wanted = Array(Set(plans.flatMap(\.households)))
        let done =
            wanted.isEmpty
            ? Set<Int>()
            : Set(try await Visit.query(on: db).filter(\.$householdID ~~ wanted).all().map(\.householdID))
        let todo = try await PlacesQueries.householdLabels(wanted.filter { !done.contains($0) }, limit: 100, on: db)
        return VisitsPageModel(
            done: done.count, wanted: wanted.count, todo: todo,
            categories: try await RequestsQueries.activeCategories(lang, on: db),
            rates: v.role.usesPhoneLayout ? [] : try await VisitsAPI.rates(v, from: nil, to: nil, on: db))
    }

    static func body(_ m: VisitsPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let options: [HTML] = m.categories.map { "<option value=\"\($0.code)\">\($0.name)</option>" }
        let items: [HTML] = m.todo.map { h in
            """
            <li class="card"><strong>\(h.buildingName ?? "") \(h.room)</strong>
            <form method="post" action="\(VisitsRoute.page)">\(csrf)<input type="hidden" name="householdId" \
            value="\(h.id)">
            <input name="note" placeholder="\(lang.t(.visitNote))" aria-label="\(lang.t(.visitNote))">
            <details><summary>\(lang.t(.visitProblem))</summary>
            <select name="category" aria-label="\(lang.t(.requestCategory))"><option value="">—</option>\
            \(options)</select>
            <input name="problem" placeholder="\(lang.t(.requestWording))" \
            aria-label="\(lang.t(.requestWording))"></details>
            <button type="submit">\(lang.t(.visitRecord))</button></form></li>
            """
        }
        let rateRows: [HTML] = m.rates.map { r in
            """
            <tr><td>\(r.gridName)</td><td class="num">\(r.households)</td>\
            <td class="num">\(r.visitedHouseholds)</td>\
            <td class="num">\(r.rate.map { MapSVGFormat.number($0) + "%" } ?? "–")</td>\
            <td class="num">\(r.problems)</td></tr>
            """
        }
        let rateTable: HTML =
            m.rates.isEmpty
            ? HTML.empty
            : """
            <section class="card"><h2>\(lang.t(.visitRates))</h2><table id="visit-rates"><thead><tr>\
            <th>\(lang.t(.entityGrid))</th><th class="num">\(lang.t(.measureHouseholds))</th>\
            <th class="num">\(lang.t(.visitVisited))</th><th class="num">\(lang.t(.visitRate))</th>\
            <th class="num">\(lang.t(.visitProblems))</th></tr></thead><tbody>\(rateRows)</tbody></table></section>
            """
        return """
            <h1>\(lang.t(.navVisits))</h1>
            <p class="muted">\(lang.t(.visitProgress, String(m.done), String(m.wanted)))</p>
            <ul id="visit-todo">\(items)</ul>
            \(rateTable)
            """
    }
}
