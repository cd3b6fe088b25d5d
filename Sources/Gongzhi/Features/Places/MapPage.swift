import Fluent
import Vapor

/// 党建地图 as data: one level of the tree (a node's streets or communities, or its grids) with their figures,
/// and the markers of the layers asked for.
struct MapModel: Sendable {
    struct Place: Sendable {
        let id: String
        let label: String
        let name: String
        let shape: MultiPolygon
        let figures: GridFigures
        let link: Link
    }
    /// A part of a marker's tooltip: plain text or a string key. Parts are joined by " · ".
    enum Text: Sendable {
        case plain(String)
        case key(String)
    }
    struct Pin: Sendable {
        let at: Coordinate
        let kind: String
        let tooltip: [Text]
        let link: Link?
    }
    struct Crumb: Sendable {
        let link: Link
        let name: String
    }

    let nodeID: Int
    let nodeName: String
    let measure: GridFigures.Measure
    let layers: Set<MapPages.Layer>
    let crumbs: [Crumb]
    let places: [Place]
    let pins: [Pin]
    /// The areas of the viewer's scope (own node and shared ones) when there are several: the map shows one at a
    /// time and offers the others, so a shared street is never out of reach.
    let scopeAreas: [Crumb]
    /// When the node has no grids of its own (a unit's party organisation): the outline of the nearest area
    /// above it, drawn without figures or links, so the map shows where the node stands rather than nothing.
    let context: Context?
    struct Context: Sendable {
        let name: String
        let shape: MultiPolygon
    }

    /// The map of one node, with its figures coloured by `measure`.
    static func link(node: Int, _ m: GridFigures.Measure, _ layers: Set<MapPages.Layer>) -> Link {
        PlacesRoute.map.query(
            [("node", String(node)), ("colour", m.rawValue)] + layers.map(\.rawValue).sorted().map { ("layer", $0) })
    }

    static func query(
        _ v: Viewer, node: OrgNode, measure: GridFigures.Measure, layers: Set<MapPages.Layer>, today: LocalDate,
        on db: any Database
    ) async throws -> MapModel {
        let grids = try await PlacesQueries.gridsInScope(v.scope, on: db).filter {
            node.treePath.contains(TreePath($0.path))
        }
        let figures = try await PlacesQueries.figures(for: grids.compactMap(\.id), on: db)
        let places = try await places(v, node: node, grids: grids, figures: figures, measure, layers, on: db)
        var pins: [Pin] = []
        let context = places.isEmpty ? try await context(of: node, on: db) : nil
        if layers.contains(.organisations) {
            pins += try await UnitsQueries.inScope(v.scope, on: db).filter {
                node.treePath.contains(TreePath($0.path))
            }
            .compactMap { u in
                u.at.map {
                    Pin(
                        at: $0, kind: u.hasPartyOrg ? "org" : "unit",
                        tooltip: [.plain(u.name), .key(u.kindLabelKey)],
                        link: v.can(.viewPeople) ? UnitsRoute.unit(.value(u.id)).link : nil)
                }
            }
        }
        if context != nil, !layers.contains(.organisations) {
            // The node's own unit, where it stands.
            pins += try await UnitsQueries.ofPartyOrg(node.id!, on: db).compactMap { u in
                u.at.map {
                    Pin(at: $0, kind: "org", tooltip: [.plain(u.name), .key(u.kindLabelKey)], link: nil)
                }
            }
        }
        if layers.contains(.jointBodies) {
            pins += try await memberPins(v, under: node.path, today: today, on: db)
        }
        if layers.contains(.memberHouseholds) {
            pins += try await memberHouseholdPins(grids.compactMap(\.id), links: v.can(.viewPeople), on: db)
        }
        if layers.contains(.openRequests) {
            let q = try await RequestAccess.scoped(v, on: db)
            let open = try await q.filter(\.$state !~ [.closed, .merged]).filter(\.$path =~ node.path).limit(2000)
                .all()
            let centres = Dictionary(uniqueKeysWithValues: grids.map { ($0.id!, $0.shape.bbox.center) })
            for r in open {
                guard let at = r.lat.flatMap({ la in r.lng.map { Coordinate(lat: la, lng: $0) } }) ?? centres[r.gridID]
                else { continue }
                pins.append(
                    Pin(
                        at: at, kind: "request", tooltip: [.plain(r.number), .key(r.state.labelKey)],
                        link: RequestsRoute.request(.value(r.id!)).link))
            }
        }
        let ancestors = try await OrgQueries.ancestors(of: node, on: db).filter { v.scope.includes($0.treePath) }
        let roots =
            v.scope.paths.count > 1
            ? try await OrgNode.query(on: db).filter(\.$id ~~ v.scope.paths.compactMap(\.ids.last)).sort(\.$code).all()
            : []
        return MapModel(
            nodeID: node.id!, nodeName: node.name, measure: measure, layers: layers,
            crumbs: ancestors.map { Crumb(link: link(node: $0.id!, measure, layers), name: $0.name) },
            places: places, pins: pins,
            scopeAreas: roots.map { Crumb(link: link(node: $0.id!, measure, layers), name: $0.name) },
            context: context)
    }

