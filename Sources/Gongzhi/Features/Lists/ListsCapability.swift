import Fluent

extension Capability {
    /// 四个清单: needs and problems, resources and service teams, matched with ranked suggestions and built into
    /// action projects (行动项目) with milestones, progress, closure and the residents' rating.
    static let lists = Capability(
        name: "Lists",
        migrations: [CreateLists(), CreateProjectRatings()],
        register: { r in
            ListsAPI.register(r.api)
            ListsPages.register(r.pages)
        },
        routeTypes: [ListsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 45, link: ListsRoute.page.link, key: .navLists, permission: .viewTree,
                group: .services),
            NavEntry(
                layout: .phone, order: 30, link: ListsRoute.mine.link, key: .navListsPhone, roles: NavEntry.residents,
                group: .services),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 30, link: ListsRoute.mine.link, key: .navListsPhone, hint: .homeListsHint,
                roles: NavEntry.residents),
            HomeTile(
                layout: .desk, order: 30, link: ListsRoute.page.query([("status", "open")]), key: .navLists,
                hint: .homeListsDeskHint, permission: .viewTree,
                count: { v, db, _ in
                    // The items the list shows this viewer (a liaison: those where its unit reports), open.
                    let open = try await ListsAccess.of(v, on: db).items(on: db).filter(\.$closedOn == nil)
                        .field(\.$id).field(\.$quantity).all()
                    let claimed = try await ListsFacts.claimed(items: open.compactMap(\.id), on: db)
                    return open.filter { (claimed[$0.id!] ?? []).isEmpty }.count
                }),
        ],
        auditKinds: [.listItem, .listResource, .listClaim, .actionProject],
        treePaths: [
            ListItem.treePaths, ListResource.treePaths, ListClaim.treePaths, ListAlert.treePaths,
            ActionProject.treePaths, ProjectLink.treePaths,
            TreePathTable(table: ProjectRating.schema, pathColumns: ["path"]), ProjectMilestone.treePaths,
            ProjectNote.treePaths,
        ],
        apiDoc: { ListsAPIDoc.operations },
        strings: ListsStrings.table,
        demo: { try await ListsDemo.load($0) },
        todos: { caller in try await ListsAlerts.todos(caller) },
        requestSections: { id, caller in try await ListsSections.request(id, caller) }
    )
}

extension AuditKind {
    static let listItem = AuditKind("list_item")
    static let listResource = AuditKind("list_resource")
    static let listClaim = AuditKind("list_claim")
    static let actionProject = AuditKind("action_project")
}

extension ListItem {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"], gridColumn: "grid_id",
        gridCommunityColumn: "community_node_id")
}

extension ListResource {
    /// Kept at the community or street the offer is made to, not at its grid: a grid's move leaves the offer's reach.
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension ListClaim {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ListAlert {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ActionProject {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["node_id"])
}

extension ProjectLink {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ProjectMilestone {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ProjectNote {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

/// On a help request's page, for list keepers: the need it became, or the one step that makes it one.
enum ListsSections {
    static func request(_ id: Int, _ caller: Caller) async throws -> PageSection? {
        let a = try await ListsAccess.of(caller)
        guard a.keeps else { return nil }
        let lang = caller.lang
        if let item = try await a.items(on: caller.db).filter(\.$origin == .request).filter(\.$originID == id).first()
        {
            return PageSection(
                id: "request-list-item", title: lang.t(.navLists),
                items: [
                    .init(
                        link: ListsRoute.item(.value(item.id!)).link, label: item.title,
                        detail: lang.t(.listsFromRequestDone))
                ])
        }
        let r = try await RequestsQueries.listOrigin(id, field: "originId", caller)
        guard r.kind == .help else { return nil }
        return PageSection(
            id: "request-list-item", title: lang.t(.navLists),
            items: [
                .init(
                    link: ListsRoute.page.query([("fromRequest", String(id))]), label: lang.t(.listsFromRequest),
                    detail: lang.t(.listsFromRequestHint))
            ])
    }
}

/// "A new resource fits your need" and the other way round, as the owner's to-dos until they open the item.
enum ListsAlerts {
    @Sendable static func todos(_ caller: Caller) async throws -> [TodoItem] {
        try await toRate(caller) + alerts(caller)
    }

    /// Closed projects that served a need the viewer raised, until the viewer rates them: how a resident is told
    /// that her need was met.
    static func toRate(_ caller: Caller) async throws -> [TodoItem] {
        let v = try caller.requireViewer()
        let access = try await ListsAccess.of(v, on: caller.db)
        let ids = try await access.servingMyNeeds(on: caller.db)
        guard !ids.isEmpty else { return [] }
        let rated = Set(
            try await ProjectRating.query(on: caller.db).filter(\.$userID == v.user.id!).all().map(\.projectID))
        let closed = try await ActionProject.query(on: caller.db).filter(\.$id ~~ ids).filter(\.$state == .closed)
            .sort(\.$id).all()
        return closed.filter { !rated.contains($0.id!) }.map { p in
            TodoItem(
                link: ListsRoute.project(.value(p.id!)).link, title: p.title,
                waitingFor: caller.lang.t(.listsToRate), origin: caller.lang.t(.navLists),
                due: p.closedOn.flatMap(LocalDate.init))
        }
    }

    static func alerts(_ caller: Caller) async throws -> [TodoItem] {
        let v = try caller.requireViewer()
        let lang = caller.lang
        let db = caller.db
        let alerts = try await ListAlert.query(on: db).filter(\.$userID == v.user.id!).filter(\.$seenAt == nil)
            .sort(\.$id, .descending).limit(20).all()
        guard !alerts.isEmpty else { return [] }
        // Only items the viewer may open: an offerer is told of a fitting need they can see, never of a resident's
        // private one.
        let access = try await ListsAccess.of(v, on: db)
        var items: [ListItem] = []
        for i in try await ListItem.query(on: db).filter(\.$id ~~ alerts.map(\.itemID)).all()
        where try await access.sees(i, on: db) {
            items.append(i)
        }
        let resources = try await ListResource.query(on: db).filter(\.$id ~~ alerts.map(\.resourceID)).all()
        let itemTitles = Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0.title) })
        let resourceTitles = Dictionary(uniqueKeysWithValues: resources.map { ($0.id!, $0.title) })
        return alerts.filter { itemTitles[$0.itemID] != nil }.map { a in
            TodoItem(
                link: ListsRoute.item(.value(a.itemID)).link, title: itemTitles[a.itemID] ?? "",
                waitingFor: a.resourceIsNew
                    ? lang.t(.listsAlertResource, resourceTitles[a.resourceID] ?? "")
                    : lang.t(.listsAlertNeed, resourceTitles[a.resourceID] ?? ""),
                origin: lang.t(.navLists), due: nil)
        }
    }
}
