import Fluent
import Vapor

/// 我有需要 on the phone, and the desk pages of the loop: list, request with timeline and actions, to-dos,
/// and the working calendar (joint meetings are Meetings').
enum RequestPages {
    static func register(_ p: RoutesBuilder) {
        p.get(RequestsRoute.list, use: list)
        p.get(RequestsRoute.new, use: newForm)
        p.get(RequestsRoute.figures, use: figures)
        p.post(RequestsRoute.list, use: raise)
        p.get(RequestsRoute.request(.key), use: detail)
        p.get(RequestsRoute.photo(.key, photo: .key), use: RequestPhotos.serve)
        p.form(RequestsRoute.act(.key), use: act)
        p.get(RequestsRoute.todos, use: todos)
        p.get(RequestsRoute.calendar, use: calendarCurrent)
        p.get(RequestsRoute.calendarYear(.key), use: calendar)
        p.form(RequestsRoute.calendarYear(.key), use: saveCalendar)
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
            v, filter: filter, publicCommunity: community, lang: req.lang, on: req.db, now: req.clock.now)
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
        // A draft back from the pick map: what was typed is shown again (unknown values are simply not chosen).
        func draft(_ name: String) -> String? { req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        input.kind = draft("kind").flatMap(RequestKind.init(rawValue:))
        input.category = draft("category")
        input.text = draft("text").map { String($0.prefix(RequestService.maxText)) }
        input.placeNote = draft("placeNote").map { String($0.prefix(RequestService.maxPlaceNote)) }
        input.isPublic = draft("isPublic") == "true"
        input.channel = draft("channel").flatMap(RequestChannel.init(rawValue:))
        input.gridID = draft("gridId").flatMap { Int($0) }
        let drafted = input.lat != nil || input.text != nil || input.kind != nil
        return try await newPage(req, input: drafted ? input : nil, error: nil)
    }

