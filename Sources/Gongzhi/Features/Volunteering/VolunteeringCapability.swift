import Fluent
import GongzhiCore

extension Capability {
    /// 志愿服务: volunteers, service teams (the fourth of the four lists), activities with sign-up and wait list,
    /// check-in and check-out on the phone, service hours (check-in/out, one-time codes, approved manual entries),
    /// rankings. Points reads the hours through `VolunteeringQueries`.
    static let volunteering = Capability(
        name: "Volunteering",
        migrations: [CreateVolunteering()],
        register: { r in
            VolunteeringAPI.register(r.api)
            VolunteeringPages.register(r.pages)
        },
        routeTypes: [VolunteeringRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 68, link: VolunteeringRoute.page.link, key: .navVolunteering,
                permission: .viewPeople, group: .services),
            NavEntry(
                layout: .phone, order: 27, link: VolunteeringRoute.page.link, key: .navVolunteeringPhone,
                roles: NavEntry.residents, group: .services),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 27, link: VolunteeringRoute.page.link, key: .navVolunteeringPhone,
                hint: .homeVolunteeringHint, roles: NavEntry.residents),
            HomeTile(
                layout: .desk, order: 27, link: VolunteeringRoute.volunteers.link, key: .volunteeringVolunteers,
                hint: .homeVolunteeringDeskHint, permission: .viewPeople,
                count: { v, db, _ in
                    v.role == .unitLiaison
                        ? 0
                        : try await Volunteer.query(on: db).inScope(v.scope, \.$path).filter(\.$endedOn == nil)
                            .count()
                }),
        ],
        auditKinds: [.volunteer, .serviceTeam, .activity, .signup, .serviceHour, .hourCode],
        treePaths: [
            Volunteer.treePaths, ServiceTeam.treePaths, TeamMember.treePaths, Activity.treePaths, Signup.treePaths,
            ServiceHour.treePaths, HourCode.treePaths,
        ],
        apiDoc: { VolunteeringAPIDoc.operations },
        strings: VolunteeringStrings.table,
        demo: { try await VolunteeringDemo.load($0) },
        todos: { caller in try await VolunteeringSections.todos(caller) },
        approvals: [VolunteeringService.manualHours],
        unitSections: { id, caller in try await VolunteeringSections.unit(id, caller) },
        nodeSections: { id, caller in try await VolunteeringSections.node(id, caller) }
    )
}

extension AuditKind {
    static let volunteer = AuditKind("volunteer")
    static let serviceTeam = AuditKind("service_team")
    static let activity = AuditKind("activity")
    static let signup = AuditKind("activity_signup")
    static let serviceHour = AuditKind("service_hour")
    static let hourCode = AuditKind("hour_code")
}

extension Volunteer {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension ServiceTeam {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["node_id"])
}

extension TeamMember {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension Activity {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["node_id"])
}

extension Signup {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ServiceHour {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension HourCode {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}
