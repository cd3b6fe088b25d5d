import Fluent
import Vapor

/// One meeting at the desk (or for an invitee): when and where, the agenda, invitees and their check-in, the
/// check-in code and its link, attendance and quorum, minutes, decisions with owner, due date and state, and the
/// forms of whoever runs it.
struct MeetingPageModel: Sendable {
    var meeting: MeetingsAPI.MeetingOut
    var nodeName: String
    var bodyName: String?
    var manages: Bool
    /// Staff of the meeting's node, who may open the requests on its agenda (an invited member or unit may not).
    var opensRequests: Bool = false
    var mayPropose: Bool
    var myPersonID: Int?
    /// People the desk may invite, units and people (with accounts) a decision may name.
    var people: [(id: Int, name: String)]
    var ownerUnits: [(id: Int, name: String)]
    var ownerPeople: [(id: Int, name: String)]
    var checkInLink: String
    /// Open needs and problems under the meeting's node that whoever runs the meeting may put on the agenda.
    var needs: [ListsQueries.AgendaNeed] = []

    static func query(_ id: Int, _ caller: Caller, base: String) async throws -> MeetingPageModel {
        let (m, access) = try await caller.meeting(id)
        let out = try await MeetingsAPI.out(m, access, now: caller.now, on: caller.db)
        let manages = access.manages(m)
        let node = try await OrgNode.find(m.nodeID, on: caller.db)
        let body =
            try await m.bodyID.asyncMap { id in
                try await MeetingBodies.visibleBodies(caller).first { $0.id == id }
            } ?? nil
        var people: [(id: Int, name: String)] = []
        var units: [(id: Int, name: String)] = []
        var owners: [(id: Int, name: String)] = []
        if manages && m.state == .scheduled {
            let invited = Set(out.invitees.map(\.personID))
            people = try await PeopleQueries.pickable(access.viewer.scope, limit: 300, on: caller.db)
                .filter { !invited.contains($0.id) }.map { ($0.id, $0.name) }
            var seen = Set<Int>()
            if let b = m.bodyID {
                for u in try await MeetingBodies.memberUnits(b, on: m.localDay, db: caller.db)
                where seen.insert(u.unitID).inserted {
                    units.append((u.unitID, u.name))
                }
            }
            for u in try await UnitsQueries.inScope(access.viewer.scope, on: caller.db)
            where seen.insert(u.id).inserted {
                units.append((u.id, u.name))
            }
            let withAccounts = Set(
                try await User.query(on: caller.db).filter(\.$personID ~~ Array(invited)).filter(\.$active == true)
                    .all().compactMap(\.personID))
            owners = out.invitees.filter { withAccounts.contains($0.personID) }.map { ($0.personID, $0.name) }
        }
        let invitedMe = out.invitees.contains { $0.personID == access.personID }
        let mayPropose = m.state == .scheduled && (manages || invitedMe)
        var model = MeetingPageModel(
            meeting: out, nodeName: node?.name ?? "", bodyName: body?.name, manages: manages,
            opensRequests: manages || access.inScope(m),
            mayPropose: mayPropose, myPersonID: access.personID,
            people: people, ownerUnits: units, ownerPeople: owners,
            checkInLink: base + MeetingsRoute.checkIn.query([("code", m.checkInCode)]).description)
        if mayPropose && manages {
            let taken = Set(out.agenda.compactMap(\.listItemID))
            model.needs = try await ListsQueries.agendaNeeds(under: m.path, limit: 50, db: caller.db)
                .filter { !taken.contains($0.id) }
        }
        return model
    }

