import GongzhiCore

/// The lists' part of the API document.
enum ListsAPIDoc {
    typealias S = ListsService
    typealias P = ProjectsService
    static let tag = "lists"

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "lists/items",
            "Needs and problems the caller sees, newest first, with the status derived from their claims", tag: tag,
            parameters: [
                .query("kind", ListItemKind.self, "needs or problems"),
                .query("status", NeedStatus.self, "only this status"),
                .query("category", ServiceCategory.self, "only this category"),
                .query("origin", ListOrigin.self, "only items from this origin"),
                .query("communityId", .integer(min: 1), "only this community"),
                .query("q", .text, "words in the title or text (at most 50 characters)"),
                .query("page", .integer(min: 1, max: 10_000), "page of 50"),
            ], answer: .one(ListsAPI.ItemPage.self)),
        APIOperation(
            .post, "lists/items",
            "Raise a need or problem: residents from the phone; staff from a request (kind help), a visit or a "
                + "meeting, keeping the link",
            tag: tag, body: .one(S.ItemInput.self), status: 201, answer: .one(ListItemDetail.self)),
        APIOperation(
            .get, "lists/items/{id}", "One item with its claims and the projects built on it", tag: tag,
            answer: .one(ListItemDetail.self)),
        APIOperation(
            .get, "lists/items/{id}/suggestions",
            "Ranked resources for an item: same category, room left, window meeting; same grid, community, covering "
                + "all, nearest first; each with the reasons",
            tag: tag, answer: .list(ListsMatching.Suggestion.self)),
        APIOperation(
            .post, "lists/items/{id}/claims",
            "Match a resource or record a unit's claim; never beyond what is still needed or the resource's room",
            tag: tag, body: .one(S.ClaimInput.self), status: 201, answer: .one(ListItemDetail.self)),
        APIOperation(
            .post, "lists/items/{id}/claims/{claimId}/withdraw", "Withdraw a claim (kept, marked withdrawn)",
            tag: tag, answer: .one(ListItemDetail.self)),
        APIOperation(
            .post, "lists/items/{id}/close", "Close an item settled otherwise, with a note", tag: tag,
            body: .one(S.CloseInput.self), answer: .one(ListItemDetail.self)),
        APIOperation(
            .get, "lists/resources", "Resources the caller sees (offered in scope or to the street above)",
            tag: tag,
            parameters: [
                .query("category", ServiceCategory.self, "only this category"),
                .query("q", .text, "words in the title or text (at most 50 characters)"),
                .query("withdrawn", .boolean, "include withdrawn offers"),
            ], answer: .page(ListResourceOut.self)),
        APIOperation(
            .post, "lists/resources",
            "Offer a resource: a liaison for their unit, a member as themselves, staff for anyone in scope", tag: tag,
            body: .one(S.ResourceInput.self), status: 201, answer: .one(ListResourceOut.self)),
        APIOperation(.get, "lists/resources/{id}", "One resource", tag: tag, answer: .one(ListResourceOut.self)),
        APIOperation(
            .post, "lists/resources/{id}/withdraw", "Withdraw an offer (claims made stand)", tag: tag,
            answer: .one(ListResourceOut.self)),
        APIOperation(
            .get, "lists/projects", "Action projects the caller sees", tag: tag,
            parameters: [.query("state", ProjectState.self, "only this state")], answer: .page(ProjectSummary.self)),
        APIOperation(
            .post, "lists/projects", "Open an action project from matched items", tag: tag,
            body: .one(P.ProjectInput.self), status: 201, answer: .one(ProjectDetail.self)),
        APIOperation(
            .get, "lists/projects/{id}", "One project with milestones, notes and what it was built from", tag: tag,
            answer: .one(ProjectDetail.self)),
        APIOperation(
            .post, "lists/projects/{id}/milestones", "Add a milestone", tag: tag, body: .one(P.MilestoneInput.self),
            status: 201, answer: .one(ProjectDetail.self)),
        APIOperation(
            .post, "lists/projects/{id}/milestones/{milestoneId}/done", "Mark a milestone done on a day", tag: tag,
            body: .one(ListsAPI.DayInput.self), answer: .one(ProjectDetail.self)),
        APIOperation(
            .post, "lists/projects/{id}/notes", "Add a progress note (photos are added on the page)", tag: tag,
            body: .one(P.NoteInput.self), status: 201, answer: .one(ProjectDetail.self)),
        APIOperation(
            .post, "lists/projects/{id}/state",
            "Start, cancel or close a project; closing needs evidence and every milestone done", tag: tag,
            body: .one(P.StateInput.self), answer: .one(ProjectDetail.self)),
        APIOperation(
            .post, "lists/projects/{id}/rating",
            "A resident whose need the closed project served rates it, once, 1 to 5 stars", tag: tag,
            body: .one(P.RatingInput.self), answer: .one(ProjectDetail.self)),
        APIOperation(
            .get, "lists/projects/{id}/photos/{photoId}", "A progress note's photo (JPEG or PNG)", tag: tag,
            answer: .raw(.binary, "image/jpeg", "image/png")),
    ]
}

extension ListsService.ItemInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "neededFrom": ["format": "date"], "neededUntil": ["format": "date"], "quantity": ["minimum": 1],
    ]
}

extension ListsService.ResourceInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "availableFrom": ["format": "date"], "availableUntil": ["format": "date"], "capacity": ["minimum": 1],
    ]
}

extension ProjectsService.MilestoneInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["due": ["format": "date"]]
}

extension ProjectsService.StateInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["on": ["format": "date"], "rating": ["minimum": 1, "maximum": 5]]
}

extension ListsAPI.DayInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = ["on": ["format": "date"]]
}

extension ListItemKind: APIEnum {}
extension NeedStatus: APIEnum {}
extension ListOrigin: APIEnum {}
extension ResourceOfferer: APIEnum {}
extension ProjectState: APIEnum {}
extension BeneficiaryGroup: APIEnum {}
extension Matching.CandidateKind: APIEnum {}
