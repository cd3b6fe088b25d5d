import Fluent
import GongzhiCore
import Vapor

/// The lists' JSON handlers: decode, call the service with `req.caller`, answer the record as it now stands.
enum ListsAPI {
    typealias S = ListsService
    typealias P = ProjectsService

    static func register(_ api: RoutesBuilder) {
        api.get(ListsRoute.apiItems, use: items)
        api.post(ListsRoute.apiItems, use: createItem)
        api.get(ListsRoute.apiItem(.key), use: item)
        api.get(ListsRoute.apiSuggestions(.key), use: suggestions)
        api.post(ListsRoute.apiClaims(.key), use: claim)
        api.post(ListsRoute.apiWithdrawClaim(.key, .key), use: withdrawClaim)
        api.post(ListsRoute.apiClose(.key), use: close)
        api.get(ListsRoute.apiResources, use: resources)
        api.post(ListsRoute.apiResources, use: createResource)
        api.get(ListsRoute.apiResource(.key), use: resource)
        api.post(ListsRoute.apiWithdrawResource(.key), use: withdrawResource)
        api.get(ListsRoute.apiProjects, use: projects)
        api.post(ListsRoute.apiProjects, use: createProject)
        api.get(ListsRoute.apiProject(.key), use: project)
        api.post(ListsRoute.apiMilestones(.key), use: addMilestone)
        api.post(ListsRoute.apiMilestoneDone(.key, .key), use: milestoneDone)
        api.post(ListsRoute.apiNotes(.key), use: addNote)
        api.post(ListsRoute.apiProjectState(.key), use: move)
        api.post(ListsRoute.apiProjectRate(.key), use: rate)
        api.get(ListsRoute.apiPhoto(.key, .key), use: photo)
    }

    struct ItemPage: Content {
        let items: [ListItemOut]
        let page: Int
        let more: Bool
        /// How many items pass the filter, on every page.
        let total: Int
    }

    @Sendable static func items(_ req: Request) async throws -> ItemPage {
        let f = try ListsQueryModels.filter(req)
        let items = try await ListsQueryModels.items(f, limit: ListFilter.pageSize, req.caller)
        return ItemPage(items: items.rows, page: f.page, more: items.hasNext, total: items.total)
    }

    @Sendable static func item(_ req: Request) async throws -> ListItemDetail {
        try await ListsQueryModels.detail(try req.intParameter("id"), req.caller)
    }

    private static func answer(_ id: Int, _ req: Request, status: HTTPStatus = .ok) async throws -> Response {
        try await ListsQueryModels.detail(id, req.caller).encodeResponse(status: status, for: req)
    }

    @Sendable static func createItem(_ req: Request) async throws -> Response {
        let i = try await S.createItem(req.caller, try req.decodeStrict(S.ItemInput.self))
        return try await answer(i.id!, req, status: .created)
    }

    @Sendable static func suggestions(_ req: Request) async throws -> [ListsMatching.Suggestion] {
        let (i, a) = try await S.item(try req.intParameter("id"), req.caller)
        guard (a.keeps && a.inScope(i.path)) || a.isLiaison else {
            throw await req.caller.forbidden("suggestions for list item \(i.id!)", scopePath: i.path)
        }
        return try await ListsMatching.suggestions(
            for: i, units: a.isLiaison ? a.unitIDs : nil, now: req.clock.now, on: req.db)
    }

    @Sendable static func claim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await S.claim(req.caller, itemID: id, try req.decodeStrict(S.ClaimInput.self))
        return try await answer(id, req, status: .created)
    }

    @Sendable static func withdrawClaim(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        try await S.withdrawClaim(req.caller, itemID: id, claimID: try req.intParameter("claimId"))
        return try await answer(id, req)
    }

    @Sendable static func close(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await S.closeItem(req.caller, id: id, try req.decodeStrict(S.CloseInput.self))
        return try await answer(id, req)
    }

    static func category(_ req: Request) throws -> ServiceCategory? {
        try req.queryValue("category", ServiceCategory.self)
    }

    static func search(_ req: Request) throws -> String? { try req.querySearch() }

    @Sendable static func resources(_ req: Request) async throws -> Paged<ListResourceOut> {
        try await ListsQueryModels.resources(
            category: try category(req), q: try search(req), includeWithdrawn: try req.flag("withdrawn") == true,
            page: try req.pageRequest(), req.caller)
    }

    private static func resourceAnswer(_ id: Int, _ req: Request, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let (r, a) = try await S.resource(id, req.caller)
        return try await ListsQueryModels.resourceOuts([r], a, on: req.db)[0].encodeResponse(status: status, for: req)
    }

    @Sendable static func resource(_ req: Request) async throws -> Response {
        try await resourceAnswer(try req.intParameter("id"), req)
    }

    @Sendable static func createResource(_ req: Request) async throws -> Response {
        let r = try await S.createResource(req.caller, try req.decodeStrict(S.ResourceInput.self))
        return try await resourceAnswer(r.id!, req, status: .created)
    }

    @Sendable static func withdrawResource(_ req: Request) async throws -> Response {
        let r = try await S.withdrawResource(req.caller, id: try req.intParameter("id"))
        return try await resourceAnswer(r.id!, req)
    }

    static func projectState(_ req: Request) throws -> ProjectState? {
        try req.queryValue("state", ProjectState.self)
    }

    @Sendable static func projects(_ req: Request) async throws -> Paged<ProjectSummary> {
        try await ProjectModels.list(state: try projectState(req), page: try req.pageRequest(), req.caller)
    }

    @Sendable static func project(_ req: Request) async throws -> ProjectDetail {
        try await ProjectModels.detail(try req.intParameter("id"), req.caller)
    }

    private static func projectAnswer(_ id: Int, _ req: Request, status: HTTPStatus = .ok) async throws -> Response {
        try await ProjectModels.detail(id, req.caller).encodeResponse(status: status, for: req)
    }

    @Sendable static func createProject(_ req: Request) async throws -> Response {
        let p = try await P.create(req.caller, try req.decodeStrict(P.ProjectInput.self))
        return try await projectAnswer(p.id!, req, status: .created)
    }

    @Sendable static func addMilestone(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        try await P.addMilestone(req.caller, projectID: id, try req.decodeStrict(P.MilestoneInput.self))
        return try await projectAnswer(id, req, status: .created)
    }

    struct DayInput: StrictInput {
        static let fields: Set<String> = ["on"]
        var on: String?
    }

    @Sendable static func milestoneDone(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(DayInput.self)
        try await P.completeMilestone(
            req.caller, projectID: id, milestoneID: try req.intParameter("milestoneId"), on: input.on)
        return try await projectAnswer(id, req)
    }

    @Sendable static func addNote(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(P.NoteInput.self)
        _ = try await P.addNote(req.caller, projectID: id, text: input.text, photos: [])
        return try await projectAnswer(id, req, status: .created)
    }

    @Sendable static func move(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        _ = try await P.move(req.caller, projectID: id, try req.decodeStrict(P.StateInput.self))
        return try await projectAnswer(id, req)
    }

    @Sendable static func rate(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        try await P.rate(req.caller, projectID: id, try req.decodeStrict(P.RatingInput.self))
        return try await projectAnswer(id, req)
    }

    @Sendable static func photo(_ req: Request) async throws -> Response {
        try await ProjectModels.photo(
            projectID: try req.intParameter("id"), photoID: try req.intParameter("photoId"), req.caller)
    }
}
