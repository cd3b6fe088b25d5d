import Fluent
import GongzhiCore
import Vapor

/// 行动项目: opened from matched items by a list keeper, owned by a unit or the organisation, with partners,
/// milestones and progress notes, closed with evidence and the residents' rating.
enum ProjectsService {
    typealias F = ListsFacts
    static let maxMilestones = 50
    static let maxNotePhotos = 3

    struct ProjectInput: StrictInput {
        static let fields: Set<String> = [
            "title", "summary", "category", "nodeID", "ownerUnitID", "budget", "beneficiaries", "groups", "itemIDs",
            "resourceIDs", "partnerUnitIDs",
        ]
        var title: String?
        var summary: String?
        var category: ServiceCategory?
        var nodeID: Int?
        var ownerUnitID: Int?
        var budget: Int?
        var beneficiaries: Int?
        var groups: [BeneficiaryGroup]?
        var itemIDs: [Int]?
        var resourceIDs: [Int]?
        var partnerUnitIDs: [Int]?
    }

    struct MilestoneInput: StrictInput {
        static let fields: Set<String> = ["title", "due"]
        var title: String?
        var due: String?
    }

    struct NoteInput: StrictInput {
        static let fields: Set<String> = ["text"]
        var text: String?
    }

    struct StateInput: StrictInput {
        static let fields: Set<String> = ["state", "evidence", "served", "rating", "ratingNote", "on"]
        var state: ProjectState?
        var evidence: String?
        var served: Int?
        var rating: Int?
        var ratingNote: String?
        var on: String?
    }

    struct ProjectAudit: Encodable {
        let title: String
        let state: String
        let ownerUnitID: Int?
        let budget: Int
        let beneficiaries: Int
        let groups: String
        let closedOn: String?
        let rating: Int?

        init(_ p: ActionProject) {
            title = p.title
            state = p.state.rawValue
            ownerUnitID = p.ownerUnitID
            budget = p.budget
            beneficiaries = p.beneficiaries
            groups = p.groups
            closedOn = p.closedOn
            rating = p.rating
        }
    }

    static func create(_ caller: Caller, _ input: ProjectInput) async throws -> ActionProject {
        let a = try await ListsAccess.of(caller)
        guard a.keeps else { throw await caller.forbidden("open an action project") }
        guard let nodeID = input.nodeID else { throw AppError.invalid(.errorListsCommunityRequired, field: "nodeId") }
        let node = try await ListsService.community(nodeID, field: "nodeId", streetToo: true, caller)
        let title = try ListsService.text(input.title, field: "title", max: F.maxTitle)
        let summary = try ListsService.text(input.summary, field: "summary", max: F.maxText, required: false)
        guard let category = input.category else { throw AppError.invalid(.errorListsCategory, field: "category") }
        let budget = input.budget ?? 0
        guard (0...100_000_000).contains(budget) else { throw AppError.invalid(.errorListsBudget, field: "budget") }
        let beneficiaries = input.beneficiaries ?? 0
        guard (0...1_000_000).contains(beneficiaries) else {
            throw AppError.invalid(.errorListsBeneficiaries, field: "beneficiaries")
        }
        let itemIDs = Array(Set(input.itemIDs ?? [])).sorted()
        let resourceIDs = Array(Set(input.resourceIDs ?? [])).sorted()
        let partners = Array(Set(input.partnerUnitIDs ?? [])).sorted()
        guard itemIDs.count <= 100, resourceIDs.count <= 100, partners.count <= 50 else {
            throw AppError.invalid(.errorListsTooMany, field: "itemIds")
        }
        for id in itemIDs {
            guard let i = try await ListItem.find(id, on: caller.db), a.sees(i),
                TreePath(node.path).contains(TreePath(i.path))
            else {
                await AccessLog.write(caller, .outOfScopeRead, detail: "list item \(id) in itemIds")
                throw AppError.invalid(.errorRefUnknown, field: "itemIds")
            }
        }
        for id in resourceIDs {
            guard let r = try await ListResource.find(id, on: caller.db), a.sees(r) else {
                await AccessLog.write(caller, .outOfScopeRead, detail: "list resource \(id) in resourceIds")
                throw AppError.invalid(.errorRefUnknown, field: "resourceIds")
            }
        }
        if let owner = input.ownerUnitID {
            _ = try await UnitsQueries.scopedReportingUnit(owner, for: .read, field: "ownerUnitId", caller)
        }
        for u in partners {
            _ = try await UnitsQueries.scopedReportingUnit(u, for: .read, field: "partnerUnitIds", caller)
        }
        let p = ActionProject()
        p.title = title
        p.summary = summary
        p.category = category
        p.nodeID = node.id!
        p.path = node.path
        p.ownerUnitID = input.ownerUnitID
        p.budget = budget
        p.beneficiaries = beneficiaries
        p.groups = Array(Set(input.groups ?? [])).map(\.rawValue).sorted().joined(separator: ",")
        p.state = .proposed
        p.createdBy = a.userID
        let v = a.viewer
        try await caller.db.writing { db in
            try await p.create(on: db)
            var links: [ProjectLink] = []
            for id in itemIDs { links.append(link(p, item: id)) }
            for id in resourceIDs { links.append(link(p, resource: id)) }
            for id in partners { links.append(link(p, partner: id)) }
            if !links.isEmpty { try await links.create(on: db) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .actionProject, id: p.id!, label: p.title,
                scopePath: p.path,
                before: nil as String?, after: ProjectAudit(p))
        }
        return p
    }

