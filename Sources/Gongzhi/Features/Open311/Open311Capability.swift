extension Capability {
    /// GeoReport v2 for outside clients, with the district's API keys.
    static let open311 = Capability(
        name: "Open311",
        migrations: [CreateAPIKeys()],
        register: { r in
            APIKeysAPI.register(r.api)
            Open311.register(r.bare)
        },
        routeTypes: [Open311Route.self],
        auditKinds: [.apiKey],
        apiDoc: { Open311APIDoc.operations },
        strings: Open311Strings.table,
        demo: { d in
            let key = APIKey()
            key.name = "演示 Open311 客户端"
            key.keyHash = APIToken.hash(APIKey.demoKey)
            key.active = true
            try await key.create(on: d.db)
        }
    )
}

extension AuditKind {
    static let apiKey = AuditKind("api_key")
}
