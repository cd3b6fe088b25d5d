import Fluent
import SQLKit
import Vapor

/// Meetings' changes. Each takes a `Caller`, checks everything before it writes, and writes the change with its
/// audit entry in one transaction: nothing is half-saved.
enum MeetingsService {
    struct CreateInput: StrictInput {
        static let fields: Set<String> = [
            "kind", "title", "orgNodeID", "communityNodeID", "bodyID", "date", "time", "durationMinutes", "place",
            "host", "hostUnitID", "attendees",
        ]
        var kind: MeetingKind?
        var title: String?
        var orgNodeID: Int?
        /// The request loop's name for the node (kept for clients of the old joint meetings).
        var communityNodeID: Int?
        var bodyID: Int?
        var date: String
        var time: String?
        var durationMinutes: Int?
        var place: String?
        var host: String?
        var hostUnitID: Int?
        var attendees: String?
    }

    struct ScheduleInput: StrictInput {
        static let fields: Set<String> = ["title", "date", "time", "durationMinutes", "place", "host"]
        var title: String?
        var date: String?
        var time: String?
        var durationMinutes: Int?
        var place: String?
        var host: String?
    }

    struct AgendaInput: StrictInput {
        static let fields: Set<String> = ["title", "requestID", "listItemID"]
        var title: String?
        var requestID: Int?
        /// A need or problem of the four lists under the meeting's node, not closed and not fully met.
        var listItemID: Int?
    }

    struct InviteeInput: StrictInput {
        static let fields: Set<String> = ["personID"]
        let personID: Int
    }

    struct CheckInInput: StrictInput {
        static let fields: Set<String> = ["code"]
        let code: String
    }

    struct MinutesInput: StrictInput {
        static let fields: Set<String> = ["minutes"]
        let minutes: String
    }

    struct DecisionInput: StrictInput {
        static let fields: Set<String> = ["text", "unitID", "personID", "due"]
        var text: String
        var unitID: Int?
        var personID: Int?
        var due: String
    }

    struct CancelInput: StrictInput {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    struct DoneInput: StrictInput {
        static let fields: Set<String> = ["note"]
        var note: String
    }

    // MARK: Checks shared by the API and the forms

    static func day(_ raw: String?, field: String = "date", today: LocalDate) throws -> LocalDate {
        let day = try FormDate.requiredDay(raw, field: field)
        guard MeetingSchedule.plausible(day, today: today) else {
            throw AppError.invalid(.errorMeetingDateRange, args: [String(MeetingSchedule.yearsAhead)], field: field)
        }
        return day
    }

    static func time(_ raw: String?) throws -> Int? {
        guard let raw = raw?.trimmingWhitespace(), !raw.isEmpty else { return nil }
        guard let t = MeetingSchedule.time(raw) else { throw AppError.invalid(.errorMeetingTime, field: "time") }
        return t
    }

    static func duration(_ raw: Int?) throws -> Int? {
        guard let raw else { return nil }
        guard MeetingSchedule.minutes.contains(raw) else {
            throw AppError.invalid(
                .errorFormNumber,
                args: [String(MeetingSchedule.minutes.lowerBound), String(MeetingSchedule.minutes.upperBound)],
                field: "durationMinutes")
        }
        return raw
    }

    static func text(_ raw: String?, max: Int, field: String, required: Text? = nil) throws -> String {
        let t = (raw ?? "").trimmingWhitespace()
        if let required, t.isEmpty { throw AppError.invalid(required, field: field) }
        if t.count > max { throw AppError.invalid(.errorMeetingTooLong, args: [String(max)], field: field) }
        return t
    }

    /// A check-in code no other meeting of that day uses.
    static func freshCode(for day: LocalDate, on db: any Database) async throws -> String {
        let used = Set(try await Meeting.query(on: db).filter(\.$day == day.description).all().map(\.checkInCode))
        var codes = RandomCodes()
        var code = codes.next()
        while used.contains(code) { code = codes.next() }
        return code
    }

    // MARK: Create and change

