import Fluent
import Vapor

/// 党建地图 and the pages of places: drill down from the district to a grid, colour by a figure, switch layers.
enum MapPages {
    static func register(_ p: RoutesBuilder) {
        p.get("map", use: map)
        p.get(PlacesRoute.grid(.key), use: gridPage)
        p.post("grids", ":id", "duties", use: addDutyForm)
        p.post("grids", ":id", "duties", ":duty", "remove", use: removeDutyForm)
        p.post("grids", ":id", "departments", use: addDepartmentForm)
        p.get(PlacesRoute.household(.key), use: householdPage)
        p.get("nearby", use: nearby)
        p.get("places", "import", use: importForm)
        p.post("places", "import", "preview", use: importPreview)
        p.post("places", "import", ":batch", "commit", use: importCommit)
    }

    enum Layer: String, CaseIterable {
        case organisations, memberHouseholds, openRequests
        var labelKey: String { "layer.\(rawValue)" }
    }

    @Sendable static func map(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let measure = GridFigures.Measure(rawValue: req.query[String.self, at: "colour"] ?? "") ?? .households
        // Repeated `layer=` keys, as a form of checkboxes sends them.
        let layers = Set(
            (req.url.query ?? "").split(separator: "&").compactMap { pair -> Layer? in
                let kv = pair.split(separator: "=", maxSplits: 1)
                return kv.count == 2 && kv[0] == "layer" ? Layer(rawValue: String(kv[1])) : nil
            })
        var node = v.node
        if let raw = req.query[String.self, at: "node"], !raw.isEmpty {
            guard let id = Int(raw) else { throw AppError.badRequest("error.badID", args: [raw]) }
            node = try await OrgQueries.findInScope(id, req)
        }
        if node.kind == .gridBranch,
            let g = try await Grid.query(on: req.db).filter(\.$branchNodeID == node.id!).first()
        {
            throw Abort.redirect(to: "/grids/\(g.id!)")
        }
        let grids = try await PlacesQueries.gridsInScope(v.scope, on: req.db).filter {
            node.treePath.contains(TreePath($0.path))
        }
        let figures = try await PlacesQueries.figures(for: grids.compactMap(\.id), on: req.db)
        var areas: [MapSVG.Area] = []
        func tip(_ name: String, _ f: GridFigures) -> String {
            "\(name)\n"
                + GridFigures.Measure.allCases.map {
                    "\(req.t($0.labelKey)): \(f.value($0).map(MapSVGFormat.number) ?? "–")"
                }.joined(separator: "\n")
        }
        let childKind: OrgNodeKind? =
            switch node.kind {
            case .districtCommittee: .streetCommittee
            case .streetCommittee: .communityCommittee
            default: nil
            }
        if let childKind {
            let children = try await OrgNode.query(on: req.db).filter(\.$parentID == node.id!).filter(
                \.$kind == childKind
            )
            .filter(\.$archived == false).sort(\.$code).all().filter { v.scope.includes($0.treePath) }
            let shapes = try await PlacesQueries.areas(for: children.compactMap(\.id), on: req.db)
            for c in children {
                guard let a = shapes[c.id!] else { continue }
                let total = grids.filter { c.treePath.contains(TreePath($0.path)) }.reduce(GridFigures()) {
                    $0 + (figures[$1.id!] ?? .init())
                }
                areas.append(
                    .init(
                        id: "n\(c.id!)",
                        label: c.name.replacingOccurrences(of: "党工委", with: "").replacingOccurrences(
                            of: "党委", with: ""),
                        shape: a.shape, value: total.value(measure), href: link(node: c.id!, measure, layers),
                        tooltip: tip(c.name, total)))
            }
        } else {
            for g in grids {
                let f = figures[g.id!] ?? .init()
                areas.append(
                    .init(
                        id: "g\(g.id!)",
                        label: g.name.replacingOccurrences(
                            of: node.name.replacingOccurrences(of: "党委", with: ""), with: ""),
                        shape: g.shape, value: f.value(measure), href: "/grids/\(g.id!)", tooltip: tip(g.name, f)))
            }
        }
        var markers: [MapSVG.Marker] = []
        if layers.contains(.organisations) {
            for u in try await ResidentUnit.query(on: req.db).inScope(v.scope, \.$path).filter(\.$archived == false)
                .all()
            where node.treePath.contains(TreePath(u.path)) {
                guard let lat = u.lat, let lng = u.lng else { continue }
                markers.append(
                    .init(
                        at: Coordinate(lat: lat, lng: lng), kind: u.partyOrgNodeID == nil ? "unit" : "org",
                        tooltip: "\(u.name) · \(req.t(u.kind.labelKey))", href: "/units/\(u.id!)"))
            }
        }
        if layers.contains(.memberHouseholds) {
            let gridIDs = grids.compactMap(\.id)
            let hs =
                gridIDs.isEmpty
                ? []
                : try await Household.query(on: req.db).filter(\.$gridID ~~ gridIDs).filter(
                    \.$isMemberHousehold == true
                ).all()
            let buildings = Dictionary(
                uniqueKeysWithValues: hs.isEmpty
                    ? []
                    : try await Building.query(on: req.db).filter(\.$id ~~ hs.map(\.buildingID)).all().map {
                        ($0.id!, $0)
                    })
            let shown = try await HouseholdsAPI.roomsShown(hs, on: req.db)
            let label = req.t("measure.memberHouseholds")
            for h in hs {
                guard let b = buildings[h.buildingID] else { continue }
                let place = shown.contains(h.id!) ? "\(b.name) \(h.room)" : b.name
                markers.append(
                    .init(
                        at: b.coordinate, kind: "household", tooltip: "\(label) · \(place)",
                        href: v.can(.viewPeople) ? PlacesRoute.household(.value(h.id!)).path : nil))
            }
        }
        if layers.contains(.openRequests) {
            let q = try await RequestAccess.scoped(v, on: req.db)
            let open = try await q.filter(\.$state !~ [.closed, .merged]).filter(\.$path =~ node.path).limit(2000).all()
            let centres = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.shape.bbox.center) })
            for r in open {
                guard let at = r.lat.flatMap({ la in r.lng.map { Coordinate(lat: la, lng: $0) } }) ?? centres[r.gridID]
                else { continue }
                markers.append(
                    .init(
                        at: at, kind: "request", tooltip: "\(r.number) · \(req.t(r.state.labelKey))",
                        href: "/requests/\(r.id!)"))
            }
        }
        let title = req.t("map.title") + " · " + node.name
        let legend = req.t(measure.labelKey)
        let svg = try await req.offload { [areas, markers] in
            MapSVG.render(
                areas: areas, markers: markers, title: title, legendTitle: legend,
                showLabels: areas.count <= 60)
        }
        let ancestors = try await OrgQueries.ancestors(of: node, on: req.db).filter { v.scope.includes($0.treePath) }
        let crumbs: [HTML] = ancestors.map { "<a href=\"\(link(node: $0.id!, measure, layers))\">\($0.name)</a> › " }
        let controls: HTML = """
            <form method="get" action="/map" class="card row" id="map-controls"><input type="hidden" name="node" \
            value="\(node.id!)">
            <div><label for="colour">\(req.t("map.colourBy"))</label><select id="colour" \
            name="colour">\(GridFigures.Measure.allCases.map { "<option value=\"\($0.rawValue)\"\(HTML(raw: $0 == measure ? " selected" : ""))>\(req.t($0.labelKey))</option>" as HTML })</select></div>
            <fieldset><legend>\(req.t("map.layers"))</legend>\(Layer.allCases.map { "<label><input type=\"checkbox\" name=\"layer\" value=\"\($0.rawValue)\"\(HTML(raw: layers.contains($0) ? " checked" : ""))> \(req.t($0.labelKey))</label>" as HTML })</fieldset>
            <div><button type="submit">\(req.t("action.show"))</button></div></form>
            """
        let table: [HTML] = areas.map { a in
            "<tr><td>\(a.href.map { "<a href=\"\($0)\">\(a.label)</a>" as HTML } ?? HTML(stringLiteral: a.label))</td><td class=\"num\">\(a.value.map(MapSVGFormat.number) ?? "–")</td></tr>"
        }
        return Layout.page(
            req, title: req.t("map.title"),
            body: """
                <p class="crumbs">\(crumbs)<strong>\(node.name)</strong></p>
                <h1>\(req.t("map.title")) · \(node.name)</h1>\(controls)
                <section class="card map-frame" id="map">\(HTML(raw: svg))</section>
                <section class="card"><h2>\(req.t(measure.labelKey))</h2><table \
                id="map-figures"><tbody>\(table)</tbody></table>
                <p class="muted">\(req.t("map.hint"))</p></section>
                """, active: "/map")
    }

    static func link(node: Int, _ m: GridFigures.Measure, _ layers: Set<Layer>) -> String {
        "/map?node=\(node)&colour=\(m.rawValue)" + layers.map { "&layer=\($0.rawValue)" }.sorted().joined()
    }

    static func figureTable(_ req: Request, _ f: GridFigures, flags: [String]) -> HTML {
        """
        <table class="detail" \
        id="grid-figures">\(GridFigures.Measure.allCases.map { "<tr><th>\(req.t($0.labelKey))</th><td class=\"num\">\(f.value($0).map(MapSVGFormat.number) ?? "–")</td></tr>" as HTML })</table>
        \(flags.isEmpty ? HTML.empty : "<p class=\"flash error\">\(flags.joined(separator: "；"))</p>" as HTML)
        """
    }

    @Sendable static func gridPage(_ req: Request) async throws -> HTML {
        try await gridPage(req, id: try req.intParameter("id"), error: nil)
    }

    /// The forms to assign people and departments, for those who may change the grid.
    static func gridForms(_ req: Request, _ grid: Grid, _ d: PlacesAPI.GridDetail) async throws -> HTML {
        let v = try req.requireViewer()
        guard v.can(.editTree), v.scope.includes(TreePath(grid.path)) else { return "" }
        let csrf = CSRF.hiddenField(req)
        let residentIDs = try await Household.query(on: req.db).filter(\.$gridID == grid.id!).all().compactMap(\.id)
        let candidates = try await Person.query(on: req.db).filter(\.$archived == false).group(.or) { g in
            g.filter(\.$householdID ~~ residentIDs)
            g.group(.and) { $0.filter(\.$orgNodeID == grid.communityNodeID).filter(\.$isCommunityWorker == true) }
        }.sort(\.$name).limit(500).all()
        let groups =
            grid.branchNodeID == nil
            ? []
            : try await OrgNode.query(on: req.db).filter(\.$parentID == grid.branchNodeID!).filter(\.$archived == false)
                .all()
        let units = try await ResidentUnit.query(on: req.db).inScope(v.scope, \.$path).filter(\.$archived == false)
            .sort(\.$name).all()
        let duties = try await GridDuty.query(on: req.db).filter(\.$gridID == grid.id!).all()
        let names = Dictionary(uniqueKeysWithValues: d.staff.map { ($0.personID, $0.name) })
        return """
            <section class="card" id="grid-manage"><h2>\(req.t("org.manage"))</h2>
            <ul>\(duties.map { "<li>\(req.t($0.duty.labelKey)) · \(names[$0.personID] ?? "") <form method=\"post\" action=\"/grids/\(grid.id!)/duties/\($0.id!)/remove\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"link\">\(req.t("grid.endDuty"))</button></form></li>" as HTML })</ul>
            <form method="post" action="/grids/\(grid.id!)/duties">\(csrf)<label \
            for="duty-person">\(req.t("grid.assign"))</label>
            <div class="row"><select id="duty-person" \
            name="personId">\(candidates.map { "<option value=\"\($0.id!)\">\($0.name)\($0.isPartyMember ? "（" + req.t("facet.partyMember") + "）" : "")</option>" as HTML })</select>
            <select name="duty" \
            aria-label="\(req.t("grid.duty"))">\(GridDuty.Duty.allCases.map { "<option value=\"\($0.rawValue)\">\(req.t($0.labelKey))</option>" as HTML })</select>
            <select name="groupNodeId" aria-label="\(req.t("kind.buildingGroup"))"><option \
            value="">—</option>\(groups.map { "<option value=\"\($0.id!)\">\($0.name)</option>" as HTML })</select>
            <button type="submit">\(req.t("action.save"))</button></div></form>
            <form method="post" action="/grids/\(grid.id!)/departments">\(csrf)<label \
            for="dept-unit">\(req.t("grid.addDepartment"))</label>
            <div class="row"><select id="dept-unit" \
            name="unitId">\(units.map { "<option value=\"\($0.id!)\">\($0.name)</option>" as HTML })</select>
            <select name="role" \
            aria-label="\(req.t("grid.departments"))">\(GridDepartment.Role.allCases.map { "<option value=\"\($0.rawValue)\">\(req.t($0.labelKey))</option>" as HTML })</select>
            <button type="submit" class="secondary">\(req.t("action.save"))</button></div></form></section>
            """
    }

    struct DutyForm: Content {
        var personId: Int?
        var duty: String?
        var groupNodeId: String?
    }
    struct DepartmentForm: Content {
        var unitId: Int?
        var role: String?
    }

    static func gridChange(_ req: Request, _ action: (Int) async throws -> Void) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            {
                try await action(id)
                return "/grids/\(id)"
            }, page: { try await gridPage(req, id: id, error: $0) })
    }

    @Sendable static func addDutyForm(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DutyForm.self)
        return try await gridChange(req) { id in
            guard let p = f.personId, let duty = GridDuty.Duty(rawValue: f.duty ?? "") else {
                throw AppError.invalid("error.grid.dutyForm")
            }
            _ = try await PlacesCommands.addDuty(
                req, gridID: id, personID: p, duty: duty, groupNodeID: f.groupNodeId.flatMap { Int($0) })
        }
    }

    @Sendable static func removeDutyForm(_ req: Request) async throws -> Response {
        let duty = try req.intParameter("duty")
        return try await gridChange(req) { _ = try await PlacesCommands.removeDuty(req, gridID: $0, dutyID: duty) }
    }

    @Sendable static func addDepartmentForm(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DepartmentForm.self)
        return try await gridChange(req) { id in
            guard let u = f.unitId, let role = GridDepartment.Role(rawValue: f.role ?? "") else {
                throw AppError.invalid("error.grid.dutyForm")
            }
            _ = try await PlacesCommands.addDepartment(req, gridID: id, unitID: u, role: role)
        }
    }

    static func gridPage(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let v = try req.requireViewer()
        let grid = try await PlacesQueries.findGrid(id, req)
        let d = try await PlacesAPI.detail(grid, req)
        let buildings = try await Building.query(on: req.db).filter(\.$gridID == grid.id!).all()
        let memberHouseholds = try await Household.query(on: req.db).filter(\.$gridID == grid.id!).filter(
            \.$isMemberHousehold == true
        ).sort(\.$id).all()
        let mhOut = try await HouseholdsAPI.out(memberHouseholds, req)
        // A member household's room says where a party member lives: only with their consent (身边党员).
        let shown = try await HouseholdsAPI.roomsShown(memberHouseholds, on: req.db)
        let label = req.t("measure.memberHouseholds")
        let householdLinks = v.can(.viewPeople)
        let householdMarkers: [MapSVG.Marker] = memberHouseholds.compactMap { h in
            guard let b = buildings.first(where: { $0.id == h.buildingID }) else { return nil }
            let place = shown.contains(h.id!) ? "\(b.name) \(h.room)" : b.name
            return .init(
                at: b.coordinate, kind: "household", tooltip: "\(label) · \(place)",
                href: householdLinks ? PlacesRoute.household(.value(h.id!)).path : nil)
        }
        let buildingMarkers: [MapSVG.Marker] = buildings.map {
            .init(at: $0.coordinate, kind: "building", tooltip: $0.name)
        }
        let gridArea = MapSVG.Area(
            id: "g\(grid.id!)", label: grid.name, shape: grid.shape, value: nil, href: nil,
            tooltip: grid.name)
        let svg = try await req.offload {
            MapSVG.render(
                areas: [gridArea], markers: buildingMarkers + householdMarkers, width: 480, title: grid.name,
                legendTitle: nil, showLabels: false)
        }
        let community = try await OrgNode.find(grid.communityNodeID, on: req.db)
        let canSeePeople = v.can(.viewPeople)
        return Layout.page(
            req, title: grid.name,
            body: """
                <p \
                class="crumbs">\(community.map { v.scope.includes($0.treePath) ? "<a href=\"/map?node=\($0.id!)\">\($0.name)</a> › " as HTML : "\($0.name) › " as HTML } ?? HTML.empty)<strong>\(grid.name)</strong></p>
                <h1 id="grid-name">\(grid.name) <span class="muted">\(grid.code)</span></h1>
                \(error.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" as HTML } ?? HTML.empty)
                <div class="grid2">
                <section class="card map-frame">\(HTML(raw: svg))</section>
                <section \
                class="card"><h2>\(req.t("grid.figures"))</h2>\(figureTable(req, d.grid.figures, flags: d.grid.flagLabels))</section>
                <section class="card"><h2>\(req.t("grid.staff"))</h2><ul \
                id="grid-staff">\(d.staff.map { "<li>\($0.dutyLabel) · \($0.name)</li>" as HTML })</ul></section>
                <section \
                class="card"><h2>\(req.t("grid.departments"))</h2><ul>\(d.departments.map { "<li>\($0.roleLabel) · <a href=\"/units/\($0.unitID)\">\($0.name)</a></li>" as HTML })</ul></section>
                <section \
                class="card"><h2>\(req.t("grid.contacts"))</h2><ul>\(d.contacts.map { "<li>\($0.title) \($0.leaderName)（\(req.t($0.gridID == nil ? "grid.contactCommunity" : "grid.contactCompound"))，\($0.since)）</li>" as HTML })</ul></section>
                <section class="card"><h2>\(req.t("measure.memberHouseholds")) \
                (\(mhOut.count))</h2><ul>\(mhOut.map { h in
                "<li>\(canSeePeople ? "<a href=\"/households/\(h.id)\">\(h.buildingName ?? "") \(h.room)</a>" as HTML : "\(h.buildingName ?? "")" as HTML) · \(req.t("grid.links", String(h.links.count)))</li>" as HTML })</ul></section>
                </div>
                \(try await gridForms(req, grid, d))
                <section class="card"><h2>\(req.t("grid.buildings")) \
                (\(d.buildings.count))</h2><table><thead><tr><th>\(req.t("field.name"))</th><th>\(req.t("field.address"))</th><th \
                \
                \
                class="num">\(req.t("measure.households"))</th></tr></thead>
                <tbody>\(d.buildings.map { "<tr><td>\($0.name)</td><td>\($0.address)</td><td class=\"num\">\($0.households)</td></tr>" as HTML })</tbody></table></section>
                """, active: v.role.usesPhoneLayout ? "/community" : "/map")
    }

    @Sendable static func householdPage(_ req: Request) async throws -> HTML {
        let h = try await HouseholdsAPI.find(try req.intParameter("id"), req)
        let d = try await HouseholdsAPI.detail(h, req)
        let hh = d.household
        func hlink(_ o: HouseholdsAPI.HouseholdOut) -> HTML {
            "<li><a href=\"/households/\(o.id)\">\(o.buildingName ?? "") \(o.room)</a>\(o.memberName.map { " · \($0)" } ?? "")</li>"
        }
        return Layout.page(
            req, title: "\(hh.buildingName ?? "") \(hh.room)",
            body: """
                <p class="crumbs"><a href="/grids/\(hh.gridID)">\(req.t("grid.back"))</a></p>
                <h1>\(hh.buildingName ?? "") \
                \(hh.room)\(hh.isMemberHousehold ? " · " + req.t("measure.memberHouseholds") : "")</h1>
                <div class="grid2">
                <section class="card"><h2>\(req.t("household.chain"))</h2><table class="detail" id="household-chain">
                <tr><th>\(req.t("kind.buildingGroup"))</th><td>\(d.buildingGroup.map { "<a href=\"/org/\($0.id)\">\($0.name)</a>" as HTML } ?? "–")</td></tr>
                <tr><th>\(req.t("duty.buildingGroupLeader"))</th><td>\(d.groupLeader?.name ?? "–")</td></tr>
                <tr><th>\(req.t("household.lookedAfterBy"))</th><td><ul>\(d.memberHouseholds.map(hlink))</ul></td></tr>
                <tr><th>\(req.t("household.looksAfter"))</th><td><ul \
                id="linked-households">\(d.linkedHouseholds.map(hlink))</ul></td></tr></table></section>
                <section class="card"><h2>\(req.t("household.residents")) \
                (\(req.t("household.population", String(hh.population))))</h2>
                <ul>\(d.residents.map { "<li><a href=\"/people/\($0.id)\">\($0.name)</a> · \($0.facetLabels.joined(separator: "、"))</li>" as HTML })</ul></section>
                </div>
                """, active: "/map")
    }

    @Sendable static func nearby(_ req: Request) async throws -> HTML {
        let n = try await NearbyAPI.compute(req)
        let rows: [HTML] = n.memberHouseholds.map { e in
            "<li><strong>\(e.building)</strong> \(e.room ?? "") \(e.name.map { "· \($0)" } ?? "· " + req.t("nearby.notShown")) <span class=\"muted\">\(e.gridName)</span></li>"
        }
        return Layout.page(
            req, title: req.t("home.nearby"),
            body: """
                <h1>\(req.t("home.nearby"))</h1>
                \(n.grid.map { "<p class=\"muted\">\(req.t("nearby.around", $0.name))</p>" as HTML } ?? "<p>\(req.t("nearby.noGrid"))</p>" as HTML)
                <section \
                class="card"><h2>\(req.t("grid.staff"))</h2><ul>\(n.staff.map { "<li>\($0.dutyLabel) · \($0.name)</li>" as HTML })</ul></section>
                <section class="card"><h2>\(req.t("measure.memberHouseholds")) (\(n.memberHouseholds.count))</h2><ul \
                id="nearby-members">\(rows)</ul>
                <p class="muted">\(req.t("nearby.privacy"))</p></section>
                """, active: "/")
    }

    @Sendable static func importForm(_ req: Request) async throws -> HTML {
        try await req.require(.editTree)
        return Layout.page(
            req, title: req.t("places.import"),
            body: """
                <h1>\(req.t("places.import"))</h1><section class="card"><p>\(req.t("places.importHint"))</p>
                <form method="post" action="/places/import/preview" \
                enctype="multipart/form-data">\(CSRF.hiddenField(req))
                <label for="file">GeoJSON</label><input id="file" type="file" name="file" \
                accept=".geojson,.json,application/geo+json" required>
                <p><button type="submit">\(req.t("import.preview"))</button></p></form>
                <p><a href="/api/v1/places/export.geojson?level=grid">\(req.t("places.exportGrids"))</a></p></section>
                """, active: "/map")
    }

    struct Upload: Content { var file: File? }

    @Sendable static func importPreview(_ req: Request) async throws -> Response {
        try await req.require(.editTree)
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            throw AppError.invalid("error.import.empty", field: "file")
        }
        let preview: ImportPreview
        do {
            preview = try await GridImport.preview(
                req, bytes: Array(file.data.readableBytesView), fileName: file.filename)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await Layout.page(
                req, title: req.t("places.import"),
                body:
                    "<h1>\(req.t("places.import"))</h1><p class=\"flash error\" role=\"alert\">\(req.lang.format(e.messageKey, e.args))</p><p><a href=\"/places/import\">\(req.t("action.back"))</a></p>",
                active: "/map"
            )
            .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await ImportPages.previewPage(
            req, preview, commitAction: "/places/import/\(preview.batchId)/commit",
            codeHeader: req.t("field.community"), active: "/map")
    }

    @Sendable static func importCommit(_ req: Request) async throws -> Response {
        _ = try await PeopleImport.commit(req, batchID: try req.intParameter("batch"))
        Layout.flash(req, "flash.imported")
        return req.redirect(to: "/map")
    }
}

enum MapSVGFormat {
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
