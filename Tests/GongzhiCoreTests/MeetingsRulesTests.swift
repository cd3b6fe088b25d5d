import Foundation
import Testing

@testable import GongzhiCore

@Suite("Meetings: host rotation, quorum as of a date, check-in, closing, the iCalendar writer")
struct MeetingsRulesTests {
    func day(_ s: String) -> LocalDate { LocalDate(s)! }
    func member(_ id: Int, _ since: String) -> HostRotation.Member { .init(unitID: id, since: day(since)) }

    // MARK: Host rotation

    @Test func theNextHostIsTheUnitAfterTheLastInJoiningOrderWrapping() {
        let members = [member(3, "2024-03-01"), member(1, "2024-01-01"), member(2, "2024-02-01")]
        #expect(HostRotation.next(after: nil, among: members) == 1)
        #expect(HostRotation.next(after: member(1, "2024-01-01"), among: members) == 2)
        #expect(HostRotation.next(after: member(2, "2024-02-01"), among: members) == 3)
        #expect(HostRotation.next(after: member(3, "2024-03-01"), among: members) == 1)
        #expect(HostRotation.next(after: nil, among: []) == nil)
    }

    @Test func unitsJoiningTheSameDayGoByID() {
        let members = [member(9, "2024-01-01"), member(4, "2024-01-01")]
        #expect(HostRotation.next(after: nil, among: members) == 4)
        #expect(HostRotation.next(after: member(4, "2024-01-01"), among: members) == 9)
    }

    @Test func aHostThatLeftPassesTheTurnToWhoeverJoinedAfterIt() {
        // Unit 2 hosted last and has since left: unit 3, who joined after it, hosts next.
        let now = [member(1, "2024-01-01"), member(3, "2024-03-01")]
        #expect(HostRotation.next(after: member(2, "2024-02-01"), among: now) == 3)
        // The last in the order left: the round starts again.
        #expect(HostRotation.next(after: member(4, "2024-04-01"), among: now) == 1)
    }

    @Test func aUnitThatJoinsTakesItsTurnAtTheEndOfTheRound() {
        let before = [member(1, "2024-01-01"), member(2, "2024-02-01")]
        let after = before + [member(7, "2025-06-01")]
        #expect(HostRotation.next(after: member(2, "2024-02-01"), among: before) == 1)
        #expect(HostRotation.next(after: member(2, "2024-02-01"), among: after) == 7)
        #expect(HostRotation.next(after: member(7, "2025-06-01"), among: after) == 1)
    }

    // MARK: Quorum

    @Test func moreThanHalfOfTheRosterOnTheDay() {
        let seats = (1...6).map { Quorum.Seat(personID: $0, from: day("2025-01-01"), to: nil) }
        let on = day("2026-03-01")
        #expect(Quorum.evaluate(seats: seats, on: on, present: [1, 2, 3])?.met == false)
        let four = Quorum.evaluate(seats: seats, on: on, present: [1, 2, 3, 4])
        #expect(four == Quorum.Result(roster: 6, present: 4, needed: 4))
        #expect(four?.met == true)
        #expect(Quorum.evaluate(seats: Array(seats.prefix(5)), on: on, present: [1, 2, 3])?.met == true)
    }

    @Test func theRosterIsTakenAsOfTheMeetingsDate() {
        let seats = [
            Quorum.Seat(personID: 1, from: day("2025-01-01"), to: nil),
            Quorum.Seat(personID: 2, from: day("2025-01-01"), to: day("2026-02-28")),  // left before the meeting
            Quorum.Seat(personID: 3, from: day("2026-04-01"), to: nil),  // joins after it
            Quorum.Seat(personID: 4, from: day("2025-01-01"), to: day("2026-03-01")),  // last day is the meeting's
        ]
        let on = day("2026-03-01")
        #expect(Quorum.roster(seats, on: on) == [1, 4])
        let r = Quorum.evaluate(seats: seats, on: on, present: [1, 2, 3])
        #expect(r == Quorum.Result(roster: 2, present: 1, needed: 2))
        #expect(r?.met == false)
        #expect(Quorum.evaluate(seats: seats, on: on, present: [1, 4])?.met == true)
        // A month later the roster has changed: 1 and 3.
        #expect(Quorum.evaluate(seats: seats, on: day("2026-04-01"), present: [1, 3])?.met == true)
    }

