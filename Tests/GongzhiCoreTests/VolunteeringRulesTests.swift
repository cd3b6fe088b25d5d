import Foundation
import Testing

@testable import GongzhiCore

@Suite("F11 volunteering rules")
struct VolunteeringRulesTests {
    typealias R = VolunteeringRules
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static func at(_ minutes: Int) -> Date { t0.addingTimeInterval(Double(minutes * 60)) }
    static func shift(_ a: Int, _ b: Int) -> R.Shift { R.Shift(start: at(a), end: at(b)) }

    @Test func overlappingShiftsOfOnePersonAreRefused() throws {
        let now = Self.at(24 * 60)
        let existing = [Self.shift(60, 180), Self.shift(300, 360)]
        #expect(throws: R.Refusal.shiftOverlap) {
            try R.checkShift(Self.shift(120, 240), existing: existing, now: now)
        }
        #expect(throws: R.Refusal.shiftOverlap) { try R.checkShift(Self.shift(0, 400), existing: existing, now: now) }
        #expect(throws: R.Refusal.shiftOverlap) {
            try R.checkShift(Self.shift(310, 320), existing: existing, now: now)
        }
        // Touching ends do not overlap.
        try R.checkShift(Self.shift(180, 300), existing: existing, now: now)
        try R.checkShift(Self.shift(0, 60), existing: existing, now: now)
        #expect(throws: R.Refusal.shiftEmpty) { try R.checkShift(Self.shift(50, 50), existing: [], now: now) }
        #expect(throws: R.Refusal.shiftEmpty) { try R.checkShift(Self.shift(50, 40), existing: [], now: now) }
        #expect(throws: R.Refusal.shiftTooLong) { try R.checkShift(Self.shift(0, 13 * 60), existing: [], now: now) }
        #expect(throws: R.Refusal.shiftFuture) {
            try R.checkShift(Self.shift(23 * 60, 25 * 60), existing: [], now: now)
        }
        #expect(Self.shift(0, 90).minutes == 90)
    }

    @Test func theFirstWaitingTakeAFreedPlace() {
        #expect(R.place(capacity: 2, confirmed: 1) == .confirmed)
        #expect(R.place(capacity: 2, confirmed: 2) == .waiting)
        #expect(R.place(capacity: 0, confirmed: 0) == .waiting)
        #expect(R.promotions(capacity: 3, confirmed: 2, waiting: [7, 4, 9]) == [7])
        #expect(R.promotions(capacity: 5, confirmed: 2, waiting: [7, 4]) == [7, 4])
        #expect(R.promotions(capacity: 2, confirmed: 2, waiting: [7]) == [])
        #expect(R.promotions(capacity: 1, confirmed: 3, waiting: [7]) == [])
    }

    @Test func checkInAndOutOnlyInTheTimeWindow() throws {
        let w = R.Window(start: Self.at(600), end: Self.at(720))
        #expect(throws: R.Refusal.tooEarly) { try R.checkIn(now: Self.at(569), activity: w, alreadyCheckedIn: false) }
        try R.checkIn(now: Self.at(570), activity: w, alreadyCheckedIn: false)
        try R.checkIn(now: Self.at(720), activity: w, alreadyCheckedIn: false)
        #expect(throws: R.Refusal.tooLate) { try R.checkIn(now: Self.at(721), activity: w, alreadyCheckedIn: false) }
        #expect(throws: R.Refusal.alreadyCheckedIn) {
            try R.checkIn(now: Self.at(650), activity: w, alreadyCheckedIn: true)
        }
        #expect(throws: R.Refusal.notCheckedIn) {
            try R.checkOut(now: Self.at(700), activity: w, checkedInAt: nil, checkedOutAt: nil)
        }
        #expect(throws: R.Refusal.alreadyCheckedOut) {
            try R.checkOut(now: Self.at(700), activity: w, checkedInAt: Self.at(600), checkedOutAt: Self.at(650))
        }
        try R.checkOut(now: Self.at(840), activity: w, checkedInAt: Self.at(600), checkedOutAt: nil)
        #expect(throws: R.Refusal.tooLate) {
            try R.checkOut(now: Self.at(841), activity: w, checkedInAt: Self.at(600), checkedOutAt: nil)
        }
        // Hours count within the activity's own time.
        let s = R.attendedShift(checkedInAt: Self.at(580), checkedOutAt: Self.at(800), activity: w)
        #expect(s.start == Self.at(600) && s.end == Self.at(720) && s.minutes == 120)
        let short = R.attendedShift(checkedInAt: Self.at(630), checkedOutAt: Self.at(660), activity: w)
        #expect(short.minutes == 30)
    }

    @Test func checkInOnlyWithinTheRadius() throws {
        let point = Coordinate(lat: 31.2304, lng: 121.4737)
        try R.checkPlace(point: nil, radiusMeters: 100, phone: nil)
        #expect(throws: R.Refusal.locationRequired) { try R.checkPlace(point: point, radiusMeters: 100, phone: nil) }
        #expect(throws: R.Refusal.locationRequired) {
            try R.checkPlace(point: point, radiusMeters: 100, phone: Coordinate(lat: 200, lng: 0))
        }
        // About 55 m north: inside 100 m, outside 50 m.
        let near = Coordinate(lat: 31.2309, lng: 121.4737)
        try R.checkPlace(point: point, radiusMeters: 100, phone: near)
        #expect(throws: R.Refusal.tooFar) { try R.checkPlace(point: point, radiusMeters: 50, phone: near) }
        let d = R.distanceMeters(point, near)
        #expect(d > 50 && d < 60)
    }

    @Test func anHourCodeIsGoodOnce() throws {
        #expect(R.isWellFormedCode("012345"))
        #expect(!R.isWellFormedCode("12345"))
        #expect(!R.isWellFormedCode("12345a"))
        #expect(!R.isWellFormedCode("１２３４５６"))
        try R.redeem(codeUsed: false)
        #expect(throws: R.Refusal.codeUsed) { try R.redeem(codeUsed: true) }
    }

    @Test func aManualEntryNamesAnApproverWhoIsNotTheVolunteer() throws {
        #expect(throws: R.Refusal.approverRequired) { try R.checkApprover(approverUserID: nil, volunteerUserIDs: []) }
        #expect(throws: R.Refusal.approverIsVolunteer) {
            try R.checkApprover(approverUserID: 4, volunteerUserIDs: [4])
        }
        try R.checkApprover(approverUserID: 5, volunteerUserIDs: [4])
    }

    @Test func rankingsNeedEnoughParticipantsAndShareRanks() throws {
        #expect(R.ranking([1: 60, 2: 30, 3: 30, 4: 10]) == nil)
        #expect(R.ranking([1: 60, 2: 30, 3: 30, 4: 10, 5: 0]) == nil, "no minutes: no participant")
        let r = try #require(R.ranking([1: 60, 2: 30, 3: 30, 4: 10, 5: 5]))
        #expect(r.map(\.id) == [1, 2, 3, 4, 5])
        #expect(r.map(\.rank) == [1, 2, 2, 4, 5])
    }

    @Test func periodsAndHours() {
        let d = LocalDate("2026-05-17")!
        #expect(R.days(of: .month, containing: d) == (LocalDate("2026-05-01")!, LocalDate("2026-05-31")!))
        #expect(R.days(of: .quarter, containing: d) == (LocalDate("2026-04-01")!, LocalDate("2026-06-30")!))
        #expect(R.days(of: .year, containing: d) == (LocalDate("2026-01-01")!, LocalDate("2026-12-31")!))
        let dec = LocalDate("2026-12-02")!
        #expect(R.days(of: .quarter, containing: dec).last == LocalDate("2026-12-31")!)
        #expect(R.hoursText(90) == "1.5" && R.hoursText(120) == "2" && R.hoursText(0) == "0")
    }
}
