import Fluent
import SQLKit
import Vapor

/// Raising requests and moving them along the five steps. Every step is one transaction: the request's facts
/// change only if nobody changed them meanwhile (a version check), and the event is written with them.
enum RequestService {
    struct RaiseInput: StrictInput, Content {
        static let fields: Set<String> = [
            "kind", "category", "text", "lat", "lng", "householdID", "gridID", "isPublic", "channel",
            "reporterPersonID", "placeNote",
        ]
        var kind: RequestKind?
        var category: String?
        var text: String?
        var lat: Double?
        var lng: Double?
        var householdID: Int?
        var gridID: Int?
        var isPublic: Bool?
        var channel: RequestChannel?
        var reporterPersonID: Int?
        /// Where, in words: a house number, a building, a landmark nearby.
        var placeNote: String?
    }

    static let maxPlaceNote = 100

    struct ActionInput: StrictInput, Content {
        static let fields: Set<String> = ["note", "unitIDs", "workingDays", "rating", "meetingID", "mergeInto"]
        var note: String?
        var unitIDs: [Int]?
        var workingDays: Int?
        var rating: Rating?
        var meetingID: Int?
        var mergeInto: Int?
    }

    static let maxText = 2_000

    static func raise(_ caller: Caller, _ input: RaiseInput) async throws -> ServiceRequest {
        try await raise(StepContext(caller), input)
    }

    /// A person raises a request: the context's caller answers for the scope checks (and their access log).
    static func raise(_ ctx: StepContext, _ input: RaiseInput) async throws -> ServiceRequest {
        let caller = try ctx.callerForUserAction()
        let db = ctx.db
        let v = try caller.requireViewer()
        var problems: [String: String] = [:]
        let text = input.text?.trimmingWhitespace() ?? ""
        if text.isEmpty {
            problems["text"] = "error.request.text"
        } else if text.count > maxText {
            problems["text"] = "error.request.textLong"
        }
        if input.kind == nil { problems["kind"] = "error.request.kind" }
        let placeNote = input.placeNote?.trimmingWhitespace() ?? ""
        if placeNote.count > maxPlaceNote { problems["placeNote"] = "error.request.placeNote" }
        var category: RequestCategory?
        if let code = input.category, !code.isEmpty {
            category = try await RequestCategory.query(on: db).filter(\.$code == code).filter(\.$active == true)
                .first()
            if category == nil { problems["category"] = "error.request.category" }
        } else {
            problems["category"] = "error.request.category"
        }
        if let e = AppError.fields(problems) { throw e }
        // Staff raise on a resident's behalf from a visit, the hotline, a patrol or a walk-in.
        let staff = !v.role.usesPhoneLayout || v.role == .gridWorker || RequestAccess.gridRoles.contains(v.role)
        let channel: RequestChannel = staff ? (input.channel ?? .walkIn) : .app
        if staff && channel == .app { throw AppError.invalid(.errorRequestChannel, field: "channel") }

        // Where: a point, a household, or (for a resident) their own household.
        var grid: GridSummary?
        var householdID = input.householdID
        let household = try await input.householdID.asyncMap { try await Self.household($0, caller) }
        if let lat = input.lat, let lng = input.lng {
            let p = Coordinate(lat: lat, lng: lng)
            guard p.isValid else { throw AppError.invalid(.errorGeoRange, field: "lat") }
            let (index, _) = try await ctx.places.current(on: db)
            let hit = index.containing(p).first ?? index.nearest(p, maxMetres: PlacesAPI.nearestWithinMetres)?.id
            guard let id = hit else { throw AppError.invalid(.errorGeoOutside, field: "lat") }
            grid = try await PlacesQueries.gridSummary(id, on: db)
        } else if staff, let gid = input.gridID {
            grid = try await PlacesQueries.scopedGrid(gid, field: "gridId", caller)
        } else if let household {
            grid = try await PlacesQueries.gridSummary(household.gridID, on: db)
        } else if !staff, let pid = v.user.personID,
            let hid = try await PeopleQueries.householdID(ofPerson: pid, on: db)
        {
            householdID = hid
            if let h = try await PlacesQueries.household(hid, on: db) {
                grid = try await PlacesQueries.gridSummary(h.gridID, on: db)
            }
        }
        guard let grid else { throw AppError.invalid(.errorRequestWhere, field: "lat") }
        if staff, !v.scope.includes(TreePath(grid.path)) {
            throw await caller.forbidden("raise in grid \(grid.id)", scopePath: grid.path)
        }
        if let pid = input.reporterPersonID { _ = try await PeopleQueries.visibleBrief(pid, caller) }

        return try await create(
            ctx, kind: input.kind!, category: category!, text: text, lat: input.lat, lng: input.lng,
            householdID: householdID, grid: grid, reporterUserID: staff ? nil : v.user.id,
            reporterPersonID: staff ? input.reporterPersonID : v.user.personID, channel: channel,
            isPublic: input.isPublic ?? false, actor: v, actorName: nil, placeNote: placeNote.isEmpty ? nil : placeNote
        )
    }

