import Vapor

enum HomeRoute: AppRoute {
    case community
    case profile

    static let patterns: [HomeRoute] = [.community, .profile]

    var components: [PathComponent] {
        switch self {
        case .community: ["community"]
        case .profile: ["me"]
        }
    }
}
