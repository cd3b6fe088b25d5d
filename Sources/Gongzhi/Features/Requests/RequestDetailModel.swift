import Fluent
import Vapor

/// A request with its timeline, its handlers, what the viewer may do with it and, for a merge, its likely
/// duplicates.
struct RequestDetailModel: Sendable {
    struct MeetingChoice: Sendable {
        let id: Int
        let date: String
        let host: String
    }

    /// The request's facts the page shows beyond a list's row.
    struct Head: Sendable {
        let row: RequestRow
        let channel: RequestChannel
        let levelLabel: String
        let rating: Rating?
        let mergedIntoID: Int?
    }

    struct Step: Sendable {
        let id: Int
        let at: Date
        let actorName: String
        let actionLabel: String
        let toState: RequestState
        let note: String
        let deadline: Date?
        let workingDays: Int?
    }

    struct Assignment: Sendable {
        let unitName: String
        let status: RequestAssignment.Status
        let deadline: Date
    }

    struct Photo: Sendable {
        let id: Int
        let eventID: Int?
    }

    var request: Head
    /// Where: the grid's outline with the point, the household named, the resident's words.
    var place: PlacesQueries.RequestPlace
    var placeNote: String?
    /// How to reach the reporter, for staff who may open their record (masked; unmasked through People, logged).
    var reporter: PeopleQueries.Contact?
    var steps: [Step]
    var assignments: [Assignment]
    var photos: [Photo]
    var allowedActions: [RequestAction]
    /// The units a dispatch may choose, when the viewer may dispatch: those in the viewer's scope and those above
    /// the request (a street's departments), the ones that most often handled this category first.
    var units: [UnitsQueries.Handler]
    var usualUnitIDs: [Int]
    /// The community's recent joint meetings, when the viewer may decide at one.
    var meetings: [MeetingChoice]
    var duplicates: [RequestRow]
    /// What other capabilities show for the request (the need it became).
    var sections: [PageSection] = []
    /// Residents who joined it ("me too").
    var supporters = 0

    var id: Int { request.row.id }

    static func query(_ r: ServiceRequest, viewer v: Viewer, lang: Lang, on db: any Database, now: Date)
        async throws -> RequestDetailModel
    {
        let d = try await RequestsAPI.detail(r, viewer: v, lang: lang, on: db, now: now)
        let allowed = d.allowedActions
        let dispatching = allowed.contains(where: { [.dispatch, .decide].contains($0) })
        let requestPath = TreePath(r.path)
        let units =
            dispatching
            ? try await UnitsQueries.activeHandlers(on: db).filter {
                let path = TreePath($0.path)
                return v.scope.includes(path) || path.contains(requestPath)
            } : []
        let usual = dispatching ? try await usualHandlers(category: r.category, among: units, on: db) : []
        let meetings =
            allowed.contains(.decide)
            ? try await MeetingsQueries.recentMeetings(communityNodeID: r.communityNodeID, db: db)
                .map { MeetingChoice(id: $0.id, date: $0.day, host: $0.label) }
            : []
        var duplicates: [RequestRow] = []
        if allowed.contains(.merge) {
            let found = try await RequestService.similar(
                v, on: db, category: r.category, text: r.text,
                point: r.lat.flatMap { la in r.lng.map { Coordinate(lat: la, lng: $0) } },
                householdID: r.householdID, gridID: r.gridID, excluding: r.id, now: now)
            duplicates = try await RequestRow.rows(found, viewer: v, lang: lang, on: db, now: now)
        }
        let o = d.request
        let point = r.lat.flatMap { la in r.lng.map { Coordinate(lat: la, lng: $0) } }
        let place = try await PlacesQueries.requestPlace(
            gridID: r.gridID, point: point, householdID: r.householdID, pointLabel: lang.t(.requestPlacePoint),
            on: db)
        let reporter =
            r.reporterUserID == v.user.id
            ? nil
            : try await r.reporterPersonID.asyncMap { try await PeopleQueries.contact($0, for: v, on: db) } ?? nil
        return RequestDetailModel(
            request: Head(
                row: RequestRow(o, lang), channel: o.channel,
                levelLabel: lang.t(key: (EscalationLevel(rawValue: o.level) ?? .community).labelKey), rating: o.rating,
                mergedIntoID: o.mergedIntoID),
            place: place, placeNote: r.placeNote, reporter: reporter,
            steps: d.events.map {
                Step(
                    id: $0.id, at: $0.at, actorName: $0.actorName, actionLabel: lang.t(key: $0.action.labelKey),
                    toState: $0.toState,
                    note: $0.note, deadline: $0.deadline, workingDays: $0.workingDays)
            },
            assignments: d.assignments.map {
                Assignment(unitName: $0.unitName, status: $0.status, deadline: $0.deadline)
            },
            photos: d.photos.map { Photo(id: $0.id, eventID: $0.eventID) }, allowedActions: allowed, units: units,
            usualUnitIDs: usual, meetings: meetings, duplicates: duplicates,
            supporters: try await RequestsQueries.supportCounts([o.id], on: db)[o.id] ?? 0)
    }

