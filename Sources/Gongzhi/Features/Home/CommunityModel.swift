import Fluent
import Vapor

/// 我的社区 as data: the community, street and grid the viewer lives in, and who serves it.
struct CommunityModel: Sendable {
    struct Tag: Sendable {
        let kindKey: String
        let name: String
    }
    /// Someone who serves, with the key of their role or duty.
    struct Server: Sendable {
        let name: String
        let roleKey: String
    }
    /// The grid branch when no grid is drawn for it: its workers and building groups.
    struct Branch: Sendable {
        let name: String
        let workers: [Server]
        let groups: [String]
    }

    let title: String
    let crumbs: [Tag]
    let communityStaff: [Server]?
    let grid: PlacesQueries.HomeGrid?
    let branch: Branch?

    static func query(_ v: Viewer, on db: any Database) async throws -> CommunityModel {
        var homeNode = v.node
        if let pid = v.user.personID, let nid = try await PeopleQueries.homeNodeID(ofPerson: pid, on: db),
            let n = try await OrgNode.find(nid, on: db)
        {
            homeNode = n
        }
        let chain = try await OrgQueries.ancestors(of: homeNode, on: db) + [homeNode]
        let communityNode = chain.last { $0.kind == .communityCommittee }
        let gridNode = chain.last { $0.kind == .gridBranch }
        var staff: [Server]?
        if let communityNode {
            staff = try await User.query(on: db).filter(\.$orgNodeID == communityNode.id!)
                .filter(\.$role ~~ [.communitySecretary, .communityWorker]).sort(\.$role).all()
                .map { Server(name: $0.displayName, roleKey: $0.role.labelKey) }
        }
        let grid = try await PlacesQueries.homeGridCard(of: v, on: db)
        var branch: Branch?
        if grid == nil, let gridNode {
            let workers = try await User.query(on: db).filter(\.$orgNodeID == gridNode.id!)
                .filter(\.$role ~~ [.gridWorker, .laneChief, .buildingChief]).all()
            let groups = try await OrgNode.query(on: db).filter(\.$parentID == gridNode.id!)
                .filter(\.$archived == false).all()
            branch = Branch(
                name: gridNode.name, workers: workers.map { Server(name: $0.displayName, roleKey: $0.role.labelKey) },
                groups: groups.map(\.name))
        }
        return CommunityModel(
            title: communityNode?.name ?? homeNode.name,
            crumbs: chain.filter(\.kind.isTerritorial).map { Tag(kindKey: $0.kind.labelKey, name: $0.name) },
            communityStaff: staff, grid: grid, branch: branch)
    }
}

/// 我的社区's view: a pure function of the model and the language; the grid's outline is drawn apart (`svg`).
enum CommunityView {
    static func svg(_ g: PlacesQueries.HomeGrid) -> String {
        MapSVG.render(
            areas: [
                .init(
                    id: "g\(g.id)", label: g.name, shape: g.shape, value: nil,
                    href: PlacesRoute.grid(.value(g.id)).path,
                    tooltip: g.name)
            ], width: 440, shownAt: MapView.phoneWidth, title: g.name, legendTitle: nil, showLabels: false)
    }

    static func body(_ m: CommunityModel, svg: String?, _ lang: Lang) -> HTML {
        func list(_ people: [CommunityModel.Server]) -> [HTML] {
            people.map { "<li>\($0.name) · \(lang.t(key: $0.roleKey))</li>" }
        }
        let tags: [HTML] = m.crumbs.map { "<span class=\"tag\">\(lang.t(key: $0.kindKey)) · \($0.name)</span>" }
        var sections: [HTML] = []
        if let staff = m.communityStaff {
            sections.append(
                "<section class=\"card\"><h2>\(lang.t(.communityStaff))</h2><ul>\(list(staff))</ul></section>")
        }
        if let g = m.grid {
            let staff: [HTML] = g.staff.map { "<li>\(lang.t(key: $0.dutyKey)) · \($0.name)</li>" }
            sections.append(
                """
                <section class="card" id="my-grid"><h2>\(lang.t(.communityMyGrid)): <a \
                href="\(PlacesRoute.grid(.value(g.id)))">\(g.name)</a></h2>
                <div class="map-frame">\(HTML(raw: svg ?? ""))</div>
                <ul>\(staff)</ul>
                <p>\(lang.t(.measureHouseholds)) \(g.households) · \(lang.t(.measurePopulation)) \
                \(g.population) · <a href="\(PlacesRoute.nearby)">\(lang.t(.homeNearby))</a></p></section>
                """)
        } else if let b = m.branch {
            let groups: [HTML] = b.groups.map { "<span class=\"tag\">\($0)</span>" }
            sections.append(
                """
                <section class="card"><h2>\(lang.t(.communityGrid, b.name))</h2>
                <ul>\(list(b.workers))</ul>
                <p>\(lang.t(.kindBuildingGroup)): \
                \(groups)</p></section>
                """)
        }
        return """
            <h1>\(m.title)</h1><p class="crumbs">\(tags)</p>\(sections)
            """
    }
}

/// One's own record as data, and its view.
struct ProfileModel: Sendable {
    let record: PeopleQueries.OwnRecord?

    static func query(_ v: Viewer, on db: any Database) async throws -> ProfileModel {
        guard let pid = v.user.personID else { return ProfileModel(record: nil) }
        return ProfileModel(record: try await PeopleQueries.ownRecord(personID: pid, on: db))
    }
}

enum ProfileView {
    static func body(_ m: ProfileModel, _ lang: Lang) -> HTML {
        guard let o = m.record else {
            return
                "<section class=\"card\"><h1>\(lang.t(.homeProfile))</h1><p>\(lang.t(.profileNone))</p></section>"
        }
        func row(_ key: String, _ value: String?) -> HTML {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th>\(lang.t(key: key))</th><td>\(value)</td></tr>"
        }
        let inService: HTML =
            o.facets.contains(.partyMember)
            ? row("field.inService", o.inService ? lang.t(.commonYes) : lang.t(.commonNo)) : HTML.empty
        let grade = o.workerGrade.map { lang == .zhHans ? $0.chineseLabel : $0.englishLabel }
        return """
            <section class="card"><h1>\(lang.t(.homeProfile))</h1><table class="detail" id="person-detail">
            \(row("field.name", o.name))\(row("field.gender", o.gender.map { lang.t(key: "gender.\($0)") }))
            \(row("field.idNumber", o.idNumber))\(row("field.birthDate", o.birthDate))\
            \(row("field.phone", o.phone))\(row("field.address", o.address))
            \(row("field.facets", o.facets.map { lang.t(key: $0.labelKey) }.joined(separator: "、")))\
            \(row("field.org", o.orgNodeName))
            \(inService)
            \(row("field.employer", o.employer))\(row("field.joinedOn", o.joinedOn))
            \(row("field.memberStatus", o.memberStatus.map { lang.t(key: $0.labelKey) }))\
            \(row("field.workerGrade", grade))
            </table></section>
            """
    }
}
