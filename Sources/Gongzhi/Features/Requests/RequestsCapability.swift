import Fluent

extension Capability {
    /// The five-step request loop (居民提事 → 网格议事 → 会议定事 → 联动办事 → 群众评事),
    /// its figures and working-day calendar (the loop's meetings are Meetings').
    static let requests = Capability(
        name: "Requests",
        migrations: [CreateRequests(), CreateRequestPhotos(), AddRequestPlaceNote(), CreateRequestSupporters()],
        register: { r in
            RequestsAPI.register(r.api)
            RequestMaps.register(r.pages)
            RequestPages.register(r.pages)
            CommunityPublic.register(public: r.publicPages, protected: r.pages)
        },
        routeTypes: [RequestsRoute.self],
        navigation: [
            NavEntry(layout: .desk, order: 10, link: RequestsRoute.todos.link, key: .navTodos),
            NavEntry(layout: .desk, order: 30, link: RequestsRoute.list.link, key: .navRequests, group: .management),
            NavEntry(
                layout: .desk, order: 40, link: RequestsRoute.figures.link, key: .navFigures, permission: .viewTree,
                group: .analysis),
            NavEntry(
                layout: .desk, order: 150, link: RequestsRoute.calendar.link, key: .navCalendar, group: .management),
            NavEntry(
                layout: .phone, order: 10, link: RequestsRoute.list.link, key: .navMyRequests,
                roles: NavEntry.residents, tab: true),
            NavEntry(
                layout: .phone, order: 10, link: RequestsRoute.todos.link, key: .navTodos, roles: NavEntry.gridStaff,
                tab: true),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 10, link: RequestsRoute.new.link, key: .requestNew, hint: .homeNeedHint),
            HomeTile(
                layout: .phone, order: 50, link: RequestsRoute.todos.link, key: .navTodos, hint: .homeTodosHint,
                permission: .viewPeople),
            HomeTile(
                layout: .phone, order: 80, link: RequestsRoute.communities.link, key: .homeOneStop,
                hint: .homeOneStopHint),
            // The desk's queues: what was whistled up to this level, what is late, what is supervised.
            HomeTile(
                layout: .desk, order: 1, link: RequestsRoute.list.query([("state", "escalated")]),
                key: .homeQueueEscalated, hint: .homeQueueEscalatedHint, permission: .viewTree,
                count: { v, db, _ in
                    try await RequestAccess.scoped(v, on: db).filter(\.$state == .escalated).count()
                }),
            HomeTile(
                layout: .desk, order: 2, link: RequestsRoute.list.query([("overdue", "1")]), key: .homeQueueOverdue,
                hint: .homeQueueOverdueHint, permission: .viewTree,
                count: { v, db, now in
                    try await RequestsAPI.queue(
                        try await RequestAccess.scoped(v, on: db), overdue: true, supervised: false, now: now
                    )
                    .count()
                }),
            HomeTile(
                layout: .desk, order: 3, link: RequestsRoute.list.query([("supervised", "1")]),
                key: .homeQueueSupervised, hint: .homeQueueSupervisedHint, permission: .viewTree,
                count: { v, db, now in
                    try await RequestsAPI.queue(
                        try await RequestAccess.scoped(v, on: db), overdue: false, supervised: true, now: now
                    )
                    .count()
                }),
        ],
        auditKinds: [.calendar, .jointMeeting, .requestCategory, .requestPhoto, .requestSupport],
        treePaths: [ServiceRequest.treePaths, JointMeeting.treePaths],
        apiDoc: { RequestsAPIDoc.operations },
        strings: RequestsStrings.table,
        demoHistory: { try await RequestsDemo.history($0) },
        lifecycle: [RequestSweeper()]
    )
}

extension AuditKind {
    static let calendar = AuditKind("calendar")
    static let jointMeeting = AuditKind("joint_meeting")
    static let requestCategory = AuditKind("request_category")
    static let requestPhoto = AuditKind("request_photo")
}

extension ServiceRequest {
    static let treePaths = TreePathTable(
        table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"], gridColumn: "grid_id",
        gridCommunityColumn: "community_node_id")
}

extension JointMeeting {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}
