extension Capability {
    /// In-app notifications, daily digests and webhooks of request steps.
    static let notifications = Capability(
        name: "Notifications",
        migrations: [CreateNotifications()],
        register: { r in
            NotificationsAPI.register(r.api)
            NotificationPages.register(r.pages)
        },
        routeTypes: [NotificationsRoute.self],
        navigation: [
            NavEntry(
                layout: .desk, order: 20, link: NotificationsRoute.list.link, key: .navNotifications, group: .office),
            NavEntry(
                layout: .phone, order: 30, link: NotificationsRoute.list.link, key: .navNotifications,
                roles: NavEntry.residents, tab: true),
        ],
        apiDoc: { NotificationsAPIDoc.operations },
        strings: NotificationsStrings.table,
        lifecycle: [NotificationsSweeper()]
    )
}
