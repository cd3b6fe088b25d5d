import Foundation

/// The rules of volunteering (志愿服务) in plain Swift: when a service shift may be recorded, who gets a freed
/// place, when and where a volunteer may check in and out, the one-time hour codes, and when a ranking may be shown.
public enum VolunteeringRules {
    /// A refusal of a volunteering rule, with the key of its message.
    public enum Refusal: String, Error, Sendable, Equatable {
        /// The shift ends before it starts, or lasts no time.
        case shiftEmpty
        /// Longer than `maxShiftMinutes`.
        case shiftTooLong
        /// Ends in the future.
        case shiftFuture
        /// The person already has hours recorded for part of that time.
        case shiftOverlap
        /// Before the check-in window opens (`checkInEarlyMinutes` before the start).
        case tooEarly
        /// After the window closes (the end for check-in, `checkOutLateMinutes` after it for check-out).
        case tooLate
        /// The activity has a point and the phone sent no location.
        case locationRequired
        /// The phone's location is farther from the point than the radius.
        case tooFar
        /// Checked in already.
        case alreadyCheckedIn
        /// Not checked in, so nothing to check out of.
        case notCheckedIn
        /// Checked out already.
        case alreadyCheckedOut
        /// An hour code used before.
        case codeUsed
        /// An hour code or check-in code that is not six digits, or no code of that value.
        case codeUnknown
        /// A manual entry without an approver.
        case approverRequired
        /// The approver is the volunteer.
        case approverIsVolunteer

        public var messageKey: String { "error.volunteering.\(rawValue)" }
    }

