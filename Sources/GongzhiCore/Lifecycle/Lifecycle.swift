import Foundation

/// Where a dated record stands in time. Derived from its dates and the injected clock each time it is shown, never
/// stored, so a list read tomorrow says what tomorrow holds without a job rewriting rows at midnight.
public enum Phase: String, CaseIterable, Codable, Sendable {
    case upcoming, underway, ended
    public var labelKey: String { "phase.\(rawValue)" }
}

/// A stretch of time between two instants (an activity, a meeting): upcoming before its start, underway from the
/// start until its end, ended from the end on.
public struct Span: Sendable, Equatable {
    public let start: Date
    public let end: Date
    public init(start: Date, end: Date) {
        self.start = start
        self.end = max(start, end)
    }

    public func phase(at now: Date) -> Phase {
        if now < start { return .upcoming }
        return now < end ? .underway : .ended
    }

    /// Whether `now` falls in the span widened by `early` seconds before the start and `late` seconds after the end
    /// (a check-in window).
    public func admits(_ now: Date, early: TimeInterval = 0, late: TimeInterval = 0) -> Bool {
        now >= start.addingTimeInterval(-early) && now <= end.addingTimeInterval(late)
    }
}

/// A stretch of whole days, both ends included (an agreement's period, a project's run): upcoming before `from`,
/// underway through `to`, ended after it; an open end never ends.
public struct DaySpan: Sendable, Equatable {
    public let from: LocalDate
    public let to: LocalDate?
    public init(from: LocalDate, to: LocalDate?) {
        self.from = from
        self.to = to
    }

    public func phase(on today: LocalDate) -> Phase {
        if today < from { return .upcoming }
        if let to, today > to { return .ended }
        return .underway
    }

    public func contains(_ day: LocalDate) -> Bool { day >= from && (to.map { day <= $0 } ?? true) }
}

/// The days a form may name for one kind of date, relative to today: a visit plan is due from today up to a year
/// ahead, a meeting from 2000 to five years ahead. A day outside is a typing mistake (1999, 2099), refused with the
/// bound named rather than stored and shown as overdue or never due.
public struct DateBounds: Sendable, Equatable {
    /// Days before today the earliest allowed day lies (nil: from `floor` on).
    public let daysBack: Int?
    /// Days after today the latest allowed day lies.
    public let daysAhead: Int
    /// The earliest day whatever today is.
    public let floor: LocalDate

    public init(daysBack: Int?, daysAhead: Int, floor: LocalDate = LocalDate(year: 2000, month: 1, day: 1)!) {
        self.daysBack = daysBack
        self.daysAhead = daysAhead
        self.floor = floor
    }

    /// From today up to `daysAhead`: due dates of work still to do.
    public static func ahead(days: Int) -> DateBounds { DateBounds(daysBack: 0, daysAhead: days) }
    /// From 2000 up to `daysAhead`: dates of records that may be entered after the fact.
    public static func sinceFloor(ahead days: Int) -> DateBounds { DateBounds(daysBack: nil, daysAhead: days) }

    public func earliest(today: LocalDate) -> LocalDate {
        guard let daysBack else { return floor }
        return max(floor, today.adding(days: -daysBack))
    }

    public func latest(today: LocalDate) -> LocalDate { today.adding(days: daysAhead) }

    public func check(_ day: LocalDate, today: LocalDate) throws(DateProblem) {
        let first = earliest(today: today)
        let last = latest(today: today)
        if day < first { throw .before(first) }
        if day > last { throw .after(last) }
    }
}

/// A day refused by its bounds or by the period it must fall in; the days are named in the message.
public enum DateProblem: Error, Sendable, Equatable {
    case before(LocalDate)
    case after(LocalDate)
    /// Outside the period of the record it belongs to (a project's due day outside its agreement's period).
    case outside(DaySpan)

    public var messageKey: String {
        switch self {
        case .before: "error.date.before"
        case .after: "error.date.after"
        case .outside: "error.date.outside"
        }
    }

    public var args: [String] {
        switch self {
        case .before(let d), .after(let d): [d.description]
        case .outside(let s): [s.from.description, s.to?.description ?? "—"]
        }
    }

    /// A day that must fall in `span`.
    public static func check(_ day: LocalDate, in span: DaySpan) throws(DateProblem) {
        guard span.contains(day) else { throw .outside(span) }
    }
}