    /// The one door every channel enters by: the request, its first deadline and its first event.
    static func create(
        _ ctx: StepContext, kind: RequestKind, category: RequestCategory, text: String, lat: Double?, lng: Double?,
        householdID: Int?, grid: GridSummary, reporterUserID: Int?, reporterPersonID: Int?, channel: RequestChannel,
        isPublic: Bool, actor: Viewer?, actorName: String?, placeNote: String? = nil
    ) async throws -> ServiceRequest {
        let now = ctx.caller.now
        let r = ServiceRequest()
        r.kind = kind
        r.category = category.code
        r.text = text
        r.lat = lat
        r.lng = lng
        r.householdID = householdID
        r.placeNote = placeNote
        r.gridID = grid.id
        r.communityNodeID = grid.communityNodeID
        r.path = grid.path
        r.reporterUserID = reporterUserID
        r.reporterPersonID = reporterPersonID
        r.channel = channel
        r.isPublic = isPublic
        r.state = .raised
        r.level = EscalationLevel.community.rawValue
        r.reopenCount = 0
        r.pendingExtension = false
        r.supervised = false
        r.unrated = false
        r.version = 0
        r.raisedAt = now
        var warnings: [String] = []
        r.stepDeadline = try await Calendars.softDeadline(
            on: ctx.db, logger: ctx.logger, from: now, workingDays: category.responseDays, warnings: &warnings)
        let note = warnings.joined(separator: " ")
        let webhook = ctx.webhook
        try await ctx.db.writing { db in
            try await r.create(on: db)
            try await event(
                r, action: .raise, from: nil, to: .raised, note: note, deadline: r.stepDeadline, by: actor, at: now,
                on: db,
                actorName: actorName)
            try await Notify.step(.raise, .init(r), webhook: webhook, at: now, on: db)
        }
        return r
    }

    /// A unit may take a request dispatched by someone who can see it (in their subtree or shared), or when it
    /// stands above the request on the tree (a street's or the district's departments). A unit of another street
    /// or community is neither used nor confirmed to exist.
    /// A household id from a client: in the staff member's scope, or a resident's own. Another family's id is
    /// neither used nor confirmed to exist.
    static func household(_ id: Int, _ caller: Caller) async throws -> PlacesQueries.HouseholdSummary {
        let v = try caller.requireViewer()
        guard v.scope.isSelfOnly else {
            return try await PlacesQueries.scopedHousehold(id, field: "householdId", caller)
        }
        var own: Int?
        if let pid = v.user.personID { own = try await PeopleQueries.householdID(ofPerson: pid, on: caller.db) }
        let found = try await PlacesQueries.household(id, on: caller.db)
        guard own == id, let found else {
            if found != nil {
                await AccessLog.write(caller, .outOfScopeRead, detail: "household \(id) in householdId")
            }
            throw AppError.invalid(.errorRefUnknown, field: "householdId")
        }
        return found
    }

    /// A request handed to more units than this is not dispatched but broadcast.
    static let maxHandlers = 20

