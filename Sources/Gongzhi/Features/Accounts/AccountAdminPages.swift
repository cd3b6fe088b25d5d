import Fluent
import Vapor

/// An account as the administration pages show it: no interface labels, the views add them.
struct AccountRow: Sendable {
    let id: Int
    let username: String
    let displayName: String
    let phone: String?
    let role: Role
    let orgNodeID: Int
    let orgNodeName: String?
    let active: Bool
    let locked: Bool

    init(_ a: AccountAdmin.AccountOut) {
        id = a.id
        username = a.username
        displayName = a.displayName
        phone = a.phone
        role = a.role
        orgNodeID = a.orgNodeID
        orgNodeName = a.orgNodeName
        active = a.active
        locked = a.locked
    }

    var statusKey: String { !active ? "accounts.inactive" : locked ? "accounts.locked" : "accounts.active" }
}

/// What the account forms offer: the roles the viewer may grant and the nodes in the viewer's scope.
struct AccountChoices: Sendable {
    let roles: [Role]
    let nodes: [(id: Int, name: String)]

    static func query(_ v: Viewer, on db: any Database) async throws -> AccountChoices {
        AccountChoices(
            roles: Role.allCases.filter { v.role.canGrant($0) },
            nodes: try await OrgQueries.pickerChoices(v.scope, on: db))
    }

    func roleOptions(_ lang: Lang, selected: Role?) -> HTML {
        Widgets.options(roles.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: selected?.rawValue)
    }

    func nodeOptions(selected: Int?) -> HTML {
        Widgets.options(nodes.map { (String($0.id), $0.name) }, selected: selected.map(String.init))
    }
}

/// One account's page.
struct AccountPageModel: Sendable {
    let account: AccountRow
    let sharedNodes: [(id: Int, name: String)]
    let history: [AuditEntry]
    let choices: AccountChoices
    var error: AppError?

    static func query(_ id: Int, _ caller: Caller) async throws -> AccountPageModel {
        let user = try await AccountAdmin.find(id, caller, forChange: false)
        let a = try await AccountAdmin.out([user], caller)[0]
        let shared =
            a.sharedNodeIDs.isEmpty
            ? [] : try await OrgNode.query(on: caller.db).filter(\.$id ~~ a.sharedNodeIDs).all()
        return AccountPageModel(
            account: AccountRow(a), sharedNodes: shared.map { ($0.id!, $0.name) },
            history: try await AuditHistory.entries(.user, id: id, on: caller.db),
            choices: try await AccountChoices.query(try caller.requireViewer(), on: caller.db), error: nil)
    }
}

/// Account administration: query → model → view.
enum AccountAdminPages {
    static func register(_ p: RoutesBuilder) {
        p.get(AccountsRoute.accounts, use: list)
        p.get(AccountsRoute.new, use: newForm)
        p.form(AccountsRoute.accounts, use: create)
        p.get(AccountsRoute.account(.key), use: detail)
        p.form(AccountsRoute.account(.key), use: update)
        p.form(AccountsRoute.unlock(.key), use: unlock)
        p.form(AccountsRoute.password(.key), use: reset)
        p.form(AccountsRoute.shares(.key), use: addShare)
        p.form(AccountsRoute.shareRemove(.key, node: .key), use: removeShare)
    }

    static let active = AccountsRoute.accounts.path

    @Sendable static func list(_ req: Request) async throws -> HTML {
        let accounts = try await AccountAdmin.out(try await AccountAdmin.list(req.caller), req.caller).map(
            AccountRow.init)
        return Layout.page(req, title: req.t(.navAccounts), body: listView(accounts, req.lang), active: active)
    }

    static func newPage(_ req: Request, input: AccountAdmin.CreateInput?, error: AppError?) async throws -> HTML {
        let v = try await req.require(.manageAccounts)
        let choices = try await AccountChoices.query(v, on: req.db)
        let body = newView(input, choices: choices, error: error, csrf: CSRF.hiddenField(req), req.lang)
        return Layout.page(req, title: req.t(.accountsNew), body: body, active: active)
    }

    static func detailPage(_ req: Request, id: Int, error: AppError? = nil) async throws -> HTML {
        var m = try await AccountPageModel.query(id, req.caller)
        m.error = error
        let body = detailView(m, csrf: CSRF.hiddenField(req), req.lang)
        return Layout.page(req, title: m.account.username, body: body, active: active)
    }