    /// Up to five of the offered units that were dispatched requests of this category most often.
    static func usualHandlers(category: String, among units: [UnitsQueries.Handler], on db: any Database)
        async throws -> [Int]
    {
        let offered = Set(units.map(\.id))
        let requestIDs = try await ServiceRequest.query(on: db).filter(\.$category == category)
            .sort(\.$id, .descending).limit(500).all().compactMap(\.id)
        guard !requestIDs.isEmpty else { return [] }
        var counts: [Int: Int] = [:]
        for a in try await RequestAssignment.query(on: db).filter(\.$requestID ~~ requestIDs).all()
        where offered.contains(a.unitID) {
            counts[a.unitID, default: 0] += 1
        }
        return counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(5).map(\.key)
    }
}

/// The view of a request: a pure function of the model, the language, the form token and an error to show.
extension RequestDetailModel {
    static func body(_ m: RequestDetailModel, csrf: HTML, error: AppError?, _ lang: Lang) -> HTML {
        let head = m.request
        let r = head.row
        let forms: [HTML] = m.allowedActions.map { actionForm($0, m, csrf: csrf, lang) }
        func photo(_ photoID: Int) -> HTML {
            let link = RequestsRoute.photo(.value(m.id), photo: .value(photoID))
            return "<a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(lang.t(.requestPhoto))\" width=\"96\"></a>"
        }
        func pics(_ eventID: Int?) -> HTML {
            let ps = m.photos.filter { $0.eventID == eventID }
            return ps.isEmpty ? "" : "<div class=\"photos\">\(ps.map { photo($0.id) })</div>"
        }
        let timeline: [HTML] = m.steps.map { e in
            let days = e.workingDays.map { " · " + lang.t(.requestTookDays, String($0)) } ?? ""
            let deadline = e.deadline.map { " · " + lang.t(.requestDeadline) + " " + RequestPages.time($0) } ?? ""
            return """
                <li><strong>\(e.actionLabel)</strong> · \(e.actorName) · \(RequestPages.time(e.at))\(days)\
                \(deadline)<br><span class="muted">\(lang.t(key: e.toState.labelKey))</span>\
                \(e.note.isEmpty ? "" : " — \(e.note)")\(pics(e.id))</li>
                """
        }
        var duplicates: HTML = ""
        if !m.duplicates.isEmpty {
            let items: [HTML] = m.duplicates.map { o in
                """
                <li><a href="\(RequestsRoute.request(.value(o.id)))">\(o.number)</a> (ID \(o.id)) · \
                <span class="tag">\(o.stateLabel)</span> \(String(o.text.prefix(40)))</li>
                """
            }
            duplicates = """
                <section class="card" id="duplicates"><h2>\(lang.t(.requestSimilarTitle))</h2>\
                <ul>\(items)</ul><p class="muted">\(lang.t(.requestMergeHint))</p></section>
                """
        }
        if let target = head.mergedIntoID {
            duplicates = """
                <p class="flash" id="merged-into">\(lang.t(.requestMergedInto)) <a \
                href="\(RequestsRoute.request(.value(target)))">\(RequestsQueries.number(for: target))</a></p>
                """
        }
        let overdue = r.overdue ? " · " + lang.t(.requestOverdue) : ""
        let rating = head.rating.map { " · " + lang.t(key: $0.labelKey) } ?? ""
        let support: HTML =
            m.supporters == 0
            ? HTML.empty : "<p id=\"me-too-count\">\(lang.t(.publicMeTooCount, String(m.supporters)))</p>"
        let handlers: [HTML] = m.assignments.map {
            let status = lang.t(key: "assignment.\($0.status.rawValue)")
            return "<li>\($0.unitName) · \(status) · \(RequestPages.time($0.deadline))</li>"
        }
        let handlerList: HTML =
            handlers.isEmpty
            ? HTML.empty
            : """
            <section class="card"><h2>\(lang.t(.requestHandlers))</h2><ul>\(handlers)</ul></section>
            """
        let actions: HTML =
            forms.isEmpty
            ? HTML.empty
            : """
            <section class="card" id="actions"><h2>\(lang.t(.requestActions))</h2>
            <p class="muted">\(lang.t(.requestActionsHint))</p>\(forms)</section>
            """
        return """
            <h1>\(r.number) <span class="tag" id="request-state">\(r.stateLabel)</span></h1>\
            \(Widgets.errorSummary(error, lang: lang))
            <section class="card"><p>\(r.categoryLabel) · \(r.kindLabel) · \(lang.t(key: head.channel.labelKey)) · \
            \(r.gridName ?? "") · \(lang.t(.requestLevelNow, head.levelLabel))</p>
            <p id="request-text">\(r.text)</p>\(pics(nil))
            <p class="muted">\(lang.t(.requestDeadline)): \
            \(RequestPages.time(r.stepDeadline))\(overdue)\(rating)</p>\(support)</section>
            \(placeSection(m, csrf: csrf, lang))
            \(handlerList)
            \(PageSection.view(m.sections, lang))
            \(duplicates)
            \(actions)
            <section class="card"><h2>\(lang.t(.requestTimeline))</h2><ol id="timeline">\(timeline)</ol></section>
            """
    }