    static func checkHandler(_ unitID: Int, for r: ServiceRequest, _ caller: Caller) async throws {
        let v = try caller.requireViewer()
        guard let unit = try await UnitsQueries.activeHandler(unitID, on: caller.db) else {
            throw AppError.invalid(.errorRequestHandlers, field: "unitIds")
        }
        let path = TreePath(unit.path)
        if v.scope.includes(path) || path.contains(TreePath(r.path)) { return }
        let detail = "dispatch request \(r.id ?? 0) to unit \(unitID)"
        await AccessLog.write(caller, .forbiddenChange, detail: detail, scopePath: unit.path)
        throw AppError.invalid(.errorRequestHandlers, field: "unitIds")
    }

    static func event(
        _ r: ServiceRequest, action: RequestAction, from: RequestState?, to: RequestState, note: String,
        deadline: Date?, by v: Viewer?, at now: Date, on db: Database, actorName: String? = nil
    ) async throws {
        let e = RequestEvent()
        e.requestID = r.id!
        e.at = now
        e.actorUserID = v?.user.id
        e.actorName = actorName ?? v.map { "\($0.user.displayName)" } ?? "system"
        e.action = action
        e.fromState = from
        e.toState = to
        e.note = note
        e.deadline = deadline
        try await e.create(on: db)
    }

    /// Saves the request's new facts only if its version is still the one read: of two people taking the same
    /// request at the same moment, exactly one succeeds.
    static func saveIfUnchanged(_ r: ServiceRequest, readVersion: Int, on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { throw AppError.conflict(.errorRequestChanged) }
        struct Row: Decodable { let id: Int }
        let updated = try await sql.raw(
            """
            UPDATE service_requests SET state = \(bind: r.state.rawValue), level = \(bind: r.level), reopen_count = \
            \(bind: r.reopenCount),
            dispatched_from = \(bind: r.dispatchedFrom?.rawValue), pending_extension = \(bind: r.pendingExtension),
            assignee_user_id = \(bind: r.assigneeUserID), step_deadline = \(bind: r.stepDeadline), supervised = \
            \(bind: r.supervised),
            merged_into_id = \(bind: r.mergedIntoID), rating = \(bind: r.rating?.rawValue), rating_comment = \
            \(bind: r.ratingComment),
            unrated = \(bind: r.unrated), taken_at = \(bind: r.takenAt), resolved_at = \(bind: r.resolvedAt), \
            closed_at = \(bind: r.closedAt),
            version = \(bind: readVersion + 1)
            WHERE id = \(bind: r.id!) AND version = \(bind: readVersion) RETURNING id
            """
        ).all(decoding: Row.self)
        guard updated.count == 1 else { throw AppError.conflict(.errorRequestChanged) }
        r.version = readVersion + 1
    }

    /// What a step needs besides its input: who acts, the database, the settings and the webhook outbox.
    struct StepContext: Sendable {
        /// Who acts, for scoped look-ups and the access log; without a viewer it is the system (the sweeper).
        var caller: Caller
        var reopenLimit: Int
        var webhook: WebhookConfig?
        /// Where a point lies (raising from a point).
        var places: PlacesIndex

        var viewer: Viewer? { caller.viewer }
        var db: any Database { caller.db }
        var logger: Logger { caller.logger }
        var lang: Lang { caller.lang }
        var isSystem: Bool { caller.viewer == nil }

        init(_ caller: Caller) {
            self.caller = caller
            let app = caller.application
            reopenLimit = app.storage[WorkflowSettingsKey.self]?.reopenLimit ?? RequestWorkflow.defaultReopenLimit
            webhook = app.storage[WebhookConfigKey.self]
            places = app.placesIndex
        }

        /// The system acting on its own, as the sweeper does.
        init(system app: Application) {
            self.init(Caller.system(app, path: "system: request sweep"))
        }

        /// Steps only a person takes (dispatching, merging) need the caller's scope and access log.
        func callerForUserAction() throws -> Caller {
            guard caller.viewer != nil else { throw AppError.forbidden() }
            return caller
        }
    }

    static func perform(_ caller: Caller, id: Int, action: RequestAction, _ input: ActionInput) async throws
        -> ServiceRequest
    {
        try await perform(StepContext(caller), id: id, action: action, input)
    }