    @Sendable static func newForm(_ req: Request) async throws -> HTML {
        try await newPage(req, input: nil, error: nil)
    }
    @Sendable static func detail(_ req: Request) async throws -> HTML {
        try await detailPage(req, id: try req.intParameter("id"))
    }

    static func listView(_ accounts: [AccountRow], _ lang: Lang) -> HTML {
        let rows: [HTML] = accounts.map { a in
            """
            <tr><td><a href="\(AccountsRoute.account(.value(a.id)))">\(a.username)</a></td><td>\(a.displayName)</td>\
            <td>\(lang.t(key: a.role.labelKey))</td><td>\(a.orgNodeName ?? "")</td>\
            <td>\(lang.t(key: a.statusKey))</td></tr>
            """
        }
        return """
            <h1>\(lang.t(.navAccounts)) <span class="muted">(\(accounts.count))</span></h1>
            <p><a class="button" href="\(AccountsRoute.new)">\(lang.t(.accountsNew))</a></p>
            <table id="accounts"><thead><tr><th>\(lang.t(.accountsUsername))</th><th>\(lang.t(.fieldName))</th>\
            <th>\(lang.t(.accountsRole))</th>
            <th>\(lang.t(.fieldOrg))</th><th>\(lang.t(.accountsStatus))</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
            """
    }

    static func newView(
        _ input: AccountAdmin.CreateInput?, choices: AccountChoices, error: AppError?, csrf: HTML, _ lang: Lang
    ) -> HTML {
        """
        <h1>\(lang.t(.accountsNew))</h1>\(Widgets.errorSummary(error, lang: lang))
        <form method="post" action="\(AccountsRoute.accounts)" class="card">\(csrf)
        <label for="username">\(lang.t(.accountsUsername))</label><input id="username" name="username" \
        value="\(input?.username ?? "")" required maxlength="40">
        <label for="displayName">\(lang.t(.fieldName))</label><input id="displayName" name="displayName" \
        value="\(input?.displayName ?? "")" required maxlength="50">
        <label for="phone">\(lang.t(.fieldPhone))</label><input id="phone" name="phone" \
        value="\(input?.phone ?? "")" inputmode="tel">
        <label for="role">\(lang.t(.accountsRole))</label><select id="role" \
        name="role">\(choices.roleOptions(lang, selected: input?.role))</select>
        \(Widgets.filter(for: "orgNodeId", label: lang.t(.fieldOrgFind)))
        <label for="orgNodeId">\(lang.t(.fieldOrg))</label><select id="orgNodeId" \
        name="orgNodeId">\(choices.nodeOptions(selected: input?.orgNodeID))</select>
        <label for="password">\(lang.t(.accountsInitialPassword))</label><input id="password" name="password" \
        type="password" autocomplete="new-password" required>
        <p class="muted">\(lang.t(.accountPasswordRule))</p>
        <p><button type="submit">\(lang.t(.actionCreate))</button></p></form>
        """
    }

