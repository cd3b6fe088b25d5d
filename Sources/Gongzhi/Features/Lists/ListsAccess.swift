import Fluent
import GongzhiCore
import Vapor

extension ListItem: ScopedRecord {}
extension ListResource: ScopedRecord {}
extension ActionProject: ScopedRecord {}

/// Who sees and changes what on the lists, in one place.
///
/// Community staff (who edit people) keep the lists of their scope; grid staff record what they find in their grid;
/// a unit liaison sees the lists of the communities where the unit stands, offers its resources and claims for it;
/// residents and members raise needs on the phone and see their own and the public ones of their community;
/// members offer what they can give. Resources offered to a street or the district reach the communities below it.
struct ListsAccess: Sendable {
    let viewer: Viewer
    let unitIDs: [Int]
    /// Paths of the communities (or streets) where the liaison's units stand.
    let unitPaths: [String]

    static func of(_ caller: Caller) async throws -> ListsAccess {
        try await of(try caller.requireViewer(), on: caller.db)
    }

    static func of(_ v: Viewer, on db: any Database) async throws -> ListsAccess {
        let units = try await UnitsQueries.liaisonUnitIDs(v, on: db)
        let paths = try await UnitsQueries.reportingUnits(units, on: db).values.map { u in
            u.path
        }
        return ListsAccess(viewer: v, unitIDs: units, unitPaths: Array(Set(paths)).sorted())
    }

    var isLiaison: Bool { viewer.role == .unitLiaison }
    var isResident: Bool { viewer.scope.isSelfOnly }
    /// Keeps the lists: raises items for anyone, matches, closes, runs projects.
    var keeps: Bool { viewer.can(.editPeople) && !isLiaison }
    var isGridStaff: Bool { NavEntry.gridStaff.contains(viewer.role) }
    var mayRaise: Bool { keeps || isGridStaff || isResident }
    var userID: Int { viewer.user.id! }

    func inScope(_ path: String) -> Bool { !isLiaison && viewer.scope.includes(TreePath(path)) }

    /// The items the viewer may see.
    func items(on db: any Database) async throws -> QueryBuilder<ListItem> {
        let q = ListItem.query(on: db)
        if isResident {
            let home = try await ListsFacts.homeCommunity(viewer, on: db)?.path
            return q.group(.or) { g in
                g.filter(\.$raisedBy == userID)
                if let home { g.group(.and) { $0.filter(\.$isPublic == true).filter(\.$path =~ home) } }
            }
        }
        if isLiaison {
            if unitPaths.isEmpty { return q.filter(\.$id == -1) }
            return q.group(.or) { g in for p in unitPaths { g.filter(\.$path =~ p) } }
        }
        return q.inScope(viewer.scope, \.$path)
    }

    func sees(_ i: ListItem) -> Bool {
        if i.raisedBy == userID { return true }
        if isLiaison { return unitPaths.contains { TreePath($0).contains(TreePath(i.path)) } }
        if isResident { return false }  // public ones of the home community: see `sees(_:on:)`
        return inScope(i.path)
    }

    /// The same, with a resident's view of the public items of their home community.
    func sees(_ i: ListItem, on db: any Database) async throws -> Bool {
        if sees(i) { return true }
        guard isResident, i.isPublic, let home = try await ListsFacts.homeCommunity(viewer, on: db) else {
            return false
        }
        return TreePath(home.path).contains(TreePath(i.path))
    }

    /// A project: in the scope; a liaison's when their unit owns it or is a partner.
    func sees(_ p: ActionProject, on db: any Database) async throws -> Bool {
        if inScope(p.path) { return true }
        if isResident { return try await servingMyNeeds(on: db).contains(p.id!) }
        guard isLiaison, !unitIDs.isEmpty else { return false }
        if let o = p.ownerUnitID, unitIDs.contains(o) { return true }
        return try await ProjectLink.query(on: db).filter(\.$projectID == p.id!).filter(\.$partnerUnitID ~~ unitIDs)
            .count() > 0
    }

