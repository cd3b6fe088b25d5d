import Foundation
import Vapor

/// One key style for every JSON body of the API: Swift keeps its names (`gridID`, `householdIDs`), JSON says
/// `gridId`, `householdIds`. The encoder, the decoder, the unknown-field check and the API document all go
/// through `jsonKey`, so no body can use the other spelling.
enum APIJSON {
    /// `gridID` → `gridId`, `householdIDs` → `householdIds`; a name already in JSON style stays as it is.
    static func jsonKey(_ swiftName: String) -> String {
        convert(swiftName, from: "ID", to: "Id")
    }

    /// The inverse: `gridId` → `gridID`; `idNumber` stays (a word starts there, it is not a suffix).
    static func swiftName(_ jsonKey: String) -> String {
        convert(jsonKey, from: "Id", to: "ID")
    }

    /// Replaces `from` where it ends a word: after a lowercase letter or digit, and before the end, a capital
    /// or a plural `s` that ends the name or comes before a capital.
    private static func convert(_ name: String, from: String, to: String) -> String {
        let chars = Array(name)
        let target = Array(from)
        var out = ""
        var i = 0
        while i < chars.count {
            if i > 0, i + 1 < chars.count, chars[i] == target[0], chars[i + 1] == target[1],
                chars[i - 1].isLowercase || chars[i - 1].isNumber
            {
                let rest = chars[(i + 2)...]
                let endsWord =
                    rest.isEmpty || rest.first!.isUppercase
                    || (rest.first == "s" && (rest.count == 1 || rest.dropFirst().first!.isUppercase))
                if endsWord {
                    out += to
                    i += 2
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) {
            self.stringValue = stringValue
            intValue = nil
        }
        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }

    /// Dates as ISO 8601 (Vapor's default), keys through `jsonKey`.
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.keyEncodingStrategy = .custom { path in
            let last = path.last!
            return last.intValue == nil ? Key(stringValue: jsonKey(last.stringValue)) : last
        }
        return e
    }

    static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        d.keyDecodingStrategy = .custom { path in
            let last = path.last!
            return last.intValue == nil ? Key(stringValue: swiftName(last.stringValue)) : last
        }
        return d
    }

    /// Makes these the coders of every JSON body (API answers and bodies; page forms are URL-encoded and keep
    /// their own decoder). Vapor's content configuration is global and tests configure applications in
    /// parallel, so it is set once.
    static func use() { _ = installed }

    private static let installed: Void = {
        ContentConfiguration.global.use(encoder: encoder, for: .json)
        ContentConfiguration.global.use(decoder: decoder, for: .json)
    }()
}
