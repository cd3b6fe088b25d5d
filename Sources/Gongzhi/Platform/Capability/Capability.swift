import Fluent
import GongzhiCore
import Vapor

/// Everything the platform needs from one capability, declared in one manifest in the capability's folder
/// (after Decidim's component manifests): configure.swift, the two layouts, the home page, the audit log, the
/// string tables, the route check and the API document iterate `Capability.all` and name no capability.
struct Capability: Sendable {
    let name: String
    /// In dependency order within the capability; capabilities run in the order of `Capability.all`.
    var migrations: [any Migration] = []
    /// Registers the capability's handlers on the builders the platform prepares (sessions, CSRF, bearer tokens).
    var register: @Sendable (CapabilityRoutes) -> Void = { _ in }
    /// The capability's route types: every case pattern must be registered (RoutesTests).
    var routeTypes: [any AppRoute.Type] = []
    var navigation: [NavEntry] = []
    var homeTiles: [HomeTile] = []
    var auditKinds: [AuditKind] = []
    /// Its tables that copy a tree path or name a node (see `TreePathTable`), and node columns that stay on a merge.
    var treePaths: [TreePathTable] = []
    var notMerged: [NotMerged] = []
    /// The capability's part of the API document (paths, parameters, bodies and answers by Swift type); a
    /// function, as operations may list what the manifests declare (audit kinds) and are read after `all` exists.
    var apiDoc: @Sendable () -> [APIOperation] = { [] }
    var strings = StringTable()
    /// Kinds of CSV import the capability commits through the platform's preview-and-commit.
    var importers: [Importer] = []
    /// The capability's part of the demo district, run after the base and the capabilities before it.
    var demo: (@Sendable (DemoDistrict) async throws -> Void)?
    /// The capability's past in the demo (a year of requests), run after every capability's `demo`: the past
    /// names accounts, units and meetings that later steps make.
    var demoHistory: (@Sendable (DemoDistrict) async throws -> Void)?
    var lifecycle: [any LifecycleHandler] = []
    var commands: [String: any AsyncCommand] = [:]
    /// What waits on a viewer in this capability beyond the request loop's steps (a meeting's decision owned by
    /// them or their unit): the to-dos page lists these under the requests.
    var todos: TodoItem.Source?
    /// Kinds of record that wait for a named approver before they count (see `Approvals`).
    var approvals: [ApprovalKind] = []
    /// Sections on a unit's pages (the unit's page and the liaison's 本单位 desk) and on a node's pages (the
    /// organisation node's page and 我的社区): see `PageSection`.
    var unitSections: PageSection.Source?
    var nodeSections: PageSection.Source?
    /// Sections on a request's page (the need a help request became).
    var requestSections: PageSection.Source?
}

/// One thing on a viewer's to-dos that a capability other than Requests owns.
struct TodoItem: Sendable {
    typealias Source = @Sendable (Caller) async throws -> [TodoItem]

    let link: Link
    let title: String
    /// What the viewer is to do ("report the decision done").
    let waitingFor: String
    /// Where it comes from (a meeting, its day).
    let origin: String
    let due: LocalDate?

    func overdue(on today: LocalDate) -> Bool { due.map { $0 < today } ?? false }

    /// Every capability's items for the viewer, the overdue and soonest due first.
    static func all(_ caller: Caller) async throws -> [TodoItem] {
        var items: [TodoItem] = []
        for source in Capability.all.compactMap(\.todos) {
            items += try await source(caller)
        }
        return items.enumerated().sorted { a, b in
            let da = a.element.due ?? LocalDate(year: 2200, month: 1, day: 1)!
            let db = b.element.due ?? LocalDate(year: 2200, month: 1, day: 1)!
            return (da, a.offset) < (db, b.offset)
        }.map(\.element)
    }
}

/// The builders a capability registers on. None adds a path prefix: route types carry their whole path.
struct CapabilityRoutes {
    /// Outside sessions and bearer tokens (Open311 keeps its own keys).
    let bare: any RoutesBuilder
    /// JSON with a bearer token or none.
    let publicAPI: any RoutesBuilder
    /// JSON for a signed-in caller.
    let api: any RoutesBuilder
    /// Pages with a session and CSRF, signed in or not.
    let publicPages: any RoutesBuilder
    /// Pages for a signed-in user.
    let pages: any RoutesBuilder
}

enum LayoutKind: Sendable {
    case phone
    case desk
}

/// The groups of the seeds' PC terminal (党建地图, 智慧管理, 智慧服务, 智慧研判, 智慧办公): the
/// desk menu lists its entries under them, so thirty capabilities stay five headings; the phone's home lists its
/// non-tab entries the same way.
enum NavGroup: Int, CaseIterable, Sendable {
    case map, management, services, analysis, office

    var key: Text {
        switch self {
        case .map: .navGroupMap
        case .management: .navGroupManagement
        case .services: .navGroupServices
        case .analysis: .navGroupAnalysis
        case .office: .navGroupOffice
        }
    }
}

/// A menu entry of one layout; entries sort by `order` across capabilities.
struct NavEntry: Sendable {
    let layout: LayoutKind
    let order: Int
    let link: Link
    let key: Text
    var permission: Permission?
    /// The roles the entry is for (nil: everyone the permission lets in). A phone's tabs are the day's work of
    /// whoever holds it: a resident's requests and community, a grid worker's to-dos, grid and visits.
    var roles: Set<Role>?
    /// Where the entry stands in the desk menu, and on the phone's home when it is not a tab (nil: at the top).
    var group: NavGroup?
    /// One of the phone's tabs: at most five a role (home, the day's work, the community or grid, 我的, one
    /// more); every other phone entry is reached from home, under its group.
    var tab = false

    func shows(for v: Viewer) -> Bool {
        (permission.map(v.can) ?? true) && (roles?.contains(v.role) ?? true)
    }

    /// Residents and party members on the phone.
    static let residents: Set<Role> = [.resident, .partyMember]
    /// The grid's own staff on the phone.
    static let gridStaff: Set<Role> = [.gridWorker, .laneChief, .buildingChief, .buildingGroupLeader]
}

/// An entry on the home page: a link with a hint on the phone, a counted figure at the desk. A figure is the
/// size of the list its link opens, counted by the capability that owns the list.
struct HomeTile: Sendable {
    /// The viewer, the database and the time (for figures that depend on it: what is overdue now).
    typealias Count = @Sendable (Viewer, any Database, Date) async throws -> Int

    let layout: LayoutKind
    let order: Int
    let link: Link
    let key: Text
    var hint: Text?
    var permission: Permission?
    var count: Count?
    /// The roles the tile is for (nil: everyone the permission lets in), as for menu entries.
    var roles: Set<Role>?

    func shows(for v: Viewer) -> Bool {
        (permission.map(v.can) ?? true) && (roles?.contains(v.role) ?? true)
    }
}
