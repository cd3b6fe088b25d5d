import Vapor

/// Every path of People, pages and API: registered and linked from these values only.
enum PeopleRoute: AppRoute {
    case list
    case new
    case export
    case person(Parameter<Int>)
    case edit(Parameter<Int>)
    case unmask(Parameter<Int>)
    case archive(Parameter<Int>)
    case importPage
    case importPreview
    case importCommit(batch: Parameter<Int>)

    case apiList
    case apiExport
    case apiImportPreview
    case apiImportCommit(batch: Parameter<Int>)
    case apiPerson(Parameter<Int>)
    case apiArchive(Parameter<Int>)
    case apiUnmasked(Parameter<Int>)

    static let patterns: [PeopleRoute] = [
        .list, .new, .export, .person(.key), .edit(.key), .unmask(.key), .archive(.key), .importPage,
        .importPreview, .importCommit(batch: .key), .apiList, .apiExport, .apiImportPreview,
        .apiImportCommit(batch: .key), .apiPerson(.key), .apiArchive(.key), .apiUnmasked(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .list: ["people"]
        case .new: ["people", "new"]
        case .export: ["people", "export.csv"]
        case .person(let id): ["people", id.component("id")]
        case .edit(let id): ["people", id.component("id"), "edit"]
        case .unmask(let id): ["people", id.component("id"), "unmask"]
        case .archive(let id): ["people", id.component("id"), "archive"]
        case .importPage: ["import"]
        case .importPreview: ["import", "preview"]
        case .importCommit(let batch): ["import", batch.component("batch"), "commit"]
        case .apiList: APIPath.v1 + ["people"]
        case .apiExport: APIPath.v1 + ["people", "export.csv"]
        case .apiImportPreview: APIPath.v1 + ["people", "import", "preview"]
        case .apiImportCommit(let batch): APIPath.v1 + ["people", "import", batch.component("batch"), "commit"]
        case .apiPerson(let id): APIPath.v1 + ["people", id.component("id")]
        case .apiArchive(let id): APIPath.v1 + ["people", id.component("id"), "archive"]
        case .apiUnmasked(let id): APIPath.v1 + ["people", id.component("id"), "unmasked"]
        }
    }
}
