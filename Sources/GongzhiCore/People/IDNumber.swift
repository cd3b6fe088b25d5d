/// Mainland resident identity number (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
public struct IDNumber: Hashable, Sendable {
    public let value: String

    public enum Problem: Error, Equatable, Sendable {
        case length, characters, birthDate, checksum
        public var messageKey: String {
            switch self {
            case .length: "error.idNumber.length"
            case .characters: "error.idNumber.characters"
            case .birthDate: "error.idNumber.birthDate"
            case .checksum: "error.idNumber.checksum"
            }
        }
    }

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkChars: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    public init(_ raw: String) throws(Problem) {
        let text = raw.trimmingWhitespace().uppercased()
        guard text.count == 18 else { throw .length }
        let chars = Array(text)
        let digits = chars.prefix(17).compactMap { $0.wholeNumberValue }
        guard digits.count == 17, chars[17].isNumber || chars[17] == "X", chars.allSatisfy(\.isASCII) else {
            throw .characters
        }
        let year = digits[6] * 1000 + digits[7] * 100 + digits[8] * 10 + digits[9]
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard (1900...2100).contains(year), (1...12).contains(month),
            (1...IDNumber.daysIn(month: month, year: year)).contains(day)
        else { throw .birthDate }
        guard chars[17] == IDNumber.checkCharacter(for: digits) else { throw .checksum }
        value = text
    }

    public static func checkCharacter(for first17: [Int]) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkChars[sum % 11]
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Birth date as "YYYY-MM-DD".
    public var birthDate: String {
        let c = Array(value)
        return "\(String(c[6..<10]))-\(String(c[10..<12]))-\(String(c[12..<14]))"
    }

    /// 17th digit odd = male.
    public var isMale: Bool { (Array(value)[16].wholeNumberValue ?? 0) % 2 == 1 }
}