    static func link(_ p: ActionProject, item: Int? = nil, resource: Int? = nil, partner: Int? = nil) -> ProjectLink {
        let l = ProjectLink()
        l.projectID = p.id!
        l.itemID = item
        l.resourceID = resource
        l.partnerUnitID = partner
        l.path = p.path
        return l
    }

    /// A project the caller sees: in scope, or owned or partnered by the liaison's unit.
    static func project(_ id: Int, _ caller: Caller) async throws -> (ActionProject, ListsAccess) {
        let a = try await ListsAccess.of(caller)
        guard let p = try await ActionProject.find(id, on: caller.db) else { throw AppError.notFound() }
        if try await a.sees(p, on: caller.db) { return (p, a) }
        throw await caller.outOfScope("action project \(id)", scopePath: p.path)
    }

    /// Keepers of the project's scope run it; the owner unit's liaison reports progress.
    static func managed(_ id: Int, _ caller: Caller, ownerToo: Bool = false) async throws
        -> (ActionProject, ListsAccess)
    {
        let (p, a) = try await project(id, caller)
        let owner = ownerToo && (p.ownerUnitID.map(a.unitIDs.contains) ?? false)
        guard (a.keeps && a.inScope(p.path)) || owner else {
            throw await caller.forbidden("change action project \(id)", scopePath: p.path)
        }
        return (p, a)
    }

    struct RatingInput: StrictInput {
        static let fields: Set<String> = ["rating", "note"]
        var rating: Int?
        var note: String?
    }

