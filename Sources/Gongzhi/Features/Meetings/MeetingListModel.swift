import Fluent
import Vapor

/// The desk's meetings list (filters by body, kind and period, with attendance and decisions) and the phone's
/// "my meetings": the meetings the viewer is invited to, their check-in, and the decisions they owe.
struct MeetingListModel: Sendable {
    var filter: MeetingsAPI.Filter
    var rows: [MeetingsAPI.SummaryOut]
    /// The page shown and the total of the list.
    var page: Paged<Int>
    var url: String
    var nodeNames: [Int: String]
    var bodies: [MeetingBodies.Body]
    var canCreate: Bool
    var canExport: Bool

    static func query(
        _ access: MeetingAccess, _ f: MeetingsAPI.Filter, page: PageRequest, url: String, _ caller: Caller
    ) async throws -> MeetingListModel {
        let paged = try await MeetingsAPI.visible(access, f, page: page, on: caller.db)
        let ms = paged.rows
        let nodes = try await OrgNode.query(on: caller.db).filter(\.$id ~~ Array(Set(ms.map(\.nodeID)))).all()
        return MeetingListModel(
            filter: f, rows: try await MeetingsAPI.summaries(ms, now: caller.now, on: caller.db),
            page: paged.map { $0.id! }, url: url,
            nodeNames: Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0.name) }),
            bodies: try await MeetingBodies.visibleBodies(caller),
            canCreate: MeetingAccess.managers.contains(access.viewer.role),
            canExport: access.viewer.can(.exportData))
    }

    static func table(_ rows: [MeetingsAPI.SummaryOut], nodes: [Int: String], _ lang: Lang) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(lang.t(.meetingNone))</p>" }
        let body: [HTML] = rows.map { r in
            let name = r.title.isEmpty ? lang.t(key: r.kind.labelKey) : r.title
            return """
                <tr><td data-label="\(lang.t(.meetingDate))">\(r.date) \(r.time)</td>\
                <td data-label="\(lang.t(.meetingTitle))"><a href="\(MeetingsRoute.meeting(.value(r.id)))">\(name)</a>\
                </td><td data-label="\(lang.t(.meetingNode))">\(nodes[r.orgNodeID] ?? "")</td>\
                <td data-label="\(lang.t(.meetingHost))">\(r.host)</td>\
                <td data-label="\(lang.t(.meetingState))">\(lang.t(MeetingFacts.shown(r.state, r.phase)))</td>\
                <td class="num" data-label="\(lang.t(.meetingPresent))">\(r.present) / \(r.invited)</td>\
                <td class="num" data-label="\(lang.t(.meetingOpenDecisions))">\(r.openDecisions) / \(r.decisions)</td>\
                </tr>
                """
        }
        return """
            <table id="meetings" class="list"><thead><tr><th>\(lang.t(.meetingDate))</th>\
            <th>\(lang.t(.meetingTitle))</th><th>\(lang.t(.meetingNode))</th><th>\(lang.t(.meetingHost))</th>\
            <th>\(lang.t(.meetingState))</th><th class="num">\(lang.t(.meetingPresent))</th>\
            <th class="num">\(lang.t(.meetingOpenDecisions))</th></tr></thead><tbody>\(body)</tbody></table>
            """
    }

    static func body(_ m: MeetingListModel, _ lang: Lang) -> HTML {
        let f = m.filter
        let kinds = Widgets.options(
            [("", lang.t(.meetingAllKinds))] + MeetingKind.allCases.map { ($0.rawValue, lang.t(key: $0.labelKey)) },
            selected: f.kind?.rawValue ?? "")
        let bodies = Widgets.options(
            [("", lang.t(.meetingAllBodies))] + m.bodies.map { (String($0.id), $0.name) },
            selected: f.bodyID.map(String.init) ?? "")
        let new: HTML =
            m.canCreate ? "<a class=\"button\" href=\"\(MeetingsRoute.new)\">\(lang.t(.meetingNew))</a>" : ""
        let export: HTML =
            m.canExport
            ? """
            <a href="\(MeetingsRoute.export.query(f.query))" id="meetings-export">\(lang.t(.actionExportCSV))</a>
            """
            : ""
        return """
            <h1>\(lang.t(.navMeetings))</h1>
            <p>\(new) \(export) <a href="\(MeetingsRoute.mine)">\(lang.t(.meetingMine))</a> \
            <a href="\(MeetingsRoute.feed)">\(lang.t(.meetingFeed))</a></p>
            <form method="get" action="\(MeetingsRoute.list)" class="row" id="meetings-filter">\
            <label>\(lang.t(.meetingKind)) <select name="kind">\(kinds)</select></label> \
            <label>\(lang.t(.meetingBody)) <select name="bodyId">\(bodies)</select></label> \
            <label>\(lang.t(.visitPeriodFrom)) <input type="date" name="from" value="\(f.from?.description ?? "")">\
            </label> <label>\(lang.t(.visitPeriodTo)) <input type="date" name="to" \
            value="\(f.to?.description ?? "")"></label> <button type="submit">\(lang.t(.actionShow))</button></form>
            \(table(m.rows, nodes: m.nodeNames, lang))\(Widgets.pager(url: m.url, lang: lang, m.page))
            """
    }
}

