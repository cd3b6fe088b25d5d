import Vapor

/// Every path of Places, pages and API: registered and linked from these values only.
enum PlacesRoute: AppRoute {
    case map
    case grid(Parameter<Int>)
    case gridDuties(Parameter<Int>)
    case gridDutyRemove(Parameter<Int>, duty: Parameter<Int>)
    case gridDepartments(Parameter<Int>)
    case household(Parameter<Int>)
    case nearby
    case importPage
    case importPreview
    case importCommit(batch: Parameter<Int>)

    case apiLocate
    case apiExport
    case apiImportPreview
    case apiImportCommit(batch: Parameter<Int>)
    case apiGrids
    case apiGrid(Parameter<Int>)
    case apiGridHouseholds(Parameter<Int>)
    case apiGridDuties(Parameter<Int>)
    case apiGridDuty(Parameter<Int>, duty: Parameter<Int>)
    case apiGridDepartments(Parameter<Int>)
    case apiBuildings
    case apiHouseholds
    case apiHousehold(Parameter<Int>)
    case apiHouseholdResidents(Parameter<Int>)
    case apiHouseholdMember(Parameter<Int>)
    case apiHouseholdLinks(Parameter<Int>)
    case apiContacts
    case apiNearby

    static let patterns: [PlacesRoute] = [
        .map, .grid(.key), .gridDuties(.key), .gridDutyRemove(.key, duty: .key), .gridDepartments(.key),
        .household(.key), .nearby, .importPage, .importPreview, .importCommit(batch: .key),
        .apiLocate, .apiExport, .apiImportPreview, .apiImportCommit(batch: .key), .apiGrids, .apiGrid(.key),
        .apiGridHouseholds(.key), .apiGridDuties(.key), .apiGridDuty(.key, duty: .key), .apiGridDepartments(.key),
        .apiBuildings, .apiHouseholds, .apiHousehold(.key), .apiHouseholdResidents(.key), .apiHouseholdMember(.key),
        .apiHouseholdLinks(.key), .apiContacts, .apiNearby,
    ]

    var components: [PathComponent] {
        switch self {
        case .map: ["map"]
        case .grid(let id): ["grids", id.component("id")]
        case .gridDuties(let id): ["grids", id.component("id"), "duties"]
        case .gridDutyRemove(let id, let duty):
            ["grids", id.component("id"), "duties", duty.component("duty"), "remove"]
        case .gridDepartments(let id): ["grids", id.component("id"), "departments"]
        case .household(let id): ["households", id.component("id")]
        case .nearby: ["nearby"]
        case .importPage: ["places", "import"]
        case .importPreview: ["places", "import", "preview"]
        case .importCommit(let batch): ["places", "import", batch.component("batch"), "commit"]
        case .apiLocate: APIPath.v1 + ["places", "locate"]
        case .apiExport: APIPath.v1 + ["places", "export.geojson"]
        case .apiImportPreview: APIPath.v1 + ["places", "import", "preview"]
        case .apiImportCommit(let batch): APIPath.v1 + ["places", "import", batch.component("batch"), "commit"]
        case .apiGrids: APIPath.v1 + ["grids"]
        case .apiGrid(let id): APIPath.v1 + ["grids", id.component("id")]
        case .apiGridHouseholds(let id): APIPath.v1 + ["grids", id.component("id"), "households"]
        case .apiGridDuties(let id): APIPath.v1 + ["grids", id.component("id"), "duties"]
        case .apiGridDuty(let id, let duty):
            APIPath.v1 + ["grids", id.component("id"), "duties", duty.component("duty")]
        case .apiGridDepartments(let id): APIPath.v1 + ["grids", id.component("id"), "departments"]
        case .apiBuildings: APIPath.v1 + ["buildings"]
        case .apiHouseholds: APIPath.v1 + ["households"]
        case .apiHousehold(let id): APIPath.v1 + ["households", id.component("id")]
        case .apiHouseholdResidents(let id): APIPath.v1 + ["households", id.component("id"), "residents"]
        case .apiHouseholdMember(let id): APIPath.v1 + ["households", id.component("id"), "member-household"]
        case .apiHouseholdLinks(let id): APIPath.v1 + ["households", id.component("id"), "links"]
        case .apiContacts: APIPath.v1 + ["contact-assignments"]
        case .apiNearby: APIPath.v1 + ["nearby"]
        }
    }
}
