import Foundation

/// 联席会议 / 议事会: the kinds of meeting, their states, and the rules that decide a meeting's host, its
/// quorum, who may check in and when, in plain Swift so they are tested without a server.

/// Every kind of meeting the district holds, from the street's yearly joint meeting to the request loop's.
public enum MeetingKind: String, Codable, CaseIterable, Sendable {
    /// 街道大工委年度联席会议.
    case streetYearly
    /// 社区大党委季度联席会议, hosted in turn by the member units.
    case communityQuarterly
    /// "3+N" monthly meeting: residents' committee, property company, owners' committee and the others.
    case triadMonthly
    /// 片区联席会议.
    case areaJoint
    /// 党员议事会.
    case memberCouncil
    /// 居民议事会.
    case residentCouncil
    /// The five-step loop's 会议定事: the community's joint meeting that decides forwarded requests.
    case requestDecision

    public var labelKey: String { "meeting.kind.\(rawValue)" }

    /// Kinds held by a street rather than a community.
    public var isStreetLevel: Bool { self == .streetYearly }

    /// Kinds whose host rotates among the body's member units.
    public var rotatesHost: Bool { self == .communityQuarterly || self == .areaJoint }
}

/// Where a meeting is: scheduled (it may still move), closed with minutes, or cancelled.
public enum MeetingState: String, Codable, CaseIterable, Sendable {
    case scheduled, closed, cancelled
    public var labelKey: String { "meeting.state.\(rawValue)" }
}

/// A decision's task: open until its owner reports it done.
public enum DecisionState: String, Codable, CaseIterable, Sendable {
    case open, done
    public var labelKey: String { "meeting.decisionState.\(rawValue)" }
}

/// 轮值主持: the next host is the member unit after the last meeting's host in the body's member order (the order
/// they joined, then by id), wrapping round to the first. A host that has since left still has its place in that
/// order (the day it joined), so the turn passes to whoever joined after it; a unit that joins later takes its turn
/// at the end of the round.
public enum HostRotation {
    public struct Member: Equatable, Sendable {
        public let unitID: Int
        public let since: LocalDate
        public init(unitID: Int, since: LocalDate) {
            self.unitID = unitID
            self.since = since
        }
        var order: (Int, Int) { (since.ordinal, unitID) }
    }

    /// The unit that hosts next, among the members as of the new meeting's day; nil when the body has none.
    /// `last` is the last meeting's host as it was a member then (nil: no meeting yet, the first member hosts).
    public static func next(after last: Member?, among members: [Member]) -> Int? {
        let ordered = members.sorted { $0.order < $1.order }
        guard let first = ordered.first else { return nil }
        guard let last else { return first.unitID }
        return (ordered.first { $0.order > last.order } ?? first).unitID
    }
}

/// 法定人数: a meeting of a body is quorate when more than half of the body's roster on the meeting's day is
/// present. People who attend without a seat that day (guests, the invited residents, a seat that ended or had
/// not begun) count as attendance, never towards the quorum.
public enum Quorum {
    /// A dated seat: a person holds it from `from` to `to` (both inclusive; nil: still holds it).
    public struct Seat: Sendable {
        public let personID: Int
        public let from: LocalDate
        public let to: LocalDate?
        public init(personID: Int, from: LocalDate, to: LocalDate?) {
            self.personID = personID
            self.from = from
            self.to = to
        }
        public func holds(on day: LocalDate) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
    }

    public struct Result: Equatable, Sendable {
        /// People on the roster that day.
        public let roster: Int
        /// Of them, present.
        public let present: Int
        /// How many must be present: more than half.
        public let needed: Int
        public var met: Bool { present >= needed }
    }

    /// The roster on a day: everyone holding a seat then, once each.
    public static func roster(_ seats: [Seat], on day: LocalDate) -> Set<Int> {
        Set(seats.filter { $0.holds(on: day) }.map(\.personID))
    }

