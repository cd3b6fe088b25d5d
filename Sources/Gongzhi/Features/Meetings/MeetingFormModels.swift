import Fluent
import Vapor

/// The desk's new meeting form: kind, body, the community or street, day and time, place, title, and the host the
/// rotation suggests for a body's meeting on that day.
struct NewMeetingModel: Sendable {
    var nodes: [(id: Int, name: String)]
    var bodies: [MeetingBodies.Body]
    var suggested: MeetingBodies.MemberUnit?
    var members: [MeetingBodies.MemberUnit]

    struct State: Sendable {
        var kind: MeetingKind = .communityQuarterly
        var bodyID: Int?
        var nodeID: Int?
        var date = ""
        var time = "09:00"
        var duration = String(MeetingFacts.defaultMinutes)
        var place = ""
        var title = ""
        var host = ""
        var hostUnitID: Int?
        var error: AppError?
    }

    static func query(_ v: Viewer, _ s: State, _ caller: Caller) async throws -> NewMeetingModel {
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: caller.db)
            .filter { $0.kind == .communityCommittee || $0.kind == .streetCommittee }
        var suggested: MeetingBodies.MemberUnit?
        var members: [MeetingBodies.MemberUnit] = []
        if let b = s.bodyID, let body = try? await MeetingBodies.visible(b, caller),
            let day = LocalDate(s.date)
        {
            members = try await MeetingBodies.memberUnits(body.id, on: day, db: caller.db)
            suggested = try await MeetingFacts.suggestedHost(bodyID: body.id, on: day, db: caller.db)
        }
        return NewMeetingModel(
            nodes: nodes.map { ($0.id!, $0.name) }, bodies: try await MeetingBodies.visibleBodies(caller),
            suggested: suggested, members: members)
    }

    static func body(_ m: NewMeetingModel, _ s: State, csrf: HTML, _ lang: Lang) -> HTML {
        func field(_ f: String) -> HTML {
            Widgets.fieldProblem(s.error, f, lang)
        }
        let kinds = Widgets.options(MeetingKind.allCases, selected: s.kind, lang: lang) { $0.labelKey }
        let bodies = Widgets.options(
            [("", lang.t(.meetingNoBody))] + m.bodies.map { (String($0.id), $0.name) },
            selected: s.bodyID.map(String.init) ?? "")
        let nodes = Widgets.options(
            m.nodes.map { (String($0.id), $0.name) }, selected: (s.nodeID ?? m.nodes.first?.id).map(String.init))
        let hostUnitID = s.hostUnitID ?? m.suggested?.unitID
        let hosts = Widgets.options(
            [("", "—")] + m.members.map { (String($0.unitID), $0.name) }, selected: hostUnitID.map(String.init) ?? "")
        let suggestion: HTML =
            m.suggested.map {
                "<p class=\"muted\" id=\"host-suggestion\">\(lang.t(.meetingHostSuggested, $0.name))</p>"
            }
            ?? ""
        let hostUnits: HTML =
            m.members.isEmpty
            ? ""
            : """
            <label for="hostUnitId">\(lang.t(.meetingHostUnit))</label>\
            <select id="hostUnitId" name="hostUnitId">\(hosts)</select>\(suggestion)\(field("hostUnitId"))
            """
        return """
            <h1>\(lang.t(.meetingNew))</h1>\(Widgets.errorSummary(s.error, lang: lang, id: "meeting-error"))
            <form method="get" action="\(MeetingsRoute.new)" class="card row" id="meeting-body">\
            <label for="q-body">\(lang.t(.meetingBody))</label><select id="q-body" name="bodyId">\(bodies)</select> \
            <label for="q-date">\(lang.t(.meetingDate))</label>\
            <input id="q-date" name="date" type="date" value="\(s.date)"> \
            <button type="submit" class="secondary">\(lang.t(.meetingSuggestHost))</button></form>
            <form method="post" action="\(MeetingsRoute.list)" class="card" id="meeting-form">\(csrf)
            <label for="kind">\(lang.t(.meetingKind))</label><select id="kind" name="kind">\(kinds)</select>
            <input type="hidden" name="bodyId" value="\(s.bodyID.map(String.init) ?? "")">
            <label for="orgNodeId">\(lang.t(.meetingNode))</label>\
            <select id="orgNodeId" name="orgNodeId">\(nodes)</select>\(field("orgNodeId"))
            <label for="title">\(lang.t(.meetingTitle))</label><input id="title" name="title" maxlength="200" \
            value="\(s.title)">\(field("title"))
            <label for="date">\(lang.t(.meetingDate))</label><input id="date" name="date" type="date" required \
            value="\(s.date)">\(field("date"))
            <label for="time">\(lang.t(.meetingTime))</label><input id="time" name="time" type="time" \
            value="\(s.time)">\(field("time"))
            <label for="durationMinutes">\(lang.t(.meetingDuration))</label><input id="durationMinutes" \
            name="durationMinutes" type="number" min="15" max="720" value="\(s.duration)">\(field("durationMinutes"))
            <label for="place">\(lang.t(.meetingPlace))</label><input id="place" name="place" maxlength="200" \
            value="\(s.place)">\(field("place"))
            \(hostUnits)
            <label for="host">\(lang.t(.meetingHost))</label><input id="host" name="host" maxlength="100" \
            value="\(s.host)">\(field("host"))
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form>
            """
    }
}

