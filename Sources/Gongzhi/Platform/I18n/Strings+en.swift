extension Strings {
    static let en: [String: String] = [:]
}
