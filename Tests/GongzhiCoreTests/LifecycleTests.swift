import Foundation
import Testing

@testable import GongzhiCore

/// Property tests of the lifecycles: each record's shown state is walked along a clock moving forward, over many
/// random records, and checked against the rule it states.
@Suite struct LifecycleTests {
    typealias Mix = ListRulesTests.Mix

    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    func ok<E>(_ r: Result<Void, E>) -> Bool {
        if case .success = r { return true }
        return false
    }

    /// Times from a day before a span to a day after it, in random steps, always forward.
    func walk(_ span: Span, _ rng: inout Mix) -> [Date] {
        var t = span.start.addingTimeInterval(-86_400)
        var out: [Date] = [span.start, span.end]
        while t < span.end.addingTimeInterval(86_400) {
            out.append(t)
            t = t.addingTimeInterval(Double(Int.random(in: 1...7_200, using: &rng)))
        }
        return out.sorted()
    }

    @Test func aSpanMovesOnlyForwardUpcomingUnderwayEnded() {
        var rng = Mix(state: 19)
        for _ in 0..<300 {
            let start = Self.base.addingTimeInterval(Double(Int.random(in: 0...1_000_000, using: &rng)))
            let span = Span(
                start: start, end: start.addingTimeInterval(Double(Int.random(in: 0...50_000, using: &rng))))
            var last = Phase.upcoming
            for now in walk(span, &rng) {
                let p = span.phase(at: now)
                #expect(Phase.allCases.firstIndex(of: p)! >= Phase.allCases.firstIndex(of: last)!)
                #expect((p == .upcoming) == (now < span.start))
                #expect((p == .ended) == (now >= span.end))
                last = p
            }
            #expect(last == .ended)
        }
    }

    @Test func anEndBeforeTheStartIsAnEmptySpanNotAReversedOne() {
        let span = Span(start: Self.base, end: Self.base.addingTimeInterval(-60))
        #expect(span.end == span.start)
        #expect(span.phase(at: Self.base) == .ended)
    }