    /// One step of a request. A context without a caller is the system: no permission check, no actor.
    static func perform(_ ctx: StepContext, id: Int, action: RequestAction, _ input: ActionInput) async throws
        -> ServiceRequest
    {
        let v = ctx.viewer
        let system = ctx.isSystem
        let r: ServiceRequest
        if !system {
            r = try await RequestAccess.find(id, ctx.caller)
        } else {
            guard let found = try await ServiceRequest.find(id, on: ctx.db) else { throw AppError.notFound() }
            r = found
        }
        let category = try await RequestCategory.query(on: ctx.db).filter(\.$code == r.category).first()
        let assignments = try await RequestAssignment.query(on: ctx.db).filter(\.$requestID == id).all()
        if let v {
            let mine = try await RequestAccess.myUnitIDs(v, on: ctx.db)
            let active = assignments.filter { [.pending, .accepted].contains($0.status) }.map(\.unitID)
            guard RequestAccess.may(v, action, r, category: category, myUnits: mine, assignedUnits: active) else {
                throw await ctx.caller.forbidden("request \(id) \(action.rawValue)", scopePath: r.path)
            }
        }
        let note = try FormText.text(input.note, field: "note", max: maxText, required: false)
        let from = r.state
        let readVersion = r.version
        let next: RequestFacts
        do {
            next = try RequestWorkflow.apply(
                action, to: r.facts, rating: input.rating,
                reopenLimit: ctx.reopenLimit)
        } catch {
            throw AppError(
                status: .conflict, code: "conflict", messageKey: error.messageKey,
                args: [ctx.lang.t(key: action.labelKey), ctx.lang.t(key: from.labelKey)])
        }
        let now = ctx.caller.now
        var deadline: Date?
        var warnings: [String] = []
        var newAssignments: [RequestAssignment] = []
        switch action {
        case .take:
            r.assigneeUserID = v?.user.id
            r.takenAt = now
            deadline = try await Calendars.softDeadline(
                on: ctx.db, logger: ctx.logger, from: now, workingDays: category?.reviewDays ?? 2, warnings: &warnings)
        case .settle, .complete:
            if note.isEmpty { throw AppError.invalid(.errorRequestResult, field: "note") }
            r.resolvedAt = now
        case .forward, .escalate:
            if note.isEmpty && action == .escalate { throw AppError.invalid(.errorRequestReason, field: "note") }
            deadline = try await Calendars.softDeadline(
                on: ctx.db, logger: ctx.logger, from: now, workingDays: 5, warnings: &warnings)
        case .dispatch, .decide:
            if action == .decide {
                guard let mid = input.meetingID,
                    try await MeetingsQueries.meetingForDecision(
                        id: mid, communityNodeID: r.communityNodeID, db: ctx.db)
                        != nil
                else {
                    throw AppError.invalid(.errorRequestMeeting, field: "meetingId")
                }
                if note.isEmpty { throw AppError.invalid(.errorRequestDecision, field: "note") }
            }
            let unitIDs = Array(Set(input.unitIDs ?? []))
            if unitIDs.isEmpty || unitIDs.count > maxHandlers {
                throw AppError.invalid(.errorRequestHandlers, field: "unitIds")
            }
            let days = input.workingDays ?? category?.handlingDays ?? 5
            guard (1...60).contains(days) else { throw AppError.invalid(.errorCalendarCount, field: "workingDays") }
            deadline = try await Calendars.softDeadline(
                on: ctx.db, logger: ctx.logger, from: now, workingDays: days, warnings: &warnings)
            for uid in unitIDs {
                try await checkHandler(uid, for: r, try ctx.callerForUserAction())
                let a = RequestAssignment()
                a.requestID = id
                a.unitID = uid
                a.status = .pending
                // calendar days when no calendar
                a.deadline = deadline ?? now.addingTimeInterval(Double(days) * 86_400)
                newAssignments.append(a)
            }
        case .returnDispatch:
            if note.isEmpty { throw AppError.invalid(.errorRequestReason, field: "note") }
        case .requestExtension:
            guard let days = input.workingDays, (1...30).contains(days) else {
                throw AppError.invalid(.errorCalendarCount, field: "workingDays")
            }
        case .approveExtension:
            let asked = try await RequestEvent.query(on: ctx.db).filter(\.$requestID == id).filter(
                \.$action == .requestExtension
            )
            .sort(\.$id, .descending).first()
            let days = asked.flatMap { Int($0.note.split(separator: "|").first ?? "") } ?? 3
            let base = r.stepDeadline ?? now
            deadline = try await Calendars.softDeadline(
                on: ctx.db, logger: ctx.logger, from: base, workingDays: days, warnings: &warnings)
        case .rate:
            guard input.rating != nil else { throw AppError.invalid(.errorRequestRating, field: "rating") }
            r.rating = input.rating
            r.ratingComment = note.isEmpty ? nil : note
        case .merge:
            guard let target = input.mergeInto, target != id else {
                throw AppError.invalid(.errorRequestMergeTarget, field: "mergeInto")
            }
            let other = try await RequestAccess.find(target, try ctx.callerForUserAction())
            guard other.state.isOpen else { throw AppError.invalid(.errorRequestMergeTarget, field: "mergeInto") }
            r.mergedIntoID = other.id
        case .supervise:
            r.supervised = true
        case .closeUnrated:
            r.unrated = true
        default:
            break
        }
        r.state = next.state
        r.level = next.level.rawValue
        r.reopenCount = next.reopenCount
        r.dispatchedFrom = next.dispatchedFrom
        r.pendingExtension = next.pendingExtension
        if let deadline { r.stepDeadline = deadline }
        if action == .rate && next.state == .handling { r.resolvedAt = nil }
        if next.state == .closed && r.closedAt == nil { r.closedAt = now }
        if next.state == .handling && (action == .rate || action == .reopen) {
            r.stepDeadline = try await Calendars.softDeadline(
                on: ctx.db, logger: ctx.logger, from: now, workingDays: category?.handlingDays ?? 5,
                warnings: &warnings
            )
        }
        let fullNote = ([note] + warnings).filter { !$0.isEmpty }.joined(separator: " ")
        let eventNote = action == .requestExtension ? "\(input.workingDays!)|\(fullNote)" : fullNote
        let stepDeadline = deadline
        let assignmentsToCreate = newAssignments
        try await ctx.db.writing { db in
            try await saveIfUnchanged(r, readVersion: readVersion, on: db)
            if action == .dispatch || action == .decide {
                try await RequestAssignment.query(on: db).filter(\.$requestID == id).filter(
                    \.$status ~~ [.pending, .accepted]
                ).set(\.$status, to: .withdrawn).update()
                try await assignmentsToCreate.create(on: db)
            }
            if action == .accept || action == .returnDispatch || action == .complete, let v {
                let mine = try await RequestAccess.myUnitIDs(v, on: db)
                let status: RequestAssignment.Status =
                    action == .accept ? .accepted : action == .complete ? .completed : .returned
                let q = RequestAssignment.query(on: db).filter(\.$requestID == id).filter(
                    \.$status ~~ [.pending, .accepted])
                if !mine.isEmpty { q.filter(\.$unitID ~~ mine) }
                try await q.set(\.$status, to: status).update()
            }
            // Done: handlers still waiting or working are released, so nothing stays open under a resolved request.
            if r.state == .resolved || r.state == .closed || r.state == .merged {
                try await RequestAssignment.query(on: db).filter(\.$requestID == id).filter(
                    \.$status ~~ [.pending, .accepted]
                ).set(\.$status, to: .withdrawn).update()
            }
            // Reopened after an unsatisfied rating: the same handlers take it up again.
            if (action == .rate || action == .reopen) && r.state == .handling {
                try await RequestAssignment.query(on: db).filter(\.$requestID == id).filter(\.$status == .completed)
                    .set(\.$status, to: .accepted).update()
            }
            if action == .escalate {
                try await RequestAssignment.query(on: db).filter(\.$requestID == id).filter(
                    \.$status ~~ [.pending, .accepted]
                ).set(\.$status, to: .withdrawn).update()
            }
            let fromState: RequestState? = from
            try await event(
                r, action: action, from: fromState, to: r.state, note: eventNote, deadline: stepDeadline,
                by: system ? nil : v, at: now, on: db)
            try await Notify.step(action, .init(r), webhook: ctx.webhook, at: now, on: db)
        }
        return r
    }

