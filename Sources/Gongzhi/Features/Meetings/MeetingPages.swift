import Fluent
import Vapor

/// Meetings' pages: the desk's list, new form and meeting page with its forms; the phone's meetings, check-in and
/// tasks; the calendar feed page and the feeds themselves. Handlers read the request, call a query or a service
/// with `req.caller`, and render; a refusal the user can fix comes back as the same page with the message.
enum MeetingPages {
    static func register(_ p: RoutesBuilder) {
        p.get(MeetingsRoute.list, use: list)
        p.form(MeetingsRoute.list, use: create)
        p.get(MeetingsRoute.new, use: newForm)
        p.get(MeetingsRoute.meeting(.key), use: meeting)
        p.form(MeetingsRoute.schedule(.key), use: schedule)
        p.form(MeetingsRoute.agenda(.key), use: propose)
        p.form(MeetingsRoute.invitees(.key), use: invite)
        p.form(MeetingsRoute.attendance(.key), use: attendance)
        p.form(MeetingsRoute.minutes(.key), use: minutes)
        p.form(MeetingsRoute.decisions(.key), use: decide)
        p.form(MeetingsRoute.close(.key), use: close)
        p.form(MeetingsRoute.cancel(.key), use: cancel)
        p.get(MeetingsRoute.export, use: export)
        p.get(MeetingsRoute.mine, use: mine)
        p.get(MeetingsRoute.checkIn, use: checkInForm)
        p.form(MeetingsRoute.checkIn, use: checkIn)
        p.get(MeetingsRoute.task(.key), use: task)
        p.form(MeetingsRoute.taskDone(.key), use: done)
        p.get(MeetingsRoute.feed, use: feed)
        p.post(MeetingsRoute.feed, use: newFeed)
    }

    /// Fetched by calendar apps: no session, the token in the path.
    static func registerFeeds(_ bare: RoutesBuilder) {
        bare.get(MeetingsRoute.personFeed(.key), use: MeetingsFeed.person)
        bare.get(MeetingsRoute.bodyFeed(.key, body: .key), use: MeetingsFeed.body)
    }

    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()
    static func time(_ d: Date) -> String { timeFormat.string(from: d) }

    private static func render(_ req: Request, _ title: String, _ body: HTML) -> HTML {
        Layout.page(req, title: title, body: body, active: MeetingsRoute.list.path)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let v = try req.requireViewer()
        let access = try await MeetingAccess.of(v, on: req.db)
        if !v.can(.viewTree) { return req.redirect(to: MeetingsRoute.mine) }
        let m = try await MeetingListModel.query(
            access, try MeetingsAPI.Filter.from(req), page: try req.pageRequest(), url: req.url.string, req.caller)
        return try await render(req, req.t(.navMeetings), MeetingListModel.body(m, req.lang)).encodeResponse(for: req)
    }

    @Sendable static func mine(_ req: Request) async throws -> HTML {
        let access = try await MeetingAccess.of(try req.requireViewer(), on: req.db)
        let m = try await MyMeetingsModel.query(access, req.caller)
        return Layout.page(
            req, title: req.t(.meetingMine), body: MyMeetingsModel.body(m, req.lang),
            active: MeetingsRoute.mine.path)
    }

    // MARK: New meeting

    struct CreateForm: Content {
        var kind: String?
        var bodyId: String?
        var orgNodeId: String?
        var communityNodeId: String?
        var title: String?
        var date: String?
        var time: String?
        var durationMinutes: String?
        var place: String?
        var host: String?
        var hostUnitId: String?
        var attendees: String?

