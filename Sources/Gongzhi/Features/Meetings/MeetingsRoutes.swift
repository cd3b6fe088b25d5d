import Vapor

/// Every path of Meetings, pages and API: registered and linked from these values only.
enum MeetingsRoute: AppRoute {
    /// Desk: the meetings in scope (filters by body, kind, period); a post makes one.
    case list
    case new
    case meeting(Parameter<Int>)
    case schedule(Parameter<Int>)
    case agenda(Parameter<Int>)
    case invitees(Parameter<Int>)
    case attendance(Parameter<Int>)
    case minutes(Parameter<Int>)
    case decisions(Parameter<Int>)
    case close(Parameter<Int>)
    case cancel(Parameter<Int>)
    case export
    /// Phone: the meetings the viewer is invited to, and check-in.
    case mine
    /// Check-in by code: `?code=123456` fills the form (the link a QR code carries).
    case checkIn
    /// A decision as its owner's task: what was decided, by when; a post reports it done.
    case task(Parameter<Int>)
    case taskDone(Parameter<Int>)
    /// The viewer's calendar feed addresses; a post makes a new one.
    case feed
    /// Calendar feeds fetched by calendar apps without a session: the token is in the path.
    case personFeed(Parameter<String>)
    case bodyFeed(Parameter<String>, body: Parameter<Int>)

    case apiList
    case apiMeeting(Parameter<Int>)
    case apiAgenda(Parameter<Int>)
    case apiInvitees(Parameter<Int>)
    case apiAttendance(Parameter<Int>)
    case apiDecisions(Parameter<Int>)
    case apiClose(Parameter<Int>)
    case apiCancel(Parameter<Int>)
    case apiCheckIn
    case apiHostSuggestion
    case apiExport
    case apiTasks
    case apiTaskDone(Parameter<Int>)
    case apiFeedToken

    static let patterns: [MeetingsRoute] = [
        .list, .new, .meeting(.key), .schedule(.key), .agenda(.key), .invitees(.key), .attendance(.key),
        .minutes(.key), .decisions(.key), .close(.key), .cancel(.key), .export, .mine, .checkIn, .task(.key),
        .taskDone(.key), .feed, .personFeed(.key), .bodyFeed(.key, body: .key),
        .apiList, .apiMeeting(.key), .apiAgenda(.key), .apiInvitees(.key), .apiAttendance(.key), .apiDecisions(.key),
        .apiClose(.key), .apiCancel(.key), .apiCheckIn, .apiHostSuggestion, .apiExport, .apiTasks, .apiTaskDone(.key),
        .apiFeedToken,
    ]

    var components: [PathComponent] {
        switch self {
        case .list: ["meetings"]
        case .new: ["meetings", "new"]
        case .meeting(let id): ["meetings", id.component("id")]
        case .schedule(let id): ["meetings", id.component("id"), "schedule"]
        case .agenda(let id): ["meetings", id.component("id"), "agenda"]
        case .invitees(let id): ["meetings", id.component("id"), "invitees"]
        case .attendance(let id): ["meetings", id.component("id"), "attendance"]
        case .minutes(let id): ["meetings", id.component("id"), "minutes"]
        case .decisions(let id): ["meetings", id.component("id"), "decisions"]
        case .close(let id): ["meetings", id.component("id"), "close"]
        case .cancel(let id): ["meetings", id.component("id"), "cancel"]
        case .export: ["meetings", "export.csv"]
        case .mine: ["meetings", "mine"]
        case .checkIn: ["meetings", "check-in"]
        case .task(let id): ["meetings", "tasks", id.component("id")]
        case .taskDone(let id): ["meetings", "tasks", id.component("id"), "done"]
        case .feed: ["meetings", "feed"]
        case .personFeed(let token): ["feeds", token.component("token"), "meetings.ics"]
        case .bodyFeed(let token, let body):
            ["feeds", token.component("token"), "bodies", body.component("body"), "meetings.ics"]
        case .apiList: APIPath.v1 + ["meetings"]
        case .apiMeeting(let id): APIPath.v1 + ["meetings", id.component("id")]
        case .apiAgenda(let id): APIPath.v1 + ["meetings", id.component("id"), "agenda"]
        case .apiInvitees(let id): APIPath.v1 + ["meetings", id.component("id"), "invitees"]
        case .apiAttendance(let id): APIPath.v1 + ["meetings", id.component("id"), "attendance"]
        case .apiDecisions(let id): APIPath.v1 + ["meetings", id.component("id"), "decisions"]
        case .apiClose(let id): APIPath.v1 + ["meetings", id.component("id"), "close"]
        case .apiCancel(let id): APIPath.v1 + ["meetings", id.component("id"), "cancel"]
        case .apiCheckIn: APIPath.v1 + ["meetings", "check-in"]
        case .apiHostSuggestion: APIPath.v1 + ["meetings", "host-suggestion"]
        case .apiExport: APIPath.v1 + ["meetings", "export.csv"]
        case .apiTasks: APIPath.v1 + ["meeting-tasks"]
        case .apiTaskDone(let id): APIPath.v1 + ["meeting-tasks", id.component("id"), "done"]
        case .apiFeedToken: APIPath.v1 + ["meetings", "feed-token"]
        }
    }
}
