extension Capability {
    /// The first page after sign-in, 我的社区 and one's own record.
    static let home = Capability(
        name: "Home",
        register: { r in HomePages.register(r.pages) },
        routeTypes: [HomeRoute.self],
        navigation: [
            NavEntry(layout: .desk, order: 0, link: PlatformRoute.home.link, key: .navHome),
            NavEntry(layout: .phone, order: 0, link: PlatformRoute.home.link, key: .navHome, tab: true),
            NavEntry(
                layout: .phone, order: 20, link: HomeRoute.community.link, key: .navCommunity,
                roles: NavEntry.residents, tab: true),
            NavEntry(
                layout: .phone, order: 20, link: HomeRoute.community.link, key: .navGrid, roles: NavEntry.gridStaff,
                tab: true),
        ],
        homeTiles: [
            HomeTile(
                layout: .phone, order: 20, link: HomeRoute.community.link, key: .homeMyCommunity,
                hint: .homeMyCommunityHint),
            HomeTile(
                layout: .phone, order: 40, link: HomeRoute.profile.link, key: .homeProfile,
                hint: .homeProfileHint),
        ],
        strings: HomeStrings.table
    )
}
