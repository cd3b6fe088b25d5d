import Fluent
import GongzhiCore
import Vapor

/// The plain values the lists' pages and API answer with, built for one viewer.
struct ListItemOut: Content {
    let id: Int
    let kind: ListItemKind
    let title: String
    let text: String
    let category: ServiceCategory
    let quantity: Int
    let claimed: Int
    let status: NeedStatus
    let communityNodeID: Int
    let communityName: String
    let gridID: Int?
    let neededFrom: String?
    let neededUntil: String?
    let origin: ListOrigin
    let originID: Int?
    let isPublic: Bool
    let mine: Bool
    let closedOn: String?
    let raisedOn: String
}

struct ListClaimOut: Content {
    let id: Int
    let resourceID: Int?
    let resourceTitle: String?
    let teamID: Int?
    let teamName: String?
    let unitID: Int?
    let unitName: String?
    let quantity: Int
    let note: String
    let claimedOn: String
    let withdrawn: Bool
    let mayWithdraw: Bool
}

struct ListItemDetail: Content {
    let item: ListItemOut
    let claims: [ListClaimOut]
    let mayClaim: Bool
    let mayClose: Bool
    let projects: [ProjectRef]
}

struct ProjectRef: Content {
    let id: Int
    let title: String
    let state: ProjectState
}

struct ListResourceOut: Content {
    let id: Int
    let title: String
    let text: String
    let category: ServiceCategory
    let offerer: ResourceOfferer
    let unitID: Int?
    let offeredBy: String
    let nodeName: String
    let capacity: Int
    let free: Int
    let address: String
    let hours: String
    let conditions: String
    let availableFrom: String?
    let availableUntil: String?
    /// Masked unless the viewer offered it or may unmask.
    let contact: String
    let withdrawnOn: String?
    let mayWithdraw: Bool
}

struct ListFilter: Sendable {
    var kind: ListItemKind?
    var status: NeedStatus?
    var category: ServiceCategory?
    var origin: ListOrigin?
    var communityNodeID: Int?
    var q: String?
    var page = 1
    static let pageSize = 50
    static let exportLimit = 20_000
}

enum ListsQueryModels {
    typealias F = ListsFacts

    /// A help request as a new need: its words, its community and the link back, for the keeper to check and record.
    static func draft(fromRequest id: Int, _ caller: Caller) async throws -> ListsViews.ItemDraft {
        let r = try await RequestsQueries.listOrigin(id, field: "fromRequest", caller)
        guard r.kind == .help else { throw AppError.invalid(.errorListsOriginKind, field: "fromRequest") }
        return ListsViews.ItemDraft(
            kind: ListItemKind.need.rawValue, title: String(r.text.prefix(40)), text: r.text,
            communityID: String(r.communityNodeID), origin: ListOrigin.request.rawValue, originID: String(r.id))
    }

    static func filter(_ req: Request) throws -> ListFilter {
        var f = ListFilter()
        f.kind = try req.queryValue("kind", ListItemKind.self)
        f.status = try req.queryValue("status", NeedStatus.self)
        f.category = try req.queryValue("category", ServiceCategory.self)
        f.origin = try req.queryValue("origin", ListOrigin.self)
        f.communityNodeID = try req.queryInt("communityId", in: 1...Int(Int32.max))
        f.q = try req.querySearch()
        f.page = try req.queryInt("page", in: 1...10_000) ?? 1
        return f
    }

