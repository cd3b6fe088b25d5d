import Vapor

/// Every path of Reporting (双报到), pages and API: registered and linked from these values only.
enum ReportingRoute: AppRoute {
    /// The member's phone (my report, my post, my services) or the desk's funnel per community.
    case page
    /// 亮身份 on or off (the member's phone).
    case consent
    /// Unit reports: the desk's list and form (liaison: their units), a post reports.
    case units
    case endUnit(Parameter<Int>)
    case unitsExport
    /// Member reports in scope, a funnel stage's list with `communityId` and `stage`; a post records one (staff) or
    /// reports (the member).
    case members
    case endMember(Parameter<Int>)
    case membersExport
    /// Posts of the communities in scope; a post defines one.
    case posts
    case claim(Parameter<Int>)
    case endClaim(Parameter<Int>)
    /// Services: to verify at the desk, one's own on the phone; a post records one.
    case services
    case verify(Parameter<Int>)
    case reject(Parameter<Int>)
    /// Re-report rounds: the list and the form; one round with who has confirmed and who has not.
    case rounds
    case round(Parameter<Int>)
    case confirm(Parameter<Int>)

    case apiUnitReports
    case apiUnitReportEnd(Parameter<Int>)
    case apiUnitReportsExport
    case apiMemberReports
    case apiMemberReportEnd(Parameter<Int>)
    case apiMemberReportsExport
    case apiPosts
    case apiPostClaim(Parameter<Int>)
    case apiServices
    case apiServiceVerify(Parameter<Int>)
    case apiServiceReject(Parameter<Int>)
    case apiFunnel

    static let patterns: [ReportingRoute] = [
        .page, .consent, .units, .endUnit(.key), .unitsExport, .members, .endMember(.key), .membersExport, .posts,
        .claim(.key), .endClaim(.key), .services, .verify(.key), .reject(.key), .rounds, .round(.key), .confirm(.key),
        .apiUnitReports, .apiUnitReportEnd(.key), .apiUnitReportsExport, .apiMemberReports,
        .apiMemberReportEnd(.key), .apiMemberReportsExport, .apiPosts, .apiPostClaim(.key), .apiServices,
        .apiServiceVerify(.key), .apiServiceReject(.key), .apiFunnel,
    ]

    var components: [PathComponent] {
        switch self {
        case .page: ["reporting"]
        case .consent: ["reporting", "consent"]
        case .units: ["reporting", "units"]
        case .endUnit(let id): ["reporting", "units", id.component("id"), "end"]
        case .unitsExport: ["reporting", "units", "export.csv"]
        case .members: ["reporting", "members"]
        case .endMember(let id): ["reporting", "members", id.component("id"), "end"]
        case .membersExport: ["reporting", "members", "export.csv"]
        case .posts: ["reporting", "posts"]
        case .claim(let id): ["reporting", "posts", id.component("id"), "claim"]
        case .endClaim(let id): ["reporting", "claims", id.component("id"), "end"]
        case .services: ["reporting", "services"]
        case .verify(let id): ["reporting", "services", id.component("id"), "verify"]
        case .reject(let id): ["reporting", "services", id.component("id"), "reject"]
        case .rounds: ["reporting", "rounds"]
        case .round(let id): ["reporting", "rounds", id.component("id")]
        case .confirm(let id): ["reporting", "rounds", id.component("id"), "confirm"]
        case .apiUnitReports: APIPath.v1 + ["reporting", "unit-reports"]
        case .apiUnitReportEnd(let id): APIPath.v1 + ["reporting", "unit-reports", id.component("id"), "end"]
        case .apiUnitReportsExport: APIPath.v1 + ["reporting", "unit-reports", "export.csv"]
        case .apiMemberReports: APIPath.v1 + ["reporting", "member-reports"]
        case .apiMemberReportEnd(let id): APIPath.v1 + ["reporting", "member-reports", id.component("id"), "end"]
        case .apiMemberReportsExport: APIPath.v1 + ["reporting", "member-reports", "export.csv"]
        case .apiPosts: APIPath.v1 + ["reporting", "posts"]
        case .apiPostClaim(let id): APIPath.v1 + ["reporting", "posts", id.component("id"), "claim"]
        case .apiServices: APIPath.v1 + ["reporting", "services"]
        case .apiServiceVerify(let id): APIPath.v1 + ["reporting", "services", id.component("id"), "verify"]
        case .apiServiceReject(let id): APIPath.v1 + ["reporting", "services", id.component("id"), "reject"]
        case .apiFunnel: APIPath.v1 + ["reporting", "funnel"]
        }
    }
}
