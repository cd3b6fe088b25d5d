import Fluent

extension Capability {
    /// 双报到: units and in-service party members report to communities, members claim service posts and record
    /// services, communities verify them; coverage is a funnel computed from those events.
    static let reporting = Capability(
        name: "Reporting",
        migrations: [CreateReporting(), AddServiceRejection()],
        register: { r in
            ReportingAPI.register(r.api)
            ReportingPages.register(r.pages)
        },
        routeTypes: [ReportingRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 65, link: ReportingRoute.page.link, key: .navReporting, permission: .viewTree,
                group: .management),
            NavEntry(
                layout: .phone, order: 25, link: ReportingRoute.page.link, key: .navReportingPhone,
                roles: [.partyMember], group: .services),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 25, link: ReportingRoute.page.link, key: .navReportingPhone,
                hint: .homeReportingHint, roles: [.partyMember]),
            HomeTile(
                layout: .desk, order: 25, link: ReportingRoute.members.link, key: .navReporting,
                hint: .homeReportingDeskHint, permission: .viewTree,
                count: { v, db, _ in try await ReportingFacts.visibleMemberReports(v, on: db).count() }),
        ],
        auditKinds: [.unitReport, .memberReport, .servicePost, .postClaim, .memberService, .reportRound],
        treePaths: [
            UnitReport.treePaths, MemberReport.treePaths, ServicePost.treePaths, PostClaim.treePaths,
            MemberService.treePaths, ReportRound.treePaths, RoundConfirmation.treePaths,
        ],
        apiDoc: { ReportingAPIDoc.operations },
        strings: ReportingStrings.table,
        demo: { try await ReportingDemo.load($0) }
    )
}

extension AuditKind {
    static let unitReport = AuditKind("unit_report")
    static let memberReport = AuditKind("member_report")
    static let servicePost = AuditKind("service_post")
    static let postClaim = AuditKind("post_claim")
    static let memberService = AuditKind("member_service")
    static let reportRound = AuditKind("report_round")
}

extension UnitReport {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension MemberReport {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension ServicePost {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension PostClaim {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension MemberService {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension ReportRound {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["community_node_id"])
}

extension RoundConfirmation {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}
