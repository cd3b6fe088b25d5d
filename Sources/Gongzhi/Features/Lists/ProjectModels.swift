import Fluent
import GongzhiCore
import Vapor

struct ProjectSummary: Content {
    let id: Int
    let title: String
    let category: ServiceCategory
    let nodeName: String
    let ownerUnitID: Int?
    let ownerName: String
    let state: ProjectState
    let budget: Int
    let beneficiaries: Int
    let groups: [BeneficiaryGroup]
    let milestonesDone: Int
    let milestones: Int
    let startedOn: String?
    let closedOn: String?
    let rating: Int?
}

struct ProjectDetail: Content {
    struct Milestone: Content {
        let id: Int
        let title: String
        let due: String
        let doneOn: String?
    }

    struct Note: Content {
        let id: Int
        let text: String
        let by: String
        let at: String
        let photos: [String]
    }

    struct LinkedItem: Content {
        let id: Int
        let title: String
        let status: NeedStatus
        /// Whether the viewer may open it (a partner unit's liaison may not see the community's items).
        let visible: Bool
    }

    struct LinkedResource: Content {
        let id: Int
        let title: String
        let visible: Bool
    }

    let project: ProjectSummary
    let summary: String
    let partners: [String]
    let items: [LinkedItem]
    let resources: [LinkedResource]
    let milestones: [Milestone]
    let notes: [Note]
    let evidence: String?
    let served: Int?
    let ratingNote: String?
    /// Runs the project (a keeper of its scope).
    let mayManage: Bool
    /// Reports progress (the keeper, or the owner unit's liaison).
    let mayReport: Bool
    /// The residents' own ratings of the closed project: how many, and their mean (one decimal).
    let residentRatings: Int
    let residentMean: Double?
    /// The viewer raised a need it served: their rating, or whether they may give one now.
    let myRating: Int?
    let mayRate: Bool
}

extension Array {
    fileprivate func asyncMap<T>(_ f: (Element) async throws -> T) async throws -> [T] {
        var out: [T] = []
        for e in self { out.append(try await f(e)) }
        return out
    }
}

enum ProjectModels {
    static func summaries(_ rows: [ActionProject], on db: any Database) async throws -> [ProjectSummary] {
        let ids = rows.compactMap(\.id)
        var done: [Int: Int] = [:]
        var all: [Int: Int] = [:]
        for chunk in ids.chunked(500) {
            for m in try await ProjectMilestone.query(on: db).filter(\.$projectID ~~ chunk).all() {
                all[m.projectID, default: 0] += 1
                if m.doneOn != nil { done[m.projectID, default: 0] += 1 }
            }
        }
        let units = try await UnitsQueries.names(rows.compactMap(\.ownerUnitID), on: db)
        let nodes = try await OrgQueries.names(rows.map(\.nodeID), on: db)
        return rows.map { p in
            ProjectSummary(
                id: p.id!, title: p.title, category: p.category, nodeName: nodes[p.nodeID] ?? "",
                ownerUnitID: p.ownerUnitID,
                ownerName: p.ownerUnitID.flatMap { units[$0] } ?? nodes[p.nodeID] ?? "", state: p.state,
                budget: p.budget, beneficiaries: p.beneficiaries, groups: p.groupList,
                milestonesDone: done[p.id!] ?? 0, milestones: all[p.id!] ?? 0, startedOn: p.startedOn,
                closedOn: p.closedOn, rating: p.rating)
        }
    }

    static func list(state: ProjectState?, limit: Int, _ caller: Caller) async throws -> [ProjectSummary] {
        let a = try await ListsAccess.of(caller)
        let q = try await a.projects(on: caller.db)
        if let state { q.filter(\.$state == state) }
        return try await summaries(q.sort(\.$id, .descending).limit(limit).all(), on: caller.db)
    }

