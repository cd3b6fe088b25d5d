import GongzhiCore

/// Approvals' interface strings.
extension Text {
    static let navApprovals = Text("nav.approvals")
    static let homeApprovalsHint = Text("home.approvals.hint")
    static let approvalRule = Text("approval.rule")
    static let approvalNone = Text("approval.none")
    static let approvalApprove = Text("approval.approve")
    static let approvalRefuse = Text("approval.refuse")
    static let approvalReason = Text("approval.reason")
    static let approvalRecordedBy = Text("approval.recordedBy")
    static let approvalApprover = Text("approval.approver")
    static let approvalWaitingFor = Text("approval.waitingFor")
    static func approvalShow(_ s: ApprovalsPages.Show) -> Text { Text("approval.show.\(s.rawValue)") }
}

enum ApprovalsStrings {
    static let table = StringTable([
        .navApprovals: ("审批", "Approvals"),
        .homeApprovalsHint: ("待我审批的时长和积分", "Hours and points waiting for my approval"),
        .approvalRule: (
            "手工录入的服务时长和积分奖励须经指定的审批人同意后才计入；"
                + "审批人不能是录入人或受益人，驳回须写明理由。",
            "Hours entered by hand and points awards count only once the named approver agrees; the approver is "
                + "neither the recorder nor the beneficiary, and a refusal says why."
        ),
        .approvalNone: ("没有审批事项。", "Nothing to approve."),
        .approvalApprove: ("同意", "Approve"),
        .approvalRefuse: ("驳回", "Refuse"),
        .approvalReason: ("驳回理由", "Reason for refusal"),
        .approvalRecordedBy: ("{0} 录入于 {1}", "recorded by {0} on {1}"),
        .approvalApprover: ("审批人：{0}", "approver: {0}"),
        .approvalWaitingFor: ("审批", "Approve or refuse"),
        .approvalShow(.waiting): ("待我审批", "Waiting for me"),
        .approvalShow(.mine): ("我提交的", "Recorded by me"),
        .approvalShow(.all): ("全部", "All in my scope"),
        Text("entity.approval"): ("审批", "Approval"),
    ])
}
