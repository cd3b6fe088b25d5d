/// A capability's interface strings in both languages. Keys are the capability's own; the strings test checks
/// over every manifest that both languages hold the same keys and that no key is declared twice.
struct StringTable: Sendable {
    var zhHans: [String: String] = [:]
    var en: [String: String] = [:]
}
