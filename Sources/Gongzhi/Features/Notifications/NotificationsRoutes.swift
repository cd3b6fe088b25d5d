import Vapor

/// Every path of Notifications, pages and API: registered and linked from these values only.
enum NotificationsRoute: AppRoute {
    case list
    case read
    case digest

    case apiList
    case apiRead
    case apiPreferences

    static let patterns: [NotificationsRoute] = [.list, .read, .digest, .apiList, .apiRead, .apiPreferences]

    var components: [PathComponent] {
        switch self {
        case .list: ["notifications"]
        case .read: ["notifications", "read"]
        case .digest: ["notifications", "digest"]
        case .apiList: APIPath.v1 + ["notifications"]
        case .apiRead: APIPath.v1 + ["notifications", "read"]
        case .apiPreferences: APIPath.v1 + ["me", "preferences"]
        }
    }
}
