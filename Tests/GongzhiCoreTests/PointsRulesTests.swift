import Testing

@testable import GongzhiCore

@Suite("F11 points ledger and shop rules")
struct PointsRulesTests {
    typealias L = PointsLedger
    static let start = LocalDate("2024-01-10")!
    static func at(_ day: LocalDate, hour: Int = 10) -> Double { day.startInstant + Double(hour * 3600) }
    static func day(_ offset: Int) -> Double { at(start.adding(days: offset)) }

    @Test func balanceIsTheSumOfMovements() throws {
        let ms = [
            L.Movement(id: 1, amount: 100, at: Self.day(0), source: .manual),
            L.Movement(id: 2, amount: 50, at: Self.day(10), source: .postsKept),
            L.Movement(id: 3, amount: -30, at: Self.day(20), source: .redemption),
            L.Movement(id: 4, amount: -5, at: Self.day(21), source: .correction),
        ]
        let s = try L.replay(ms)
        #expect(s.balance == ms.reduce(0) { $0 + $1.amount })
        #expect(s.balance == 115)
        #expect(s.lots.map(\.remaining) == [65, 50], "the debits took from the oldest lot")
    }

    @Test func debitsNeverMakeTheBalanceNegative() throws {
        var s = try L.replay([L.Movement(id: 1, amount: 20, at: Self.day(0), source: .manual)])
        #expect(throws: L.Problem.insufficient(balance: 20)) {
            try L.apply(L.Movement(id: 2, amount: -21, at: Self.day(1), source: .redemption), to: &s)
        }
        #expect(s.balance == 20, "a refused debit changes nothing")
        #expect(throws: L.Problem.insufficient(balance: 20)) { try L.checkDebit(21, balance: 20) }
        try L.checkDebit(20, balance: 20)
        #expect(throws: L.Problem.amountZero) { try L.checkAmount(0) }
        #expect(throws: L.Problem.amountTooLarge) { try L.checkAmount(-100_001) }
    }

    @Test func expiryTakesTheOldestFirstAndWhatIsLeft() throws {
        let months = 12
        var s = try L.replay([
            L.Movement(id: 1, amount: 100, at: Self.day(0), source: .manual),
            L.Movement(id: 2, amount: 40, at: Self.day(100), source: .postsKept),
            L.Movement(id: 3, amount: -70, at: Self.day(200), source: .redemption),
        ])
        // A year after the first lot: what is left of it (30) expires; the second lot is untouched.
        let due = L.dueExpiries(s, months: months, now: Self.at(Self.start.addingMonths(12)))
        #expect(due == [L.Expiry(lot: 1, amount: 30, at: Self.start.addingMonths(12).startInstant)])
        #expect(L.dueExpiries(s, months: months, now: Self.at(Self.start.addingMonths(12)) - 86_400).isEmpty)
        try L.apply(L.Movement(id: 4, amount: -30, at: due[0].at, source: .expiry, lot: 1), to: &s)
        #expect(s.balance == 40)
        #expect(L.dueExpiries(s, months: months, now: Self.at(Self.start.addingMonths(12))).isEmpty)
        // An expiry of more than the lot holds cannot have been recorded.
        #expect(throws: L.Problem.inconsistent(movement: 5)) {
            var copy = s
            try L.apply(L.Movement(id: 5, amount: -50, at: Self.day(500), source: .expiry, lot: 2), to: &copy)
        }
        // Soon to expire: the second lot, within 30 days of its day.
        let lot2 = Self.start.adding(days: 100).addingMonths(12)
        let soon = L.expiringSoon(s, months: months, now: lot2.adding(days: -10).startInstant, days: 30)
        #expect(soon.count == 1 && soon[0].day == lot2 && soon[0].amount == 40)
    }

    @Test func aLateCreditIsAnOldLotAndEarlierDebitsStand() throws {
        // Recorded order: credit (day 100), debit 30, then a credit dated day 0 accrued late.
        let s = try L.replay([
            L.Movement(id: 1, amount: 50, at: Self.day(100), source: .manual),
            L.Movement(id: 2, amount: -30, at: Self.day(120), source: .redemption),
            L.Movement(id: 3, amount: 10, at: Self.day(0), source: .postsKept),
        ])
        #expect(s.lots.map(\.id) == [3, 1], "lots in the order of their days")
        #expect(s.lots.map(\.remaining) == [10, 20], "the debit took what was there when it was recorded")
        #expect(s.taken[2] == [L.Portion(lot: 1, amount: 30)])
    }

    @Test func aRefundGivesBackToTheLotsItCameFrom() throws {
        var s = try L.replay([
            L.Movement(id: 1, amount: 10, at: Self.day(0), source: .manual),
            L.Movement(id: 2, amount: 10, at: Self.day(50), source: .manual),
            L.Movement(id: 3, amount: -15, at: Self.day(60), source: .redemption),
        ])
        #expect(s.lots.map(\.remaining) == [0, 5])
        try L.apply(L.Movement(id: 4, amount: 15, at: Self.day(61), source: .refund, reverses: 3), to: &s)
        #expect(s.lots.map(\.remaining) == [10, 10] && s.lots.count == 2, "no new, younger lot")
        #expect(s.balance == 20)
        // A refund of what was not taken, or twice, cannot have been recorded.
        #expect(throws: L.Problem.inconsistent(movement: 5)) {
            try L.apply(L.Movement(id: 5, amount: 15, at: Self.day(62), source: .refund, reverses: 3), to: &s)
        }
    }

    @Test func monthsAddToTheSameDayOrTheLastOfAShortMonth() {
        #expect(LocalDate("2024-01-31")!.addingMonths(1) == LocalDate("2024-02-29")!)
        #expect(LocalDate("2023-01-31")!.addingMonths(1) == LocalDate("2023-02-28")!)
        #expect(LocalDate("2024-11-15")!.addingMonths(24) == LocalDate("2026-11-15")!)
        #expect(LocalDate("2024-03-15")!.addingMonths(-3) == LocalDate("2023-12-15")!)
        #expect(LocalDate("2024-12-01")!.addingMonths(1) == LocalDate("2025-01-01")!)
    }

    @Test func postsKeptPayFullMonthsOnly() {
        let claimed = LocalDate("2025-01-10")!
        #expect(PointsRates.fullMonths(claimedOn: claimed, until: LocalDate("2025-02-09")!).isEmpty)
        #expect(PointsRates.fullMonths(claimedOn: claimed, until: LocalDate("2025-02-10")!).count == 1)
        #expect(PointsRates.fullMonths(claimedOn: claimed, until: LocalDate("2025-12-31")!).count == 11)
        #expect(PointsRates.serviceHours(minutes: 90) == 15)
        #expect(PointsRates.serviceHours(minutes: 5) == 0)
    }

    // MARK: The shop

    @Test func aRedemptionWithinBalanceStockAndLimit() throws {
        typealias R = PointsShopRules
        #expect(try R.checkRedemption(quantity: 2, price: 30, balance: 60, stock: 2, limit: 2, already: 0) == 60)
        #expect(throws: R.Problem.insufficientPoints(balance: 59, cost: 60)) {
            try R.checkRedemption(quantity: 2, price: 30, balance: 59, stock: 5, limit: nil, already: 0)
        }
        #expect(throws: R.Problem.outOfStock(stock: 1)) {
            try R.checkRedemption(quantity: 2, price: 30, balance: 100, stock: 1, limit: nil, already: 0)
        }
        #expect(throws: R.Problem.overLimit(limit: 2, already: 1)) {
            try R.checkRedemption(quantity: 2, price: 30, balance: 100, stock: 5, limit: 2, already: 1)
        }
        #expect(throws: R.Problem.quantityInvalid) {
            try R.checkRedemption(quantity: 0, price: 30, balance: 100, stock: 5, limit: nil, already: 0)
        }
        #expect(throws: R.Problem.notAvailable) {
            try R.checkRedemption(quantity: 1, price: 1, balance: 1, stock: 1, limit: nil, already: 0, active: false)
        }
        let day = LocalDate("2026-05-17")!
        #expect(R.LimitPeriod.month.start(of: day) == LocalDate("2026-05-01"))
        #expect(R.LimitPeriod.year.start(of: day) == LocalDate("2026-01-01"))
        #expect(R.LimitPeriod.overall.start(of: day) == nil)
        let code = R.pickUpCode(123_456_789)
        #expect(code.count == 8 && code.allSatisfy { R.codeAlphabet.contains($0) })
    }

    @Test func figuresPartitionTheMovements() {
        #expect(PointsFigure.of(source: .redemption, amount: -30)! == (.spent, 30))
        #expect(PointsFigure.of(source: .refund, amount: 30)! == (.spent, -30))
        #expect(PointsFigure.of(source: .expiry, amount: -5)! == (.expired, 5))
        #expect(PointsFigure.of(source: .correction, amount: -5)! == (.deducted, 5))
        #expect(PointsFigure.of(source: .correction, amount: 5)! == (.issued, 5))
        #expect(PointsFigure.of(source: .postsKept, amount: 10)! == (.issued, 10))
        for f in PointsFigure.allCases {
            for s in PointsSource.allCases {
                for a in [-7, 7] where f.contains(source: s, amount: a) { #expect(f.sources.contains(s)) }
            }
        }
    }

    // MARK: The property

    /// A small generator, so a failing sequence can be run again from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    }

    /// Random sequences of credits, debits (some beyond the balance, refused), refunds and expiry runs, checked
    /// against a second, naive model: the balance is the sum of the movements and never negative, expiry takes
    /// what is left of the oldest lots first, and a replay of the recorded movements gives the same state.
    @Test(arguments: Array(1...200))
    func randomSequencesKeepTheLedgerSound(seed: Int) throws {
        var rng = Random(state: UInt64(seed) &* 7919)
        let months = rng.int(1...6)
        var movements: [L.Movement] = []
        var s = L.State()
        var now = Self.at(Self.start)
        var nextID = 1
        // The naive model: lots as (day ordinal, id, remaining), debits FIFO.
        var naive: [(day: Int, id: Int, left: Int)] = []
        var debits: [Int: [(Int, Int)]] = [:]
        func record(_ m: L.Movement) throws {
            try L.apply(m, to: &s)
            movements.append(m)
        }
        for _ in 0..<rng.int(5...60) {
            now += Double(rng.int(0...40)) * 86_400
            switch rng.int(0...9) {
            case 0...3:
                let amount = rng.int(1...100)
                // Sometimes a late credit, dated up to 90 days back.
                let at = now - Double(rng.int(0...1) * rng.int(0...90)) * 86_400
                try record(L.Movement(id: nextID, amount: amount, at: at, source: .postsKept))
                let d = LocalDate(instant: at).ordinal
                let i = naive.firstIndex { ($0.day, $0.id) > (d, nextID) } ?? naive.endIndex
                naive.insert((d, nextID, amount), at: i)
                nextID += 1
            case 4...6:
                let amount = rng.int(1...150)
                let m = L.Movement(id: nextID, amount: -amount, at: now, source: .redemption)
                let before = s
                if amount > s.balance {
                    #expect(throws: L.Problem.insufficient(balance: s.balance)) { try L.apply(m, to: &s) }
                    #expect(s == before)
                    continue
                }
                try record(m)
                var left = amount
                var took: [(Int, Int)] = []
                for i in naive.indices where left > 0 && naive[i].left > 0 {
                    let t = min(left, naive[i].left)
                    naive[i].left -= t
                    left -= t
                    took.append((naive[i].id, t))
                }
                debits[nextID] = took
                nextID += 1
            case 7:
                guard let (debit, took) = debits.sorted(by: { $0.key < $1.key }).first else { continue }
                debits[debit] = nil
                let amount = took.reduce(0) { $0 + $1.1 }
                try record(L.Movement(id: nextID, amount: amount, at: now, source: .refund, reverses: debit))
                for (lot, t) in took { naive[naive.firstIndex { $0.id == lot }!].left += t }
                nextID += 1
            default:
                let due = L.dueExpiries(s, months: months, now: now)
                // Expiry takes the oldest lots first: the due lots are a prefix of the lots by day among those
                // with points left.
                let open = s.lots.filter { $0.remaining > 0 }.map(\.id)
                #expect(Array(open.prefix(due.count)) == due.map(\.lot))
                for e in due {
                    let lot = naive.first { $0.id == e.lot }!
                    #expect(lot.left == e.amount, "what is left of the lot expires")
                    #expect(L.expiresAt(LocalDate(ordinal: lot.day), months: months) <= now)
                    try record(L.Movement(id: nextID, amount: -e.amount, at: e.at, source: .expiry, lot: e.lot))
                    naive[naive.firstIndex { $0.id == e.lot }!].left = 0
                    nextID += 1
                }
                for lot in s.lots where lot.remaining > 0 {
                    #expect(lot.expiresAt(months: months) > now, "nothing past its expiry keeps points")
                }
                // The expired lots' debits can no longer be refunded into them silently: forget them.
                debits = debits.filter { _, took in took.allSatisfy { t in !due.contains { $0.lot == t.0 } } }
            }
            #expect(s.balance == movements.reduce(0) { $0 + $1.amount }, "seed \(seed)")
            #expect(s.balance >= 0)
            #expect(s.balance == s.lots.reduce(0) { $0 + $1.remaining })
            #expect(s.lots.map(\.remaining) == naive.map(\.left), "seed \(seed)")
        }
        #expect(try L.replay(movements) == s, "a replay of what was recorded gives the same state")
    }
}
