/// RFC 4180 CSV as Excel writes and reads it.
public enum CSV {
    public struct Malformed: Error, Equatable, Sendable {
        public let line: Int
        public let messageKey = "error.csv.unclosedQuote"
    }

    /// Rows of fields. Quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF ends a row.
    public static func parse(_ text: String) throws(Malformed) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var quoteStartLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteStartLine = line
            case ",":
                row.append(field)
                field = ""
            case "\r":
                break
            case "\n":
                row.append(field)
                field = ""
                rows.append(row)
                row = []
                line += 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw Malformed(line: quoteStartLine) }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        // Excel leaves trailing empty rows; they are not data.
        return rows.filter { !$0.allSatisfy { $0.trimmingWhitespace().isEmpty } }
    }

    /// One CSV document that Excel opens correctly: UTF-8 with BOM, CRLF, every field quoted when needed.
    public static func write(header: [String], rows: [[String]]) -> String {
        var out = "\u{FEFF}"
        for r in [header] + rows {
            out += r.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ raw: String) -> String {
        // A cell starting with = + - @ would run as a formula in Excel (CSV injection).
        var value = raw
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
        }
        return value
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
