import Vapor

enum NotificationsRoute: AppRoute {
    case list

    static let patterns: [NotificationsRoute] = [.list]

    var components: [PathComponent] {
        switch self {
        case .list: ["notifications"]
        }
    }
}
