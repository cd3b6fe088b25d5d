import Vapor

enum PeopleRoute: AppRoute {
    case list
    case importPage

    static let patterns: [PeopleRoute] = [.list, .importPage]

    var components: [PathComponent] {
        switch self {
        case .list: ["people"]
        case .importPage: ["import"]
        }
    }
}