    /// The items the viewer sees that pass the filter, newest first; status is filtered after it is derived.
    static func items(_ f: ListFilter, limit: Int, _ caller: Caller) async throws -> Paged<ListItemOut> {
        let a = try await ListsAccess.of(caller)
        if let c = f.communityNodeID { _ = try await caller.scoped(OrgNode.self, c, field: "communityId") }
        let q = try await a.items(on: caller.db)
        if let k = f.kind { q.filter(\.$kind == k) }
        if let c = f.category { q.filter(\.$category == c) }
        if let o = f.origin { q.filter(\.$origin == o) }
        if let c = f.communityNodeID { q.filter(\.$communityNodeID == c) }
        if let s = f.status {
            if s == .closed { q.filter(\.$closedOn != nil) } else { q.filter(\.$closedOn == nil) }
        }
        if let text = f.q {
            let like = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            q.group(.or) { g in
                g.filter(\.$title, .custom("LIKE"), like)
                g.filter(\.$text, .custom("LIKE"), like)
            }
        }
        q.sort(\.$id, .descending)
        let page = PageRequest(number: f.page, size: limit)
        guard let status = f.status else {
            let rows = try await q.paged(page)
            return Paged(rows: try await outs(rows.rows, a, on: caller.db), total: rows.total, asked: page)
        }
        // Status comes from claims: the ids and quantities of every item passing the other filters, their claims,
        // then the page of those with the status (the total is exact; the home tile counts the same way).
        let candidates = try await q.copy().field(\.$id).field(\.$quantity).field(\.$closedOn).all()
        let claimed = try await ListsFacts.claimed(items: candidates.compactMap(\.id), on: caller.db)
        let passing = candidates.filter { F.status($0, claimed: claimed) == status }.compactMap(\.id)
        let ids = Array(passing.dropFirst(page.offset).prefix(page.size))
        let rows = ids.isEmpty ? [] : try await q.copy().filter(\.$id ~~ ids).all()
        return Paged(rows: try await outs(rows, a, on: caller.db), total: passing.count, asked: page)
    }

    static func outs(_ rows: [ListItem], _ a: ListsAccess, on db: any Database) async throws -> [ListItemOut] {
        let claimed = try await F.claimed(items: rows.compactMap(\.id), on: db)
        let names = try await OrgQueries.names(Array(Set(rows.map(\.communityNodeID))), on: db)
        return rows.map { i in
            let c = claimed[i.id!] ?? []
            return ListItemOut(
                id: i.id!, kind: i.kind, title: i.title, text: i.text, category: i.category, quantity: i.quantity,
                claimed: c.reduce(0, +), status: F.status(i, claimed: claimed), communityNodeID: i.communityNodeID,
                communityName: names[i.communityNodeID] ?? "", gridID: i.gridID, neededFrom: i.neededFrom,
                neededUntil: i.neededUntil, origin: i.origin, originID: i.originID, isPublic: i.isPublic,
                mine: i.raisedBy == a.userID, closedOn: i.closedOn,
                raisedOn: i.createdAt.map { LocalDate(instant: $0.timeIntervalSince1970).description } ?? "")
        }
    }

    static func detail(_ id: Int, _ caller: Caller) async throws -> ListItemDetail {
        let (i, a) = try await ListsService.item(id, caller)
        let out = try await outs([i], a, on: caller.db)[0]
        var claims: [ListClaimOut] = []
        if !a.isResident || i.raisedBy == a.userID {
            let rows = try await ListClaim.query(on: caller.db).filter(\.$itemID == id).sort(\.$id).all()
            let resources = try await ListResource.query(on: caller.db).filter(\.$id ~~ rows.compactMap(\.resourceID))
                .all()
            let titles = Dictionary(uniqueKeysWithValues: resources.map { ($0.id!, $0.title) })
            let units = try await UnitsQueries.names(rows.compactMap(\.unitID), on: caller.db)
            let teams = try await VolunteeringQueries.teamNames(rows.compactMap(\.teamID), db: caller.db)
            let keeper = a.keeps && a.inScope(i.path)
            claims = rows.map { c in
                let mine = c.claimedBy == a.userID || (c.unitID.map(a.unitIDs.contains) ?? false)
                return ListClaimOut(
                    id: c.id!, resourceID: c.resourceID, resourceTitle: c.resourceID.flatMap { titles[$0] },
                    teamID: c.teamID, teamName: c.teamID.flatMap { teams[$0] }, unitID: c.unitID,
                    unitName: c.unitID.flatMap { units[$0] }, quantity: c.quantity, note: c.note,
                    claimedOn: LocalDate(instant: c.claimedAt.timeIntervalSince1970).description,
                    withdrawn: c.withdrawnAt != nil, mayWithdraw: c.withdrawnAt == nil && (keeper || mine))
            }
        }
        let links = try await ProjectLink.query(on: caller.db).filter(\.$itemID == id).all().map(\.projectID)
        var projects: [ProjectRef] = []
        for p in try await ActionProject.query(on: caller.db).filter(\.$id ~~ links).all()
        where try await a.sees(p, on: caller.db) {
            projects.append(ProjectRef(id: p.id!, title: p.title, state: p.state))
        }
        if let uid = a.viewer.user.id {
            try await ListsService.markSeen(item: id, user: uid, at: caller.now, on: caller.db)
        }
        return ListItemDetail(
            item: out, claims: claims, mayClaim: i.closedOn == nil && ((a.keeps && a.inScope(i.path)) || a.isLiaison),
            mayClose: i.closedOn == nil && ((a.keeps && a.inScope(i.path)) || i.raisedBy == a.userID),
            projects: projects)
    }

