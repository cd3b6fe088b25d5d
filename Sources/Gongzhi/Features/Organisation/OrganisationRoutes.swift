import Vapor

/// Every path of the organisation tree, pages and API: registered and linked from these values only.
enum OrganisationRoute: AppRoute {
    case tree
    case list
    case export
    case node(Parameter<Int>)
    case children(Parameter<Int>)
    case rename(Parameter<Int>)
    case move(Parameter<Int>)
    case merge(Parameter<Int>)
    case archive(Parameter<Int>)

    case apiNodes
    case apiExport
    case apiNode(Parameter<Int>)
    case apiMove(Parameter<Int>)
    case apiMerge(Parameter<Int>)
    case apiArchive(Parameter<Int>)
    case apiHistory(Parameter<Int>)

    static let patterns: [OrganisationRoute] = [
        .tree, .list, .export, .node(.key), .children(.key), .rename(.key), .move(.key), .merge(.key),
        .archive(.key), .apiNodes, .apiExport, .apiNode(.key), .apiMove(.key), .apiMerge(.key), .apiArchive(.key),
        .apiHistory(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .tree: ["org"]
        case .list: ["org", "list"]
        case .export: ["org", "export.csv"]
        case .node(let id): ["org", id.component("id")]
        case .children(let id): ["org", id.component("id"), "children"]
        case .rename(let id): ["org", id.component("id"), "rename"]
        case .move(let id): ["org", id.component("id"), "move"]
        case .merge(let id): ["org", id.component("id"), "merge"]
        case .archive(let id): ["org", id.component("id"), "archive"]
        case .apiNodes: APIPath.v1 + ["org", "nodes"]
        case .apiExport: APIPath.v1 + ["org", "nodes", "export.csv"]
        case .apiNode(let id): APIPath.v1 + ["org", "nodes", id.component("id")]
        case .apiMove(let id): APIPath.v1 + ["org", "nodes", id.component("id"), "move"]
        case .apiMerge(let id): APIPath.v1 + ["org", "nodes", id.component("id"), "merge"]
        case .apiArchive(let id): APIPath.v1 + ["org", "nodes", id.component("id"), "archive"]
        case .apiHistory(let id): APIPath.v1 + ["org", "nodes", id.component("id"), "history"]
        }
    }
}
