import Testing

@testable import GongzhiCore

@Suite("Working-day calendar (Asia/Shanghai, statutory holidays, 调休)")
struct WorkCalendarTests {
    let cal = WorkCalendar(years: StatutoryHolidays.shipped)
    func d(_ s: String) -> LocalDate { LocalDate(s)! }

    @Test func datesAndWeekdays() {
        #expect(d("1970-01-01").ordinal == 0)
        #expect(d("2026-11-24").weekday == 2)  // a Tuesday
        #expect(LocalDate(ordinal: d("2026-02-28").ordinal + 1) == d("2026-03-01"))
        // 2026-11-23 16:30 UTC is already the 24th in Shanghai.
        #expect(LocalDate(instant: d("2026-11-23").startInstant + 8 * 3600 + 16.5 * 3600) == d("2026-11-24"))
        #expect(LocalDate("2026-02-30") == nil)
    }

    @Test func holidaysAndAdjustedWorkdays() throws {
        #expect(try !cal.isWorkingDay(d("2026-10-05")))  // National Day, a Monday
        #expect(try cal.isWorkingDay(d("2026-10-10")))  // Saturday worked (调休)
        #expect(try cal.isWorkingDay(d("2026-09-20")))  // Sunday worked
        #expect(try !cal.isWorkingDay(d("2026-02-23")))  // Spring Festival Monday
        #expect(try cal.isWorkingDay(d("2025-02-08")))  // Saturday worked in 2025
        #expect(try !cal.isWorkingDay(d("2025-10-08")))  // 2025's 8-day National Day
        #expect(throws: WorkCalendar.Problem.noCalendar(year: 2027)) { try cal.isWorkingDay(d("2027-01-04")) }
    }

    @Test func fiveWorkingDaysBeforeNationalDay() throws {
        // Raised on Wednesday 2026-09-30: the day is not counted; 1–7 Oct are off; Thu 8, Fri 9, Sat 10 (worked),
        // Mon 12, Tue 13 are the five working days.
        #expect(try cal.addWorkingDays(5, after: d("2026-09-30")) == d("2026-10-13"))
        // Raised on Friday 2026-09-18: Sun 20 is worked, so Mon 21 … Thu 24 and Sun 20 make five: Thu 24.
        #expect(try cal.addWorkingDays(5, after: d("2026-09-18")) == d("2026-09-24"))
        // Spring Festival 2026: raised Fri 13 Feb; Sat 14 is worked (1), 15–23 off, 24–27 (2–5).
        #expect(try cal.addWorkingDays(5, after: d("2026-02-13")) == d("2026-02-27"))
        // 2025 National Day: raised Fri 26 Sep; Sun 28 (1), Mon 29 (2), Tue 30 (3), 1–8 off, Thu 9 (4), Fri 10 (5).
        #expect(try cal.addWorkingDays(5, after: d("2025-09-26")) == d("2025-10-10"))
    }

    @Test func deadlineIsTheEndOfTheDayInShanghai() throws {
        let raised = d("2026-09-30").startInstant + 10 * 3600  // 10:00 local
        let deadline = try cal.deadline(from: raised, workingDays: 5)
        #expect(deadline == d("2026-10-13").endInstant)
        #expect(LocalDate(instant: deadline) == d("2026-10-13"))
        #expect(LocalDate(instant: deadline + 1) == d("2026-10-14"))
        // A deadline running into a year with no calendar says so.
        #expect(throws: WorkCalendar.Problem.noCalendar(year: 2027)) {
            try cal.deadline(from: d("2026-12-28").startInstant, workingDays: 5)
        }
        #expect(throws: WorkCalendar.Problem.badCount) { try cal.deadline(from: raised, workingDays: 0) }
    }

    @Test func workingDaysBetweenInstants() throws {
        #expect(try cal.workingDays(from: d("2026-09-30").startInstant, to: d("2026-10-13").endInstant) == 5)
        #expect(try cal.workingDays(from: d("2026-11-24").startInstant, to: d("2026-11-24").endInstant) == 0)
    }
}
