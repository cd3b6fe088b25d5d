/// An iCalendar (RFC 5545) document of meetings, for calendar apps: one VEVENT per meeting with a UID that never
/// changes, a SEQUENCE raised on every change of time, place or state, cancelled meetings as STATUS:CANCELLED.
/// Times are written in UTC ("…Z"), so no VTIMEZONE is needed; lines end with CRLF and are folded at 75 octets
/// without splitting a UTF-8 character; text values are escaped.
public enum ICalendar {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    public struct Event: Sendable {
        public let uid: String
        public let sequence: Int
        /// Seconds since 1970: when this version of the event was written (DTSTAMP), its start and end.
        public let stamp: Double
        public let start: Double
        public let end: Double
        public let summary: String
        public let location: String
        public let description: String
        public let status: Status
        public let url: String?

        public init(
            uid: String, sequence: Int, stamp: Double, start: Double, end: Double, summary: String, location: String,
            description: String, status: Status, url: String? = nil
        ) {
            self.uid = uid
            self.sequence = sequence
            self.stamp = stamp
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.status = status
            self.url = url
        }
    }

    /// The UID of a meeting: the same in every feed and for ever.
    public static func uid(meetingID: Int, domain: String = "gongzhi") -> String { "meeting-\(meetingID)@\(domain)" }

    public static func document(name: String, events: [Event]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gongzhi//Meetings//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Asia/Shanghai",
        ]
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + escape(e.uid), "SEQUENCE:\(max(0, e.sequence))", "DTSTAMP:" + utc(e.stamp),
                "DTSTART:" + utc(e.start), "DTEND:" + utc(max(e.end, e.start)), "SUMMARY:" + escape(e.summary),
            ]
            if !e.location.isEmpty { lines.append("LOCATION:" + escape(e.location)) }
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + escape(e.description)) }
            if let url = e.url { lines.append("URL:" + url) }
            lines += ["STATUS:" + e.status.rawValue, "TRANSP:OPAQUE", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in a TEXT value.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return out
    }

    /// Folding (RFC 5545 3.1): a line longer than 75 octets goes on after CRLF and one space, never inside a UTF-8
    /// character.
    public static func fold(_ line: String) -> String {
        var out: [String] = []
        var current = ""
        var octets = 0
        for c in line.unicodeScalars {
            let n = String(c).utf8.count
            // The first line holds 75 octets; continuation lines 74 after their leading space.
            let limit = out.isEmpty ? 75 : 74
            if octets + n > limit {
                out.append(current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(c)
            octets += n
        }
        out.append(current)
        return out.joined(separator: "\r\n ")
    }

    /// "20261124T093000Z"
    public static func utc(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let day = LocalDate(ordinal: Int((Double(whole) / 86_400).rounded(.down)))
        let rest = whole - day.ordinal * 86_400
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2) + "T" + pad(rest / 3600, 2)
            + pad(rest % 3600 / 60, 2) + pad(rest % 60, 2) + "Z"
    }
}
