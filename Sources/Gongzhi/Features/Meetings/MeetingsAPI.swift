import Fluent
import Vapor

/// Meetings' JSON: what a meeting reads like to a client, and the handlers that call `MeetingsService`.
enum MeetingsAPI {
    typealias CreateInput = MeetingsService.CreateInput

    struct AgendaOut: Content {
        /// Nil for a request still awaiting the community's decision, listed until the meeting closes.
        let id: Int?
        let title: String
        let requestID: Int?
        let requestNumber: String?
        /// A need or problem of the four lists the meeting takes up.
        let listItemID: Int?
        let proposerName: String
    }
    struct InviteeOut: Content {
        let personID: Int
        let name: String
        let unitID: Int?
        let source: String
        let checkedInAt: Date?
        let channel: CheckIn.Channel?
    }
    struct DecisionOut: Content {
        let id: Int
        let meetingID: Int
        let text: String
        let unitID: Int?
        let personID: Int?
        let ownerName: String
        let due: String
        let state: DecisionState
        let doneNote: String?
        let doneAt: Date?
    }
    struct QuorumOut: Content {
        let roster: Int
        let present: Int
        let needed: Int
        let met: Bool
    }
    struct MeetingOut: Content {
        let id: Int
        let kind: MeetingKind
        let title: String
        let orgNodeID: Int
        /// The same node, as the request loop's clients name it.
        let communityNodeID: Int
        let bodyID: Int?
        let date: String
        let time: String
        let durationMinutes: Int
        let startsAt: Date
        let endsAt: Date
        let place: String
        let host: String
        let hostUnitID: Int?
        let attendees: String
        let state: MeetingState
        /// Where a scheduled meeting stands by the clock.
        let phase: Phase
        let sequence: Int
        /// Shown to those who run the meeting only.
        let checkInCode: String?
        let minutes: String
        let cancelReason: String?
        let agenda: [AgendaOut]
        let invitees: [InviteeOut]
        let decisions: [DecisionOut]
        let invited: Int
        let present: Int
        /// Nil when no roster applies (no body, or a body without seats that day).
        let quorum: QuorumOut?
    }
    struct SummaryOut: Content {
        let id: Int
        let kind: MeetingKind
        let title: String
        let orgNodeID: Int
        let bodyID: Int?
        let date: String
        let time: String
        let place: String
        let host: String
        let state: MeetingState
        let phase: Phase
        let invited: Int
        let present: Int
        let decisions: Int
        let openDecisions: Int
    }
    struct CheckInOut: Content {
        let meetingID: Int
        let personID: Int
        let checkedInAt: Date
    }
    struct HostOut: Content {
        let unitID: Int?
        let name: String?
    }
    struct FeedOut: Content {
        let token: String
        let personFeed: String
        let bodyFeeds: [BodyFeedOut]
    }
    struct BodyFeedOut: Content {
        let bodyID: Int
        let url: String
    }

    static func register(_ api: RoutesBuilder) {
        api.get(MeetingsRoute.apiList, use: list)
        api.post(MeetingsRoute.apiList, use: create)
        api.get(MeetingsRoute.apiMeeting(.key), use: show)
        api.patch(MeetingsRoute.apiMeeting(.key), use: reschedule)
        api.post(MeetingsRoute.apiAgenda(.key), use: propose)
        api.post(MeetingsRoute.apiInvitees(.key), use: invite)
        api.post(MeetingsRoute.apiAttendance(.key), use: attendance)
        api.post(MeetingsRoute.apiDecisions(.key), use: decide)
        api.post(MeetingsRoute.apiClose(.key), use: close)
        api.post(MeetingsRoute.apiCancel(.key), use: cancel)
        api.post(MeetingsRoute.apiCheckIn, use: checkIn)
        api.get(MeetingsRoute.apiHostSuggestion, use: hostSuggestion)
        api.get(MeetingsRoute.apiExport, use: export)
        api.get(MeetingsRoute.apiTasks, use: tasks)
        api.post(MeetingsRoute.apiTaskDone(.key), use: done)
        api.post(MeetingsRoute.apiFeedToken, use: feedToken)
    }

    // MARK: Reading

    static func decisionOut(_ d: MeetingDecision) -> DecisionOut {
        DecisionOut(
            id: d.id!, meetingID: d.meetingID, text: d.text, unitID: d.ownerUnitID, personID: d.ownerPersonID,
            ownerName: d.ownerName, due: d.due, state: d.state, doneNote: d.doneNote, doneAt: d.doneAt)
    }