    /// Likely duplicates of a request about to be raised (or already raised): same category, last 30 days,
    /// closed ones included, nearby or in the same building, with a similar description.
    static func similar(
        _ v: Viewer, on db: any Database, category: String, text: String, point: Coordinate?, householdID: Int?,
        gridID: Int?, excluding: Int? = nil, now: Date
    ) async throws -> [ServiceRequest] {
        let since = now.addingTimeInterval(-30 * 86_400)
        let q = ServiceRequest.query(on: db).filter(\.$category == category).filter(\.$raisedAt >= since).filter(
            \.$state != .merged)
        if let gridID { q.filter(\.$gridID == gridID) }
        if let excluding { q.filter(\.$id != excluding) }
        let candidates = try await q.sort(\.$raisedAt, .descending).limit(300).all()
        let building =
            try await householdID.asyncMap { try await PlacesQueries.household($0, on: db)?.buildingID } ?? nil
        let hids = candidates.compactMap(\.householdID)
        let buildings = Dictionary(
            uniqueKeysWithValues: try await PlacesQueries.households(hids, on: db).map { ($0.id, $0.buildingID) })
        // Nobody learns of a request they could not otherwise see, unless it is public.
        let visible = Set(
            try await RequestAccess.scoped(v, on: db).filter(\.$id ~~ candidates.compactMap(\.id)).all().compactMap(
                \.id))
        return candidates.filter { c in
            guard c.isPublic || visible.contains(c.id!) else { return false }
            let metres: Double? = point.flatMap { p in
                c.lat.flatMap { lat in c.lng.map { Distance.metres(p, Coordinate(lat: lat, lng: $0)) } }
            }
            let sameBuilding = building != nil && c.householdID.flatMap { buildings[$0] } == building
            return Similarity.likelyDuplicate(
                sameCategory: true, daysApart: now.timeIntervalSince(c.raisedAt) / 86_400, metresApart: metres,
                sameBuilding: sameBuilding, textScore: Similarity.score(text, c.text))
        }
    }

