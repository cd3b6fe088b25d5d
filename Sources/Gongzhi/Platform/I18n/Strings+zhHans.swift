extension Strings {
    static let zhHans: [String: String] = [:]
}
