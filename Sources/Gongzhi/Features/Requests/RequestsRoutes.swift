import Vapor

/// Every path of Requests, pages and API: registered and linked from these values only.
enum RequestsRoute: AppRoute {
    case list
    case new
    case figures
    case pick
    case pickImage
    case map
    case request(Parameter<Int>)
    case act(Parameter<Int>)
    case photo(Parameter<Int>, photo: Parameter<Int>)
    case todos
    case calendar
    case calendarYear(Parameter<Int>)
    case communities
    case community(Parameter<String>)
    case publicRequest(Parameter<String>, number: Parameter<String>)
    case meToo(Parameter<Int>)

    case apiCategories
    case apiCategory(Parameter<String>)
    case apiList
    case apiPublic
    case apiFigures
    case apiSimilar
    case apiRequest(Parameter<Int>)
    case apiAction(Parameter<Int>, action: Parameter<String>)
    case apiPhotos(Parameter<Int>)
    case apiPhoto(Parameter<Int>, photo: Parameter<Int>)
    case apiTodos
    case apiCalendarDeadline
    case apiCalendarYear(Parameter<Int>)

    static let patterns: [RequestsRoute] = [
        .list, .new, .figures, .pick, .pickImage, .map, .request(.key), .act(.key), .photo(.key, photo: .key),
        .todos, .calendar, .calendarYear(.key), .communities, .community(.key),
        .publicRequest(.key, number: .key), .meToo(.key),
        .apiCategories, .apiCategory(.key), .apiList, .apiPublic, .apiFigures, .apiSimilar, .apiRequest(.key),
        .apiAction(.key, action: .key), .apiPhotos(.key), .apiPhoto(.key, photo: .key), .apiTodos,
        .apiCalendarDeadline, .apiCalendarYear(.key),
    ]

    var components: [PathComponent] {
        switch self {
        case .list: ["requests"]
        case .new: ["requests", "new"]
        case .figures: ["requests", "figures"]
        case .pick: ["requests", "pick"]
        case .pickImage: ["requests", "pick.svg"]
        case .map: ["requests", "map"]
        case .request(let id): ["requests", id.component("id")]
        case .act(let id): ["requests", id.component("id"), "act"]
        case .photo(let id, let photo): ["requests", id.component("id"), "photos", photo.component("photo")]
        case .todos: ["todos"]
        case .calendar: ["calendar"]
        case .calendarYear(let year): ["calendar", year.component("year")]
        case .communities: ["c"]
        case .community(let code): ["c", code.component("code")]
        case .publicRequest(let code, let number):
            ["c", code.component("code"), "requests", number.component("number")]
        case .meToo(let id): ["requests", id.component("id"), "me-too"]
        case .apiCategories: APIPath.v1 + ["request-categories"]
        case .apiCategory(let code): APIPath.v1 + ["request-categories", code.component("code")]
        case .apiList: APIPath.v1 + ["requests"]
        case .apiPublic: APIPath.v1 + ["requests", "public"]
        case .apiFigures: APIPath.v1 + ["requests", "figures"]
        case .apiSimilar: APIPath.v1 + ["requests", "similar"]
        case .apiRequest(let id): APIPath.v1 + ["requests", id.component("id")]
        case .apiAction(let id, let action):
            APIPath.v1 + ["requests", id.component("id"), "actions", action.component("action")]
        case .apiPhotos(let id): APIPath.v1 + ["requests", id.component("id"), "photos"]
        case .apiPhoto(let id, let photo):
            APIPath.v1 + ["requests", id.component("id"), "photos", photo.component("photo")]
        case .apiTodos: APIPath.v1 + ["todos"]
        case .apiCalendarDeadline: APIPath.v1 + ["calendar", "deadline"]
        case .apiCalendarYear(let year): APIPath.v1 + ["calendar", year.component("year")]
        }
    }
}
