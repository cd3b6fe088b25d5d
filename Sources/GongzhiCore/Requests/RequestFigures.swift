/// Figures of requests, and the predicates behind them: the same predicate counts a figure and lists the
/// records behind it, so a dashboard number always equals the length of the list it links to.
public struct RequestRecord: Sendable {
    public var id: Int
    public var state: RequestState
    public var raisedAt: Double
    public var responseDeadline: Double?
    public var firstTakenAt: Double?
    public var resolvedAt: Double?
    public var deadlineAtResolution: Double?
    public var rating: Rating?
    public var unrated: Bool
    /// Working days of each step: raised→taken, taken→dispatched or settled, dispatched→completed,
    /// completed→rated.
    public var stepDays: [Int?]
    public init(
        id: Int, state: RequestState, raisedAt: Double, responseDeadline: Double?, firstTakenAt: Double?,
        resolvedAt: Double?,
        deadlineAtResolution: Double?, rating: Rating?, unrated: Bool, stepDays: [Int?] = []
    ) {
        self.id = id
        self.state = state
        self.raisedAt = raisedAt
        self.responseDeadline = responseDeadline
        self.firstTakenAt = firstTakenAt
        self.resolvedAt = resolvedAt
        self.deadlineAtResolution = deadlineAtResolution
        self.rating = rating
        self.unrated = unrated
        self.stepDays = stepDays
    }
}

/// The figures' definitions. Each request not merged is counted once as raised, and then exactly once as either
/// open (still being worked on) or resolved (handled, rated or not): open + resolved = raised for every area and
/// period. A request an unsatisfied rating reopened is open again, not resolved.
public enum RequestMetric: String, CaseIterable, Sendable, Codable {
    case raised, responded, resolved, onTime, satisfied, unsatisfied, unrated, open
    public var labelKey: String { "metric.\(rawValue)" }
    /// What is counted, in words, shown beside the figure.
    public var definitionKey: String { "metric.\(rawValue).definition" }

    public func matches(_ r: RequestRecord, now: Double) -> Bool {
        switch self {
        case .raised: return r.state != .merged
        case .responded: return r.firstTakenAt.map { t in r.responseDeadline.map { t <= $0 } ?? true } ?? false
        case .resolved: return r.state == .resolved || r.state == .closed
        case .onTime:
            guard RequestMetric.resolved.matches(r, now: now), let t = r.resolvedAt else { return false }
            return r.deadlineAtResolution.map { t <= $0 } ?? true
        case .satisfied: return r.rating == .satisfied || r.rating == .basicallySatisfied
        case .unsatisfied: return r.rating == .unsatisfied
        case .unrated: return r.unrated
        case .open: return r.state.isOpen && r.state != .resolved
        }
    }
}

public struct RequestFiguresSummary: Sendable, Codable, Equatable {
    public var counts: [String: Int]
    /// Rates in percent, one decimal; nil when there is nothing to divide by.
    public var responseRate: Double?
    public var resolutionRate: Double?
    public var onTimeRate: Double?
    public var satisfactionRate: Double?
    /// Average working days of each step.
    public var averageStepDays: [Double?]

    public static func compute(_ records: [RequestRecord], now: Double) -> RequestFiguresSummary {
        var counts: [String: Int] = [:]
        for m in RequestMetric.allCases { counts[m.rawValue] = records.filter { m.matches($0, now: now) }.count }
        func pct(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : (Double(a) * 1000 / Double(b)).rounded() / 10 }
        let raised = counts["raised"] ?? 0
        let resolved = counts["resolved"] ?? 0
        let rated = (counts["satisfied"] ?? 0) + (counts["unsatisfied"] ?? 0)
        let steps = (0..<4).map { i -> Double? in
            let values = records.compactMap { $0.stepDays.count > i ? $0.stepDays[i] : nil }
            return values.isEmpty ? nil : (Double(values.reduce(0, +)) * 10 / Double(values.count)).rounded() / 10
        }
        return RequestFiguresSummary(
            counts: counts, responseRate: pct(counts["responded"] ?? 0, raised),
            resolutionRate: pct(resolved, raised), onTimeRate: pct(counts["onTime"] ?? 0, resolved),
            satisfactionRate: pct(counts["satisfied"] ?? 0, rated), averageStepDays: steps)
    }
}
