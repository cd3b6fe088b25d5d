import Fluent
import Vapor

enum AccountAdminAPI {
    struct ShareInput: StrictInput {
        static let fields: Set<String> = ["orgNodeID"]
        let orgNodeID: Int
    }
    struct ResetInput: StrictInput {
        static let fields: Set<String> = ["newPassword"]
        let newPassword: String
    }

    static func register(_ api: RoutesBuilder) {
        let a = api.grouped("accounts")
        a.get(use: list)
        a.post(use: create)
        a.get(":id", use: show)
        a.patch(":id", use: update)
        a.post(":id", "unlock", use: unlock)
        a.post(":id", "password", use: reset)
        a.post(":id", "shares", use: addShare)
        a.delete(":id", "shares", ":node", use: removeShare)
    }

    @Sendable static func list(_ req: Request) async throws -> [AccountAdmin.AccountOut] {
        try await AccountAdmin.out(try await AccountAdmin.list(req), req)
    }
    @Sendable static func show(_ req: Request) async throws -> AccountAdmin.AccountOut {
        try await AccountAdmin.out(
            [try await AccountAdmin.find(try req.intParameter("id"), req, forChange: false)], req)[0]
    }
    @Sendable static func create(_ req: Request) async throws -> Response {
        let u = try await AccountAdmin.create(req, try req.decodeStrict(AccountAdmin.CreateInput.self))
        return try await AccountAdmin.out([u], req)[0].encodeResponse(status: .created, for: req)
    }
    @Sendable static func update(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        return try await AccountAdmin.out(
            [try await AccountAdmin.update(req, id: id, try req.decodeStrict(AccountAdmin.UpdateInput.self))], req)[0]
    }
    @Sendable static func unlock(_ req: Request) async throws -> AccountAdmin.AccountOut {
        try await AccountAdmin.out([try await AccountAdmin.unlock(req, id: try req.intParameter("id"))], req)[0]
    }
    @Sendable static func reset(_ req: Request) async throws -> HTTPStatus {
        let id = try req.intParameter("id")
        try await AccountAdmin.resetPassword(req, id: id, password: try req.decodeStrict(ResetInput.self).newPassword)
        return .noContent
    }
    @Sendable static func addShare(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(ShareInput.self)
        return try await AccountAdmin.out(
            [try await AccountAdmin.share(req, id: id, nodeID: input.orgNodeID, add: true)], req)[0]
    }
    @Sendable static func removeShare(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        let node = try req.intParameter("node")
        return try await AccountAdmin.out([try await AccountAdmin.share(req, id: id, nodeID: node, add: false)], req)[0]
    }
}

