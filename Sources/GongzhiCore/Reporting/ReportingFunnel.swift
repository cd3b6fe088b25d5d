/// 双报到 coverage as a funnel, computed from what happened and never typed in: of the in-service members reported
/// to a community (an active report), those who hold a service post (an active claim), those of them with a
/// verified service, and those of them with a verified service in the last 90 days. Each stage is a subset of the
/// one before; an ended report counts nowhere, nor do its claims and services.
///
/// Every event names the report it belongs to, so a member who transfers starts again in the new community: the
/// services done for the old one stay with the old report.
public enum ReportingFunnel {
    /// How many days "active" looks back, today included: a service 89 days ago counts, one 90 days ago does not.
    public static let activeDays = 90

    public struct Report: Sendable, Equatable {
        public let id: Int
        public let communityID: Int
        public let reportedOn: LocalDate
        public let endedOn: LocalDate?
        public init(id: Int, communityID: Int, reportedOn: LocalDate, endedOn: LocalDate?) {
            self.id = id
            self.communityID = communityID
            self.reportedOn = reportedOn
            self.endedOn = endedOn
        }
        /// Reported on or before the day and not ended by then (a report ended on a day no longer counts that day).
        public func isActive(on day: LocalDate) -> Bool {
            reportedOn <= day && (endedOn.map { day < $0 } ?? true)
        }
    }

    public struct Claim: Sendable, Equatable {
        public let reportID: Int
        public let claimedOn: LocalDate
        public let endedOn: LocalDate?
        public init(reportID: Int, claimedOn: LocalDate, endedOn: LocalDate?) {
            self.reportID = reportID
            self.claimedOn = claimedOn
            self.endedOn = endedOn
        }
        public func isActive(on day: LocalDate) -> Bool {
            claimedOn <= day && (endedOn.map { day < $0 } ?? true)
        }
    }

    public struct Service: Sendable, Equatable {
        public let reportID: Int
        public let servedOn: LocalDate
        public let verified: Bool
        public init(reportID: Int, servedOn: LocalDate, verified: Bool) {
            self.reportID = reportID
            self.servedOn = servedOn
            self.verified = verified
        }
    }

    public enum Stage: String, CaseIterable, Sendable {
        case reported, claimed, served, active
    }

    /// The reports at each stage (report ids, one active report per person, so one per member).
    public struct Stages: Sendable, Equatable {
        public var reported: Set<Int> = []
        public var claimed: Set<Int> = []
        public var served: Set<Int> = []
        public var active: Set<Int> = []
        public init() {}

        public subscript(stage: Stage) -> Set<Int> {
            switch stage {
            case .reported: reported
            case .claimed: claimed
            case .served: served
            case .active: active
            }
        }

        public func count(_ stage: Stage) -> Int { self[stage].count }

        /// Several communities together (a street): the union, as a report belongs to one community.
        public static func + (a: Stages, b: Stages) -> Stages {
            var s = Stages()
            s.reported = a.reported.union(b.reported)
            s.claimed = a.claimed.union(b.claimed)
            s.served = a.served.union(b.served)
            s.active = a.active.union(b.active)
            return s
        }
    }

    /// Whether a verified service on `servedOn` makes a member active on `today`: within the last `activeDays`
    /// days, today included, and not in the future.
    public static func isRecent(_ servedOn: LocalDate, today: LocalDate) -> Bool {
        let age = today.ordinal - servedOn.ordinal
        return age >= 0 && age < activeDays
    }

    /// The funnel per community as of `today`, from the events. Communities without an active report are absent.
    public static func stages(reports: [Report], claims: [Claim], services: [Service], today: LocalDate)
        -> [Int: Stages]
    {
        let active = reports.filter { $0.isActive(on: today) }
        let activeIDs = Set(active.map(\.id))
        let claimed = Set(claims.filter { activeIDs.contains($0.reportID) && $0.isActive(on: today) }.map(\.reportID))
        var served = Set<Int>()
        var recent = Set<Int>()
        for s in services where s.verified && activeIDs.contains(s.reportID) && s.servedOn <= today {
            served.insert(s.reportID)
            if isRecent(s.servedOn, today: today) { recent.insert(s.reportID) }
        }
        var out: [Int: Stages] = [:]
        for r in active {
            var s = out[r.communityID] ?? Stages()
            s.reported.insert(r.id)
            if claimed.contains(r.id) {
                s.claimed.insert(r.id)
                if served.contains(r.id) {
                    s.served.insert(r.id)
                    if recent.contains(r.id) { s.active.insert(r.id) }
                }
            }
            out[r.communityID] = s
        }
        return out
    }

    /// A stage as a share of the one before it, in percent with one decimal; nil when the one before is empty.
    public static func rate(_ stages: Stages, _ stage: Stage) -> Double? {
        guard let i = Stage.allCases.firstIndex(of: stage), i > 0 else { return nil }
        let before = stages.count(Stage.allCases[i - 1])
        return before == 0 ? nil : (Double(stages.count(stage)) * 1000 / Double(before)).rounded() / 10
    }
}

/// The rules of a report, a claim and a service, apart from the database.
public enum ReportingRules {
    public enum Problem: String, Error, Sendable {
        case hoursNotPositive = "error.reporting.hoursNotPositive"
        case hoursTooMany = "error.reporting.hoursTooMany"
        case serviceInFuture = "error.reporting.serviceInFuture"
        case serviceBeforeReport = "error.reporting.serviceBeforeReport"
        case postFull = "error.reporting.postFull"
        case capacityInvalid = "error.reporting.capacity"
        case roundDates = "error.reporting.roundDates"
        public var messageKey: String { rawValue }
        /// The values the message names.
        public var args: [String] {
            switch self {
            case .hoursTooMany: [String(Int(ReportingRules.maxHours))]
            case .capacityInvalid: [String(ReportingRules.maxCapacity)]
            default: []
            }
        }
    }

    public static let maxHours = 24.0
    public static let maxCapacity = 500

    /// A service: more than 0 and at most 24 hours, on a day not after today nor before the report.
    public static func checkService(hours: Double, on day: LocalDate, today: LocalDate, reportedOn: LocalDate) throws {
        guard hours.isFinite, hours > 0 else { throw Problem.hoursNotPositive }
        guard hours <= maxHours else { throw Problem.hoursTooMany }
        guard day <= today else { throw Problem.serviceInFuture }
        guard reportedOn <= day else { throw Problem.serviceBeforeReport }
    }

    /// A claim fits while the post's active claims are fewer than its capacity.
    public static func checkClaim(capacity: Int, held: Int) throws {
        guard held < capacity else { throw Problem.postFull }
    }

    public static func checkCapacity(_ capacity: Int) throws {
        guard (1...maxCapacity).contains(capacity) else { throw Problem.capacityInvalid }
    }

    /// A re-report round closes on or after the day it opens, and within half a year of it.
    public static func checkRound(opens: LocalDate, closes: LocalDate) throws {
        guard opens <= closes, closes.ordinal - opens.ordinal <= 183 else { throw Problem.roundDates }
    }
}
