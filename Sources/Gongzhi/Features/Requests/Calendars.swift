import Fluent
import Vapor

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

    /// For the steps of a request: a missing calendar year must not stop a resident's request or a handler's work,
    /// so the step goes ahead without a deadline and says why (in the event's note, in the default language).
    static func softDeadline(_ caller: Caller, from: Date, workingDays: Int, warnings: inout [String]) async throws
        -> Date?
    {
        try await softDeadline(
            on: caller.db, logger: caller.logger, from: from, workingDays: workingDays, warnings: &warnings)
    }

    static func softDeadline(
        on db: any Database, logger: Logger, from: Date, workingDays: Int, warnings: inout [String]
    ) async throws -> Date? {
        do {
            return try await deadline(on: db, from: from, workingDays: workingDays)
        } catch let e as AppError where e.messageKey == "error.calendar.missingYear" {
            logger.warning("no working calendar for \(e.args.first ?? "?"): a step has no deadline")
            warnings.append(Lang.zhHans.format(e.messageKey, e.args))
            return nil
        }
    }

    static func deadline(_ caller: Caller, from: Date, workingDays: Int) async throws -> Date {
        try await deadline(on: caller.db, from: from, workingDays: workingDays)
    }

    static func deadline(on db: any Database, from: Date, workingDays: Int) async throws -> Date {
        let cal = try await load(on: db)
        do {
            return Date(
                timeIntervalSince1970: try cal.deadline(from: from.timeIntervalSince1970, workingDays: workingDays))
        } catch {
            throw AppError.invalid(key: error.messageKey, args: error.args)
        }
    }
}

enum CalendarAPI {
    struct Day: Content {
        let date: String
        let kind: String
        let name: String
    }
    struct YearOut: Content {
        let year: Int
        let source: String
        let daysOff: [Day]
        let workingWeekends: [Day]
    }
    struct DeadlineOut: Content {
        let from: Date
        let workingDays: Int
        let deadline: Date
        let deadlineLocalDate: String
    }

    static func register(_ api: RoutesBuilder) {
        api.get(RequestsRoute.apiCalendarDeadline, use: deadline)
        api.get(RequestsRoute.apiCalendarYear(.key), use: year)
        api.on(.PUT, RequestsRoute.apiCalendarYear(.key).components, use: replace)
    }

    struct DayInput: Codable, Sendable {
        let date: String
        let name: String
    }
    struct YearInput: StrictInput {
        static let fields: Set<String> = ["source", "daysOff", "workingWeekends"]
        let source: String
        let daysOff: [DayInput]
        let workingWeekends: [DayInput]
    }

    /// Administrators set a year from its State Council notice (or correct one); the old days are kept in the
    /// audit log.
    static func replace(_ caller: Caller, year: Int, input: YearInput) async throws -> YearOut {
        let v = try await caller.requireDistrictSettings("calendar \(year)")
        var off: [LocalDate: String] = [:]
        var work: [LocalDate: String] = [:]
        for (list, isOff) in [(input.daysOff, true), (input.workingWeekends, false)] {
            for d in list {
                guard let date = LocalDate(d.date), date.year == year else {
                    throw AppError.invalid(.errorCalendarDate, args: [d.date, String(year)])
                }
                let name = d.name.trimmingWhitespace()
                guard !name.isEmpty, name.count <= 40 else {
                    throw AppError.invalid(.errorCalendarName, args: [d.date])
                }
                if isOff {
                    off[date] = name
                } else {
                    guard date.isWeekend else { throw AppError.invalid(.errorCalendarNotWeekend, args: [d.date]) }
                    work[date] = name
                }
            }
        }
        if let clash = off.keys.first(where: { work[$0] != nil }) {
            throw AppError.invalid(.errorCalendarClash, args: [clash.description])
        }
        let source = input.source.trimmingWhitespace()
        guard !source.isEmpty else { throw AppError.invalid(.errorCalendarSource) }
        let before = try? await yearOut(year, on: caller.db)
        let offDays = off
        let workDays = work
        try await caller.db.writing { db in
            try await CalendarDay.query(on: db).filter(\.$year == year).delete()
            for (d, n) in offDays {
                let c = CalendarDay()
                c.year = year
                c.date = d.description
                c.kind = "holiday"
                c.name = n
                c.source = source
                try await c.create(on: db)
            }
            for (d, n) in workDays {
                let c = CalendarDay()
                c.year = year
                c.date = d.description
                c.kind = "workday"
                c.name = n
                c.source = source
                try await c.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, before == nil ? .create : .update, entity: .calendar, id: year,
                label: "\(year)",
                scopePath: v.node.path,
                before: before.map {
                    [
                        "daysOff": $0.daysOff.map(\.date).joined(separator: ","),
                        "workingWeekends": $0.workingWeekends.map(\.date).joined(separator: ","),
                    ]
                },
                after: [
                    "daysOff": offDays.keys.sorted().map(\.description).joined(separator: ","),
                    "workingWeekends": workDays.keys.sorted().map(\.description).joined(separator: ","),
                ])
        }
        return try await yearOut(year, on: caller.db)
    }

    @Sendable static func replace(_ req: Request) async throws -> YearOut {
        guard let y = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(y) else {
            throw AppError.badRequest(.errorBadID, args: [req.parameters.get("year") ?? ""])
        }
        return try await replace(req.caller, year: y, input: try req.decodeStrict(YearInput.self))
    }

    static func yearOut(_ y: Int, on db: Database) async throws -> YearOut {
        let days = try await CalendarDay.query(on: db).filter(\.$year == y).sort(\.$date).all()
        guard !days.isEmpty else { throw AppError.invalid(.errorCalendarMissingYear, args: [String(y)]) }
        return YearOut(
            year: y, source: days[0].source,
            daysOff: days.filter { $0.kind == "holiday" }.map { Day(date: $0.date, kind: $0.kind, name: $0.name) },
            workingWeekends: days.filter { $0.kind == "workday" }.map {
                Day(date: $0.date, kind: $0.kind, name: $0.name)
            })
    }

    @Sendable static func year(_ req: Request) async throws -> YearOut {
        guard let y = req.parameters.get("year").flatMap(Int.init), (1900...2200).contains(y) else {
            throw AppError.badRequest(.errorBadID, args: [req.parameters.get("year") ?? ""])
        }
        return try await yearOut(y, on: req.db)
    }

    @Sendable static func deadline(_ req: Request) async throws -> DeadlineOut {
        guard let raw = req.query[String.self, at: "from"], let from = ISO8601DateFormatter().date(from: raw) else {
            throw AppError.badRequest(.errorCalendarFrom)
        }
        guard let n = req.query[String.self, at: "workingDays"].flatMap(Int.init), (1...365).contains(n) else {
            throw AppError.badRequest(.errorCalendarCount)
        }
        let d = try await Calendars.deadline(req.caller, from: from, workingDays: n)
        return DeadlineOut(
            from: from, workingDays: n, deadline: d,
            deadlineLocalDate: LocalDate(instant: d.timeIntervalSince1970).description)
    }
}
