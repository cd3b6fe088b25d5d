import Vapor

extension Text {
    static let errorQueryValue = Text("error.query.value")
}

extension Request {
    /// A value of a closed set in the query (`?state=open`): nil when absent, 400 naming the parameter otherwise.
    func queryValue<T: RawRepresentable>(_ key: String, _: T.Type) throws -> T? where T.RawValue == String {
        guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
        guard let v = T(rawValue: raw) else { throw AppError.badRequest(.errorQueryValue, args: [key, raw]) }
        return v
    }

    /// A whole number in the query within a range: nil when absent, 400 naming the parameter otherwise.
    func queryInt(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let raw = query[String.self, at: key], !raw.isEmpty else { return nil }
        guard let v = Int(raw), range.contains(v) else {
            throw AppError.badRequest(.errorQueryValue, args: [key, raw])
        }
        return v
    }

    /// Words to search for (`?q=`): trimmed, nil when empty, at most `max` characters (400 beyond).
    func querySearch(_ key: String = "q", max: Int = 50) throws -> String? {
        let q = (query[String.self, at: key] ?? "").trimmingWhitespace()
        if q.count > max { throw AppError.badRequest(.errorQueryValue, args: [key, String(q.prefix(20))]) }
        return q.isEmpty ? nil : q
    }
}