    /// The agenda: items stored (proposed, or kept when the meeting closed) and, while the meeting is open, the
    /// community's requests awaiting a decision that are not on it yet.
    static func agenda(_ m: Meeting, on db: any Database) async throws -> [AgendaOut] {
        let items = try await MeetingAgendaItem.query(on: db).filter(\.$meetingID == m.id!).sort(\.$id).all()
        let numbers = try await RequestsQueries.agendaFacts(items.compactMap(\.requestID), on: db)
        var out = items.map {
            AgendaOut(
                id: $0.id, title: $0.title, requestID: $0.requestID,
                requestNumber: $0.requestID.flatMap { numbers[$0]?.number }, listItemID: $0.listItemID,
                proposerName: $0.proposerName)
        }
        if m.state == .scheduled {
            let stored = Set(items.compactMap(\.requestID))
            let live = try await RequestsQueries.awaitingDecision(communityNodeID: m.nodeID, on: db)
            out =
                live.filter { !stored.contains($0.id) }.map {
                    AgendaOut(
                        id: nil, title: "\($0.number) \(String($0.text.prefix(60)))", requestID: $0.id,
                        requestNumber: $0.number, listItemID: nil, proposerName: "")
                } + out
        }
        return out
    }

    static func out(_ m: Meeting, _ access: MeetingAccess, now: Date, on db: any Database) async throws
        -> MeetingOut
    {
        let invitees = try await MeetingInvitee.query(on: db).filter(\.$meetingID == m.id!).sort(\.$id).all()
        let decisions = try await MeetingDecision.query(on: db).filter(\.$meetingID == m.id!).sort(\.$id).all()
        let quorum = try await MeetingFacts.quorum(m, invitees: invitees, on: db)
        let manages = access.manages(m)
        let staff = manages || access.inScope(m)
        return MeetingOut(
            id: m.id!, kind: m.kind, title: m.title, orgNodeID: m.nodeID, communityNodeID: m.nodeID, bodyID: m.bodyID,
            date: m.day, time: MeetingSchedule.timeText(MeetingFacts.startMinutes(m)),
            durationMinutes: MeetingFacts.durationMinutes(m), startsAt: m.startsAt, endsAt: m.endsAt, place: m.place,
            host: m.host, hostUnitID: m.hostUnitID, attendees: m.attendeesNote, state: m.state,
            phase: m.span.phase(at: now),
            sequence: m.sequence,
            checkInCode: manages ? m.checkInCode : nil, minutes: m.minutes, cancelReason: m.cancelReason,
            agenda: try await agenda(m, on: db),
            invitees: (staff ? invitees : invitees.filter { $0.personID == access.personID }).map {
                InviteeOut(
                    personID: $0.personID, name: $0.name, unitID: $0.unitID, source: $0.source,
                    checkedInAt: $0.checkedInAt, channel: $0.checkInChannel)
            },
            decisions: decisions.map(decisionOut), invited: invitees.count,
            present: invitees.filter { $0.checkedInAt != nil }.count,
            quorum: quorum.map { QuorumOut(roster: $0.roster, present: $0.present, needed: $0.needed, met: $0.met) })
    }

    struct Filter: Sendable {
        var kind: MeetingKind?
        var bodyID: Int?
        var state: MeetingState?
        var from: LocalDate?
        var to: LocalDate?

        static func from(_ req: Request) throws -> Filter {
            var f = Filter()
            if let raw = req.query[String.self, at: "kind"], !raw.isEmpty {
                guard let k = MeetingKind(rawValue: raw) else { throw AppError.badRequest(.errorMeetingKindParam) }
                f.kind = k
            }
            if let raw = req.query[String.self, at: "state"], !raw.isEmpty {
                guard let s = MeetingState(rawValue: raw) else { throw AppError.badRequest(.errorMeetingKindParam) }
                f.state = s
            }
            if let raw = req.query[String.self, at: "bodyId"], !raw.isEmpty {
                guard let id = Int(raw), id > 0 else { throw AppError.badRequest(.errorBadID, args: [raw]) }
                f.bodyID = id
            }
            for key in ["from", "to"] {
                guard let raw = req.query[String.self, at: key], !raw.isEmpty else { continue }
                guard let d = SimpleDate(raw), let day = LocalDate(year: d.year, month: d.month, day: d.day) else {
                    throw AppError.badRequest(.errorDateParam, args: [key, raw])
                }
                if key == "from" { f.from = day } else { f.to = day }
            }
            return f
        }

