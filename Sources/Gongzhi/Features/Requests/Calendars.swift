import Vapor
import Fluent

/// The working calendar as stored (shipped years plus administrators' edits).
enum Calendars {
    static func load(on db: Database) async throws -> WorkCalendar {
        var years: [Int: WorkCalendar.Year] = [:]
        for d in try await CalendarDay.query(on: db).all() {
            guard let date = LocalDate(d.date) else { continue }
            var y = years[d.year] ?? WorkCalendar.Year(year: d.year, holidays: [:], workdays: [:], source: d.source)
            if d.kind == "workday" { y.workdays[date] = d.name } else { y.holidays[date] = d.name }
            years[d.year] = y
        }
        return WorkCalendar(years: Array(years.values))
    }

    static func deadline(_ req: Request, from: Date, workingDays: Int) async throws -> Date {
        let cal = try await load(on: req.db)
        do {
            return Date(timeIntervalSince1970: try cal.deadline(from: from.timeIntervalSince1970, workingDays: workingDays))
        } catch {
            throw AppError.invalid(error.messageKey, args: error.args)
        }
    }
}

enum CalendarAPI {
    struct Day: Content { let date: String; let kind: String; let name: String }
    struct YearOut: Content { let year: Int; let source: String; let daysOff: [Day]; let workingWeekends: [Day] }
    struct DeadlineOut: Content { let from: Date; let workingDays: Int; let deadline: Date; let deadlineLocalDate: String }

    static func register(_ api: RoutesBuilder) {
        api.get("calendar", "deadline", use: deadline)
        api.get("calendar", ":year", use: year)
    }

    static func yearOut(_ y: Int, on db: Database) async throws -> YearOut {
        let days = try await CalendarDay.query(on: db).filter(\.$year == y).sort(\.$date).all()
        guard !days.isEmpty else { throw AppError.invalid("error.calendar.missingYear", args: [String(y)]) }
        return YearOut(year: y, source: days[0].source,
                       daysOff: days.filter { $0.kind == "holiday" }.map { Day(date: $0.date, kind: $0.kind, name: $0.name) },
                       workingWeekends: days.filter { $0.kind == "workday" }.map { Day(date: $0.date, kind: $0.kind, name: $0.name) })
    }

    @Sendable static func year(_ req: Request) async throws -> YearOut {
        guard let y = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(y) else {
            throw AppError.badRequest("error.badID", args: [req.parameters.get("year") ?? ""])
        }
        return try await yearOut(y, on: req.db)
    }

    @Sendable static func deadline(_ req: Request) async throws -> DeadlineOut {
        guard let raw = req.query[String.self, at: "from"], let from = ISO8601DateFormatter().date(from: raw) else {
            throw AppError.badRequest("error.calendar.from")
        }
        guard let n = req.query[String.self, at: "workingDays"].flatMap(Int.init), (1...365).contains(n) else {
            throw AppError.badRequest("error.calendar.count")
        }
        let d = try await Calendars.deadline(req, from: from, workingDays: n)
        return DeadlineOut(from: from, workingDays: n, deadline: d, deadlineLocalDate: LocalDate(instant: d.timeIntervalSince1970).description)
    }
}
