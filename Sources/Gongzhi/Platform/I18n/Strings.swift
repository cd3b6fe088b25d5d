/// Interface strings: the platform's table and each capability's own (its manifest's `strings`), merged once.
/// The strings test checks over every table that both languages hold the same keys and no key is declared twice.
enum Strings {
    static var tables: [(owner: String, table: StringTable)] {
        [("Platform", PlatformStrings.table)] + Capability.all.map { ($0.name, $0.strings) }
    }

    static let zhHans: [String: String] = merged(\.zhHans)
    static let en: [String: String] = merged(\.en)

    private static func merged(_ language: KeyPath<StringTable, [String: String]>) -> [String: String] {
        var all: [String: String] = [:]
        for (_, table) in tables { all.merge(table[keyPath: language]) { first, _ in first } }
        return all
    }
}
