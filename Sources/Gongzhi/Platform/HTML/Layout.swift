import Vapor

/// The two layouts of one server: a phone layout for residents, members and grid workers,
/// a desk layout with the management menu for staff. Only links to what exists.
enum Layout {
    struct NavItem {
        let href: String
        let key: String
        let permission: Permission?
    }

    static let deskMenu: [NavItem] = [
        .init(href: "/", key: "nav.home", permission: nil),
        .init(href: "/todos", key: "nav.todos", permission: nil),
        .init(href: "/notifications", key: "nav.notifications", permission: nil),
        .init(href: "/requests", key: "nav.requests", permission: nil),
        .init(href: "/requests/figures", key: "nav.figures", permission: .viewTree),
        .init(href: "/meetings", key: "nav.meetings", permission: .viewTree),
        .init(href: "/visits", key: "nav.visits", permission: .viewPeople),
        .init(href: "/org", key: "nav.org", permission: .viewTree),
        .init(href: "/map", key: "nav.map", permission: .viewTree),
        .init(href: "/people", key: "nav.people", permission: .viewPeople),
        .init(href: "/units", key: "nav.units", permission: .viewPeople),
        .init(href: "/import", key: "nav.import", permission: .importPeople),
        .init(href: "/audit", key: "nav.audit", permission: .viewAudit),
        .init(href: "/access-log", key: "nav.accessLog", permission: .viewAudit),
        .init(href: "/accounts", key: "nav.accounts", permission: .manageAccounts),
        .init(href: "/calendar", key: "nav.calendar", permission: nil),
    ]

    static let phoneMenu: [NavItem] = [
        .init(href: "/", key: "nav.home", permission: nil),
        .init(href: "/requests", key: "nav.myRequests", permission: nil),
        .init(href: "/community", key: "nav.community", permission: nil),
        .init(href: "/notifications", key: "nav.notifications", permission: nil),
        .init(href: "/account", key: "nav.account", permission: nil),
    ]

    static func page(_ req: Request, title: String, body: HTML, active: String = "") -> HTML {
        let lang = req.lang
        let viewer = req.viewer
        let phone = viewer.map { $0.role.usesPhoneLayout } ?? true
        let flash = takeFlash(req)
        let other: Lang = lang == .zhHans ? .en : .zhHans
        let back = req.url.path
        // Signed in, the switch is a small form: a POST with the CSRF token, as it also stores the choice on the
        // account. Signed out it is a link that only sets the cookie (a GET never changes anything stored), so a
        // page seen by someone without a session does not start one. Both work without a script.
        let switchPath = LangRoute.path(other)
        let switchLabel = lang.t("lang.switch")
        let langLink: HTML =
            viewer == nil
            ? "<a class=\"lang\" href=\"\(switchPath)?back=\(back)\" hreflang=\"\(other.htmlCode)\">\(switchLabel)</a>"
            : """
            <form method="post" action="\(switchPath)" class="inline lang-switch">\(CSRF.hiddenField(req))\
            <input type="hidden" name="back" value="\(back)">\
            <button type="submit" class="link lang" lang="\(other.htmlCode)">\(switchLabel)</button></form>
            """

        var header: HTML = ""
        var nav: HTML = ""
        if let v = viewer {
            if phone {
                // The phone keeps sign-out on the 我的 page; the bar stays short.
                header =
                    "<header class=\"bar\"><a class=\"brand\" href=\"/\">\(lang.t("app.name"))</a>\(langLink)</header>"
                nav =
                    "<nav class=\"tabs\" aria-label=\"\(lang.t("nav.main"))\">\(phoneMenu.map { item(req, $0, active) })</nav>"
            } else {
                let logout: HTML =
                    "<form method=\"post\" action=\"/logout\" class=\"inline\">\(CSRF.hiddenField(req))<button type=\"submit\" class=\"link\">\(lang.t("nav.logout"))</button></form>"
                let who: HTML =
                    "<span class=\"who\">\(v.user.displayName) · \(lang.t(v.role.labelKey)) · \(v.node.name)</span>"
                header =
                    "<header class=\"bar\"><a class=\"brand\" href=\"/\">\(lang.t("app.name"))</a>\(who)<a href=\"/account\">\(lang.t("nav.account"))</a>\(langLink)\(logout)</header>"
                nav =
                    "<nav class=\"menu\" aria-label=\"\(lang.t("nav.main"))\">\(deskMenu.filter { $0.permission.map(v.can) ?? true }.map { item(req, $0, active) })</nav>"
            }
        } else {
            header = "<header class=\"bar\"><a class=\"brand\" href=\"/\">\(lang.t("app.name"))</a>\(langLink)</header>"
        }
        let flashHTML: HTML = flash.map { "<p class=\"flash\" role=\"status\">\(lang.t($0))</p>" } ?? ""
        return """
            <!doctype html>
            <html lang="\(lang.htmlCode)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(lang.t("app.name"))</title>
            <link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
            <body class="\(phone ? "phone" : "desk")">\(header)<div class="frame">\(phone ? "" : nav)<main \
            id="main">\(flashHTML)\(body)</main></div>\(phone ? nav : "")
            <footer class="foot">\(lang.t("app.footer"))</footer></body></html>
            """
    }

    private static func item(_ req: Request, _ item: NavItem, _ active: String) -> HTML {
        let current = item.href == active
        return "<a href=\"\(item.href)\"\(HTML(raw: current ? " aria-current=\"page\"" : ""))>\(req.t(item.key))</a>"
    }

    static func takeFlash(_ req: Request) -> String? {
        guard req.hasSession, let f = req.session.data["flash"] else { return nil }
        req.session.data["flash"] = nil
        return f
    }

    static func flash(_ req: Request, _ key: String) { req.session.data["flash"] = key }
}
