/// How alike two descriptions are: the overlap of their character pairs (bigrams), which works for Chinese
/// without a word segmenter. 1 = the same text, 0 = nothing in common.
public enum Similarity {
    static func bigrams(_ text: String) -> Set<String> {
        let chars = Array(text.filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol }.lowercased())
        guard chars.count > 1 else { return chars.isEmpty ? [] : [String(chars)] }
        return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
    }

    public static func score(_ a: String, _ b: String) -> Double {
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    /// A likely duplicate: same category, raised recently, and either close by or similarly described.
    public static func likelyDuplicate(
        sameCategory: Bool, daysApart: Double, metresApart: Double?, sameBuilding: Bool, textScore: Double
    ) -> Bool {
        guard sameCategory, daysApart <= 30 else { return false }
        let near = sameBuilding || (metresApart.map { $0 <= 150 } ?? false)
        return (near && textScore >= 0.15) || textScore >= 0.5
    }
}
