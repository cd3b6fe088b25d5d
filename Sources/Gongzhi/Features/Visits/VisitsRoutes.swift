import Vapor

/// Every path of Visits, pages and API: registered and linked from these values only.
enum VisitsRoute: AppRoute {
    case page

    case apiPlans
    case apiVisits
    case apiRates

    static let patterns: [VisitsRoute] = [.page, .apiPlans, .apiVisits, .apiRates]

    var components: [PathComponent] {
        switch self {
        case .page: ["visits"]
        case .apiPlans: APIPath.v1 + ["visit-plans"]
        case .apiVisits: APIPath.v1 + ["visits"]
        case .apiRates: APIPath.v1 + ["visits", "rates"]
        }
    }
}
