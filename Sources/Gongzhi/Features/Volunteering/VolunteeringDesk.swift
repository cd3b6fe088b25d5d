import Fluent
import GongzhiCore
import Vapor

/// The desk's pages of Volunteering as pure views of their lists, and the pick lists their forms need.
enum VolunteeringDesk {
    struct Choices: Sendable {
        /// Communities and streets in scope (organisers).
        let nodes: [(Int, String)]
        let units: [(Int, String)]
        let teams: [(Int, String)]
    }

    static func choices(_ v: Viewer, _ db: any Database) async throws -> Choices {
        let nodes = try await OrgQueries.nodesInScope(v.scope, on: db)
            .filter { [.communityCommittee, .streetCommittee].contains($0.kind) }.map { ($0.id!, $0.name) }
        let units = try await UnitsQueries.inScope(v.scope, on: db).prefix(500).map { ($0.id, $0.name) }
        let teams = try await ServiceTeam.query(on: db).inScope(v.scope, \.$path).filter(\.$active == true)
            .sort(\.$name).limit(500).all().map { ($0.id!, $0.name) }
        return Choices(nodes: nodes, units: Array(units), teams: teams)
    }

    /// Staff who may approve a manual entry the viewer records: active accounts that manage people at the viewer's
    /// node, below it or above it.
    static func approvers(_ v: Viewer, _ db: any Database) async throws -> [(Int, String)] {
        let users = try await User.query(on: db).filter(\.$active == true).all().filter { $0.role.can(.editPeople) }
        let nodes = try await OrgNode.query(on: db).filter(\.$id ~~ Array(Set(users.map(\.orgNodeID)))).all()
        let paths = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0.treePath) })
        // Never the recorder: nobody approves what they recorded.
        return users.filter { u in
            guard u.id != v.user.id, let p = paths[u.orgNodeID] else { return false }
            return v.scope.includes(p) || p.contains(v.node.treePath)
        }.prefix(200).map { ($0.id!, $0.displayName) }
    }

    static func options(_ items: [(Int, String)], empty: Bool, selected: String? = nil) -> HTML {
        var list: [(value: String, label: String)] = empty ? [(value: "", label: "—")] : []
        for (id, name) in items { list.append((value: String(id), label: name)) }
        return Widgets.options(list, selected: selected)
    }

    static func search(_ route: VolunteeringRoute, q: String?, _ lang: Lang) -> HTML {
        """
        <form method="get" action="\(route)" class="inline"><input type="search" name="q" value="\(q ?? "")" \
        aria-label="\(lang.t(.actionSearch))"> \
        <button type="submit" class="secondary">\(lang.t(.actionSearch))</button></form>
        """
    }

    static func menu(_ lang: Lang) -> HTML {
        """
        <p class="tabs-inline"><a href="\(VolunteeringRoute.activities)">\(lang.t(.volunteeringActivities))</a> · \
        <a href="\(VolunteeringRoute.teams)">\(lang.t(.volunteeringTeams))</a> · \
        <a href="\(VolunteeringRoute.volunteers)">\(lang.t(.volunteeringVolunteers))</a> · \
        <a href="\(VolunteeringRoute.hours)">\(lang.t(.volunteeringHours))</a> · \
        <a href="\(VolunteeringRoute.rankings)">\(lang.t(.volunteeringRankings))</a></p>
        """
    }

    static func export(_ route: VolunteeringRoute, _ can: Bool, _ lang: Lang) -> HTML {
        can ? "<p><a href=\"\(route)\">\(lang.t(.actionExportCSV))</a></p>" : ""
    }

    // MARK: Volunteers

    static func volunteers(
        _ list: [VolunteeringLists.VolunteerOut], pager: HTML, candidates: [PeopleQueries.VolunteerPerson],
        canEdit: Bool, canExport: Bool, q: String?, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = list.map { r in
            let end: HTML =
                canEdit
                ? """
                <form method="post" action="\(VolunteeringRoute.endVolunteer(.value(r.id)))" class="inline">\(csrf)\
                <button type="submit" class="link">\(lang.t(.volunteeringEnd))</button></form>
                """ : ""
            return """
                <tr><td><a href="\(VolunteeringRoute.hours.query([("personId", String(r.personID))]))">\(r.name)</a>\
                </td><td>\(r.phone ?? "")</td><td>\(r.communityName)</td>\
                <td>\(VolunteeringExport.categories(r.categories, lang))</td><td>\(r.skills)</td>\
                <td>\(r.availability)</td><td>\(r.registeredOn)</td>\
                <td class="num">\(VolunteeringRules.hoursText(r.minutes))</td><td>\(end)</td></tr>
                """
        }
        let form: HTML =
            canEdit
            ? """
            <section class="card"><h2>\(lang.t(.volunteeringRegisterPerson))</h2>
            <form method="post" action="\(VolunteeringRoute.register)" id="volunteer-form">\(csrf)
            <label for="personId">\(lang.t(.volunteeringPerson))</label>\
            \(Widgets.filter(for: "personId", label: lang.t(.fieldPersonFind)))\
            <select id="personId" name="personId">\(options(candidates.map { ($0.id, $0.name) }, empty: true))</select>
            \(VolunteeringPhone.categoryBoxes([], lang))
            <label for="skills">\(lang.t(.volunteeringSkills))</label><input id="skills" name="skills" maxlength="200">
            <label for="availability">\(lang.t(.volunteeringAvailability))</label>\
            <input id="availability" name="availability" maxlength="200">
            <p><button type="submit">\(lang.t(.volunteeringRegister))</button></p></form></section>
            """ : ""
        return """
            <h1>\(lang.t(.volunteeringVolunteers))</h1>\(menu(lang))\(Widgets.errorSummary(error, lang: lang))
            \(pager)\(search(.volunteers, q: q, lang))\
            \(export(.volunteersExport, canExport, lang))
            <table id="volunteers"><thead><tr><th>\(lang.t(.columnName))</th><th>\(lang.t(.columnPhone))</th>\
            <th>\(lang.t(.volunteeringCommunity))</th><th>\(lang.t(.volunteeringCategories))</th>\
            <th>\(lang.t(.volunteeringSkills))</th><th>\(lang.t(.volunteeringAvailability))</th>\
            <th>\(lang.t(.volunteeringRegisteredOn))</th><th>\(lang.t(.volunteeringHoursColumn))</th><th></th></tr>\
            </thead><tbody>\(rows)</tbody></table>\(pager)\(form)
            """
    }

    // MARK: Teams

    static func teams(
        _ list: [VolunteeringLists.TeamOut], choices: Choices, form f: VolunteeringPages.TeamForm?, canEdit: Bool,
        canExport: Bool, q: String?, error: AppError?, csrf: HTML, _ lang: Lang, staff: Bool = true
    ) -> HTML {
        let rows: [HTML] = list.prefix(200).map { t in
            """
            <tr><td><a href="\(VolunteeringRoute.team(.value(t.id)))">\(t.name)</a></td>\
            <td>\(lang.t(.volunteeringTeamKind(t.kind)))</td><td>\(t.nodeName)</td><td>\(t.ownerUnitName ?? "")</td>\
            <td>\(VolunteeringExport.categories(t.categories, lang))</td><td class="num">\(t.memberCount)</td>\
            <td class="num">\(t.freeCapacity) / \(t.capacity)</td>\
            <td class="num">\(VolunteeringRules.hoursText(t.minutes))</td></tr>
            """
        }
        let kinds = Widgets.options(
            TeamKind.allCases.map { ($0.rawValue, lang.t(.volunteeringTeamKind($0))) }, selected: f?.kind)
        let form: HTML =
            canEdit
            ? """
            <section class="card"><h2>\(lang.t(.volunteeringNewTeam))</h2>
            <form method="post" action="\(VolunteeringRoute.teams)" id="team-form">\(csrf)
            <label for="name">\(lang.t(.volunteeringTeamName))</label>\
            <input id="name" name="name" maxlength="100" value="\(f?.name ?? "")" required>
            <label for="kind">\(lang.t(.volunteeringKind))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="nodeId">\(lang.t(.volunteeringOrganiser))</label>\
            <select id="nodeId" name="nodeId">\(options(choices.nodes, empty: false, selected: f?.nodeId))</select>
            <label for="ownerUnitId">\(lang.t(.volunteeringOwnerUnit))</label><select id="ownerUnitId" \
            name="ownerUnitId">\(options(choices.units, empty: true, selected: f?.ownerUnitId))</select>
            \(VolunteeringPhone.categoryBoxes(f?.categories ?? [], lang))
            <label for="skills">\(lang.t(.volunteeringSkills))</label>\
            <input id="skills" name="skills" maxlength="200" value="\(f?.skills ?? "")">
            <label for="place">\(lang.t(.volunteeringPlace))</label>\
            <input id="place" name="place" maxlength="200" value="\(f?.place ?? "")">
            <label for="capacity">\(lang.t(.volunteeringCapacity))</label>\
            <input id="capacity" name="capacity" inputmode="numeric" value="\(f?.capacity ?? "3")">
            <p class="muted">\(lang.t(.volunteeringCapacityRule))</p>
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form></section>
            """ : ""
        return """
            <h1>\(lang.t(.volunteeringTeams))</h1>\(staff ? menu(lang) : "")\(Widgets.errorSummary(error, lang: lang))
            <p>\(lang.t(.volunteeringTeamCount, String(list.count)))</p>\(search(.teams, q: q, lang))\
            \(export(.teamsExport, canExport, lang))
            <table id="teams"><thead><tr><th>\(lang.t(.volunteeringTeamName))</th>\
            <th>\(lang.t(.volunteeringKind))</th>\
            <th>\(lang.t(.volunteeringOrganiser))</th><th>\(lang.t(.volunteeringOwnerUnit))</th>\
            <th>\(lang.t(.volunteeringCategories))</th><th>\(lang.t(.volunteeringMembers))</th>\
            <th>\(lang.t(.volunteeringFreeCapacity))</th><th>\(lang.t(.volunteeringHoursColumn))</th></tr></thead>\
            <tbody>\(rows)</tbody></table>\(form)
            """
    }

    static func team(
        _ d: VolunteeringLists.TeamDetailOut, candidates: [VolunteeringLists.VolunteerOut], canEdit: Bool,
        error: AppError?, csrf: HTML, _ lang: Lang, staff: Bool = true
    ) -> HTML {
        let t = d.team
        let members: [HTML] = d.members.map { m in
            """
            <tr class="\(m.leftOn == nil ? "" : "muted")"><td>\(m.name)</td>\
            <td>\(m.leader ? lang.t(.volunteeringLeader) : "")</td><td>\(m.joinedOn) – \(m.leftOn ?? "")</td></tr>
            """
        }
        let acts: [HTML] = d.activities.map { a in
            """
            <li><a href="\(VolunteeringRoute.activity(.value(a.id)))">\(a.title)</a> \
            <span class="muted">\(VolunteeringFacts.local(a.startsAt))</span></li>
            """
        }
        let form: HTML =
            canEdit
            ? """
            <form method="post" action="\(VolunteeringRoute.teamMembers(.value(t.id)))" id="member-form">\(csrf)
            <label for="personId">\(lang.t(.volunteeringPerson))</label>\
            \(Widgets.filter(for: "personId", label: lang.t(.fieldPersonFind)))\
            <select id="personId" name="personId">\
            \(options(candidates.map { ($0.personID, $0.name) }, empty: true))</select>
            <label class="choice"><input type="checkbox" name="leader" value="true"> \(lang.t(.volunteeringLeader))\
            </label><p><button type="submit">\(lang.t(.volunteeringAddMember))</button></p></form>
            """ : ""
        return """
            <h1>\(t.name)</h1>\(staff ? menu(lang) : "")\(Widgets.errorSummary(error, lang: lang))
            <section class="card" id="team-detail"><table class="detail">
            <tr><th>\(lang.t(.volunteeringKind))</th><td>\(lang.t(.volunteeringTeamKind(t.kind)))</td></tr>
            <tr><th>\(lang.t(.volunteeringOrganiser))</th><td>\(t.nodeName)</td></tr>
            <tr><th>\(lang.t(.volunteeringOwnerUnit))</th><td>\(t.ownerUnitName ?? "")</td></tr>
            <tr><th>\(lang.t(.volunteeringCategories))</th>\
            <td>\(VolunteeringExport.categories(t.categories, lang))</td></tr>
            <tr><th>\(lang.t(.volunteeringSkills))</th><td>\(t.skills)</td></tr>
            <tr><th>\(lang.t(.volunteeringPlace))</th><td>\(t.place)</td></tr>
            <tr><th>\(lang.t(.volunteeringFreeCapacity))</th><td>\(t.freeCapacity) / \(t.capacity)</td></tr>
            <tr><th>\(lang.t(.volunteeringHoursColumn))</th><td>\(VolunteeringRules.hoursText(t.minutes))</td></tr>
            </table></section>
            <section class="card"><h2>\(lang.t(.volunteeringMembers)) (\(t.memberCount))</h2>
            <table id="team-members"><tbody>\(members)</tbody></table>\(form)</section>
            <section class="card"><h2>\(lang.t(.volunteeringActivities))</h2><ul id="team-activities">\(acts)</ul>
            </section>
            """
    }

    // MARK: Activities

    static func activities(
        _ list: [VolunteeringLists.ActivityOut], pager: HTML, choices: Choices,
        form f: VolunteeringPages.ActivityForm?,
        canEdit: Bool, canExport: Bool, q: String?, now: Date, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = list.map { a in
            """
            <tr><td><a href="\(VolunteeringRoute.activity(.value(a.id)))">\(a.title)</a></td>\
            <td>\(VolunteeringFacts.local(a.startsAt))</td><td>\(a.nodeName)</td><td>\(a.hostUnitName ?? "")</td>\
            <td class="num">\(a.confirmed) / \(a.capacity)</td><td class="num">\(a.waiting)</td>\
            <td class="num">\(a.points)</td><td>\(lang.t(a.shownState))</td></tr>
            """
        }
        let cats = Widgets.options(
            ServiceCategory.allCases.map { ($0.rawValue, lang.t(.serviceCategory($0))) }, selected: f?.category)
        let start = VolunteeringFacts.inputValue(now.addingTimeInterval(86_400))
        let end = VolunteeringFacts.inputValue(now.addingTimeInterval(86_400 + 7_200))
        let form: HTML =
            canEdit
            ? """
            <section class="card"><h2>\(lang.t(.volunteeringNewActivity))</h2>
            <form method="post" action="\(VolunteeringRoute.activities)" id="activity-form">\(csrf)
            <label for="title">\(lang.t(.volunteeringTitle))</label>\
            <input id="title" name="title" maxlength="100" value="\(f?.title ?? "")" required>
            <label for="category">\(lang.t(.volunteeringCategory))</label>\
            <select id="category" name="category">\(cats)</select>
            <label for="nodeId">\(lang.t(.volunteeringOrganiser))</label>\
            <select id="nodeId" name="nodeId">\(options(choices.nodes, empty: false, selected: f?.nodeId))</select>
            <label for="hostUnitId">\(lang.t(.volunteeringHostUnit))</label><select id="hostUnitId" \
            name="hostUnitId">\(options(choices.units, empty: true, selected: f?.hostUnitId))</select>
            <label for="teamId">\(lang.t(.volunteeringTeam))</label>\
            <select id="teamId" name="teamId">\(options(choices.teams, empty: true, selected: f?.teamId))</select>
            <label for="startsAt">\(lang.t(.volunteeringStartsAt))</label>\
            <input id="startsAt" name="startsAt" type="datetime-local" value="\(f?.startsAt ?? start)">
            <label for="endsAt">\(lang.t(.volunteeringEndsAt))</label>\
            <input id="endsAt" name="endsAt" type="datetime-local" value="\(f?.endsAt ?? end)">
            <label for="address">\(lang.t(.volunteeringAddress))</label>\
            <input id="address" name="address" maxlength="200" value="\(f?.address ?? "")" required>
            <label for="lat">\(lang.t(.volunteeringLat))</label><input id="lat" name="lat" value="\(f?.lat ?? "")">
            <label for="lng">\(lang.t(.volunteeringLng))</label><input id="lng" name="lng" value="\(f?.lng ?? "")">
            <label for="radiusMeters">\(lang.t(.volunteeringRadius))</label>\
            <input id="radiusMeters" name="radiusMeters" inputmode="numeric" value="\(f?.radiusMeters ?? "200")">
            <label for="capacity">\(lang.t(.volunteeringCapacityPeople))</label>\
            <input id="capacity" name="capacity" inputmode="numeric" value="\(f?.capacity ?? "20")">
            <label for="points">\(lang.t(.volunteeringPoints))</label>\
            <input id="points" name="points" inputmode="numeric" value="\(f?.points ?? "0")">
            <label for="description">\(lang.t(.volunteeringDescription))</label>\
            <textarea id="description" name="description" rows="3" maxlength="2000">\(f?.description ?? "")</textarea>
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form></section>
            """ : ""
        return """
            <h1>\(lang.t(.volunteeringActivities))</h1>\(menu(lang))\(Widgets.errorSummary(error, lang: lang))\(pager)
            \(search(.activities, q: q, lang))\(export(.activitiesExport, canExport, lang))
            <table id="activities"><thead><tr><th>\(lang.t(.volunteeringTitle))</th>\
            <th>\(lang.t(.volunteeringStartsAt))</th><th>\(lang.t(.volunteeringOrganiser))</th>\
            <th>\(lang.t(.volunteeringHostUnit))</th><th>\(lang.t(.volunteeringConfirmed))</th>\
            <th>\(lang.t(.volunteeringWaiting))</th><th>\(lang.t(.volunteeringPoints))</th>\
            <th>\(lang.t(.volunteeringState))</th></tr></thead><tbody>\(rows)</tbody></table>\(pager)\(form)
            """
    }

    static func activity(
        _ a: VolunteeringLists.ActivityOut, signups: [VolunteeringLists.SignupOut], hours: [VolunteeringLists.HourOut],
        codes: [VolunteeringLists.HourCodeOut], canEdit: Bool, error: AppError?, csrf: HTML, _ lang: Lang,
        staff: Bool = true, siteBase: String = ""
    ) -> HTML {
        func t(_ d: Date?) -> String { d.map(VolunteeringFacts.local) ?? "" }
        let rows: [HTML] = signups.map { s in
            """
            <tr><td>\(s.name)</td><td>\(lang.t(.volunteeringSignupStatus(s.status)))</td><td>\(t(s.signedAt))</td>\
            <td>\(t(s.checkedInAt))</td><td>\(t(s.checkedOutAt))</td></tr>
            """
        }
        let hourRows: [HTML] = hours.map { h in
            """
            <tr><td>\(h.name)</td><td>\(t(h.startedAt)) – \(VolunteeringFacts.hm(h.endedAt))</td>\
            <td class="num">\(VolunteeringRules.hoursText(h.minutes))</td>\
            <td>\(lang.t(.volunteeringSourceLabel(h.source)))</td><td>\(h.approverName ?? "")</td></tr>
            """
        }
        let codeRows: [HTML] = codes.map { c in
            let minutes = lang.t(.volunteeringMinutesCount, String(c.minutes))
            let used = c.usedAt == nil ? "" : lang.t(.volunteeringUsed)
            return "<li><code>\(c.code)</code> · \(minutes) · \(used)</li>"
        }
        let cancel: HTML =
            a.state == .open && a.phase != .ended
            ? """
            <form method="post" action="\(VolunteeringRoute.cancelActivity(.value(a.id)))">\(csrf)\
            <button type="submit" class="secondary">\(lang.t(.volunteeringCancelActivity))</button></form>
            """ : ""
        let manage: HTML =
            canEdit
            ? """
            <section class="card" id="check-in-code"><h2>\(lang.t(.volunteeringCode))</h2>\
            <p><strong>\(a.code ?? "")</strong></p><p class="muted">\(lang.t(.volunteeringQRLink)): \
            <a href="\(VolunteeringRoute.checkIn.query([("code", a.code)]))">\
            \(VolunteeringRoute.checkIn.query([("code", a.code)]))</a></p>\
            \(Widgets.qr(siteBase + VolunteeringRoute.checkIn.query([("code", a.code)]).description,
                title: lang.t(.volunteeringCode)))\
            <p class="muted">\(lang.t(.volunteeringCheckRule))</p></section>
            <section class="card"><h2>\(lang.t(.volunteeringHourCodes))</h2>
            <form method="post" action="\(VolunteeringRoute.hourCodes(.value(a.id)))" id="codes-form">\(csrf)
            <label for="minutes">\(lang.t(.volunteeringMinutes))</label>\
            <input id="minutes" name="minutes" inputmode="numeric" value="120">
            <label for="count">\(lang.t(.volunteeringCodeCount))</label>\
            <input id="count" name="count" inputmode="numeric" value="5">
            <p><button type="submit">\(lang.t(.volunteeringIssueCodes))</button></p></form>
            <ul id="hour-codes">\(codeRows)</ul></section>
            \(cancel)
            """ : ""
        return """
            <h1>\(a.title)</h1>\(staff ? menu(lang) : "")\(Widgets.errorSummary(error, lang: lang))
            <section class="card" id="activity-detail"><p>\(VolunteeringPhone.when(a)) · \(a.address)</p>\
            <p>\(lang.t(.serviceCategory(a.category))) · \(a.nodeName) · \(a.hostUnitName ?? "") · \
            \(a.teamName ?? "")</p><p>\(lang.t(.volunteeringPlaces, String(a.confirmed), String(a.capacity))) · \
            \(lang.t(.volunteeringWaitingCount, String(a.waiting))) · \
            \(lang.t(.volunteeringPointsOffered, String(a.points))) · \
            \(lang.t(a.shownState))</p><p>\(a.description)</p></section>
            \(manage)
            <section class="card"><h2>\(lang.t(.volunteeringSignups))</h2>
            <table id="signups"><thead><tr><th>\(lang.t(.columnName))</th><th>\(lang.t(.volunteeringState))</th>\
            <th>\(lang.t(.volunteeringSignedAt))</th><th>\(lang.t(.volunteeringCheckIn))</th>\
            <th>\(lang.t(.volunteeringCheckOut))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            <section class="card"><h2>\(lang.t(.volunteeringHours))</h2>
            <table id="activity-hours"><tbody>\(hourRows)</tbody></table></section>
            """
    }

    // MARK: Hours

    static func hours(
        _ list: [VolunteeringLists.HourOut], count: Int, minutes: Int, pager: HTML,
        people: [VolunteeringLists.VolunteerOut], approvers: [(Int, String)],
        me: Int, form f: VolunteeringPages.ManualForm?, canEdit: Bool, canExport: Bool, now: Date, error: AppError?,
        csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = list.map { h in
            """
            <tr><td>\(h.name)</td><td>\(VolunteeringFacts.local(h.startedAt)) – \
            \(VolunteeringFacts.hm(h.endedAt))</td>\
            <td class="num">\(VolunteeringRules.hoursText(h.minutes))</td>\
            <td>\(lang.t(.volunteeringSourceLabel(h.source)))</td><td>\(h.activityTitle ?? h.teamName ?? "")</td>\
            <td>\(h.approverName ?? "")</td><td>\(h.note)</td></tr>
            """
        }
        let start = VolunteeringFacts.inputValue(now.addingTimeInterval(-3 * 3_600))
        let end = VolunteeringFacts.inputValue(now.addingTimeInterval(-3_600))
        let form: HTML =
            canEdit
            ? """
            <section class="card"><h2>\(lang.t(.volunteeringManualEntry))</h2>
            <form method="post" action="\(VolunteeringRoute.hours)" id="manual-form">\(csrf)
            <label for="personId">\(lang.t(.volunteeringPerson))</label>\
            \(Widgets.filter(for: "personId", label: lang.t(.fieldPersonFind)))\
            <select id="personId" name="personId">\
            \(options(people.map { ($0.personID, $0.name) }, empty: true, selected: f?.personId))</select>
            <label for="startedAt">\(lang.t(.volunteeringStartsAt))</label>\
            <input id="startedAt" name="startedAt" type="datetime-local" value="\(f?.startedAt ?? start)">
            <label for="endedAt">\(lang.t(.volunteeringEndsAt))</label>\
            <input id="endedAt" name="endedAt" type="datetime-local" value="\(f?.endedAt ?? end)">
            <label for="approverUserId">\(lang.t(.volunteeringApprover))</label><select id="approverUserId" \
            name="approverUserId">\(options(approvers, empty: true, selected: f?.approverUserId))\
            </select>
            <label for="note">\(lang.t(.volunteeringNote))</label>\
            <input id="note" name="note" maxlength="200" value="\(f?.note ?? "")" required>
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form></section>
            """ : ""
        return """
            <h1>\(lang.t(.volunteeringHours))</h1>\(menu(lang))\(Widgets.errorSummary(error, lang: lang))
            <p>\(lang.t(.volunteeringHoursTotal, String(count), VolunteeringRules.hoursText(minutes)))</p>\(pager)\
            \(export(.hoursExport, canExport, lang))
            <table id="hours"><thead><tr><th>\(lang.t(.columnName))</th><th>\(lang.t(.volunteeringStartsAt))</th>\
            <th>\(lang.t(.volunteeringHoursColumn))</th><th>\(lang.t(.volunteeringSource))</th>\
            <th>\(lang.t(.volunteeringTitle))</th><th>\(lang.t(.volunteeringApprover))</th>\
            <th>\(lang.t(.volunteeringNote))</th></tr></thead><tbody>\(rows)</tbody></table>\(pager)\(form)
            """
    }

    // MARK: Rankings

    static func rankings(_ m: VolunteeringSections.RankingsOut, staff: Bool, _ lang: Lang) -> HTML {
        func table(_ id: String, _ title: Text, _ rows: [VolunteeringSections.RankRow]?, count: Int, people: Bool)
            -> HTML
        {
            guard let rows else {
                return """
                    <section class="card" id="\(id)"><h2>\(lang.t(title))</h2>\
                    <p class="muted">\(lang.t(.volunteeringTooFew, String(count), String(m.minimum)))</p></section>
                    """
            }
            let trs: [HTML] = rows.map { r in
                let link = VolunteeringRoute.hours.query([
                    ("personId", String(r.id)), ("from", m.first), ("to", m.last),
                ])
                let name: HTML = people && staff ? "<a href=\"\(link)\">\(r.name)</a>" : "\(r.name)"
                let hours = VolunteeringRules.hoursText(r.minutes)
                return "<tr><td class=\"num\">\(r.rank)</td><td>\(name)</td><td class=\"num\">\(hours)</td></tr>"
            }
            return """
                <section class="card" id="\(id)"><h2>\(lang.t(title))</h2><table><tbody>\(trs)</tbody></table>\
                </section>
                """
        }
        let periods: [HTML] = VolunteeringRules.Period.allCases.map { p in
            let link = VolunteeringRoute.rankings.query([("period", p.rawValue), ("nodeId", String(m.nodeID))])
            return "<a href=\"\(link)\">\(lang.t(.volunteeringPeriod(p)))</a> "
        }
        return """
            <h1>\(lang.t(.volunteeringRankings))</h1>\(staff ? menu(lang) : "")
            <p>\(m.nodeName) · \(lang.t(.volunteeringPeriod(m.period))) \(m.first) – \(m.last)</p><p>\(periods)</p>
            <p class="muted" id="ranking-rule">\(lang.t(.volunteeringRankingRule, String(m.minimum)))</p>
            \(table("rank-volunteers", .volunteeringVolunteers, m.volunteers, count: m.volunteerCount, people: true))
            \(table("rank-teams", .volunteeringTeams, m.teams, count: m.teamCount, people: false))
            \(table("rank-units", .volunteeringUnits, m.units, count: m.unitCount, people: false))
            """
    }
}
