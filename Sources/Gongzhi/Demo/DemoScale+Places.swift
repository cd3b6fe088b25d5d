extension DemoScale {
    /// Households per grid: the full demo spreads around the 300–500 rule so some grids are flagged.
    var householdsPerGrid: ClosedRange<Int> { self == .small ? 12...12 : 270...540 }
    var householdsPerBuilding: Int { self == .small ? 6 : 24 }
}
