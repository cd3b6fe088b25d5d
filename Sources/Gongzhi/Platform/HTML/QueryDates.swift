import GongzhiCore
import Vapor

extension Request {
    /// A date in the query: a day typed as 2026-11-24 counts in Asia/Shanghai (its start, or with `endOfDay` the
    /// start of the next day); a full ISO 8601 time is taken as is. Anything else is a 400.
    func queryDate(_ key: String, endOfDay: Bool) throws -> Date? {
        guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
        if let d = ISO8601DateFormatter().date(from: raw) { return d }
        guard let day = SimpleDate(raw) else { throw AppError.badRequest(.errorDateParam, args: [key, raw]) }
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        guard let start = cal.date(from: c) else {
            throw AppError.badRequest(.errorDateParam, args: [key, raw])
        }
        return endOfDay ? start.addingTimeInterval(86_400) : start
    }
}