        var state: NewMeetingModel.State {
            var s = NewMeetingModel.State()
            s.kind = kind.flatMap(MeetingKind.init(rawValue:)) ?? s.kind
            s.bodyID = bodyId.flatMap { Int($0) }
            s.nodeID = (orgNodeId ?? communityNodeId).flatMap { Int($0) }
            s.date = date ?? ""
            s.time = time ?? ""
            s.duration = durationMinutes ?? ""
            s.place = place ?? ""
            s.title = title ?? ""
            s.host = host ?? ""
            s.hostUnitID = hostUnitId.flatMap { Int($0) }
            return s
        }
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        guard MeetingAccess.managers.contains(v.role) else { throw await req.forbidden("new meeting form") }
        var s = NewMeetingModel.State()
        s.date = req.clock.today.adding(days: 7).description
        s.bodyID = try FormNumber.int(req.query[String.self, at: "bodyId"], field: "bodyId")
        if let d = req.query[String.self, at: "date"], LocalDate(d) != nil { s.date = d }
        let m = try await NewMeetingModel.query(v, s, req.caller)
        return render(req, req.t(.meetingNew), NewMeetingModel.body(m, s, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let v = try req.requireViewer()
        let f = try req.content.decode(CreateForm.self)
        return try await FormChange.run(
            req,
            to: {
                var kind: MeetingKind?
                if let raw = f.kind, !raw.isEmpty {
                    guard let k = MeetingKind(rawValue: raw) else {
                        throw AppError.invalid(.errorMeetingKind, field: "kind")
                    }
                    kind = k
                }
                let input = MeetingsService.CreateInput(
                    kind: kind, title: f.title, orgNodeID: try FormNumber.int(f.orgNodeId, field: "orgNodeId"),
                    communityNodeID: try FormNumber.int(f.communityNodeId, field: "communityNodeId"),
                    bodyID: try FormNumber.int(f.bodyId, field: "bodyId"), date: f.date ?? "", time: f.time,
                    durationMinutes: try FormNumber.int(f.durationMinutes, field: "durationMinutes", in: 1...100_000),
                    place: f.place, host: f.host, hostUnitID: try FormNumber.int(f.hostUnitId, field: "hostUnitId"),
                    attendees: f.attendees)
                return MeetingsRoute.meeting(.value(try await MeetingsService.create(req.caller, input).id!)).link
            },
            page: { e in
                var s = f.state
                s.error = e
                let m = try await NewMeetingModel.query(v, s, req.caller)
                return render(
                    req, req.t(.meetingNew), NewMeetingModel.body(m, s, csrf: CSRF.hiddenField(req), req.lang))
            })
    }

    // MARK: The meeting

    static func meetingPage(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let m = try await MeetingPageModel.query(id, req.caller, base: MeetingsFeed.base(req))
        let name = m.meeting.title.isEmpty ? req.lang.t(key: m.meeting.kind.labelKey) : m.meeting.title
        return render(req, name, MeetingPageModel.body(m, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func meeting(_ req: Request) async throws -> HTML {
        try await meetingPage(req, id: try req.intParameter("id"), error: nil)
    }

    /// A form on the meeting's page: the change, then the page again (the message and its status on a refusal).
    static func change(_ req: Request, _ action: @escaping (Int) async throws -> Void) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            {
                try await action(id)
                return MeetingsRoute.meeting(.value(id)).path
            },
            page: { try await meetingPage(req, id: id, error: $0) })
    }

    struct ScheduleForm: Content {
        var date: String?
        var time: String?
        var place: String?
    }

    @Sendable static func schedule(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ScheduleForm.self)
        return try await change(req) { id in
            _ = try await MeetingsService.reschedule(
                req.caller, id: id, .init(date: f.date, time: f.time, place: f.place))
        }
    }

    struct AgendaForm: Content {
        var title: String?
        var listItemId: String?
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let f = try req.content.decode(AgendaForm.self)
        return try await change(req) { id in
            let need = try FormNumber.int(f.listItemId, field: "listItemId")
            _ = try await MeetingsService.propose(req.caller, id: id, .init(title: f.title, listItemID: need))
        }
    }

    struct PersonForm: Content {
        var personId: String?
    }

    @Sendable static func invite(_ req: Request) async throws -> Response {
        let f = try req.content.decode(PersonForm.self)
        return try await change(req) { id in
            guard let p = try FormNumber.int(f.personId, field: "personId") else {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            _ = try await MeetingsService.invite(req.caller, id: id, .init(personID: p))
        }
    }

    @Sendable static func attendance(_ req: Request) async throws -> Response {
        let f = try req.content.decode(PersonForm.self)
        return try await change(req) { id in
            guard let p = try FormNumber.int(f.personId, field: "personId") else {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            _ = try await MeetingsService.recordAttendance(req.caller, id: id, .init(personID: p))
        }
    }

    struct MinutesForm: Content {
        var minutes: String?
    }

    @Sendable static func minutes(_ req: Request) async throws -> Response {
        let f = try req.content.decode(MinutesForm.self)
        return try await change(req) { id in
            _ = try await MeetingsService.saveMinutes(req.caller, id: id, .init(minutes: f.minutes ?? ""))
        }
    }

    struct DecisionForm: Content {
        var text: String?
        var unitId: String?
        var personId: String?
        var due: String?
    }

    @Sendable static func decide(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DecisionForm.self)
        return try await change(req) { id in
            let input = MeetingsService.DecisionInput(
                text: f.text ?? "", unitID: try FormNumber.int(f.unitId, field: "unitId"),
                personID: try FormNumber.int(f.personId, field: "personId"), due: f.due ?? "")
            _ = try await MeetingsService.decide(req.caller, id: id, input)
        }
    }

    @Sendable static func close(_ req: Request) async throws -> Response {
        try await change(req) { id in _ = try await MeetingsService.close(req.caller, id: id) }
    }

    struct CancelForm: Content {
        var reason: String?
    }

    @Sendable static func cancel(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CancelForm.self)
        return try await change(req) { id in
            _ = try await MeetingsService.cancel(req.caller, id: id, .init(reason: f.reason))
        }
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        try await MeetingsExport.csv(req.caller, try MeetingsAPI.Filter.from(req))
    }

    // MARK: Check-in, tasks, feed

    @Sendable static func checkInForm(_ req: Request) async throws -> HTML {
        _ = try req.requireViewer()
        let code = String((req.query[String.self, at: "code"] ?? "").prefix(6))
        return Layout.page(
            req, title: req.t(.meetingCheckIn),
            body: CheckInView.body(code: code, error: nil, csrf: CSRF.hiddenField(req), req.lang),
            active: MeetingsRoute.mine.path)
    }

    struct CheckInForm: Content {
        var code: String?
    }

    @Sendable static func checkIn(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CheckInForm.self)
        return try await FormChange.run(
            req,
            to: {
                MeetingsRoute.meeting(
                    .value(try await MeetingsService.checkIn(req.caller, .init(code: f.code ?? "")).0.id!)
                ).link
            },
            page: { e in
                Layout.page(
                    req, title: req.t(.meetingCheckIn),
                    body: CheckInView.body(
                        code: String((f.code ?? "").prefix(6)), error: e, csrf: CSRF.hiddenField(req), req.lang),
                    active: MeetingsRoute.mine.path)
            }, flash: .flashMeetingCheckedIn)
    }

