import Fluent
import GongzhiCore
import Vapor

/// The member's phone: my report (with 亮身份), the round to confirm, my posts and the posts I may claim, the
/// service form and my services. Without a report: the form to report to the home community.
struct ReportingPhoneModel: Sendable {
    var name: String
    var home: OrgNode?
    var employer: String
    var report: ReportingLists.MemberReportOut?
    var rounds: [Round]
    var held: [Held]
    var posts: [ReportingLists.PostOut]
    var services: [ReportingLists.ServiceOut]
    var today: LocalDate

    struct Held: Sendable {
        let claimID: Int
        let postID: Int
        let title: String
        let schedule: String
        let since: String
    }

    struct Round: Sendable {
        let id: Int
        let title: String
        let closesOn: String
        let confirmed: Bool
    }

    static func query(_ caller: Caller) async throws -> ReportingPhoneModel {
        let (_, personID) = try await ReportingFacts.member(caller)
        let db = caller.db
        let person = try await PeopleQueries.reportingPerson(personID, on: db)
        let home = try await person.asyncMap { try await ReportingFacts.homeCommunity(of: $0, on: db) } ?? nil
        let active = try await ReportingFacts.activeMemberReport(person: personID, on: db)
        var m = ReportingPhoneModel(
            name: person?.name ?? "", home: home, employer: person?.employer ?? "", report: nil, rounds: [], held: [],
            posts: [], services: [], today: caller.today)
        guard let active else { return m }
        m.report = try await ReportingLists.memberOut([active], caller).first
        let claims = try await PostClaim.query(on: db).filter(\.$memberReportID == active.id!).filter(
            \.$endedOn == nil
        )
        .all()
        let posts = try await ReportingLists.posts(caller, communityID: nil).rows
        let byID = Dictionary(uniqueKeysWithValues: posts.map { ($0.id, $0) })
        m.held = claims.map { c in
            Held(
                claimID: c.id!, postID: c.postID, title: byID[c.postID]?.title ?? "",
                schedule: byID[c.postID]?.schedule ?? "", since: c.claimedOn)
        }
        m.posts = posts.filter { $0.active }
        let today = caller.today.description
        let rounds = try await ReportRound.query(on: db).filter(\.$communityNodeID == active.communityNodeID)
            .filter(\.$opensOn <= today).filter(\.$closesOn >= today).all()
        let confirmed = Set(
            try await RoundConfirmation.query(on: db).filter(\.$memberReportID == active.id!).all().map(\.roundID))
        m.rounds = rounds.map {
            Round(id: $0.id!, title: $0.title, closesOn: $0.closesOn, confirmed: confirmed.contains($0.id!))
        }
        m.services = Array(try await ReportingLists.services(caller, communityID: nil, verified: nil).rows.prefix(50))
        return m
    }

