import Fluent
import Vapor

/// The first page after sign-in: the resident's entries on the phone, figures of one's scope at the desk.
enum HomePages {
    static func register(_ p: RoutesBuilder) {
        p.get(PlatformRoute.home, use: home)
        p.get("community", use: community)
        p.get("me", use: profile)
    }

    @Sendable static func home(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        let model = try await HomeModel.query(v, on: req.db)
        return Layout.page(req, title: req.t("home.title"), body: HomeView.body(model, req.lang), active: "/")
    }

    /// 我的社区: the community, street and grid the viewer lives in, and who serves it.
    @Sendable static func community(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        var homeNode = v.node
        if let pid = v.user.personID, let person = try await Person.find(pid, on: req.db),
            let n = try await OrgNode.find(person.homeNodeID ?? person.orgNodeID, on: req.db)
        {
            homeNode = n
        }
        let chain = try await OrgQueries.ancestors(of: homeNode, on: req.db) + [homeNode]
        let communityNode = chain.last { $0.kind == .communityCommittee }
        let gridNode = chain.last { $0.kind == .gridBranch }
        var sections: [HTML] = []
        let crumbs: HTML =
            "<p class=\"crumbs\">\(chain.filter(\.kind.isTerritorial).map { "<span class=\"tag\">\(req.t($0.kind.labelKey)) · \($0.name)</span>" as HTML })</p>"
        if let communityNode {
            let staff = try await User.query(on: req.db)
                .filter(\.$orgNodeID == communityNode.id!)
                .filter(\.$role ~~ [.communitySecretary, .communityWorker]).sort(\.$role).all()
            sections.append(
                """
                <section \
                class="card"><h2>\(req.t("community.staff"))</h2><ul>\(staff.map { "<li>\($0.displayName) · \(req.t($0.role.labelKey))</li>" as HTML })</ul></section>
                """)
        }
        if let grid = try await PlacesQueries.homeGrid(of: v, on: req.db) {
            let d = try await PlacesAPI.detail(grid, req)
            let area = MapSVG.Area(
                id: "g\(grid.id!)", label: grid.name, shape: grid.shape, value: nil,
                href: PlacesRoute.grid(.value(grid.id!)).path, tooltip: grid.name)
            let svg = try await req.offload {
                MapSVG.render(areas: [area], width: 440, title: grid.name, legendTitle: nil, showLabels: false)
            }
            sections.append(
                """
                <section class="card" id="my-grid"><h2>\(req.t("community.myGrid")): <a \
                href="/grids/\(grid.id!)">\(grid.name)</a></h2>
                <div class="map-frame">\(HTML(raw: svg))</div>
                <ul>\(d.staff.map { "<li>\($0.dutyLabel) · \($0.name)</li>" as HTML })</ul>
                <p>\(req.t("measure.households")) \(d.grid.figures.households) · \(req.t("measure.population")) \
                \(d.grid.figures.population) · <a href="/nearby">\(req.t("home.nearby"))</a></p></section>
                """)
        } else if let gridNode {
            let workers = try await User.query(on: req.db).filter(\.$orgNodeID == gridNode.id!)
                .filter(\.$role ~~ [.gridWorker, .laneChief, .buildingChief]).all()
            let groups = try await OrgNode.query(on: req.db).filter(\.$parentID == gridNode.id!).filter(
                \.$archived == false
            ).all()
            sections.append(
                """
                <section class="card"><h2>\(req.t("community.grid", gridNode.name))</h2>
                <ul>\(workers.map { "<li>\($0.displayName) · \(req.t($0.role.labelKey))</li>" as HTML })</ul>
                <p>\(req.t("kind.buildingGroup")): \
                \(groups.map { "<span class=\"tag\">\($0.name)</span>" as HTML })</p></section>
                """)
        }
        return Layout.page(
            req, title: req.t("home.myCommunity"),
            body: """
                <h1>\(communityNode?.name ?? homeNode.name)</h1>\(crumbs)\(sections)
                """, active: "/community")
    }

    /// A resident's or member's own record, masked like everywhere else.
    @Sendable static func profile(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        guard let pid = v.user.personID, let person = try await Person.find(pid, on: req.db) else {
            return Layout.page(
                req, title: req.t("home.profile"),
                body:
                    "<section class=\"card\"><h1>\(req.t("home.profile"))</h1><p>\(req.t("profile.none"))</p></section>",
                active: "/")
        }
        let node = try await OrgNode.find(person.orgNodeID, on: req.db)
        let out = PersonOut(person, masked: true, nodeName: node?.name, lang: req.lang)
        return Layout.page(
            req, title: req.t("home.profile"),
            body: """
                <section class="card"><h1>\(req.t("home.profile"))</h1>\(PeoplePages.detailTable(req, out))</section>
                """, active: "/")
    }
}
