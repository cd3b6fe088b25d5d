import Fluent
import Vapor

/// 我有需要 on the phone, and the desk pages of the loop: list, request with timeline and actions, to-dos,
/// joint meetings and the working calendar.
enum RequestPages {
    static func register(_ p: RoutesBuilder) {
        p.get(RequestsRoute.list, use: list)
        p.get(RequestsRoute.new, use: newForm)
        p.get(RequestsRoute.figures, use: figures)
        p.post(RequestsRoute.list, use: raise)
        p.get(RequestsRoute.request(.key), use: detail)
        p.get(RequestsRoute.photo(.key, photo: .key), use: RequestPhotos.serve)
        p.post(RequestsRoute.act(.key), use: act)
        p.get(RequestsRoute.todos, use: todos)
        p.get(RequestsRoute.meetings, use: meetings)
        p.post(RequestsRoute.meetings, use: createMeeting)
        p.get(RequestsRoute.meeting(.key), use: meeting)
        p.get(RequestsRoute.calendar, use: calendarCurrent)
        p.get(RequestsRoute.calendarYear(.key), use: calendar)
        p.post(RequestsRoute.calendarYear(.key), use: saveCalendar)
    }

    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()
    static func time(_ d: Date?) -> String { d.map(timeFormat.string(from:)) ?? "–" }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let filter = try await RequestsAPI.listFilter(req)
        let community: Int?? = v.scope.isSelfOnly ? .some(try await RequestsAPI.publicCommunityID(req)) : nil
        let m = try await RequestListModel.query(
            v, filter: filter, publicCommunity: community, lang: req.lang, on: req.db)
        let pagerURL = req.query[String.self, at: "metric"] == nil ? req.url.string : nil
        return Layout.page(
            req, title: req.t(key: m.title), body: RequestListModel.body(m, pagerURL: pagerURL, req.lang),
            active: RequestsRoute.list.path)
    }

    static func newPage(
        _ req: Request, input: RequestService.RaiseInput?, error: AppError?, similar: [RequestRow] = [],
        hadPhotos: Bool = false
    ) async throws -> HTML {
        let m = try await NewRequestModel.query(try req.requireViewer(), lang: req.lang, on: req.db)
        let state = NewRequestModel.State(input: input, error: error, similar: similar, hadPhotos: hadPhotos)
        let body = NewRequestModel.body(m, state, csrf: CSRF.hiddenField(req), req.lang)
        return Layout.page(req, title: req.t(.requestNew), body: body, active: RequestsRoute.list.path)
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        var input = RequestService.RaiseInput()
        if let p = try await RequestMaps.picked(req) {
            input.lat = (p.lat * 1e6).rounded() / 1e6
            input.lng = (p.lng * 1e6).rounded() / 1e6
        }
        return try await newPage(req, input: input.lat == nil ? nil : input, error: nil)
    }

    struct RaiseForm: Content {
        var kind: String?
        var category: String?
        var text: String?
        var lat: String?
        var lng: String?
        var isPublic: String?
        var channel: String?
        var gridId: String?
        var photos: [File]?
        var keepLocation: String?
        var confirmNew: String?
    }

    @Sendable static func raise(_ req: Request) async throws -> Response {
        let f = try req.content.decode(RaiseForm.self)
        var input = RequestService.RaiseInput()
        input.kind = f.kind.flatMap(RequestKind.init(rawValue:))
        input.category = f.category
        input.text = f.text
        input.isPublic = f.isPublic == "true"
        input.channel = f.channel.flatMap(RequestChannel.init(rawValue:))
        input.gridID = f.gridId.flatMap { Int($0) }
        do {
            if let la = f.lat, !la.isEmpty || !(f.lng ?? "").isEmpty {
                guard let lat = Double(la), let lng = Double(f.lng ?? "") else {
                    throw AppError.invalid(.errorGeoLatlng, field: "lat")
                }
                input.lat = lat
                input.lng = lng
            }
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            // Check the photos before anything is stored: a bad photo leaves nothing half-done.
            let photos = try await RequestPhotos.clean(
                files, keepLocation: f.keepLocation == "true",
                limit: RequestPhotos.perRequest, req)
            // A likely duplicate is offered before the resident submits; they may still go on.
            let v = try req.requireViewer()
            if v.scope.isSelfOnly, f.confirmNew != "true", let category = input.category, let text = input.text {
                let point = input.lat.flatMap { la in input.lng.map { Coordinate(lat: la, lng: $0) } }
                let household = try await v.user.personID.asyncMap {
                    try await PeopleQueries.householdID(ofPerson: $0, on: req.db)
                }
                let found = try await RequestService.similar(
                    v, on: req.db, category: category, text: text, point: point, householdID: household ?? nil,
                    gridID: nil)
                if !found.isEmpty {
                    let rows = try await RequestRow.rows(found, viewer: v, lang: req.lang, on: req.db)
                    let page = try await newPage(
                        req, input: input, error: nil, similar: rows, hadPhotos: !files.isEmpty)
                    return try await page.encodeResponse(for: req)
                }
            }
            let r = try await RequestService.raise(req, input)
            _ = try await RequestPhotos.add(req, to: r, photos: photos, asEvidence: false)
            Layout.flash(req, .flashRaised)
            return req.redirect(to: RequestsRoute.request(.value(r.id!)))
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await newPage(req, input: input, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    static func detailPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let r = try await RequestAccess.find(id, req)
        let m = try await RequestDetailModel.query(r, viewer: try req.requireViewer(), lang: req.lang, on: req.db)
        let body = RequestDetailModel.body(m, csrf: CSRF.hiddenField(req), error: error, req.lang)
        return Layout.page(req, title: m.request.row.number, body: body, active: RequestsRoute.list.path)
    }

    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, id: try req.intParameter("id"))
    }

    struct ActForm: Content {
        var action: String?
        var note: String?
        var unitIds: [String]?
        var workingDays: String?
        var rating: String?
        var meetingId: String?
        var mergeInto: String?
        var photos: [File]?
    }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(ActForm.self)
        guard let action = RequestAction(rawValue: f.action ?? ""), action != .raise, action != .closeUnrated else {
            throw AppError.badRequest(.errorEnum, args: ["action", f.action ?? ""])
        }
        var input = RequestService.ActionInput()
        input.note = f.note
        input.unitIDs = f.unitIds?.compactMap { Int($0) }
        input.workingDays = f.workingDays.flatMap { Int($0) }
        input.rating = f.rating.flatMap(Rating.init(rawValue:))
        input.meetingID = f.meetingId.flatMap { Int($0) }
        input.mergeInto = f.mergeInto.flatMap { Int($0) }
        do {
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            let photos = try await RequestPhotos.clean(files, keepLocation: false, limit: RequestPhotos.perStep, req)
            let r = try await RequestService.perform(req, id: id, action: action, input)
            _ = try await RequestPhotos.add(req, to: r, photos: photos, asEvidence: true)
            Layout.flash(req, .flashSaved)
            return req.redirect(to: RequestsRoute.request(.value(id)))
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await detailPage(req, id: id, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    /// The figures of an area and its children; every number opens the requests it counts.
    @Sendable static func figures(_ req: Request) async throws -> HTML {
        let f = try await RequestFiguresService.compute(req, nodeID: try RequestsAPI.optionalInt(req, "nodeId"))
        func link(_ a: RequestFiguresService.AreaFigures, _ m: RequestMetric) -> Link {
            RequestsRoute.list.query([
                ("metric", m.rawValue), ("nodeId", a.nodeID.map(String.init)), ("gridId", a.gridID.map(String.init)),
            ])
        }
        func pct(_ v: Double?) -> String { v.map { MapSVGFormat.number($0) + "%" } ?? "–" }
        func row(_ a: RequestFiguresService.AreaFigures, drill: Bool) -> HTML {
            let c = a.figures.counts
            let name: HTML =
                drill && a.nodeID != nil
                ? "<a href=\"\(RequestsRoute.figures.query([("nodeId", String(a.nodeID!))]))\">\(a.name)</a>"
                : a.gridID.map { "<a href=\"\(PlacesRoute.grid(.value($0)))\">\(a.name)</a>" as HTML } ?? "\(a.name)"
            let steps = a.figures.averageStepDays.map { $0.map(MapSVGFormat.number) ?? "–" }.joined(separator: " / ")
            return """
                <tr><td>\(name)</td>
                <td class="num"><a href="\(link(a, .raised))">\(c["raised"] ?? 0)</a></td>
                <td class="num"><a href="\(link(a, .responded))">\(pct(a.figures.responseRate))</a></td>
                <td class="num"><a href="\(link(a, .resolved))">\(pct(a.figures.resolutionRate))</a></td>
                <td class="num"><a href="\(link(a, .onTime))">\(pct(a.figures.onTimeRate))</a></td>
                <td class="num"><a href="\(link(a, .satisfied))">\(pct(a.figures.satisfactionRate))</a></td>
                <td class="num"><a href="\(link(a, .unrated))">\(c["unrated"] ?? 0)</a></td>
                <td class="num"><a href="\(link(a, .open))">\(c["open"] ?? 0)</a></td><td class="num">\(steps)</td></tr>
                """
        }
        return Layout.page(
            req, title: req.t(.navFigures),
            body: """
                <h1>\(req.t(.navFigures)) · \(f.area.name)</h1>
                <table id="request-figures"><thead><tr><th>\(req.t(.figuresArea))</th><th \
                class="num">\(req.t(.metricRaised))</th>
                <th class="num">\(req.t(.figuresResponseRate))</th><th \
                class="num">\(req.t(.figuresResolutionRate))</th><th class="num">\(req.t(.figuresOnTimeRate))</th>
                <th class="num">\(req.t(.figuresSatisfactionRate))</th><th \
                class="num">\(req.t(.metricUnrated))</th><th class="num">\(req.t(.metricOpen))</th>
                <th class="num">\(req.t(.figuresStepDays))</th></tr></thead>
                <tbody>\(row(f.area, drill: false))\(f.children.map { row($0, drill: true) })</tbody></table>
                <p class="muted">\(req.t(.figuresHint))</p>
                """, active: RequestsRoute.figures.path)
    }

    @Sendable static func todos(_ req: Request) async throws -> HTML {
        let list = try await RequestsAPI.todoList(try req.requireViewer(), lang: req.lang, on: req.db)
        let rows = list.map { (RequestRow($0.request, req.lang), $0.waitingFor) }
        return Layout.page(
            req, title: req.t(.navTodos), body: todosBody(rows, req.lang), active: RequestsRoute.todos.path)
    }

    /// The to-do list: each request with the step that waits on the viewer.
    static func todosBody(_ list: [(request: RequestRow, waitingFor: String)], _ lang: Lang) -> HTML {
        let rows: [HTML] = list.map { t in
            let r = t.request
            return """
                <tr class="\(r.overdue ? "bad" : "")"><td><a href="\(RequestsRoute.request(.value(r.id)))">\
                \(r.number)</a></td><td>\(t.waitingFor)</td><td>\(r.categoryLabel)</td><td>\(r.gridName ?? "")</td>\
                <td>\(time(r.stepDeadline))\(r.overdue ? " · " + lang.t(.requestOverdue) : "")</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.navTodos)) <span class="muted">(\(list.count))</span></h1>
            <table id="todos"><thead><tr><th>\(lang.t(.requestNumber))</th><th>\(lang.t(.todoNext))</th>\
            <th>\(lang.t(.requestCategory))</th><th>\(lang.t(.entityGrid))</th>\
            <th>\(lang.t(.requestDeadline))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    @Sendable static func meetings(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let list = try await JointMeeting.query(on: req.db).inScope(v.scope, \.$path).sort(\.$date, .descending).limit(
            100
        ).all()
        let communities = try await OrgQueries.nodesInScope(v.scope, on: req.db).filter {
            $0.kind == .communityCommittee
        }
        let items: [HTML] = list.map { m in
            "<li><a href=\"\(RequestsRoute.meeting(.value(m.id!)))\">\(m.date) · \(m.host)</a></li>"
        }
        let options: [HTML] = communities.map { "<option value=\"\($0.id!)\">\($0.name)</option>" }
        let form: HTML =
            communities.isEmpty
            ? HTML.empty
            : """
            <form method="post" action="\(RequestsRoute.meetings)" class="card">\(CSRF.hiddenField(req))\
            <h2>\(req.t(.meetingNew))</h2>
            <label for="communityNodeId">\(req.t(.fieldCommunity))</label><select id="communityNodeId" \
            name="communityNodeId">\(options)</select>
            <label for="date">\(req.t(.meetingDate))</label><input id="date" name="date" type="date" required>
            <label for="host">\(req.t(.meetingHost))</label><input id="host" name="host" required maxlength="100">
            <label for="attendees">\(req.t(.meetingAttendees))</label><input id="attendees" name="attendees" \
            maxlength="1000">
            <p><button type="submit">\(req.t(.actionCreate))</button></p></form>
            """
        return Layout.page(
            req, title: req.t(.navMeetings),
            body: """
                <h1>\(req.t(.navMeetings))</h1>
                <ul id="meetings">\(items)</ul>
                \(form)
                """, active: RequestsRoute.meetings.path)
    }

    struct MeetingForm: Content {
        var communityNodeId: Int?
        var date: String?
        var host: String?
        var attendees: String?
    }

    @Sendable static func createMeeting(_ req: Request) async throws -> Response {
        let f = try req.content.decode(MeetingForm.self)
        guard let c = f.communityNodeId else { throw AppError.invalid(.errorMeetingCommunity) }
        let m = try await MeetingsAPI.create(
            req, communityID: c, date: f.date ?? "", host: f.host ?? "", attendees: f.attendees ?? "")
        return req.redirect(to: RequestsRoute.meeting(.value(m.id!)))
    }

    @Sendable static func meeting(_ req: Request) async throws -> HTML {
        let m = try await MeetingsAPI.find(try req.intParameter("id"), req)
        let agenda = try await MeetingsAPI.agenda(m, req)
        let table = RequestViews.table(
            req.lang, agenda.map { RequestViews.row(req.lang, RequestRow($0, req.lang)) }, id: "agenda")
        return Layout.page(
            req, title: req.t(.entityJointMeeting),
            body: """
                <h1>\(req.t(.entityJointMeeting)) \(m.date)</h1>
                <p>\(req.t(.meetingHost)): \(m.host) · \(req.t(.meetingAttendees)): \(m.attendees)</p>
                <section class="card"><h2>\(req.t(.meetingAgenda)) \
                (\(agenda.count))</h2>\(table)
                <p class="muted">\(req.t(.meetingAgendaHint))</p></section>
                """, active: RequestsRoute.meetings.path)
    }

    @Sendable static func calendarCurrent(_ req: Request) async throws -> HTML {
        try await calendarPage(req, year: LocalDate(instant: Date().timeIntervalSince1970).year)
    }

    @Sendable static func calendar(_ req: Request) async throws -> HTML {
        guard let y = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(y) else {
            throw AppError.badRequest(.errorBadID, args: [req.parameters.get("year") ?? ""])
        }
        return try await calendarPage(req, year: y)
    }

    struct CalendarForm: Content {
        var source: String?
        var days: String?
    }

    /// One line a day: "2027-01-01 元旦 off" or "2027-02-07 春节调休 work".
    @Sendable static func saveCalendar(_ req: Request) async throws -> Response {
        guard let year = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(year) else {
            throw AppError.badRequest(.errorBadID, args: [req.parameters.get("year") ?? ""])
        }
        let f = try req.content.decode(CalendarForm.self)
        var off: [CalendarAPI.DayInput] = []
        var work: [CalendarAPI.DayInput] = []
        do {
            for line in (f.days ?? "").split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard parts.count >= 3, ["off", "work", "放假", "上班"].contains(parts.last!) else {
                    throw AppError.invalid(.errorCalendarLine, args: [String(line)])
                }
                let day = CalendarAPI.DayInput(
                    date: parts[0], name: parts[1..<(parts.count - 1)].joined(separator: " "))
                if ["off", "放假"].contains(parts.last!) { off.append(day) } else { work.append(day) }
            }
            _ = try await CalendarAPI.replace(
                req, year: year, input: .init(source: f.source ?? "", daysOff: off, workingWeekends: work))
            Layout.flash(req, .flashSaved)
            return req.redirect(to: RequestsRoute.calendarYear(.value(year)))
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await calendarPage(req, year: year, error: e, draft: f).encodeResponse(
                status: e.status, for: req)
        }
    }

    static func calendarPage(_ req: Request, year: Int, error: AppError? = nil, draft: CalendarForm? = nil) async throws
        -> HTML
    {
        let v = try req.requireViewer()
        let existing = try? await CalendarAPI.yearOut(year, on: req.db)
        let text =
            draft?.days ?? existing.map { y in
                (y.daysOff.map { "\($0.date) \($0.name) off" } + y.workingWeekends.map { "\($0.date) \($0.name) work" })
                    .joined(separator: "\n")
            } ?? ""
        let editor: HTML =
            v.maySetDistrictSettings
            ? """
            <form method="post" action="\(RequestsRoute.calendarYear(.value(year)))" class="card" \
            id="calendar-editor">\(CSRF.hiddenField(req))<h2>\(req.t(.calendarEdit))</h2>
            \(Widgets.errorSummary(error, lang: req.lang))
            <label for="source">\(req.t(.calendarSourceLabel))</label><input id="source" name="source" \
            value="\(draft?.source ?? existing?.source ?? "")" required>
            <label for="days">\(req.t(.calendarLines))</label><textarea id="days" name="days" \
            rows="12">\(text)</textarea>
            <p><button type="submit">\(req.t(.actionSave))</button></p></form>
            """ : ""
        guard let y = existing else {
            return Layout.page(
                req, title: req.t(.navCalendar),
                body: """
                    <h1>\(req.t(.navCalendar)) \(year)</h1><p class="flash \
                    error">\(req.t(.errorCalendarMissingYear, String(year)))</p>\(editor)
                    <p><a href="\(RequestsRoute.calendarYear(.value(year - 1)))">\(year - 1)</a></p>
                    """, active: RequestsRoute.calendar.path)
        }
        func list(_ days: [CalendarAPI.Day]) -> HTML {
            "<ul>\(days.map { "<li>\($0.date) · \($0.name)</li>" as HTML })</ul>"
        }
        return Layout.page(
            req, title: req.t(.navCalendar),
            body: """
                <h1>\(req.t(.navCalendar)) \(y.year)</h1><p class="muted">\(req.t(.calendarSource, y.source))</p>
                <div class="grid2"><section \
                class="card"><h2>\(req.t(.calendarDaysOff))</h2>\(list(y.daysOff))</section>
                <section \
                class="card"><h2>\(req.t(.calendarWorkingWeekends))</h2>\(list(y.workingWeekends))</section></div>
                <p><a href="\(RequestsRoute.calendarYear(.value(y.year - 1)))">\(y.year - 1)</a> · <a \
                href="\(RequestsRoute.calendarYear(.value(y.year + 1)))">\(y.year + 1)</a></p>\(editor)
                """, active: RequestsRoute.calendar.path)
    }
}
