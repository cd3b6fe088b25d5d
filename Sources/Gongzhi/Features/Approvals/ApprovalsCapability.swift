import Fluent
import GongzhiCore

extension Capability {
    /// 审批: the one place where records that a rule makes wait for a named approver are decided. The kinds are
    /// declared by the capabilities that own the records (`Capability.approvals`); this lists and decides them.
    static let approvals = Capability(
        name: "Approvals",
        migrations: [CreateApprovals()],
        register: { r in
            ApprovalsPages.register(r.pages)
            ApprovalsPages.registerAPI(r.api)
        },
        routeTypes: [ApprovalsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 95, link: ApprovalsRoute.page.link, key: .navApprovals,
                roles: ApprovalsPages.approverRoles, group: .office)
        ],
        homeTiles: [
            HomeTile(
                layout: .desk, order: 95, link: ApprovalsRoute.page.link, key: .navApprovals,
                hint: .homeApprovalsHint, count: { v, db, _ in try await Approvals.waiting(for: v, on: db).count() },
                roles: ApprovalsPages.approverRoles)
        ],
        auditKinds: [.approval],
        treePaths: [Approval.treePaths],
        apiDoc: {
            let tag = "approvals"
            return [
                APIOperation(
                    .get, "approvals",
                    "Approvals: waiting for the caller (default), recorded by the caller, or all in scope (staff)",
                    tag: tag,
                    parameters: [.query("show", ApprovalsPages.Show.self, "waiting, mine or all")],
                    answer: .page(ApprovalOut.self)),
                APIOperation(
                    .post, "approvals/{id}/approve",
                    "The named approver approves: the record is written and counts from now", tag: tag,
                    answer: .one(ApprovalOut.self)),
                APIOperation(
                    .post, "approvals/{id}/refuse",
                    "The named approver refuses, with a reason: nothing is written, the refusal stays on record",
                    tag: tag, body: .one(ApprovalsPages.RefuseInput.self),
                    answer: .one(ApprovalOut.self)),
            ]
        },
        strings: ApprovalsStrings.table,
        todos: { caller in try await ApprovalsPages.todos(caller) }
    )
}

extension ApprovalState: APIEnum {}
