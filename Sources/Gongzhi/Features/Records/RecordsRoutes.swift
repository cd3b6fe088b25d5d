import Vapor

/// Every path of the service records (网上纪实), pages and API.
enum RecordsRoute: AppRoute {
    case mine
    case mineExport
    case person(Parameter<Int>)
    case personExport(Parameter<Int>)
    case unit(Parameter<Int>)
    case unitExport(Parameter<Int>)
    case apiMine
    case apiPerson(Parameter<Int>)
    case apiUnit(Parameter<Int>)

    static let patterns: [RecordsRoute] = [
        .mine, .mineExport, .person(.key), .personExport(.key), .unit(.key), .unitExport(.key), .apiMine,
        .apiPerson(.key),
        .apiUnit(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .mine: ["records", "mine"]
        case .mineExport: ["records", "mine", "export.csv"]
        case .person(let id): ["records", "people", id.component("id")]
        case .personExport(let id): ["records", "people", id.component("id"), "export.csv"]
        case .unit(let id): ["records", "units", id.component("id")]
        case .unitExport(let id): ["records", "units", id.component("id"), "export.csv"]
        case .apiMine: APIPath.v1 + ["records", "mine"]
        case .apiPerson(let id): APIPath.v1 + ["records", "people", id.component("id")]
        case .apiUnit(let id): APIPath.v1 + ["records", "units", id.component("id")]
        }
    }
}
