import Vapor

enum UnitsRoute: AppRoute {
    case list

    static let patterns: [UnitsRoute] = [.list]

    var components: [PathComponent] {
        switch self {
        case .list: ["units"]
        }
    }
}
