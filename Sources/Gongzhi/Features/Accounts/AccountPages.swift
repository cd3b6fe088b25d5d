import Fluent
import Vapor

enum AccountPages {
    static func register(public r: RoutesBuilder, protected p: RoutesBuilder) {
        r.get(PlatformRoute.login, use: loginForm)
        r.post(PlatformRoute.login, use: login)
        r.get(PlatformRoute.language(.key), use: languageCookie)
        r.post(PlatformRoute.language(.key), use: switchLanguage)
        p.post(PlatformRoute.logout, use: logout)
        p.get(PlatformRoute.account, use: account)
        p.form(AccountsRoute.ownPassword, use: changePassword)
    }

    struct LoginForm: Content {
        var login: String?
        var password: String?
        var next: String?
    }

    static func loginPage(_ req: Request, login: String = "", next: String = "/", error: String? = nil) -> HTML {
        let err: HTML = error.map { "<p class=\"flash error\" role=\"alert\">\($0)</p>" } ?? ""
        return Layout.page(
            req, title: req.t(.loginTitle),
            body: """
                <section class="card"><h1>\(req.t(.loginTitle))</h1>\(err)
                <form method="post" action="\(PlatformRoute.login)">\(CSRF.hiddenField(req))
                <input type="hidden" name="next" value="\(next)">
                <label for="login">\(req.t(.loginLogin))</label>
                <input id="login" name="login" autocomplete="username" required value="\(login)">
                <label for="password">\(req.t(.loginPassword))</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <p><button type="submit" id="login-submit">\(req.t(.loginSubmit))</button></p>
                </form><p class="muted">\(req.t(.loginHint))</p>
                <p><a href="\(AccountsRoute.signup)" id="signup-link">\(req.t(.signUpLink))</a></p>
                <p><a href="\(RequestsRoute.communities)" id="public-link">\(req.t(.signUpPublic))</a></p></section>
                """)
    }

    @Sendable static func loginForm(_ req: Request) async throws -> HTML {
        if req.viewer != nil { throw Abort.redirect(to: PlatformRoute.home.path) }
        return loginPage(req, next: LocalRedirect.path(req.query[String.self, at: "next"]))
    }

    @Sendable static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let login = form.login ?? ""
        let next = LocalRedirect.path(form.next)
        switch try await LoginService.attempt(login: login, password: form.password ?? "", caller: req.caller) {
        case .invalid:
            return try await loginPage(req, login: login, next: next, error: req.t(.errorLoginInvalid))
                .encodeResponse(status: .unauthorized, for: req)
        case .locked(let until):
            return try await loginPage(
                req, login: login, next: next, error: LoginService.lockedMessage(req.caller, until: until)
            )
            .encodeResponse(status: .tooManyRequests, for: req)
        case .success(let user):
            // A new session id at sign-in, so a session id planted before sign-in is worth nothing: the old record
            // goes, and with no id the sessions middleware creates a new one and sets its cookie. The CSRF token
            // is renewed with it.
            if let old = req.session.id {
                try await req.application.sessions.driver.deleteSession(old, for: req).get()
            }
            req.session.id = nil
            req.session.data["csrf"] = nil
            req.session.data["uid"] = String(user.id!)
            req.session.data["seen"] = String(Int(req.clock.now.timeIntervalSince1970))
            return req.redirect(to: next)
        }
    }

    @Sendable static func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: PlatformRoute.login)
    }

    struct LanguageForm: Content { var back: String? }

    /// The language switch of a signed-in page: a form (with its CSRF token) that sets the cookie and stores the
    /// choice on the account, so it follows the user to another device.
    @Sendable static func switchLanguage(_ req: Request) async throws -> Response {
        guard let lang = Lang(rawValue: req.parameters.get("code") ?? "") else { throw AppError.notFound() }
        let back = (try? req.content.decode(LanguageForm.self))?.back
        if let v = req.viewer, v.user.locale != lang.rawValue {
            try await User.query(on: req.db).filter(\.$id == v.user.id!).set(\.$locale, to: lang.rawValue).update()
        }
        return languageResponse(req, lang, back: back)
    }

    /// The language link of a signed-out page: sets the cookie only. A GET never changes anything stored.
    @Sendable static func languageCookie(_ req: Request) async throws -> Response {
        guard let lang = Lang(rawValue: req.parameters.get("code") ?? "") else { throw AppError.notFound() }
        return languageResponse(req, lang, back: req.query[String.self, at: "back"])
    }

    static func languageResponse(_ req: Request, _ lang: Lang, back: String?) -> Response {
        let response = req.redirect(to: LocalRedirect.path(back))
        response.cookies[Lang.cookieName] = HTTPCookies.Value(
            string: lang.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func accountPage(_ req: Request, _ v: Viewer, error: AppError? = nil) async throws -> HTML {
        let shares = try await ScopeShare.query(on: req.db).filter(\.$userID == v.user.id!).all()
        let shareNodes =
            shares.isEmpty ? [] : try await OrgNode.query(on: req.db).filter(\.$id ~~ shares.map(\.orgNodeID)).all()
        let err = Widgets.errorSummary(error, lang: req.lang)
        let shared: HTML =
            shareNodes.isEmpty
            ? ""
            : "<p>\(req.t(.accountShared)): \(shareNodes.map { "<span class=\"tag\">\($0.name)</span>" as HTML })</p>"
        let logout: HTML =
            v.role.usesPhoneLayout
            ? """
            <form method="post" action="\(PlatformRoute.logout)">\(CSRF.hiddenField(req))<button type="submit" \
            class="secondary">\(req.t(.navLogout))</button></form>
            """
            : ""
        return Layout.page(
            req, title: req.t(.accountTitle),
            body: """
                <section class="card"><h1>\(req.t(.accountTitle))</h1>
                <p>\(v.user.displayName) · \(v.user.username) · \(req.t(key: v.role.labelKey))</p>
                <p>\(req.t(.accountNode)): <strong>\(v.node.name)</strong></p>
                \(shared)
                \(logout)</section>
                <section class="card"><h2>\(req.t(.accountPassword))</h2>\(err)
                <form method="post" action="\(AccountsRoute.ownPassword)">\(CSRF.hiddenField(req))
                <label for="currentPassword">\(req.t(.accountCurrentPassword))</label>
                <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" \
                required>
                <label for="newPassword">\(req.t(.accountNewPassword))</label>
                <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required \
                minlength="8">
                <p class="muted">\(req.t(.accountPasswordRule))</p>
                <p><button type="submit">\(req.t(.actionSave))</button></p></form></section>
                """, active: PlatformRoute.account.path)
    }

    @Sendable static func account(_ req: Request) async throws -> HTML {
        try await accountPage(req, try req.requireViewer())
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    @Sendable static func changePassword(_ req: Request) async throws -> Response {
        let v = try req.requireViewer()
        let form = try req.content.decode(PasswordForm.self)
        return try await FormChange.run(
            req,
            to: {
                try await LoginService.changePassword(
                    req.caller, viewer: v, current: form.currentPassword ?? "", new: form.newPassword ?? "")
                // Every session of the account has ended, this one's record too; this device stays signed in
                // under a new id.
                SignIns.renewCurrentSession(req)
                return PlatformRoute.account.link
            }, page: { e in try await accountPage(req, v, error: e) }, flash: .flashPasswordChanged)
    }
}
