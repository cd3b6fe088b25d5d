extension Capability {
    /// Sign-in, one's own account, and account administration.
    static let accounts = Capability(
        name: "Accounts",
        migrations: [CreateSignUpRequests()],
        register: { r in
            AccountsAPI.register(public: r.publicAPI, protected: r.api)
            AccountPages.register(public: r.publicPages, protected: r.pages)
            AccountAdminAPI.register(r.api)
            AccountAdminPages.register(r.pages)
            SignUpPages.register(r.publicPages)
        },
        routeTypes: [AccountsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 140, link: AccountsRoute.accounts.link, key: .navAccounts,
                permission: .manageAccounts, group: .management),
            NavEntry(layout: .phone, order: 40, link: PlatformRoute.account.link, key: .navAccount, tab: true),
        ],
        auditKinds: [.signUp],
        treePaths: [TreePathTable(table: SignUpRequest.schema, nodeColumns: ["community_node_id"])],
        apiDoc: { AccountsAPIDoc.operations },
        strings: AccountsStrings.table,
        demo: { try await DemoAccounts.load($0) },
        commands: ["bootstrap": BootstrapCommand()]
    )
}
