import Vapor

/// Every path of Open311: GeoReport v2 under /open311/v2/ in both formats, and the district's API keys.
enum Open311Route: AppRoute {
    case root
    case discovery(Open311.Format)
    case services(Open311.Format)
    case requests(Open311.Format)
    case service(file: Parameter<String>)
    case request(file: Parameter<String>)
    case token(file: Parameter<String>)

    case apiKeys
    case apiKeyRevoke(Parameter<Int>)

    static let patterns: [Open311Route] =
        Open311.Format.allCases.flatMap { f in [.discovery(f), .services(f), .requests(f)] as [Open311Route] }
        + [.service(file: .key), .request(file: .key), .token(file: .key), .apiKeys, .apiKeyRevoke(.key)]

    static let base: [PathComponent] = ["open311", "v2"]

    var components: [PathComponent] {
        switch self {
        case .root: Self.base
        case .discovery(let f): Self.base + [.constant("discovery.\(f.rawValue)")]
        case .services(let f): Self.base + [.constant("services.\(f.rawValue)")]
        case .requests(let f): Self.base + [.constant("requests.\(f.rawValue)")]
        case .service(let file): Self.base + ["services", file.component("file")]
        case .request(let file): Self.base + ["requests", file.component("file")]
        case .token(let file): Self.base + ["tokens", file.component("file")]
        case .apiKeys: APIPath.v1 + ["api-keys"]
        case .apiKeyRevoke(let id): APIPath.v1 + ["api-keys", id.component("id"), "revoke"]
        }
    }
}
