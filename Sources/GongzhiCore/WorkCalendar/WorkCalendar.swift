/// Working days in China: Monday to Friday, less the statutory holidays, plus the adjusted working weekends
/// (调休) that the State Council announces each year. A year without a calendar is refused, never guessed.
public struct WorkCalendar: Sendable {
    public struct Year: Sendable, Codable, Equatable {
        public var year: Int
        /// Days off that would otherwise be working days (and holidays falling on weekends, listed for display).
        public var holidays: [LocalDate: String]
        /// Weekend days that are working days (调休上班).
        public var workdays: [LocalDate: String]
        public var source: String
        public init(year: Int, holidays: [LocalDate: String], workdays: [LocalDate: String], source: String) {
            self.year = year
            self.holidays = holidays
            self.workdays = workdays
            self.source = source
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case noCalendar(year: Int)
        case badCount
        public var messageKey: String { self == .badCount ? "error.calendar.count" : "error.calendar.missingYear" }
        public var args: [String] {
            if case .noCalendar(let y) = self { return [String(y)] }
            return []
        }
    }

    public let years: [Int: Year]
    public init(years: [Year]) {
        self.years = Dictionary(years.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func isWorkingDay(_ d: LocalDate) throws(Problem) -> Bool {
        guard let y = years[d.year] else { throw .noCalendar(year: d.year) }
        if y.workdays[d] != nil { return true }
        if y.holidays[d] != nil { return false }
        return !d.isWeekend
    }

    /// The day on which N working days have passed; the starting day itself is not counted
    /// (民法典第二百零一条: a period in days starts on the next day).
    public func addWorkingDays(_ n: Int, after start: LocalDate) throws(Problem) -> LocalDate {
        guard n >= 1, n <= 365 else { throw .badCount }
        var d = start
        var left = n
        while left > 0 {
            d = d.adding(days: 1)
            if try isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// The deadline instant: the end (23:59:59 Asia/Shanghai) of the Nth working day after the instant's day.
    public func deadline(from instant: Double, workingDays n: Int) throws(Problem) -> Double {
        try addWorkingDays(n, after: LocalDate(instant: instant)).endInstant
    }

    /// Working days from one instant to another, counted as deadlines are: days after the start's day, up to and
    /// including the end's day. The same day is 0.
    public func workingDays(from start: Double, to end: Double) throws(Problem) -> Int {
        let a = LocalDate(instant: start)
        let b = LocalDate(instant: end)
        guard a < b else { return 0 }
        var count = 0
        var d = a.adding(days: 1)
        while d <= b {
            if try isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }
}
