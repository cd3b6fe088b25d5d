/// Numbers typed into a form: empty is "not given"; anything else must be a whole number in range, or the form
/// comes back with the field marked. Never silently nothing (`工作日 abc` is an error, not "no deadline").
enum FormNumber {
    /// An id a form carries (a select's or a hidden link's value): the message names no range, only a choice.
    static let id = 1...Int(Int32.max)
    /// People, places, things served: far beyond any one community's, and a number a person can read.
    static let count = 0...1_000_000
    /// An amount in yuan.
    static let yuan = 0...100_000_000

    static func int(_ raw: String?, field: String, in range: ClosedRange<Int> = id) throws -> Int? {
        guard let text = raw?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard let n = Int(text), range.contains(n) else {
            if range == id { throw AppError.invalid(.errorFormChoice, field: field) }
            throw AppError.invalid(
                .errorFormNumber, args: [String(range.lowerBound), String(range.upperBound)], field: field)
        }
        return n
    }

    static func ints(_ raw: [String]?, field: String) throws -> [Int]? {
        try raw?.compactMap { try int($0, field: field) }
    }
}
