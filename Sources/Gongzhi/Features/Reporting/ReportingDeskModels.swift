import Fluent
import GongzhiCore
import Vapor

/// The desk's pages of Reporting: the funnel per community, unit reports, member reports, posts, services to
/// verify and re-report rounds. Each is a query (plain values for the viewer) and a view of it.
enum ReportingDesk {
    static func field(_ error: AppError?, _ name: String, _ lang: Lang) -> HTML {
        Widgets.fieldProblem(error, name, lang)
    }

    static func links(_ lang: Lang, canExport: Bool) -> HTML {
        let export: HTML =
            canExport
            ? """
             · <a href="\(ReportingRoute.unitsExport)">\(lang.t(.reportingExportUnits))</a> · \
            <a href="\(ReportingRoute.membersExport)">\(lang.t(.reportingExportMembers))</a>
            """ : ""
        return """
            <p class="row" id="reporting-links"><a href="\(ReportingRoute.page)">\(lang.t(.reportingFunnel))</a> · \
            <a href="\(ReportingRoute.units)">\(lang.t(.reportingUnitReports))</a> · \
            <a href="\(ReportingRoute.members)">\(lang.t(.reportingMemberReports))</a> · \
            <a href="\(ReportingRoute.posts)">\(lang.t(.reportingPosts))</a> · \
            <a href="\(ReportingRoute.services)">\(lang.t(.reportingToVerify))</a> · \
            <a href="\(ReportingRoute.rounds)">\(lang.t(.reportingRounds))</a>\(export)</p>
            """
    }

    static func communityOptions(_ v: Viewer, on db: any Database) async throws -> [(value: String, label: String)] {
        try await ReportingFacts.communities(in: v.scope, on: db).map { (String($0.id), $0.name) }
    }

    // MARK: The funnel

    static func funnel(_ m: ReportingLists.FunnelOut, canExport: Bool, _ lang: Lang) -> HTML {
        func cell(_ n: Int, _ id: Int, _ stage: ReportingFunnel.Stage) -> HTML {
            let link = ReportingRoute.members.query([("communityId", String(id)), ("stage", stage.rawValue)])
            return "<td class=\"num\"><a href=\"\(link)\">\(n)</a></td>"
        }
        func rows(_ rs: [ReportingLists.FunnelRow]) -> [HTML] {
            rs.map { r in
                """
                <tr><td>\(r.name)</td>\(cell(r.reported, r.nodeID, .reported))\
                \(cell(r.claimed, r.nodeID, .claimed))\(cell(r.served, r.nodeID, .served))\
                \(cell(r.active, r.nodeID, .active))</tr>
                """
            }
        }
        let head: HTML = """
            <thead><tr><th></th><th class="num">\(lang.t(.reportingStageReported))</th>\
            <th class="num">\(lang.t(.reportingStageClaimed))</th>\
            <th class="num">\(lang.t(.reportingStageServed))</th>\
            <th class="num">\(lang.t(.reportingStageActive))</th></tr></thead>
            """
        let streets: HTML =
            m.streets.isEmpty
            ? HTML.empty
            : """
            <h2>\(lang.t(.reportingByStreet))</h2>
            <table id="reporting-funnel-streets">\(head)<tbody>\(rows(m.streets))</tbody></table>
            """
        return """
            <h1>\(lang.t(.navReporting))</h1>
            \(links(lang, canExport: canExport))
            <section class="card"><h2>\(lang.t(.reportingFunnel))</h2>
            <p class="muted" id="reporting-funnel-definition">\(lang.t(.reportingFunnelDefinition, m.today))</p>
            <table id="reporting-funnel">\(head)<tbody>\(rows(m.communities))</tbody></table>
            \(streets)</section>
            """
    }

    // MARK: Unit reports

    struct UnitsModel: Sendable {
        var reports: [ReportingLists.UnitReportOut]
        /// The units the viewer may report (a liaison's own; staff's in scope), empty when they may not.
        var units: [UnitsQueries.ReportingUnit]
        var communities: [(value: String, label: String)]
        var canEnd: Bool
        var canExport: Bool
    }

