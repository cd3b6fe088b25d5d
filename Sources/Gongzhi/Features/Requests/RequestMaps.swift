import Fluent
import Vapor

/// Maps for residents without any script: pick a request's place by clicking the community map (an image
/// button sends the click's x and y, which the server turns back into a coordinate with the same projection),
/// and see the community's public requests on the map.
enum RequestMaps {
    /// The pick map's width in CSS pixels: it is shown at exactly this size (a click's x and y are pixels of it),
    /// narrow enough for a 360 px phone.
    static let width = 330.0

    static func register(_ p: RoutesBuilder) {
        p.get(RequestsRoute.pickImage, use: pickImage)
        p.get(RequestsRoute.pick, use: pickPage)
        // The new request form's map button posts the draft here: a GET would put the form's token in the address.
        p.post(RequestsRoute.pick, use: pickPage)
        p.get(RequestsRoute.map, use: publicMap)
    }

    /// The community whose map a user picks on: their home grid's, else their node's.
    static func community(_ caller: Caller) async throws -> (OrgNode, [GridSummary])? {
        let v = try caller.requireViewer()
        var communityID: Int?
        if let g = try await PlacesQueries.homeGrid(of: v, on: caller.db) {
            communityID = g.communityNodeID
        } else if v.node.kind == .communityCommittee {
            communityID = v.node.id
        }
        guard let cid = communityID, let node = try await OrgNode.find(cid, on: caller.db) else { return nil }
        let grids = try await PlacesQueries.activeGrids(inCommunity: cid, on: caller.db)
        return grids.isEmpty ? nil : (node, grids)
    }

    /// The grids as plain outlines, named without the community's name (short labels fit a phone), without links.
    static func gridAreas(_ grids: [GridSummary], in community: OrgNode) -> [MapSVG.Area] {
        let prefix = community.name.replacingOccurrences(of: "党委", with: "")
        return grids.map {
            let short = $0.name.replacingOccurrences(of: prefix, with: "")
            return MapSVG.Area(
                id: "g\($0.id)", label: short.isEmpty ? $0.name : short, shape: $0.shape, value: nil, href: nil,
                tooltip: $0.name)
        }
    }

    static func projection(_ grids: [GridSummary]) -> MapSVG.Projection {
        var box = BBox.empty
        for g in grids { box.extend(g.shape.bbox) }
        return MapSVG.Projection(box: box, width: width)
    }

    /// Back from pixels to a coordinate.
    static func coordinate(x: Double, y: Double, _ p: MapSVG.Projection) -> Coordinate {
        Coordinate(lat: p.box.maxLat - (y - p.pad) / p.scale, lng: p.box.minLng + (x - p.pad) / (p.scale * p.k))
    }

    @Sendable static func pickImage(_ req: Request) async throws -> Response {
        guard let (node, grids) = try await community(req.caller) else { throw AppError.notFound() }
        let areas = gridAreas(grids, in: node)
        let svg = try await req.offload {
            MapSVG.render(
                areas: areas, width: width, title: node.name, legendTitle: nil, showLabels: true, fixedSize: true)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }

    @Sendable static func pickPage(_ req: Request) async throws -> HTML {
        guard let (node, grids) = try await community(req.caller) else {
            return Layout.page(
                req, title: req.t(.requestPick),
                body: "<h1>\(req.t(.requestPick))</h1><p>\(req.t(.nearbyNoGrid))</p>",
                active: RequestsRoute.list.path)
        }
        let p = projection(grids)
        // What the resident had typed travels through the map and back, so picking a place keeps the form.
        let draft: [HTML] = draftFields.compactMap { name in
            let value =
                req.method == .POST ? try? req.content.get(String.self, at: name) : req.query[String.self, at: name]
            return value.map { "<input type=\"hidden\" name=\"\(name)\" value=\"\($0)\">" }
        }
        return Layout.page(
            req, title: req.t(.requestPick),
            body: """
                <h1>\(req.t(.requestPick))</h1><p class="muted">\(req.t(.requestPickHint, node.name))</p>
                <form method="get" action="\(RequestsRoute.new)" id="pick-form">\(draft)
                <input type="image" name="pt" src="\(RequestsRoute.pickImage)" alt="\(node.name)" \
                width="\(Int(p.width))" height="\(Int(p.height.rounded()))" id="pick-map">
                </form>
                """, active: RequestsRoute.list.path)
    }

    /// The new-request form's fields that go to the pick map and come back with the point.
    static let draftFields = ["kind", "category", "text", "placeNote", "isPublic", "channel", "gridId"]

    /// The point a click on the pick map stands for, if the form came from it.
    static func picked(_ req: Request) async throws -> Coordinate? {
        guard let x = req.query[String.self, at: "pt.x"].flatMap(Double.init),
            let y = req.query[String.self, at: "pt.y"].flatMap(Double.init),
            let (_, grids) = try await community(req.caller)
        else { return nil }
        return coordinate(x: x, y: y, projection(grids))
    }

    /// The community's public requests on its map, with no personal data.
    @Sendable static func publicMap(_ req: Request) async throws -> HTML {
        guard let (node, grids) = try await community(req.caller) else {
            return Layout.page(
                req, title: req.t(.requestPublic),
                body: "<h1>\(req.t(.requestPublic))</h1><p>\(req.t(.nearbyNoGrid))</p>",
                active: RequestsRoute.list.path)
        }
        let rs = try await ServiceRequest.query(on: req.db).filter(\.$communityNodeID == node.id!).filter(
            \.$isPublic == true
        )
        .filter(\.$state !~ [.closed, .merged]).limit(500).all()
        let cats = Dictionary(
            uniqueKeysWithValues: try await RequestCategory.query(on: req.db).all().map {
                ($0.code, $0.name(req.lang))
            }
        )
        let centres = Dictionary(uniqueKeysWithValues: grids.map { ($0.id, $0.shape.bbox.center) })
        let markers: [MapSVG.Marker] = rs.compactMap { r in
            guard let at = r.lat.flatMap({ la in r.lng.map { Coordinate(lat: la, lng: $0) } }) ?? centres[r.gridID]
            else { return nil }
            return .init(
                at: at, kind: "request",
                tooltip:
                    """
                    \(cats[r.category] ?? r.category) · \(req.t(key: r.state.labelKey)) · \
                    \(String(r.text.prefix(30)))
                    """
            )
        }
        let areas = gridAreas(grids, in: node)
        let title = req.t(.requestPublic)
        let kinds = MapView.kindLabels(req.lang)
        let svg = try await req.offload {
            MapSVG.render(
                areas: areas, markers: markers, width: 440, shownAt: MapView.phoneWidth, title: title,
                legendTitle: nil,
                showLabels: true, kindLabels: kinds)
        }
        return Layout.page(
            req, title: req.t(.requestPublic),
            body: """
                <h1>\(req.t(.requestPublic))</h1><p class="muted">\(node.name) · \
                \(req.t(.requestPublicCount, String(markers.count)))</p>
                <section class="card map-frame" id="public-map">\(HTML(raw: svg))</section>
                """, active: RequestsRoute.list.path)
    }
}
