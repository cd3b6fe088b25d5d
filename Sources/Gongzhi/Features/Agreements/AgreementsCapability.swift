import Fluent

extension Capability {
    /// 共建协议 (F9): agreements of street and community organisations with units, commitments on both sides, the
    /// joint project list, signing, renewal and ending, and yearly reviews counted from the records.
    static let agreements = Capability(
        name: "Agreements",
        migrations: [CreateAgreements(), AddAgreementSignatures()],
        register: { r in
            AgreementsAPI.register(r.api)
            AgreementPages.register(r.pages)
        },
        routeTypes: [AgreementsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 36, link: AgreementsRoute.page.link, key: .navAgreements, permission: .viewTree,
                group: .management)
        ],
        homeTiles: [
            HomeTile(
                layout: .desk, order: 36, link: AgreementsRoute.page.link, key: .navAgreements,
                hint: .homeAgreementsHint, permission: .viewTree,
                count: { v, db, _ in try await AgreementFacts.visibleCount(v, on: db) })
        ],
        auditKinds: [.agreement, .agreementCommitment, .agreementProject, .agreementReview],
        treePaths: [
            Agreement.treePaths, TreePathTable(table: AgreementParty.schema, pathColumns: ["path"]),
            TreePathTable(table: Commitment.schema, pathColumns: ["path"]),
            TreePathTable(table: AgreementProject.schema, pathColumns: ["path"]),
            TreePathTable(table: AgreementReview.schema, pathColumns: ["path"]),
        ],
        apiDoc: { AgreementsAPIDoc.operations },
        strings: AgreementsStrings.table,
        demo: { try await AgreementsDemo.load($0) }
    )
}

extension AuditKind {
    static let agreement = AuditKind("agreement")
    static let agreementCommitment = AuditKind("agreement_commitment")
    static let agreementProject = AuditKind("agreement_project")
    static let agreementReview = AuditKind("agreement_review")
}

extension Agreement: ScopedRecord {}

extension Agreement {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"], nodeColumns: ["node_id"])
}
