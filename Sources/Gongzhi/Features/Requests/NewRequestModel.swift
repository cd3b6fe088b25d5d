import Fluent
import Vapor

/// The form to raise a request: the categories, and for staff the channels and the grids of their scope.
struct NewRequestModel: Sendable {
    var staff: Bool
    var categories: [RequestsQueries.CategoryChoice]
    var grids: [GridSummary]

    static func query(_ v: Viewer, lang: Lang, on db: any Database) async throws -> NewRequestModel {
        let staff = !(v.role == .resident || v.role == .partyMember)
        return NewRequestModel(
            staff: staff, categories: try await RequestsQueries.activeCategories(lang, on: db),
            grids: staff ? try await PlacesQueries.grids(in: v.scope, on: db) : [])
    }

    /// What the form shows again: the input, the error, the likely duplicates offered before submitting.
    struct State: Sendable {
        var input: RequestService.RaiseInput?
        var error: AppError?
        var similar: [RequestRow] = []
        var hadPhotos = false
    }

    static func body(_ m: NewRequestModel, _ s: State, csrf: HTML, _ lang: Lang) -> HTML {
        let input = s.input
        func field(_ f: String) -> HTML {
            Widgets.fieldProblem(s.error, f, lang)
        }
        let channels = Widgets.options(
            [RequestChannel.visit, .hotline, .patrol, .walkIn], selected: input?.channel, lang: lang, label: \.labelKey
        )
        let grids = Widgets.options(
            m.grids.map { (String($0.id), $0.name) }, selected: input?.gridID.map { String($0) })
        let staffFields: HTML =
            m.staff
            ? """
            <label for="channel">\(lang.t(.requestChannel))</label><select id="channel" \
            name="channel">\(channels)</select>
            <label for="gridId">\(lang.t(.entityGrid))</label><select id="gridId" name="gridId"><option \
            value="">—</option>\(grids)</select>
            """ : ""
        let kinds = Widgets.options(RequestKind.allCases, selected: input?.kind, lang: lang, label: \.labelKey)
        let categories = Widgets.options(m.categories.map { ($0.code, $0.name) }, selected: input?.category)
        let confirm: HTML =
            s.similar.isEmpty ? HTML.empty : "<input type=\"hidden\" name=\"confirmNew\" value=\"true\">"
        return """
            <h1>\(lang.t(.requestNew))</h1>\(Widgets.errorSummary(s.error, lang: lang))
            \(similarSection(s, lang))
            <form method="post" action="\(RequestsRoute.list)" class="card" id="raise-form" \
            enctype="multipart/form-data">\(csrf)
            \(confirm)
            <label for="kind">\(lang.t(.requestKind))</label><select id="kind" \
            name="kind">\(kinds)</select>
            <label for="category">\(lang.t(.requestCategory))</label><select id="category" \
            name="category">\(categories)</select>\(field("category"))
            <label for="text">\(lang.t(.requestWording))</label><textarea id="text" name="text" rows="5" \
            maxlength="2000" required>\(input?.text ?? "")</textarea>\(field("text"))
            \(staffFields)
            <fieldset><legend>\(lang.t(.requestWhere))</legend>
            <p class="muted">\(lang.t(key: m.staff ? "request.whereStaff" : "request.whereHint"))</p>
            <div class="row"><div><label for="lat">\(lang.t(.requestLat))</label><input id="lat" name="lat" \
            inputmode="decimal" value="\(input?.lat.map { String($0) } ?? "")"></div>
            <div><label for="lng">\(lang.t(.requestLng))</label><input id="lng" name="lng" inputmode="decimal" \
            value="\(input?.lng.map { String($0) } ?? "")"></div></div>
            <p><button type="submit" class="secondary" formaction="\(RequestsRoute.pick)" formmethod="post" \
            formenctype="application/x-www-form-urlencoded" formnovalidate \
            id="pick-on-map">\(lang.t(.requestPick))</button>
            <button type="button" id="use-location" class="secondary" hidden \
            data-done="\(lang.t(.requestLocationDone))" \
            data-failed="\(lang.t(.requestLocationFailed))">\(lang.t(.requestUseLocation))</button> <span \
            id="location-status" class="muted"></span></p>
            \(field("lat"))
            <label for="placeNote">\(lang.t(.requestPlaceNote))</label><input id="placeNote" name="placeNote" \
            maxlength="100" placeholder="\(lang.t(.requestPlaceNoteHint))" \
            value="\(input?.placeNote ?? "")">\(field("placeNote"))</fieldset>
            <label for="photos">\(lang.t(.requestPhotos))</label><input id="photos" name="photos[]" type="file" \
            accept="image/jpeg,image/png" multiple>\(field("photos"))
            <label><input type="checkbox" name="keepLocation" value="true"> \(lang.t(.requestKeepLocation))</label>
            <label><input type="checkbox" name="isPublic" \
            value="true"\(HTML(raw: input?.isPublic == true ? " checked" : ""))> \
            \(lang.t(.requestIsPublic))</label>
            <p><button type="submit" id="raise-submit">\(lang.t(.requestSubmit))</button></p></form>
            """
    }

    static func similarSection(_ s: State, _ lang: Lang) -> HTML {
        guard !s.similar.isEmpty else { return HTML.empty }
        let items: [HTML] = s.similar.map { o in
            """
            <li>\(o.number) · \(o.categoryLabel) · \(o.gridName ?? "") · <span class="tag">\(o.stateLabel)</span> \
            \(o.isPublic || o.mine ? String(o.text.prefix(40)) : "")</li>
            """
        }
        let again: HTML =
            s.hadPhotos ? "<p class=\"flash error\">\(lang.t(.requestPhotosAgain))</p>" : HTML.empty
        return """
            <section class="card" id="similar"><h2>\(lang.t(.requestSimilarTitle))</h2>\
            <p>\(lang.t(.requestSimilarHint))</p>
            <ul>\(items)</ul>
            \(again)</section>
            """
    }
}
