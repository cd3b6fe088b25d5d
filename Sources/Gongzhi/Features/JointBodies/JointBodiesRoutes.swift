import Vapor

/// Every path of JointBodies, pages and API.
enum JointBodiesRoute: AppRoute {
    /// Desk: the bodies the viewer may see; a post makes a body.
    case page
    /// Desk: the bodies, their member units and seats as CSV.
    case export
    /// Desk: one body as of a day (`?asOf=`): figures, triad, member units, seats, documents.
    case body(Parameter<Int>)
    case members(Parameter<Int>)
    case endMember(Parameter<Int>, Parameter<Int>)
    case seats(Parameter<Int>)
    case endSeat(Parameter<Int>, Parameter<Int>)
    /// A person of the body seated in a member unit's organisation (交叉任职 the other way).
    case crossSeats(Parameter<Int>)
    case documents(Parameter<Int>)

    case apiBodies
    case apiBody(Parameter<Int>)
    case apiMembers(Parameter<Int>)
    case apiEndMember(Parameter<Int>, Parameter<Int>)
    case apiSeats(Parameter<Int>)
    case apiEndSeat(Parameter<Int>, Parameter<Int>)
    case apiCrossSeats(Parameter<Int>)
    case apiDocuments(Parameter<Int>)

    static let patterns: [JointBodiesRoute] = [
        .page, .export, .body(.key), .members(.key), .endMember(.key, .key), .seats(.key), .endSeat(.key, .key),
        .crossSeats(.key), .documents(.key), .apiBodies, .apiBody(.key), .apiMembers(.key),
        .apiEndMember(.key, .key), .apiSeats(.key), .apiEndSeat(.key, .key), .apiCrossSeats(.key),
        .apiDocuments(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .page: ["joint-bodies"]
        case .export: ["joint-bodies", "export.csv"]
        case .body(let id): ["joint-bodies", id.component("id")]
        case .members(let id): ["joint-bodies", id.component("id"), "members"]
        case .endMember(let id, let m):
            ["joint-bodies", id.component("id"), "members", m.component("memberId"), "end"]
        case .seats(let id): ["joint-bodies", id.component("id"), "seats"]
        case .endSeat(let id, let s): ["joint-bodies", id.component("id"), "seats", s.component("seatId"), "end"]
        case .crossSeats(let id): ["joint-bodies", id.component("id"), "cross-seats"]
        case .documents(let id): ["joint-bodies", id.component("id"), "documents"]
        case .apiBodies: APIPath.v1 + ["joint-bodies"]
        case .apiBody(let id): APIPath.v1 + ["joint-bodies", id.component("id")]
        case .apiMembers(let id): APIPath.v1 + ["joint-bodies", id.component("id"), "members"]
        case .apiEndMember(let id, let m):
            APIPath.v1 + ["joint-bodies", id.component("id"), "members", m.component("memberId"), "end"]
        case .apiSeats(let id): APIPath.v1 + ["joint-bodies", id.component("id"), "seats"]
        case .apiEndSeat(let id, let s):
            APIPath.v1 + ["joint-bodies", id.component("id"), "seats", s.component("seatId"), "end"]
        case .apiCrossSeats(let id): APIPath.v1 + ["joint-bodies", id.component("id"), "cross-seats"]
        case .apiDocuments(let id): APIPath.v1 + ["joint-bodies", id.component("id"), "documents"]
        }
    }
}
