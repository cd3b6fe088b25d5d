import Vapor

enum OrganisationRoute: AppRoute {
    case tree
    case list

    static let patterns: [OrganisationRoute] = [.tree, .list]

    var components: [PathComponent] {
        switch self {
        case .tree: ["org"]
        case .list: ["org", "list"]
        }
    }
}
