/// Numbers typed into a form: empty is "not given"; anything else must be a whole number in range, or the form
/// comes back with the field marked. Never silently nothing (`工作日 abc` is an error, not "no deadline").
enum FormNumber {
    static func int(_ raw: String?, field: String, in range: ClosedRange<Int> = 1...Int(Int32.max)) throws -> Int? {
        guard let text = raw?.trimmingWhitespace(), !text.isEmpty else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw AppError.invalid(
                .errorFormNumber, args: [String(range.lowerBound), String(range.upperBound)], field: field)
        }
        return n
    }

    static func ints(_ raw: [String]?, field: String) throws -> [Int]? {
        try raw?.compactMap { try int($0, field: field) }
    }
}
