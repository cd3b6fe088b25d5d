import Fluent
import Vapor

/// The first page after sign-in: the resident's entries on the phone, figures of one's scope at the desk.
enum HomePages {
    static func register(_ p: RoutesBuilder) {
        p.get(use: home)
        p.get("community", use: community)
        p.get("me", use: profile)
    }

    @Sendable static func home(_ req: Request) async throws -> HTML {
        let v = try req.requireViewer()
        return v.role.usesPhoneLayout ? try await phoneHome(req, v) : try await deskHome(req, v)
    }

    static func phoneHome(_ req: Request, _ v: Viewer) async throws -> HTML {
        var entries: [HTML] = [
            "<a class=\"entry\" href=\"/requests/new\">\(req.t("request.new"))<small>\(req.t("home.need.hint"))</small></a>",
            "<a class=\"entry\" href=\"/community\">\(req.t("home.myCommunity"))<small>\(req.t("home.myCommunity.hint"))</small></a>",
            "<a class=\"entry\" href=\"/nearby\">\(req.t("home.nearby"))<small>\(req.t("home.nearby.hint"))</small></a>",
            "<a class=\"entry\" href=\"/me\">\(req.t("home.profile"))<small>\(req.t("home.profile.hint"))</small></a>",
        ]
        if v.can(.viewPeople) {
            entries.append(
                "<a class=\"entry\" href=\"/todos\">\(req.t("nav.todos"))<small>\(req.t("home.todos.hint"))</small></a>"
            )
            entries.append(
                "<a class=\"entry\" href=\"/visits\">\(req.t("nav.visits"))<small>\(req.t("home.visits.hint"))</small></a>"
            )
            entries.append(
                "<a class=\"entry\" href=\"/people\">\(req.t("nav.people"))<small>\(req.t("home.people.hint"))</small></a>"
            )
        }
        return Layout.page(
            req, title: req.t("home.title"),
            body: """
                <h1>\(req.t("home.greeting", v.user.displayName))</h1>
                <p class="muted">\(v.node.name)</p>
                <div class="entries" id="entries">\(entries)</div>
                """, active: "/")
    }

    static func deskHome(_ req: Request, _ v: Viewer) async throws -> HTML {
        let figures = try await ScopeFigures.compute(v.scope, on: req.db)
        func fig(_ key: String, _ value: Int, _ href: String) -> HTML {
            "<a class=\"entry\" href=\"\(href)\"><strong class=\"num\">\(value)</strong><small>\(req.t(key))</small></a>"
        }
        var cards: [HTML] = []
        if v.can(.viewTree) {
            cards += [
                fig("kind.streetCommittee", figures.nodes[.streetCommittee] ?? 0, "/org/list?kind=streetCommittee"),
                fig(
                    "kind.communityCommittee", figures.nodes[.communityCommittee] ?? 0,
                    "/org/list?kind=communityCommittee"),
                fig("kind.gridBranch", figures.nodes[.gridBranch] ?? 0, "/org/list?kind=gridBranch"),
                fig("kind.buildingGroup", figures.nodes[.buildingGroup] ?? 0, "/org/list?kind=buildingGroup"),
                fig("home.unitOrganizations", figures.unitOrganizations, "/org/list?kind=unit"),
            ]
        }
        if v.can(.viewPeople) {
            cards += [
                fig("facet.partyMember", figures.partyMembers, "/people?facet=partyMember"),
                fig("home.inService", figures.inServiceMembers, "/people?facet=partyMember&inService=1"),
                fig("facet.resident", figures.residents, "/people?facet=resident"),
                fig("facet.volunteer", figures.volunteers, "/people?facet=volunteer"),
                fig("facet.communityWorker", figures.communityWorkers, "/people?facet=communityWorker"),
                fig("nav.units", figures.units, "/units"),
            ]
        }
        return Layout.page(
            req, title: req.t("home.title"),
            body: """
                <h1>\(req.t("home.deskTitle", v.node.name))</h1>
                <p class="muted">\(req.t("home.deskHint"))</p>
                <div class="entries figures" id="figures">\(cards)</div>
                """, active: "/")
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
                href: PlacesRoute.grid(grid.id!).path, tooltip: grid.name)
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
