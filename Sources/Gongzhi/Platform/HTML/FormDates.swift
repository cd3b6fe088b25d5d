import GongzhiCore
import Vapor

/// A day typed in a form or a JSON body (2026-11-24, 2026/11/24, 2026年11月24日), as an Asia/Shanghai day.
enum FormDate {
    /// Nil when left empty; the field's 422 when it is not a day.
    static func day(_ raw: String?, field: String) throws -> LocalDate? {
        guard let raw, !raw.trimmingWhitespace().isEmpty else { return nil }
        guard let d = SimpleDate(raw), let day = LocalDate(year: d.year, month: d.month, day: d.day) else {
            throw AppError.invalid(.errorDateInvalid, field: field)
        }
        return day
    }

    static func requiredDay(_ raw: String?, field: String) throws -> LocalDate {
        guard let d = try day(raw, field: field) else { throw AppError.invalid(.errorDateInvalid, field: field) }
        return d
    }

    /// A day within its kind's bounds around today: the field's 422 naming the bound when outside.
    static func day(_ raw: String?, field: String, within bounds: DateBounds, today: LocalDate) throws -> LocalDate? {
        guard let d = try day(raw, field: field) else { return nil }
        do {
            try bounds.check(d, today: today)
        } catch {
            throw AppError.invalid(key: error.messageKey, args: error.args, field: field)
        }
        return d
    }

    static func requiredDay(_ raw: String?, field: String, within bounds: DateBounds, today: LocalDate) throws
        -> LocalDate
    {
        guard let d = try day(raw, field: field, within: bounds, today: today) else {
            throw AppError.invalid(.errorDateInvalid, field: field)
        }
        return d
    }
}

extension Request {
    /// A day in the query (`?asOf=2026-11-24`): nil when absent, 400 when not a day.
    func queryDay(_ key: String) throws -> LocalDate? {
        guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
        guard let d = SimpleDate(raw), let day = LocalDate(year: d.year, month: d.month, day: d.day) else {
            throw AppError.badRequest(.errorDateParam, args: [key, raw])
        }
        return day
    }
}

/// Text typed in a form or body: trimmed, not empty, at most `max` characters, or the field's 422 with `error`.
enum FormText {
    /// A text field as every capability reads it: trimmed; empty refused when required; longer than `max`
    /// refused with the maximum named, never cut. (Control characters were refused at the edge.)
    static func text(_ raw: String?, field: String, max: Int, required: Bool = true) throws -> String {
        let t = (raw ?? "").trimmingWhitespace()
        if required, t.isEmpty { throw AppError.invalid(.errorTextRequired, field: field) }
        if t.count > max { throw AppError.invalid(.errorTextLong, args: [String(max)], field: field) }
        return t
    }

    /// The same for a field that may be left empty: nil then.
    static func optional(_ raw: String?, field: String, max: Int) throws -> String? {
        let t = try text(raw, field: field, max: max, required: false)
        return t.isEmpty ? nil : t
    }

    static func required(_ raw: String, max: Int, field: String, error: Text) throws -> String {
        let t = raw.trimmingWhitespace()
        guard !t.isEmpty, t.count <= max else { throw AppError.invalid(error, field: field) }
        return t
    }
}
