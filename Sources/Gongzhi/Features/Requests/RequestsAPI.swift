import Fluent
import Vapor

enum RequestsAPI {
    struct EventOut: Content {
        let id: Int
        let at: Date
        let actorName: String
        let action: RequestAction
        let fromState: RequestState?
        let toState: RequestState
        let note: String
        let deadline: Date?
        /// Working days this step took since the previous event.
        let workingDays: Int?
    }
    struct AssignmentOut: Content {
        let unitID: Int
        let unitName: String
        let status: RequestAssignment.Status
        let deadline: Date
    }
    struct RequestOut: Content {
        let id: Int
        let number: String
        let kind: RequestKind
        let category: String
        let categoryLabel: String
        let text: String
        let lat: Double?
        let lng: Double?
        let gridID: Int
        let gridName: String?
        let communityName: String?
        let channel: RequestChannel
        let isPublic: Bool
        let state: RequestState
        let level: Int
        let stepDeadline: Date?
        let overdue: Bool
        let supervised: Bool
        let rating: Rating?
        let unrated: Bool
        let reopenCount: Int
        let mergedIntoID: Int?
        let raisedAt: Date
        let mine: Bool
    }
    struct Detail: Content {
        let request: RequestOut
        let events: [EventOut]
        let assignments: [AssignmentOut]
        let allowedActions: [RequestAction]
        let photos: [RequestPhotos.PhotoRef]
    }
    struct PublicOut: Content {
        let number: String
        let categoryLabel: String
        let text: String
        let gridName: String?
        let state: RequestState
        let raisedAt: Date
        /// Residents who joined it ("me too").
        let supporters: Int
        let events: [PublicEvent]
    }
    struct PublicEvent: Content {
        let at: Date
        let action: RequestAction
        let toState: RequestState
    }
    struct Todo: Content {
        let request: RequestOut
        let waitingFor: String
    }

    static func register(_ api: RoutesBuilder) {
        api.get(RequestsRoute.apiCategories, use: categories)
        api.patch(RequestsRoute.apiCategory(.key), use: updateCategory)
        api.get(RequestsRoute.apiList, use: list)
        api.post(RequestsRoute.apiList, use: raise)
        api.get(RequestsRoute.apiPublic, use: publicList)
        api.get(RequestsRoute.apiFigures, use: figures)
        api.get(RequestsRoute.apiSimilar, use: similar)
        api.get(RequestsRoute.apiRequest(.key), use: show)
        api.post(RequestsRoute.apiAction(.key, action: .key), use: act)
        api.post(RequestsRoute.apiPhotos(.key), body: .collect(maxSize: "6mb"), use: RequestPhotos.upload)
        api.get(RequestsRoute.apiPhoto(.key, photo: .key), use: RequestPhotos.serve)
        api.get(RequestsRoute.apiTodos, use: todos)
        CalendarAPI.register(api)
    }

    struct CategoryOut: Content {
        let code: String
        let name: String
        let directDispatch: Bool
        let responseDays: Int
        let reviewDays: Int
        let handlingDays: Int
    }

    struct CategoryInput: StrictInput {
        static let fields: Set<String> = [
            "nameZh", "nameEn", "directDispatch", "responseDays", "reviewDays", "handlingDays", "active",
        ]
        let nameZh: String?
        let nameEn: String?
        let directDispatch: Bool?
        let responseDays: Int?
        let reviewDays: Int?
        let handlingDays: Int?
        let active: Bool?
    }

    /// The district sets each category's limits in working days and whether the grid may dispatch it directly.
    @Sendable static func updateCategory(_ req: Request) async throws -> CategoryOut {
        try await updateCategory(req.caller, code: req.parameters.get("code") ?? "", try req.decodeStrict())
    }