    @Test func attendeesWithoutASeatDoNotCount() {
        let seats = [1, 2, 3].map { Quorum.Seat(personID: $0, from: day("2025-01-01"), to: nil) }
        let r = Quorum.evaluate(seats: seats, on: day("2026-01-01"), present: [1, 50, 51, 52])
        #expect(r?.present == 1)
        #expect(r?.met == false)
    }

    @Test func noRosterNoQuorum() {
        #expect(Quorum.evaluate(roster: [], present: [1, 2]) == nil)
        let ended = [Quorum.Seat(personID: 1, from: day("2020-01-01"), to: day("2020-12-31"))]
        #expect(Quorum.evaluate(seats: ended, on: day("2026-01-01"), present: [1]) == nil)
    }

    // MARK: Check-in and closing

    @Test func checkInOnlyForInviteesOnceOnTheDay() throws {
        let d = day("2026-11-24")
        // 2026-11-24 09:00–10:30 in Asia/Shanghai.
        let start = Date(timeIntervalSince1970: d.startInstant + 9 * 3600)
        let span = Span(start: start, end: start.addingTimeInterval(90 * 60))
        func check(
            invited: Bool = true, already: Bool = false, state: MeetingState = .scheduled,
            minutes: Double = 0, _ channel: CheckIn.Channel = .phone
        ) -> CheckIn.Refusal? {
            do {
                try CheckIn.check(
                    invited: invited, alreadyCheckedIn: already, state: state, meeting: span,
                    now: start.addingTimeInterval(minutes * 60), channel: channel)
                return nil
            } catch { return error }
        }
        #expect(check() == nil)
        #expect(check(invited: false) == .notInvited)
        #expect(check(already: true) == .already)
        // The phone: an hour before the start to half an hour after the end.
        #expect(check(minutes: -60) == nil)
        #expect(check(minutes: -61) == .notToday)
        #expect(check(minutes: 120) == nil)
        #expect(check(minutes: 121) == .notToday)
        #expect(check(minutes: 210) == .notToday)
        #expect(check(minutes: -24 * 60) == .notToday)
        #expect(check(state: .cancelled) == .notOpen)
        #expect(check(state: .closed) == .notOpen)
        // At the desk: once begun, days after too, never before.
        #expect(check(minutes: 2 * 24 * 60, .desk) == nil)
        #expect(check(minutes: -1, .desk) == .notToday)
        #expect(CheckIn.isWellFormed("012345"))
        #expect(!CheckIn.isWellFormed("12345"))
        #expect(!CheckIn.isWellFormed("12345a"))
        #expect(!CheckIn.isWellFormed("１２３４５６"))
    }

    @Test func aMeetingClosesOnlyOnceBegunAndWhenEveryDecisionHasAnOwnerAndADueDate() {
        let starts = Date(timeIntervalSince1970: 1_800_000_000)
        func close(
            _ ds: [MeetingClosing.Decision], _ s: MeetingState = .scheduled,
            now: Date = Date(timeIntervalSince1970: 1_800_003_600)
        ) -> MeetingClosing.Refusal? {
            do {
                try MeetingClosing.check(state: s, decisions: ds, startsAt: starts, now: now)
                return nil
            } catch { return error }
        }
        #expect(close([], now: starts.addingTimeInterval(-60)) == .notStarted)
        #expect(close([], now: starts) == nil)
        let ok = MeetingClosing.Decision(hasOwner: true, due: day("2026-12-01"))
        #expect(close([]) == nil)
        #expect(close([ok, ok]) == nil)
        #expect(close([ok, .init(hasOwner: false, due: day("2026-12-01"))]) == .ownerless)
        #expect(close([.init(hasOwner: true, due: nil)]) == .noDue)
        #expect(close([ok], .closed) == .notScheduled)
    }