    /// Resources the viewer may see: in the scope or offered above it (a street's offer reaches its communities);
    /// a liaison its units'; a member their own.
    func resources(on db: any Database) -> QueryBuilder<ListResource> {
        let q = ListResource.query(on: db)
        if isLiaison {
            return q.group(.or) { g in
                g.filter(\.$recordedBy == userID)
                if !unitIDs.isEmpty { g.filter(\.$unitID ~~ unitIDs) }
            }
        }
        if isResident { return q.filter(\.$recordedBy == userID) }
        let above = ListsFacts.ancestorPaths(of: viewer.scope)
        return q.group(.or) { g in
            for p in viewer.scope.paths { g.filter(\.$path =~ p.value) }
            if !above.isEmpty { g.filter(\.$path ~~ above) }
        }
    }

    func sees(_ r: ListResource) -> Bool {
        if r.recordedBy == userID { return true }
        if isLiaison { return r.unitID.map(unitIDs.contains) ?? false }
        if isResident { return false }
        return inScope(r.path) || ListsFacts.ancestorPaths(of: viewer.scope).contains(r.path)
    }

    /// Projects: in the scope; a liaison those its units own or partner in.
    func projects(on db: any Database) async throws -> QueryBuilder<ActionProject> {
        let q = ActionProject.query(on: db)
        if isLiaison {
            let partnered =
                unitIDs.isEmpty
                ? []
                : try await ProjectLink.query(on: db).filter(\.$partnerUnitID ~~ unitIDs).all().map(\.projectID)
            return q.group(.or) { g in
                g.filter(\.$id == -1)
                if !unitIDs.isEmpty { g.filter(\.$ownerUnitID ~~ unitIDs) }
                if !partnered.isEmpty { g.filter(\.$id ~~ partnered) }
            }
        }
        if isResident {
            let mine = try await servingMyNeeds(on: db)
            return mine.isEmpty ? q.filter(\.$id == -1) : q.filter(\.$id ~~ mine)
        }
        return q.inScope(viewer.scope, \.$path)
    }

    /// The projects built on needs the viewer raised: a resident sees, and rates, what met her need.
    func servingMyNeeds(on db: any Database) async throws -> [Int] {
        let mine = try await ListItem.query(on: db).filter(\.$raisedBy == userID).all().compactMap(\.id)
        guard !mine.isEmpty else { return [] }
        return Array(Set(try await ProjectLink.query(on: db).filter(\.$itemID ~~ mine).all().map(\.projectID)))
    }
}

/// Facts every page and figure of the lists reads.
enum ListsFacts {
    static let maxTitle = 100
    static let maxText = 2_000
    static let maxQuantity = 10_000
    static let maxCapacity = 1_000_000

    /// The paths above every path of a scope, where offers to a street or the district are kept.
    static func ancestorPaths(of scope: DataScope) -> [String] {
        Set(scope.paths.flatMap { $0.ancestors.map(\.value) }).sorted()
    }

    static func ancestorPaths(of path: String) -> [String] { TreePath(path).ancestors.map(\.value) }

    /// The community a resident or member lives in: their node when it is a community, else the community above.
    static func homeCommunity(_ v: Viewer, on db: any Database) async throws -> OrgNode? {
        try await OrgQueries.community(of: v.node, on: db)
    }

    /// Active claims' quantities per item.
    static func claimed(items ids: [Int], on db: any Database) async throws -> [Int: [Int]] {
        var out: [Int: [Int]] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            let claims = try await ListClaim.query(on: db).filter(\.$itemID ~~ chunk).filter(\.$withdrawnAt == nil)
                .field(\.$itemID).field(\.$quantity).all()
            for c in claims { out[c.itemID, default: []].append(c.quantity) }
        }
        return out
    }

    /// Active claims' total per resource.
    static func taken(resources ids: [Int], on db: any Database) async throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            let claims = try await ListClaim.query(on: db).filter(\.$resourceID ~~ chunk)
                .filter(\.$withdrawnAt == nil).field(\.$resourceID).field(\.$quantity).all()
            for c in claims { if let r = c.resourceID { out[r, default: 0] += c.quantity } }
        }
        return out
    }

    static func status(_ i: ListItem, claimed: [Int: [Int]]) -> NeedStatus {
        ListRules.status(needed: i.quantity, claimed: claimed[i.id!] ?? [], closed: i.closedOn != nil)
    }

    /// A resource is on offer when not withdrawn and its window has not ended.
    static func onOffer(_ r: ListResource, today: LocalDate) -> Bool {
        r.withdrawnOn == nil && (r.availableUntil.flatMap(LocalDate.init).map { $0 >= today } ?? true)
    }
}
