import Fluent
import GongzhiCore
import Vapor

/// Agreements' desk pages: read the form, call the service with `req.caller`, go back to the agreement; a refused
/// form comes back as the page with the message (422).
enum AgreementPages {
    typealias S = AgreementsService

    static func register(_ p: RoutesBuilder) {
        p.get(AgreementsRoute.page, use: list)
        p.form(AgreementsRoute.page, use: create)
        p.get(AgreementsRoute.export, use: export)
        p.get(AgreementsRoute.agreement(.key), use: show)
        p.form(AgreementsRoute.commitments(.key), use: addCommitment)
        p.form(AgreementsRoute.projects(.key), use: addProject)
        p.form(AgreementsRoute.deliver(.key, .key), use: deliver)
        p.form(AgreementsRoute.sign(.key), use: sign)
        p.form(AgreementsRoute.end(.key), use: end)
        p.form(AgreementsRoute.renew(.key), use: renew)
        p.form(AgreementsRoute.reviews(.key), use: review)
    }

    static func listPage(_ req: Request, error: AppError? = nil) async throws -> Response {
        try await listHTML(req, error: error).encodeResponse(
            status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    static func listHTML(_ req: Request, error: AppError?) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let state = try AgreementsAPI.state(req)
        let list = try await AgreementSummary.query(req.caller, state: state, page: try req.pageRequest())
        let nodes =
            v.can(.editTree)
            ? try await OrgQueries.nodesInScope(v.scope, on: req.db).filter {
                [.streetCommittee, .communityCommittee].contains($0.kind)
            }.map { (id: $0.id!, name: $0.name) } : []
        let units =
            v.can(.editTree)
            ? try await UnitsQueries.bodyCandidates(bodyPath: v.node.path, scope: v.scope, on: req.db) : []
        let m = AgreementViews.ListModel(
            agreements: list, url: req.url.string, state: state, nodes: nodes, units: units,
            mayExport: v.can(.exportData))
        return Layout.page(
            req, title: req.t(.navAgreements),
            body: AgreementViews.list(m, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: AgreementsRoute.page.path)
    }

    @Sendable static func list(_ req: Request) async throws -> Response { try await listPage(req) }

    struct AgreementForm: Content {
        var title: String?
        var nodeId: String?
        var unitIds: [String]?
        var startsOn: String?
        var endsOn: String?
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let f = try req.content.decode(AgreementForm.self)
        return try await FormChange.run(
            req,
            to: {
                guard let node = try FormNumber.int(f.nodeId, field: "nodeId") else {
                    throw AppError.invalid(.errorAgreementNode, field: "nodeId")
                }
                let input = S.AgreementInput(
                    title: f.title ?? "", nodeID: node,
                    unitIDs: try FormNumber.ints(f.unitIds, field: "unitIds") ?? [], startsOn: f.startsOn ?? "",
                    endsOn: f.endsOn ?? "")
                return AgreementsRoute.agreement(.value(try await S.create(req.caller, input).id!)).link
            }, page: { e in try await listHTML(req, error: e) })
    }

    static func page(_ req: Request, id: Int, error: AppError? = nil) async throws -> Response {
        try await pageHTML(req, id: id, error: error).encodeResponse(
            status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    static func pageHTML(_ req: Request, id: Int, error: AppError?) async throws -> HTML {
        let year = error == nil ? try AgreementsAPI.year(req) : req.clock.today.year
        let d = try await AgreementDetail.query(id, year: year, req.caller)
        return Layout.page(
            req, title: d.title,
            body: AgreementViews.agreement(d, csrf: CSRF.hiddenField(req), error: error, req.lang),
            active: AgreementsRoute.page.path)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await page(req, id: try req.intParameter("id"))
    }

    /// A change from the agreement's page: back to it (or to the agreement `work` answers); refused, the page
    /// again with the form refilled.
    private static func change(_ req: Request, _ work: (Int) async throws -> Int?) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req, to: { AgreementsRoute.agreement(.value(try await work(id) ?? id)).link },
            page: { e in try await pageHTML(req, id: id, error: e) })
    }

    struct Form: Content {
        var unitId: String?
        var ownerUnitId: String?
        var category: String?
        var text: String?
        var measure: String?
        var target: String?
        var title: String?
        var due: String?
        var on: String?
        var year: String?
        var verdict: String?
        var note: String?
    }

    @Sendable static func addCommitment(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        return try await change(req) { id in
            guard let category = f.category.flatMap(CommitmentCategory.init(rawValue:)) else {
                throw AppError.invalid(.errorAgreementCategory, field: "category")
            }
            let unit = try FormNumber.int(f.unitId, field: "unitId")
            let input = S.CommitmentInput(
                side: unit == nil ? .organisation : .unit, unitID: unit, category: category, text: f.text ?? "",
                measure: f.measure.flatMap(CommitmentMeasure.init(rawValue:)),
                target: try FormNumber.int(f.target, field: "target", in: 0...10_000))
            _ = try await S.addCommitment(req.caller, agreementID: id, input)
            return nil
        }
    }

    @Sendable static func addProject(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        return try await change(req) { id in
            let input = S.ProjectInput(
                title: f.title ?? "", ownerUnitID: try FormNumber.int(f.ownerUnitId, field: "ownerUnitId"),
                due: f.due ?? "")
            _ = try await S.addProject(req.caller, agreementID: id, input)
            return nil
        }
    }

    @Sendable static func deliver(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        let project = try req.intParameter("projectId")
        return try await change(req) { id in
            try await S.deliver(req.caller, agreementID: id, projectID: project, .init(on: f.on ?? ""))
            return nil
        }
    }

    @Sendable static func sign(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        return try await change(req) { id in
            try await S.sign(req.caller, agreementID: id, .init(on: f.on ?? ""))
            return nil
        }
    }

    @Sendable static func end(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        return try await change(req) { id in
            try await S.end(req.caller, agreementID: id, .init(on: f.on ?? ""))
            return nil
        }
    }

    @Sendable static func renew(_ req: Request) async throws -> Response {
        try await change(req) { id in try await S.renew(req.caller, agreementID: id).id }
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let f = try req.content.decode(Form.self)
        return try await change(req) { id in
            guard let verdict = f.verdict.flatMap(Verdict.init(rawValue:)) else {
                throw AppError.invalid(.errorAgreementVerdict, field: "verdict")
            }
            guard let year = try FormNumber.int(f.year, field: "year", in: 2000...2100) else {
                throw AppError.invalid(.errorAgreementYear, field: "year")
            }
            _ = try await S.review(
                req.caller, agreementID: id, .init(year: year, verdict: verdict, note: f.note ?? ""))
            return nil
        }
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        try await req.require(.exportData)
        let lang = req.lang
        let rows = try await AgreementSummary.query(req.caller, state: nil, page: nil).rows.map { a in
            [
                a.title, a.nodeName, a.parties.joined(separator: "、"), lang.t(key: a.pairing.labelKey),
                lang.t(key: a.standing.labelKey), a.startsOn, a.endsOn, a.lastReviewYear.map(String.init) ?? "",
                a.lastVerdict.map { lang.t(key: $0.labelKey) } ?? "",
            ]
        }
        let header = [
            lang.t(.agreementTitle), lang.t(.agreementNode), lang.t(.agreementParties), lang.t(.agreementPairing),
            lang.t(.agreementState), lang.t(.agreementStarts), lang.t(.agreementEnds), lang.t(.agreementYear),
            lang.t(.agreementVerdict),
        ]
        return CSVResponse.make(fileName: "agreements.csv", header: header, rows: rows)
    }
}
