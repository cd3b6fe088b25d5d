import Fluent
import GongzhiCore
import Vapor

/// JointBodies' desk pages: read the request, call a query or service with `req.caller`, render. A refused form
/// comes back as the same page with the message (422).
enum JointBodyPages {
    static func register(_ p: RoutesBuilder) {
        p.get(JointBodiesRoute.page, use: list)
        p.form(JointBodiesRoute.page, use: create)
        p.get(JointBodiesRoute.export, use: export)
        p.get(JointBodiesRoute.body(.key), use: body)
        p.form(JointBodiesRoute.members(.key), use: addMember)
        p.form(JointBodiesRoute.endMember(.key, .key), use: endMember)
        p.form(JointBodiesRoute.seats(.key), use: appoint)
        p.form(JointBodiesRoute.endSeat(.key, .key), use: endSeat)
        p.form(JointBodiesRoute.crossSeats(.key), use: crossAppoint)
        p.form(JointBodiesRoute.documents(.key), use: addDocument)
    }

    static let maxPeopleChoices = 500

    static func listPage(_ req: Request, error: AppError? = nil) async throws -> Response {
        try await listHTML(req, error: error).encodeResponse(
            status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    static func listHTML(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let kind = try JointBodiesAPI.kind(req)
        let bodies = try await JointBodySummary.query(
            req.caller, kind: kind, on: req.caller.today, page: try req.pageRequest())
        let nodes =
            v.can(.editTree)
            ? try await OrgQueries.pickerChoices(v.scope, on: req.db) : []
        let m = JointBodyViews.ListModel(
            bodies: bodies, url: req.url.string, kind: kind, nodes: nodes, mayExport: v.can(.exportData))
        return Layout.page(
            req, title: req.t(.navJointBodies),
            body: JointBodyViews.list(m, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: JointBodiesRoute.page.path)
    }

    @Sendable static func list(_ req: Request) async throws -> Response { try await listPage(req) }

    struct BodyForm: Content {
        var name: String?
        var kind: String?
        var nodeId: String?
        var establishedOn: String?
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let f = try req.content.decode(BodyForm.self)
        return try await FormChange.run(
            req,
            to: {
                guard let kind = f.kind.flatMap(JointBodyKind.init(rawValue:)) else {
                    throw AppError.invalid(.errorJointBodyKindField, field: "kind")
                }
                guard let node = try FormNumber.int(f.nodeId, field: "nodeId") else {
                    throw AppError.invalid(.errorJointBodyNode, field: "nodeId")
                }
                let input = JointBodiesService.BodyInput(
                    name: f.name ?? "", kind: kind, nodeID: node, establishedOn: f.establishedOn)
                return JointBodiesRoute.body(.value(try await JointBodiesService.createBody(req.caller, input).id!))
                    .link
            }, page: { e in try await listHTML(req, error: e) })
    }

    static func bodyPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> Response {
        try await bodyHTML(req, id: id, error: error).encodeResponse(
            status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    static func bodyHTML(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let asOf = error == nil ? try JointBodiesAPI.asOf(req) : req.clock.today
        let d = try await JointBodyDetail.query(id, asOf: asOf, req.caller)
        var units: [UnitsQueries.BodyUnit] = []
        var people: [PeopleQueries.Brief] = []
        if d.mayChange {
            let v = try req.requireViewer()
            let b = try await JointBodiesQueries.visibleBody(id, req.caller)
            units = try await UnitsQueries.bodyCandidates(bodyPath: b.path, scope: v.scope, on: req.db)
            people = try await PeopleQueries.seatCandidates(req.caller, limit: maxPeopleChoices)
        }
        let m = JointBodyViews.BodyModel(detail: d, units: units, people: people)
        return Layout.page(
            req, title: d.name, body: JointBodyViews.body(m, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: JointBodiesRoute.page.path)
    }

    @Sendable static func body(_ req: Request) async throws -> Response {
        try await bodyPage(req, id: try req.intParameter("id"))
    }

    /// Runs a form's change; back to the body's page, or the page with the form refilled and the message.
    private static func change(_ req: Request, _ work: (Int) async throws -> Void) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            to: {
                try await work(id)
                return JointBodiesRoute.body(.value(id)).link
            }, page: { e in try await bodyHTML(req, id: id, error: e) })
    }

    struct DatedForm: Content {
        var unitId: String?
        var personId: String?
        var hostUnitId: String?
        var role: String?
        var position: String?
        var from: String?
        var to: String?
        var on: String?
    }

    private static func required(_ raw: String?, field: String) throws -> Int {
        guard let n = try FormNumber.int(raw, field: field) else {
            throw AppError.invalid(.errorRefUnknown, field: field)
        }
        return n
    }

    private static func position(_ raw: String?) throws -> SeatPosition {
        guard let p = raw.flatMap(SeatPosition.init(rawValue:)) else {
            throw AppError.invalid(.errorJointBodyPosition, field: "position")
        }
        return p
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DatedForm.self)
        return try await change(req) { id in
            guard let role = f.role.flatMap(MemberRole.init(rawValue:)) else {
                throw AppError.invalid(.errorJointBodyRoleField, field: "role")
            }
            let input = JointBodiesService.MemberInput(
                unitID: try required(f.unitId, field: "unitId"), role: role, from: f.from ?? "", to: f.to)
            _ = try await JointBodiesService.addMember(req.caller, bodyID: id, input)
        }
    }

    @Sendable static func endMember(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DatedForm.self)
        let member = try req.intParameter("memberId")
        return try await change(req) { id in
            _ = try await JointBodiesService.endMember(req.caller, bodyID: id, memberID: member, .init(on: f.on ?? ""))
        }
    }

    @Sendable static func appoint(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DatedForm.self)
        return try await change(req) { id in
            let input = JointBodiesService.SeatInput(
                personID: try required(f.personId, field: "personId"), position: try position(f.position),
                unitID: try FormNumber.int(f.unitId, field: "unitId"), from: f.from ?? "", to: f.to)
            _ = try await JointBodiesService.appoint(req.caller, bodyID: id, input)
        }
    }

    @Sendable static func endSeat(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DatedForm.self)
        let seat = try req.intParameter("seatId")
        return try await change(req) { id in
            _ = try await JointBodiesService.endSeat(req.caller, bodyID: id, seatID: seat, .init(on: f.on ?? ""))
        }
    }

