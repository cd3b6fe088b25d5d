/// How big the fictional demo district is: full for trying the product, small for tests.
public struct DemoScale: Sendable, Equatable {
    public var communitiesPerStreet: [Int]
    public var gridsPerCommunity: ClosedRange<Int>
    public var groupsPerGrid: Int
    public var partyMembers: Int
    public var residents: Int
    public var workersPerCommunity: Int
    /// Requests raised a month in each grid over the past year (none in the tests' district: tests count their
    /// own requests).
    public var requestsPerGridMonth = 0

    public static let full = DemoScale(
        communitiesPerStreet: [4, 3, 4], gridsPerCommunity: 4...5, groupsPerGrid: 3,
        partyMembers: 2_000, residents: 1_800, workersPerCommunity: 9, requestsPerGridMonth: 1)
    public static let small = DemoScale(
        communitiesPerStreet: [2, 1], gridsPerCommunity: 2...2, groupsPerGrid: 2,
        partyMembers: 60, residents: 40, workersPerCommunity: 3)
}

/// SplitMix64: the same demo every time, on every machine.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
