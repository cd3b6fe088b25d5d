/// 积分: the ledger's rules, in plain Swift.
///
/// Every change of a person's points is a movement (an amount, + or −, with its source); the balance is the sum of
/// the movements and nothing else. Points are kept in lots: every credit opens a lot dated by its movement, which
/// expires a set number of months later (`expiresAt`). A debit (a redemption, a correction downwards) takes from
/// the oldest lot first; what is left of a lot when it expires becomes an expiry movement naming the lot. A refund
/// (a redemption cancelled) puts back exactly what the redemption took, into the lots it took it from, so a
/// cancelled redemption never makes old points young again.
///
/// The ledger is replayed in the order the movements were recorded (their ids), not by their dates: a credit that
/// arrives late (a month of a post kept, accrued today for last year) is a lot with an old date, and what earlier
/// debits and expiries took stays exactly as it was recorded.
public enum PointsLedger {
    /// Months after which points expire by default (an administrator changes it; see the settings page).
    public static let defaultExpiryMonths = 24
    /// The range an administrator may choose from.
    public static let expiryMonthsRange = 1...120
    /// The largest amount one movement may carry (a typo of 100000 for 100 is refused).
    public static let maxAmount = 100_000

    public struct Movement: Sendable, Equatable {
        public let id: Int
        public let amount: Int
        /// When it counts (seconds since 1970): a lot is dated by the day of this instant in Asia/Shanghai.
        public let at: Double
        public let source: PointsSource
        /// A refund: the movement whose debit it gives back.
        public let reverses: Int?
        /// An expiry: the lot (the credit's movement id) it expires.
        public let lot: Int?

        public init(id: Int, amount: Int, at: Double, source: PointsSource, reverses: Int? = nil, lot: Int? = nil) {
            self.id = id
            self.amount = amount
            self.at = at
            self.source = source
            self.reverses = reverses
            self.lot = lot
        }
    }

    /// Points credited together: the credit's movement id, its day, and what is left of it.
    public struct Lot: Sendable, Equatable {
        public let id: Int
        public let day: LocalDate
        public let amount: Int
        public var remaining: Int
        /// Expired (an expiry movement took what was left).
        public var expired: Bool

        public func expiresAt(months: Int) -> Double { PointsLedger.expiresAt(day, months: months) }
    }

    /// The ledger after replaying its movements.
    public struct State: Sendable, Equatable {
        public var balance = 0
        /// Every lot in the order of their days (then ids): the order debits take from.
        public var lots: [Lot] = []
        /// What each debit took, from which lots: a refund gives back exactly this.
        public var taken: [Int: [Portion]] = [:]

        public var open: [Lot] { lots.filter { $0.remaining > 0 } }
    }

    public struct Portion: Sendable, Equatable {
        public let lot: Int
        public let amount: Int
    }

    /// A broken rule, with the key of its message.
    public enum Problem: Error, Equatable, Sendable {
        case amountZero
        case amountTooLarge
        /// The balance would fall below zero (the balance now).
        case insufficient(balance: Int)
        /// A movement that does not fit the ledger (an expiry of more than its lot holds, a refund of nothing).
        case inconsistent(movement: Int)

        public var messageKey: String {
            switch self {
            case .amountZero: "error.points.amountZero"
            case .amountTooLarge: "error.points.amountTooLarge"
            case .insufficient: "error.points.insufficient"
            case .inconsistent: "error.points.inconsistent"
            }
        }

        public var args: [String] {
            switch self {
            case .insufficient(let b): [String(b)]
            case .amountTooLarge: [String(PointsLedger.maxAmount)]
            case .amountZero, .inconsistent: []
            }
        }
    }

    /// The instant a lot credited on `day` expires: the start of the same day `months` later (the last day of the
    /// month when that month is shorter), in Asia/Shanghai. Points credited on 31 Jan with 1 month last to 28/29 Feb.
    public static func expiresAt(_ day: LocalDate, months: Int) -> Double {
        day.addingMonths(months).startInstant
    }

    /// Replays the movements in the order given (the order they were recorded). Throws `inconsistent` when a
    /// movement cannot have been recorded by these rules, and `insufficient` when a debit exceeds the balance.
    public static func replay(_ movements: [Movement]) throws -> State {
        var s = State()
        for m in movements { try apply(m, to: &s) }
        return s
    }