    /// The nearest area above a node (its community, its street…), for a node without grids.
    static func context(of node: OrgNode, on db: any Database) async throws -> Context? {
        let chain = try await OrgQueries.ancestors(of: node, on: db) + [node]
        let areas = try await PlacesQueries.areas(for: chain.compactMap(\.id), on: db)
        return chain.reversed().lazy.compactMap { n in areas[n.id!].map { Context(name: n.name, shape: $0.shape) } }
            .first
    }

    /// A district shows its streets, a street its communities, each with its grids' figures added up;
    /// a community shows its grids.
    private static func places(
        _ v: Viewer, node: OrgNode, grids: [Grid], figures: [Int: GridFigures], _ measure: GridFigures.Measure,
        _ layers: Set<MapPages.Layer>, on db: any Database
    ) async throws -> [Place] {
        let childKind: OrgNodeKind? =
            switch node.kind {
            case .districtCommittee: .streetCommittee
            case .streetCommittee: .communityCommittee
            default: nil
            }
        guard let childKind else {
            let prefix = node.name.replacingOccurrences(of: "党委", with: "")
            return grids.map { g in
                Place(
                    id: "g\(g.id!)", label: g.name.replacingOccurrences(of: prefix, with: ""), name: g.name,
                    shape: g.shape, figures: figures[g.id!] ?? .init(), link: PlacesRoute.grid(.value(g.id!)).link)
            }
        }
        let children = try await OrgNode.query(on: db).filter(\.$parentID == node.id!).filter(\.$kind == childKind)
            .filter(\.$archived == false).sort(\.$code).all().filter { v.scope.includes($0.treePath) }
        let shapes = try await PlacesQueries.areas(for: children.compactMap(\.id), on: db)
        return children.compactMap { c in
            guard let a = shapes[c.id!] else { return nil }
            let total = grids.filter { c.treePath.contains(TreePath($0.path)) }.reduce(GridFigures()) {
                $0 + (figures[$1.id!] ?? .init())
            }
            let label = c.name.replacingOccurrences(
                of: """
                    党工委
                    """, with: ""
            ).replacingOccurrences(of: "党委", with: "")
            return Place(
                id: "n\(c.id!)", label: label, name: c.name, shape: a.shape, figures: total,
                link: link(node: c.id!, measure, layers))
        }
    }

    /// Member households on a map: a room only where the member agreed (身边党员), a link only for those who
    /// may see people.
    static func memberHouseholdPins(_ gridIDs: [Int], links: Bool, on db: any Database) async throws -> [Pin] {
        guard !gridIDs.isEmpty else { return [] }
        let hs = try await Household.query(on: db).filter(\.$gridID ~~ gridIDs).filter(\.$isMemberHousehold == true)
            .sort(\.$id).all()
        guard !hs.isEmpty else { return [] }
        let buildings = Dictionary(
            uniqueKeysWithValues: try await Building.query(on: db).filter(\.$id ~~ hs.map(\.buildingID)).all().map {
                ($0.id!, $0)
            })
        let shown = try await HouseholdsAPI.roomsShown(hs, on: db)
        return hs.compactMap { h in
            guard let b = buildings[h.buildingID] else { return nil }
            let place = shown.contains(h.id!) ? "\(b.name) \(h.room)" : b.name
            return Pin(
                at: b.coordinate, kind: "household", tooltip: [.key("measure.memberHouseholds"), .plain(place)],
                link: links ? PlacesRoute.household(.value(h.id!)).link : nil)
        }
    }
}

/// The map page's view: a pure function of the model and the language. The map itself is drawn apart
/// (`svg`), off the event loop.
enum MapView {
    static func text(_ parts: [MapModel.Text], _ lang: Lang) -> String {
        parts.map {
            switch $0 {
            case .plain(let s): s
            case .key(let k): lang.t(key: k)
            }
        }.joined(separator: " · ")
    }

    static func markers(_ pins: [MapModel.Pin], _ lang: Lang) -> [MapSVG.Marker] {
        pins.map { .init(at: $0.at, kind: $0.kind, tooltip: text($0.tooltip, lang), href: $0.link?.description) }
    }