    static func body(_ m: ReportingPhoneModel, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let summary = Widgets.errorSummary(error, lang: lang, id: "reporting-error")
        guard let r = m.report else {
            return """
                <h1>\(lang.t(.navReportingPhone))</h1>\(summary)
                <p class="muted">\(lang.t(.reportingPhoneIntro))</p>
                \(reportForm(m, csrf: csrf, lang))
                """
        }
        let consent: HTML = """
            <form method="post" action="\(ReportingRoute.consent)" id="reporting-consent">\(csrf)\
            <input type="hidden" name="show" value="\(r.showIdentity ? "false" : "true")">\
            <p>\(lang.t(r.showIdentity ? .reportingIdentityShown : .reportingIdentityHidden))</p>\
            <button type="submit" class="secondary">\
            \(lang.t(r.showIdentity ? .reportingIdentityHide : .reportingIdentityShow))</button></form>
            """
        let rounds: [HTML] = m.rounds.map { round in
            if round.confirmed {
                return "<li>\(round.title) · \(lang.t(.reportingConfirmed))</li>"
            }
            return """
                <li><form method="post" action="\(ReportingRoute.confirm(.value(round.id)))">\(csrf)\
                \(round.title) · \(lang.t(.reportingRoundCloses, round.closesOn)) \
                <button type="submit">\(lang.t(.reportingConfirm))</button></form></li>
                """
        }
        let held: [HTML] = m.held.map { h in
            """
            <li><strong>\(h.title)</strong> \(h.schedule) · \(lang.t(.reportingSince, h.since)) \
            <form method="post" action="\(ReportingRoute.endClaim(.value(h.claimID)))" class="inline">\(csrf)\
            <button type="submit" class="secondary">\(lang.t(.reportingRelease))</button></form></li>
            """
        }
        let heldIDs = Set(m.held.map(\.postID))
        let open: [HTML] = m.posts.filter { !heldIDs.contains($0.id) }.map { p in
            let full = p.held >= p.capacity
            let action: HTML =
                full
                ? "<span class=\"tag warn\">\(lang.t(.reportingFull))</span>"
                : """
                <form method="post" action="\(ReportingRoute.claim(.value(p.id)))" class="inline">\(csrf)\
                <button type="submit">\(lang.t(.reportingClaim))</button></form>
                """
            return """
                <div class="card"><strong>\(p.title)</strong> <span class="muted">\(p.skills)</span><br>\
                \(p.schedule) · \(lang.t(.reportingHeldOf, String(p.held), String(p.capacity))) \(action)</div>
                """
        }
        let postOptions = Widgets.options([("", "—")] + m.held.map { (String($0.postID), $0.title) })
        let services: [HTML] = m.services.map { s in
            let tag: HTML =
                s.verified
                ? "<span class=\"tag\">\(lang.t(.reportingVerified))</span>"
                : s.rejectReason.map { "<span class=\"tag warn\">\(lang.t(.reportingRejected, $0))</span>" }
                    ?? "<span class=\"tag warn\">\(lang.t(.reportingUnverified))</span>"
            return "<li>\(s.servedOn) · \(ReportingFacts.hours(s.hours)) h · \(s.text) \(tag)</li>"
        }
        let noServices: HTML = "<p class=\"muted\">\(lang.t(.reportingNoServices))</p>"
        let roundList: HTML =
            rounds.isEmpty
            ? HTML.empty
            : "<section><h2>\(lang.t(.reportingRounds))</h2><ul id=\"reporting-rounds\">\(rounds)</ul></section>"
        let heldList: HTML =
            held.isEmpty
            ? "<p class=\"muted\">\(lang.t(.reportingNoPost))</p>" : "<ul id=\"reporting-held\">\(held)</ul>"
        return """
            <h1>\(lang.t(.navReportingPhone))</h1>\(summary)
            <section class="card" id="reporting-mine"><h2>\(lang.t(.reportingMyReport))</h2>
            <p>\(lang.t(.reportingReportedTo, r.communityName, r.reportedOn))</p>
            <p class="muted">\(lang.t(.columnEmployer)): \(r.employer)</p>\(consent)</section>
            \(roundList)
            <section><h2>\(lang.t(.reportingMyPosts))</h2>\(heldList)</section>
            <section><h2>\(lang.t(.reportingPostsToClaim))</h2><div id="reporting-posts">\(open)</div></section>
            <section><h2>\(lang.t(.reportingRecordService))</h2>
            <form method="post" action="\(ReportingRoute.services)" class="card" id="reporting-service">\(csrf)
            <label for="servedOn">\(lang.t(.reportingServedOn))</label>\
            <input id="servedOn" name="servedOn" type="date" value="\(m.today.description)">
            <label for="hours">\(lang.t(.reportingHours))</label>\
            <input id="hours" name="hours" inputmode="decimal" value="2">
            <label for="text">\(lang.t(.reportingServiceWhat))</label>\
            <textarea id="text" name="text" rows="3" maxlength="\(ReportingService.maxText)"></textarea>
            <label for="postId">\(lang.t(.reportingPost))</label>\
            <select id="postId" name="postId">\(postOptions)</select>
            <p><button type="submit">\(lang.t(.reportingRecordService))</button></p></form></section>
            <section><h2>\(lang.t(.reportingMyServices))</h2>\
            \(services.isEmpty ? noServices : "<ul id=\"reporting-services\">\(services)</ul>")</section>
            <section><h2>\(lang.t(.reportingTransferOut))</h2>
            <form method="post" action="\(ReportingRoute.endMember(.value(r.id)))" class="card">\(csrf)
            <label for="reason">\(lang.t(.reportingEndReason))</label><input id="reason" name="reason" \
            maxlength="\(ReportingService.maxShort)">
            <p><button type="submit" class="secondary">\(lang.t(.reportingEnd))</button></p></form></section>
            """
    }

    static func reportForm(_ m: ReportingPhoneModel, csrf: HTML, _ lang: Lang) -> HTML {
        guard let home = m.home else { return "<p class=\"flash error\">\(lang.t(.errorReportingNoHome))</p>" }
        return """
            <form method="post" action="\(ReportingRoute.members)" class="card" id="reporting-report">\(csrf)
            <p>\(lang.t(.reportingHome)): <strong>\(home.name)</strong></p>
            <label for="employer">\(lang.t(.columnEmployer))</label>\
            <input id="employer" name="employer" value="\(m.employer)" maxlength="\(ReportingService.maxShort)">
            <label class="choice"><input type="checkbox" name="showIdentity" value="true"> \
            \(lang.t(.reportingShowIdentityHint))</label>
            <p><button type="submit" id="reporting-submit">\(lang.t(.reportingReport))</button></p></form>
            """
    }
}
