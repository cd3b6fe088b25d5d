import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// The lists' services: each takes a `Caller` and its typed input, checks every id against the caller's scope and
/// every rule before anything is written, and writes the change with its audit record in one transaction.
enum ListsService {
    typealias F = ListsFacts

    // MARK: Inputs

    struct ItemInput: StrictInput {
        static let fields: Set<String> = [
            "kind", "title", "text", "category", "quantity", "communityNodeID", "gridID", "lat", "lng", "neededFrom",
            "neededUntil", "isPublic", "origin", "originID",
        ]
        var kind: ListItemKind?
        var title: String?
        var text: String?
        var category: ServiceCategory?
        var quantity: Int?
        var communityNodeID: Int?
        var gridID: Int?
        var lat: Double?
        var lng: Double?
        var neededFrom: String?
        var neededUntil: String?
        var isPublic: Bool?
        var origin: ListOrigin?
        var originID: Int?
    }

    struct ResourceInput: StrictInput {
        static let fields: Set<String> = [
            "title", "text", "category", "offerer", "unitID", "communityNodeID", "gridID", "lat", "lng", "address",
            "capacity", "availableFrom", "availableUntil", "hours", "conditions", "contactName", "contactPhone",
        ]
        var title: String?
        var text: String?
        var category: ServiceCategory?
        var offerer: ResourceOfferer?
        var unitID: Int?
        /// The community (or, for staff, a street) it is offered to.
        var communityNodeID: Int?
        var gridID: Int?
        var lat: Double?
        var lng: Double?
        var address: String?
        var capacity: Int?
        var availableFrom: String?
        var availableUntil: String?
        var hours: String?
        var conditions: String?
        var contactName: String?
        var contactPhone: String?
    }

    struct ClaimInput: StrictInput {
        static let fields: Set<String> = ["resourceID", "teamID", "unitID", "quantity", "note"]
        var resourceID: Int?
        /// A service team (Volunteering's) within reach of the item.
        var teamID: Int?
        var unitID: Int?
        var quantity: Int?
        var note: String?
    }

    struct CloseInput: StrictInput {
        static let fields: Set<String> = ["note"]
        var note: String?
    }

    // MARK: Checks

    static func text(_ raw: String?, field: String, max: Int, required: Bool = true) throws -> String {
        try FormText.text(raw, field: field, max: max, required: required)
    }

    static func point(_ lat: Double?, _ lng: Double?) throws -> (Double, Double)? {
        switch (lat, lng) {
        case (nil, nil): return nil
        case (let a?, let b?):
            guard a.isFinite, b.isFinite, (-90...90).contains(a), (-180...180).contains(b) else {
                throw AppError.invalid(.errorListsPoint, field: "lat")
            }
            return (a, b)
        default: throw AppError.invalid(.errorListsPoint, field: lat == nil ? "lat" : "lng")
        }
    }

    static func window(_ from: String?, _ until: String?, fromField: String, untilField: String) throws
        -> (LocalDate?, LocalDate?)
    {
        let a = try FormDate.day(from, field: fromField)
        let b = try FormDate.day(until, field: untilField)
        if let a, let b, b < a { throw AppError.invalid(.errorListsWindow, field: untilField) }
        return (a, b)
    }

    /// A community named for a change, in the caller's scope (a field problem otherwise, logged).
    static func community(_ id: Int, field: String, streetToo: Bool = false, _ caller: Caller) async throws -> OrgNode
    {
        let node = try await OrgQueries.findForChange(id, caller, field: field)
        let kinds: [OrgNodeKind] = streetToo ? [.communityCommittee, .streetCommittee] : [.communityCommittee]
        guard kinds.contains(node.kind), !node.archived else {
            throw AppError.invalid(.errorListsNotCommunity, field: field)
        }
        return node
    }

    // MARK: Items