    /// The width in CSS pixels a map is usually shown at: a phone's card, a desk's map frame.
    static let phoneWidth = 330.0
    static let deskWidth = 680.0

    /// The legend's names of the marker kinds.
    static func kindLabels(_ lang: Lang) -> [String: String] {
        [
            "org": lang.t(.markerOrg), "unit": lang.t(.markerUnit), "household": lang.t(.measureMemberHouseholds),
            "building": lang.t(.markerBuilding), "request": lang.t(.markerRequest),
            "member": lang.t(.markerMember),
        ]
    }

    static func svg(_ m: MapModel, phone: Bool, _ lang: Lang) -> String {
        func tip(_ p: MapModel.Place) -> String {
            "\(p.name)\n"
                + GridFigures.Measure.allCases.map {
                    "\(lang.t(key: $0.labelKey)): \(p.figures.value($0).map(MapSVGFormat.number) ?? "–")"
                }.joined(separator: "\n")
        }
        var areas = m.places.map {
            MapSVG.Area(
                id: $0.id, label: $0.label, shape: $0.shape, value: $0.figures.value(m.measure),
                href: $0.link.description, tooltip: tip($0))
        }
        if let c = m.context {
            areas = [.init(id: "context", label: c.name, shape: c.shape, value: nil, href: nil, tooltip: c.name)]
        }
        return MapSVG.render(
            areas: areas, markers: markers(m.pins, lang), shownAt: phone ? phoneWidth : deskWidth,
            narrowAt: phone ? nil : phoneWidth,
            title: lang.t(.mapTitle) + " · " + m.nodeName, legendTitle: lang.t(key: m.measure.labelKey),
            showLabels: areas.count <= 60, kindLabels: kindLabels(lang))
    }

    static func body(_ m: MapModel, svg: String, _ lang: Lang) -> HTML {
        let crumbs: [HTML] = m.crumbs.map { "<a href=\"\($0.link)\">\($0.name)</a> › " }
        let options: [HTML] = GridFigures.Measure.allCases.map {
            """
            <option value="\($0.rawValue)"\(HTML(raw: $0 == m.measure ? " selected" : ""))>\
            \(lang.t(key: $0.labelKey))</option>
            """
        }
        let boxes: [HTML] = MapPages.Layer.allCases.map {
            """
            <label><input type="checkbox" name="layer" value="\($0.rawValue)"\
            \(HTML(raw: m.layers.contains($0) ? " checked" : ""))> \(lang.t(key: $0.labelKey))</label>
            """
        }
        let controls: HTML = """
            <form method="get" action="\(PlacesRoute.map)" class="card row" id="map-controls"><input type="hidden" \
            name="node" value="\(m.nodeID)">
            <div><label for="colour">\(lang.t(.mapColourBy))</label><select id="colour" \
            name="colour">\(options)</select></div>
            <fieldset><legend>\(lang.t(.mapLayers))</legend>\(boxes)</fieldset>
            <div><button type="submit">\(lang.t(.actionShow))</button></div></form>
            """
        let rows: [HTML] = m.places.map { p in
            """
            <tr><td><a href="\(p.link)">\(p.label)</a></td><td \
            class="num">\(p.figures.value(m.measure).map(MapSVGFormat.number) ?? "–")</td></tr>
            """
        }
        let areas: [HTML] = m.scopeAreas.map { "<a class=\"button secondary\" href=\"\($0.link)\">\($0.name)</a> " }
        let switcher: HTML =
            areas.isEmpty ? "" : "<p id=\"scope-areas\">\(lang.t(.mapScopeAreas))：\(areas)</p>"
        // A node without grids: where it stands (its community's outline and its own units), or a plain message
        // with the way home, never an empty box.
        let map: HTML =
            m.places.isEmpty && m.context == nil && m.pins.isEmpty
            ? """
            <section class="card" id="map"><p>\(lang.t(.mapNoGrids))</p><p><a class="button secondary" \
            href="\(PlatformRoute.home)">\(lang.t(.navHome))</a></p></section>
            """
            : """
            <section class="card map-frame" id="map">\(HTML(raw: svg))\
            \(m.context.map { "<p class=\"muted\">\(lang.t(.mapContext, $0.name))</p>" as HTML } ?? HTML.empty)\
            </section>
            """
        return """
            <p class="crumbs">\(crumbs)<strong>\(m.nodeName)</strong></p>
            <h1>\(lang.t(.mapTitle)) · \(m.nodeName)</h1>\(switcher)\(controls)
            \(map)
            <section class="card"><h2>\(lang.t(key: m.measure.labelKey))</h2><table \
            id="map-figures"><tbody>\(rows)</tbody></table>
            <p class="muted">\(lang.t(.mapHint))</p></section>
            """
    }
}
