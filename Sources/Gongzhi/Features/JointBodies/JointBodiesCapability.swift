import Fluent

extension Capability {
    /// 区域化党建 (F2): street big working committees, community big committees and the other regional bodies,
    /// their member units (1+N+X), dated seats, the 3+N triad and cross appointments.
    static let jointBodies = Capability(
        name: "JointBodies",
        migrations: [CreateJointBodies()],
        register: { r in
            JointBodiesAPI.register(r.api)
            JointBodyPages.register(r.pages)
        },
        routeTypes: [JointBodiesRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 35, link: JointBodiesRoute.page.link, key: .navJointBodies,
                permission: .viewTree, group: .management)
        ],
        homeTiles: [
            HomeTile(
                layout: .desk, order: 35, link: JointBodiesRoute.page.link, key: .navJointBodies,
                hint: .homeJointBodiesHint, permission: .viewTree,
                count: { v, db, _ in try await JointBodyFacts.visibleCount(v, on: db) })
        ],
        auditKinds: [.jointBody, .jointBodyMember, .appointment, .jointBodyDocument],
        treePaths: [JointBody.treePaths, BodyMembership.treePaths, Appointment.treePaths, BodyDocument.treePaths],
        apiDoc: { JointBodiesAPIDoc.operations },
        strings: JointBodiesStrings.table,
        demo: { try await JointBodiesDemo.load($0) }
    )
}

extension AuditKind {
    static let jointBody = AuditKind("joint_body")
    static let jointBodyMember = AuditKind("joint_body_member")
    static let appointment = AuditKind("appointment")
    static let jointBodyDocument = AuditKind("joint_body_document")
}

extension JointBody: ScopedRecord {}

extension JointBody {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["node_id"])
}

extension BodyMembership {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension Appointment {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension BodyDocument {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}