    static func create(_ caller: Caller, _ input: CreateInput) async throws -> Meeting {
        let v = try caller.requireViewer()
        guard MeetingAccess.managers.contains(v.role) else { throw await caller.forbidden("create meeting") }
        let kind = input.kind ?? .requestDecision
        let body = try await input.bodyID.asyncMap { try await MeetingBodies.visible($0, field: "bodyId", caller) }
        let nodeField = input.orgNodeID != nil ? "orgNodeId" : "communityNodeId"
        let given = [input.orgNodeID, input.communityNodeID].compactMap { $0 }
        if Set(given).count > 1 { throw AppError.invalid(.errorMeetingNode, field: "orgNodeId") }
        guard let nodeID = given.first ?? body?.nodeID else {
            throw AppError.invalid(.errorMeetingNode, field: "orgNodeId")
        }
        let node = try await OrgQueries.findForChange(nodeID, caller, field: nodeField)
        guard MeetingFacts.fits(kind, node.kind) else {
            throw AppError.invalid(
                kind.isStreetLevel ? .errorMeetingStreet : .errorMeetingCommunity, field: nodeField)
        }
        if let body, body.nodeID != node.id! { throw AppError.invalid(.errorMeetingBodyNode, field: "bodyId") }
        let day = try Self.day(input.date, today: caller.today)
        let start = try time(input.time) ?? MeetingFacts.defaultStart
        let minutes = try duration(input.durationMinutes) ?? MeetingFacts.defaultMinutes
        let title = try Self.text(input.title, max: MeetingFacts.maxTitle, field: "title")
        let place = try Self.text(input.place, max: MeetingFacts.maxPlace, field: "place")
        var host = try Self.text(input.host, max: MeetingFacts.maxHost, field: "host")
        var hostUnit: (id: Int, name: String)?
        if let unitID = input.hostUnitID {
            hostUnit = try await unit(unitID, field: "hostUnitId", body: body, day: day, caller)
        } else if let body, kind.rotatesHost,
            let next = try await MeetingFacts.suggestedHost(bodyID: body.id, on: day, db: caller.db)
        {
            hostUnit = (next.unitID, next.name)
        }
        if host.isEmpty, let hostUnit { host = hostUnit.name }
        if host.isEmpty { throw AppError.invalid(.errorMeetingHost, field: "host") }
        let roster = try await body.asyncMap { try await MeetingBodies.roster($0.id, on: day, db: caller.db) } ?? []
        let m = Meeting()
        m.kind = kind
        m.title = title
        m.nodeID = node.id!
        m.path = node.path
        m.bodyID = body?.id
        m.day = day.description
        m.startsAt = Date(timeIntervalSince1970: MeetingSchedule.instant(day, minutes: start))
        m.endsAt = m.startsAt.addingTimeInterval(Double(minutes * 60))
        m.place = place
        m.host = host
        m.hostUnitID = hostUnit?.id
        m.attendeesNote = try FormText.text(input.attendees, field: "attendees", max: 1000, required: false)
        m.state = .scheduled
        m.sequence = 0
        m.minutes = ""
        m.createdByUserID = v.user.id
        let label = "\(node.name) \(m.day) \(caller.t(key: kind.labelKey))"
        let meeting = m
        try await caller.db.writing { db in
            meeting.checkInCode = try await freshCode(for: day, on: db)
            try await meeting.create(on: db)
            var seen = Set<Int>()
            for seat in roster where seen.insert(seat.personID).inserted {
                let i = MeetingInvitee()
                i.meetingID = meeting.id!
                i.personID = seat.personID
                i.name = seat.name
                i.unitID = seat.unitID
                i.source = "roster"
                i.path = meeting.path
                try await i.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .meeting, id: meeting.id!, label: label,
                scopePath: meeting.path,
                before: nil as String?,
                after: [
                    "kind": kind.rawValue, "date": meeting.day, "time": MeetingSchedule.timeText(start),
                    "place": meeting.place, "host": meeting.host, "body": body.map { String($0.id) } ?? "",
                    "invited": String(seen.count),
                ])
        }
        return m
    }

    /// A unit named as a host or a decision's owner: in the caller's scope, or a member unit of the meeting's body
    /// on its day; anything else is a 422 naming the field.
    static func unit(_ id: Int, field: String, body: MeetingBodies.Body?, day: LocalDate, _ caller: Caller)
        async throws -> (id: Int, name: String)
    {
        if let body,
            let member = try await MeetingBodies.memberUnits(body.id, on: day, db: caller.db)
                .first(where: { $0.unitID == id })
        {
            return (member.unitID, member.name)
        }
        let u = try await UnitsQueries.scopedActive(id, field: field, caller)
        return (u.id, u.name)
    }