enum AccountAdminPages {
    static func register(_ p: RoutesBuilder) {
        p.get("accounts", use: list)
        p.get("accounts", "new", use: newForm)
        p.post("accounts", use: create)
        p.get("accounts", ":id", use: detail)
        p.post("accounts", ":id", use: update)
        p.post("accounts", ":id", "unlock", use: unlock)
        p.post("accounts", ":id", "password", use: reset)
        p.post("accounts", ":id", "shares", use: addShare)
        p.post("accounts", ":id", "shares", ":node", "remove", use: removeShare)
    }

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let accounts = try await AccountAdmin.out(try await AccountAdmin.list(req), req)
        return Layout.page(
            req, title: req.t("nav.accounts"),
            body: """
                <h1>\(req.t("nav.accounts")) <span class="muted">(\(accounts.count))</span></h1>
                <p><a class="button" href="/accounts/new">\(req.t("accounts.new"))</a></p>
                <table \
                id="accounts"><thead><tr><th>\(req.t("accounts.username"))</th><th>\(req.t("field.name"))</th><th>\(req.t("accounts.role"))</th>
                <th>\(req.t("field.org"))</th><th>\(req.t("accounts.status"))</th></tr></thead><tbody>
                \(accounts.map { a in "<tr><td><a href=\"/accounts/\(a.id)\">\(a.username)</a></td><td>\(a.displayName)</td><td>\(a.roleLabel)</td><td>\(a.orgNodeName ?? "")</td><td>\(status(req, a))</td></tr>" as HTML })
                </tbody></table>
                """, active: "/accounts")
    }

    static func status(_ req: Request, _ a: AccountAdmin.AccountOut) -> String {
        !a.active ? req.t("accounts.inactive") : a.locked ? req.t("accounts.locked") : req.t("accounts.active")
    }

    static func roleOptions(_ req: Request, selected: Role?) -> HTML {
        let v = req.viewer!
        return Role.allCases.filter { v.role.canGrant($0) }.map {
            "<option value=\"\($0.rawValue)\"\(HTML(raw: $0 == selected ? " selected" : ""))>\(req.t($0.labelKey))</option>"
                as HTML
        }.joined()
    }

    static func nodeOptions(_ req: Request, selected: Int?) async throws -> HTML {
        let nodes = try await OrgQueries.nodesInScope(req.requireViewer().scope, on: req.db)
        return nodes.map {
            "<option value=\"\($0.id!)\"\(HTML(raw: $0.id == selected ? " selected" : ""))>\($0.name)</option>" as HTML
        }.joined()
    }

    static func errorHTML(_ req: Request, _ e: AppError?) -> HTML {
        e.map { "<p class=\"flash error\" role=\"alert\">\(req.lang.format($0.messageKey, $0.args))</p>" } ?? ""
    }

    static func newPage(_ req: Request, input: AccountAdmin.CreateInput?, error: AppError?) async throws -> HTML {
        try await req.require(.manageAccounts)
        return Layout.page(
            req, title: req.t("accounts.new"),
            body: """
                <h1>\(req.t("accounts.new"))</h1>\(errorHTML(req, error))
                <form method="post" action="/accounts" class="card">\(CSRF.hiddenField(req))
                <label for="username">\(req.t("accounts.username"))</label><input id="username" name="username" \
                value="\(input?.username ?? "")" required maxlength="40">
                <label for="displayName">\(req.t("field.name"))</label><input id="displayName" name="displayName" \
                value="\(input?.displayName ?? "")" required maxlength="50">
                <label for="phone">\(req.t("field.phone"))</label><input id="phone" name="phone" \
                value="\(input?.phone ?? "")" inputmode="tel">
                <label for="role">\(req.t("accounts.role"))</label><select id="role" \
                name="role">\(roleOptions(req, selected: input?.role))</select>
                <label for="orgNodeId">\(req.t("field.org"))</label><select id="orgNodeId" \
                name="orgNodeId">\(try await nodeOptions(req, selected: input?.orgNodeID))</select>
                <label for="password">\(req.t("accounts.initialPassword"))</label><input id="password" name="password" \
                type="password" autocomplete="new-password" required>
                <p class="muted">\(req.t("account.passwordRule"))</p>
                <p><button type="submit">\(req.t("action.create"))</button></p></form>
                """, active: "/accounts")
    }

    static func detailPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        let user = try await AccountAdmin.find(id, req, forChange: false)
        let a = try await AccountAdmin.out([user], req)[0]
        let csrf = CSRF.hiddenField(req)
        let sharedNodes =
            a.sharedNodeIDs.isEmpty ? [] : try await OrgNode.query(on: req.db).filter(\.$id ~~ a.sharedNodeIDs).all()
        let history = try await AuditEntry.query(on: req.db).filter(\.$entityType == "user").filter(\.$entityID == id)
            .sort(\.$at, .descending).sort(\.$id, .descending).limit(50).all()
        return Layout.page(
            req, title: a.username,
            body: """
                <h1>\(a.displayName) <span class="muted">\(a.username)</span></h1>\(errorHTML(req, error))
                <p><span class="tag">\(a.roleLabel)</span> <span class="tag">\(a.orgNodeName ?? "")</span> <span \
                class="tag">\(status(req, a))</span> <span class="tag">\(a.phone ?? "")</span></p>
                <div class="grid2">
                <form method="post" action="/accounts/\(id)" class="card">\(csrf)<h2>\(req.t("action.edit"))</h2>
                <label for="displayName">\(req.t("field.name"))</label><input id="displayName" name="displayName" \
                value="\(a.displayName)" maxlength="50">
                <label for="role">\(req.t("accounts.role"))</label><select id="role" \
                name="role">\(roleOptions(req, selected: a.role))</select>
                <label for="orgNodeId">\(req.t("field.org"))</label><select id="orgNodeId" \
                name="orgNodeId">\(try await nodeOptions(req, selected: a.orgNodeID))</select>
                <label><input type="checkbox" name="active" value="true"\(HTML(raw: a.active ? " checked" : ""))> \
                \(req.t("accounts.active"))</label>
                <p><button type="submit">\(req.t("action.save"))</button></p></form>
                <section class="card"><h2>\(req.t("account.shared"))</h2>
                <ul>\(sharedNodes.map { "<li>\($0.name) <form method=\"post\" action=\"/accounts/\(id)/shares/\($0.id!)/remove\" class=\"inline\">\(csrf)<button type=\"submit\" class=\"link\">\(req.t("accounts.unshare"))</button></form></li>" as HTML })</ul>
                <form method="post" action="/accounts/\(id)/shares">\(csrf)<div class="row"><select name="orgNodeId" \
                aria-label="\(req.t("field.org"))">\(try await nodeOptions(req, selected: nil))</select>
                <button type="submit" class="secondary">\(req.t("accounts.share"))</button></div></form>
                \(a.locked ? "<form method=\"post\" action=\"/accounts/\(id)/unlock\">\(csrf)<p><button type=\"submit\">\(req.t("accounts.unlock"))</button></p></form>" as HTML : HTML.empty)
                <form method="post" action="/accounts/\(id)/password">\(csrf)<label \
                for="newPassword">\(req.t("accounts.resetPassword"))</label>
                <div class="row"><input id="newPassword" name="newPassword" type="password" \
                autocomplete="new-password"><button type="submit" \
                class="secondary">\(req.t("action.save"))</button></div></form>
                </section></div>
                <section class="card"><h2>\(req.t("org.history"))</h2>\(AuditLogPages.table(req, history))</section>
                """, active: "/accounts")
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        try await newPage(req, input: nil, error: nil)
    }
    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, id: try req.intParameter("id"))
    }

    struct CreateForm: Content {
        var username: String?
        var displayName: String?
        var phone: String?
        var role: String?
        var orgNodeId: String?
        var password: String?
    }
    struct UpdateForm: Content {
        var displayName: String?
        var role: String?
        var orgNodeId: String?
        var active: String?
    }
    struct ShareForm: Content { var orgNodeId: String? }
    struct ResetForm: Content { var newPassword: String? }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let f = try req.content.decode(CreateForm.self)
        let input = AccountAdmin.CreateInput(
            username: f.username, displayName: f.displayName, phone: f.phone,
            role: f.role.flatMap(Role.init(rawValue:)), orgNodeID: f.orgNodeId.flatMap { Int($0) }, password: f.password
        )
        do {
            let u = try await AccountAdmin.create(req, input)
            Layout.flash(req, "flash.saved")
            return req.redirect(to: "/accounts/\(u.id!)")
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await newPage(req, input: input, error: e).encodeResponse(status: e.status, for: req)
        }
    }

    /// Runs a change and shows the account again, with the error if it was refused for a reason a user can fix.
    static func change(_ req: Request, _ action: (Int) async throws -> Void) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            {
                try await action(id)
                return "/accounts/\(id)"
            }, page: { try await detailPage(req, id: id, error: $0) })
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let f = try req.content.decode(UpdateForm.self)
        return try await change(req) { id in
            let current = try await AccountAdmin.find(id, req, forChange: true)
            let role = f.role.flatMap(Role.init(rawValue:))
            let node = f.orgNodeId.flatMap { Int($0) }
            let active = f.active == "true"
            // Only what changed is sent on, so saving one's own name does not trip the self-change guard.
            let input = AccountAdmin.UpdateInput(
                displayName: f.displayName, phone: nil,
                role: role == current.role ? nil : role,
                orgNodeID: node == current.orgNodeID ? nil : node,
                active: active == current.active ? nil : active)
            _ = try await AccountAdmin.update(req, id: id, input)
        }
    }
    @Sendable static func unlock(_ req: Request) async throws -> Response {
        try await change(req) { _ = try await AccountAdmin.unlock(req, id: $0) }
    }
    @Sendable static func reset(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ResetForm.self)
        return try await change(req) {
            try await AccountAdmin.resetPassword(req, id: $0, password: f.newPassword ?? "")
        }
    }
    @Sendable static func addShare(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ShareForm.self)
        return try await change(req) { id in
            guard let node = f.orgNodeId.flatMap({ Int($0) }) else {
                throw AppError.invalid("error.org.required", field: "orgNodeId")
            }
            _ = try await AccountAdmin.share(req, id: id, nodeID: node, add: true)
        }
    }
    @Sendable static func removeShare(_ req: Request) async throws -> Response {
        let node = try req.intParameter("node")
        return try await change(req) { _ = try await AccountAdmin.share(req, id: $0, nodeID: node, add: false) }
    }
}
