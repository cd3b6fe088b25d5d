import Testing

@testable import GongzhiCore

@Suite("F2 joint bodies: dated seats, the triad, 1+N+X figures")
struct JointBodyRulesTests {
    static func day(_ s: String) -> LocalDate { LocalDate(s)! }
    static func range(_ from: String, _ to: String? = nil) -> DayRange {
        DayRange(from: day(from), to: to.map(day))
    }
    static func seat(_ id: Int, person: Int, _ p: SeatPosition, unit: Int? = nil, _ days: DayRange) -> SeatHolding {
        SeatHolding(id: id, personID: person, position: p, unitID: unit, days: days)
    }

    @Test func rangesOverlapOnSharedDaysOnly() {
        let a = Self.range("2026-01-01", "2026-03-31")
        #expect(a.overlaps(Self.range("2026-03-31")))
        #expect(!a.overlaps(Self.range("2026-04-01")))
        #expect(Self.range("2025-01-01").overlaps(a))
        #expect(!Self.range("2025-01-01", "2025-12-31").overlaps(a))
        #expect(!DayRange(from: Self.day("2026-02-01"), to: Self.day("2026-01-01")).isValid)
    }

    @Test func twoPeopleCannotHoldOneSeatAtOnce() {
        let chair = Self.seat(1, person: 10, .chair, Self.range("2025-01-01"))
        let rival = Self.seat(2, person: 11, .chair, Self.range("2026-06-01"))
        #expect(AppointmentRules.conflict(rival, with: [chair]) == .seatTaken(by: chair))
        // After the first holder's seat ends, the next may take it.
        let ended = Self.seat(1, person: 10, .chair, Self.range("2025-01-01", "2026-05-31"))
        #expect(AppointmentRules.conflict(rival, with: [ended]) == nil)
        // Deputies and members may be several.
        let d1 = Self.seat(3, person: 12, .deputyChair, Self.range("2025-01-01"))
        #expect(
            AppointmentRules.conflict(Self.seat(4, person: 13, .deputyChair, Self.range("2025-01-01")), with: [d1])
                == nil)
    }

    @Test func aUnitHasOnePartTimeSeatAtATimeAndAPersonOneSeat() {
        let a = Self.seat(1, person: 10, .partTimeMember, unit: 5, Self.range("2025-01-01"))
        #expect(
            AppointmentRules.conflict(
                Self.seat(2, person: 11, .partTimeMember, unit: 5, Self.range("2026-01-01")),
                with: [a]) == .seatTaken(by: a))
        #expect(
            AppointmentRules.conflict(
                Self.seat(2, person: 11, .partTimeMember, unit: 6, Self.range("2026-01-01")),
                with: [a]) == nil)
        #expect(
            AppointmentRules.conflict(Self.seat(2, person: 10, .member, Self.range("2026-01-01")), with: [a])
                == .personSeated(a))
        #expect(
            AppointmentRules.conflict(
                Self.seat(2, person: 10, .member, Self.range("2026-01-01", "2025-01-01")),
                with: []) == .invalidDays)
    }

    @Test func theBodyAsOfADayAndTheTriad() {
        let seats = [
            Self.seat(1, person: 1, .triadResidentsCommittee, unit: 1, Self.range("2025-01-01")),
            Self.seat(2, person: 2, .triadPropertyCompany, unit: 2, Self.range("2025-01-01", "2025-12-31")),
            Self.seat(3, person: 3, .triadPropertyCompany, unit: 3, Self.range("2026-01-01")),
            Self.seat(4, person: 4, .triadOwnersCommittee, unit: 4, Self.range("2026-03-01")),
        ]
        #expect(AppointmentRules.asOf(Self.day("2025-06-01"), seats).map(\.id) == [1, 2])
        let before = TriadStatus(on: Self.day("2026-02-01"), seats)
        #expect(!before.isComplete && before.missing == [.triadOwnersCommittee] && before.doubled.isEmpty)
        #expect(TriadStatus(on: Self.day("2026-03-01"), seats).isComplete)
        // Two property companies at once: doubled (the service refuses it before it is saved).
        let two = seats + [Self.seat(5, person: 5, .triadPropertyCompany, unit: 6, Self.range("2026-01-01"))]
        #expect(TriadStatus(on: Self.day("2026-03-01"), two).doubled == [.triadPropertyCompany])
        #expect(
            AppointmentRules.conflict(two[4], with: Array(seats)) == .seatTaken(by: seats[2]))
    }

    @Test func membershipsHaveOneLeadAndNoDoubleUnit() {
        let lead = Membership(unitID: 1, role: .lead, days: Self.range("2025-01-01"))
        #expect(
            JointBodyRules.membershipConflict(
                Membership(unitID: 2, role: .lead, days: Self.range("2026-01-01")),
                with: [lead]) == .secondLead)
        #expect(
            JointBodyRules.membershipConflict(
                Membership(unitID: 1, role: .inner, days: Self.range("2026-01-01")),
                with: [lead]) == .alreadyMember)
        #expect(
            JointBodyRules.membershipConflict(
                Membership(unitID: 2, role: .outer, days: Self.range("2026-01-01")),
                with: [lead]) == nil)
        #expect(JointBodyRules.allows(.communityCommittee, on: .communityCommittee))
        #expect(!JointBodyRules.allows(.communityCommittee, on: .streetCommittee))
        #expect(JointBodyRules.unitFits(.triadPropertyCompany, .propertyCompany))
        #expect(!JointBodyRules.unitFits(.triadPropertyCompany, .school))
    }

    @Test func figuresCountActiveMembersPartTimersAndTwoWayCrossAppointments() {
        let members = [
            Membership(unitID: 1, role: .lead, days: Self.range("2025-01-01")),
            Membership(unitID: 2, role: .inner, days: Self.range("2025-01-01")),
            Membership(unitID: 3, role: .outer, days: Self.range("2025-01-01")),
            Membership(unitID: 4, role: .inner, days: Self.range("2025-01-01", "2025-12-31")),
        ]
        let seats = [
            Self.seat(1, person: 1, .partTimeMember, unit: 2, Self.range("2025-01-01")),
            Self.seat(2, person: 2, .partTimeMember, unit: 3, Self.range("2025-01-01")),
            Self.seat(3, person: 3, .partTimeMember, unit: 4, Self.range("2025-01-01")),
        ]
        // The body's people sit in unit 2's organisation (both ways) and in unit 1's (one way only).
        let outward = [
            2: [Self.seat(9, person: 9, .member, Self.range("2025-06-01"))],
            1: [Self.seat(8, person: 9, .member, Self.range("2025-06-01"))],
        ]
        let f = BodyFigures(on: Self.day("2026-02-01"), seats: seats, members: members, outward: outward)
        #expect(f.memberUnits == 3 && f.lead == 1 && f.inner == 1 && f.outer == 1)
        #expect(f.partTimeMembers == 3)
        #expect(f.crossAppointed == 1 && f.crossAppointmentPercent == 33)
        let early = BodyFigures(on: Self.day("2025-03-01"), seats: seats, members: members, outward: outward)
        #expect(early.memberUnits == 4 && early.crossAppointed == 0)
        #expect(
            BodyFigures(on: Self.day("2025-03-01"), seats: [], members: [], outward: [:]).crossAppointmentPercent
                == nil)
        // Without a member unit named lead, the body's own organisation is the "1" of 1+N+X.
        let unled = BodyFigures(
            on: Self.day("2026-02-01"), seats: [], members: Array(members.dropFirst()), outward: [:])
        #expect(unled.lead == 1 && unled.memberUnits == 2)
    }
}
