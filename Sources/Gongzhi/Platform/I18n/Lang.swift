import Vapor

/// Interface language: Chinese is the default, English complete.
enum Lang: String, CaseIterable, Sendable, Codable {
    case zhHans = "zh-Hans"
    case en

    static let cookieName = "gongzhi-lang"

    var htmlCode: String { self == .zhHans ? "zh-CN" : "en" }

    var table: [String: String] { self == .zhHans ? Strings.zhHans : Strings.en }

    /// Looks a key up; "{0}", "{1}" are replaced by the arguments. A missing key shows itself,
    /// and the strings test fails on it.
    func t(_ text: Text, _ args: String...) -> String { format(text.key, args) }

    /// A key that arrives as data: an enum's `labelKey`, an error's message key.
    func t(key: String, _ args: String...) -> String { format(key, args) }

    func format(_ key: String, _ args: [String]) -> String {
        var text = table[key] ?? Strings.zhHans[key] ?? key
        for (i, a) in args.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a) }
        return text
    }

    static func parse(_ raw: String?) -> Lang? {
        guard let raw = raw?.lowercased() else { return nil }
        if raw.hasPrefix("en") { return .en }
        if raw.hasPrefix("zh") { return .zhHans }
        return nil
    }
}

extension Request {
    /// Cookie first (the user's choice sticks), then the account's setting, then Accept-Language.
    var lang: Lang {
        if let cached = storage[LangKey.self] { return cached }
        let chosen =
            Lang.parse(cookies[Lang.cookieName]?.string)
            ?? viewer.flatMap { Lang.parse($0.user.locale) }
            ?? Lang.parse(headers.first(name: .acceptLanguage)?.split(separator: ",").first.map(String.init))
            ?? .zhHans
        storage[LangKey.self] = chosen
        return chosen
    }

    func t(_ text: Text, _ args: String...) -> String { lang.format(text.key, args) }

    func t(key: String, _ args: String...) -> String { lang.format(key, args) }
}

private struct LangKey: StorageKey { typealias Value = Lang }
