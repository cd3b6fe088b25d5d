import Testing

@testable import GongzhiCore

@Suite("F8 four lists: derived need status, claims and match ranking")
struct ListRulesTests {
    /// A small deterministic generator (SplitMix64), so a failing sequence can be replayed from its seed.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Any sequence of claims and withdrawals: the claims accepted never exceed what was needed, and the status is
    /// always what the active claims say (open with none, met with all, partly met between).
    @Test(arguments: 0..<200)
    func statusFollowsAnySequenceOfClaimsAndWithdrawals(seed: Int) {
        var rng = Mix(state: UInt64(seed) &* 7919 &+ 1)
        let needed = Int.random(in: 1...12, using: &rng)
        var active: [Int] = []
        var free = Int.random(in: 0...15, using: &rng)
        for _ in 0..<40 {
            if !active.isEmpty, Bool.random(using: &rng) {
                let i = Int.random(in: 0..<active.count, using: &rng)
                free += active.remove(at: i)
            } else {
                let q = Int.random(in: -1...8, using: &rng)
                do {
                    try ListRules.checkClaim(quantity: q, needed: needed, claimed: active, closed: false, free: free)
                    active.append(q)
                    free -= q
                } catch let p as ListRules.Problem {
                    let open = ListRules.open(needed: needed, claimed: active)
                    switch p {
                    case .quantityNotPositive: #expect(q <= 0)
                    case .beyondNeed(let o): #expect(o == open && q > open)
                    case .beyondCapacity(let f): #expect(q <= open && q > f)
                    default: Issue.record("unexpected \(p)")
                    }
                } catch { Issue.record("unexpected \(error)") }
            }
            let total = active.reduce(0, +)
            #expect(total <= needed)
            #expect(free >= 0)
            let status = ListRules.status(needed: needed, claimed: active, closed: false)
            #expect(status == (total == 0 ? .open : total == needed ? .met : .partlyMet))
            #expect(ListRules.open(needed: needed, claimed: active) == needed - total)
        }
    }

    @Test func closedWinsAndRefusesClaims() {
        #expect(ListRules.status(needed: 3, claimed: [3], closed: true) == .closed)
        #expect(throws: ListRules.Problem.itemClosed) {
            try ListRules.checkClaim(quantity: 1, needed: 3, claimed: [], closed: true, free: nil)
        }
        #expect(throws: ListRules.Problem.beyondNeed(open: 1)) {
            try ListRules.checkClaim(quantity: 2, needed: 3, claimed: [2], closed: false, free: nil)
        }
    }

    typealias M = Matching

    static func candidate(
        _ id: Int, _ kind: M.CandidateKind = .resource, category: ServiceCategory = .elderlyCare, grid: Int? = nil,
        community: Int? = nil, at: (Double, Double)? = nil, free: Int = 5, from: String? = nil, until: String? = nil
    ) -> M.Candidate {
        M.Candidate(
            kind: kind, id: id, categories: [category], gridID: grid, communityNodeID: community, lat: at?.0,
            lng: at?.1, free: free, from: from.flatMap(LocalDate.init), until: until.flatMap(LocalDate.init))
    }

    static let need = M.Need(
        category: .elderlyCare, gridID: 1, communityNodeID: 10, lat: 23.0, lng: 113.0, open: 3,
        from: LocalDate("2026-06-01"), until: LocalDate("2026-06-30"))

    @Test func sameGridThenCommunityThenDistance() {
        let cs = [
            Self.candidate(1, community: 20, at: (23.0001, 113.0)),
            Self.candidate(2, grid: 2, community: 10, at: (23.05, 113.0)),
            Self.candidate(3, grid: 1, community: 10, at: (23.09, 113.0)),
            Self.candidate(4, community: 30, at: (23.0002, 113.0)),
            Self.candidate(5, community: 30),
        ]
        let s = M.suggestions(for: Self.need, among: cs)
        #expect(s.map(\.candidate.id) == [3, 2, 1, 4, 5])
        #expect(s[0].reasons.contains(.sameGrid))
        #expect(s[1].reasons.contains(.sameCommunity))
        #expect(s[2].reasons.contains(.distance(metres: 11)))
        #expect(s[4].metres == nil)
    }

    @Test func thoseThatCoverAllComeFirstAndFullOnesAreLeftOut() {
        let cs = [
            Self.candidate(1, grid: 1, at: (23.0, 113.0), free: 1),
            Self.candidate(2, grid: 1, at: (23.01, 113.0), free: 3),
            Self.candidate(3, grid: 1, at: (23.0, 113.0), free: 0),
            Self.candidate(4, .team, grid: 1, at: (23.01, 113.0), free: 3),
        ]
        let s = M.suggestions(for: Self.need, among: cs)
        #expect(s.map(\.candidate.id) == [2, 4, 1])
        #expect(s[0].reasons.contains(.coversAll(free: 3)))
        #expect(s[2].reasons.contains(.coversPart(free: 1)))
    }

    @Test func otherCategoriesAndMissedWindowsAreNotSuggested() {
        let cs = [
            Self.candidate(1, category: .legal),
            Self.candidate(2, until: "2026-05-31"),
            Self.candidate(3, from: "2026-07-01"),
            Self.candidate(4, from: "2026-06-30", until: "2026-12-31"),
            Self.candidate(5),
        ]
        let s = M.suggestions(for: Self.need, among: cs)
        #expect(s.map(\.candidate.id) == [4, 5])
        #expect(s.first { $0.candidate.id == 4 }?.reasons.contains(.windowFits) == true)
        var met = Self.need
        met.open = 0
        #expect(M.suggestions(for: met, among: cs).isEmpty)
    }

    @Test func distanceIsSafeAtThePolesAndAcrossTheDateLine() {
        #expect(M.distance(lat1: 90, lng1: 0, lat2: 90, lng2: 180) < 1)
        #expect(abs(M.distance(lat1: 0, lng1: 179.9999, lat2: 0, lng2: -179.9999) - 22.2) < 0.5)
        #expect(M.distance(lat1: -90, lng1: 0, lat2: 90, lng2: 0) > 20_000_000)
    }

    @Test func projectsMoveForwardAndCloseWithEvidence() {
        #expect(ProjectRules.canMove(.proposed, to: .underway))
        #expect(!ProjectRules.canMove(.closed, to: .underway))
        #expect(!ProjectRules.canMove(.proposed, to: .closed))
        #expect(throws: ProjectRules.Problem.evidenceRequired) {
            try ProjectRules.checkClosure(state: .underway, evidence: "  ", openMilestones: 0, rating: 5)
        }
        #expect(throws: ProjectRules.Problem.milestonesOpen(2)) {
            try ProjectRules.checkClosure(state: .underway, evidence: "照片", openMilestones: 2, rating: nil)
        }
        #expect(throws: ProjectRules.Problem.ratingRange) {
            try ProjectRules.checkClosure(state: .underway, evidence: "照片", openMilestones: 0, rating: 6)
        }
    }
}