    static func units(_ caller: Caller) async throws -> UnitsModel {
        let v = try await caller.require(.viewTree)
        let reports = try await ReportingLists.unitReports(caller, communityID: nil).rows
        var units: [UnitsQueries.ReportingUnit] = []
        if ReportingFacts.isLiaison(v) {
            let mine = try await ReportingFacts.liaisonUnits(v, on: caller.db)
            units = try await UnitsQueries.reportingUnits(Array(mine), on: caller.db).values.filter { !$0.archived }
                .sorted { $0.name < $1.name }
        } else if v.can(.editTree) {
            units = try await UnitsQueries.reportingUnits(in: v.scope, on: caller.db)
        }
        let reported = Set(reports.filter { $0.endedOn == nil }.map(\.unitID))
        return UnitsModel(
            reports: reports, units: units.filter { !reported.contains($0.id) },
            communities: ReportingFacts.isLiaison(v) ? [] : try await communityOptions(v, on: caller.db),
            canEnd: ReportingFacts.isLiaison(v) || v.can(.editTree), canExport: v.can(.exportData))
    }

    struct UnitForm: Content, Sendable {
        var unitId: String?
        var communityNodeId: String?
        var liaisonName: String?
        var liaisonPhone: String?
        var offers: String?
        var takesOn: String?
        var reportedOn: String?

        func input() throws -> ReportingService.UnitReportInput {
            guard let unit = try FormNumber.int(unitId, field: "unitId") else {
                throw AppError.invalid(.errorRefUnknown, field: "unitId")
            }
            return ReportingService.UnitReportInput(
                unitID: unit, communityNodeID: try FormNumber.int(communityNodeId, field: "communityNodeId"),
                liaisonName: liaisonName, liaisonPhone: liaisonPhone, offers: offers, takesOn: takesOn,
                reportedOn: reportedOn)
        }
    }