    static func detailView(_ m: AccountPageModel, csrf: HTML, _ lang: Lang) -> HTML {
        let a = m.account
        let id = a.id
        let shared: [HTML] = m.sharedNodes.map { n in
            """
            <li>\(n.name) <form method="post" action="\(AccountsRoute.shareRemove(.value(id), node: .value(n.id)))" \
            class="inline">\(csrf)<button type="submit" class="link">\(lang.t(.accountsUnshare))</button></form></li>
            """
        }
        let unlock: HTML =
            a.locked
            ? """
            <form method="post" action="\(AccountsRoute.unlock(.value(id)))">\(csrf)<p><button \
            type="submit">\(lang.t(.accountsUnlock))</button></p></form>
            """ : ""
        return """
            <h1>\(a.displayName) <span class="muted">\(a.username)</span></h1>\
            \(Widgets.errorSummary(m.error, lang: lang))
            <p><span class="tag">\(lang.t(key: a.role.labelKey))</span> \
            <span class="tag">\(a.orgNodeName ?? "")</span> <span class="tag">\(lang.t(key: a.statusKey))</span> \
            <span class="tag">\(a.phone ?? "")</span></p>
            <div class="grid2">
            <form method="post" action="\(AccountsRoute.account(.value(id)))" class="card">\(csrf)\
            <h2>\(lang.t(.actionEdit))</h2>
            <label for="displayName">\(lang.t(.fieldName))</label><input id="displayName" name="displayName" \
            value="\(a.displayName)" maxlength="50">
            <label for="role">\(lang.t(.accountsRole))</label><select id="role" \
            name="role">\(m.choices.roleOptions(lang, selected: a.role))</select>
            \(Widgets.filter(for: "orgNodeId", label: lang.t(.fieldOrgFind)))
            <label for="orgNodeId">\(lang.t(.fieldOrg))</label><select id="orgNodeId" \
            name="orgNodeId">\(m.choices.nodeOptions(selected: a.orgNodeID))</select>
            <label><input type="checkbox" name="active" value="true"\(HTML(raw: a.active ? " checked" : ""))> \
            \(lang.t(.accountsActive))</label>
            <p><button type="submit">\(lang.t(.actionSave))</button></p></form>
            <section class="card"><h2>\(lang.t(.accountShared))</h2>
            <ul>\(shared)</ul>
            <form method="post" action="\(AccountsRoute.shares(.value(id)))">\(csrf)<div class="row"><select \
            name="orgNodeId" aria-label="\(lang.t(.fieldOrg))">\(m.choices.nodeOptions(selected: nil))</select>
            <button type="submit" class="secondary">\(lang.t(.accountsShare))</button></div></form>
            \(unlock)
            <form method="post" action="\(AccountsRoute.password(.value(id)))">\(csrf)<label \
            for="newPassword">\(lang.t(.accountsResetPassword))</label>
            <div class="row"><input id="newPassword" name="newPassword" type="password" \
            autocomplete="new-password"><button type="submit" \
            class="secondary">\(lang.t(.actionSave))</button></div></form>
            </section></div>
            <section class="card"><h2>\(lang.t(.orgHistory))</h2>\
            \(AuditHistory.table(m.history, lang: lang))</section>
            """
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
            role: f.role.flatMap(Role.init(rawValue:)), orgNodeID: f.orgNodeId.flatMap { Int($0) },
            password: f.password
        )
        return try await FormChange.run(
            req, to: { AccountsRoute.account(.value(try await AccountAdmin.create(req.caller, input).id!)).link },
            page: { try await newPage(req, input: input, error: $0) })
    }

    /// Runs a change and shows the account again, with the error if it was refused for a reason a user can fix.
    static func change(_ req: Request, _ action: (Int) async throws -> Void) async throws -> Response {
        let id = try req.intParameter("id")
        return try await FormChange.run(
            req,
            to: {
                try await action(id)
                return AccountsRoute.account(.value(id)).link
            }, page: { try await detailPage(req, id: id, error: $0) })
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let f = try req.content.decode(UpdateForm.self)
        return try await change(req) { id in
            let current = try await AccountAdmin.find(id, req.caller, forChange: true)
            let role = f.role.flatMap(Role.init(rawValue:))
            let node = f.orgNodeId.flatMap { Int($0) }
            let active = f.active == "true"
            // Only what changed is sent on, so saving one's own name does not trip the self-change guard.
            let input = AccountAdmin.UpdateInput(
                displayName: f.displayName, phone: nil,
                role: role == current.role ? nil : role,
                orgNodeID: node == current.orgNodeID ? nil : node,
                active: active == current.active ? nil : active)
            _ = try await AccountAdmin.update(req.caller, id: id, input)
        }
    }
    @Sendable static func unlock(_ req: Request) async throws -> Response {
        try await change(req) { _ = try await AccountAdmin.unlock(req.caller, id: $0) }
    }
    @Sendable static func reset(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ResetForm.self)
        return try await change(req) {
            try await AccountAdmin.resetPassword(req.caller, id: $0, password: f.newPassword ?? "")
        }
    }
    @Sendable static func addShare(_ req: Request) async throws -> Response {
        let f = try req.content.decode(ShareForm.self)
        return try await change(req) { id in
            guard let node = f.orgNodeId.flatMap({ Int($0) }) else {
                throw AppError.invalid(.errorOrgRequired, field: "orgNodeId")
            }
            _ = try await AccountAdmin.share(req.caller, id: id, nodeID: node, add: true)
        }
    }
    @Sendable static func removeShare(_ req: Request) async throws -> Response {
        let node = try req.intParameter("node")
        return try await change(req) { _ = try await AccountAdmin.share(req.caller, id: $0, nodeID: node, add: false) }
    }
}