        var query: [(String, String?)] {
            [
                ("kind", kind?.rawValue), ("bodyId", bodyID.map(String.init)), ("state", state?.rawValue),
                ("from", from?.description), ("to", to?.description),
            ]
        }
    }

    /// The meetings the viewer sees, newest first: those in scope, and those naming them or their units (at most
    /// `limit`).
    static func visible(_ access: MeetingAccess, _ f: Filter, limit: Int, on db: any Database) async throws
        -> [Meeting]
    {
        try await visible(access, f, page: PageRequest(number: 1, size: limit), on: db).rows
    }

    /// One page of the same list, latest day first, with its total: the ids and days of every visible meeting are
    /// read (in scope, and those the viewer is named in), then the page's rows.
    static func visible(_ access: MeetingAccess, _ f: Filter, page: PageRequest, on db: any Database) async throws
        -> Paged<Meeting>
    {
        func filtered(_ q: QueryBuilder<Meeting>) -> QueryBuilder<Meeting> {
            if let k = f.kind { q.filter(\.$kind == k) }
            if let b = f.bodyID { q.filter(\.$bodyID == b) }
            if let s = f.state { q.filter(\.$state == s) }
            if let from = f.from { q.filter(\.$day >= from.description) }
            if let to = f.to { q.filter(\.$day <= to.description) }
            return q.field(\.$id).field(\.$day)
        }
        var keys: [Int: String] = [:]
        if access.viewer.can(.viewTree) {
            for m in try await filtered(Meeting.query(on: db).inScope(access.viewer.scope, \.$path)).all() {
                keys[m.id!] = m.day
            }
        }
        let named = try await access.involved(nil, on: db).subtracting(keys.keys)
        for chunk in Array(named).chunked(500) {
            for m in try await filtered(Meeting.query(on: db).filter(\.$id ~~ chunk)).all() { keys[m.id!] = m.day }
        }
        let ordered = keys.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map(\.key)
        let ids = Array(ordered.dropFirst(page.offset).prefix(page.size))
        let rows = ids.isEmpty ? [] : try await Meeting.query(on: db).filter(\.$id ~~ ids).all()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return Paged(rows: rows.sorted { position[$0.id!]! < position[$1.id!]! }, total: ordered.count, asked: page)
    }

    static func summaries(_ ms: [Meeting], now: Date, on db: any Database) async throws -> [SummaryOut] {
        let ids = ms.compactMap(\.id)
        let attendance = try await MeetingFacts.attendance(ids, on: db)
        var decisions: [Int: (all: Int, open: Int)] = [:]
        for chunk in ids.chunked(500) {
            for d in try await MeetingDecision.query(on: db).filter(\.$meetingID ~~ chunk).all() {
                decisions[d.meetingID, default: (0, 0)].all += 1
                if d.state == .open { decisions[d.meetingID, default: (0, 0)].open += 1 }
            }
        }
        return ms.map { m in
            SummaryOut(
                id: m.id!, kind: m.kind, title: m.title, orgNodeID: m.nodeID, bodyID: m.bodyID, date: m.day,
                time: MeetingSchedule.timeText(MeetingFacts.startMinutes(m)), place: m.place, host: m.host,
                state: m.state, phase: m.span.phase(at: now), invited: attendance[m.id!]?.invited ?? 0,
                present: attendance[m.id!]?.present ?? 0,
                decisions: decisions[m.id!]?.all ?? 0, openDecisions: decisions[m.id!]?.open ?? 0)
        }
    }

    @Sendable static func list(_ req: Request) async throws -> Paged<SummaryOut> {
        let v = try req.requireViewer()
        let f = try Filter.from(req)
        let access = try await MeetingAccess.of(v, on: req.db)
        let page = try await visible(access, f, page: try req.pageRequest(), on: req.db)
        return Paged(
            rows: try await summaries(page.rows, now: req.caller.now, on: req.db), total: page.total, asked: page.asked
        )
    }

    @Sendable static func show(_ req: Request) async throws -> MeetingOut {
        let (m, access) = try await req.caller.meeting(try req.intParameter("id"))
        return try await out(m, access, now: req.caller.now, on: req.db)
    }

    static func respond(_ m: Meeting, _ req: Request, status: HTTPStatus = .ok) async throws -> Response {
        let (fresh, access) = try await req.caller.meeting(m.id!)
        return try await out(fresh, access, now: req.caller.now, on: req.db).encodeResponse(status: status, for: req)
    }

