import Vapor

enum RequestsRoute: AppRoute {
    case list
    case new
    case figures
    case todos
    case meetings
    case calendar

    static let patterns: [RequestsRoute] = [.list, .new, .figures, .todos, .meetings, .calendar]

    var components: [PathComponent] {
        switch self {
        case .list: ["requests"]
        case .new: ["requests", "new"]
        case .figures: ["requests", "figures"]
        case .todos: ["todos"]
        case .meetings: ["meetings"]
        case .calendar: ["calendar"]
        }
    }
}
