import Fluent
import GongzhiCore
import Vapor

/// Reporting's pages: the member's phone, the liaison's and staff's desk. Handlers read the request, call a query
/// or a service with `req.caller`, and render; a refusal the user can fix comes back as the same page with the
/// message (422 or 409).
enum ReportingPages {
    static func register(_ p: RoutesBuilder) {
        p.get(ReportingRoute.page, use: page)
        p.form(ReportingRoute.consent, use: consent)
        p.get(ReportingRoute.units, use: units)
        p.form(ReportingRoute.units, use: createUnit)
        p.form(ReportingRoute.endUnit(.key), use: endUnit)
        p.get(ReportingRoute.unitsExport, use: ReportingExport.unitReports)
        p.get(ReportingRoute.members, use: members)
        p.form(ReportingRoute.members, use: createMember)
        p.form(ReportingRoute.endMember(.key), use: endMember)
        p.get(ReportingRoute.membersExport, use: ReportingExport.memberReports)
        p.get(ReportingRoute.posts, use: posts)
        p.form(ReportingRoute.posts, use: createPost)
        p.form(ReportingRoute.claim(.key), use: claim)
        p.form(ReportingRoute.endClaim(.key), use: endClaim)
        p.get(ReportingRoute.services, use: services)
        p.form(ReportingRoute.services, use: recordService)
        p.form(ReportingRoute.verify(.key), use: verify)
        p.form(ReportingRoute.reject(.key), use: reject)
        p.get(ReportingRoute.rounds, use: rounds)
        p.form(ReportingRoute.rounds, use: openRound)
        p.get(ReportingRoute.round(.key), use: round)
        p.form(ReportingRoute.confirm(.key), use: confirm)
    }

    private static func render(_ req: Request, _ title: String, _ body: HTML) -> HTML {
        Layout.page(req, title: title, body: body, active: ReportingRoute.page.path)
    }

    private static func isMember(_ req: Request) -> Bool { req.viewer?.role == .partyMember }

    // MARK: Home

    @Sendable static func page(_ req: Request) async throws -> HTML {
        try await home(req, error: nil)
    }

    static func home(_ req: Request, error: AppError?) async throws -> HTML {
        if isMember(req) {
            let m = try await ReportingPhoneModel.query(req.caller)
            return render(
                req, req.t(.navReportingPhone),
                ReportingPhoneModel.body(m, error: error, csrf: CSRF.hiddenField(req), req.lang))
        }
        let v = try await req.require(.viewTree)
        if ReportingFacts.isLiaison(v) { return try await unitsPage(req, nil, error: error) }
        let m = try await ReportingLists.funnel(req.caller, nodeID: nil)
        return render(req, req.t(.navReporting), ReportingDesk.funnel(m, canExport: v.can(.exportData), req.lang))
    }

    /// A change from the member's phone: back to the phone page, or the page again with the message.
    private static func phoneChange(_ req: Request, _ action: () async throws -> Void) async throws -> Response {
        try await FormChange.run(
            req,
            to: {
                try await action()
                return ReportingRoute.page.link
            }, page: { e in try await home(req, error: e) })
    }

    struct ConsentForm: Content { var show: String? }

