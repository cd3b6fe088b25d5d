/// The points shop's rules (党爱超市) and the figures, in plain Swift.
public enum PointsShopRules {
    /// The most of one good a single redemption takes.
    public static let maxQuantity = 20
    public static let maxPrice = 100_000
    public static let maxStock = 100_000

    /// How a good's per-person limit counts: every redemption ever made (cancelled ones aside), or those of the
    /// current calendar month or year in Asia/Shanghai.
    public enum LimitPeriod: String, CaseIterable, Codable, Sendable {
        case overall, month, year
        public var labelKey: String { "points.limitPeriod.\(rawValue)" }

        /// The first day of the period that contains `day` (nil: no start, every redemption counts).
        public func start(of day: LocalDate) -> LocalDate? {
            switch self {
            case .overall: nil
            case .month: LocalDate(year: day.year, month: day.month, day: 1)
            case .year: LocalDate(year: day.year, month: 1, day: 1)
            }
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case quantityInvalid
        case insufficientPoints(balance: Int, cost: Int)
        case outOfStock(stock: Int)
        case overLimit(limit: Int, already: Int)
        case notAvailable

        public var messageKey: String {
            switch self {
            case .quantityInvalid: "error.points.quantity"
            case .insufficientPoints: "error.points.redeemBalance"
            case .outOfStock: "error.points.stock"
            case .overLimit: "error.points.limit"
            case .notAvailable: "error.points.notAvailable"
            }
        }

        public var args: [String] {
            switch self {
            case .quantityInvalid: [String(PointsShopRules.maxQuantity)]
            case .insufficientPoints(let b, let c): [String(c), String(b)]
            case .outOfStock(let s): [String(s)]
            case .overLimit(let l, let a): [String(l), String(a)]
            case .notAvailable: []
            }
        }
    }

    /// A redemption of `quantity` of a good at `price` points each: a quantity from 1 to the most, within the
    /// person's limit (what they already redeemed in the period counts), the stock and the balance. Answers the
    /// cost. The stock is checked again by the conditional update that takes it, so two redemptions at once never
    /// take more than there is.
    public static func checkRedemption(
        quantity: Int, price: Int, balance: Int, stock: Int, limit: Int?, already: Int, active: Bool = true
    ) throws -> Int {
        guard active else { throw Problem.notAvailable }
        guard (1...maxQuantity).contains(quantity) else { throw Problem.quantityInvalid }
        if let limit, already + quantity > limit { throw Problem.overLimit(limit: limit, already: already) }
        if quantity > stock { throw Problem.outOfStock(stock: stock) }
        let cost = price * quantity
        if cost > balance { throw Problem.insufficientPoints(balance: balance, cost: cost) }
        return cost
    }

    /// A pick-up code from a random number: eight characters without the ones people confuse (0/O, 1/I/L).
    public static let codeAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    public static func pickUpCode(_ random: UInt64) -> String {
        var n = random
        var out = ""
        for _ in 0..<8 {
            out.append(codeAlphabet[Int(n % UInt64(codeAlphabet.count))])
            n /= UInt64(codeAlphabet.count)
        }
        return out
    }
}

/// What the figures count, from the movements alone: points issued (every credit but a refund), spent
/// (redemptions less refunds), expired, and deducted by corrections. Issued − spent − expired − deducted is the
/// change of the balances over the period.
public enum PointsFigure: String, CaseIterable, Codable, Sendable {
    case issued, spent, expired, deducted

    public var labelKey: String { "points.figure.\(rawValue)" }

    /// The figure a movement counts in, and with what sign (a refund lowers "spent").
    public static func of(source: PointsSource, amount: Int) -> (PointsFigure, Int)? {
        switch source {
        case .redemption, .refund: (.spent, -amount)
        case .expiry: (.expired, -amount)
        case .correction where amount < 0: (.deducted, -amount)
        default: amount > 0 ? (.issued, amount) : nil
        }
    }

    /// The sources (and sign) a list of the figure's movements shows, for the drill-down.
    public var sources: [PointsSource] {
        switch self {
        case .issued: [.serviceHours, .activity, .postsKept, .manual, .correction]
        case .spent: [.redemption, .refund]
        case .expired: [.expiry]
        case .deducted: [.correction]
        }
    }

    /// Whether a movement belongs to the figure's list (the same predicate as `of`).
    public func contains(source: PointsSource, amount: Int) -> Bool {
        PointsFigure.of(source: source, amount: amount)?.0 == self
    }
}

/// The rates at which other capabilities' records earn points, in one place.
public enum PointsRates {
    /// Points per full month a service post is held (党员服务示范岗).
    public static let postKeptPerMonth = 10
    /// Points per hour of volunteer service, counted by the minute and rounded down.
    public static let perServiceHour = 10
    /// The most months one claim is paid for at a run's catch-up (a claim held for years is still bounded).
    public static let maxMonthsPerClaim = 240

    public static func serviceHours(minutes: Int) -> Int {
        max(0, minutes) * perServiceHour / 60
    }

    /// The full months a claim held from `claimedOn` until `until` (exclusive: the day it ended, or today):
    /// month k is full on claimedOn + k months when that day is on or before `until`.
    public static func fullMonths(claimedOn: LocalDate, until: LocalDate) -> [LocalDate] {
        var out: [LocalDate] = []
        var k = 1
        while k <= maxMonthsPerClaim {
            let d = claimedOn.addingMonths(k)
            guard d <= until else { break }
            out.append(d)
            k += 1
        }
        return out
    }
}