    static func units(_ m: UnitsModel, _ f: UnitForm?, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.reports.map { r in
            let end: HTML =
                r.endedOn == nil && m.canEnd
                ? """
                <form method="post" action="\(ReportingRoute.endUnit(.value(r.id)))" class="inline">\(csrf)\
                <input name="reason" placeholder="\(lang.t(.reportingEndReason))" required maxlength="100"> \
                <button type="submit" class="secondary">\(lang.t(.reportingEnd))</button></form>
                """ : HTML.empty
            let state: HTML =
                r.endedOn.map { "<span class=\"tag\">\(lang.t(.reportingEndedOn)) \($0) \(r.endReason ?? "")</span>" }
                ?? end
            return """
                <tr><td>\(r.unitName)</td><td>\(r.communityName)</td><td>\(r.liaisonName) \(r.liaisonPhone)</td>\
                <td>\(r.offers)</td><td>\(r.takesOn)</td><td>\(r.reportedOn)</td><td>\(state)</td></tr>
                """
        }
        var form: HTML = ""
        if !m.units.isEmpty {
            let units = Widgets.options(m.units.map { (String($0.id), $0.name) }, selected: f?.unitId)
            let communities: HTML =
                m.communities.isEmpty
                ? HTML.empty
                : """
                <label for="communityNodeId">\(lang.t(.reportingCommunity))</label>\
                <select id="communityNodeId" name="communityNodeId"><option value="">\
                \(lang.t(.reportingWhereItStands))</option>\
                \(Widgets.options(m.communities, selected: f?.communityNodeId))</select>\
                \(field(error, "communityNodeId", lang))
                """
            form = """
                <section class="card"><h2>\(lang.t(.reportingUnitReportNew))</h2>
                <form method="post" action="\(ReportingRoute.units)" id="reporting-unit-form">\(csrf)
                <label for="unitId">\(lang.t(.reportingUnit))</label>\
                <select id="unitId" name="unitId">\(units)</select>\
                \(field(error, "unitId", lang))
                \(communities)
                <label for="liaisonName">\(lang.t(.reportingLiaison))</label>\
                <input id="liaisonName" name="liaisonName" value="\(f?.liaisonName ?? "")" maxlength="100">\
                \(field(error, "liaisonName", lang))
                <label for="liaisonPhone">\(lang.t(.columnPhone))</label>\
                <input id="liaisonPhone" name="liaisonPhone" value="\(f?.liaisonPhone ?? "")" inputmode="tel">\
                \(field(error, "liaisonPhone", lang))
                <label for="offers">\(lang.t(.reportingOffers))</label>\
                <textarea id="offers" name="offers" rows="2">\(f?.offers ?? "")</textarea>\
                \(field(error, "offers", lang))
                <label for="takesOn">\(lang.t(.reportingTakesOn))</label>\
                <textarea id="takesOn" name="takesOn" rows="2">\(f?.takesOn ?? "")</textarea>\
                \(field(error, "takesOn", lang))
                <p><button type="submit">\(lang.t(.reportingReport))</button></p></form></section>
                """
        }
        return """
            <h1>\(lang.t(.reportingUnitReports))</h1>\(Widgets.errorSummary(error, lang: lang, id: "reporting-error"))
            \(links(lang, canExport: m.canExport))
            \(form)
            <table id="reporting-unit-reports"><thead><tr><th>\(lang.t(.reportingUnit))</th>\
            <th>\(lang.t(.reportingCommunity))</th><th>\(lang.t(.reportingLiaison))</th>\
            <th>\(lang.t(.reportingOffers))</th><th>\(lang.t(.reportingTakesOn))</th>\
            <th>\(lang.t(.reportingReportedOn))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    // MARK: Member reports

    struct MembersModel: Sendable {
        var reports: [ReportingLists.MemberReportOut]
        var stage: ReportingFunnel.Stage?
        var community: String?
        var people: [(value: String, label: String)]
        var communities: [(value: String, label: String)]
        var canEdit: Bool
        var canExport: Bool
    }

    static func members(_ caller: Caller, communityID: Int?, stage: ReportingFunnel.Stage?) async throws
        -> MembersModel
    {
        let v = try await caller.require(.viewTree)
        let reports = try await ReportingLists.memberReports(
            caller, communityID: communityID, stage: stage, includeEnded: stage == nil
        ).rows
        let community = try await communityID.asyncMap { try await caller.scoped(OrgNode.self, $0).name }
        var people: [(value: String, label: String)] = []
        if v.can(.editTree) {
            let reported = Set(reports.filter { $0.endedOn == nil }.map(\.personID))
            people = try await PeopleQueries.reportingMembers(in: v.scope, limit: 2_000, on: caller.db)
                .filter { !reported.contains($0.id) }.map { (String($0.id), "\($0.name) \($0.maskedPhone ?? "")") }
        }
        return MembersModel(
            reports: reports, stage: stage, community: community, people: people,
            communities: v.can(.editTree) ? try await communityOptions(v, on: caller.db) : [],
            canEdit: v.can(.editTree), canExport: v.can(.exportData))
    }

    struct MemberForm: Content, Sendable {
        var personId: String?
        var communityNodeId: String?
        var employer: String?
        var showIdentity: String?
        var reportedOn: String?

        func input() throws -> ReportingService.MemberReportInput {
            ReportingService.MemberReportInput(
                personID: try FormNumber.int(personId, field: "personId"),
                communityNodeID: try FormNumber.int(communityNodeId, field: "communityNodeId"), employer: employer,
                showIdentity: showIdentity == "true", reportedOn: reportedOn)
        }
    }

    static func members(
        _ m: MembersModel, page: Paged<ReportingLists.MemberReportOut>, pager: HTML, _ f: MemberForm?,
        error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let rows: [HTML] = page.rows.map { r in
            let end: HTML =
                r.endedOn == nil && m.canEdit
                ? """
                <form method="post" action="\(ReportingRoute.endMember(.value(r.id)))" class="inline">\(csrf)\
                <input name="reason" placeholder="\(lang.t(.reportingEndReason))" required maxlength="100"> \
                <button type="submit" class="secondary">\(lang.t(.reportingEnd))</button></form>
                """ : HTML.empty
            let state: HTML =
                r.endedOn.map { "<span class=\"tag\">\(lang.t(.reportingEndedOn)) \($0) \(r.endReason ?? "")</span>" }
                ?? end
            let shown = r.showIdentity ? lang.t(.commonYes) : lang.t(.commonNo)
            return """
                <tr><td>\(r.name)</td><td>\(r.phone ?? "")</td><td>\(r.communityName)</td><td>\(r.employer)</td>\
                <td>\(shown)</td><td>\(r.reportedOn)</td><td>\(state)</td></tr>
                """
        }
        let heading: String =
            m.stage.map { lang.t(key: "reporting.stage.\($0.rawValue)") + (m.community.map { " · " + $0 } ?? "") }
            ?? lang.t(.reportingMemberReports)
        var form: HTML = ""
        if m.canEdit {
            form = """
                <details class="card"><summary>\(lang.t(.reportingMemberReportNew))</summary>
                <form method="post" action="\(ReportingRoute.members)" id="reporting-member-form">\(csrf)
                <label for="personId">\(lang.t(.reportingMember))</label>\
                \(Widgets.filter(for: "personId", label: lang.t(.fieldPersonFind)))\
                <select id="personId" name="personId">\(Widgets.options(m.people, selected: f?.personId))</select>\
                \(field(error, "personId", lang))
                <label for="communityNodeId">\(lang.t(.reportingCommunity))</label>\
                <select id="communityNodeId" name="communityNodeId">\
                \(Widgets.options(m.communities, selected: f?.communityNodeId))</select>\
                \(field(error, "communityNodeId", lang))
                <label for="employer">\(lang.t(.columnEmployer))</label>\
                <input id="employer" name="employer" value="\(f?.employer ?? "")" maxlength="100">
                <label class="choice"><input type="checkbox" name="showIdentity" value="true"> \
                \(lang.t(.reportingShowIdentityHint))</label>
                <p><button type="submit">\(lang.t(.reportingRecordReport))</button></p></form></details>
                """
        }
        return """
            <h1>\(heading)</h1>\(Widgets.errorSummary(error, lang: lang, id: "reporting-error"))
            \(links(lang, canExport: m.canExport))
            \(form)
            <p class="muted">\(lang.t(.reportingCount, String(page.total)))</p>\(pager)
            <table id="reporting-member-reports"><thead><tr><th>\(lang.t(.columnName))</th>\
            <th>\(lang.t(.columnPhone))</th><th>\(lang.t(.reportingCommunity))</th><th>\(lang.t(.columnEmployer))</th>\
            <th>\(lang.t(.reportingShowIdentity))</th><th>\(lang.t(.reportingReportedOn))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table>\(pager)
            """
    }

    // MARK: Posts

    struct PostsModel: Sendable {
        var posts: [ReportingLists.PostOut]
        var communities: [(value: String, label: String)]
        var canEdit: Bool
    }

    static func posts(_ caller: Caller) async throws -> PostsModel {
        let v = try await caller.require(.viewTree)
        return PostsModel(
            posts: try await ReportingLists.posts(caller, communityID: nil).rows,
            communities: v.can(.editTree) ? try await communityOptions(v, on: caller.db) : [],
            canEdit: v.can(.editTree))
    }

    struct PostForm: Content, Sendable {
        var communityNodeId: String?
        var title: String?
        var skills: String?
        var capacity: String?
        var schedule: String?

        func input() throws -> ReportingService.PostInput {
            guard let community = try FormNumber.int(communityNodeId, field: "communityNodeId") else {
                throw AppError.invalid(.errorRefUnknown, field: "communityNodeId")
            }
            return ReportingService.PostInput(
                communityNodeID: community, title: title, skills: skills,
                capacity: try FormNumber.int(capacity, field: "capacity", in: 1...ReportingRules.maxCapacity),
                schedule: schedule)
        }
    }

    static func posts(_ m: PostsModel, _ f: PostForm?, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.posts.map { p in
            let full: HTML = p.held >= p.capacity ? " <span class=\"tag warn\">\(lang.t(.reportingFull))</span>" : ""
            return """
                <tr><td>\(p.communityName)</td><td>\(p.title)</td><td>\(p.skills)</td><td>\(p.schedule)</td>\
                <td class="num">\(lang.t(.reportingHeldOf, String(p.held), String(p.capacity)))\(full)</td></tr>
                """
        }
        let form: HTML =
            m.canEdit
            ? """
            <details class="card"\(HTML(raw: error == nil ? "" : " open"))>\
            <summary>\(lang.t(.reportingPostNew))</summary>
            <form method="post" action="\(ReportingRoute.posts)" id="reporting-post-form">\(csrf)
            <label for="communityNodeId">\(lang.t(.reportingCommunity))</label>\
            <select id="communityNodeId" name="communityNodeId">\
            \(Widgets.options(m.communities, selected: f?.communityNodeId))</select>\
            \(field(error, "communityNodeId", lang))
            <label for="title">\(lang.t(.reportingPostTitle))</label>\
            <input id="title" name="title" value="\(f?.title ?? "")" maxlength="100">\(field(error, "title", lang))
            <label for="skills">\(lang.t(.reportingSkills))</label>\
            <input id="skills" name="skills" value="\(f?.skills ?? "")" maxlength="200">
            <label for="capacity">\(lang.t(.reportingCapacity))</label>\
            <input id="capacity" name="capacity" value="\(f?.capacity ?? "5")" inputmode="numeric">\
            \(field(error, "capacity", lang))
            <label for="schedule">\(lang.t(.reportingSchedule))</label>\
            <input id="schedule" name="schedule" value="\(f?.schedule ?? "")" maxlength="200">
            <p><button type="submit">\(lang.t(.actionCreate))</button></p></form></details>
            """ : ""
        return """
            <h1>\(lang.t(.reportingPosts))</h1>\(Widgets.errorSummary(error, lang: lang, id: "reporting-error"))
            \(links(lang, canExport: false))
            \(form)
            <table id="reporting-posts"><thead><tr><th>\(lang.t(.reportingCommunity))</th>\
            <th>\(lang.t(.reportingPostTitle))</th><th>\(lang.t(.reportingSkills))</th>\
            <th>\(lang.t(.reportingSchedule))</th><th class="num">\(lang.t(.reportingCapacity))</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }

    // MARK: Services to verify

    static func services(_ s: [ReportingLists.ServiceOut], canVerify: Bool, error: AppError?, csrf: HTML, _ lang: Lang)
        -> HTML
    {
        let rows: [HTML] = s.map { x in
            let verify: HTML =
                canVerify
                ? """
                <form method="post" action="\(ReportingRoute.verify(.value(x.id)))" class="inline">\(csrf)\
                <button type="submit">\(lang.t(.reportingVerify))</button></form>
                <form method="post" action="\(ReportingRoute.reject(.value(x.id)))" class="inline">\(csrf)\
                <label for="reason-\(x.id)">\(lang.t(.reportingRejectReason))</label>\
                <input id="reason-\(x.id)" name="reason" maxlength="200" required>\
                <button type="submit" class="secondary">\(lang.t(.reportingReject))</button></form>
                """ : ""
            return """
                <tr><td>\(x.servedOn)</td><td>\(x.name)</td><td class="num">\(ReportingFacts.hours(x.hours))</td>\
                <td>\(x.text)</td><td>\(x.postTitle ?? "")</td><td>\(verify)</td></tr>
                """
        }
        return """
            <h1>\(lang.t(.reportingToVerify))</h1>\(Widgets.errorSummary(error, lang: lang, id: "reporting-error"))
            \(links(lang, canExport: false))
            <p class="muted">\(lang.t(.reportingVerifyHint))</p>
            <table id="reporting-services"><thead><tr><th>\(lang.t(.reportingServedOn))</th>\
            <th>\(lang.t(.reportingMember))</th><th class="num">\(lang.t(.reportingHours))</th>\
            <th>\(lang.t(.reportingServiceWhat))</th><th>\(lang.t(.reportingPost))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }

    // MARK: Rounds

    struct RoundRow: Sendable {
        let id: Int
        let community: String
        let title: String
        let opensOn: String
        let closesOn: String
    }

    static func rounds(_ caller: Caller) async throws -> ([RoundRow], [(value: String, label: String)], Bool) {
        let v = try await caller.require(.viewTree)
        let rounds = try await ReportRound.query(on: caller.db).inScope(v.scope, \.$path).sort(\.$opensOn, .descending)
            .limit(500).all()
        let names = try await OrgQueries.names(rounds.map(\.communityNodeID), on: caller.db)
        let rows = rounds.map {
            RoundRow(
                id: $0.id!, community: names[$0.communityNodeID] ?? "", title: $0.title, opensOn: $0.opensOn,
                closesOn: $0.closesOn)
        }
        let canEdit = v.can(.editTree) && !ReportingFacts.isLiaison(v)
        return (rows, canEdit ? try await communityOptions(v, on: caller.db) : [], canEdit)
    }

    struct RoundForm: Content, Sendable {
        var communityNodeId: String?
        var title: String?
        var opensOn: String?
        var closesOn: String?
    }

    static func rounds(
        _ rows: [RoundRow], communities: [(value: String, label: String)], canEdit: Bool, _ f: RoundForm?,
        today: LocalDate, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let list: [HTML] = rows.map { r in
            """
            <tr><td><a href="\(ReportingRoute.round(.value(r.id)))">\(r.title)</a></td><td>\(r.community)</td>\
            <td>\(r.opensOn) – \(r.closesOn)</td></tr>
            """
        }
        let closes = today.adding(days: 30).description
        let form: HTML =
            canEdit
            ? """
            <section class="card"><h2>\(lang.t(.reportingRoundNew))</h2>
            <form method="post" action="\(ReportingRoute.rounds)" id="reporting-round-form">\(csrf)
            <label for="communityNodeId">\(lang.t(.reportingCommunity))</label>\
            <select id="communityNodeId" name="communityNodeId">\
            \(Widgets.options(communities, selected: f?.communityNodeId))</select>\
            \(field(error, "communityNodeId", lang))
            <label for="title">\(lang.t(.reportingRoundTitle))</label>\
            <input id="title" name="title" value="\(f?.title ?? lang.t(.reportingRoundDefault, String(today.year)))" \
            maxlength="100">\(field(error, "title", lang))
            <label for="opensOn">\(lang.t(.reportingOpensOn))</label>\
            <input id="opensOn" name="opensOn" type="date" value="\(f?.opensOn ?? today.description)">\
            \(field(error, "opensOn", lang))
            <label for="closesOn">\(lang.t(.reportingClosesOn))</label>\
            <input id="closesOn" name="closesOn" type="date" value="\(f?.closesOn ?? closes)">\
            \(field(error, "closesOn", lang))
            <p><button type="submit">\(lang.t(.reportingRoundOpen))</button></p></form></section>
            """ : ""
        return """
            <h1>\(lang.t(.reportingRounds))</h1>\(Widgets.errorSummary(error, lang: lang, id: "reporting-error"))
            \(links(lang, canExport: false))
            <p class="muted">\(lang.t(.reportingRoundHint))</p>
            \(form)
            <table id="reporting-rounds"><thead><tr><th>\(lang.t(.reportingRoundTitle))</th>\
            <th>\(lang.t(.reportingCommunity))</th><th>\(lang.t(.reportingOpensOn))</th></tr></thead>\
            <tbody>\(list)</tbody></table>
            """
    }

    struct RoundModel: Sendable {
        let round: RoundRow
        let confirmed: [ReportingLists.MemberReportOut]
        let waiting: [ReportingLists.MemberReportOut]
    }

    /// Everyone reported to the community before the round opened and still active must confirm; a member who
    /// reported since needs not.
    static func round(_ id: Int, _ caller: Caller) async throws -> RoundModel {
        try await caller.require(.viewTree)
        let r = try await ReportingFacts.find(ReportRound.self, id, for: .read, caller)
        let due = try await MemberReport.query(on: caller.db).filter(\.$communityNodeID == r.communityNodeID)
            .filter(\.$endedOn == nil).filter(\.$reportedOn < r.opensOn).sort(\.$id).all()
        let done = Set(
            try await RoundConfirmation.query(on: caller.db).filter(\.$roundID == id).all().map(\.memberReportID))
        let out = try await ReportingLists.memberOut(due, caller)
        let name = try await OrgNode.find(r.communityNodeID, on: caller.db)?.name ?? ""
        return RoundModel(
            round: RoundRow(id: id, community: name, title: r.title, opensOn: r.opensOn, closesOn: r.closesOn),
            confirmed: out.filter { done.contains($0.id) }, waiting: out.filter { !done.contains($0.id) })
    }

    static func round(_ m: RoundModel, _ lang: Lang) -> HTML {
        func list(_ rs: [ReportingLists.MemberReportOut], id: String) -> HTML {
            let items: [HTML] = rs.map { "<li>\($0.name) \($0.phone ?? "") · \($0.employer)</li>" }
            return "<ul id=\"\(id)\">\(items)</ul>"
        }
        let total = m.confirmed.count + m.waiting.count
        let progress = lang.t(.reportingRoundProgress, String(m.confirmed.count), String(total))
        return """
            <h1>\(m.round.title)</h1>
            \(links(lang, canExport: false))
            <p>\(m.round.community) · \(m.round.opensOn) – \(m.round.closesOn)</p>
            <p id="round-progress">\(progress)</p>
            <section><h2>\(lang.t(.reportingRoundWaiting))</h2>\(list(m.waiting, id: "round-waiting"))</section>
            <section><h2>\(lang.t(.reportingRoundConfirmed))</h2>\(list(m.confirmed, id: "round-confirmed"))</section>
            """
    }
}