/// A decision as its owner's task: what was decided at which meeting, by when, and the form to report it done.
struct TaskModel: Sendable {
    var row: MeetingDecisionRow
    var meetingID: Int
    var mayReport: Bool

    static func query(_ id: Int, _ caller: Caller) async throws -> TaskModel {
        let v = try caller.requireViewer()
        let access = try await MeetingAccess.of(v, on: caller.db)
        guard let d = try await MeetingDecision.find(id, on: caller.db) else { throw AppError.notFound() }
        let meeting = try await Meeting.find(d.meetingID, on: caller.db)
        let sees = try await meeting.asyncMap { try await access.sees($0, on: caller.db) } ?? false
        guard access.owns(d) || sees else {
            throw await caller.outOfScope("meeting decision \(id)", scopePath: d.path)
        }
        let mayReport = d.state == .open && (access.owns(d) || (meeting.map(access.manages) ?? false))
        let rows = try await MeetingDecisionRow.rows([d], on: caller.db)
        return TaskModel(row: rows[0], meetingID: d.meetingID, mayReport: mayReport)
    }

    static func body(_ m: TaskModel, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let d = m.row.decision
        let done: HTML =
            d.state == .done
            ? """
            <p id="task-done"><span class="tag ok">\(lang.t(key: d.state.labelKey))</span> \(d.doneNote ?? "")</p>
            """
            : ""
        let form: HTML =
            m.mayReport
            ? """
            <form method="post" action="\(MeetingsRoute.taskDone(.value(d.id)))" class="card" id="task-form">\(csrf)\
            <label for="note">\(lang.t(.meetingDoneNote))</label>\
            <textarea id="note" name="note" rows="3" maxlength="2000" required></textarea>\
            <p><button type="submit">\(lang.t(.meetingMarkDone))</button></p></form>
            """ : ""
        let meetingName = m.row.meetingLabel.isEmpty ? lang.t(.meetingOpen) : m.row.meetingLabel
        return """
            <h1>\(lang.t(.meetingTask))</h1>\(Widgets.errorSummary(error, lang: lang, id: "task-error"))
            <p id="task-text"><strong>\(d.text)</strong></p>
            <p>\(lang.t(.meetingOwner)) \(d.ownerName) · \(lang.t(.meetingDue)) \(d.due) · \
            <span class="tag">\(lang.t(key: d.state.labelKey))</span></p>
            <p><a href="\(MeetingsRoute.meeting(.value(m.meetingID)))">\(meetingName) \(m.row.meetingDay)</a></p>
            \(done)\(form)
            """
    }
}

/// Check-in on the phone: the code shown at the meeting, typed or carried by the link a QR code opens.
enum CheckInView {
    static func body(code: String, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <h1>\(lang.t(.meetingCheckIn))</h1>\(Widgets.errorSummary(error, lang: lang, id: "check-in-error"))
        <form method="post" action="\(MeetingsRoute.checkIn)" class="card" id="check-in-form">\(csrf)
        <label for="code">\(lang.t(.meetingCheckInCode))</label>\
        <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required \
        autocomplete="off" value="\(code)">
        <p class="muted">\(lang.t(.meetingCheckInPhoneHint))</p>
        <p><button type="submit">\(lang.t(.meetingCheckIn))</button></p></form>
        <p><a href="\(MeetingsRoute.mine)">\(lang.t(.meetingMine))</a></p>
        """
    }
}

/// The viewer's calendar feed: how to subscribe, and the addresses when a new token has just been made.
enum FeedView {
    static func body(_ feed: MeetingsAPI.FeedOut?, since: Date?, csrf: HTML, _ lang: Lang) -> HTML {
        let urls: HTML =
            feed.map { f -> HTML in
                let bodies: [HTML] = f.bodyFeeds.map { "<li><code>\($0.url)</code></li>" }
                return """
                    <section class="card" id="feed-urls"><p>\(lang.t(.meetingFeedShownOnce))</p>
                    <p><code id="person-feed">\(f.personFeed)</code></p><ul id="body-feeds">\(bodies)</ul></section>
                    """
            } ?? ""
        let existing: HTML =
            since.map { "<p class=\"muted\">\(lang.t(.meetingFeedExists, MeetingPages.time($0)))</p>" } ?? ""
        return """
            <h1>\(lang.t(.meetingFeed))</h1><p>\(lang.t(.meetingFeedHint))</p>\(existing)\(urls)
            <form method="post" action="\(MeetingsRoute.feed)" id="feed-form">\(csrf)\
            <button type="submit">\(lang.t(.meetingFeedNew))</button></form>
            """
    }
}
