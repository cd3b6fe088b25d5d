import Vapor

/// Every path of Units, pages and API: registered and linked from these values only.
enum UnitsRoute: AppRoute {
    case list
    /// A unit liaison's desk: the unit's seats, memberships and commitments.
    case mine
    case export
    case unit(Parameter<Int>)

    case apiList
    case apiExport
    case apiImportPreview
    case apiImportCommit(batch: Parameter<Int>)
    case apiUnit(Parameter<Int>)
    case apiArchive(Parameter<Int>)

    static let patterns: [UnitsRoute] = [
        .mine,
        .list, .export, .unit(.key), .apiList, .apiExport, .apiImportPreview, .apiImportCommit(batch: .key),
        .apiUnit(.key), .apiArchive(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .list: ["units"]
        case .mine: ["my-unit"]
        case .export: ["units", "export.csv"]
        case .unit(let id): ["units", id.component("id")]
        case .apiList: APIPath.v1 + ["units"]
        case .apiExport: APIPath.v1 + ["units", "export.csv"]
        case .apiImportPreview: APIPath.v1 + ["units", "import", "preview"]
        case .apiImportCommit(let batch): APIPath.v1 + ["units", "import", batch.component("batch"), "commit"]
        case .apiUnit(let id): APIPath.v1 + ["units", id.component("id")]
        case .apiArchive(let id): APIPath.v1 + ["units", id.component("id"), "archive"]
        }
    }
}
