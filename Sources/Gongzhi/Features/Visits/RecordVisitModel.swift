import Fluent
import Vapor

/// The phone's record form for one household: outcome, note and, when a problem was found, its kind, category and
/// wording, raised as a request with the visit. The household's visits so far are listed under the form.
struct RecordVisitModel: Sendable {
    var household: PlacesQueries.HouseholdLabel
    var gridName: String
    var history: [Entry]
    var categories: [RequestsQueries.CategoryChoice]

    struct Entry: Sendable {
        let day: String
        let outcome: VisitOutcome
        let note: String
        let requestID: Int?
        let photoIDs: [Int]
    }

    /// What was typed, shown again with the error after a refusal.
    struct Form: Content, Sendable {
        var outcome: String?
        var note: String?
        var kind: String?
        var category: String?
        var problem: String?
        var photos: [File]?

        /// The service's input, or a 422 naming every field to fix.
        func input(householdID: Int) throws -> VisitsAPI.VisitInput {
            var problems: [String: String] = [:]
            let outcome = (outcome ?? "").isEmpty ? nil : VisitOutcome(rawValue: outcome ?? "")
            if outcome == nil { problems["outcome"] = Text.errorVisitOutcome.key }
            let text = (problem ?? "").trimmingWhitespace()
            let code = (category ?? "").trimmingWhitespace()
            if !text.isEmpty, code.isEmpty { problems["category"] = Text.errorVisitProblemCategory.key }
            if text.isEmpty, !code.isEmpty { problems["problem"] = Text.errorVisitProblemWording.key }
            if let e = AppError.fields(problems) { throw e }
            let kind = kind.flatMap(RequestKind.init(rawValue:)) ?? .help
            return VisitsAPI.VisitInput(
                householdID: householdID, note: note,
                problem: text.isEmpty ? nil : .init(kind: kind, category: code, text: text), outcome: outcome)
        }
    }

    static func query(_ household: PlacesQueries.HouseholdSummary, _ caller: Caller) async throws -> RecordVisitModel {
        let labels = try await PlacesQueries.householdLabels([household.id], limit: 1, on: caller.db)
        guard let label = labels.first else { throw AppError.notFound() }
        let visits = try await VisitFacts.visits(ofHouseholds: [household.id], on: caller.db).prefix(10)
        let photos = try await VisitPhotos.ids(ofVisits: visits.compactMap(\.id), on: caller.db)
        return RecordVisitModel(
            household: label,
            gridName: try await PlacesQueries.gridNames([household.gridID], on: caller.db)[household.gridID] ?? "",
            history: visits.map {
                Entry(
                    day: VisitFacts.day($0.at), outcome: $0.outcome ?? .met, note: $0.note, requestID: $0.requestID,
                    photoIDs: photos[$0.id!] ?? [])
            },
            categories: try await RequestsQueries.activeCategories(caller.lang, on: caller.db))
    }

    static func body(_ m: RecordVisitModel, _ f: Form?, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        func field(_ name: String) -> HTML {
            Widgets.fieldProblem(error, name, lang)
        }
        let chosen = f?.outcome ?? VisitOutcome.met.rawValue
        let outcomes: [HTML] = VisitOutcome.allCases.map { o in
            let checked = HTML(raw: o.rawValue == chosen ? " checked" : "")
            return """
                <label class="choice"><input type="radio" name="outcome" value="\(o.rawValue)"\(checked)> \
                \(lang.t(key: o.labelKey))</label>
                """
        }
        let kinds = Widgets.options(
            RequestKind.allCases, selected: f?.kind.flatMap(RequestKind.init(rawValue:)) ?? .help, lang: lang,
            label: \.labelKey)
        let categories = Widgets.options(m.categories.map { ($0.code, $0.name) }, selected: f?.category)
        let open = HTML(raw: (f?.problem ?? "").isEmpty && (f?.category ?? "").isEmpty ? "" : " open")
        let history: [HTML] = m.history.map { e in
            let request: HTML =
                e.requestID.map {
                    " · <a href=\"\(RequestsRoute.request(.value($0)))\">\(lang.t(.visitRequest))</a>" as HTML
                } ?? ""
            let pics: [HTML] = e.photoIDs.map { id in
                let link = VisitsRoute.photo(.value(id))
                return "<a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(lang.t(.visitPhoto))\" width=\"72\"></a>"
            }
            let photos: HTML = pics.isEmpty ? "" : "<div class=\"photos\">\(pics)</div>"
            return "<li>\(e.day) · \(lang.t(key: e.outcome.labelKey)) \(e.note)\(request)\(photos)</li>"
        }
        let h = m.household
        return """
            <h1>\(h.buildingName ?? "") \(h.room)</h1>
            <p class="muted">\(m.gridName)</p>\(Widgets.errorSummary(error, lang: lang, id: "visit-error"))
            <form method="post" action="\(VisitsRoute.household(.value(h.id)))" class="card" id="visit-form" \
            enctype="multipart/form-data">\(csrf)
            <fieldset><legend>\(lang.t(.visitOutcome))</legend>\(outcomes)\(field("outcome"))</fieldset>
            <label for="note">\(lang.t(.visitNote))</label><textarea id="note" name="note" rows="3" \
            maxlength="\(VisitsAPI.maxNote)">\(f?.note ?? "")</textarea>\(field("note"))
            <label for="photos">\(lang.t(.visitPhotos))</label><input id="photos" name="photos[]" type="file" \
            accept="image/jpeg,image/png" multiple>\(field("photos"))
            <details\(open)><summary>\(lang.t(.visitProblem))</summary>
            <p class="muted">\(lang.t(.visitProblemHint))</p>
            <label for="kind">\(lang.t(.requestKind))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="category">\(lang.t(.requestCategory))</label><select id="category" name="category">\
            <option value="">—</option>\(categories)</select>\(field("category"))
            <label for="problem">\(lang.t(.requestWording))</label><textarea id="problem" name="problem" rows="3" \
            maxlength="\(RequestService.maxText)">\(f?.problem ?? "")</textarea>\(field("problem"))\(field("text"))
            </details>
            <p><button type="submit" id="visit-submit">\(lang.t(.visitRecord))</button></p></form>
            <section><h2>\(lang.t(.visitHistory))</h2><ul id="visit-history">\(history)</ul></section>
            """
    }
}
