/// Masks personal data for display: enough to recognise, not enough to misuse.
public enum Masking {
    /// 110101********123X — region kept, birth date and sequence hidden, check character kept.
    public static func idNumber(_ value: String) -> String {
        guard value.count > 10 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(6)) + String(repeating: "*", count: value.count - 10) + String(value.suffix(4))
    }

    /// 139****5678
    public static func phone(_ value: String) -> String {
        guard value.count >= 7 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(3)) + String(repeating: "*", count: value.count - 7) + String(value.suffix(4))
    }

    /// Keeps the address up to and including the first building/street marker, hides the rest.
    public static func address(_ value: String) -> String {
        let markers: [Character] = ["栋", "号", "幢", "楼", "路", "街", "巷"]
        if let index = value.firstIndex(where: { markers.contains($0) }) {
            let kept = value[...index]
            return kept + (value.endIndex > value.index(after: index) ? "****" : "")
        }
        let keep = min(6, value.count / 2)
        return String(value.prefix(keep)) + "****"
    }

    /// 张*明 / 李*
    public static func name(_ value: String) -> String {
        let chars = Array(value)
        switch chars.count {
        case 0, 1: return value
        case 2: return String(chars[0]) + "*"
        default:
            return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}