    /// One service shift of one person.
    public struct Shift: Sendable, Equatable {
        public let start: Date
        public let end: Date
        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }
        public var minutes: Int { Int((end.timeIntervalSince(start) / 60).rounded(.down)) }
        /// Two shifts overlap when each starts before the other ends; touching ends (9–11 and 11–12) do not.
        public func overlaps(_ other: Shift) -> Bool { start < other.end && other.start < end }
    }

    /// A shift lasts at most twelve hours.
    public static let maxShiftMinutes = 12 * 60

    /// A new shift of a person: not empty, at most twelve hours, ended by now, and overlapping none of the person's
    /// recorded shifts. Service hours are counted once: two records for the same time are refused.
    public static func checkShift(_ shift: Shift, existing: [Shift], now: Date) throws(Refusal) {
        guard shift.end > shift.start, shift.minutes >= 1 else { throw .shiftEmpty }
        guard shift.minutes <= maxShiftMinutes else { throw .shiftTooLong }
        guard shift.end <= now.addingTimeInterval(60) else { throw .shiftFuture }
        if existing.contains(where: { $0.overlaps(shift) }) { throw .shiftOverlap }
    }

    // MARK: Sign-up and the wait list

    public enum Place: String, Sendable, Equatable, Codable {
        case confirmed, waiting
    }

    /// A sign-up takes a place while the activity has one; otherwise it waits.
    public static func place(capacity: Int, confirmed: Int) -> Place {
        confirmed < capacity ? .confirmed : .waiting
    }

    /// When places are free (a cancellation, a larger capacity), the first waiting in order of sign-up take them:
    /// the ids to confirm, in order.
    public static func promotions(capacity: Int, confirmed: Int, waiting: [Int]) -> [Int] {
        let free = max(0, capacity - confirmed)
        return Array(waiting.prefix(free))
    }

    // MARK: Check-in and check-out

    /// Check-in opens half an hour before the start and closes at the end.
    public static let checkInEarlyMinutes = 30
    /// Check-out is possible until two hours after the end.
    public static let checkOutLateMinutes = 120

    public struct Window: Sendable, Equatable {
        public let start: Date
        public let end: Date
        public init(start: Date, end: Date) {
            self.start = start
            self.end = end
        }
    }

    public static func checkIn(now: Date, activity: Window, alreadyCheckedIn: Bool) throws(Refusal) {
        guard !alreadyCheckedIn else { throw .alreadyCheckedIn }
        guard now >= activity.start.addingTimeInterval(-Double(checkInEarlyMinutes * 60)) else { throw .tooEarly }
        guard now <= activity.end else { throw .tooLate }
    }

    public static func checkOut(now: Date, activity: Window, checkedInAt: Date?, checkedOutAt: Date?)
        throws(Refusal)
    {
        guard checkedInAt != nil else { throw .notCheckedIn }
        guard checkedOutAt == nil else { throw .alreadyCheckedOut }
        guard now <= activity.end.addingTimeInterval(Double(checkOutLateMinutes * 60)) else { throw .tooLate }
    }

    /// The shift a check-in and check-out record: from the later of the check-in and the start to the earlier of
    /// the check-out and the end. Arriving early or staying late earns no hours beyond the activity's own time.
    public static func attendedShift(checkedInAt: Date, checkedOutAt: Date, activity: Window) -> Shift {
        let start = max(checkedInAt, activity.start)
        let end = min(checkedOutAt, activity.end)
        return Shift(start: start, end: max(start, end))
    }

    // MARK: The place window

    /// Metres between two points on the earth (haversine; plenty for a radius of tens or hundreds of metres).
    public static func distanceMeters(_ a: Coordinate, _ b: Coordinate) -> Double {
        let r = 6_371_000.0
        let dLat = (b.lat - a.lat) * .pi / 180
        let dLng = (b.lng - a.lng) * .pi / 180
        let h =
            sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * .pi / 180) * cos(b.lat * .pi / 180) * sin(dLng / 2)
            * sin(dLng / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    /// An activity with a point wants the phone's location within its radius; one without a point wants none.
    public static func checkPlace(point: Coordinate?, radiusMeters: Int, phone: Coordinate?) throws(Refusal) {
        guard let point else { return }
        guard let phone, phone.isValid else { throw .locationRequired }
        guard distanceMeters(point, phone) <= Double(radiusMeters) else { throw .tooFar }
    }

    /// The radius an activity with a point may have: 20 m to 5 km.
    public static let radiusMeters = 20...5_000

    // MARK: Codes

    /// A check-in or hour code: six digits.
    public static func isWellFormedCode(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy { ("0"..."9").contains($0) }
    }

    /// An hour code is good for one person once.
    public static func redeem(codeUsed: Bool) throws(Refusal) {
        guard !codeUsed else { throw .codeUsed }
    }

    // MARK: Manual entries

    /// A manual entry names the staff member who approved it, who is not the volunteer.
    public static func checkApprover(approverUserID: Int?, volunteerUserIDs: Set<Int>) throws(Refusal) {
        guard let approverUserID else { throw .approverRequired }
        guard !volunteerUserIDs.contains(approverUserID) else { throw .approverIsVolunteer }
    }

    // MARK: Rankings

    /// A ranking is shown only with at least this many participants, so no one can be singled out of a few.
    public static let minimumRanked = 5

    public struct Ranked: Sendable, Equatable {
        public let id: Int
        public let minutes: Int
        /// 1 for the most; equal minutes share a rank (1, 2, 2, 4).
        public let rank: Int
        public init(id: Int, minutes: Int, rank: Int) {
            self.id = id
            self.minutes = minutes
            self.rank = rank
        }
    }

    /// Participants by minutes, most first (ties by id); nil when fewer than `minimum` took part.
    public static func ranking(_ minutes: [Int: Int], minimum: Int = minimumRanked) -> [Ranked]? {
        let entries = minutes.filter { $0.value > 0 }
        guard entries.count >= minimum else { return nil }
        let sorted = entries.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var out: [Ranked] = []
        for (i, e) in sorted.enumerated() {
            let rank = i > 0 && sorted[i - 1].value == e.value ? out[i - 1].rank : i + 1
            out.append(Ranked(id: e.key, minutes: e.value, rank: rank))
        }
        return out
    }

    public enum Period: String, CaseIterable, Sendable, Codable {
        case month, quarter, year
    }

    /// The days [first, last] of the period containing `day`.
    public static func days(of period: Period, containing day: LocalDate) -> (first: LocalDate, last: LocalDate) {
        let startMonth: Int
        let months: Int
        switch period {
        case .month: (startMonth, months) = (day.month, 1)
        case .quarter: (startMonth, months) = ((day.month - 1) / 3 * 3 + 1, 3)
        case .year: (startMonth, months) = (1, 12)
        }
        let first = LocalDate(year: day.year, month: startMonth, day: 1)!
        let nextMonth = startMonth + months
        let next =
            nextMonth > 12
            ? LocalDate(year: day.year + 1, month: nextMonth - 12, day: 1)!
            : LocalDate(year: day.year, month: nextMonth, day: 1)!
        return (first, next.adding(days: -1))
    }

    /// Hours and minutes as "3.5" hours.
    public static func hoursText(_ minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
