import Vapor

/// A route parameter: `.key` where the route is registered, a value where a link to it is printed. One case of a
/// capability's route enum therefore names its path once, for both (after SwiftPackageIndex-Server's `SiteURL`).
enum Parameter<Value: LosslessStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    func component(_ name: String) -> PathComponent {
        switch self {
        case .key: .parameter(name)
        case .value(let v): .constant(String(v))
        }
    }
}

/// A capability's routes: every page, form action, redirect and API path it registers or links to.
protocol AppRoute: Sendable {
    /// The path, with `.key` parameters as `:name` (registration) or values filled in (links).
    var components: [PathComponent] { get }
    /// Every case with `.key` parameters: the route test checks each is registered, so no link points at nothing.
    static var patterns: [Self] { get }
}

extension AppRoute {
    /// The printed path. A pattern with an unfilled parameter is a programming error the route test catches.
    var path: String { "/" + components.map(\.description).joined(separator: "/") }

    /// The same path with a query string.
    func query(_ items: [(String, String?)]) -> Link {
        Link(path: path, query: items.compactMap { k, v in v.map { URLQueryItem(name: k, value: $0) } })
    }

    var link: Link { Link(path: path, query: []) }
}

/// A printed link: a route's path and an optional query. Only routes make links, so the source check
/// (tools/check_shape.sh) can refuse every hand-written path in a page.
struct Link: Sendable, Equatable, CustomStringConvertible {
    let path: String
    var query: [URLQueryItem]

    var description: String {
        guard !query.isEmpty else { return path }
        var c = URLComponents()
        c.queryItems = query
        return path + "?" + (c.percentEncodedQuery ?? "")
    }
}

extension HTML.Interpolation {
    mutating func appendInterpolation(_ route: some AppRoute) { appendInterpolation(route.path) }
    mutating func appendInterpolation(_ link: Link) { appendInterpolation(link.description) }
}

extension RoutesBuilder {
    @discardableResult
    func get<R: AppRoute, Out: AsyncResponseEncodable>(
        _ route: R, use handler: @Sendable @escaping (Request) async throws -> Out
    ) -> Vapor.Route {
        on(.GET, route.components, use: handler)
    }

    @discardableResult
    func post<R: AppRoute, Out: AsyncResponseEncodable>(
        _ route: R, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Out
    ) -> Vapor.Route {
        on(.POST, route.components, body: body, use: handler)
    }

    @discardableResult
    func patch<R: AppRoute, Out: AsyncResponseEncodable>(
        _ route: R, use handler: @Sendable @escaping (Request) async throws -> Out
    ) -> Vapor.Route {
        on(.PATCH, route.components, use: handler)
    }

    @discardableResult
    func delete<R: AppRoute, Out: AsyncResponseEncodable>(
        _ route: R, use handler: @Sendable @escaping (Request) async throws -> Out
    ) -> Vapor.Route {
        on(.DELETE, route.components, use: handler)
    }
}

extension Request {
    /// A redirect to a route of this server (303 after a form post, as browsers expect).
    func redirect(to route: some AppRoute, query: [(String, String?)] = []) -> Response {
        redirect(to: route.query(query).description, redirectType: .normal)
    }

    func redirect(to link: Link) -> Response { redirect(to: link.description, redirectType: .normal) }
}

/// The prefix of every JSON route.
enum APIPath {
    static let v1: [PathComponent] = ["api", "v1"]
}