    static func reschedule(_ caller: Caller, id: Int, _ input: ScheduleInput) async throws -> Meeting {
        let (m, v) = try await caller.managedMeeting(id)
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        let before = snapshot(m)
        let day = try input.date.map { try Self.day($0, today: caller.today) } ?? m.localDay
        let start = try time(input.time) ?? MeetingFacts.startMinutes(m)
        let minutes = try duration(input.durationMinutes) ?? MeetingFacts.durationMinutes(m)
        let place = try input.place.map { try text($0, max: MeetingFacts.maxPlace, field: "place") } ?? m.place
        let title = try input.title.map { try text($0, max: MeetingFacts.maxTitle, field: "title") } ?? m.title
        let host =
            try input.host.map { try text($0, max: MeetingFacts.maxHost, field: "host", required: .errorMeetingHost) }
            ?? m.host
        let startsAt = Date(timeIntervalSince1970: MeetingSchedule.instant(day, minutes: start))
        let endsAt = startsAt.addingTimeInterval(Double(minutes * 60))
        let moved = startsAt != m.startsAt || endsAt != m.endsAt || place != m.place
        m.title = title
        m.host = host
        m.place = place
        let dayChanged = day.description != m.day
        m.day = day.description
        m.startsAt = startsAt
        m.endsAt = endsAt
        if moved { m.sequence += 1 }
        try await caller.db.writing { db in
            if dayChanged { m.checkInCode = try await freshCode(for: day, on: db) }
            try await m.update(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meeting, id: m.id!, label: "\(m.day)",
                scopePath: m.path,
                before: before, after: snapshot(m))
        }
        return m
    }

    static func snapshot(_ m: Meeting) -> [String: String] {
        [
            "date": m.day, "time": MeetingSchedule.timeText(MeetingFacts.startMinutes(m)),
            "minutes": String(MeetingFacts.durationMinutes(m)), "place": m.place, "host": m.host, "title": m.title,
            "state": m.state.rawValue, "sequence": String(m.sequence),
        ]
    }

    static func propose(_ caller: Caller, id: Int, _ input: AgendaInput) async throws -> MeetingAgendaItem {
        let (m, access) = try await caller.meeting(id)
        let v = access.viewer
        let invited = try await access.personID.asyncMap { p in
            try await MeetingInvitee.query(on: caller.db).filter(\.$meetingID == id).filter(\.$personID == p).first()
        }
        guard access.manages(m) || invited != nil else {
            throw await caller.forbidden("propose to meeting \(id)", scopePath: m.path)
        }
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        var title = try Self.text(input.title, max: MeetingFacts.maxTitle, field: "title")
        if let requestID = input.requestID {
            let open = try await RequestsQueries.awaitingDecision(communityNodeID: m.nodeID, on: caller.db)
            guard let r = open.first(where: { $0.id == requestID }) else {
                throw AppError.invalid(.errorRefUnknown, field: "requestId")
            }
            let already = try await MeetingAgendaItem.query(on: caller.db).filter(\.$meetingID == id)
                .filter(\.$requestID == requestID).count()
            if already > 0 { throw AppError.conflict(.errorMeetingAgendaTwice) }
            if title.isEmpty { title = "\(r.number) \(String(r.text.prefix(60)))" }
        }
        if let itemID = input.listItemID {
            // The lists' items are staff's records (a resident sees only public ones): invitees propose by title.
            guard access.manages(m) else { throw await caller.forbidden("need on meeting \(id)", scopePath: m.path) }
            if input.requestID != nil { throw AppError.invalid(.errorMeetingAgendaOne, field: "listItemId") }
            guard let need = try await ListsQueries.agendaNeed(itemID, under: m.path, db: caller.db) else {
                throw AppError.invalid(.errorRefUnknown, field: "listItemId")
            }
            let already = try await MeetingAgendaItem.query(on: caller.db).filter(\.$meetingID == id)
                .filter(\.$listItemID == itemID).count()
            if already > 0 { throw AppError.conflict(.errorMeetingAgendaTwice) }
            if title.isEmpty { title = need.title }
        }
        if title.isEmpty { throw AppError.invalid(.errorMeetingAgendaTitle, field: "title") }
        let itemTitle = title
        let item = MeetingAgendaItem()
        item.meetingID = id
        item.title = title
        item.requestID = input.requestID
        item.listItemID = input.listItemID
        item.proposerName = v.user.displayName
        item.proposerUserID = v.user.id
        item.path = m.path
        try await caller.db.writing { db in
            try await item.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .meetingAgendaItem, id: item.id!, label: itemTitle,
                scopePath: m.path,
                before: nil as String?,
                after: [
                    "meeting": String(id), "request": input.requestID.map(String.init),
                    "need": input.listItemID.map(String.init),
                ])
        }
        return item
    }