    /// Where the request is and, for staff who may, how to reach the resident who raised it.
    static func placeSection(_ m: RequestDetailModel, csrf: HTML, _ lang: Lang) -> HTML {
        var facts: [HTML] = []
        if let h = m.place.household { facts.append("<p>\(lang.t(.requestHousehold))：\(h)</p>") }
        if let note = m.placeNote { facts.append("<p id=\"place-note\">\(lang.t(.requestPlaceNote))：\(note)</p>") }
        if let c = m.reporter {
            let phone: HTML =
                c.maskedPhone.map {
                    """
                     · \($0) <form method="post" action="\(PeopleRoute.unmask(.value(c.personID)))" class="inline">\
                    \(csrf)<button type="submit" class="link">\(lang.t(.requestShowNumber))</button></form>
                    """
                } ?? ""
            facts.append("<p id=\"reporter\">\(lang.t(.requestReporter))：\(c.name)\(phone)</p>")
        }
        let map: HTML = m.place.map.map { "<div class=\"map-frame small\">\(HTML(raw: $0))</div>" } ?? ""
        if facts.isEmpty && m.place.map == nil { return "" }
        return """
            <section class="card" id="place"><h2>\(lang.t(.requestPlace))</h2>\(map)\(facts)</section>
            """
    }

    /// One step the viewer may take: a labelled, folded part of the one action panel; the likeliest next step is
    /// open. Every field has its own label and id, so no two controls on the page read the same.
    static func actionForm(_ a: RequestAction, _ m: RequestDetailModel, csrf: HTML, _ lang: Lang) -> HTML {
        let name = a.rawValue
        func field(_ id: String, _ label: String, _ control: HTML) -> HTML {
            "<p class=\"field\"><label for=\"\(id)-\(name)\">\(label)</label>\(control)</p>"
        }
        func days(_ label: Text) -> HTML {
            field(
                "days", lang.t(label),
                """
                <input id="days-\(name)" name="workingDays" inputmode="numeric" pattern="[0-9]*" size="3" \
                maxlength="2">
                """)
        }
        var extra: [HTML] = []
        switch a {
        case .dispatch, .decide:
            if a == .decide {
                let meetings: [HTML] = m.meetings.map { "<option value=\"\($0.id)\">\($0.date) · \($0.host)</option>" }
                extra.append(
                    field(
                        "meeting", lang.t(.entityJointMeeting),
                        "<select id=\"meeting-\(name)\" name=\"meetingId\">\(meetings)</select>"))
            }
            extra.append(unitChooser(m, action: a, lang))
            extra.append(days(.requestWorkingDays))
        case .requestExtension:
            extra.append(days(.requestExtraDays))
        case .rate:
            let ratings: [HTML] = Rating.allCases.map {
                "<option value=\"\($0.rawValue)\">\(lang.t(key: $0.labelKey))</option>"
            }
            extra.append(
                field(
                    "rating", lang.t(.requestActionRate),
                    "<select id=\"rating-\(name)\" name=\"rating\">\(ratings)</select>"))
        case .merge:
            extra.append(
                field(
                    "merge", lang.t(.requestMergeInto),
                    "<input id=\"merge-\(name)\" name=\"mergeInto\" inputmode=\"numeric\" size=\"8\">"))
        default: break
        }
        let noteLabel = lang.t(noteRequired.contains(a) ? .requestNoteRequired : .requestNote)
        extra.append(
            field(
                "note", noteLabel,
                "<textarea id=\"note-\(name)\" name=\"note\" rows=\"2\" maxlength=\"2000\"></textarea>"))
        if [RequestAction.settle, .complete, .progress].contains(a) {
            extra.append(
                field(
                    "photos", lang.t(.requestPhotos),
                    """
                    <input type="file" id="photos-\(name)" name="photos[]" accept="image/jpeg,image/png" multiple>
                    """))
        }
        let open = m.allowedActions.first { primary.contains($0) } == a ? " open" : ""
        return """
            <details class="action"\(HTML(raw: open))><summary>\(lang.t(key: a.labelKey))</summary>
            <form method="post" action="\(RequestsRoute.act(.value(m.id)))" class="action-form" \
            data-action="\(name)" enctype="multipart/form-data">\(csrf)\
            <input type="hidden" name="action" value="\(name)">\(extra)
            <button type="submit" id="act-\(name)">\(lang.t(key: a.labelKey))</button></form></details>
            """
    }