    static func body(_ m: MeetingPageModel, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let x = m.meeting
        let id = x.id
        let name = x.title.isEmpty ? lang.t(key: x.kind.labelKey) : x.title
        let open = x.state == .scheduled
        let body: HTML = m.bodyName.map { " · \(lang.t(.meetingBody)) \($0)" as HTML } ?? ""
        let cancelled: HTML =
            x.state == .cancelled
            ? "<p class=\"flash error\">\(lang.t(.meetingCancelledNote, x.cancelReason ?? ""))</p>" : ""
        let attendees: HTML =
            x.attendees.isEmpty ? "" : "<p class=\"muted\">\(lang.t(.meetingAttendeesNote)) \(x.attendees)</p>"
        return """
            <h1>\(name) <span class="tag">\(lang.t(MeetingFacts.shown(x.state, x.phase)))</span></h1>
            \(Widgets.errorSummary(error, lang: lang, id: "meeting-error"))\(cancelled)
            <p id="meeting-when">\(lang.t(key: x.kind.labelKey)) · \(m.nodeName)\(body)<br>\
            \(x.date) \(x.time) (\(lang.t(.meetingMinutesLong, String(x.durationMinutes)))) · \(x.place) · \
            \(lang.t(.meetingHost)) \(x.host)</p>
            \(attendees)
            \(m.manages && open ? scheduleForm(x, csrf: csrf, lang) : HTML.empty)
            \(m.manages && open ? checkInSection(m, lang) : HTML.empty)
            \(agendaSection(m, csrf: csrf, lang))
            \(attendanceSection(m, csrf: csrf, lang))
            \(minutesSection(m, csrf: csrf, lang))
            \(decisionsSection(m, csrf: csrf, lang))
            \(m.manages && open ? closeSection(id, csrf: csrf, lang) : HTML.empty)
            <p><a href="\(MeetingsRoute.list)">\(lang.t(.navMeetings))</a></p>
            """
    }

