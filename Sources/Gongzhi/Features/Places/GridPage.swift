import Fluent
import Vapor

/// A grid's page as data: its facts, its member households and buildings on the map, and, for those who may
/// change it, what its forms offer.
struct GridPageModel: Sendable {
    struct Crumb: Sendable {
        let name: String
        let link: Link?
    }
    struct Option: Sendable {
        let id: Int
        let name: String
    }
    /// What the forms to assign people and departments offer.
    struct Forms: Sendable {
        let duties: [GridFacts.Staff]
        let candidates: [PeopleQueries.Brief]
        let groups: [Option]
        let units: [Option]
    }

    let grid: GridFacts
    let community: Crumb?
    let memberHouseholds: [HouseholdsAPI.HouseholdOut]
    let pins: [MapModel.Pin]
    let canSeePeople: Bool
    /// The assigned departments whose page the viewer may open; the rest show as plain names.
    let openUnits: Set<Int>
    let phone: Bool
    let forms: Forms?

    static func query(_ v: Viewer, grid: Grid, on db: any Database) async throws -> GridPageModel {
        let facts = try await PlacesQueries.facts(grid, on: db)
        let households = try await Household.query(on: db).filter(\.$gridID == facts.id)
            .filter(\.$isMemberHousehold == true).sort(\.$id).all()
        let buildings = try await Building.query(on: db).filter(\.$gridID == facts.id).all()
        let buildingPins = buildings.map {
            MapModel.Pin(at: $0.coordinate, kind: "building", tooltip: [.plain($0.name)], link: nil)
        }
        let householdPins = try await MapModel.memberHouseholdPins(
            [facts.id], links: v.can(.viewPeople), on: db)
        let community = try await OrgNode.find(grid.communityNodeID, on: db).map {
            Crumb(
                name: $0.name,
                link: v.scope.includes($0.treePath) ? PlacesRoute.map.query([("node", String($0.id!))]) : nil)
        }
        let editable = v.can(.editTree) && v.scope.includes(TreePath(grid.path))
        return GridPageModel(
            grid: facts, community: community,
            memberHouseholds: try await HouseholdsAPI.out(households, on: db), pins: buildingPins + householdPins,
            canSeePeople: v.can(.viewPeople),
            openUnits: try await UnitsQueries.openable(facts.departments.map(\.unitID), for: v, on: db),
            phone: v.role.usesPhoneLayout,
            forms: editable ? try await forms(v, facts, on: db) : nil)
    }

    static func forms(_ v: Viewer, _ grid: GridFacts, on db: any Database) async throws -> Forms {
        let residentIDs = try await Household.query(on: db).filter(\.$gridID == grid.id).all().compactMap(\.id)
        let candidates = try await PeopleQueries.gridCandidates(
            householdIDs: residentIDs, communityNodeID: grid.communityNodeID, on: db)
        let groups =
            grid.branchNodeID == nil
            ? []
            : try await OrgNode.query(on: db).filter(\.$parentID == grid.branchNodeID!).filter(\.$archived == false)
                .all()
        let units = try await UnitsQueries.inScope(v.scope, on: db)
        return Forms(
            duties: grid.staff.sorted { $0.dutyID < $1.dutyID }, candidates: candidates,
            groups: groups.map { Option(id: $0.id!, name: $0.name) },
            units: units.map { Option(id: $0.id, name: $0.name) })
    }
}

/// The grid page's view: a pure function of the model, the language, the form token and a fixable error.
enum GridView {
    static func svg(_ m: GridPageModel, _ lang: Lang) -> String {
        let g = m.grid
        let area = MapSVG.Area(id: "g\(g.id)", label: g.name, shape: g.shape, value: nil, href: nil, tooltip: g.name)
        return MapSVG.render(
            areas: [area], markers: MapView.markers(m.pins, lang), width: 480,
            shownAt: m.phone ? MapView.phoneWidth : 480, narrowAt: m.phone ? nil : MapView.phoneWidth, title: g.name,
            legendTitle: nil, showLabels: false,
            kindLabels: MapView.kindLabels(lang))
    }

    static func figureTable(_ f: GridFigures, _ lang: Lang) -> HTML {
        let rows: [HTML] = GridFigures.Measure.allCases.map {
            """
            <tr><th>\(lang.t(key: $0.labelKey))</th><td \
            class="num">\(f.value($0).map(MapSVGFormat.number) ?? "–")</td></tr>
            """
        }
        let flags = f.flags.map { lang.t(key: $0.labelKey) }
        return """
            <table class="detail" id="grid-figures">\(rows)</table>
            \(flags.isEmpty ? HTML.empty : "<p class=\"flash error\">\(flags.joined(separator: "；"))</p>" as HTML)
            """
    }

