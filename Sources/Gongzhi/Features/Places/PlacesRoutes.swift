import Vapor

/// Every path of Places: registered and linked from these values only.
enum PlacesRoute: AppRoute {
    case map
    case grid(Parameter<Int>)
    case household(Parameter<Int>)
    case nearby

    static let patterns: [PlacesRoute] = [.map, .grid(.key), .household(.key), .nearby]

    var components: [PathComponent] {
        switch self {
        case .map: ["map"]
        case .grid(let id): ["grids", id.component("id")]
        case .household(let id): ["households", id.component("id")]
        case .nearby: ["nearby"]
        }
    }
}