    @Test func datesAndTimes() {
        let today = day("2026-11-24")
        #expect(MeetingSchedule.plausible(day("2026-12-01"), today: today))
        #expect(MeetingSchedule.plausible(day("2030-01-15"), today: today))
        #expect(!MeetingSchedule.plausible(day("1999-12-31"), today: today))
        #expect(!MeetingSchedule.plausible(day("2099-01-01"), today: today))
        #expect(MeetingSchedule.time("19:30") == 19 * 60 + 30)
        #expect(MeetingSchedule.time("00:00") == 0)
        #expect(MeetingSchedule.time("24:00") == nil)
        #expect(MeetingSchedule.time("9:30") == nil)
        #expect(MeetingSchedule.time("ab:cd") == nil)
        #expect(MeetingSchedule.timeText(9 * 60 + 5) == "09:05")
        // 19:30 in Shanghai is 11:30 UTC.
        #expect(ICalendar.utc(MeetingSchedule.instant(day("2026-11-24"), minutes: 19 * 60 + 30)) == "20261124T113000Z")
    }

    // MARK: iCalendar

    func event(
        id: Int = 7, sequence: Int = 0, summary: String = "社区大党委季度联席会议",
        location: String = "党群服务中心",
        status: ICalendar.Status = .confirmed
    ) -> ICalendar.Event {
        let start = MeetingSchedule.instant(day("2026-12-15"), minutes: 14 * 60 + 30)
        return ICalendar.Event(
            uid: ICalendar.uid(meetingID: id), sequence: sequence, stamp: start - 86_400, start: start,
            end: start + 5400, summary: summary, location: location, description: "主持人：林晓", status: status)
    }

    func unfolded(_ doc: String) -> [String] {
        doc.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func aCalendarWithOneEventPerMeeting() {
        let doc = ICalendar.document(name: "林晓的会议", events: [event(), event(id: 8, status: .cancelled)])
        let lines = unfolded(doc)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(lines.contains("UID:meeting-7@gongzhi"))
        #expect(lines.contains("UID:meeting-8@gongzhi"))
        #expect(lines.contains("DTSTART:20261215T063000Z"))
        #expect(lines.contains("DTEND:20261215T080000Z"))
        #expect(lines.contains("DTSTAMP:20261214T063000Z"))
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(doc.hasSuffix("\r\n"))
        // Every line ends with CRLF: no bare LF anywhere.
        #expect(!doc.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func theUIDStaysAndTheSequenceRisesOnAChange() {
        let before = unfolded(ICalendar.document(name: "x", events: [event(sequence: 0)]))
        let after = unfolded(
            ICalendar.document(
                name: "x", events: [event(sequence: 1, location: "街道会议室", status: .cancelled)]))
        #expect(before.first { $0.hasPrefix("UID:") } == after.first { $0.hasPrefix("UID:") })
        #expect(before.contains("SEQUENCE:0"))
        #expect(after.contains("SEQUENCE:1"))
        #expect(ICalendar.uid(meetingID: 42) == "meeting-42@gongzhi")
    }

    @Test func textIsEscaped() {
        #expect(ICalendar.escape("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICalendar.escape("一\n二\r\n三") == "一\\n二\\n三")
        #expect(ICalendar.escape("bell\u{07}") == "bell")
        let doc = ICalendar.document(name: "n", events: [event(summary: "会议, 第一次; 讨论")])
        #expect(unfolded(doc).contains("SUMMARY:会议\\, 第一次\\; 讨论"))
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        let long = String(repeating: "联席会议", count: 20)  // 240 octets
        let folded = ICalendar.fold("SUMMARY:" + long)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 3)
        for (i, p) in parts.enumerated() {
            #expect(p.utf8.count <= 75, "line \(i) has \(p.utf8.count) octets")
            if i > 0 { #expect(p.hasPrefix(" ")) }
        }
        // Unfolding gives the line back, every character whole.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + long)
        let ascii = ICalendar.fold(String(repeating: "a", count: 75))
        #expect(!ascii.contains("\r\n"))
        #expect(ICalendar.fold(String(repeating: "a", count: 76)).components(separatedBy: "\r\n").count == 2)
    }
}