    @Test func aDaySpanIncludesBothEndsAndAnOpenEndNeverEnds() {
        var rng = Mix(state: 7)
        for _ in 0..<300 {
            let from = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: Int.random(in: 0...2_000, using: &rng))
            let to: LocalDate? =
                Bool.random(using: &rng) ? from.adding(days: Int.random(in: 0...800, using: &rng)) : nil
            let span = DaySpan(from: from, to: to)
            var last = Phase.upcoming
            for offset in -3...900 {
                let day = from.adding(days: offset)
                let p = span.phase(on: day)
                #expect(Phase.allCases.firstIndex(of: p)! >= Phase.allCases.firstIndex(of: last)!)
                #expect(span.contains(day) == (p == .underway))
                last = p
            }
            #expect(span.phase(on: from) == .underway)
            if let to {
                #expect(span.phase(on: to) == .underway)
                #expect(span.phase(on: to.adding(days: 1)) == .ended)
            } else {
                #expect(last == .underway)
            }
        }
    }

    @Test func boundsAcceptExactlyTheDaysBetweenTheirEnds() throws {
        var rng = Mix(state: 3)
        let cases: [DateBounds] = [
            .ahead(days: 366), .sinceFloor(ahead: 5 * 366), DateBounds(daysBack: 30, daysAhead: 0),
        ]
        for bounds in cases {
            for _ in 0..<200 {
                let today = LocalDate(year: 2020, month: 1, day: 1)!.adding(
                    days: Int.random(in: 0...4_000, using: &rng))
                let day = today.adding(days: Int.random(in: -10_000...3_000, using: &rng))
                let first = bounds.earliest(today: today)
                let last = bounds.latest(today: today)
                do {
                    try bounds.check(day, today: today)
                    #expect(day >= first && day <= last)
                } catch {
                    #expect(day < first || day > last)
                    #expect(error == (day < first ? .before(first) : .after(last)))
                }
            }
        }
        // A visit plan due in 1999 or two years ahead is refused with the bound named.
        let today = LocalDate(year: 2026, month: 12, day: 7)!
        #expect(throws: DateProblem.before(today)) {
            try DateBounds.ahead(days: 366).check(LocalDate("1999-01-01")!, today: today)
        }
        #expect(throws: DateProblem.after(today.adding(days: 366))) {
            try DateBounds.ahead(days: 366).check(today.adding(days: 400), today: today)
        }
        #expect(DateProblem.before(today).args == ["2026-12-07"])
    }

    @Test func aDueDayOutsideItsAgreementsPeriodIsRefused() {
        let period = DaySpan(from: LocalDate("2027-01-01")!, to: LocalDate("2028-12-31"))
        #expect(throws: DateProblem.outside(period)) { try DateProblem.check(LocalDate("2020-06-01")!, in: period) }
        #expect(throws: DateProblem.outside(period)) { try DateProblem.check(LocalDate("2029-01-01")!, in: period) }
        #expect(throws: Never.self) { try DateProblem.check(LocalDate("2028-12-31")!, in: period) }
        #expect(DateProblem.outside(period).args == ["2027-01-01", "2028-12-31"])
    }

    @Test func anAgreementStandsByItsStateThenItsPeriod() {
        var rng = Mix(state: 11)
        for _ in 0..<200 {
            let from = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: Int.random(in: 0...700, using: &rng))
            let period = DaySpan(from: from, to: from.adding(days: Int.random(in: 1...1_000, using: &rng)))
            var seen: [AgreementStanding] = []
            for offset in stride(from: -30, through: 1_100, by: 5) {
                let today = from.adding(days: offset)
                #expect(AgreementStanding(state: .draft, period: period, today: today) == .draft)
                #expect(AgreementStanding(state: .ended, period: period, today: today) == .ended)
                let s = AgreementStanding(state: .signed, period: period, today: today)
                if seen.last != s { seen.append(s) }
            }
            // A signed agreement walks not in force → in force → expired, once each, in that order.
            #expect(seen == [.notInForce, .inForce, .expired])
        }
    }

    @Test func aMeetingsPhoneCheckInIsOpenExactlyInItsWindow() {
        var rng = Mix(state: 5)
        for _ in 0..<100 {
            let start = Self.base.addingTimeInterval(Double(Int.random(in: 0...1_000_000, using: &rng)))
            let span = Span(
                start: start, end: start.addingTimeInterval(Double(Int.random(in: 15...720, using: &rng) * 60)))
            for now in walk(span, &rng) {
                let phone = Result { () throws(CheckIn.Refusal) in
                    try CheckIn.check(
                        invited: true, alreadyCheckedIn: false, state: .scheduled, meeting: span, now: now,
                        channel: .phone)
                }
                let desk = Result { () throws(CheckIn.Refusal) in
                    try CheckIn.check(
                        invited: true, alreadyCheckedIn: false, state: .scheduled, meeting: span, now: now,
                        channel: .desk)
                }
                let open =
                    now >= start.addingTimeInterval(-Double(CheckIn.earlyMinutes * 60))
                    && now <= span.end.addingTimeInterval(Double(CheckIn.lateMinutes * 60))
                #expect(ok(phone) == open)
                #expect(ok(desk) == (now >= start))
                // Closing follows the same clock: never before the start.
                let closing = Result { () throws(MeetingClosing.Refusal) in
                    try MeetingClosing.check(state: .scheduled, decisions: [], startsAt: start, now: now)
                }
                #expect(ok(closing) == (now >= start))
            }
        }
    }

    @Test func anActivitysCheckInAndOutFollowItsTimes() {
        var rng = Mix(state: 13)
        for _ in 0..<100 {
            let start = Self.base.addingTimeInterval(Double(Int.random(in: 0...1_000_000, using: &rng)))
            let end = start.addingTimeInterval(Double(Int.random(in: 15...720, using: &rng) * 60))
            let window = VolunteeringRules.Window(start: start, end: end)
            let span = Span(start: start, end: end)
            for now in walk(span, &rng) {
                let checkIn = Result { () throws(VolunteeringRules.Refusal) in
                    try VolunteeringRules.checkIn(now: now, activity: window, alreadyCheckedIn: false)
                }
                let early = Double(VolunteeringRules.checkInEarlyMinutes * 60)
                #expect(ok(checkIn) == span.admits(now, early: early))
                if span.phase(at: now) == .ended && now > end {
                    #expect(!ok(checkIn))
                }
            }
        }
    }
}
