/// The five steps of a resident's request as a state machine:
/// 居民提事 → 网格议事 → 会议定事 → 联动办事 → 群众评事.
/// Every change is an event; the current state is what the events lead to. Nothing is edited in place.
public enum RequestState: String, CaseIterable, Codable, Sendable {
    case raised  // 居民提事: waiting for the grid
    case gridReview  // 网格议事: taken by a grid worker
    case meetingDecision  // 会议定事: on the agenda of the community's joint meeting
    case escalated  // 吹哨: waiting for the street or the district to dispatch
    case dispatched  // 联动办事: sent to handlers, waiting for them to accept
    case handling  // accepted, being handled
    case resolved  // 群众评事: done, waiting for the resident's rating
    case closed
    case merged  // a duplicate, merged into another request

    public var isOpen: Bool { ![.closed, .merged].contains(self) }
    public var labelKey: String { "requestState.\(rawValue)" }
    /// Open311 knows two states.
    public var open311: String { isOpen ? "open" : "closed" }
}

public enum RequestKind: String, CaseIterable, Codable, Sendable {
    case consultation, help, complaint, report, suggestion
    public var labelKey: String { "requestKind.\(rawValue)" }
}

public enum RequestChannel: String, CaseIterable, Codable, Sendable {
    case app, visit, hotline, patrol, walkIn, open311
    public var labelKey: String { "channel.\(rawValue)" }
}

public enum Rating: String, CaseIterable, Codable, Sendable {
    case satisfied, basicallySatisfied, unsatisfied
    public var labelKey: String { "rating.\(rawValue)" }
}

/// Who a request is with: the community, then the street, then the district (吹哨报到).
public enum EscalationLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case community = 0
    case street = 1
    case district = 2
    public var next: EscalationLevel? { EscalationLevel(rawValue: rawValue + 1) }
    public var labelKey: String { "level.\(self)" }
    public static func < (a: EscalationLevel, b: EscalationLevel) -> Bool { a.rawValue < b.rawValue }
}

public enum RequestAction: String, CaseIterable, Codable, Sendable {
    case raise, take, settle, forward, decide, dispatch, accept, returnDispatch, progress
    case requestExtension, approveExtension, refuseExtension, complete, escalate, supervise
    case rate, reopen, closeUnrated, merge, comment
    public var labelKey: String { "requestAction.\(rawValue)" }
}

public struct RequestFacts: Sendable, Equatable {
    public var state: RequestState
    public var level: EscalationLevel
    public var reopenCount: Int
    /// Where a returned dispatch goes back to.
    public var dispatchedFrom: RequestState?
    public var pendingExtension: Bool
    public init(
        state: RequestState, level: EscalationLevel = .community, reopenCount: Int = 0,
        dispatchedFrom: RequestState? = nil, pendingExtension: Bool = false
    ) {
        self.state = state
        self.level = level
        self.reopenCount = reopenCount
        self.dispatchedFrom = dispatchedFrom
        self.pendingExtension = pendingExtension
    }
}

public enum WorkflowError: Error, Equatable, Sendable {
    case notAllowed(action: RequestAction, from: RequestState)
    case noHigherLevel
    case noPendingExtension
    case extensionPending
    public var messageKey: String {
        switch self {
        case .notAllowed: "error.request.transition"
        case .noHigherLevel: "error.request.topLevel"
        case .noPendingExtension: "error.request.noExtension"
        case .extensionPending: "error.request.extensionPending"
        }
    }
}

public enum RequestWorkflow {
    public static let defaultReopenLimit = 2

    /// The facts after an action, or why the action is refused in the current state.
    public static func apply(
        _ action: RequestAction, to f: RequestFacts, rating: Rating? = nil,
        reopenLimit: Int = defaultReopenLimit
    ) throws(WorkflowError) -> RequestFacts {
        var n = f
        func refuse() -> WorkflowError { .notAllowed(action: action, from: f.state) }
        switch action {
        case .raise:
            throw refuse()  // a request is raised once, when it is created
        case .take:
            guard f.state == .raised else { throw refuse() }
            n.state = .gridReview
        case .settle:
            guard f.state == .gridReview else { throw refuse() }
            n.state = .resolved
        case .forward:
            guard f.state == .gridReview else { throw refuse() }
            n.state = .meetingDecision
        case .decide:
            guard f.state == .meetingDecision else { throw refuse() }
            n.state = .dispatched
            n.dispatchedFrom = .meetingDecision
        case .dispatch:
            // Dispatched again while waiting (re-routed: the unit has no liaison, or the wrong one was chosen) or
            // while handled (more handlers): the step it came from stays.
            guard [.gridReview, .meetingDecision, .escalated, .dispatched, .handling].contains(f.state) else {
                throw refuse()
            }
            n.dispatchedFrom = [.handling, .dispatched].contains(f.state) ? f.dispatchedFrom : f.state
            n.state = .dispatched
        case .accept:
            guard f.state == .dispatched else { throw refuse() }
            n.state = .handling
        case .returnDispatch:
            guard f.state == .dispatched || f.state == .handling else { throw refuse() }
            n.state = f.dispatchedFrom ?? .gridReview
        case .progress:
            guard f.state == .handling else { throw refuse() }
        case .requestExtension:
            guard f.state == .handling else { throw refuse() }
            if f.pendingExtension { throw .extensionPending }
            n.pendingExtension = true
        case .approveExtension, .refuseExtension:
            guard f.state == .handling else { throw refuse() }
            guard f.pendingExtension else { throw .noPendingExtension }
            n.pendingExtension = false
        case .complete:
            guard f.state == .handling else { throw refuse() }
            n.state = .resolved
            n.pendingExtension = false
        case .escalate:
            guard [.gridReview, .meetingDecision, .escalated, .dispatched, .handling].contains(f.state) else {
                throw refuse()
            }
            guard let next = f.level.next else { throw .noHigherLevel }
            n.level = next
            n.state = .escalated
            n.pendingExtension = false
        case .supervise, .comment:
            guard f.state.isOpen else { throw refuse() }
        case .rate:
            guard f.state == .resolved, let rating else { throw refuse() }
            if rating == .unsatisfied && f.reopenCount < reopenLimit {
                n.state = .handling
                n.reopenCount += 1
            } else {
                n.state = .closed
            }
        case .reopen:
            guard f.state == .closed, f.reopenCount < reopenLimit else { throw refuse() }
            n.state = .handling
            n.reopenCount += 1
        case .closeUnrated:
            guard f.state == .resolved else { throw refuse() }
            n.state = .closed
        case .merge:
            guard [.raised, .gridReview].contains(f.state) else { throw refuse() }
            n.state = .merged
        }
        return n
    }

    /// The actions a state allows, for showing only the buttons that will work.
    public static func allowed(from f: RequestFacts) -> [RequestAction] {
        RequestAction.allCases.filter { a in
            (try? apply(a, to: f, rating: a == .rate ? .satisfied : nil)) != nil
        }
    }
}