/// The phone's 我的会议: meetings the viewer is invited to (today's first, each with its check-in), and the
/// decisions they owe.
struct MyMeetingsModel: Sendable {
    struct Row: Sendable {
        let summary: MeetingsAPI.SummaryOut
        let checkedIn: Bool
        let today: Bool
    }
    var rows: [Row]
    var tasks: [MeetingDecisionRow]

    static func query(_ access: MeetingAccess, _ caller: Caller) async throws -> MyMeetingsModel {
        var ids = Set<Int>()
        var checked = Set<Int>()
        if let p = access.personID {
            for i in try await MeetingInvitee.query(on: caller.db).filter(\.$personID == p).all() {
                ids.insert(i.meetingID)
                if i.checkedInAt != nil { checked.insert(i.meetingID) }
            }
        }
        ids.formUnion(try await access.involved(nil, on: caller.db))
        var ms: [Meeting] = []
        for chunk in Array(ids).chunked(500) {
            ms += try await Meeting.query(on: caller.db).filter(\.$id ~~ chunk).all()
        }
        let today = caller.today.description
        ms.sort { a, b in
            let ka = (a.day == today ? 0 : a.day > today ? 1 : 2, a.day > today ? a.day : "", a.day)
            let kb = (b.day == today ? 0 : b.day > today ? 1 : 2, b.day > today ? b.day : "", b.day)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.0 == 1 { return a.day < b.day }
            return a.day > b.day
        }
        ms = Array(ms.prefix(100))
        let summaries = try await MeetingsAPI.summaries(ms, now: caller.now, on: caller.db)
        let tasks = try await MeetingTasks.owned(by: access, on: caller.db)
        return MyMeetingsModel(
            rows: zip(ms, summaries).map {
                Row(summary: $1, checkedIn: checked.contains($0.id!), today: checkInOpen($0, caller.now))
            },
            tasks: try await MeetingDecisionRow.rows(tasks, on: caller.db))
    }

    /// The phone offers check-in while its window is open.
    static func checkInOpen(_ m: Meeting, _ now: Date) -> Bool {
        let early = Double(CheckIn.earlyMinutes * 60)
        return m.state == .scheduled && m.span.admits(now, early: early, late: Double(CheckIn.lateMinutes * 60))
    }

    static func body(_ m: MyMeetingsModel, _ lang: Lang) -> HTML {
        let cards: [HTML] = m.rows.map { r in
            let s = r.summary
            let name = s.title.isEmpty ? lang.t(key: s.kind.labelKey) : s.title
            let action: HTML =
                r.checkedIn
                ? "<span class=\"tag ok\">\(lang.t(.meetingCheckedIn))</span>"
                : r.today && s.state == .scheduled
                    ? "<a class=\"button\" href=\"\(MeetingsRoute.checkIn)\">\(lang.t(.meetingCheckIn))</a>" : ""
            return """
                <div class="card"><a href="\(MeetingsRoute.meeting(.value(s.id)))"><strong>\(name)</strong></a>\
                <br>\(s.date) \(s.time) · \(s.place) · \(lang.t(MeetingFacts.shown(s.state, s.phase))) \(action)</div>
                """
        }
        let none: HTML = "<p class=\"muted\">\(lang.t(.meetingNone))</p>"
        return """
            <h1>\(lang.t(.meetingMine))</h1>
            <p><a class="button" href="\(MeetingsRoute.checkIn)" id="check-in-link">\(lang.t(.meetingCheckIn))</a> \
            <a href="\(MeetingsRoute.feed)">\(lang.t(.meetingFeed))</a></p>
            <section id="my-meetings">\(cards.isEmpty ? none : HTML(raw: cards.map(\.raw).joined()))</section>
            <section><h2>\(lang.t(.meetingMyTasks))</h2>\(MeetingDecisionRow.list(m.tasks, lang, id: "my-tasks"))\
            </section>
            """
    }
}

/// A decision as lists show it: what, whose, by when, its state and its meeting.
struct MeetingDecisionRow: Sendable {
    let decision: MeetingsAPI.DecisionOut
    let meetingLabel: String
    let meetingDay: String

    static func rows(_ ds: [MeetingDecision], on db: any Database) async throws -> [MeetingDecisionRow] {
        guard !ds.isEmpty else { return [] }
        let ms = try await Meeting.query(on: db).filter(\.$id ~~ Array(Set(ds.map(\.meetingID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: ms.map { ($0.id!, $0) })
        return ds.map { d in
            MeetingDecisionRow(
                decision: MeetingsAPI.decisionOut(d), meetingLabel: byID[d.meetingID].map { $0.title } ?? "",
                meetingDay: byID[d.meetingID]?.day ?? "")
        }
    }

    static func list(_ rows: [MeetingDecisionRow], _ lang: Lang, id: String) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(lang.t(.meetingNoTasks))</p>" }
        let items: [HTML] = rows.map { r in
            let d = r.decision
            let state: HTML =
                d.state == .done
                ? "<span class=\"tag ok\">\(lang.t(key: d.state.labelKey))</span>"
                : "<span class=\"tag warn\">\(lang.t(key: d.state.labelKey))</span>"
            return """
                <li><a href="\(MeetingsRoute.task(.value(d.id)))">\(d.text)</a> · \(d.ownerName) · \
                \(lang.t(.meetingDue)) \(d.due) \(state) <span class="muted">\(r.meetingDay)</span></li>
                """
        }
        return "<ul id=\"\(id)\">\(items)</ul>"
    }
}
