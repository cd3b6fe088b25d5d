import Fluent
import Vapor

/// A year of the working-day calendar, and the editor for those who may set district settings.
struct CalendarModel: Sendable {
    let year: Int
    let existing: CalendarAPI.YearOut?
    let mayEdit: Bool
    let error: AppError?
    let source: String
    let lines: String

    static func query(
        year: Int, viewer v: Viewer, error: AppError?, draft: RequestPages.CalendarForm?, on db: any Database
    ) async throws -> CalendarModel {
        let existing = try? await CalendarAPI.yearOut(year, on: db)
        let lines =
            draft?.days ?? existing.map { y in
                (y.daysOff.map { "\($0.date) \($0.name) off" }
                    + y.workingWeekends.map { "\($0.date) \($0.name) work" })
                    .joined(separator: "\n")
            } ?? ""
        return CalendarModel(
            year: year, existing: existing, mayEdit: v.maySetDistrictSettings, error: error,
            source: draft?.source ?? existing?.source ?? "", lines: lines)
    }
}

/// The desk's request pages as pure functions of their models and the language.
enum RequestDeskViews {
    static func figures(_ f: RequestFiguresService.Out, _ lang: Lang) -> HTML {
        let from = f.from.map { LocalDate(instant: $0.timeIntervalSince1970).description }
        let to = f.to.map { LocalDate(instant: $0.timeIntervalSince1970 - 1).description }
        func link(_ a: RequestFiguresService.AreaFigures, _ m: RequestMetric) -> Link {
            RequestsRoute.list.query([
                ("metric", m.rawValue), ("nodeId", a.nodeID.map(String.init)), ("gridId", a.gridID.map(String.init)),
                ("from", from), ("to", to),
            ])
        }
        func pct(_ v: Double?) -> String { v.map { MapSVGFormat.number($0) + "%" } ?? "–" }
        func count(_ a: RequestFiguresService.AreaFigures, _ m: RequestMetric) -> HTML {
            "<td class=\"num\"><a href=\"\(link(a, m))\">\(a.figures.counts[m.rawValue] ?? 0)</a></td>"
        }
        func row(_ a: RequestFiguresService.AreaFigures, drill: Bool) -> HTML {
            let name: HTML =
                drill && a.nodeID != nil
                ? """
                <a href="\(RequestsRoute.figures.query([("nodeId", String(a.nodeID!)), ("from", from), ("to", to)]))">\
                \(a.name)</a>
                """
                : a.gridID.map { "<a href=\"\(PlacesRoute.grid(.value($0)))\">\(a.name)</a>" as HTML } ?? "\(a.name)"
            let steps = a.figures.averageStepDays.map { $0.map(MapSVGFormat.number) ?? "–" }.joined(separator: " / ")
            return """
                <tr><td>\(name)</td>\(count(a, .raised))\(count(a, .open))\(count(a, .resolved))
                <td class="num"><a href="\(link(a, .responded))">\(pct(a.figures.responseRate))</a></td>
                <td class="num"><a href="\(link(a, .resolved))">\(pct(a.figures.resolutionRate))</a></td>
                <td class="num"><a href="\(link(a, .onTime))">\(pct(a.figures.onTimeRate))</a></td>
                <td class="num"><a href="\(link(a, .satisfied))">\(pct(a.figures.satisfactionRate))</a></td>
                \(count(a, .unrated))<td class="num">\(steps)</td></tr>
                """
        }
        let definitions: [HTML] = RequestMetric.allCases.map {
            "<dt>\(lang.t(key: $0.labelKey))</dt><dd>\(lang.t(key: $0.definitionKey))</dd>"
        }
        let node: HTML = f.area.nodeID.map { "<input type=\"hidden\" name=\"nodeId\" value=\"\($0)\">" } ?? ""
        return """
            <h1>\(lang.t(.navFigures)) · \(f.area.name)</h1>
            <form method="get" action="\(RequestsRoute.figures)" class="inline" id="figures-period">\(node)
            <fieldset><legend>\(lang.t(.figuresPeriod))</legend>
            <label for="figures-from">\(lang.t(.figuresFrom))</label> \
            <input type="date" id="figures-from" name="from" value="\(from ?? "")">
            <label for="figures-to">\(lang.t(.figuresTo))</label> \
            <input type="date" id="figures-to" name="to" value="\(to ?? "")">
            <button type="submit">\(lang.t(.figuresApply))</button></fieldset></form>
            <div class="scroll"><table id="request-figures"><thead><tr><th>\(lang.t(.figuresArea))</th>
            <th class="num">\(lang.t(.metricRaised))</th><th class="num">\(lang.t(.metricOpen))</th>
            <th class="num">\(lang.t(.metricResolved))</th><th class="num">\(lang.t(.figuresResponseRate))</th>
            <th class="num">\(lang.t(.figuresResolutionRate))</th><th class="num">\(lang.t(.figuresOnTimeRate))</th>
            <th class="num">\(lang.t(.figuresSatisfactionRate))</th><th class="num">\(lang.t(.metricUnrated))</th>
            <th class="num">\(lang.t(.figuresStepDays))</th></tr></thead>
            <tbody>\(row(f.area, drill: false))\(f.children.map { row($0, drill: true) })</tbody></table></div>
            <p class="muted">\(lang.t(.figuresHint))</p>
            <h2>\(lang.t(.figuresDefinitions))</h2><dl class="definitions">\(definitions)</dl>
            """
    }

    static func calendar(_ m: CalendarModel, csrf: HTML, _ lang: Lang) -> HTML {
        let editor: HTML =
            m.mayEdit
            ? """
            <form method="post" action="\(RequestsRoute.calendarYear(.value(m.year)))" class="card" \
            id="calendar-editor">\(csrf)<h2>\(lang.t(.calendarEdit))</h2>
            \(Widgets.errorSummary(m.error, lang: lang))
            <label for="source">\(lang.t(.calendarSourceLabel))</label><input id="source" name="source" \
            value="\(m.source)" required>
            <label for="days">\(lang.t(.calendarLines))</label><textarea id="days" name="days" \
            rows="12">\(m.lines)</textarea>
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form>
            """ : ""
        guard let y = m.existing else {
            return """
                <h1>\(lang.t(.navCalendar)) \(m.year)</h1><p class="flash \
                error">\(lang.t(.errorCalendarMissingYear, String(m.year)))</p>\(editor)
                <p><a href="\(RequestsRoute.calendarYear(.value(m.year - 1)))">\(m.year - 1)</a></p>
                """
        }
        func list(_ days: [CalendarAPI.Day]) -> HTML {
            "<ul>\(days.map { "<li>\($0.date) · \($0.name)</li>" as HTML })</ul>"
        }
        return """
            <h1>\(lang.t(.navCalendar)) \(y.year)</h1><p class="muted">\(lang.t(.calendarSource, y.source))</p>
            <div class="grid2"><section \
            class="card"><h2>\(lang.t(.calendarDaysOff))</h2>\(list(y.daysOff))</section>
            <section \
            class="card"><h2>\(lang.t(.calendarWorkingWeekends))</h2>\(list(y.workingWeekends))</section></div>
            <p><a href="\(RequestsRoute.calendarYear(.value(y.year - 1)))">\(y.year - 1)</a> · <a \
            href="\(RequestsRoute.calendarYear(.value(y.year + 1)))">\(y.year + 1)</a></p>\(editor)
            """
    }
}