    static func body(_ m: GridPageModel, svg: String, error: AppError?, csrf: HTML, _ lang: Lang) -> HTML {
        let g = m.grid
        let crumb: HTML =
            m.community.map { c in
                c.link.map { "<a href=\"\($0)\">\(c.name)</a> › " as HTML } ?? "\(c.name) › "
            } ?? HTML.empty
        let problem: HTML =
            error.map { "<p class=\"flash error\" role=\"alert\">\(lang.format($0.messageKey, $0.args))</p>" }
            ?? HTML.empty
        let staff: [HTML] = g.staff.map { "<li>\(lang.t(key: $0.duty.labelKey)) · \($0.name)</li>" }
        let departments: [HTML] = g.departments.map { d in
            let name: HTML =
                m.openUnits.contains(d.unitID)
                ? "<a href=\"\(UnitsRoute.unit(.value(d.unitID)))\">\(d.name)</a>" : "\(d.name)"
            return "<li>\(lang.t(key: d.role.labelKey)) · \(name)</li>"
        }
        let contacts: [HTML] = g.contacts.map {
            let kind = lang.t(key: $0.gridID == nil ? "grid.contactCommunity" : "grid.contactCompound")
            return "<li>\($0.title) \($0.leaderName)（\(kind)，\($0.since)）</li>"
        }
        let households: [HTML] = m.memberHouseholds.map { h in
            let place: HTML =
                m.canSeePeople
                ? "<a href=\"\(PlacesRoute.household(.value(h.id)))\">\(h.buildingName ?? "") \(h.room)</a>"
                : "\(h.buildingName ?? "")"
            return "<li>\(place) · \(lang.t(.gridLinks, String(h.links.count)))</li>"
        }
        let buildings: [HTML] = g.buildings.map {
            "<tr><td>\($0.name)</td><td>\($0.address)</td><td class=\"num\">\($0.households)</td></tr>"
        }
        return """
            <p class="crumbs">\(crumb)<strong>\(g.name)</strong></p>
            <h1 id="grid-name">\(g.name) <span class="muted">\(g.code)</span></h1>
            \(problem)
            <div class="grid2">
            <section class="card map-frame">\(HTML(raw: svg))</section>
            <section class="card"><h2>\(lang.t(.gridFigures))</h2>\(figureTable(g.figures, lang))</section>
            <section class="card"><h2>\(lang.t(.gridStaff))</h2><ul id="grid-staff">\(staff)</ul></section>
            <section class="card"><h2>\(lang.t(.gridDepartments))</h2><ul>\(departments)</ul></section>
            <section class="card"><h2>\(lang.t(.gridContacts))</h2><ul>\(contacts)</ul></section>
            <section class="card"><h2>\(lang.t(.measureMemberHouseholds)) \
            (\(m.memberHouseholds.count))</h2><ul>\(households)</ul></section>
            </div>
            \(m.forms.map { forms($0, gridID: g.id, csrf: csrf, lang) } ?? HTML.empty)
            <section class="card"><h2>\(lang.t(.gridBuildings)) \
            (\(g.buildings.count))</h2><table><thead><tr><th>\(lang.t(.fieldName))</th><th>\
            \(lang.t(.fieldAddress))</th><th class="num">\(lang.t(.measureHouseholds))</th></tr></thead>
            <tbody>\(buildings)</tbody></table></section>
            """
    }

    /// The forms to assign people and departments, for those who may change the grid.
    static func forms(_ f: GridPageModel.Forms, gridID: Int, csrf: HTML, _ lang: Lang) -> HTML {
        let duties: [HTML] = f.duties.map {
            """
            <li>\(lang.t(key: $0.duty.labelKey)) · \($0.name) <form method="post" \
            action="\(PlacesRoute.gridDutyRemove(.value(gridID), duty: .value($0.dutyID)))" \
            class="inline">\(csrf)<button type="submit" class="link">\(lang.t(.gridEndDuty))</button></form></li>
            """
        }
        let people: [HTML] = f.candidates.map {
            let member = $0.isPartyMember ? "（" + lang.t(.facetPartyMember) + "）" : ""
            return "<option value=\"\($0.id)\">\($0.name)\(member)</option>"
        }
        let kinds: [HTML] = GridDuty.Duty.allCases.map {
            "<option value=\"\($0.rawValue)\">\(lang.t(key: $0.labelKey))</option>"
        }
        let groups: [HTML] = f.groups.map { "<option value=\"\($0.id)\">\($0.name)</option>" }
        let units: [HTML] = f.units.map { "<option value=\"\($0.id)\">\($0.name)</option>" }
        let roles: [HTML] = GridDepartment.Role.allCases.map {
            "<option value=\"\($0.rawValue)\">\(lang.t(key: $0.labelKey))</option>"
        }
        return """
            <section class="card" id="grid-manage"><h2>\(lang.t(.orgManage))</h2>
            <ul>\(duties)</ul>
            <form method="post" action="\(PlacesRoute.gridDuties(.value(gridID)))">\(csrf)<label \
            for="duty-person">\(lang.t(.gridAssign))</label>
            <div class="row">\
            \(Widgets.filter(for: "duty-person", label: lang.t(.fieldPersonFind)))\
            <select id="duty-person" name="personId">\(people)</select>
            <select name="duty" aria-label="\(lang.t(.gridDuty))">\(kinds)</select>
            <select name="groupNodeId" aria-label="\(lang.t(.kindBuildingGroup))"><option \
            value="">—</option>\(groups)</select>
            <button type="submit">\(lang.t(.actionSave))</button></div></form>
            <form method="post" action="\(PlacesRoute.gridDepartments(.value(gridID)))">\(csrf)<label \
            for="dept-unit">\(lang.t(.gridAddDepartment))</label>
            <div class="row"><select id="dept-unit" name="unitId">\(units)</select>
            <select name="role" aria-label="\(lang.t(.gridDepartments))">\(roles)</select>
            <button type="submit" class="secondary">\(lang.t(.actionSave))</button></div></form></section>
            """
    }
}
