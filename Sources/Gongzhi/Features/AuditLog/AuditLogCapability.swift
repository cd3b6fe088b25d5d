extension Capability {
    /// The audit log and the access log: who changed or read what, filtered and exported.
    static let auditLog = Capability(
        name: "AuditLog",
        register: { r in
            AuditLogAPI.register(r.api)
            AuditLogPages.register(r.pages)
        },
        routeTypes: [AuditLogRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 120, link: AuditLogRoute.audit.link, key: .navAudit, permission: .viewAudit,
                group: .management),
            NavEntry(
                layout: .desk, order: 130, link: AuditLogRoute.accessLog.link, key: .navAccessLog,
                permission: .viewAudit, group: .management),
        ],
        apiDoc: { AuditLogAPIDoc.operations },
        strings: AuditLogStrings.table
    )
}
