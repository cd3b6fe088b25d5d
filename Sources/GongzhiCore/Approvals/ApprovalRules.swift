/// 审批: where a rule names an approver, the record waits for them and counts only once approved.
public enum ApprovalState: String, CaseIterable, Codable, Sendable {
    case pending, approved, refused
    public var labelKey: String { "approval.state.\(rawValue)" }
}

public enum ApprovalRules {
    public enum Refusal: String, Error, Sendable, Equatable {
        /// The approver named is the one recording.
        case selfApproval
        /// The approver is the person the record benefits (their own hours or points).
        case beneficiary
        /// The one deciding is not the approver named.
        case notApprover
        /// Approved or refused already.
        case decided
        /// A refusal says why.
        case reasonRequired

        public var messageKey: String { "error.approval.\(rawValue)" }
    }

    /// Someone who may not approve: the recorder, or an account of the person the record benefits.
    public struct Party: Sendable, Equatable {
        public let userID: Int
        public let personID: Int?
        public init(userID: Int, personID: Int?) {
            self.userID = userID
            self.personID = personID
        }
    }

    /// Naming an approver: neither the one recording nor the one who benefits (nobody approves what they
    /// recorded or what benefits them; a secretary cannot name themselves).
    public static func checkNaming(approver: Party, recorderUserID: Int, beneficiaryPersonID: Int?)
        throws(Refusal)
    {
        guard approver.userID != recorderUserID else { throw .selfApproval }
        if let b = beneficiaryPersonID, approver.personID == b { throw .beneficiary }
    }

    /// Deciding: the named approver only, once, still neither recorder nor beneficiary (an account may have been
    /// linked to the person since); a refusal with its reason.
    public static func checkDecision(
        state: ApprovalState, decider: Party, approverUserID: Int, recorderUserID: Int, beneficiaryPersonID: Int?,
        approve: Bool, reason: String
    ) throws(Refusal) {
        guard decider.userID == approverUserID else { throw .notApprover }
        guard state == .pending else { throw .decided }
        try checkNaming(approver: decider, recorderUserID: recorderUserID, beneficiaryPersonID: beneficiaryPersonID)
        if !approve, reason.allSatisfy(\.isWhitespace) { throw .reasonRequired }
    }
}
