import Fluent
import GongzhiCore
import Vapor

/// A resident who joins a public request ("me too", 同求): once per account, told of its steps like the reporter.
final class RequestSupporter: Model, @unchecked Sendable {
    static let schema = "request_supporters"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "request_id") var requestID: Int
    @Field(key: "user_id") var userID: Int
    @Field(key: "at") var at: Date
    init() {}
    init(requestID: Int, userID: Int, at: Date) {
        self.requestID = requestID
        self.userID = userID
        self.at = at
    }
}

struct CreateRequestSupporters: AsyncMigration {
    var name: String { "015_request_supporters" }
    func prepare(on db: Database) async throws {
        try await db.schema(RequestSupporter.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("request_id", .int, .required, .references(ServiceRequest.schema, .id))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("at", .datetime, .required)
            .unique(on: "request_id", "user_id").create()
    }
    func revert(on db: Database) async throws { try await db.schema(RequestSupporter.schema).delete() }
}

extension AuditKind {
    static let requestSupport = AuditKind("request_support")
}

extension RequestsQueries {
    /// The accounts that joined a request: they are told of its steps like the reporter.
    static func supporterIDs(of id: Int, on db: any Database) async throws -> [Int] {
        try await RequestSupporter.query(on: db).filter(\.$requestID == id).all().map(\.userID)
    }

    /// How many joined each request.
    static func supportCounts(_ ids: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int: Int] = [:]
        for chunk in ids.chunked(500) {
            for s in try await RequestSupporter.query(on: db).filter(\.$requestID ~~ chunk).all() {
                out[s.requestID, default: 0] += 1
            }
        }
        return out
    }
}

/// "Me too": a signed-in resident or party member of the request's community joins a public request once.
enum RequestSupport {
    /// The community a signed-in user belongs to: their home grid's, else their node's.
    static func viewerCommunityID(_ caller: Caller) async throws -> Int? {
        let v = try caller.requireViewer()
        if let g = try await PlacesQueries.homeGrid(of: v, on: caller.db) { return g.communityNodeID }
        return v.node.kind == .communityCommittee ? v.node.id : nil
    }

    /// Joins; answers the new count. A second join is a 409, another community's resident a logged 403.
    @discardableResult
    static func join(_ caller: Caller, id: Int) async throws -> Int {
        let v = try caller.requireViewer()
        guard let r = try await ServiceRequest.find(id, on: caller.db), r.isPublic, r.state != .merged else {
            throw AppError.notFound()
        }
        guard NavEntry.residents.contains(v.role), try await viewerCommunityID(caller) == r.communityNodeID else {
            throw await caller.forbidden("me too on request \(id) of another community")
        }
        if try await RequestSupporter.query(on: caller.db).filter(\.$requestID == id).filter(\.$userID == v.user.id!)
            .first() != nil
        {
            throw AppError.conflict(.errorMeTooTwice)
        }
        return try await caller.db.writing { db in
            let s = RequestSupporter(requestID: id, userID: v.user.id!, at: caller.now)
            do { try await s.create(on: db) } catch { throw AppError.conflict(.errorMeTooTwice) }
            let count = try await RequestSupporter.query(on: db).filter(\.$requestID == id).count()
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .requestSupport, id: s.id!, label: r.number,
                scopePath: r.path,
                before: nil as String?, after: ["request": r.number, "count": String(count)])
            return count
        }
    }
}

/// A community's public page, readable without signing in: its public requests on a list and a map, each with
/// its public timeline, the grid workers' work numbers (网格员公示) and the one-stop entry (一站通). No
/// personal data: no request text, no names of residents, no notes; steps show their action, state and date only.
enum CommunityPublic {
    struct Row: Sendable {
        let id: Int
        let number: String
        let category: String
        let state: RequestState
        let raisedAt: Date
        let supporters: Int
    }

    struct Model: Sendable {
        let code: String
        let name: String
        let rows: [Row]
        let workers: [PlacesQueries.PublicGridWorker]
        let areas: [MapSVG.Area]
        let markers: [MapSVG.Marker]
        let signedIn: Bool
    }

    struct Step: Sendable {
        let at: Date
        let action: RequestAction
        let toState: RequestState
    }

    struct Timeline: Sendable {
        let code: String
        let communityName: String
        let row: Row
        let steps: [Step]
        let units: [String]
        /// Whether the viewer may press "me too", and whether they already have.
        let canJoin: Bool
        let joined: Bool
    }

    static func register(public r: RoutesBuilder, protected p: RoutesBuilder) {
        r.get(RequestsRoute.communities, use: index)
        r.get(RequestsRoute.community(.key), use: page)
        r.get(RequestsRoute.publicRequest(.key, number: .key), use: timelinePage)
        p.post(RequestsRoute.meToo(.key), use: meToo)
    }

