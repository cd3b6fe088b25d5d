import Vapor

/// Every path of the four lists and action projects, pages and API.
enum ListsRoute: AppRoute {
    case page
    case export
    case item(Parameter<Int>)
    case claims(Parameter<Int>)
    case withdrawClaim(Parameter<Int>, Parameter<Int>)
    case close(Parameter<Int>)
    case resources
    case resourcesExport
    case resource(Parameter<Int>)
    case withdrawResource(Parameter<Int>)
    case mine
    case projects
    case projectsExport
    case project(Parameter<Int>)
    case milestones(Parameter<Int>)
    case milestoneDone(Parameter<Int>, Parameter<Int>)
    case notes(Parameter<Int>)
    case projectState(Parameter<Int>)
    case projectRate(Parameter<Int>)
    case photo(Parameter<Int>, Parameter<Int>)

    case apiItems
    case apiItem(Parameter<Int>)
    case apiSuggestions(Parameter<Int>)
    case apiClaims(Parameter<Int>)
    case apiWithdrawClaim(Parameter<Int>, Parameter<Int>)
    case apiClose(Parameter<Int>)
    case apiResources
    case apiResource(Parameter<Int>)
    case apiWithdrawResource(Parameter<Int>)
    case apiProjects
    case apiProject(Parameter<Int>)
    case apiMilestones(Parameter<Int>)
    case apiMilestoneDone(Parameter<Int>, Parameter<Int>)
    case apiNotes(Parameter<Int>)
    case apiProjectState(Parameter<Int>)
    case apiProjectRate(Parameter<Int>)
    case apiPhoto(Parameter<Int>, Parameter<Int>)

    static let patterns: [ListsRoute] = [
        .page, .export, .item(.key), .claims(.key), .withdrawClaim(.key, .key), .close(.key), .resources,
        .resourcesExport, .resource(.key), .withdrawResource(.key), .mine, .projects, .projectsExport, .project(.key),
        .milestones(.key), .milestoneDone(.key, .key), .notes(.key), .projectState(.key), .projectRate(.key),
        .photo(.key, .key),
        .apiItems, .apiItem(.key), .apiSuggestions(.key), .apiClaims(.key), .apiWithdrawClaim(.key, .key),
        .apiClose(.key), .apiResources, .apiResource(.key), .apiWithdrawResource(.key), .apiProjects,
        .apiProject(.key),
        .apiMilestones(.key), .apiMilestoneDone(.key, .key), .apiNotes(.key), .apiProjectState(.key),
        .apiProjectRate(.key),
        .apiPhoto(.key, .key),
    ]

    private static func item(_ id: Parameter<Int>, _ rest: [PathComponent]) -> [PathComponent] {
        ["lists", "items", id.component("id")] + rest
    }

    private static func resource(_ id: Parameter<Int>, _ rest: [PathComponent]) -> [PathComponent] {
        ["lists", "resources", id.component("id")] + rest
    }

    private static func project(_ id: Parameter<Int>, _ rest: [PathComponent]) -> [PathComponent] {
        ["lists", "projects", id.component("id")] + rest
    }

    var components: [PathComponent] {
        switch self {
        case .page: ["lists"]
        case .export: ["lists", "export.csv"]
        case .item(let id): Self.item(id, [])
        case .claims(let id): Self.item(id, ["claims"])
        case .withdrawClaim(let id, let c): Self.item(id, ["claims", c.component("claimId"), "withdraw"])
        case .close(let id): Self.item(id, ["close"])
        case .resources: ["lists", "resources"]
        case .resourcesExport: ["lists", "resources", "export.csv"]
        case .resource(let id): Self.resource(id, [])
        case .withdrawResource(let id): Self.resource(id, ["withdraw"])
        case .mine: ["lists", "mine"]
        case .projects: ["lists", "projects"]
        case .projectsExport: ["lists", "projects", "export.csv"]
        case .project(let id): Self.project(id, [])
        case .milestones(let id): Self.project(id, ["milestones"])
        case .milestoneDone(let id, let m): Self.project(id, ["milestones", m.component("milestoneId"), "done"])
        case .notes(let id): Self.project(id, ["notes"])
        case .projectState(let id): Self.project(id, ["state"])
        case .projectRate(let id): Self.project(id, ["rating"])
        case .photo(let id, let p): Self.project(id, ["photos", p.component("photoId")])
        case .apiItems: APIPath.v1 + ["lists", "items"]
        case .apiItem(let id): APIPath.v1 + Self.item(id, [])
        case .apiSuggestions(let id): APIPath.v1 + Self.item(id, ["suggestions"])
        case .apiClaims(let id): APIPath.v1 + Self.item(id, ["claims"])
        case .apiWithdrawClaim(let id, let c):
            APIPath.v1 + Self.item(id, ["claims", c.component("claimId"), "withdraw"])
        case .apiClose(let id): APIPath.v1 + Self.item(id, ["close"])
        case .apiResources: APIPath.v1 + ["lists", "resources"]
        case .apiResource(let id): APIPath.v1 + Self.resource(id, [])
        case .apiWithdrawResource(let id): APIPath.v1 + Self.resource(id, ["withdraw"])
        case .apiProjects: APIPath.v1 + ["lists", "projects"]
        case .apiProject(let id): APIPath.v1 + Self.project(id, [])
        case .apiMilestones(let id): APIPath.v1 + Self.project(id, ["milestones"])
        case .apiMilestoneDone(let id, let m):
            APIPath.v1 + Self.project(id, ["milestones", m.component("milestoneId"), "done"])
        case .apiNotes(let id): APIPath.v1 + Self.project(id, ["notes"])
        case .apiProjectState(let id): APIPath.v1 + Self.project(id, ["state"])
        case .apiProjectRate(let id): APIPath.v1 + Self.project(id, ["rating"])
        case .apiPhoto(let id, let p): APIPath.v1 + Self.project(id, ["photos", p.component("photoId")])
        }
    }
}