    struct RaiseForm: Content {
        var kind: String?
        var category: String?
        var text: String?
        var placeNote: String?
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
        input.placeNote = f.placeNote
        input.isPublic = f.isPublic == "true"
        input.channel = f.channel.flatMap(RequestChannel.init(rawValue:))
        do {
            input.gridID = try FormNumber.int(f.gridId, field: "gridId")
            if let la = f.lat, !la.isEmpty || !(f.lng ?? "").isEmpty {
                guard let lat = Double(la), let lng = Double(f.lng ?? "") else {
                    throw AppError.invalid(.errorGeoLatlng, field: "lat")
                }
                input.lat = lat
                input.lng = lng
            }
            let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map { Array($0.data.readableBytesView) }
            // Check the photos before anything is stored: a bad photo leaves nothing half-done.
            let photos = try await Photos.clean(
                files, keepLocation: f.keepLocation == "true",
                limit: RequestPhotos.perRequest, req.caller)
            // A likely duplicate is offered before the resident submits; they may still go on.
            let v = try req.requireViewer()
            if v.scope.isSelfOnly, f.confirmNew != "true", let category = input.category, let text = input.text {
                let point = input.lat.flatMap { la in input.lng.map { Coordinate(lat: la, lng: $0) } }
                let household = try await v.user.personID.asyncMap {
                    try await PeopleQueries.householdID(ofPerson: $0, on: req.db)
                }
                let found = try await RequestService.similar(
                    v, on: req.db, category: category, text: text, point: point, householdID: household ?? nil,
                    gridID: nil, now: req.clock.now)
                if !found.isEmpty {
                    let rows = try await RequestRow.rows(
                        found, viewer: v, lang: req.lang, on: req.db, now: req.clock.now)
                    let page = try await newPage(
                        req, input: input, error: nil, similar: rows, hadPhotos: !files.isEmpty)
                    return try await page.encodeResponse(for: req)
                }
            }
            let r = try await RequestService.raise(req.caller, input)
            _ = try await RequestPhotos.add(req.caller, to: r, photos: photos, asEvidence: false)
            Layout.flash(req, .flashRaised)
            return req.redirect(to: RequestsRoute.request(.value(r.id!)))
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await newPage(req, input: input, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    static func detailPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let r = try await RequestAccess.find(id, req.caller)
        var m = try await RequestDetailModel.query(
            r, viewer: try req.requireViewer(), lang: req.lang, on: req.db, now: req.clock.now)
        m.sections = try await PageSection.request(id, req.caller)
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
        input.rating = f.rating.flatMap(Rating.init(rawValue:))
        return try await FormChange.run(
            req,
            to: {
                input.unitIDs = try FormNumber.ints(f.unitIds, field: "unitIds")
                input.workingDays = try FormNumber.int(f.workingDays, field: "workingDays", in: 1...60)
                input.meetingID = try FormNumber.int(f.meetingId, field: "meetingId")
                input.mergeInto = try FormNumber.int(f.mergeInto, field: "mergeInto")
                let files = (f.photos ?? []).filter { $0.data.readableBytes > 0 }.map {
                    Array($0.data.readableBytesView)
                }
                let photos = try await Photos.clean(
                    files, keepLocation: false, limit: RequestPhotos.perStep, req.caller)
                let r = try await RequestService.perform(req.caller, id: id, action: action, input)
                _ = try await RequestPhotos.add(req.caller, to: r, photos: photos, asEvidence: true)
                return RequestsRoute.request(.value(id)).link
            }, page: { e in try await detailPage(req, id: id, error: e) })
    }

    /// The figures of an area and its children; every number opens the requests it counts.
    @Sendable static func figures(_ req: Request) async throws -> HTML {
        let f = try await RequestFiguresService.compute(
            req.caller, nodeID: try RequestsAPI.optionalInt(req, "nodeId"), period: try RequestsAPI.period(req))
        return Layout.page(
            req, title: req.t(.navFigures), body: RequestDeskViews.figures(f, req.lang),
            active: RequestsRoute.figures.path)
    }

    @Sendable static func todos(_ req: Request) async throws -> HTML {
        let list = try await RequestsAPI.todoList(
            try req.requireViewer(), lang: req.lang, on: req.db, now: req.clock.now)
        let rows = list.map { (RequestRow($0.request, req.lang), $0.waitingFor) }
        let others = try await TodoItem.all(req.caller)
        return Layout.page(
            req, title: req.t(.navTodos),
            body: "\(todosBody(rows, req.lang))\(otherTodosBody(others, today: req.clock.today, req.lang))",
            active: RequestsRoute.todos.path)
    }

    /// What other capabilities put on the viewer's to-dos (a meeting's decision they own), under the requests.
    static func otherTodosBody(_ items: [TodoItem], today: LocalDate, _ lang: Lang) -> HTML {
        guard !items.isEmpty else { return "" }
        let rows: [HTML] = items.map { t in
            """
            <tr class="\(t.overdue(on: today) ? "bad" : "")"><td data-label="\(lang.t(.todoTask))">\
            <a href="\(t.link)">\(t.title)</a></td><td data-label="\(lang.t(.todoNext))">\(t.waitingFor)</td>\
            <td data-label="\(lang.t(.todoOrigin))">\(t.origin)</td>\
            <td data-label="\(lang.t(.requestDeadline))">\(t.due?.description ?? "–")\
            \(t.overdue(on: today) ? " · " + lang.t(.requestOverdue) : "")</td></tr>
            """
        }
        return """
            <h2>\(lang.t(.todoOtherTasks)) <span class="muted">(\(items.count))</span></h2>
            <table id="other-todos" class="list"><thead><tr><th>\(lang.t(.todoTask))</th>\
            <th>\(lang.t(.todoNext))</th><th>\(lang.t(.todoOrigin))</th><th>\(lang.t(.requestDeadline))</th></tr>\
            </thead><tbody>\(rows)</tbody></table>
            """
    }

    /// The to-do list: each request with the step that waits on the viewer.
    static func todosBody(_ list: [(request: RequestRow, waitingFor: String)], _ lang: Lang) -> HTML {
        let rows: [HTML] = list.map { t in
            let r = t.request
            return """
                <tr class="\(r.overdue ? "bad" : "")"><td data-label="\(lang.t(.requestNumber))">\
                <a href="\(RequestsRoute.request(.value(r.id)))">\(r.number)</a></td>\
                <td data-label="\(lang.t(.todoNext))">\(t.waitingFor)</td>\
                <td data-label="\(lang.t(.requestCategory))">\(r.categoryLabel)</td>\
                <td data-label="\(lang.t(.entityGrid))">\(r.gridName ?? "")</td>\
                <td data-label="\(lang.t(.requestDeadline))">\(time(r.stepDeadline))\
                \(r.overdue ? " · " + lang.t(.requestOverdue) : "")</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.navTodos)) <span class="muted">(\(list.count))</span></h1>
            <table id="todos" class="list"><thead><tr><th>\(lang.t(.requestNumber))</th><th>\(lang.t(.todoNext))</th>\
            <th>\(lang.t(.requestCategory))</th><th>\(lang.t(.entityGrid))</th>\
            <th>\(lang.t(.requestDeadline))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    @Sendable static func calendarCurrent(_ req: Request) async throws -> HTML {
        try await calendarPage(req, year: LocalDate(instant: req.clock.now.timeIntervalSince1970).year)
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
        return try await FormChange.run(
            req,
            to: {
                var off: [CalendarAPI.DayInput] = []
                var work: [CalendarAPI.DayInput] = []
                for line in (f.days ?? "").split(whereSeparator: \.isNewline) {
                    let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                    guard parts.count >= 3, ["off", "work", "放假", "上班"].contains(parts.last!) else {
                        throw AppError.invalid(.errorCalendarLine, args: [String(line)], field: "days")
                    }
                    let day = CalendarAPI.DayInput(
                        date: parts[0], name: parts[1..<(parts.count - 1)].joined(separator: " "))
                    if ["off", "放假"].contains(parts.last!) { off.append(day) } else { work.append(day) }
                }
                _ = try await CalendarAPI.replace(
                    req.caller, year: year, input: .init(source: f.source ?? "", daysOff: off, workingWeekends: work))
                return RequestsRoute.calendarYear(.value(year)).link
            }, page: { e in try await calendarPage(req, year: year, error: e, draft: f) })
    }

    static func calendarPage(_ req: Request, year: Int, error: AppError? = nil, draft: CalendarForm? = nil)
        async throws
        -> HTML
    {
        let v = try req.requireViewer()
        let m = try await CalendarModel.query(year: year, viewer: v, error: error, draft: draft, on: req.db)
        return Layout.page(
            req, title: req.t(.navCalendar), body: RequestDeskViews.calendar(m, csrf: CSRF.hiddenField(req), req.lang),
            active: RequestsRoute.calendar.path)
    }
}
