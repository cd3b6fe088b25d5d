import Testing
@testable import GongzhiCore

@Suite("Request workflow: every allowed and refused transition")
struct RequestWorkflowTests {
    func facts(_ s: RequestState, level: EscalationLevel = .community, reopen: Int = 0, from: RequestState? = nil, ext: Bool = false) -> RequestFacts {
        RequestFacts(state: s, level: level, reopenCount: reopen, dispatchedFrom: from, pendingExtension: ext)
    }

    /// The whole table: for each state, the actions it allows. Anything else must be refused.
    static let table: [RequestState: Set<RequestAction>] = [
        .raised: [.take, .merge, .supervise, .comment],
        .gridReview: [.settle, .forward, .dispatch, .escalate, .merge, .supervise, .comment],
        .meetingDecision: [.decide, .dispatch, .escalate, .supervise, .comment],
        .escalated: [.dispatch, .escalate, .supervise, .comment],
        .dispatched: [.accept, .returnDispatch, .escalate, .supervise, .comment],
        .handling: [.dispatch, .returnDispatch, .progress, .requestExtension, .complete, .escalate, .supervise, .comment],
        .resolved: [.rate, .closeUnrated, .supervise, .comment],
        .closed: [.reopen],
        .merged: [],
    ]

    @Test(arguments: RequestState.allCases)
    func everyTransitionIsAllowedOrRefusedAsTheTableSays(state: RequestState) {
        let allowed = Self.table[state]!
        for action in RequestAction.allCases {
            let result = try? RequestWorkflow.apply(action, to: facts(state, from: .gridReview), rating: .satisfied)
            #expect((result != nil) == allowed.contains(action), "\(action) from \(state)")
        }
        #expect(Set(RequestWorkflow.allowed(from: facts(state, from: .gridReview))) == allowed)
    }

    @Test func theFiveStepsEndToEnd() throws {
        var f = facts(.raised)
        f = try RequestWorkflow.apply(.take, to: f)
        f = try RequestWorkflow.apply(.forward, to: f)
        #expect(f.state == .meetingDecision)
        f = try RequestWorkflow.apply(.decide, to: f)
        #expect(f.state == .dispatched && f.dispatchedFrom == .meetingDecision)
        f = try RequestWorkflow.apply(.accept, to: f)
        f = try RequestWorkflow.apply(.requestExtension, to: f)
        #expect(throws: WorkflowError.extensionPending) { try RequestWorkflow.apply(.requestExtension, to: f) }
        f = try RequestWorkflow.apply(.approveExtension, to: f)
        #expect(throws: WorkflowError.noPendingExtension) { try RequestWorkflow.apply(.refuseExtension, to: f) }
        f = try RequestWorkflow.apply(.complete, to: f)
        #expect(f.state == .resolved)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .satisfied)
        #expect(f.state == .closed)
    }

    @Test func unsatisfiedReopensUpToTheLimit() throws {
        var f = facts(.resolved)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .unsatisfied, reopenLimit: 1)
        #expect(f.state == .handling && f.reopenCount == 1)
        f = try RequestWorkflow.apply(.complete, to: f)
        f = try RequestWorkflow.apply(.rate, to: f, rating: .unsatisfied, reopenLimit: 1)
        #expect(f.state == .closed) // the limit is reached: closed as unsatisfied
        #expect(throws: WorkflowError.notAllowed(action: .reopen, from: .closed)) { try RequestWorkflow.apply(.reopen, to: f, reopenLimit: 1) }
        #expect(throws: WorkflowError.notAllowed(action: .rate, from: .resolved)) { try RequestWorkflow.apply(.rate, to: facts(.resolved)) }
    }

    @Test func escalationClimbsCommunityStreetDistrictAndStops() throws {
        var f = facts(.handling, from: .gridReview)
        f = try RequestWorkflow.apply(.escalate, to: f)
        #expect(f.level == .street && f.state == .escalated)
        f = try RequestWorkflow.apply(.escalate, to: f)
        #expect(f.level == .district)
        #expect(throws: WorkflowError.noHigherLevel) { try RequestWorkflow.apply(.escalate, to: f) }
        f = try RequestWorkflow.apply(.dispatch, to: f)
        #expect(f.state == .dispatched && f.dispatchedFrom == .escalated)
        f = try RequestWorkflow.apply(.returnDispatch, to: f)
        #expect(f.state == .escalated) // 退单 goes back to whoever dispatched
    }
}
