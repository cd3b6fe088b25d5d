import Vapor

/// Every path of Visits, pages and API: registered and linked from these values only.
enum VisitsRoute: AppRoute {
    /// The phone's 走访 list for a visitor; at the desk, the visit rates of the grids.
    case page
    /// Desk: the plans in scope with their progress; a post makes a plan.
    case plans
    /// Desk: the form for a new plan (`?gridId=` picks the grid, `&pick=unvisited` ticks the unvisited).
    case newPlan
    case plan(Parameter<Int>)
    /// Every household of a grid with its visits in a period: the list behind a grid's visit rate.
    case grid(Parameter<Int>)
    /// Phone: record a visit to one household (get the form, post the visit).
    case household(Parameter<Int>)
    /// A photo taken on a visit.
    case photo(Parameter<Int>)

    case apiPlans
    case apiVisits
    case apiRates

    static let patterns: [VisitsRoute] = [
        .page, .plans, .newPlan, .plan(.key), .grid(.key), .household(.key), .photo(.key), .apiPlans, .apiVisits,
        .apiRates,
    ]

    var components: [PathComponent] {
        switch self {
        case .page: ["visits"]
        case .plans: ["visits", "plans"]
        case .newPlan: ["visits", "plans", "new"]
        case .plan(let id): ["visits", "plans", id.component("id")]
        case .grid(let id): ["visits", "grids", id.component("id")]
        case .household(let id): ["visits", "households", id.component("id")]
        case .photo(let id): ["visits", "photos", id.component("id")]
        case .apiPlans: APIPath.v1 + ["visit-plans"]
        case .apiVisits: APIPath.v1 + ["visits"]
        case .apiRates: APIPath.v1 + ["visits", "rates"]
        }
    }
}