    /// One page of the projects the caller sees, newest first, with the total.
    static func list(state: ProjectState?, page: PageRequest, _ caller: Caller) async throws -> Paged<ProjectSummary> {
        let a = try await ListsAccess.of(caller)
        let q = try await a.projects(on: caller.db)
        if let state { q.filter(\.$state == state) }
        let rows = try await q.sort(\.$id, .descending).paged(page)
        return Paged(rows: try await summaries(rows.rows, on: caller.db), total: rows.total, asked: page)
    }

    static func detail(_ id: Int, _ caller: Caller) async throws -> ProjectDetail {
        let (p, a) = try await ProjectsService.project(id, caller)
        let db = caller.db
        let summary = try await summaries([p], on: db)[0]
        let links = try await ProjectLink.query(on: db).filter(\.$projectID == id).all()
        let partners = try await UnitsQueries.names(links.compactMap(\.partnerUnitID), on: db)
        let items = try await ListItem.query(on: db).filter(\.$id ~~ links.compactMap(\.itemID)).sort(\.$id).all()
        let claimed = try await ListsFacts.claimed(items: items.compactMap(\.id), on: db)
        let resources = try await ListResource.query(on: db).filter(\.$id ~~ links.compactMap(\.resourceID))
            .sort(\.$id).all()
        let milestones = try await ProjectMilestone.query(on: db).filter(\.$projectID == id).sort(\.$due).all()
        let notes = try await ProjectNote.query(on: db).filter(\.$projectID == id).sort(\.$id, .descending).all()
        let photos = try await ProjectPhoto.query(on: db).filter(\.$projectID == id).field(\.$id).field(\.$noteID)
            .all()
        let authors = try await User.query(on: db).filter(\.$id ~~ notes.map(\.by)).all()
        let names = Dictionary(uniqueKeysWithValues: authors.map { ($0.id!, $0.displayName) })
        let keeper = a.keeps && a.inScope(p.path)
        let ratings = try await ProjectRating.query(on: db).filter(\.$projectID == id).all()
        let mine = ratings.first { $0.userID == a.viewer.user.id }
        let mineToRate = try await a.servingMyNeeds(on: db).contains(id)
        let served = p.state == .closed && mineToRate
        let mean =
            ratings.isEmpty
            ? nil : (Double(ratings.map(\.rating).reduce(0, +)) / Double(ratings.count) * 10).rounded() / 10
        let owner = p.ownerUnitID.map(a.unitIDs.contains) ?? false
        let open = p.state == .proposed || p.state == .underway
        return ProjectDetail(
            project: summary, summary: p.summary, partners: partners.values.sorted(),
            items: try await items.asyncMap {
                .init(
                    id: $0.id!, title: $0.title, status: ListsFacts.status($0, claimed: claimed),
                    visible: try await a.sees($0, on: db))
            },
            resources: resources.map { .init(id: $0.id!, title: $0.title, visible: a.sees($0)) },
            milestones: milestones.map { .init(id: $0.id!, title: $0.title, due: $0.due, doneOn: $0.doneOn) },
            notes: notes.map { n in
                .init(
                    id: n.id!, text: n.text, by: names[n.by] ?? "",
                    at: LocalDate(instant: n.at.timeIntervalSince1970).description,
                    photos: photos.filter { $0.noteID == n.id }.map {
                        ListsRoute.photo(.value(id), .value($0.id!)).path
                    })
            },
            evidence: p.evidence, served: p.served, ratingNote: p.ratingNote, mayManage: keeper && open,
            mayReport: (keeper || owner) && p.state != .cancelled, residentRatings: ratings.count,
            residentMean: mean, myRating: mine?.rating, mayRate: served && mine == nil)
    }

    /// A note's photo, for those who see the project.
    static func photo(projectID: Int, photoID: Int, _ caller: Caller) async throws -> Response {
        _ = try await ProjectsService.project(projectID, caller)
        guard let p = try await ProjectPhoto.find(photoID, on: caller.db), p.projectID == projectID else {
            throw AppError.notFound()
        }
        return Photos.response(p.bytes, contentType: p.contentType)
    }
}
