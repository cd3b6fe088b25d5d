/// Residents' requests' part of the API document: requests and their steps, categories, to-dos, calendars.
enum RequestsAPIDoc {
    /// The steps a caller may take by the API; raising has its own operation and closing unrated is the server's.
    static let callerActions = RequestAction.allCases.filter { $0 != .raise && $0 != .closeUnrated }

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "request-categories",
            "Request categories the district keeps, with the working-day limits of each step", tag: "requests",
            answer: .list(RequestsAPI.CategoryOut.self)),
        APIOperation(
            .patch, "request-categories/{code}",
            "Set a category's names, working-day limits per step, direct dispatch and whether it is offered "
                + "(administrators)",
            tag: "requests", parameters: [.path("code", .text)], body: .one(RequestsAPI.CategoryInput.self),
            answer: .one(RequestsAPI.CategoryOut.self)),
        APIOperation(
            .get, "requests",
            "Requests the caller may see: residents their own, unit liaisons what is dispatched to their units, staff "
                + "their subtree",
            tag: "requests",
            parameters: [
                .query("state", RequestState.self, "only this state"), .query("gridId", .integer, "only this grid"),
                .query("nodeId", .integer, "with metric: only this node's subtree"),
                .query("metric", RequestMetric.self, "the requests behind one figure (all of them, not paged)"),
                .query("from", .date, "with metric: raised on or after this day"),
                .query("to", .date, "with metric: raised on or before this day"),
                .query("overdue", .boolean, "only open requests past their step's deadline"),
                .query("supervised", .boolean, "only open requests under supervision (督办)"),
            ],
            answer: .page(RequestsAPI.RequestOut.self)),
        APIOperation(
            .post, "requests",
            "Raise a request (居民提事). Residents: from a point or their household; staff on a resident's behalf "
                + "with a channel and a grid or point. Routed to its grid by location.",
            tag: "requests", body: .one(RequestService.RaiseInput.self), status: 201,
            answer: .one(RequestsAPI.Detail.self)),
        APIOperation(
            .get, "requests/figures",
            "Figures of an area and its children: raised, response, resolution, on-time and satisfaction rates, "
                + "unrated (never counted as satisfied), open, average working days per step. Each count is the "
                + "length of GET /api/v1/requests?metric=…&nodeId=… (or gridId)",
            tag: "requests",
            parameters: [
                .query("nodeId", .integer, "district, street or community node (default: the caller's whole scope)"),
                .query("from", .date, "only requests raised on or after this day"),
                .query("to", .date, "only requests raised on or before this day"),
            ],
            answer: .one(RequestFiguresService.Out.self)),
        APIOperation(
            .get, "requests/similar",
            "Likely duplicates before raising: same category, last 30 days (closed included), nearby or same "
                + "building, similar description",
            tag: "requests",
            parameters: [
                .required("category", .text), .query("text", .text, "the description so far"),
                .query("lat", .number, "latitude"), .query("lng", .number, "longitude"),
                .query("householdId", .integer, "the household"),
            ],
            answer: .list(RequestsAPI.PublicOut.self)),
        APIOperation(
            .get, "requests/public",
            "Public requests of the caller's (or a given) community, with no personal data",
            tag: "requests", parameters: [.query("communityId", .integer, "the community (default: the caller's)")],
            answer: .list(RequestsAPI.PublicOut.self)),
        APIOperation(
            .get, "requests/{id}",
            "A request with its timeline, handlers and the actions the caller may take now", tag: "requests",
            answer: .one(RequestsAPI.Detail.self)),
        APIOperation(
            .post, "requests/{id}/actions/{action}",
            "Take one step of the workflow. 409 when the step is not possible in the current state or someone else "
                + "acted first.",
            tag: "requests", parameters: [.path("action", .strings(callerActions.map(\.rawValue)))],
            body: .one(RequestService.ActionInput.self), answer: .one(RequestsAPI.Detail.self)),
        APIOperation(
            .post, "requests/{id}/photos",
            "Add one photo (the body is a JPEG or PNG, at most 5 MB). The reporter adds while the request waits for "
                + "the grid (at most 9); staff add evidence to the latest step. Location metadata is removed unless "
                + "keepLocation=true (reporter only).",
            tag: "requests", parameters: [.query("keepLocation", .boolean, "keep the photo's location metadata")],
            body: .raw(.binary, "image/jpeg", "image/png"), status: 201, answer: .one(RequestPhotos.PhotoRef.self)),
        APIOperation(
            .get, "requests/{id}/photos/{photo}",
            "A photo of a request the caller may see, as stored (JPEG or PNG)", tag: "requests",
            answer: .raw(.binary, "image/jpeg", "image/png")),
        APIOperation(
            .get, "todos", "What waits on the caller, overdue first, then by deadline", tag: "requests",
            answer: .list(RequestsAPI.Todo.self)),
        APIOperation(
            .get, "calendar/{year}",
            "Every statutory day off and adjusted working weekend (调休) of a year; 422 for a year with no calendar",
            tag: "requests", parameters: [.path("year", .integer(min: 1900, max: 2200))],
            answer: .one(CalendarAPI.YearOut.self)),
        APIOperation(
            .put, "calendar/{year}",
            "Set a year's calendar from its State Council notice (administrators); the previous days stay in the "
                + "audit log",
            tag: "requests", parameters: [.path("year", .integer(min: 1900, max: 2200))],
            body: .one(CalendarAPI.YearInput.self), answer: .one(CalendarAPI.YearOut.self)),
        APIOperation(
            .get, "calendar/deadline",
            "A deadline: the end (23:59:59 Asia/Shanghai) of the Nth working day after the starting day, which is not "
                + "counted",
            tag: "requests",
            parameters: [.required("from", .dateTime), .required("workingDays", .integer(min: 1, max: 365))],
            answer: .one(CalendarAPI.DeadlineOut.self)),
    ]
}

extension RequestService.RaiseInput: APIFieldNotes {
    static let apiRequired = ["kind", "category", "text"]
    static let apiFieldNotes: [String: JSON] = [
        "text": ["maxLength": 2000], "gridID": ["description": "staff only"],
    ]
}

extension RequestService.ActionInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "note": ["maxLength": 2000], "workingDays": ["minimum": 1, "maximum": 60],
    ]
}

extension RequestsAPI.CategoryInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "responseDays": ["minimum": 1, "maximum": 60], "reviewDays": ["minimum": 1, "maximum": 60],
        "handlingDays": ["minimum": 1, "maximum": 60],
    ]
}

extension RequestsAPI.RequestOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["level": ["description": "0 community, 1 street, 2 district"]]
}

extension CalendarAPI.Day: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["date": ["format": "date"]]
}

extension CalendarAPI.DayInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["date": ["format": "date"]]
}

extension CalendarAPI.DeadlineOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["deadlineLocalDate": ["format": "date"]]
}
