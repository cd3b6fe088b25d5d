import Vapor

/// The grid and household pages: one value registers the route and prints every link to it, so a link cannot
/// point at nothing. (The first of the typed routes issue 9 brings to every capability.)
enum PlacesRoute {
    case grid(Int)
    case household(Int)

    static let gridPattern: [PathComponent] = ["grids", ":id"]
    static let householdPattern: [PathComponent] = ["households", ":id"]

    var path: String {
        switch self {
        case .grid(let id): Self.gridPattern.path(["id": String(id)])
        case .household(let id): Self.householdPattern.path(["id": String(id)])
        }
    }
}
