import Fluent
import GongzhiCore
import Vapor

/// The approvals list (what waits on me, what I recorded, everything in my scope) with approve and refuse, for the
/// desk, the phone and the API alike.
enum ApprovalsPages {
    /// The staff roles that record and approve; residents and members never hold an approval.
    static let approverRoles: Set<Role> = Set(Role.allCases).subtracting(NavEntry.residents)

    /// Which approvals a list shows.
    enum Show: String, CaseIterable, Codable, Sendable, APIEnum {
        case waiting, mine, all
    }

    struct RefuseInput: StrictInput {
        static let fields: Set<String> = ["reason"]
        var reason: String?
    }

    static func register(_ p: any RoutesBuilder) {
        p.get(ApprovalsRoute.page, use: page)
        p.form(ApprovalsRoute.approve(.key), use: approve)
        p.form(ApprovalsRoute.refuse(.key), use: refuse)
    }

    static func registerAPI(_ api: any RoutesBuilder) {
        api.get(ApprovalsRoute.api) { req in
            try await list(req.caller, show: try show(req), page: try req.pageRequest())
        }
        api.post(ApprovalsRoute.apiApprove(.key)) { req in
            let a = try await Approvals.decide(req.caller, id: try req.intParameter("id"), approve: true, reason: nil)
            return try await Approvals.out([a], req.caller)[0]
        }
        api.post(ApprovalsRoute.apiRefuse(.key)) { req in
            let input = try req.decodeStrict(RefuseInput.self)
            let a = try await Approvals.decide(
                req.caller, id: try req.intParameter("id"), approve: false, reason: input.reason)
            return try await Approvals.out([a], req.caller)[0]
        }
    }

    static func show(_ req: Request) throws -> Show {
        guard let raw = req.query[String.self, at: "show"], !raw.isEmpty else { return .waiting }
        guard let s = Show(rawValue: raw) else { throw AppError.badRequest(.errorEnum, args: ["show", raw]) }
        return s
    }

    // MARK: Query

    /// Newest first, then by id: a stable order for pages.
    static func list(_ caller: Caller, show: Show, page: PageRequest) async throws -> Paged<ApprovalOut> {
        let v = try caller.requireViewer()
        let q = Approval.query(on: caller.db)
        switch show {
        case .waiting: q.filter(\.$approverUserID == v.user.id!).filter(\.$state == .pending)
        case .mine: q.filter(\.$recordedBy == v.user.id!)
        case .all:
            guard v.can(.viewPeople) else { throw AppError.forbidden() }
            q.inScope(v.scope, \.$path)
        }
        let rows = try await q.sort(\.$recordedAt, .descending).sort(\.$id, .descending).paged(page)
        return Paged(rows: try await Approvals.out(rows.rows, caller), total: rows.total, asked: page)
    }

    // MARK: Pages

    @Sendable static func page(_ req: Request) async throws -> HTML {
        try await render(req, error: nil)
    }

    static func render(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try req.requireViewer()
        let show = try show(req)
        let list = try await list(req.caller, show: show, page: try req.pageRequest())
        let tabs = Show.allCases.filter { $0 != .all || v.can(.viewPeople) }
        return Layout.page(
            req, title: req.t(.navApprovals),
            body: ApprovalsView.list(
                list, show: show, tabs: tabs, pager: Widgets.pager(req, list), error: error,
                csrf: CSRF.hiddenField(req), req.lang),
            active: ApprovalsRoute.page.path)
    }

    struct RefuseForm: Content {
        var reason: String?
    }

    @Sendable static func approve(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            {
                _ = try await Approvals.decide(req.caller, id: id, approve: true, reason: nil)
                return ApprovalsRoute.page.path
            }, page: { e in try await render(req, error: e) })
    }

    @Sendable static func refuse(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let f = try req.content.decode(RefuseForm.self)
        return try await FormChange.run(
            req,
            {
                _ = try await Approvals.decide(req.caller, id: id, approve: false, reason: f.reason)
                return ApprovalsRoute.page.path
            }, page: { e in try await render(req, error: e) })
    }

    // MARK: To-dos and the home tile

    static func todos(_ caller: Caller) async throws -> [TodoItem] {
        let v = try caller.requireViewer()
        let rows = try await Approvals.waiting(for: v, on: caller.db).sort(\.$recordedAt).sort(\.$id).limit(200).all()
        return rows.map { a in
            TodoItem(
                link: ApprovalsRoute.page.link, title: a.label,
                waitingFor: caller.lang.t(.approvalWaitingFor),
                origin: "\(ApprovalKind.label(a.kind, caller.lang)) · \(a.recordedByName)",
                due: nil)
        }
    }
}

/// The approvals list as HTML: a pure function of its model.
enum ApprovalsView {
    static func when(_ d: Date) -> String {
        let t = d.timeIntervalSince1970
        let day = LocalDate(instant: t)
        let minutes = Int((t - day.startInstant) / 60)
        let hh = minutes / 60 < 10 ? "0\(minutes / 60)" : "\(minutes / 60)"
        let mm = minutes % 60 < 10 ? "0\(minutes % 60)" : "\(minutes % 60)"
        return "\(day) \(hh):\(mm)"
    }

    static func list(
        _ list: Paged<ApprovalOut>, show: ApprovalsPages.Show, tabs: [ApprovalsPages.Show],
        pager: HTML, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        let nav: [HTML] = tabs.map { t in
            let link = ApprovalsRoute.page.query([("show", t.rawValue)])
            let current: HTML = t == show ? " aria-current=\"page\"" : ""
            return "<a href=\"\(link)\"\(current)>\(lang.t(.approvalShow(t)))</a>"
        }
        let rows: [HTML] = list.rows.map { a in
            let reason: HTML = a.reason.map { "：\($0)" } ?? ""
            let decided: HTML = a.decidedAt.map { " · \(when($0))\(reason)" } ?? ""
            let actions: HTML =
                a.mayDecide
                ? """
                <form method="post" action="\(ApprovalsRoute.approve(.value(a.id)))" class="inline">\(csrf)\
                <button type="submit" id="approve-\(a.id)">\(lang.t(.approvalApprove))</button></form>
                <form method="post" action="\(ApprovalsRoute.refuse(.value(a.id)))" class="inline">\(csrf)\
                <label for="reason-\(a.id)">\(lang.t(.approvalReason))</label>\
                <input id="reason-\(a.id)" name="reason" maxlength="500">\
                <button type="submit" class="secondary" id="refuse-\(a.id)">\(lang.t(.approvalRefuse))</button></form>
                """ : ""
            return """
                <li class="card" id="approval-\(a.id)"><strong>\(a.label)</strong> \
                <span class="tag">\(lang.t(.approvalState(a.state)))</span><br>\
                \(ApprovalKind.label(a.kind, lang)) · \
                \(lang.t(.approvalRecordedBy, a.recordedByName, when(a.recordedAt))) · \
                \(lang.t(.approvalApprover, a.approverName))\(decided)\(actions)</li>
                """
        }
        let none: HTML = "<p class=\"muted\">\(lang.t(.approvalNone))</p>"
        return """
            <h1>\(lang.t(.navApprovals))</h1>\(Widgets.errorSummary(error, lang: lang))
            <p class="muted">\(lang.t(.approvalRule))</p>
            <nav class="tabs" aria-label="\(lang.t(.navApprovals))">\(nav)</nav>
            \(rows.isEmpty ? none : "<ul id=\"approvals\" class=\"plain\">\(rows)</ul>")\(pager)
            """
    }
}