    /// Nil when there is no roster (a meeting without a body, a body without seats): no quorum applies.
    public static func evaluate(roster: Set<Int>, present: Set<Int>) -> Result? {
        guard !roster.isEmpty else { return nil }
        return Result(roster: roster.count, present: roster.intersection(present).count, needed: roster.count / 2 + 1)
    }

    public static func evaluate(seats: [Seat], on day: LocalDate, present: Set<Int>) -> Result? {
        evaluate(roster: roster(seats, on: day), present: present)
    }
}

/// 扫码签到: who may check in to a meeting and when.
public enum CheckIn {
    public enum Refusal: String, Error, Sendable, Equatable {
        /// Not on the meeting's list of invitees.
        case notInvited
        /// Checked in already.
        case already
        /// Outside the phone's window (an hour before the start to half an hour after the end), or before the
        /// start at the desk.
        case notToday
        /// Closed or cancelled.
        case notOpen

        public var messageKey: String { "error.meeting.checkIn.\(rawValue)" }
    }

    public enum Channel: String, Codable, CaseIterable, Sendable { case phone, desk }

    /// The phone's window opens an hour before the start.
    public static let earlyMinutes = 60
    /// ... and closes half an hour after the end: a code photographed at the door checks no one in afterwards.
    public static let lateMinutes = 30

    /// A check-in on the phone happens within the window around the meeting; staff at the desk may record
    /// attendance once the meeting has begun, until it is closed. Everyone is checked in once.
    public static func check(
        invited: Bool, alreadyCheckedIn: Bool, state: MeetingState, meeting: Span, now: Date, channel: Channel
    ) throws(Refusal) {
        guard state == .scheduled else { throw .notOpen }
        guard invited else { throw .notInvited }
        guard !alreadyCheckedIn else { throw .already }
        switch channel {
        case .phone:
            let open = meeting.admits(now, early: Double(earlyMinutes * 60), late: Double(lateMinutes * 60))
            guard open else { throw .notToday }
        case .desk: guard meeting.phase(at: now) != .upcoming else { throw .notToday }
        }
    }

    /// A check-in code: six digits.
    public static func isWellFormed(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy { ("0"..."9").contains($0) }
    }
}

/// What a meeting's date and time may be: a real day no earlier than 2000 and at most five years ahead, a time of
/// day as HH:mm, a length from a quarter of an hour to twelve hours.
public enum MeetingSchedule {
    public static let earliest = LocalDate(year: 2000, month: 1, day: 1)!
    public static let yearsAhead = 5
    public static let minutes = 15...720

    public static func plausible(_ day: LocalDate, today: LocalDate) -> Bool {
        day >= earliest && day <= today.adding(days: yearsAhead * 366)
    }

    /// "19:30" as minutes after midnight.
    public static func time(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return h * 60 + m
    }

    public static func timeText(_ minutes: Int) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// The instant (seconds since 1970) a local day and time begin in Asia/Shanghai.
    public static func instant(_ day: LocalDate, minutes: Int) -> Double {
        day.startInstant + Double(minutes * 60)
    }
}

/// Closing a meeting: every decision has its one owner and a due date.
public enum MeetingClosing {
    public struct Decision: Sendable {
        public let hasOwner: Bool
        public let due: LocalDate?
        public init(hasOwner: Bool, due: LocalDate?) {
            self.hasOwner = hasOwner
            self.due = due
        }
    }

    public enum Refusal: String, Error, Sendable, Equatable {
        case ownerless, noDue, notScheduled, notStarted
        public var messageKey: String { "error.meeting.close.\(rawValue)" }
    }

    /// A meeting closes once it has begun (`startsAt` at or before `now`), scheduled, each decision with an owner
    /// and a due day.
    public static func check(state: MeetingState, decisions: [Decision], startsAt: Date, now: Date) throws(Refusal) {
        guard state == .scheduled else { throw .notScheduled }
        guard startsAt <= now else { throw .notStarted }
        if decisions.contains(where: { !$0.hasOwner }) { throw .ownerless }
        if decisions.contains(where: { $0.due == nil }) { throw .noDue }
    }
}
