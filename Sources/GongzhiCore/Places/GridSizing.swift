/// A grid is meant to hold 300–500 households or about 1,000 people; one outside that is flagged for review,
/// never refused (old compounds and new estates rarely fit the rule exactly).
public enum GridSizing {
    public static let households = 300...500
    public static let population = 700...1_300

    public enum Flag: String, Sendable, CaseIterable, Codable {
        case fewHouseholds, manyHouseholds, populationOff
        public var labelKey: String { "gridFlag.\(rawValue)" }
    }

    public static func flags(households: Int, population: Int) -> [Flag] {
        var f: [Flag] = []
        if households < Self.households.lowerBound { f.append(.fewHouseholds) }
        if households > Self.households.upperBound { f.append(.manyHouseholds) }
        if !Self.population.contains(population) { f.append(.populationOff) }
        return f
    }
}
