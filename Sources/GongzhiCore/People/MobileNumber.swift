/// A mainland mobile number: 11 digits starting 13–19. "+86", spaces and dashes are accepted and dropped.
public struct MobileNumber: Hashable, Sendable {
    public let value: String

    public struct Invalid: Error, Equatable, Sendable {
        public let messageKey = "error.phone.invalid"
    }

    public init(_ raw: String) throws(Invalid) {
        var text = raw.trimmingWhitespace().filter { $0 != " " && $0 != "-" }
        if text.hasPrefix("+86") { text.removeFirst(3) } else if text.hasPrefix("0086") { text.removeFirst(4) }
        let chars = Array(text)
        guard chars.count == 11, chars.allSatisfy({ $0.isASCII && $0.isNumber }), chars[0] == "1",
            let second = chars[1].wholeNumberValue, (3...9).contains(second)
        else { throw Invalid() }
        value = text
    }

    /// A string that looks like a phone number search, so a search box can match by phone.
    public static func looksLikePhoneQuery(_ text: String) -> Bool {
        text.count >= 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