    static func invite(_ caller: Caller, id: Int, _ input: InviteeInput) async throws -> MeetingInvitee {
        let (m, v) = try await caller.managedMeeting(id)
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        let p = try await PeopleQueries.scopedActive(input.personID, field: "personId", caller)
        let existing = try await MeetingInvitee.query(on: caller.db).filter(\.$meetingID == id)
            .filter(\.$personID == p.id).count()
        if existing > 0 { throw AppError.conflict(.errorMeetingInvitedTwice) }
        let i = MeetingInvitee()
        i.meetingID = id
        i.personID = p.id
        i.name = p.name
        i.source = "added"
        i.path = m.path
        try await caller.db.writing { db in
            try await i.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .meetingInvitee, id: i.id!, label: p.name,
                scopePath: m.path,
                before: nil as String?, after: ["meeting": String(id), "person": String(p.id)])
        }
        return i
    }

    static func refusal(_ r: CheckIn.Refusal, field: String?) -> AppError {
        switch r {
        case .notInvited:
            var e = AppError(status: .forbidden, code: "not_invited", messageKey: r.messageKey)
            if let field { e = .invalid(key: r.messageKey, field: field) }
            return e
        case .already, .notOpen: return AppError.conflict(key: r.messageKey)
        case .notToday: return AppError.invalid(key: r.messageKey, field: field)
        }
    }

    /// Staff record someone's attendance at the desk: an invitee, once, once the meeting has begun.
    static func recordAttendance(_ caller: Caller, id: Int, _ input: InviteeInput) async throws -> MeetingInvitee {
        let (m, v) = try await caller.managedMeeting(id)
        let invitee = try await MeetingInvitee.query(on: caller.db).filter(\.$meetingID == id)
            .filter(\.$personID == input.personID).first()
        do {
            try CheckIn.check(
                invited: invitee != nil, alreadyCheckedIn: invitee?.checkedInAt != nil, state: m.state,
                meeting: m.span, now: caller.now, channel: .desk)
        } catch {
            throw refusal(error, field: "personId")
        }
        return try await checkIn(invitee!, m, by: v, channel: .desk, caller)
    }

    /// An invitee checks in on the phone with the code shown at the meeting, within its window.
    static func checkIn(_ caller: Caller, _ input: CheckInInput) async throws -> (Meeting, MeetingInvitee) {
        let v = try caller.requireViewer()
        try await CodeGuesses.check(caller)
        let unknown = AppError.invalid(.errorMeetingCode, field: "code")
        let code = input.code.trimmingWhitespace()
        guard CheckIn.isWellFormed(code) else { throw await CodeGuesses.wrong(caller, unknown) }
        let today = caller.today
        let candidates = try await Meeting.query(on: caller.db).filter(\.$checkInCode == code)
            .filter(\.$state != .cancelled).sort(\.$day, .descending).all()
        let todays = candidates.filter { $0.day == today.description }
        guard let first = todays.first ?? candidates.first else { throw await CodeGuesses.wrong(caller, unknown) }
        var meeting = first
        var invitee: MeetingInvitee?
        if let personID = v.user.personID {
            for m in todays + (todays.isEmpty ? [first] : []) {
                if let i = try await MeetingInvitee.query(on: caller.db).filter(\.$meetingID == m.id!)
                    .filter(\.$personID == personID).first()
                {
                    meeting = m
                    invitee = i
                    break
                }
            }
        }
        // Not invited answers first, as an unknown code would: the meeting's state is nothing a guess may learn.
        guard let invitee else {
            await AccessLog.write(
                caller, .forbiddenChange, detail: "check in to meeting \(meeting.id!) not invited",
                scopePath: meeting.path)
            throw await CodeGuesses.wrong(caller, unknown)
        }
        do {
            try CheckIn.check(
                invited: true, alreadyCheckedIn: invitee.checkedInAt != nil, state: meeting.state,
                meeting: meeting.span, now: caller.now, channel: .phone)
        } catch {
            throw refusal(error, field: error == .notToday ? "code" : nil)
        }
        return (meeting, try await checkIn(invitee, meeting, by: v, channel: .phone, caller))
    }

    private static func checkIn(
        _ i: MeetingInvitee, _ m: Meeting, by v: Viewer, channel: CheckIn.Channel, _ caller: Caller
    ) async throws -> MeetingInvitee {
        i.checkedInAt = caller.now
        i.checkedInByUserID = v.user.id
        i.checkInChannel = channel
        try await caller.db.writing { db in
            // Once only, even when two check-ins race: the row changes only while it has no check-in.
            let sql = try db.sql()
            let changed = try await sql.update(MeetingInvitee.schema)
                .set("checked_in_at", to: SQLBind(i.checkedInAt!)).set(
                    "checked_in_by_user_id", to: SQLBind(v.user.id!)
                )
                .set("check_in_channel", to: SQLBind(channel.rawValue))
                .where("id", .equal, SQLBind(i.id!)).where("checked_in_at", .is, SQLLiteral.null)
                .returning("id").all()
            if changed.isEmpty { throw AppError.conflict(key: CheckIn.Refusal.already.messageKey) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meetingInvitee, id: i.id!, label: i.name,
                scopePath: m.path,
                before: ["checkedIn": "no"], after: ["checkedIn": channel.rawValue, "meeting": String(m.id!)])
        }
        return i
    }

    static func saveMinutes(_ caller: Caller, id: Int, _ input: MinutesInput) async throws -> Meeting {
        let (m, v) = try await caller.managedMeeting(id)
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        let text = try Self.text(input.minutes, max: MeetingFacts.maxMinutes, field: "minutes")
        let before = m.minutes.count
        m.minutes = text
        try await caller.db.writing { db in
            try await m.update(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meeting, id: id, label: m.day, scopePath: m.path,
                before: ["minutesLength": String(before)], after: ["minutesLength": String(text.count)])
        }
        return m
    }

    static func decide(_ caller: Caller, id: Int, _ input: DecisionInput) async throws -> MeetingDecision {
        let (m, v) = try await caller.managedMeeting(id)
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        let text = try Self.text(
            input.text, max: MeetingFacts.maxText, field: "text", required: .errorMeetingDecisionWhat)
        switch (input.unitID, input.personID) {
        case (nil, nil): throw AppError.invalid(.errorMeetingDecisionOwner, field: "owner")
        case (.some, .some): throw AppError.invalid(.errorMeetingDecisionOneOwner, field: "owner")
        default: break
        }
        let due = try Self.day(input.due, field: "due", today: caller.today)
        if due < m.localDay { throw AppError.invalid(.errorMeetingDueBefore, field: "due") }
        let d = MeetingDecision()
        if let unitID = input.unitID {
            let body = try await m.bodyID.asyncMap { try await MeetingBodies.visible($0, field: "unitId", caller) }
            let u = try await unit(unitID, field: "unitId", body: body, day: m.localDay, caller)
            d.ownerUnitID = u.id
            d.ownerName = u.name
        }
        if let personID = input.personID {
            let p = try await PeopleQueries.scopedActive(personID, field: "personId", caller)
            let account = try await User.query(on: caller.db).filter(\.$personID == p.id).filter(\.$active == true)
                .first()
            guard account != nil else { throw AppError.invalid(.errorMeetingOwnerAccount, field: "personId") }
            d.ownerPersonID = p.id
            d.ownerName = p.name
        }
        d.meetingID = id
        d.text = text
        d.due = due.description
        d.state = .open
        d.path = m.path
        try await caller.db.writing { db in
            try await d.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .meetingDecision, id: d.id!,
                label: String(text.prefix(60)),
                scopePath: m.path, before: nil as String?,
                after: ["meeting": String(id), "owner": d.ownerName, "due": d.due])
        }
        return d
    }

    static func close(_ caller: Caller, id: Int) async throws -> Meeting {
        let (m, v) = try await caller.managedMeeting(id)
        let decisions = try await MeetingDecision.query(on: caller.db).filter(\.$meetingID == id).all()
        do {
            try MeetingClosing.check(
                state: m.state,
                decisions: decisions.map { .init(hasOwner: $0.hasOwner, due: LocalDate($0.due)) },
                startsAt: m.startsAt, now: caller.now)
        } catch {
            if error == .notScheduled { throw AppError.conflict(.errorMeetingNotScheduled) }
            if error == .notStarted { throw AppError.conflict(.errorMeetingCloseNotStarted) }
            throw AppError.invalid(key: error.messageKey, field: "decisions")
        }
        // The requests still awaiting a decision were on the agenda: the closed meeting keeps them.
        let stored = Set(
            try await MeetingAgendaItem.query(on: caller.db).filter(\.$meetingID == id).all().compactMap(\.requestID))
        let live =
            m.kind == .requestDecision || m.bodyID == nil
            ? try await RequestsQueries.awaitingDecision(communityNodeID: m.nodeID, on: caller.db)
                .filter { !stored.contains($0.id) } : []
        let before = snapshot(m)
        m.state = .closed
        m.closedAt = caller.now
        m.sequence += 1
        try await caller.db.writing { db in
            for r in live {
                let item = MeetingAgendaItem()
                item.meetingID = id
                item.title = "\(r.number) \(String(r.text.prefix(60)))"
                item.requestID = r.id
                item.proposerName = ""
                item.path = m.path
                try await item.create(on: db)
            }
            try await m.update(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meeting, id: id, label: m.day, scopePath: m.path,
                before: before,
                after: snapshot(m))
        }
        return m
    }

    static func cancel(_ caller: Caller, id: Int, _ input: CancelInput) async throws -> Meeting {
        let (m, v) = try await caller.managedMeeting(id)
        guard m.state == .scheduled else { throw AppError.conflict(.errorMeetingNotScheduled) }
        let reason = try Self.text(input.reason, max: MeetingFacts.maxPlace, field: "reason")
        let before = snapshot(m)
        m.state = .cancelled
        m.cancelReason = reason
        m.sequence += 1
        try await caller.db.writing { db in
            try await m.update(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meeting, id: id, label: m.day, scopePath: m.path,
                before: before,
                after: snapshot(m))
        }
        return m
    }

    /// A decision's owner (or someone who runs its meeting) reports it done, with what was done.
    static func done(_ caller: Caller, decisionID: Int, _ input: DoneInput) async throws -> MeetingDecision {
        let v = try caller.requireViewer()
        let access = try await MeetingAccess.of(v, on: caller.db)
        guard let d = try await MeetingDecision.find(decisionID, on: caller.db) else { throw AppError.notFound() }
        let meeting = try await Meeting.find(d.meetingID, on: caller.db)
        let manages = meeting.map(access.manages) ?? false
        guard access.owns(d) || manages else {
            if let meeting, try await access.sees(meeting, on: caller.db) {
                throw await caller.forbidden("report meeting decision \(decisionID)", scopePath: d.path)
            }
            throw await caller.outOfScope("meeting decision \(decisionID)", scopePath: d.path)
        }
        guard d.state == .open else { throw AppError.conflict(.errorMeetingDecisionDone) }
        let note = try Self.text(input.note, max: MeetingFacts.maxText, field: "note", required: .errorMeetingDoneNote)
        d.state = .done
        d.doneNote = note
        d.doneAt = caller.now
        d.doneByUserID = v.user.id
        try await caller.db.writing { db in
            try await d.update(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .meetingDecision, id: decisionID,
                label: String(d.text.prefix(60)),
                scopePath: d.path, before: ["state": "open"], after: ["state": "done", "note": note])
        }
        return d
    }
}

extension AuditKind {
    static let meeting = AuditKind("meeting")
    static let meetingAgendaItem = AuditKind("meeting_agenda_item")
    static let meetingInvitee = AuditKind("meeting_invitee")
    static let meetingDecision = AuditKind("meeting_decision")
    static let meetingFeed = AuditKind("meeting_feed")
}
