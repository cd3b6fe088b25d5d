/// Community worker pay grade 四级十二档: four levels (岗位等级) of three grades (档次) each.
/// Level 1 is the entry level (一级), level 4 the highest (四级, e.g. community secretary).
public struct WorkerGrade: Hashable, Comparable, Sendable, Codable {
    public let level: Int
    public let step: Int

    public enum Invalid: Error, Equatable, Sendable {
        case level, step
        public var messageKey: String { self == .level ? "error.grade.level" : "error.grade.step" }
    }

    public init(level: Int, step: Int) throws(Invalid) {
        guard (1...4).contains(level) else { throw .level }
        guard (1...3).contains(step) else { throw .step }
        self.level = level
        self.step = step
    }

    /// 1...12 across all levels, for ordering and pay tables.
    public var rank: Int { (level - 1) * 3 + step }

    public static func < (a: WorkerGrade, b: WorkerGrade) -> Bool { a.rank < b.rank }

    /// One step up; a step past the third moves to the next level's first. Nil at the top (四级三档).
    public func promoted() -> WorkerGrade? {
        if step < 3 { return try? WorkerGrade(level: level, step: step + 1) }
        if level < 4 { return try? WorkerGrade(level: level + 1, step: 1) }
        return nil
    }

    /// "二级三档"
    public var chineseLabel: String {
        let numerals = ["一", "二", "三", "四"]
        return "\(numerals[level - 1])级\(numerals[step - 1])档"
    }

    public var englishLabel: String { "Level \(level), step \(step)" }

    public static let all: [WorkerGrade] = (1...4).flatMap { l in
        (1...3).map { s in try! WorkerGrade(level: l, step: s) }
    }
}
