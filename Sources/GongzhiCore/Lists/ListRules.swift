import Foundation

/// The four lists (四个清单): needs and problems raised by residents, visits, requests and meetings; resources and
/// service teams offered by units, members, teams and departments.
public enum ListItemKind: String, CaseIterable, Codable, Sendable {
    case need
    case problem
}

/// Where a need or problem came from; the item keeps a link to its origin.
public enum ListOrigin: String, CaseIterable, Codable, Sendable {
    case phone
    case request
    case visit
    case meeting
    case staff
}

/// Who offers a resource.
public enum ResourceOfferer: String, CaseIterable, Codable, Sendable {
    case unit
    case member
    case team
    case department
    case community
}

/// A need's state, derived from its claims and never typed: open while nothing is claimed, partly met while less
/// than what was needed is claimed, met when all of it is. A closed item (withdrawn or settled otherwise) is closed
/// whatever its claims.
public enum NeedStatus: String, CaseIterable, Codable, Sendable {
    case open
    case partlyMet
    case met
    case closed
}

public enum ListRules {
    public enum Problem: Error, Equatable, Sendable {
        /// A claim would take more than what is still needed (the amount still open).
        case beyondNeed(open: Int)
        /// A claim would take more than the resource can still give.
        case beyondCapacity(free: Int)
        case quantityNotPositive
        case itemClosed
        case alreadyWithdrawn
    }

    /// The amount still open: what was needed less the active claims.
    public static func open(needed: Int, claimed: [Int]) -> Int {
        max(0, needed - claimed.reduce(0, +))
    }

    public static func status(needed: Int, claimed: [Int], closed: Bool) -> NeedStatus {
        if closed { return .closed }
        let total = claimed.reduce(0, +)
        if total <= 0 { return .open }
        return total >= needed ? .met : .partlyMet
    }

    /// Whether a new claim of `quantity` fits: positive, the item open, within what is still needed and within what
    /// the resource can still give (`free` is nil when the claim names no resource, such as a unit's own claim).
    public static func checkClaim(quantity: Int, needed: Int, claimed: [Int], closed: Bool, free: Int?) throws {
        if closed { throw Problem.itemClosed }
        if quantity <= 0 { throw Problem.quantityNotPositive }
        let open = open(needed: needed, claimed: claimed)
        if quantity > open { throw Problem.beyondNeed(open: open) }
        if let free, quantity > free { throw Problem.beyondCapacity(free: max(0, free)) }
    }
}

/// 行动项目: an action project built from matched items, from proposal to closure.
public enum ProjectState: String, CaseIterable, Codable, Sendable {
    case proposed
    case underway
    case closed
    case cancelled
}

/// Who a project serves (beneficiary groups), counted on closure.
public enum BeneficiaryGroup: String, CaseIterable, Codable, Sendable {
    case elders
    case children
    case disabled
    case lowIncome
    case veterans
    case residents
}

public enum ProjectRules {
    public enum Problem: Error, Equatable, Sendable {
        case transition(from: ProjectState, to: ProjectState)
        case evidenceRequired
        case milestonesOpen(Int)
        case ratingRange
    }

    /// proposed → underway → closed; proposed or underway → cancelled; nothing leaves closed or cancelled.
    public static func canMove(_ from: ProjectState, to: ProjectState) -> Bool {
        switch (from, to) {
        case (.proposed, .underway), (.underway, .closed), (.proposed, .cancelled), (.underway, .cancelled): true
        default: false
        }
    }

    /// Closing needs evidence and every milestone done or dropped; the residents' rating is 1–5 when given.
    public static func checkClosure(state: ProjectState, evidence: String, openMilestones: Int, rating: Int?) throws {
        guard canMove(state, to: .closed) else { throw Problem.transition(from: state, to: .closed) }
        if evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw Problem.evidenceRequired }
        if openMilestones > 0 { throw Problem.milestonesOpen(openMilestones) }
        if let rating, !(1...5).contains(rating) { throw Problem.ratingRange }
    }
}