    @Sendable static func consent(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ConsentForm.self)
        return try await phoneChange(req) {
            _ = try await ReportingService.setConsent(req.caller, show: f.show == "true")
        }
    }

    // MARK: Unit reports

    static func unitsPage(_ req: Request, _ f: ReportingDesk.UnitForm?, error: AppError?) async throws -> HTML {
        let m = try await ReportingDesk.units(req.caller)
        return render(
            req, req.t(.reportingUnitReports),
            ReportingDesk.units(m, f, error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func units(_ req: Request) async throws -> HTML { try await unitsPage(req, nil, error: nil) }

    @Sendable static func createUnit(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ReportingDesk.UnitForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.createUnitReport(req.caller, try f.input())
                return ReportingRoute.units.link
            }, page: { e in try await unitsPage(req, f, error: e) })
    }

    struct EndForm: Content {
        var reason: String?
        var endedOn: String?
    }

    @Sendable static func endUnit(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(EndForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.endUnitReport(
                    req.caller, id: id, .init(reason: f.reason, endedOn: f.endedOn))
                return ReportingRoute.units.link
            }, page: { e in try await unitsPage(req, nil, error: e) })
    }

    // MARK: Member reports

    static func stage(_ req: Request) throws -> ReportingFunnel.Stage? {
        guard let raw = req.query[String.self, at: "stage"], !raw.isEmpty else { return nil }
        guard let s = ReportingFunnel.Stage(rawValue: raw) else { throw AppError.badRequest(.errorEnum) }
        return s
    }

    static func membersPage(_ req: Request, _ f: ReportingDesk.MemberForm?, error: AppError?) async throws -> HTML {
        let m = try await ReportingDesk.members(
            req.caller, communityID: try ReportingAPI.communityID(req), stage: try stage(req))
        let page = Paged(all: m.reports, try req.pageRequest())
        return render(
            req, req.t(.reportingMemberReports),
            ReportingDesk.members(
                m, page: page, pager: Widgets.pager(req, page), f, error: error, csrf: CSRF.hiddenField(req), req.lang)
        )
    }

    @Sendable static func members(_ req: Request) async throws -> HTML {
        if isMember(req) { return try await home(req, error: nil) }
        return try await membersPage(req, nil, error: nil)
    }

    @Sendable static func createMember(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ReportingDesk.MemberForm.self)
        if isMember(req) {
            return try await phoneChange(req) {
                var input = try f.input()
                input.personID = nil
                input.communityNodeID = nil
                _ = try await ReportingService.createMemberReport(req.caller, input)
            }
        }
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.createMemberReport(req.caller, try f.input())
                return ReportingRoute.members.link
            }, page: { e in try await membersPage(req, f, error: e) })
    }

    @Sendable static func endMember(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(EndForm.self)
        let input = ReportingService.EndInput(reason: f.reason, endedOn: f.endedOn)
        if isMember(req) {
            return try await phoneChange(req) {
                _ = try await ReportingService.endMemberReport(req.caller, id: id, input)
            }
        }
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.endMemberReport(req.caller, id: id, input)
                return ReportingRoute.members.link
            }, page: { e in try await membersPage(req, nil, error: e) })
    }

    // MARK: Posts

    static func postsPage(_ req: Request, _ f: ReportingDesk.PostForm?, error: AppError?) async throws -> HTML {
        let m = try await ReportingDesk.posts(req.caller)
        return render(
            req, req.t(.reportingPosts), ReportingDesk.posts(m, f, error: error, csrf: CSRF.hiddenField(req), req.lang)
        )
    }

    @Sendable static func posts(_ req: Request) async throws -> HTML {
        if isMember(req) { return try await home(req, error: nil) }
        return try await postsPage(req, nil, error: nil)
    }

    @Sendable static func createPost(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ReportingDesk.PostForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.createPost(req.caller, try f.input())
                return ReportingRoute.posts.link
            }, page: { e in try await postsPage(req, f, error: e) })
    }

    @Sendable static func claim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        return try await phoneChange(req) { _ = try await ReportingService.claim(req.caller, postID: id, .init()) }
    }

    @Sendable static func endClaim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        if isMember(req) {
            return try await phoneChange(req) { _ = try await ReportingService.endClaim(req.caller, id: id) }
        }
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.endClaim(req.caller, id: id)
                return ReportingRoute.posts.link
            }, page: { e in try await postsPage(req, nil, error: e) })
    }

    // MARK: Services

    static func servicesPage(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let list = try await ReportingLists.services(
            req.caller, communityID: try ReportingAPI.communityID(req), verified: false
        ).rows
        return render(
            req, req.t(.reportingToVerify),
            ReportingDesk.services(
                list, canVerify: v.can(.editTree), error: error, csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func services(_ req: Request) async throws -> HTML {
        if isMember(req) { return try await home(req, error: nil) }
        return try await servicesPage(req, error: nil)
    }

    struct ServiceForm: Content {
        var servedOn: String?
        var hours: String?
        var text: String?
        var postId: String?
    }

    @Sendable static func recordService(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ServiceForm.self)
        return try await phoneChange(req) {
            let raw = (f.hours ?? "").trimmingWhitespace()
            guard let hours = Double(raw), hours.isFinite else {
                throw AppError.invalid(.errorReportingHoursNotPositive, field: "hours")
            }
            let input = ReportingService.ServiceInput(
                servedOn: f.servedOn, hours: hours, text: f.text, postID: try FormNumber.int(f.postId, field: "postId")
            )
            _ = try await ReportingService.recordService(req.caller, input)
        }
    }

    @Sendable static func verify(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.verify(req.caller, id: id)
                return ReportingRoute.services.link
            }, page: { e in try await servicesPage(req, error: e) })
    }

    struct RejectForm: Content {
        var reason: String?
    }

    @Sendable static func reject(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(RejectForm.self)
        return try await FormChange.run(
            req,
            to: {
                _ = try await ReportingService.reject(req.caller, id: id, reason: f.reason)
                return ReportingRoute.services.link
            }, page: { e in try await servicesPage(req, error: e) })
    }

    // MARK: Rounds

    static func roundsPage(_ req: Request, _ f: ReportingDesk.RoundForm?, error: AppError?) async throws -> HTML {
        let (rows, communities, canEdit) = try await ReportingDesk.rounds(req.caller)
        return render(
            req, req.t(.reportingRounds),
            ReportingDesk.rounds(
                rows, communities: communities, canEdit: canEdit, f, today: req.clock.today, error: error,
                csrf: CSRF.hiddenField(req), req.lang))
    }

    @Sendable static func rounds(_ req: Request) async throws -> HTML {
        if isMember(req) { return try await home(req, error: nil) }
        return try await roundsPage(req, nil, error: nil)
    }

    @Sendable static func openRound(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ReportingDesk.RoundForm.self)
        return try await FormChange.run(
            req,
            to: {
                guard let community = try FormNumber.int(f.communityNodeId, field: "communityNodeId") else {
                    throw AppError.invalid(.errorRefUnknown, field: "communityNodeId")
                }
                let r = try await ReportingService.openRound(
                    req.caller,
                    .init(
                        communityNodeID: community, title: f.title ?? "", opensOn: f.opensOn ?? "",
                        closesOn: f.closesOn ?? ""))
                return ReportingRoute.round(.value(r.id!)).link
            }, page: { e in try await roundsPage(req, f, error: e) })
    }

    @Sendable static func round(_ req: Request) async throws -> HTML {
        let m = try await ReportingDesk.round(try req.intParameter("id"), req.caller)
        return render(req, m.round.title, ReportingDesk.round(m, req.lang))
    }

    @Sendable static func confirm(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        return try await phoneChange(req) { _ = try await ReportingService.confirm(req.caller, roundID: id) }
    }
}
