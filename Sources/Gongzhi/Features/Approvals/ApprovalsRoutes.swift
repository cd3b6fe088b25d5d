import Vapor

/// Every path of approvals (审批), pages and API.
enum ApprovalsRoute: AppRoute {
    case page
    case approve(Parameter<Int>)
    case refuse(Parameter<Int>)
    case api
    case apiApprove(Parameter<Int>)
    case apiRefuse(Parameter<Int>)

    static let patterns: [ApprovalsRoute] = [
        .page, .approve(.key), .refuse(.key), .api, .apiApprove(.key), .apiRefuse(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .page: ["approvals"]
        case .approve(let id): ["approvals", id.component("id"), "approve"]
        case .refuse(let id): ["approvals", id.component("id"), "refuse"]
        case .api: APIPath.v1 + ["approvals"]
        case .apiApprove(let id): APIPath.v1 + ["approvals", id.component("id"), "approve"]
        case .apiRefuse(let id): APIPath.v1 + ["approvals", id.component("id"), "refuse"]
        }
    }
}
