/// The keys this table declares: a call site names `.member`, so a misspelt key does not compile.
extension Text {
    static let homeTitle = Text("home.title")
    static let homeGreeting = Text("home.greeting")
    static let homeMyCommunity = Text("home.myCommunity")
    static let homeMyCommunityHint = Text("home.myCommunity.hint")
    static let homeProfile = Text("home.profile")
    static let homeProfileHint = Text("home.profile.hint")
    static let homePeopleHint = Text("home.people.hint")
    static let homeDeskTitle = Text("home.deskTitle")
    static let homeDeskHint = Text("home.deskHint")
    static let homeInService = Text("home.inService")
    static let homeInServiceHint = Text("home.inServiceHint")
    static let homeMembersOrganisedHint = Text("home.membersOrganisedHint")
    static let profileNone = Text("profile.none")
    static let communityStaff = Text("community.staff")
    static let communityGrid = Text("community.grid")
    static let kindStreetCommittee = Text("kind.streetCommittee")
    static let kindCommunityCommittee = Text("kind.communityCommittee")
    static let kindGridBranch = Text("kind.gridBranch")
    static let facetResident = Text("facet.resident")
    static let facetVolunteer = Text("facet.volunteer")
    static let facetCommunityWorker = Text("facet.communityWorker")
    static let homeNearbyHint = Text("home.nearby.hint")
    static let communityMyGrid = Text("community.myGrid")
    static let measurePopulation = Text("measure.population")
    static let homeNeedHint = Text("home.need.hint")
    static let homeTodosHint = Text("home.todos.hint")
    static let homeVisitsHint = Text("home.visits.hint")
}

/// The interface strings of Home, in both languages.
enum HomeStrings {
    static let table = StringTable([
        .homeTitle: ("首页", "Home"),
        .homeGreeting: ("您好，{0}", "Hello, {0}"),
        .homeMyCommunity: ("我的社区", "My community"),
        .homeMyCommunityHint: ("社区、网格和为您服务的人", "Your community, grid and who serves you"),
        .homeProfile: ("我的资料", "My details"),
        .homeProfileHint: ("查看登记的个人信息", "See what is registered about you"),
        .homePeopleHint: ("网格内的党员和居民", "Members and residents of your grid"),
        .homeDeskTitle: ("{0} 概况", "{0} at a glance"),
        .homeDeskHint: (
            "每个数字都可点开，查看背后的记录。",
            "Every figure opens the records behind it."
        ),
        .homeInService: ("报到的在职党员", "In-service members reporting here"),
        .homeInServiceHint: (
            "在职党员中，报到到本辖区社区的人数（双报到）。",
            "In-service members who report to a community in this area."
        ),
        .homeMembersOrganisedHint: (
            "组织关系在本辖区党组织的党员，与组织架构中的人数同一口径。",
            "Members whose party organisation is in this area; the organisation tree counts the same."
        ),
        .profileNone: (
            "您的账号尚未关联人员信息，请联系社区。",
            "Your account is not linked to a person record yet; please ask your community."
        ),
        .communityStaff: ("社区工作人员", "Community staff"),
        .communityGrid: ("{0}", "{0}"),
        .kindStreetCommittee: ("街道党工委", "Street working committee"),
        .kindCommunityCommittee: ("社区党委/党总支", "Community committee"),
        .kindGridBranch: ("网格党支部", "Grid branch"),
        .facetResident: ("居民", "Resident"),
        .facetVolunteer: ("志愿者", "Volunteer"),
        .facetCommunityWorker: ("社区工作者", "Community worker"),
        .homeNearbyHint: ("党员中心户和网格服务人员", "Member households and who serves your grid"),
        .communityMyGrid: ("我的网格", "My grid"),
        .measurePopulation: ("人口", "Population"),
        .homeNeedHint: ("说出您的诉求，网格员来办", "Tell us what you need; your grid takes it up"),
        .homeTodosHint: ("等您处理的诉求", "Requests waiting on you"),
        .homeVisitsHint: ("走访计划和记录", "Visit plans and records"),
    ])
}