    static func scheduleForm(_ x: MeetingsAPI.MeetingOut, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <details class="card"><summary>\(lang.t(.meetingReschedule))</summary>
        <form method="post" action="\(MeetingsRoute.schedule(.value(x.id)))" id="schedule-form">\(csrf)
        <label for="s-date">\(lang.t(.meetingDate))</label><input id="s-date" name="date" type="date" \
        value="\(x.date)" required>
        <label for="s-time">\(lang.t(.meetingTime))</label><input id="s-time" name="time" type="time" \
        value="\(x.time)">
        <label for="s-place">\(lang.t(.meetingPlace))</label><input id="s-place" name="place" value="\(x.place)" \
        maxlength="200">
        <p><button type="submit">\(lang.t(.actionSave))</button></p></form></details>
        """
    }

    static func checkInSection(_ m: MeetingPageModel, _ lang: Lang) -> HTML {
        """
        <section class="card" id="check-in-code"><h2>\(lang.t(.meetingCheckInCode))</h2>\
        <p class="code"><strong>\(m.meeting.checkInCode ?? "")</strong></p>\
        <p class="muted">\(lang.t(.meetingCheckInHint))</p><p><code id="check-in-url">\(m.checkInLink)</code></p>\
        \(Widgets.qr(m.checkInLink, title: lang.t(.meetingCheckInCode)))</section>
        """
    }

    static func agendaSection(_ m: MeetingPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let items: [HTML] = m.meeting.agenda.map { a in
            var link: HTML = "\(a.title)"
            if let r = a.requestID, m.opensRequests {
                link = "<a href=\"\(RequestsRoute.request(.value(r)))\">\(a.title)</a>"
            } else if let i = a.listItemID, m.manages {
                link = "<a href=\"\(ListsRoute.item(.value(i)))\">\(a.title)</a>"
            }
            let who: HTML = a.proposerName.isEmpty ? "" : " <span class=\"muted\">\(a.proposerName)</span>"
            return "<li>\(link)\(who)</li>"
        }
        let needs: HTML =
            m.needs.isEmpty
            ? ""
            : """
            <label for="a-need">\(lang.t(.meetingAgendaNeed))</label><select id="a-need" name="listItemId">\
            <option value=""></option>\(Widgets.options(m.needs.map { (String($0.id), $0.title) }))</select>
            """
        let form: HTML =
            m.mayPropose
            ? """
            <form method="post" action="\(MeetingsRoute.agenda(.value(m.meeting.id)))" class="row" \
            id="agenda-form">\(csrf)<label for="a-title">\(lang.t(.meetingPropose))</label>\
            <input id="a-title" name="title" maxlength="200">\(needs) \
            <button type="submit">\(lang.t(.actionCreate))</button></form>
            """ : ""
        let none: HTML = "<p class=\"muted\">\(lang.t(.meetingAgendaEmpty))</p>"
        return """
            <section class="card"><h2>\(lang.t(.meetingAgenda))</h2>\
            <p class="muted">\(lang.t(.meetingAgendaHint))</p>\
            \(items.isEmpty ? none : "<ol id=\"agenda\">\(items)</ol>")\(form)</section>
            """
    }

    static func attendanceSection(_ m: MeetingPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let x = m.meeting
        let quorum: HTML =
            x.quorum.map { q -> HTML in
                let tag: HTML =
                    q.met
                    ? "<span class=\"tag ok\">\(lang.t(.meetingQuorumMet))</span>"
                    : "<span class=\"tag warn\">\(lang.t(.meetingQuorumNotMet))</span>"
                return """
                    \(lang.t(.meetingQuorum, String(q.present), String(q.roster), String(q.needed))) \(tag)
                    """
            } ?? "\(lang.t(.meetingQuorumNone))"
        let open = x.state == .scheduled
        let rows: [HTML] = x.invitees.map { i in
            let state: HTML
            if let at = i.checkedInAt {
                state = "<span class=\"tag ok\">\(lang.t(.meetingCheckedIn)) \(MeetingPages.time(at))</span>"
            } else if m.manages && open {
                state = """
                    <form method="post" action="\(MeetingsRoute.attendance(.value(x.id)))" class="inline">\(csrf)\
                    <input type="hidden" name="personId" value="\(i.personID)">\
                    <button type="submit" class="secondary" id="check-in-\(i.personID)">\
                    \(lang.t(.meetingCheckInAtDesk))</button></form>
                    """
            } else {
                state = "<span class=\"tag\">\(lang.t(.meetingNotCheckedIn))</span>"
            }
            let source = lang.t(key: "meeting.source.\(i.source == "roster" ? "roster" : "added")")
            return "<tr><td>\(i.name)</td><td class=\"muted\">\(source)</td><td>\(state)</td></tr>"
        }
        let invite: HTML =
            m.manages && open && !m.people.isEmpty
            ? """
            <form method="post" action="\(MeetingsRoute.invitees(.value(x.id)))" class="row" id="invite-form">\
            \(csrf)<label for="i-person">\(lang.t(.meetingInvite))</label>\
            \(Widgets.filter(for: "i-person", label: lang.t(.fieldPersonFind)))\
            <select id="i-person" name="personId" required><option value="">—</option>\
            \(Widgets.options(m.people.map { (String($0.id), $0.name) }))</select> \
            <button type="submit">\(lang.t(.actionCreate))</button></form>
            """ : ""
        return """
            <section class="card"><h2>\(lang.t(.meetingAttendance))</h2>\
            <p id="attendance">\(lang.t(.meetingAttendanceCount, String(x.present), String(x.invited)))</p>\
            <p id="quorum">\(quorum)</p>
            <table id="invitees"><thead><tr><th>\(lang.t(.meetingInvitee))</th><th>\(lang.t(.meetingSource))</th>\
            <th>\(lang.t(.meetingCheckIn))</th></tr></thead><tbody>\(rows)</tbody></table>\(invite)</section>
            """
    }

    static func minutesSection(_ m: MeetingPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let x = m.meeting
        if m.manages && x.state == .scheduled {
            return """
                <section class="card"><h2>\(lang.t(.meetingMinutes))</h2>\
                <form method="post" action="\(MeetingsRoute.minutes(.value(x.id)))" id="minutes-form">\(csrf)\
                <textarea name="minutes" rows="6" maxlength="20000" aria-label="\(lang.t(.meetingMinutes))">\
                \(x.minutes)</textarea><p><button type="submit">\(lang.t(.actionSave))</button></p></form></section>
                """
        }
        let text: HTML =
            x.minutes.isEmpty
            ? "<p class=\"muted\">\(lang.t(.meetingNoMinutes))</p>" : "<p class=\"pre\">\(x.minutes)</p>"
        return "<section class=\"card\" id=\"minutes\"><h2>\(lang.t(.meetingMinutes))</h2>\(text)</section>"
    }

    static func decisionsSection(_ m: MeetingPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let x = m.meeting
        let rows: [HTML] = x.decisions.map { d in
            let state: HTML =
                d.state == .done
                ? "<span class=\"tag ok\">\(lang.t(key: d.state.labelKey))</span> \(d.doneNote ?? "")"
                : "<span class=\"tag warn\">\(lang.t(key: d.state.labelKey))</span>"
            return """
                <tr><td><a href="\(MeetingsRoute.task(.value(d.id)))">\(d.text)</a></td><td>\(d.ownerName)</td>\
                <td>\(d.due)</td><td>\(state)</td></tr>
                """
        }
        let form: HTML =
            m.manages && x.state == .scheduled
            ? """
            <form method="post" action="\(MeetingsRoute.decisions(.value(x.id)))" id="decision-form">\(csrf)
            <label for="d-text">\(lang.t(.meetingDecisionWhat))</label>\
            <textarea id="d-text" name="text" rows="2" maxlength="2000" required></textarea>
            <p class="muted">\(lang.t(.meetingOwnerHint))</p>
            <label for="d-unit">\(lang.t(.meetingOwnerUnit))</label><select id="d-unit" name="unitId">\
            <option value="">—</option>\(Widgets.options(m.ownerUnits.map { (String($0.id), $0.name) }))</select>
            <label for="d-person">\(lang.t(.meetingOwnerPerson))</label>\
            \(Widgets.filter(for: "d-person", label: lang.t(.fieldPersonFind)))\
            <select id="d-person" name="personId">\
            <option value="">—</option>\(Widgets.options(m.ownerPeople.map { (String($0.id), $0.name) }))</select>
            <label for="d-due">\(lang.t(.meetingDue))</label><input id="d-due" name="due" type="date" required>
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form>
            """ : ""
        let none: HTML = "<p class=\"muted\">\(lang.t(.meetingNoDecisions))</p>"
        let table: HTML =
            rows.isEmpty
            ? none
            : """
            <table id="decisions"><thead><tr><th>\(lang.t(.meetingDecisionWhat))</th><th>\(lang.t(.meetingOwner))</th>\
            <th>\(lang.t(.meetingDue))</th><th>\(lang.t(.meetingState))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return """
            <section class="card"><h2>\(lang.t(.meetingDecisions))</h2>\(table)\(form)</section>
            """
    }

    static func closeSection(_ id: Int, csrf: HTML, _ lang: Lang) -> HTML {
        """
        <section class="card row" id="close-cancel">\
        <form method="post" action="\(MeetingsRoute.close(.value(id)))" class="inline">\(csrf)\
        <button type="submit" id="close-meeting">\(lang.t(.meetingClose))</button></form> \
        <form method="post" action="\(MeetingsRoute.cancel(.value(id)))" class="inline">\(csrf)\
        <input name="reason" maxlength="200" aria-label="\(lang.t(.meetingCancelReason))" \
        placeholder="\(lang.t(.meetingCancelReason))"> \
        <button type="submit" class="secondary" id="cancel-meeting">\(lang.t(.meetingCancel))</button></form>\
        </section>
        """
    }
}
