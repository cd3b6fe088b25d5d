import Vapor

enum VisitsRoute: AppRoute {
    case page

    static let patterns: [VisitsRoute] = [.page]

    var components: [PathComponent] {
        switch self {
        case .page: ["visits"]
        }
    }
}