    static func resources(
        category: ServiceCategory?, q text: String?, includeWithdrawn: Bool, limit: Int, _ caller: Caller
    ) async throws -> [ListResourceOut] {
        let (q, a) = try await resourceQuery(category: category, q: text, includeWithdrawn: includeWithdrawn, caller)
        return try await resourceOuts(try await q.limit(limit).all(), a, on: caller.db)
    }

    /// One page of the same list, newest first, with its total.
    static func resources(
        category: ServiceCategory?, q text: String?, includeWithdrawn: Bool, page: PageRequest, _ caller: Caller
    ) async throws -> Paged<ListResourceOut> {
        let (q, a) = try await resourceQuery(category: category, q: text, includeWithdrawn: includeWithdrawn, caller)
        let rows = try await q.paged(page)
        return Paged(rows: try await resourceOuts(rows.rows, a, on: caller.db), total: rows.total, asked: page)
    }

    private static func resourceQuery(
        category: ServiceCategory?, q text: String?, includeWithdrawn: Bool, _ caller: Caller
    ) async throws -> (QueryBuilder<ListResource>, ListsAccess) {
        let a = try await ListsAccess.of(caller)
        let q = a.resources(on: caller.db)
        if let category { q.filter(\.$category == category) }
        if !includeWithdrawn { q.filter(\.$withdrawnOn == nil) }
        if let text {
            let like = "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            q.group(.or) { g in
                g.filter(\.$title, .custom("LIKE"), like)
                g.filter(\.$text, .custom("LIKE"), like)
            }
        }
        return (q.sort(\.$id, .descending), a)
    }

    static func resourceOuts(_ rows: [ListResource], _ a: ListsAccess, on db: any Database) async throws
        -> [ListResourceOut]
    {
        let taken = try await F.taken(resources: rows.compactMap(\.id), on: db)
        let units = try await UnitsQueries.names(rows.compactMap(\.unitID), on: db)
        let nodeIDs = rows.compactMap { r in TreePath(r.path).ids.last }
        let nodes = try await OrgQueries.names(Array(Set(nodeIDs)), on: db)
        return rows.map { r in
            let own = r.recordedBy == a.userID
            let contact = r.contactPhone.isEmpty ? "" : (own ? r.contactPhone : Masking.phone(r.contactPhone))
            return ListResourceOut(
                id: r.id!, title: r.title, text: r.text, category: r.category, offerer: r.offerer, unitID: r.unitID,
                offeredBy: r.unitID.flatMap { units[$0] } ?? r.contactName,
                nodeName: TreePath(r.path).ids.last.flatMap { nodes[$0] } ?? "", capacity: r.capacity,
                free: max(0, r.capacity - (taken[r.id!] ?? 0)), address: r.address, hours: r.hours,
                conditions: r.conditions, availableFrom: r.availableFrom, availableUntil: r.availableUntil,
                contact: r.contactName + (contact.isEmpty ? "" : " " + contact),
                withdrawnOn: r.withdrawnOn,
                mayWithdraw: r.withdrawnOn == nil && (own || (a.keeps && a.inScope(r.path))))
        }
    }
}
