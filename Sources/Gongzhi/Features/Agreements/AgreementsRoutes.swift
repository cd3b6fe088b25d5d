import Vapor

/// Every path of Agreements, pages and API.
enum AgreementsRoute: AppRoute {
    case page
    case export
    case agreement(Parameter<Int>)
    case commitments(Parameter<Int>)
    case projects(Parameter<Int>)
    case deliver(Parameter<Int>, Parameter<Int>)
    case sign(Parameter<Int>)
    case end(Parameter<Int>)
    case renew(Parameter<Int>)
    case reviews(Parameter<Int>)

    case apiAgreements
    case apiAgreement(Parameter<Int>)
    case apiCommitments(Parameter<Int>)
    case apiProjects(Parameter<Int>)
    case apiDeliver(Parameter<Int>, Parameter<Int>)
    case apiSign(Parameter<Int>)
    case apiEnd(Parameter<Int>)
    case apiRenew(Parameter<Int>)
    case apiReviews(Parameter<Int>)

    static let patterns: [AgreementsRoute] = [
        .page, .export, .agreement(.key), .commitments(.key), .projects(.key), .deliver(.key, .key), .sign(.key),
        .end(.key), .renew(.key), .reviews(.key), .apiAgreements, .apiAgreement(.key), .apiCommitments(.key),
        .apiProjects(.key), .apiDeliver(.key, .key), .apiSign(.key), .apiEnd(.key), .apiRenew(.key), .apiReviews(.key),
    ]

    private static func tail(_ id: Parameter<Int>, _ rest: [PathComponent]) -> [PathComponent] {
        ["agreements", id.component("id")] + rest
    }

    var components: [PathComponent] {
        switch self {
        case .page: ["agreements"]
        case .export: ["agreements", "export.csv"]
        case .agreement(let id): Self.tail(id, [])
        case .commitments(let id): Self.tail(id, ["commitments"])
        case .projects(let id): Self.tail(id, ["projects"])
        case .deliver(let id, let p): Self.tail(id, ["projects", p.component("projectId"), "deliver"])
        case .sign(let id): Self.tail(id, ["sign"])
        case .end(let id): Self.tail(id, ["end"])
        case .renew(let id): Self.tail(id, ["renew"])
        case .reviews(let id): Self.tail(id, ["reviews"])
        case .apiAgreements: APIPath.v1 + ["agreements"]
        case .apiAgreement(let id): APIPath.v1 + Self.tail(id, [])
        case .apiCommitments(let id): APIPath.v1 + Self.tail(id, ["commitments"])
        case .apiProjects(let id): APIPath.v1 + Self.tail(id, ["projects"])
        case .apiDeliver(let id, let p): APIPath.v1 + Self.tail(id, ["projects", p.component("projectId"), "deliver"])
        case .apiSign(let id): APIPath.v1 + Self.tail(id, ["sign"])
        case .apiEnd(let id): APIPath.v1 + Self.tail(id, ["end"])
        case .apiRenew(let id): APIPath.v1 + Self.tail(id, ["renew"])
        case .apiReviews(let id): APIPath.v1 + Self.tail(id, ["reviews"])
        }
    }
}