    @Sendable static func crossAppoint(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DatedForm.self)
        return try await change(req) { id in
            let input = JointBodiesService.CrossSeatInput(
                personID: try required(f.personId, field: "personId"),
                hostUnitID: try required(f.hostUnitId, field: "hostUnitId"), position: try position(f.position),
                from: f.from ?? "", to: f.to)
            _ = try await JointBodiesService.crossAppoint(req.caller, bodyID: id, input)
        }
    }

    struct DocumentForm: Content {
        var title: String?
        var text: String?
        var adoptedOn: String?
    }

    @Sendable static func addDocument(_ req: Request) async throws -> Response {
        let f = try req.content.decode(DocumentForm.self)
        return try await change(req) { id in
            let input = JointBodiesService.DocumentInput(
                title: f.title ?? "", text: f.text ?? "", adoptedOn: f.adoptedOn ?? "")
            _ = try await JointBodiesService.addDocument(req.caller, bodyID: id, input)
        }
    }

    /// Every visible body with each membership and seat, past ones included (one row each).
    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let today = req.clock.today
        let bodies = try await JointBodySummary.query(req.caller, kind: nil, on: today, page: nil).rows
        let lang = req.lang
        var rows: [[String]] = []
        for b in bodies {
            let d = try await JointBodyDetail.query(b.id, asOf: today, req.caller)
            let kind = lang.t(key: d.kind.labelKey)
            for m in d.members {
                rows.append([
                    d.name, kind, lang.t(.jointBodyMembers), m.unitName, lang.t(key: m.role.labelKey), "",
                    m.from, m.to ?? "",
                ])
            }
            for s in d.seats + d.crossSeats {
                rows.append([
                    d.name, kind, lang.t(s.hostUnitID == nil ? .jointBodySeats : .jointBodyCrossSeats),
                    s.hostUnitName ?? s.unitName ?? "", lang.t(key: s.position.labelKey), s.personName, s.from,
                    s.to ?? "",
                ])
            }
        }
        let header = [
            lang.t(.jointBodyName), lang.t(.jointBodyKind), lang.t(.jointBodyRecord), lang.t(.jointBodyUnit),
            lang.t(.jointBodyRole), lang.t(.jointBodyPerson), lang.t(.jointBodyFrom), lang.t(.jointBodyTo),
        ]
        return CSVResponse.make(fileName: "joint-bodies.csv", header: header, rows: rows)
    }
}