    /// Closes requests not rated in time (counted as unrated, never as satisfied) and escalates overdue ones.
    /// Runs every few minutes in the server and on demand.
    static func sweep(_ app: Application) async throws -> (closed: Int, escalated: Int) {
        try await sweep(
            StepContext(system: app), unratedAfterDays: app.storage[WorkflowSettingsKey.self]?.unratedAfterDays ?? 7,
            now: app.clock.now)
    }

    static func sweep(_ ctx: StepContext, unratedAfterDays: Int, now: Date) async throws
        -> (closed: Int, escalated: Int)
    {
        let db = ctx.db
        var closed = 0
        var escalated = 0
        let stale = try await ServiceRequest.query(on: db).filter(\.$state == .resolved)
            .filter(\.$resolvedAt < now.addingTimeInterval(-Double(unratedAfterDays) * 86_400)).all()
        for r in stale {
            let note = ActionInput(note: Lang.zhHans.t(.requestAutoUnrated))
            if (try? await perform(ctx, id: r.id!, action: .closeUnrated, note)) != nil {
                closed += 1
            }
        }
        let overdue = try await ServiceRequest.query(on: db).filter(\.$state ~~ [.dispatched, .handling]).filter(
            \.$stepDeadline < now
        ).all()
        for r in overdue where (EscalationLevel(rawValue: r.level) ?? .community).next != nil {
            let note = ActionInput(note: Lang.zhHans.t(.requestAutoEscalated))
            if (try? await perform(ctx, id: r.id!, action: .escalate, note)) != nil {
                escalated += 1
            }
        }
        return (closed, escalated)
    }
}

struct WorkflowSettings: Sendable {
    var reopenLimit: Int
    var unratedAfterDays: Int
}
struct WorkflowSettingsKey: StorageKey { typealias Value = WorkflowSettings }