    static func taskPage(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let m = try await TaskModel.query(id, req.caller)
        return render(req, req.t(.meetingTask), TaskModel.body(m, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func task(_ req: Request) async throws -> HTML {
        try await taskPage(req, id: try req.intParameter("id"), error: nil)
    }

    struct DoneForm: Content {
        var note: String?
    }

    @Sendable static func done(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(DoneForm.self)
        return try await FormChange.run(
            req,
            {
                _ = try await MeetingsService.done(req.caller, decisionID: id, .init(note: f.note ?? ""))
                return MeetingsRoute.task(.value(id)).path
            },
            page: { try await taskPage(req, id: id, error: $0) })
    }

    @Sendable static func feed(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let since = try await MeetingsFeed.hasToken(v, on: req.db)
        return Layout.page(
            req, title: req.t(.meetingFeed),
            body: FeedView.body(nil, since: since, csrf: CSRF.hiddenField(req), req.lang),
            active: MeetingsRoute.mine.path)
    }

    @Sendable static func newFeed(_ req: Request) async throws -> HTML {
        let feed = try await MeetingsFeed.regenerate(req.caller, base: MeetingsFeed.base(req))
        return Layout.page(
            req, title: req.t(.meetingFeed),
            body: FeedView.body(feed, since: nil, csrf: CSRF.hiddenField(req), req.lang),
            active: MeetingsRoute.mine.path)
    }
}
