import Testing

@testable import GongzhiCore

@Suite struct ApprovalRulesTests {
    typealias P = ApprovalRules.Party

    @Test func nobodyApprovesWhatTheyRecordedOrWhatBenefitsThem() {
        func naming(_ approver: P, recorder: Int = 1, beneficiary: Int? = 50) -> ApprovalRules.Refusal? {
            do {
                try ApprovalRules.checkNaming(
                    approver: approver, recorderUserID: recorder, beneficiaryPersonID: beneficiary)
                return nil
            } catch { return error }
        }
        #expect(naming(P(userID: 2, personID: nil)) == nil)
        #expect(naming(P(userID: 1, personID: nil)) == .selfApproval)
        #expect(naming(P(userID: 2, personID: 50)) == .beneficiary)
        #expect(naming(P(userID: 2, personID: 51)) == nil)
        #expect(naming(P(userID: 2, personID: 50), beneficiary: nil) == nil)
    }

    @Test func onlyTheNamedApproverDecidesOnceAndARefusalSaysWhy() {
        func decide(
            _ decider: P, state: ApprovalState = .pending, approve: Bool = true, reason: String = ""
        ) -> ApprovalRules.Refusal? {
            do {
                try ApprovalRules.checkDecision(
                    state: state, decider: decider, approverUserID: 2, recorderUserID: 1, beneficiaryPersonID: 50,
                    approve: approve, reason: reason)
                return nil
            } catch { return error }
        }
        let approver = P(userID: 2, personID: nil)
        #expect(decide(approver) == nil)
        #expect(decide(P(userID: 3, personID: nil)) == .notApprover)
        #expect(decide(P(userID: 1, personID: nil)) == .notApprover)
        #expect(decide(approver, state: .approved) == .decided)
        #expect(decide(approver, state: .refused) == .decided)
        #expect(decide(approver, approve: false) == .reasonRequired)
        #expect(decide(approver, approve: false, reason: " \n") == .reasonRequired)
        #expect(decide(approver, approve: false, reason: "重复") == nil)
        // An account linked to the beneficiary since it was named may not approve.
        #expect(decide(P(userID: 2, personID: 50)) == .beneficiary)
    }
}