    /// Raises a need or problem. Residents and members raise needs of their home community from the phone; grid
    /// staff in their grid, from a visit; list keepers anywhere in scope, from any origin. The origin (a request, a
    /// visit, a meeting) must be one the caller sees, and becomes an item once.
    static func createItem(_ caller: Caller, _ input: ItemInput) async throws -> ListItem {
        let a = try await ListsAccess.of(caller)
        guard a.mayRaise else { throw await caller.forbidden("raise a list item") }
        let origin = a.isResident ? .phone : (input.origin ?? .staff)
        if a.isResident, let o = input.origin, o != .phone {
            throw AppError.invalid(.errorListsOrigin, field: "origin")
        }
        var community: OrgNode
        var gridID = input.gridID
        var path: String
        var lat = input.lat
        var lng = input.lng
        var originID: Int?
        var fromText = ""
        switch origin {
        case .phone, .staff:
            if origin == .phone, !a.isResident { throw AppError.invalid(.errorListsOrigin, field: "origin") }
            if input.originID != nil { throw AppError.invalid(.errorListsOrigin, field: "originId") }
        case .request:
            guard let id = input.originID else { throw AppError.invalid(.errorListsOriginID, field: "originId") }
            let r = try await RequestsQueries.listOrigin(id, field: "originId", caller)
            guard r.kind == .help else {
                throw AppError.invalid(.errorListsOriginKind, field: "originId")
            }
            originID = r.id
            gridID = gridID ?? r.gridID
            if lat == nil, lng == nil {
                lat = r.lat
                lng = r.lng
            }
            fromText = r.text
        case .visit:
            guard let id = input.originID else { throw AppError.invalid(.errorListsOriginID, field: "originId") }
            let visit = try await VisitsQueries.listOrigin(id, field: "originId", caller)
            originID = visit.id
            gridID = gridID ?? visit.gridID
            fromText = visit.note
        case .meeting:
            guard let id = input.originID else { throw AppError.invalid(.errorListsOriginID, field: "originId") }
            let m = try await MeetingsQueries.listOrigin(id, field: "originId", caller)
            originID = m.id
            fromText = m.title
        }
        if a.isResident {
            guard let home = try await F.homeCommunity(a.viewer, on: caller.db) else {
                throw AppError.invalid(.errorListsNoHome, field: "communityNodeId")
            }
            community = home
            gridID = try await PlacesQueries.homeGridSummary(of: a.viewer, on: caller.db)?.id
            path = community.path
            if let g = gridID, let s = try await PlacesQueries.gridSummary(g, on: caller.db) { path = s.path }
        } else if let g = gridID {
            let grid = try await PlacesQueries.scopedGrid(g, for: .change, field: "gridId", caller)
            guard let c = try await OrgNode.find(grid.communityNodeID, on: caller.db) else {
                throw AppError.invalid(.errorRefUnknown, field: "gridId")
            }
            if let named = input.communityNodeID, named != c.id {
                throw AppError.invalid(.errorListsGridCommunity, field: "gridId")
            }
            community = c
            path = grid.path
            if lat == nil, lng == nil {
                let centre = grid.shape.bbox.center
                lat = centre.lat
                lng = centre.lng
            }
        } else {
            guard let id = input.communityNodeID else {
                throw AppError.invalid(.errorListsCommunityRequired, field: "communityNodeId")
            }
            community = try await Self.community(id, field: "communityNodeId", caller)
            path = community.path
        }
        if a.isGridStaff, !a.keeps, origin != .visit, origin != .staff {
            throw AppError.invalid(.errorListsOrigin, field: "origin")
        }
        let title = try text(input.title, field: "title", max: F.maxTitle)
        let body = try text(input.text ?? fromText, field: "text", max: F.maxText, required: false)
        guard let category = input.category else { throw AppError.invalid(.errorListsCategory, field: "category") }
        let quantity = input.quantity ?? 1
        guard (1...F.maxQuantity).contains(quantity) else {
            throw AppError.invalid(.errorListsQuantity, args: [String(F.maxQuantity)], field: "quantity")
        }
        let point = try point(lat, lng)
        let (from, until) = try window(
            input.neededFrom, input.neededUntil, fromField: "neededFrom", untilField: "neededUntil")
        let i = ListItem()
        i.kind = a.isResident ? .need : (input.kind ?? .need)
        i.title = title
        i.text = body
        i.category = category
        i.quantity = quantity
        i.communityNodeID = community.id!
        i.gridID = gridID
        i.path = path
        i.lat = point?.0
        i.lng = point?.1
        i.neededFrom = from?.description
        i.neededUntil = until?.description
        i.origin = origin
        i.originID = originID
        i.raisedBy = a.userID
        i.isPublic = input.isPublic ?? !a.isResident
        let v = a.viewer
        let linked = originID
        try await caller.db.writing { db in
            if let originID = linked {
                let existing = try await ListItem.query(on: db).filter(\.$origin == origin)
                    .filter(\.$originID == originID).first()
                if let existing { throw AppError.conflict(.errorListsOriginTwice, args: [existing.title]) }
            }
            try await i.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .listItem, id: i.id!, label: i.title,
                scopePath: i.path,
                before: nil as String?, after: ItemAudit(i))
            try await alert(newItem: i, at: caller.now, on: db)
        }
        return i
    }

    struct ItemAudit: Encodable {
        let kind: String
        let title: String
        let category: String
        let quantity: Int
        let origin: String
        let originID: Int?
        let closedOn: String?
        let closeNote: String?

        init(_ i: ListItem) {
            kind = i.kind.rawValue
            title = i.title
            category = i.category.rawValue
            quantity = i.quantity
            origin = i.origin.rawValue
            originID = i.originID
            closedOn = i.closedOn
            closeNote = i.closeNote
        }
    }

    /// An item the caller sees: a public one of the resident's community too; a logged 404 otherwise.
    static func item(_ id: Int, _ caller: Caller) async throws -> (ListItem, ListsAccess) {
        let a = try await ListsAccess.of(caller)
        guard let i = try await ListItem.find(id, on: caller.db) else { throw AppError.notFound() }
        if try await a.sees(i, on: caller.db) { return (i, a) }
        throw await caller.outOfScope("list item \(id)", scopePath: i.path)
    }

    /// Closes an item (settled otherwise, withdrawn, a duplicate): its keeper, or the resident who raised it.
    static func closeItem(_ caller: Caller, id: Int, _ input: CloseInput) async throws -> ListItem {
        let (i, a) = try await item(id, caller)
        guard (a.keeps && a.inScope(i.path)) || i.raisedBy == a.userID else {
            throw await caller.forbidden("close list item \(id)", scopePath: i.path)
        }
        if i.closedOn != nil { throw AppError.conflict(.errorListsClosed) }
        let note = try text(input.note, field: "note", max: 500)
        let before = ItemAudit(i)
        i.closedOn = caller.today.description
        i.closeNote = note
        let v = a.viewer
        try await caller.db.writing { db in
            try await i.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .listItem, id: i.id!, label: i.title,
                scopePath: i.path,
                before: before, after: ItemAudit(i))
        }
        return i
    }

    // MARK: Resources

    /// Offers a resource. A liaison offers for their unit, to the community where it stands; a member offers as
    /// themselves to their home community; keepers record any offer to a community or street in their scope.
    static func createResource(_ caller: Caller, _ input: ResourceInput) async throws -> ListResource {
        let a = try await ListsAccess.of(caller)
        let r = ListResource()
        var community: OrgNode?
        var path: String
        var offerer: ResourceOfferer
        if a.isLiaison {
            guard let unitID = input.unitID else { throw AppError.invalid(.errorListsUnitRequired, field: "unitId") }
            guard a.unitIDs.contains(unitID), let u = try await UnitsQueries.reportingUnit(unitID, on: caller.db)
            else {
                throw AppError.invalid(.errorRefUnknown, field: "unitId")
            }
            offerer = .unit
            r.unitID = unitID
            if let id = input.communityNodeID {
                guard let n = try await OrgNode.find(id, on: caller.db),
                    TreePath(u.path).contains(n.treePath) || n.id == u.locationNodeID
                else { throw AppError.invalid(.errorRefUnknown, field: "communityNodeId") }
                guard n.kind == .communityCommittee || n.kind == .streetCommittee, !n.archived else {
                    throw AppError.invalid(.errorListsNotCommunity, field: "communityNodeId")
                }
                community = n
            } else {
                guard let n = try await OrgNode.find(u.locationNodeID, on: caller.db) else {
                    throw AppError.invalid(.errorListsCommunityRequired, field: "communityNodeId")
                }
                community = n
            }
            path = community!.path
        } else if a.isResident {
            guard a.viewer.role == .partyMember, let person = a.viewer.user.personID else {
                throw await caller.forbidden("offer a resource")
            }
            guard let home = try await F.homeCommunity(a.viewer, on: caller.db) else {
                throw AppError.invalid(.errorListsNoHome, field: "communityNodeId")
            }
            if input.unitID != nil { throw AppError.invalid(.errorRefUnknown, field: "unitId") }
            offerer = .member
            r.personID = person
            community = home
            path = home.path
        } else {
            guard a.keeps else { throw await caller.forbidden("offer a resource") }
            guard let id = input.communityNodeID else {
                throw AppError.invalid(.errorListsCommunityRequired, field: "communityNodeId")
            }
            let node = try await Self.community(id, field: "communityNodeId", streetToo: true, caller)
            community = node
            path = node.path
            offerer = input.offerer ?? (input.unitID == nil ? .community : .unit)
            if let unitID = input.unitID {
                _ = try await UnitsQueries.scopedReportingUnit(unitID, for: .read, field: "unitId", caller)
                r.unitID = unitID
            } else if offerer == .unit {
                throw AppError.invalid(.errorListsUnitRequired, field: "unitId")
            }
        }
        if let g = input.gridID {
            let grid = try await PlacesQueries.scopedGrid(g, field: "gridId", caller)
            guard TreePath(path).contains(TreePath(grid.path)) else {
                throw AppError.invalid(.errorListsGridCommunity, field: "gridId")
            }
            r.gridID = g
            if input.lat == nil, input.lng == nil {
                r.lat = grid.shape.bbox.center.lat
                r.lng = grid.shape.bbox.center.lng
            }
        }
        r.title = try text(input.title, field: "title", max: F.maxTitle)
        r.text = try text(input.text, field: "text", max: F.maxText, required: false)
        guard let category = input.category else { throw AppError.invalid(.errorListsCategory, field: "category") }
        r.category = category
        r.offerer = offerer
        let capacity = input.capacity ?? 1
        guard (1...F.maxCapacity).contains(capacity) else {
            throw AppError.invalid(.errorListsCapacity, args: [String(F.maxCapacity)], field: "capacity")
        }
        r.capacity = capacity
        if let p = try point(input.lat, input.lng) {
            r.lat = p.0
            r.lng = p.1
        }
        let (from, until) = try window(
            input.availableFrom, input.availableUntil, fromField: "availableFrom", untilField: "availableUntil")
        r.availableFrom = from?.description
        r.availableUntil = until?.description
        r.communityNodeID = community?.kind == .communityCommittee ? community?.id : nil
        r.path = path
        r.address = try text(input.address, field: "address", max: 200, required: false)
        r.hours = try text(input.hours, field: "hours", max: 200, required: false)
        r.conditions = try text(input.conditions, field: "conditions", max: 500, required: false)
        r.contactName = try text(input.contactName ?? a.viewer.user.displayName, field: "contactName", max: 50)
        let phone = input.contactPhone ?? ""
        do { r.contactPhone = phone.isEmpty ? "" : try MobileNumber(phone).value } catch {
            throw AppError.invalid(.errorPhoneInvalid, field: "contactPhone")
        }
        r.recordedBy = a.userID
        let v = a.viewer
        try await caller.db.writing { db in
            try await r.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .listResource, id: r.id!, label: r.title,
                scopePath: r.path,
                before: nil as String?, after: ResourceAudit(r))
            try await alert(newResource: r, at: caller.now, on: db)
        }
        return r
    }

    struct ResourceAudit: Encodable {
        let title: String
        let category: String
        let offerer: String
        let unitID: Int?
        let capacity: Int
        let availableFrom: String?
        let availableUntil: String?
        let withdrawnOn: String?

        init(_ r: ListResource) {
            title = r.title
            category = r.category.rawValue
            offerer = r.offerer.rawValue
            unitID = r.unitID
            capacity = r.capacity
            availableFrom = r.availableFrom
            availableUntil = r.availableUntil
            withdrawnOn = r.withdrawnOn
        }
    }

    static func resource(_ id: Int, _ caller: Caller) async throws -> (ListResource, ListsAccess) {
        let a = try await ListsAccess.of(caller)
        guard let r = try await ListResource.find(id, on: caller.db) else { throw AppError.notFound() }
        guard a.sees(r) else { throw await caller.outOfScope("list resource \(id)", scopePath: r.path) }
        return (r, a)
    }

    /// Withdraws an offer: who offered it, or a keeper of its scope. Claims already made stand.
    static func withdrawResource(_ caller: Caller, id: Int) async throws -> ListResource {
        let (r, a) = try await resource(id, caller)
        guard r.recordedBy == a.userID || (a.keeps && a.inScope(r.path)) else {
            throw await caller.forbidden("withdraw list resource \(id)", scopePath: r.path)
        }
        if r.withdrawnOn != nil { throw AppError.conflict(.errorListsWithdrawn) }
        let before = ResourceAudit(r)
        r.withdrawnOn = caller.today.description
        let v = a.viewer
        try await caller.db.writing { db in
            try await r.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .listResource, id: r.id!, label: r.title,
                scopePath: r.path,
                before: before, after: ResourceAudit(r))
        }
        return r
    }

    // MARK: Claims

    /// Records a match or claim against an item: a keeper matches a resource, a team or a unit; a liaison claims for
    /// their unit (or matches its resource). Never beyond what is still needed or what the resource can still give.
    static func claim(_ caller: Caller, itemID: Int, _ input: ClaimInput) async throws -> ListClaim {
        let (i, a) = try await item(itemID, caller)
        let keeper = a.keeps && a.inScope(i.path)
        guard keeper || a.isLiaison else {
            throw await caller.forbidden("claim list item \(itemID)", scopePath: i.path)
        }
        let named = [input.resourceID != nil, input.teamID != nil, input.unitID != nil].filter { $0 }.count
        guard named == 1 else { throw AppError.invalid(.errorListsClaimWho, field: "resourceId") }
        var resource: ListResource?
        var unitID = input.unitID
        if let rid = input.resourceID {
            guard let r = try await ListResource.find(rid, on: caller.db), a.sees(r) else {
                await AccessLog.write(caller, .outOfScopeRead, detail: "list resource \(rid) in resourceId")
                throw AppError.invalid(.errorRefUnknown, field: "resourceId")
            }
            guard F.onOffer(r, today: caller.today) else {
                throw AppError.invalid(.errorListsWithdrawn, field: "resourceId")
            }
            guard r.category == i.category else {
                throw AppError.invalid(.errorListsCategoryMismatch, field: "resourceId")
            }
            let reach = TreePath(r.path).contains(TreePath(i.path)) || F.ancestorPaths(of: i.path).contains(r.path)
            guard reach else { throw AppError.invalid(.errorListsReach, field: "resourceId") }
            resource = r
            unitID = r.unitID
        }
        var teamID: Int?
        if let t = input.teamID {
            guard a.keeps,
                let team = try await ListsMatching.teams(for: i, now: caller.now, on: caller.db).first(where: {
                    $0.id == t
                })
            else {
                if try await !VolunteeringQueries.teamNames([t], db: caller.db).isEmpty {
                    await AccessLog.write(caller, .outOfScopeRead, detail: "service team \(t) in teamId")
                }
                throw AppError.invalid(.errorRefUnknown, field: "teamId")
            }
            guard team.categories.contains(i.category) else {
                throw AppError.invalid(.errorListsCategoryMismatch, field: "teamId")
            }
            teamID = team.id
            unitID = team.ownerUnitID
        }
        if let u = input.unitID {
            if a.isLiaison {
                guard a.unitIDs.contains(u) else { throw AppError.invalid(.errorRefUnknown, field: "unitId") }
            } else {
                _ = try await UnitsQueries.scopedReportingUnit(u, for: .read, field: "unitId", caller)
            }
        }
        if a.isLiaison, let r = resource, !(r.unitID.map(a.unitIDs.contains) ?? false) {
            throw AppError.invalid(.errorRefUnknown, field: "resourceId")
        }
        let quantity = input.quantity ?? 1
        let note = try text(input.note, field: "note", max: 500, required: false)
        let c = ListClaim()
        c.itemID = i.id!
        c.resourceID = resource?.id
        c.teamID = teamID
        c.unitID = unitID
        c.quantity = quantity
        c.note = note
        c.path = i.path
        c.claimedBy = a.userID
        c.claimedAt = caller.now
        let v = a.viewer
        let matched = resource
        try await caller.db.writing { db in
            try await lock(item: i.id!, resource: matched?.id, on: db)
            let claimed = try await F.claimed(items: [i.id!], on: db)[i.id!] ?? []
            var free: Int?
            if let r = matched { free = r.capacity - (try await F.taken(resources: [r.id!], on: db)[r.id!] ?? 0) }
            do {
                try ListRules.checkClaim(
                    quantity: quantity, needed: i.quantity, claimed: claimed, closed: i.closedOn != nil, free: free)
            } catch let p as ListRules.Problem { throw problem(p) }
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .listClaim, id: c.id!, label: i.title,
                scopePath: i.path,
                before: nil as String?,
                after: ClaimAudit(c))
        }
        return c
    }

    struct ClaimAudit: Encodable {
        let itemID: Int
        let resourceID: Int?
        let teamID: Int?
        let unitID: Int?
        let quantity: Int
        let withdrawn: Bool

        init(_ c: ListClaim) {
            itemID = c.itemID
            resourceID = c.resourceID
            teamID = c.teamID
            unitID = c.unitID
            quantity = c.quantity
            withdrawn = c.withdrawnAt != nil
        }
    }

    static func problem(_ p: ListRules.Problem) -> AppError {
        switch p {
        case .beyondNeed(let open): AppError.invalid(.errorListsBeyondNeed, args: [String(open)], field: "quantity")
        case .beyondCapacity(let free):
            AppError.invalid(.errorListsBeyondCapacity, args: [String(free)], field: "quantity")
        case .quantityNotPositive:
            AppError.invalid(.errorListsQuantity, args: [String(F.maxQuantity)], field: "quantity")
        case .itemClosed: AppError.conflict(.errorListsClosed)
        case .alreadyWithdrawn: AppError.conflict(.errorListsWithdrawn)
        }
    }

    /// On PostgreSQL the item's and the resource's rows are locked for the transaction, so two claims cannot both
    /// take the last of either (SQLite's write transactions already run one at a time).
    static func lock(item: Int, resource: Int?, on db: any Database) async throws {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: ListItem.schema) WHERE id = \(bind: item) FOR UPDATE").run()
        if let resource {
            try await sql.raw("SELECT id FROM \(ident: ListResource.schema) WHERE id = \(bind: resource) FOR UPDATE")
                .run()
        }
    }

    /// Withdraws a claim: who made it, a keeper of the item's scope, or the liaison of the claiming unit.
    static func withdrawClaim(_ caller: Caller, itemID: Int, claimID: Int) async throws {
        let (i, a) = try await item(itemID, caller)
        guard let c = try await ListClaim.find(claimID, on: caller.db), c.itemID == i.id else {
            throw AppError.notFound()
        }
        let mine = c.claimedBy == a.userID || (c.unitID.map(a.unitIDs.contains) ?? false)
        guard mine || (a.keeps && a.inScope(i.path)) else {
            throw await caller.forbidden("withdraw claim \(claimID)", scopePath: i.path)
        }
        if c.withdrawnAt != nil { throw AppError.conflict(.errorListsWithdrawn) }
        let before = ClaimAudit(c)
        c.withdrawnAt = caller.now
        c.withdrawnBy = a.userID
        let v = a.viewer
        try await caller.db.writing { db in
            try await c.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .listClaim, id: c.id!, label: i.title,
                scopePath: i.path,
                before: before, after: ClaimAudit(c))
        }
    }

    // MARK: Alerts

    static let alertLimit = 50

    /// A new resource: the owners of open needs it fits (same category, within its reach, windows meeting) are told.
    static func alert(newResource r: ListResource, at now: Date, on db: any Database) async throws {
        let items = try await ListItem.query(on: db).filter(\.$category == r.category).filter(\.$closedOn == nil)
            .filter(\.$path =~ r.path).sort(\.$id, .descending).limit(alertLimit * 4).all()
        let claimed = try await F.claimed(items: items.compactMap(\.id), on: db)
        var told = Set<Int>()
        var alerts: [ListAlert] = []
        for i in items where i.raisedBy != r.recordedBy && told.count < alertLimit {
            let open = ListRules.open(needed: i.quantity, claimed: claimed[i.id!] ?? [])
            guard open > 0, fits(r, i), !told.contains(i.raisedBy) else { continue }
            told.insert(i.raisedBy)
            alerts.append(newAlert(user: i.raisedBy, item: i, resource: r, resourceIsNew: true, at: now))
        }
        if !alerts.isEmpty { try await alerts.create(on: db) }
    }

    /// A new item: those who offered the resources that fit it are told.
    static func alert(newItem i: ListItem, at now: Date, on db: any Database) async throws {
        let reach = F.ancestorPaths(of: i.path)
        let resources = try await ListResource.query(on: db).filter(\.$category == i.category)
            .filter(\.$withdrawnOn == nil)
            .group(.or) { g in
                g.filter(\.$path =~ i.path)
                if !reach.isEmpty { g.filter(\.$path ~~ reach) }
            }
            .sort(\.$id, .descending).limit(alertLimit * 4).all()
        var told = Set<Int>()
        var alerts: [ListAlert] = []
        for r in resources where r.recordedBy != i.raisedBy && told.count < alertLimit {
            guard F.onOffer(r, today: LocalDate(instant: now.timeIntervalSince1970)), fits(r, i),
                !told.contains(r.recordedBy)
            else { continue }
            told.insert(r.recordedBy)
            alerts.append(newAlert(user: r.recordedBy, item: i, resource: r, resourceIsNew: false, at: now))
        }
        if !alerts.isEmpty { try await alerts.create(on: db) }
    }

    static func fits(_ r: ListResource, _ i: ListItem) -> Bool {
        let need = Matching.Need(
            category: i.category, gridID: i.gridID, communityNodeID: i.communityNodeID, lat: i.lat, lng: i.lng,
            open: 1, from: i.neededFrom.flatMap(LocalDate.init), until: i.neededUntil.flatMap(LocalDate.init))
        return Matching.fits(ListsMatching.candidate(r, free: 1), need)
    }

    static func newAlert(
        user: Int, item i: ListItem, resource r: ListResource, resourceIsNew: Bool, at now: Date
    ) -> ListAlert {
        let alert = ListAlert()
        alert.userID = user
        alert.itemID = i.id!
        alert.resourceID = r.id!
        alert.resourceIsNew = resourceIsNew
        alert.path = i.path
        alert.at = now
        return alert
    }

    /// The viewer looked at an item: their alerts about it are seen.
    static func markSeen(item id: Int, user: Int, at now: Date, on db: any Database) async throws {
        try await ListAlert.query(on: db).filter(\.$userID == user).filter(\.$itemID == id)
            .filter(\.$seenAt == nil).set(\.$seenAt, to: now).update()
    }
}