    /// Whoever raised a need the project served rates it once it is closed: once, 1 to 5 stars. Recorded.
    static func rate(_ caller: Caller, projectID: Int, _ input: RatingInput) async throws {
        let (p, a) = try await project(projectID, caller)
        let v = a.viewer
        guard try await a.servingMyNeeds(on: caller.db).contains(projectID) else {
            throw await caller.forbidden("rate action project \(projectID)", scopePath: p.path)
        }
        guard p.state == .closed else { throw AppError.conflict(.errorListsRateOpen) }
        guard let rating = input.rating, (1...5).contains(rating) else {
            throw AppError.invalid(.errorListsRating, field: "rating")
        }
        let note = try FormText.text(input.note, field: "note", max: 200, required: false)
        let r = ProjectRating()
        r.projectID = projectID
        r.userID = v.user.id!
        r.rating = rating
        r.note = note
        r.at = caller.now
        r.path = p.path
        try await caller.db.writing { db in
            let before = try await ProjectRating.query(on: db).filter(\.$projectID == projectID)
                .filter(\.$userID == v.user.id!).count()
            if before > 0 { throw AppError.conflict(.errorListsRated) }
            try await r.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .actionProject, id: projectID, label: p.title,
                scopePath: p.path, before: nil as String?, after: ["residentRating": String(rating), "note": note])
        }
    }

    static func addMilestone(_ caller: Caller, projectID: Int, _ input: MilestoneInput) async throws {
        let (p, a) = try await managed(projectID, caller)
        guard p.state == .proposed || p.state == .underway else { throw AppError.conflict(.errorListsProjectOver) }
        let title = try ListsService.text(input.title, field: "title", max: F.maxTitle)
        let due = try FormDate.requiredDay(
            input.due, field: "due", within: .sinceFloor(ahead: 5 * 366), today: caller.today)
        let count = try await ProjectMilestone.query(on: caller.db).filter(\.$projectID == projectID).count()
        if count >= maxMilestones {
            throw AppError.invalid(.errorListsTooMany, field: "title")
        }
        let m = ProjectMilestone()
        m.projectID = projectID
        m.title = title
        m.due = due.description
        m.path = p.path
        let v = a.viewer
        try await caller.db.writing { db in
            try await m.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .actionProject, id: projectID, label: p.title,
                scopePath: p.path,
                before: nil as String?, after: ["milestone": m.title, "due": m.due])
        }
    }

    static func completeMilestone(_ caller: Caller, projectID: Int, milestoneID: Int, on raw: String?) async throws {
        let (p, a) = try await managed(projectID, caller, ownerToo: true)
        guard p.state == .proposed || p.state == .underway else { throw AppError.conflict(.errorListsProjectOver) }
        guard let m = try await ProjectMilestone.find(milestoneID, on: caller.db), m.projectID == projectID else {
            throw AppError.notFound()
        }
        if m.doneOn != nil { throw AppError.conflict(.errorListsMilestoneDone) }
        let day = try FormDate.day(raw, field: "on") ?? caller.today
        if day > caller.today { throw AppError.invalid(.errorListsFuture, field: "on") }
        m.doneOn = day.description
        let v = a.viewer
        try await caller.db.writing { db in
            try await m.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .actionProject, id: projectID, label: p.title,
                scopePath: p.path,
                before: ["milestone": m.title, "doneOn": ""], after: ["milestone": m.title, "doneOn": m.doneOn ?? ""])
        }
    }

    /// A progress note with up to three photos (checked and cleaned before anything is stored).
    static func addNote(_ caller: Caller, projectID: Int, text raw: String?, photos: [[UInt8]]) async throws
        -> ProjectNote
    {
        let (p, a) = try await managed(projectID, caller, ownerToo: true)
        // A closed project's record is what was closed: a later note would change it unseen.
        guard p.state != .cancelled, p.state != .closed else { throw AppError.conflict(.errorListsProjectOver) }
        let text = try ListsService.text(raw, field: "text", max: F.maxText)
        let cleaned = try await Photos.clean(photos, limit: maxNotePhotos, caller)
        let n = ProjectNote()
        n.projectID = projectID
        n.text = text
        n.by = a.userID
        n.at = caller.now
        n.path = p.path
        let v = a.viewer
        try await caller.db.writing { db in
            try await n.create(on: db)
            for c in cleaned {
                let photo = ProjectPhoto()
                photo.noteID = n.id!
                photo.projectID = projectID
                photo.contentType = c.kind.contentType
                photo.bytes = Data(c.bytes)
                try await photo.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .actionProject, id: projectID, label: p.title,
                scopePath: p.path,
                before: nil as String?, after: ["note": String(text.prefix(200)), "photos": String(cleaned.count)])
        }
        return n
    }

    /// Moves a project: start it, cancel it, or close it with evidence, the number served and the residents'
    /// rating (every milestone done first).
    static func move(_ caller: Caller, projectID: Int, _ input: StateInput) async throws -> ActionProject {
        let (p, a) = try await managed(projectID, caller)
        guard let to = input.state else { throw AppError.invalid(.errorListsState, field: "state") }
        guard ProjectRules.canMove(p.state, to: to) else { throw AppError.conflict(.errorListsTransition) }
        let before = ProjectAudit(p)
        let day = try FormDate.day(input.on, field: "on") ?? caller.today
        if day > caller.today { throw AppError.invalid(.errorListsFuture, field: "on") }
        switch to {
        case .underway:
            p.startedOn = day.description
        case .closed:
            let open = try await ProjectMilestone.query(on: caller.db).filter(\.$projectID == projectID)
                .filter(\.$doneOn == nil).count()
            let evidence = try ListsService.text(
                input.evidence, field: "evidence", max: F.maxText, required: false)
            do {
                try ProjectRules.checkClosure(
                    state: p.state, evidence: evidence, openMilestones: open, rating: input.rating)
            } catch let e as ProjectRules.Problem {
                switch e {
                case .evidenceRequired: throw AppError.invalid(.errorListsEvidence, field: "evidence")
                case .milestonesOpen(let n):
                    throw AppError.invalid(.errorListsMilestonesOpen, args: [String(n)], field: "state")
                case .ratingRange: throw AppError.invalid(.errorListsRating, field: "rating")
                case .transition: throw AppError.conflict(.errorListsTransition)
                }
            }
            let served = input.served ?? 0
            guard (0...1_000_000).contains(served) else {
                throw AppError.invalid(.errorListsBeneficiaries, field: "served")
            }
            p.evidence = evidence
            p.served = served
            p.rating = input.rating
            p.ratingNote = try ListsService.text(input.ratingNote, field: "ratingNote", max: 500, required: false)
            p.closedOn = day.description
        case .cancelled:
            p.evidence = try ListsService.text(input.evidence, field: "evidence", max: F.maxText)
            p.closedOn = day.description
        case .proposed:
            throw AppError.conflict(.errorListsTransition)
        }
        p.state = to
        let v = a.viewer
        try await caller.db.writing { db in
            try await p.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .actionProject, id: p.id!, label: p.title,
                scopePath: p.path,
                before: before, after: ProjectAudit(p))
        }
        return p
    }
}