    // MARK: Changing

    @Sendable static func create(_ req: Request) async throws -> Response {
        let m = try await MeetingsService.create(req.caller, try req.decodeStrict(CreateInput.self))
        return try await respond(m, req, status: .created)
    }

    @Sendable static func reschedule(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await req.caller.managedMeeting(id)
        let m = try await MeetingsService.reschedule(
            req.caller, id: id, try req.decodeStrict(MeetingsService.ScheduleInput.self))
        return try await respond(m, req)
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await req.caller.meeting(id)
        _ = try await MeetingsService.propose(
            req.caller, id: id, try req.decodeStrict(MeetingsService.AgendaInput.self))
        return try await respond(try await req.caller.meeting(id).0, req, status: .created)
    }

    @Sendable static func invite(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await req.caller.managedMeeting(id)
        _ = try await MeetingsService.invite(
            req.caller, id: id, try req.decodeStrict(MeetingsService.InviteeInput.self))
        return try await respond(try await req.caller.meeting(id).0, req, status: .created)
    }

    @Sendable static func attendance(_ req: Request) async throws -> CheckInOut {
        let id = try req.intParameter("id")
        _ = try await req.caller.managedMeeting(id)
        let i = try await MeetingsService.recordAttendance(
            req.caller, id: id, try req.decodeStrict(MeetingsService.InviteeInput.self))
        return CheckInOut(meetingID: id, personID: i.personID, checkedInAt: i.checkedInAt!)
    }

    @Sendable static func checkIn(_ req: Request) async throws -> CheckInOut {
        let (m, i) = try await MeetingsService.checkIn(
            req.caller, try req.decodeStrict(MeetingsService.CheckInInput.self))
        return CheckInOut(meetingID: m.id!, personID: i.personID, checkedInAt: i.checkedInAt!)
    }

    @Sendable static func decide(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await req.caller.managedMeeting(id)
        let d = try await MeetingsService.decide(
            req.caller, id: id, try req.decodeStrict(MeetingsService.DecisionInput.self))
        return try await decisionOut(d).encodeResponse(status: .created, for: req)
    }

    @Sendable static func close(_ req: Request) async throws -> Response {
        let m = try await MeetingsService.close(req.caller, id: try req.intParameter("id"))
        return try await respond(m, req)
    }

    @Sendable static func cancel(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await req.caller.managedMeeting(id)
        let input =
            req.body.data == nil
            ? MeetingsService.CancelInput() : try req.decodeStrict(MeetingsService.CancelInput.self)
        return try await respond(try await MeetingsService.cancel(req.caller, id: id, input), req)
    }

    @Sendable static func hostSuggestion(_ req: Request) async throws -> HostOut {
        try await req.require(.viewTree)
        guard let raw = req.query[String.self, at: "bodyId"], let bodyID = Int(raw), bodyID > 0 else {
            throw AppError.badRequest(.errorBadID, args: [req.query[String.self, at: "bodyId"] ?? ""])
        }
        let day =
            try req.query[String.self, at: "date"].map { try MeetingsService.day($0, today: req.clock.today) }
            ?? req.clock.today
        guard let body = try? await MeetingBodies.visible(bodyID, req.caller) else {
            return HostOut(unitID: nil, name: nil)
        }
        let next = try await MeetingFacts.suggestedHost(bodyID: body.id, on: day, db: req.db)
        return HostOut(unitID: next?.unitID, name: next?.name)
    }

    // MARK: Tasks

    @Sendable static func tasks(_ req: Request) async throws -> [DecisionOut] {
        let v = try req.requireViewer()
        return try await MeetingTasks.owned(by: try await MeetingAccess.of(v, on: req.db), on: req.db)
            .map(decisionOut)
    }

    @Sendable static func done(_ req: Request) async throws -> DecisionOut {
        decisionOut(
            try await MeetingsService.done(
                req.caller, decisionID: try req.intParameter("id"),
                try req.decodeStrict(MeetingsService.DoneInput.self)))
    }

    // MARK: Export and feeds

    @Sendable static func export(_ req: Request) async throws -> Response {
        try await MeetingsExport.csv(req.caller, try Filter.from(req))
    }

    @Sendable static func feedToken(_ req: Request) async throws -> FeedOut {
        try await MeetingsFeed.regenerate(req.caller, base: MeetingsFeed.base(req))
    }
}
