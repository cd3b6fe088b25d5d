import Foundation

/// Where a page may send the browser after a sign-in (`next`) or a language switch (`back`): only a path on this
/// site. The value is judged after percent-decoding (repeatedly, so `%252F` cannot hide a slash), because browsers
/// drop tabs and newlines from URLs and read `\` as `/`: `/%09/evil`, `/\evil` and `%2F%2Fevil` would all leave the
/// site. Anything doubtful falls back to the default.
enum LocalRedirect {
    static let maxLength = 2_000

    static func path(_ raw: String?, fallback: String = "/") -> String {
        guard let raw, raw.utf8.count <= maxLength else { return fallback }
        var s = raw
        for round in 0...4 {
            guard isSafe(s, asciiOnly: round == 0) else { return fallback }
            guard s.contains("%") else { return raw }
            // Malformed percent-encoding (or bytes that are not UTF-8) is refused, not guessed at.
            guard let next = s.removingPercentEncoding else { return fallback }
            if next == s { return raw }
            s = next
        }
        return fallback  // still encoded after four rounds: nobody links like that
    }

    /// A path-absolute reference with nothing a browser could read as another host or a scheme: one leading `/`,
    /// not `//` or `/\`, no backslash anywhere, no whitespace or control character; as sent, printable ASCII only.
    private static func isSafe(_ s: String, asciiOnly: Bool) -> Bool {
        let scalars = Array(s.unicodeScalars)
        // A first character other than `/` also refuses schemes (`https:`, `javascript:`) and relative paths.
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        for c in scalars {
            if c == "\\" { return false }
            if asciiOnly
                ? (c.value < 0x21 || c.value > 0x7E)
                : (c.properties.generalCategory == .control || c.properties.generalCategory == .format
                    || c.properties.isWhitespace || c.value == 0x7F)
            {
                return false
            }
        }
        return true
    }
}