    static func community(_ code: String, on db: any Database) async throws -> OrgNode {
        guard
            let node = try await OrgNode.query(on: db).filter(\.$code == code).filter(\.$archived == false)
                .filter(\.$kind == .communityCommittee).first()
        else { throw AppError.notFound() }
        return node
    }

    static func rows(_ rs: [ServiceRequest], lang: Lang, on db: any Database) async throws -> [Row] {
        let cats = Dictionary(
            uniqueKeysWithValues: try await RequestCategory.query(on: db).all().map { ($0.code, $0.name(lang)) })
        let counts = try await RequestsQueries.supportCounts(rs.compactMap(\.id), on: db)
        return rs.map {
            Row(
                id: $0.id!, number: $0.number, category: cats[$0.category] ?? $0.category, state: $0.state,
                raisedAt: $0.raisedAt, supporters: counts[$0.id!] ?? 0)
        }
    }

    static func query(_ code: String, _ caller: Caller) async throws -> Model {
        let db = caller.db
        let node = try await community(code, on: db)
        let rs = try await ServiceRequest.query(on: db).filter(\.$communityNodeID == node.id!)
            .filter(\.$isPublic == true).filter(\.$state != .merged).sort(\.$raisedAt, .descending).limit(200).all()
        let rows = try await rows(rs, lang: caller.lang, on: db)
        let grids = try await PlacesQueries.activeGrids(inCommunity: node.id!, on: db)
        var markers: [MapSVG.Marker] = []
        if !grids.isEmpty {
            let centres = Dictionary(uniqueKeysWithValues: grids.map { ($0.id, $0.shape.bbox.center) })
            let labels = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, "\($0.number) · \($0.category)") })
            markers = rs.filter { $0.state != .closed }.compactMap { r -> MapSVG.Marker? in
                guard let at = r.lat.flatMap({ la in r.lng.map { Coordinate(lat: la, lng: $0) } }) ?? centres[r.gridID]
                else { return nil }
                return .init(at: at, kind: "request", tooltip: labels[r.id!] ?? r.number)
            }
        }
        let workers = try await PlacesQueries.publicGridWorkers(inCommunity: node.id!, on: db)
        return Model(
            code: node.code, name: node.name, rows: rows, workers: workers,
            areas: RequestMaps.gridAreas(grids, in: node),
            markers: markers, signedIn: caller.viewer != nil)
    }

    static func timeline(_ code: String, number: String, _ caller: Caller) async throws -> Timeline {
        let db = caller.db
        let node = try await community(code, on: db)
        guard number.hasPrefix("GZ"), let id = Int(number.dropFirst(2)),
            let r = try await ServiceRequest.find(id, on: db), r.communityNodeID == node.id!, r.isPublic,
            r.state != .merged
        else { throw AppError.notFound() }
        let row = try await rows([r], lang: caller.lang, on: db)[0]
        let events = try await RequestEvent.query(on: db).filter(\.$requestID == id).sort(\.$id).all()
        let unitIDs = try await RequestAssignment.query(on: db).filter(\.$requestID == id).all().map(\.unitID)
        let units = try await UnitsQueries.names(unitIDs, on: db).values.sorted()
        var canJoin = false
        var joined = false
        if let v = caller.viewer, NavEntry.residents.contains(v.role), r.reporterUserID != v.user.id {
            canJoin = try await RequestSupport.viewerCommunityID(caller) == node.id
            joined =
                try await RequestSupporter.query(on: db).filter(\.$requestID == id).filter(\.$userID == v.user.id!)
                .first() != nil
        }
        return Timeline(
            code: node.code, communityName: node.name, row: row,
            steps: events.map { Step(at: $0.at, action: $0.action, toState: $0.toState) }, units: units,
            canJoin: canJoin, joined: joined)
    }

    static func day(_ d: Date) -> String { LocalDate(instant: d.timeIntervalSince1970).description }

    static func view(_ m: Model, mapSVG: String?, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.rows.map { r in
            """
            <tr><td><a href="\(RequestsRoute.publicRequest(.value(m.code), number: .value(r.number)))">\
            \(r.number)</a></td><td>\(r.category)</td><td>\(lang.t(key: r.state.labelKey))</td>\
            <td>\(day(r.raisedAt))</td><td>\(r.supporters)</td></tr>
            """
        }
        let list: HTML =
            m.rows.isEmpty
            ? "<p class=\"muted\">\(lang.t(.publicNone))</p>"
            : """
            <table id="public-requests"><thead><tr><th>\(lang.t(.publicNumber))</th>\
            <th>\(lang.t(.publicCategory))</th>\
            <th>\(lang.t(.publicState))</th><th>\(lang.t(.publicRaised))</th><th>\(lang.t(.publicMeToo))</th></tr>\
            </thead><tbody>\(rows)</tbody></table>
            """
        let workers: [HTML] = m.workers.map { w in
            "<li><strong>\(w.name)</strong> · \(w.gridName) · \(w.workPhone ?? lang.t(.publicNoPhone))</li>"
        }
        let map: HTML =
            mapSVG.map { svg -> HTML in
                "<section class=\"card map-frame\" id=\"public-map\">\(HTML(raw: svg))</section>"
            } ?? ""
        let entry: HTML =
            m.signedIn
            ? "<li><a href=\"\(RequestsRoute.new)\">\(lang.t(.publicRaise))</a></li>"
            : """
            <li><a href="\(AccountsRoute.signup)">\(lang.t(.publicSignup))</a></li>\
            <li><a href="\(PlatformRoute.login)">\(lang.t(.publicLogin))</a></li>
            """
        return """
            <h1>\(m.name)</h1><p class="muted">\(lang.t(.publicIntro))</p>
            <section class="card" id="one-stop"><h2>\(lang.t(.publicOneStop))</h2>\
            <p>\(lang.t(.publicOneStopHint))</p><ul>\(entry)</ul></section>
            <section class="card" id="grid-workers"><h2>\(lang.t(.publicGridWorkers))</h2>\
            <ul>\(workers)</ul></section>
            \(map)
            <section class="card"><h2>\(lang.t(.publicRequests))</h2>\(list)</section>
            """
    }

    static func timelineView(_ t: Timeline, _ lang: Lang, csrf: HTML) -> HTML {
        let steps: [HTML] = t.steps.map { s in
            "<li>\(day(s.at)) · \(lang.t(key: s.action.labelKey)) → \(lang.t(key: s.toState.labelKey))</li>"
        }
        let units: HTML =
            t.units.isEmpty ? "" : "<p>\(lang.t(.publicUnits)): \(t.units.joined(separator: "、"))</p>"
        let join: HTML =
            t.joined
            ? "<p class=\"muted\" id=\"me-too-done\">\(lang.t(.publicMeTooDone))</p>"
            : t.canJoin
                ? """
                <form method="post" action="\(RequestsRoute.meToo(.value(t.row.id)))">\(csrf)\
                <button type="submit" id="me-too">\(lang.t(.publicMeTooButton))</button></form>
                """
                : ""
        return """
            <h1>\(t.row.number)</h1><p class="muted"><a href="\(RequestsRoute.community(.value(t.code)))">\
            \(t.communityName)</a></p>
            <section class="card"><p>\(t.row.category) · \(lang.t(key: t.row.state.labelKey)) · \
            \(lang.t(.publicRaised)) \(day(t.row.raisedAt))</p>
            <p id="me-too-count">\(lang.t(.publicMeTooCount, String(t.row.supporters)))</p>\(units)\(join)</section>
            <section class="card"><h2>\(lang.t(.publicTimeline))</h2><ol id="public-timeline">\(steps)</ol></section>
            """
    }

    /// Every community with its public page, for someone who has not signed in.
    @Sendable static func index(_ req: Request) async throws -> HTML {
        let nodes = try await OrgNode.query(on: req.db).filter(\.$kind == .communityCommittee)
            .filter(\.$archived == false).sort(\.$code).all()
        let items: [HTML] = nodes.map {
            "<li><a href=\"\(RequestsRoute.community(.value($0.code)))\">\($0.name)</a></li>"
        }
        return Layout.page(
            req, title: req.t(.publicCommunities),
            body: "<h1>\(req.t(.publicCommunities))</h1><ul id=\"communities\">\(items)</ul>")
    }

    @Sendable static func page(_ req: Request) async throws -> HTML {
        let m = try await query(req.parameters.get("code") ?? "", req.caller)
        var svg: String?
        if !m.areas.isEmpty {
            let (areas, markers, title) = (m.areas, m.markers, m.name)
            let kinds = MapView.kindLabels(req.lang)
            svg = try await req.offload {
                MapSVG.render(
                    areas: areas, markers: markers, width: 440, title: title, legendTitle: nil, kindLabels: kinds)
            }
        }
        return Layout.page(req, title: m.name, body: view(m, mapSVG: svg, req.lang))
    }

    @Sendable static func timelinePage(_ req: Request) async throws -> HTML {
        let t = try await timeline(
            req.parameters.get("code") ?? "", number: req.parameters.get("number") ?? "", req.caller)
        return Layout.page(
            req, title: t.row.number,
            body: timelineView(t, req.lang, csrf: req.viewer == nil ? "" : CSRF.hiddenField(req)))
    }

    @Sendable static func meToo(_ req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self) else { throw AppError.notFound() }
        try await RequestSupport.join(req.caller, id: id)
        guard let r = try await ServiceRequest.find(id, on: req.db),
            let node = try await OrgNode.find(r.communityNodeID, on: req.db)
        else { throw AppError.notFound() }
        Layout.flash(req, .publicMeTooDone)
        return req.redirect(to: RequestsRoute.publicRequest(.value(node.code), number: .value(r.number)))
    }
}