    public static func apply(_ m: Movement, to s: inout State) throws {
        if m.amount == 0 { throw Problem.inconsistent(movement: m.id) }
        if m.amount > 0 {
            if m.source == .refund, let debit = m.reverses {
                guard let portions = s.taken[debit], portions.reduce(0, { $0 + $1.amount }) == m.amount else {
                    throw Problem.inconsistent(movement: m.id)
                }
                for p in portions {
                    guard let i = s.lots.firstIndex(where: { $0.id == p.lot }) else {
                        throw Problem.inconsistent(movement: m.id)
                    }
                    s.lots[i].remaining += p.amount
                    // Given back after its lot expired: the next expiry run takes it again.
                    s.lots[i].expired = false
                }
                s.taken[debit] = nil
            } else {
                let lot = Lot(
                    id: m.id, day: LocalDate(instant: m.at), amount: m.amount, remaining: m.amount, expired: false)
                let at = s.lots.firstIndex { ($0.day, $0.id) > (lot.day, lot.id) } ?? s.lots.endIndex
                s.lots.insert(lot, at: at)
            }
            s.balance += m.amount
            return
        }
        let debit = -m.amount
        if m.source == .expiry {
            guard let id = m.lot, let i = s.lots.firstIndex(where: { $0.id == id }), s.lots[i].remaining >= debit
            else { throw Problem.inconsistent(movement: m.id) }
            s.lots[i].remaining -= debit
            s.lots[i].expired = true
            s.balance -= debit
            return
        }
        guard debit <= s.balance else { throw Problem.insufficient(balance: s.balance) }
        var left = debit
        var portions: [Portion] = []
        for i in s.lots.indices where left > 0 && s.lots[i].remaining > 0 {
            let take = min(left, s.lots[i].remaining)
            s.lots[i].remaining -= take
            left -= take
            portions.append(Portion(lot: s.lots[i].id, amount: take))
        }
        // The lots always hold the balance, so nothing is left to take.
        if left > 0 { throw Problem.inconsistent(movement: m.id) }
        s.taken[m.id] = portions
        s.balance -= debit
    }

    /// An expiry due: what is left of a lot that has reached its expiry by `now`.
    public struct Expiry: Sendable, Equatable {
        public let lot: Int
        public let amount: Int
        public let at: Double
    }

    /// The expiries due by `now`, oldest lot first.
    public static func dueExpiries(_ s: State, months: Int, now: Double) -> [Expiry] {
        s.lots.compactMap { lot in
            let at = lot.expiresAt(months: months)
            guard lot.remaining > 0, at <= now else { return nil }
            return Expiry(lot: lot.id, amount: lot.remaining, at: at)
        }
    }

    /// Points that will expire within `days` days of `now`, by the day they expire (oldest first).
    public static func expiringSoon(_ s: State, months: Int, now: Double, days: Int) -> [(day: LocalDate, amount: Int)]
    {
        let horizon = now + Double(days) * 86_400
        var out: [(day: LocalDate, amount: Int)] = []
        for lot in s.lots where lot.remaining > 0 {
            let at = lot.expiresAt(months: months)
            guard at > now, at <= horizon else { continue }
            let day = LocalDate(instant: at)
            if let last = out.last, last.day == day {
                out[out.count - 1].amount += lot.remaining
            } else {
                out.append((day, lot.remaining))
            }
        }
        return out
    }

    /// An amount a person types for an award or a correction: not zero, not beyond the largest.
    public static func checkAmount(_ amount: Int) throws {
        if amount == 0 { throw Problem.amountZero }
        if abs(amount) > maxAmount { throw Problem.amountTooLarge }
    }

    /// A debit of `amount` (positive) against `balance`: never below zero.
    public static func checkDebit(_ amount: Int, balance: Int) throws {
        if amount > balance { throw Problem.insufficient(balance: balance) }
    }
}

/// Where a movement comes from. The sources that accrue from other capabilities' records carry the reference of
/// the record; manual awards and corrections name an approver.
public enum PointsSource: String, CaseIterable, Codable, Sendable {
    /// Hours of volunteer service (Volunteering's records).
    case serviceHours
    /// An activity's own points for taking part (Volunteering's records).
    case activity
    /// A full month of a service post held (Reporting's claims).
    case postsKept
    /// Awarded by staff, with an approver.
    case manual
    /// A correction (+ or −) by staff, with an approver: a new movement, never an edit.
    case correction
    /// Spent in the points shop.
    case redemption
    /// A redemption cancelled before hand-over: what it took, given back.
    case refund
    /// What was left of a lot at its expiry.
    case expiry

    public var labelKey: String { "points.source.\(rawValue)" }
    /// A person decides these, and an approver other than the beneficiary is named.
    public var needsApprover: Bool { self == .manual || self == .correction }
}

extension LocalDate {
    /// The same day `months` later, or the month's last day when it is shorter.
    public func addingMonths(_ months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        var d = day
        while d > 28, LocalDate(year: y, month: m, day: d) == nil { d -= 1 }
        return LocalDate(year: y, month: m, day: d) ?? LocalDate(year: y, month: m, day: 28)!
    }
}
