import Fluent
import Vapor

/// People's pages: query (`PeopleModels`) → model → view (`PeopleViews`).
enum PeoplePages {
    static func register(_ p: RoutesBuilder) {
        p.get(PeopleRoute.list, use: list)
        p.get(PeopleRoute.new, use: newForm)
        p.form(PeopleRoute.list, use: create)
        p.get(PeopleRoute.export, use: PeopleExport.csv)
        p.get(PeopleRoute.person(.key), use: detail)
        p.get(PeopleRoute.edit(.key), use: editForm)
        p.form(PeopleRoute.person(.key), use: update)
        p.post(PeopleRoute.unmask(.key), use: unmask)
        p.post(PeopleRoute.archive(.key), use: archive)
        p.get(PeopleRoute.importPage, use: ImportPages.form)
        p.post(PeopleRoute.importPreview, use: ImportPages.preview)
        p.post(PeopleRoute.importCommit(batch: .key), use: ImportPages.commit)
    }

    static let active = PeopleRoute.list.path

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let m = try await PeopleListModel.query(req)
        return Layout.page(req, title: req.t(.navPeople), body: PeopleViews.list(m, req.lang), active: active)
    }

    static func detailPage(_ req: Request, _ p: Person, masked: Bool) async throws -> HTML {
        let m = try await PersonPageModel.query(p, masked: masked, viewer: try req.requireViewer(), on: req.db)
        let body = PeopleViews.person(m, csrf: CSRF.hiddenField(req), req.lang)
        return Layout.page(req, title: p.name, body: body, active: active)
    }

    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, try await PeopleService.find(try req.intParameter("id"), req.caller), masked: true)
    }

    @Sendable static func unmask(_ req: Request) async throws -> HTML {
        try await detailPage(
            req, try await PeopleService.unmasked(req.caller, id: try req.intParameter("id")), masked: false)
    }

    static func formPage(_ req: Request, person: Person?, input: PersonInput?, error: AppError?) async throws -> HTML {
        let v = try await req.require(.editPeople)
        let m = try await PersonFormModel.query(person, input: input, error: error, viewer: v, on: req.db)
        let body = PeopleViews.form(m, csrf: CSRF.hiddenField(req), req.lang)
        return Layout.page(req, title: person?.name ?? req.t(.peopleNew), body: body, active: active)
    }

    /// Browser forms post flat fields; the same PersonInput as the API checks them.
    struct Form: Content {
        var name: String?
        var facets: [String]?
        var orgNodeId: String?
        var idNumber: String?
        var phone: String?
        var address: String?
        var inService: String?
        var employer: String?
        var homeNodeId: String?
        var joinedOn: String?
        var workerGrade: String?

        func input(isNew: Bool) throws -> PersonInput {
            var i = PersonInput()
            i.name = name
            var fs: [PersonFacet] = []
            for raw in facets ?? [] {
                guard let f = PersonFacet(rawValue: raw) else {
                    throw AppError.invalid(.errorImportUnknownFacet, field: "facets")
                }
                fs.append(f)
            }
            i.facets = fs
            i.orgNodeID = try FormNumber.int(orgNodeId, field: "orgNodeId")
            // Masked fields show a placeholder: an empty box keeps the stored value.
            i.idNumber = isNew ? idNumber : idNumber.flatMap { $0.isEmpty ? nil : $0 }
            i.phone = isNew ? phone : phone.flatMap { $0.isEmpty ? nil : $0 }
            i.address = isNew ? address : address.flatMap { $0.isEmpty ? nil : $0 }
            i.inService = inService == "true"
            i.employer = employer
            i.homeNodeID = try FormNumber.int(homeNodeId, field: "homeNodeId")
            i.joinedOn = joinedOn
            if let g = workerGrade, !g.isEmpty {
                guard let grade = PersonImport.grade(g) else {
                    throw AppError.invalid(.errorGradeWording, field: "workerGrade")
                }
                i.workerGrade = grade
            }
            return i
        }
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        try await formPage(req, person: nil, input: nil, error: nil)
    }

    @Sendable static func editForm(_ req: Request) async throws -> HTML {
        let p = try await PeopleService.findForChange(try req.intParameter("id"), req.caller)
        return try await formPage(req, person: p, input: nil, error: nil)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var input = PersonInput()
        return try await FormChange.run(
            req,
            to: {
                input = try form.input(isNew: true)
                return PeopleRoute.person(.value(try await PeopleService.create(req.caller, input).id!)).link
            }, page: { try await formPage(req, person: nil, input: input, error: $0) })
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let id = try req.intParameter("id")
        let form = try req.content.decode(Form.self)
        var input = PersonInput()
        return try await FormChange.run(
            req,
            to: {
                input = try form.input(isNew: false)
                _ = try await PeopleService.update(req.caller, id: id, input)
                return PeopleRoute.person(.value(id)).link
            },
            page: {
                try await formPage(
                    req, person: try await PeopleService.findForChange(id, req.caller), input: input, error: $0)
            })
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let p = try await PeopleService.archive(req.caller, id: try req.intParameter("id"))
        Layout.flash(req, .flashArchived)
        return req.redirect(to: PeopleRoute.person(.value(p.id!)))
    }
}
