import Fluent
import Vapor

/// The organisation tree's pages: query → model (`OrgNodeModel`) → view (`OrgViews`).
enum OrgPages {
    static func register(_ p: RoutesBuilder) {
        p.get(OrganisationRoute.tree, use: tree)
        p.get(OrganisationRoute.list, use: listByKind)
        p.get(OrganisationRoute.export, use: OrgAPI.export)
        p.get(OrganisationRoute.node(.key), use: node)
        p.form(OrganisationRoute.children(.key), use: createChild)
        p.form(OrganisationRoute.rename(.key), use: rename)
        p.form(OrganisationRoute.move(.key), use: move)
        p.form(OrganisationRoute.merge(.key), use: merge)
        p.form(OrganisationRoute.archive(.key), use: archive)
    }

    static let active = OrganisationRoute.tree.path

    @Sendable static func tree(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let m = try await OrgTreeModel.query(v, on: req.db)
        return Layout.page(req, title: req.t(.orgTitle), body: OrgViews.tree(m, req.lang), active: active)
    }

    @Sendable static func listByKind(_ req: Request) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let m = try await OrgListModel.query(
            v, kind: req.query[String.self, at: "kind"] ?? "", page: try req.pageRequest(), url: req.url.string,
            on: req.db)
        return Layout.page(req, title: m.title(req.lang), body: OrgViews.list(m, req.lang), active: active)
    }

    static func nodePage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let v = try await req.require(.viewTree)
        let node = try await OrgQueries.findInScope(id, req.caller)
        var m = try await OrgNodeModel.query(node, viewer: v, on: req.db)
        m.error = error
        let sections = PageSection.view(try await PageSection.node(id, req.caller), req.lang)
        let body: HTML = "\(OrgViews.node(m, csrf: CSRF.hiddenField(req), req.lang))\(sections)"
        return Layout.page(req, title: m.name, body: body, active: active)
    }

    @Sendable static func node(_ req: Request) async throws -> HTML {
        try await nodePage(req, id: try req.intParameter("id"))
    }

    /// Runs a change; on a rule error shows the node page again with the message, status kept.
    static func change(_ req: Request, _ action: (Int) async throws -> OrgNode) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req, to: { OrganisationRoute.node(.value(try await action(id).id!)).link },
            page: { try await nodePage(req, id: id, error: $0) })
    }

    struct ChildForm: Content {
        var kind: String?
        var name: String?
        var code: String?
    }
    struct NameForm: Content {
        var name: String?
        var code: String?
    }
    struct MoveForm: Content { var parentId: Int? }
    struct MergeForm: Content { var targetId: Int? }

    @Sendable static func createChild(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ChildForm.self)
        return try await change(req) { id in
            guard let kind = OrgNodeKind(rawValue: form.kind ?? "") else {
                throw AppError.invalid(.errorKindInvalid, field: "kind")
            }
            let child = try await OrgCommands.create(
                req.caller, kind: kind, name: form.name ?? "", code: form.code, parentID: id)
            return child
        }
    }

    @Sendable static func rename(_ req: Request) async throws -> Response {
        let form = try req.content.decode(NameForm.self)
        return try await change(req) {
            try await OrgCommands.rename(req.caller, id: $0, name: form.name ?? "", code: form.code)
        }
    }

    @Sendable static func move(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MoveForm.self)
        return try await change(req) { id in
            guard let p = form.parentId else { throw AppError.invalid(.errorParentRequired, field: "parentId") }
            return try await OrgCommands.move(req.caller, id: id, newParentID: p)
        }
    }

    @Sendable static func merge(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MergeForm.self)
        return try await change(req) { id in
            guard let t = form.targetId else { throw AppError.invalid(.errorTargetRequired, field: "targetId") }
            return try await OrgCommands.merge(req.caller, id: id, targetID: t)
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        try await change(req) { try await OrgCommands.archive(req.caller, id: $0) }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