    static func updateCategory(_ caller: Caller, code: String, _ i: CategoryInput) async throws -> CategoryOut {
        let v = try await caller.requireDistrictSettings("request category \(code)")
        guard let c = try await RequestCategory.query(on: caller.db).filter(\.$code == code).first() else {
            throw AppError.notFound()
        }
        let before = ["responseDays": c.responseDays, "reviewDays": c.reviewDays, "handlingDays": c.handlingDays]
        for (value, field) in [
            (i.responseDays, "responseDays"), (i.reviewDays, "reviewDays"), (i.handlingDays, "handlingDays"),
        ] {
            if let value, !(1...60).contains(value) { throw AppError.invalid(.errorCalendarCount, field: field) }
        }
        if let n = i.nameZh { c.nameZh = try TreeRules.validName(n) }
        if let n = i.nameEn { c.nameEn = try TreeRules.validName(n) }
        if let d = i.directDispatch { c.directDispatch = d }
        if let d = i.responseDays { c.responseDays = d }
        if let d = i.reviewDays { c.reviewDays = d }
        if let d = i.handlingDays { c.handlingDays = d }
        if let a = i.active { c.active = a }
        try await caller.db.writing { db in
            try await c.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .requestCategory, id: c.id!, label: c.code,
                scopePath: v.node.path,
                before: before,
                after: ["responseDays": c.responseDays, "reviewDays": c.reviewDays, "handlingDays": c.handlingDays])
        }
        return CategoryOut(
            code: c.code, name: c.name(caller.lang), directDispatch: c.directDispatch, responseDays: c.responseDays,
            reviewDays: c.reviewDays, handlingDays: c.handlingDays)
    }

    @Sendable static func categories(_ req: Request) async throws -> [CategoryOut] {
        try await RequestCategory.query(on: req.db).filter(\.$active == true).sort(\.$id).all().map {
            CategoryOut(
                code: $0.code, name: $0.name(req.lang), directDispatch: $0.directDispatch,
                responseDays: $0.responseDays, reviewDays: $0.reviewDays, handlingDays: $0.handlingDays)
        }
    }

    static func out(_ rs: [ServiceRequest], _ caller: Caller) async throws -> [RequestOut] {
        try await out(rs, viewer: try caller.requireViewer(), lang: caller.lang, on: caller.db, now: caller.now)
    }

    static func out(_ rs: [ServiceRequest], viewer v: Viewer, lang: Lang, on db: any Database, now: Date) async throws
        -> [RequestOut]
    {
        let cats = Dictionary(
            uniqueKeysWithValues: try await RequestCategory.query(on: db).all().map { ($0.code, $0.name(lang)) })
        let gids = Array(Set(rs.map(\.gridID)))
        let grids = try await PlacesQueries.gridNames(gids, on: db)
        let cids = Array(Set(rs.map(\.communityNodeID)))
        let comms =
            cids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: db).filter(\.$id ~~ cids).all().map {
                    ($0.id!, $0.name)
                })
        return rs.map { r in
            let others = RequestAccess.isAnotherResidents(r, for: v)
            return RequestOut(
                id: r.id!, number: r.number, kind: r.kind, category: r.category,
                categoryLabel: cats[r.category] ?? r.category, text: others && !r.isPublic ? "" : r.text,
                lat: others ? nil : r.lat, lng: others ? nil : r.lng, gridID: r.gridID,
                gridName: grids[r.gridID], communityName: comms[r.communityNodeID], channel: r.channel,
                isPublic: r.isPublic,
                state: r.state, level: r.level,
                stepDeadline: r.stepDeadline,
                overdue: r.state.isOpen && r.state != .resolved && (r.stepDeadline.map { $0 < now } ?? false),
                supervised: r.supervised, rating: r.rating, unrated: r.unrated, reopenCount: r.reopenCount,
                mergedIntoID: r.mergedIntoID, raisedAt: r.raisedAt, mine: r.reporterUserID == v.user.id)
        }
    }

    static func detail(_ r: ServiceRequest, _ caller: Caller) async throws -> Detail {
        try await detail(r, viewer: try caller.requireViewer(), lang: caller.lang, on: caller.db, now: caller.now)
    }

    static func detail(_ r: ServiceRequest, viewer v: Viewer, lang: Lang, on db: any Database, now: Date) async throws
        -> Detail
    {
        let events = try await RequestEvent.query(on: db).filter(\.$requestID == r.id!).sort(\.$id).all()
        let cal = try? await Calendars.load(on: db)
        var previous: Date?
        let others = RequestAccess.isAnotherResidents(r, for: v)
        let eventsOut = events.map { e -> EventOut in
            // (photos of a step are listed in `photos` with its event id)
            defer { previous = e.at }
            if others, let reporter = r.reporterUserID, e.actorUserID == reporter {
                return EventOut(
                    id: e.id!, at: e.at, actorName: lang.t(.requestAnotherResident), action: e.action,
                    fromState: e.fromState, toState: e.toState,
                    note: "",
                    deadline: e.deadline, workingDays: nil)
            }
            let days = previous.flatMap { p in
                try? cal?.workingDays(from: p.timeIntervalSince1970, to: e.at.timeIntervalSince1970)
            }
            let note =
                e.action == .requestExtension
                ? e.note.split(separator: "|", maxSplits: 1).map(String.init).reversed().joined(separator: " · ")
                : e.note
            return EventOut(
                id: e.id!, at: e.at, actorName: e.actorName, action: e.action,
                fromState: e.fromState,
                toState: e.toState, note: note, deadline: e.deadline, workingDays: days)
        }
        let assignments = try await RequestAssignment.query(on: db).filter(\.$requestID == r.id!).sort(\.$id).all()
        let units = try await UnitsQueries.names(assignments.map(\.unitID), on: db)
        let category = try await RequestCategory.query(on: db).filter(\.$code == r.category).first()
        let mine = try await RequestAccess.myUnitIDs(v, on: db)
        let active = assignments.filter { [.pending, .accepted].contains($0.status) }.map(\.unitID)
        let allowed = RequestWorkflow.allowed(from: r.facts).filter {
            RequestAccess.may(v, $0, r, category: category, myUnits: mine, assignedUnits: active)
        }
        return Detail(
            request: try await out([r], viewer: v, lang: lang, on: db, now: now)[0], events: eventsOut,
            assignments: assignments.map {
                AssignmentOut(
                    unitID: $0.unitID, unitName: units[$0.unitID] ?? "", status: $0.status, deadline: $0.deadline)
            },
            allowedActions: allowed,
            photos: try await RequestPhotos.refs(r.id!, on: db).filter { !others || $0.eventID != nil })
    }

    /// Shown before a resident submits, and to staff for merging: likely duplicates, closed ones included.
    @Sendable static func similar(_ req: Request) async throws -> [PublicOut] {
        let v = try req.requireViewer()
        guard let category = req.query[String.self, at: "category"], !category.isEmpty else {
            throw AppError.badRequest(.errorRequestCategory)
        }
        let text = req.query[String.self, at: "text"] ?? ""
        var point: Coordinate?
        let lat = try req.number("lat")
        let lng = try req.number("lng")
        if (lat == nil) != (lng == nil) { throw AppError.badRequest(.errorGeoLatlng) }
        if let la = lat, let ln = lng {
            point = Coordinate(lat: la, lng: ln)
            guard point!.isValid else { throw AppError.badRequest(.errorGeoRange) }
        }
        var household: Int?
        if let hid = try optionalInt(req, "householdId") {
            household = try await RequestService.household(hid, req.caller).id
        }
        if household == nil, point == nil, let pid = v.user.personID {
            household = try await PeopleQueries.householdID(ofPerson: pid, on: req.db)
        }
        let found = try await RequestService.similar(
            v, on: req.db, category: category, text: text, point: point, householdID: household, gridID: nil,
            now: req.clock.now)
        let outs = try await out(found, req.caller)
        let counts = try await RequestsQueries.supportCounts(found.compactMap(\.id), on: req.db)
        return outs.map { o in
            PublicOut(
                number: o.number, categoryLabel: o.categoryLabel, text: o.isPublic || o.mine ? o.text : "",
                gridName: o.gridName,
                state: o.state, raisedAt: o.raisedAt, supporters: counts[o.id] ?? 0, events: [])
        }
    }

    @Sendable static func figures(_ req: Request) async throws -> RequestFiguresService.Out {
        let node = try optionalInt(req, "nodeId")
        return try await RequestFiguresService.compute(req.caller, nodeID: node, period: try period(req))
    }

    /// `from` and `to` in the query: the days requests were raised, both included.
    static func period(_ req: Request) throws -> RequestFiguresService.Period {
        let p = RequestFiguresService.Period(
            from: try req.queryDate("from", endOfDay: false), to: try req.queryDate("to", endOfDay: true))
        if let from = p.from, let to = p.to, from >= to {
            throw AppError.badRequest(.errorDateParam, args: ["to", req.query[String.self, at: "to"] ?? ""])
        }
        return p
    }

    static func optionalInt(_ req: Request, _ key: String) throws -> Int? {
        guard let raw = req.query[String.self, at: key], !raw.isEmpty else { return nil }
        guard let v = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
        return v
    }

    /// The list's conditions from the query string: a metric of the figures (in a node or grid), or a state and
    /// grid with a page.
    struct ListFilter: Sendable {
        var metric: RequestMetric?
        var nodePath: String?
        var gridID: Int?
        var state: RequestState?
        var period = RequestFiguresService.Period.all
        /// The desk's queues: open requests past their step's deadline, and those under supervision (督办).
        var overdue = false
        var supervised = false
        var page = PageRequest(number: 1, size: RequestsAPI.pageSize)
    }

    /// The same predicates the list and the home's queue figures count with.
    static func queue(_ q: QueryBuilder<ServiceRequest>, overdue: Bool, supervised: Bool, now: Date)
        -> QueryBuilder<ServiceRequest>
    {
        if overdue || supervised { q.filter(\.$state !~ [.resolved, .closed, .merged]) }
        if overdue { q.filter(\.$stepDeadline < now) }
        if supervised { q.filter(\.$supervised == true) }
        return q
    }

    static func listFilter(_ req: Request) async throws -> ListFilter {
        var f = ListFilter()
        if let raw = req.query[String.self, at: "metric"], !raw.isEmpty {
            guard let metric = RequestMetric(rawValue: raw) else {
                throw AppError.badRequest(.errorEnum, args: ["metric", raw])
            }
            f.metric = metric
            let nodeID = try optionalInt(req, "nodeId")
            f.gridID = try optionalInt(req, "gridId")
            f.nodePath = try await nodeID.asyncMap { try await OrgQueries.findInScope($0, req.caller).path }
            f.period = try period(req)
            return f
        }
        if let raw = req.query[String.self, at: "state"], !raw.isEmpty {
            guard let s = RequestState(rawValue: raw) else {
                throw AppError.badRequest(.errorEnum, args: ["state", raw])
            }
            f.state = s
        }
        if let raw = req.query[String.self, at: "gridId"], !raw.isEmpty {
            guard let g = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
            f.gridID = g
        }
        f.overdue = try req.flag("overdue") ?? false
        f.supervised = try req.flag("supervised") ?? false
        f.page = try req.pageRequest(size: pageSize)
        return f
    }

    /// The requests of the list a viewer asked for, newest first.
    /// One page of the requests the filter asks for, newest first, with the total; a figure's requests all at once.
    static func listed(_ f: ListFilter, viewer v: Viewer, on db: any Database, now: Date) async throws
        -> Paged<ServiceRequest>
    {
        if let metric = f.metric {
            let all = try await RequestFiguresService.list(
                v, nodePath: f.nodePath, gridID: f.gridID, metric: metric, period: f.period, on: db, now: now)
            return .whole(all)
        }
        let q = try await RequestAccess.scoped(v, on: db)
        if let s = f.state { q.filter(\.$state == s) }
        if let g = f.gridID { q.filter(\.$gridID == g) }
        _ = queue(q, overdue: f.overdue, supervised: f.supervised, now: now)
        return try await q.sort(\.$raisedAt, .descending).sort(\.$id, .descending).paged(f.page)
    }

    @Sendable static func list(_ req: Request) async throws -> Paged<RequestOut> {
        let v = try req.requireViewer()
        let f = try await listFilter(req)
        let now = req.clock.now
        let page = try await listed(f, viewer: v, on: req.db, now: now)
        let rows = try await out(page.rows, viewer: v, lang: req.lang, on: req.db, now: now)
        return Paged(rows: rows, total: page.total, asked: page.asked)
    }

    static let pageSize = 50

    @Sendable static func raise(_ req: Request) async throws -> Response {
        let r = try await RequestService.raise(req.caller, try req.decodeStrict(RequestService.RaiseInput.self))
        return try await detail(r, req.caller).encodeResponse(status: .created, for: req)
    }

    @Sendable static func show(_ req: Request) async throws -> Detail {
        try await detail(try await RequestAccess.find(try req.intParameter("id"), req.caller), req.caller)
    }

    @Sendable static func act(_ req: Request) async throws -> Detail {
        let id = try req.intParameter("id")
        guard let action = RequestAction(rawValue: req.parameters.get("action") ?? ""), action != .raise,
            action != .closeUnrated
        else {
            throw AppError.badRequest(.errorEnum, args: ["action", req.parameters.get("action") ?? ""])
        }
        let input =
            req.body.data == nil ? RequestService.ActionInput() : try req.decodeStrict(RequestService.ActionInput.self)
        return try await detail(
            try await RequestService.perform(req.caller, id: id, action: action, input), req.caller)
    }

    /// Public requests of the viewer's community, with no personal data (FixMyStreet-style).
    /// The community whose public requests a viewer sees: the one asked for, their home grid's, or their node's.
    static func publicCommunityID(_ req: Request) async throws -> Int? {
        let v = try req.requireViewer()
        if let raw = req.query[String.self, at: "communityId"], !raw.isEmpty {
            guard let c = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
            return c
        } else if let g = try await PlacesQueries.homeGrid(of: v, on: req.db) {
            return g.communityNodeID
        } else if v.node.kind == .communityCommittee {
            return v.node.id
        }
        return nil
    }

    /// A community's public requests, newest first, with their steps.
    static func publicRequests(_ communityID: Int?, viewer v: Viewer, lang: Lang, on db: any Database, now: Date)
        async throws -> [PublicOut]
    {
        guard let communityID else { return [] }
        let rs = try await ServiceRequest.query(on: db).filter(\.$communityNodeID == communityID)
            .filter(\.$isPublic == true).filter(\.$state != .merged).sort(\.$raisedAt, .descending).limit(200).all()
        let outs = try await out(rs, viewer: v, lang: lang, on: db, now: now)
        let counts = try await RequestsQueries.supportCounts(rs.compactMap(\.id), on: db)
        var result: [PublicOut] = []
        for (r, o) in zip(rs, outs) {
            let events = try await RequestEvent.query(on: db).filter(\.$requestID == r.id!).sort(\.$id).all()
            result.append(
                PublicOut(
                    number: o.number, categoryLabel: o.categoryLabel, text: o.text, gridName: o.gridName,
                    state: o.state, raisedAt: o.raisedAt, supporters: counts[r.id!] ?? 0,
                    events: events.map {
                        PublicEvent(at: $0.at, action: $0.action, toState: $0.toState)
                    }))
        }
        return result
    }

    @Sendable static func publicList(_ req: Request) async throws -> [PublicOut] {
        let v = try req.requireViewer()
        return try await publicRequests(
            try await publicCommunityID(req), viewer: v, lang: req.lang, on: req.db, now: req.clock.now)
    }

    /// What waits on the viewer, overdue first, then by deadline.
    /// What waits on the viewer: open requests whose next step they may take, overdue first, then by deadline.
    static func todoList(_ v: Viewer, lang: Lang, on db: any Database, now: Date) async throws -> [Todo] {
        let q = try await RequestAccess.scoped(v, on: db)
        let open = try await q.filter(\.$state != .closed).filter(\.$state != .merged).all()
        let mine = try await RequestAccess.myUnitIDs(v, on: db)
        let categories = Dictionary(
            uniqueKeysWithValues: try await RequestCategory.query(on: db).all().map { ($0.code, $0) })
        var activeUnits: [Int: [Int]] = [:]
        for chunk in open.compactMap(\.id).chunked(500) {
            for a in try await RequestAssignment.query(on: db).filter(\.$requestID ~~ chunk).filter(
                \.$status ~~ [.pending, .accepted]
            ).all() {
                activeUnits[a.requestID, default: []].append(a.unitID)
            }
        }
        var todos: [(ServiceRequest, String)] = []
        for r in open {
            let category = categories[r.category]
            let active = activeUnits[r.id!] ?? []
            let next: RequestAction? =
                switch r.state {
                case .raised: .take
                case .gridReview:
                    r.assigneeUserID == v.user.id || RequestAccess.communityRoles.contains(v.role) ? .settle : nil
                case .meetingDecision: .decide
                case .escalated: .dispatch
                case .dispatched: .accept
                case .handling: r.pendingExtension ? .approveExtension : .complete
                case .resolved: .rate
                default: nil
                }
            if let next, RequestAccess.may(v, next, r, category: category, myUnits: mine, assignedUnits: active) {
                todos.append((r, lang.t(key: next.labelKey)))
            }
        }
        todos.sort { a, b in
            let dueA = a.0.stepDeadline ?? .distantFuture
            let dueB = b.0.stepDeadline ?? .distantFuture
            return ((dueA < now ? 0 : 1), dueA) < ((dueB < now ? 0 : 1), dueB)
        }
        let outs = try await out(todos.map(\.0), viewer: v, lang: lang, on: db, now: now)
        return zip(outs, todos).map { Todo(request: $0, waitingFor: $1.1) }
    }

    @Sendable static func todos(_ req: Request) async throws -> [Todo] {
        try await todoList(try req.requireViewer(), lang: req.lang, on: req.db, now: req.clock.now)
    }
}
