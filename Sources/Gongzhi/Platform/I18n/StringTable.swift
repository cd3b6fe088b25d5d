/// An interface string's key. Each capability declares its keys as static members next to its table
/// (`Text.visitProgress`), so call sites write `t(.visitProgress)` and a misspelt key does not compile. Keys that
/// arrive as data (an enum's `labelKey`, an error's message key) go through `t(key:)`.
struct Text: Hashable, Sendable {
    let key: String

    init(_ key: String) { self.key = key }
}

/// A capability's interface strings: every key with its Chinese and English text side by side, so a key cannot be
/// declared in one language only. The strings test checks over every table that none is empty and no key is
/// declared by two tables.
struct StringTable: Sendable {
    var zhHans: [String: String] = [:]
    var en: [String: String] = [:]

    init() {}

    init(_ entries: [Text: (zhHans: String, en: String)]) {
        for (text, pair) in entries {
            zhHans[text.key] = pair.zhHans
            en[text.key] = pair.en
        }
    }
}
