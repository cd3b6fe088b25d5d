/// The calendars that ship with the product, from the General Office of the State Council's notices.
/// Administrators can edit a year or import the next one when its notice is published (usually in November).
public enum StatutoryHolidays {
    static func range(_ from: String, _ to: String, _ name: String) -> [(LocalDate, String)] {
        let a = LocalDate(from)!
        let b = LocalDate(to)!
        return (a.ordinal...b.ordinal).map { (LocalDate(ordinal: $0), name) }
    }
    static func days(_ list: [String], _ name: String) -> [(LocalDate, String)] { list.map { (LocalDate($0)!, name) } }
    static func year(_ y: Int, _ source: String, holidays: [[(LocalDate, String)]], workdays: [[(LocalDate, String)]])
        -> WorkCalendar.Year
    {
        WorkCalendar.Year(
            year: y, holidays: Dictionary(holidays.flatMap { $0 }, uniquingKeysWith: { a, _ in a }),
            workdays: Dictionary(workdays.flatMap { $0 }, uniquingKeysWith: { a, _ in a }), source: source)
    }

    /// 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
    public static let y2025 = year(
        2025, "国办发明电〔2024〕12号",
        holidays: [
            range("2025-01-01", "2025-01-01", "元旦"),
            range("2025-01-28", "2025-02-04", "春节"),
            range("2025-04-04", "2025-04-06", "清明节"),
            range("2025-05-01", "2025-05-05", "劳动节"),
            range("2025-05-31", "2025-06-02", "端午节"),
            range("2025-10-01", "2025-10-08", "国庆节、中秋节"),
        ],
        workdays: [
            days(["2025-01-26", "2025-02-08"], "春节调休"),
            days(["2025-04-27"], "劳动节调休"),
            days(["2025-09-28", "2025-10-11"], "国庆节调休"),
        ])

    /// 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
    public static let y2026 = year(
        2026, "国务院办公厅 2025年11月4日通知",
        holidays: [
            range("2026-01-01", "2026-01-03", "元旦"),
            range("2026-02-15", "2026-02-23", "春节"),
            range("2026-04-04", "2026-04-06", "清明节"),
            range("2026-05-01", "2026-05-05", "劳动节"),
            range("2026-06-19", "2026-06-21", "端午节"),
            range("2026-09-25", "2026-09-27", "中秋节"),
            range("2026-10-01", "2026-10-07", "国庆节"),
        ],
        workdays: [
            days(["2026-01-04"], "元旦调休"),
            days(["2026-02-14", "2026-02-28"], "春节调休"),
            days(["2026-05-09"], "劳动节调休"),
            days(["2026-09-20", "2026-10-10"], "国庆节调休"),
        ])

    public static let shipped: [WorkCalendar.Year] = [y2025, y2026]
}
