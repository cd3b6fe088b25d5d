import Fluent

extension Capability {
    /// 联席会议 / 议事会: every kind of meeting (the street's yearly, the community's quarterly with a
    /// rotating host, 3+N monthly, 片区, councils, and the request loop's 会议定事), with agenda, invitations,
    /// check-in by code, quorum, minutes, decisions that become their owners' tasks, and calendar feeds.
    static let meetings = Capability(
        name: "Meetings",
        migrations: [CreateMeetings(), CopyJointMeetings(), AddAgendaNeeds()],
        register: { r in
            MeetingsAPI.register(r.api)
            MeetingPages.register(r.pages)
            MeetingPages.registerFeeds(r.bare)
        },
        routeTypes: [MeetingsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 50, link: MeetingsRoute.list.link, key: .navMeetings, permission: .viewTree,
                group: .office),
            NavEntry(
                layout: .phone, order: 40, link: MeetingsRoute.mine.link, key: .meetingMine,
                roles: NavEntry.residents, group: .office),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 70, link: MeetingsRoute.mine.link, key: .meetingMine, hint: .homeMeetingsHint)
        ],
        auditKinds: [.meeting, .meetingAgendaItem, .meetingInvitee, .meetingDecision, .meetingFeed],
        treePaths: [
            Meeting.treePaths, MeetingAgendaItem.treePaths, MeetingInvitee.treePaths, MeetingDecision.treePaths,
        ],
        apiDoc: { MeetingsAPIDoc.operations },
        strings: MeetingsStrings.table,
        demo: { try await MeetingsDemo.load($0) },
        todos: { caller in try await MeetingTasks.todos(caller) }
    )
}

extension Meeting {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["org_node_id"])
}

extension MeetingAgendaItem {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension MeetingInvitee {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension MeetingDecision {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}
