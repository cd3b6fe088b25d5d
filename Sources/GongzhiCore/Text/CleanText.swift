/// The one rule for text anybody sends, on a page or through the API: characters a person cannot see or that
/// change how the text around them reads are refused, never stored. Newline, carriage return and tab stay.
public enum CleanText {
    public enum Problem: String, Sendable, Equatable {
        /// NUL and the other C0 and C1 control characters, DEL (PostgreSQL refuses NUL outright).
        case control
        /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make a name or
        /// an address read differently from what is stored ("Trojan Source").
        case bidi
        /// More than `maxCharacters`.
        case tooLong
    }

    /// No field of a body or query is longer than this many characters; each field's own, smaller maximum is
    /// checked where it is read. A field beyond it is refused, not cut.
    public static let maxCharacters = 20_000

    /// The text without the characters `problem(in:)` refuses: what a refused form shows again.
    public static func removingRefused(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !refused(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    static func refused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func problem(in text: String) -> Problem? {
        if text.utf8.count > maxCharacters, text.count > maxCharacters { return .tooLong }
        return characterProblem(in: text)
    }

    /// The same without the length: a file sent with a form (a CSV) is as long as it is.
    public static func characterProblem(in text: String) -> Problem? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F...0x9F: return .control
            case 0x202A...0x202E, 0x2066...0x2069: return .bidi
            default: continue
            }
        }
        return nil
    }
}
