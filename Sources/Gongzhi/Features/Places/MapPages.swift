import Fluent
import Vapor

/// 党建地图 and the pages of places: drill down from the district to a grid, colour by a figure, switch layers.
enum MapPages {
    static func register(_ p: RoutesBuilder) {
        p.get(PlacesRoute.map, use: map)
        p.get(PlacesRoute.grid(.key), use: gridPage)
        p.form(PlacesRoute.gridDuties(.key), use: addDutyForm)
        p.form(PlacesRoute.gridDutyRemove(.key, duty: .key), use: removeDutyForm)
        p.form(PlacesRoute.gridDepartments(.key), use: addDepartmentForm)
        p.get(PlacesRoute.household(.key), use: householdPage)
        p.get(PlacesRoute.nearby, use: nearby)
        p.get(PlacesRoute.importPage, use: importForm)
        p.post(PlacesRoute.importPreview, use: importPreview)
        p.post(PlacesRoute.importCommit(batch: .key), use: importCommit)
    }

    enum Layer: String, CaseIterable, Sendable {
        case organisations, jointBodies, memberHouseholds, openRequests
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
            guard let id = Int(raw) else { throw AppError.badRequest(.errorBadID, args: [raw]) }
            node = try await OrgQueries.findInScope(id, req.caller)
        }
        if node.kind == .gridBranch, let g = try await PlacesQueries.grid(ofBranch: node.id!, on: req.db) {
            throw Abort.redirect(to: PlacesRoute.grid(.value(g)).path)
        }
        let model = try await MapModel.query(
            v, node: node, measure: measure, layers: layers, today: req.clock.today, on: req.db)
        let lang = req.lang
        let phone = v.role.usesPhoneLayout
        let svg = try await req.offload { MapView.svg(model, phone: phone, lang) }
        return Layout.page(
            req, title: req.t(.mapTitle), body: MapView.body(model, svg: svg, lang), active: PlacesRoute.map.path)
    }

    @Sendable static func gridPage(_ req: Request) async throws -> HTML {
        try await gridPage(req, id: try req.intParameter("id"), error: nil)
    }

    static func gridPage(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let v = try req.requireViewer()
        let model = try await GridPageModel.query(
            v, grid: try await PlacesQueries.findGrid(id, req.caller), on: req.db)
        let lang = req.lang
        let svg = try await req.offload { GridView.svg(model, lang) }
        return Layout.page(
            req, title: model.grid.name,
            body: GridView.body(model, svg: svg, error: error, csrf: CSRF.hiddenField(req), lang),
            active: model.phone ? HomeRoute.community.path : PlacesRoute.map.path)
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
                return PlacesRoute.grid(.value(id)).path
            }, page: { try await gridPage(req, id: id, error: $0) })
    }

    @Sendable static func addDutyForm(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DutyForm.self)
        return try await gridChange(req) { id in
            guard let p = f.personId, let duty = GridDuty.Duty(rawValue: f.duty ?? "") else {
                throw AppError.invalid(.errorGridDutyForm)
            }
            _ = try await PlacesCommands.addDuty(
                req.caller, gridID: id, personID: p, duty: duty, groupNodeID: f.groupNodeId.flatMap { Int($0) })
        }
    }

    @Sendable static func removeDutyForm(_ req: Request) async throws -> Response {
        let duty = try req.intParameter("duty")
        return try await gridChange(req) {
            _ = try await PlacesCommands.removeDuty(req.caller, gridID: $0, dutyID: duty)
        }
    }

    @Sendable static func addDepartmentForm(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DepartmentForm.self)
        return try await gridChange(req) { id in
            guard let u = f.unitId, let role = GridDepartment.Role(rawValue: f.role ?? "") else {
                throw AppError.invalid(.errorGridDutyForm)
            }
            _ = try await PlacesCommands.addDepartment(req.caller, gridID: id, unitID: u, role: role)
        }
    }

    @Sendable static func householdPage(_ req: Request) async throws -> HTML {
        let h = try await HouseholdsAPI.find(try req.intParameter("id"), req.caller)
        let facts = try await PlacesQueries.householdFacts(h, lang: req.lang, on: req.db)
        return Layout.page(
            req, title: HouseholdView.title(facts), body: HouseholdView.body(facts, req.lang),
            active: PlacesRoute.map.path)
    }

    @Sendable static func nearby(_ req: Request) async throws -> HTML {
        let facts = try await PlacesQueries.nearby(of: try req.requireViewer(), on: req.db)
        return Layout.page(
            req, title: req.t(.homeNearby), body: NearbyView.body(facts, req.lang), active: PlatformRoute.home.path)
    }

    @Sendable static func importForm(_ req: Request) async throws -> HTML {
        try await req.require(.editTree)
        return Layout.page(
            req, title: req.t(.placesImport), body: PlacesImportView.form(csrf: CSRF.hiddenField(req), req.lang),
            active: PlacesRoute.map.path)
    }

    struct Upload: Content { var file: File? }

    @Sendable static func importPreview(_ req: Request) async throws -> Response {
        try await req.require(.editTree)
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            throw AppError.invalid(.errorImportEmpty, field: "file")
        }
        let preview: ImportPreview
        do {
            preview = try await GridImport.preview(
                req.caller, bytes: Array(file.data.readableBytesView), fileName: file.filename)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await Layout.page(
                req, title: req.t(.placesImport), body: PlacesImportView.refused(e, req.lang),
                active: PlacesRoute.map.path
            )
            .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await ImportPreviewPage.response(
            req, preview, commitAction: PlacesRoute.importCommit(batch: .value(preview.batchId)).link,
            codeHeader: req.t(.fieldCommunity), active: PlacesRoute.map.path)
    }

    @Sendable static func importCommit(_ req: Request) async throws -> Response {
        _ = try await PeopleImport.commit(req.caller, batchID: try req.intParameter("batch"))
        Layout.flash(req, .flashImported)
        return req.redirect(to: PlacesRoute.map)
    }
}

enum MapSVGFormat {
    static func number(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