    /// The steps a user takes forward; the panel opens the first of them the viewer may take.
    static let primary: [RequestAction] = [.rate, .take, .settle, .accept, .complete, .decide, .dispatch]
    /// Steps whose note is their substance (a reason, a result).
    static let noteRequired: Set<RequestAction> = [.forward, .escalate, .returnDispatch, .complete, .reopen]

    /// The units to dispatch to: checkboxes grouped by kind, the category's usual handlers first, with a filter
    /// box the page script wires up (without it, every unit is still listed).
    static func unitChooser(_ m: RequestDetailModel, action a: RequestAction, _ lang: Lang) -> HTML {
        let usual = Set(m.usualUnitIDs)
        func box(_ u: UnitsQueries.Handler) -> HTML {
            """
            <label class="unit"><input type="checkbox" name="unitIds[]" value="\(u.id)"> \(u.name)</label>
            """
        }
        var groups: [HTML] = []
        let first = m.usualUnitIDs.compactMap { id in m.units.first { $0.id == id } }
        if !first.isEmpty {
            groups.append("<fieldset><legend>\(lang.t(.requestUsualHandlers))</legend>\(first.map(box))</fieldset>")
        }
        let rest = m.units.filter { !usual.contains($0.id) }
        for kind in Dictionary(grouping: rest, by: \.kindLabelKey).keys.sorted() {
            let units = rest.filter { $0.kindLabelKey == kind }
            groups.append("<fieldset><legend>\(lang.t(key: kind))</legend>\(units.map(box))</fieldset>")
        }
        let list = "units-\(a.rawValue)"
        return """
            <fieldset class="units"><legend>\(lang.t(.requestHandlers))</legend>
            <p class="field"><label for="filter-\(a.rawValue)">\(lang.t(.requestFilterUnits))</label>\
            <input type="search" id="filter-\(a.rawValue)" data-filter="\(list)"></p>
            <div class="unit-list" id="\(list)">\(groups)</div></fieldset>
            """
    }
}
