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
    var steps: [Step]
    var assignments: [Assignment]
    var photos: [Photo]
    var allowedActions: [RequestAction]
    /// The units a dispatch may choose, when the viewer may dispatch.
    var units: [UnitsQueries.Handler]
    /// The community's recent joint meetings, when the viewer may decide at one.
    var meetings: [MeetingChoice]
    var duplicates: [RequestRow]

    var id: Int { request.row.id }

    static func query(_ r: ServiceRequest, viewer v: Viewer, lang: Lang, on db: any Database) async throws
        -> RequestDetailModel
    {
        let d = try await RequestsAPI.detail(r, viewer: v, lang: lang, on: db)
        let allowed = d.allowedActions
        let units =
            allowed.contains(where: { [.dispatch, .decide].contains($0) })
            ? try await UnitsQueries.activeHandlers(on: db) : []
        let meetings =
            allowed.contains(.decide)
            ? try await JointMeeting.query(on: db).filter(\.$communityNodeID == r.communityNodeID)
                .sort(\.$date, .descending).limit(10).all()
                .map { MeetingChoice(id: $0.id!, date: $0.date, host: $0.host) }
            : []
        var duplicates: [RequestRow] = []
        if allowed.contains(.merge) {
            let found = try await RequestService.similar(
                v, on: db, category: r.category, text: r.text,
                point: r.lat.flatMap { la in r.lng.map { Coordinate(lat: la, lng: $0) } },
                householdID: r.householdID, gridID: r.gridID, excluding: r.id)
            duplicates = try await RequestRow.rows(found, viewer: v, lang: lang, on: db)
        }
        let o = d.request
        return RequestDetailModel(
            request: Head(
                row: RequestRow(o, lang), channel: o.channel,
                levelLabel: lang.t(key: (EscalationLevel(rawValue: o.level) ?? .community).labelKey), rating: o.rating,
                mergedIntoID: o.mergedIntoID),
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
            meetings: meetings, duplicates: duplicates)
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
            <section class="card" id="actions"><h2>\(lang.t(.requestActions))</h2>\(forms)</section>
            """
        return """
            <h1>\(r.number) <span class="tag" id="request-state">\(r.stateLabel)</span></h1>\
            \(Widgets.errorSummary(error, lang: lang))
            <section class="card"><p>\(r.categoryLabel) · \(r.kindLabel) · \(lang.t(key: head.channel.labelKey)) · \
            \(r.gridName ?? "") · \(lang.t(.requestLevelNow, head.levelLabel))</p>
            <p id="request-text">\(r.text)</p>\(pics(nil))
            <p class="muted">\(lang.t(.requestDeadline)): \
            \(RequestPages.time(r.stepDeadline))\(overdue)\(rating)</p></section>
            \(handlerList)
            \(duplicates)
            \(actions)
            <section class="card"><h2>\(lang.t(.requestTimeline))</h2><ol id="timeline">\(timeline)</ol></section>
            """
    }

    /// The form of one step the viewer may take.
    static func actionForm(_ a: RequestAction, _ m: RequestDetailModel, csrf: HTML, _ lang: Lang) -> HTML {
        let days = lang.t(.requestWorkingDays)
        var extra: HTML = ""
        switch a {
        case .dispatch, .decide:
            let units: [HTML] = m.units.map {
                "<option value=\"\($0.id)\">\($0.name) · \(lang.t(key: $0.kindLabelKey))</option>"
            }
            extra = """
                <select name="unitIds[]" multiple size="5" \
                aria-label="\(lang.t(.requestHandlers))">\(units)</select>
                <input name="workingDays" inputmode="numeric" size="3" \
                placeholder="\(days)" aria-label="\(days)">
                """
            if a == .decide {
                let meetings: [HTML] = m.meetings.map { "<option value=\"\($0.id)\">\($0.date) · \($0.host)</option>" }
                extra = """
                    <select name="meetingId" aria-label="\(lang.t(.entityJointMeeting))">\(meetings)</select>\
                    \(extra)
                    """
            }
        case .requestExtension:
            extra = """
                <input name="workingDays" inputmode="numeric" size="3" placeholder="\(days)" aria-label="\(days)">
                """
        case .rate:
            let ratings: [HTML] = Rating.allCases.map {
                "<option value=\"\($0.rawValue)\">\(lang.t(key: $0.labelKey))</option>"
            }
            extra = """
                <select name="rating" aria-label="\(lang.t(.requestActionRate))">\(ratings)</select>
                """
        case .merge:
            let into = lang.t(.requestMergeInto)
            extra = """
                <input name="mergeInto" inputmode="numeric" size="6" placeholder="\(into)" aria-label="\(into)">
                """
        default: break
        }
        let photos: HTML =
            [RequestAction.settle, .complete, .progress].contains(a)
            ? """
            <input type="file" name="photos[]" accept="image/jpeg,image/png" multiple \
            aria-label="\(lang.t(.requestPhotos))">
            """ : HTML.empty
        let primary: Set<RequestAction> = [.take, .settle, .complete, .rate, .decide, .dispatch, .accept]
        let style = HTML(raw: primary.contains(a) ? "" : " class=\"secondary\"")
        return """
            <form method="post" action="\(RequestsRoute.act(.value(m.id)))" class="action-form" \
            data-action="\(a.rawValue)" enctype="multipart/form-data">\(csrf)\
            <input type="hidden" name="action" value="\(a.rawValue)">
            <div class="row">\(extra)<input name="note" placeholder="\(lang.t(.requestNote))" \
            aria-label="\(lang.t(.requestNote))" maxlength="2000">
            \(photos)
            <button type="submit" id="act-\(a.rawValue)"\(style)>\(lang.t(key: a.labelKey))</button></div></form>
            """
    }
}
