import Vapor

/// The two layouts of one server: a phone layout for residents, members and grid workers,
/// a desk layout with the management menu for staff. Only links to what exists.
enum Layout {
    /// The menus, gathered from the capabilities' manifests.
    static let deskMenu: [NavEntry] = menu(.desk)
    static let phoneMenu: [NavEntry] = menu(.phone)

    private static func menu(_ layout: LayoutKind) -> [NavEntry] {
        Capability.all.flatMap(\.navigation).filter { $0.layout == layout }.sorted { $0.order < $1.order }
    }

    /// The desk menu: the entries without a group at the top, then each group that has an entry for the viewer
    /// under its heading.
    private static func deskNav(_ caller: Caller, _ v: Viewer, _ active: String) -> HTML {
        let mine = deskMenu.filter { $0.shows(for: v) }
        var out: [HTML] = mine.filter { $0.group == nil }.map { item(caller, $0, active) }
        for group in NavGroup.allCases {
            let entries = mine.filter { $0.group == group }
            guard !entries.isEmpty else { continue }
            out.append(
                """
                <p class="menu-group" id="menu-\(String(group.rawValue))">\(caller.t(group.key))</p>\
                \(entries.map { item(caller, $0, active) })
                """)
        }
        return out.joined()
    }

    /// The phone's entries that are not tabs, under their groups: what the phone's home offers besides its tiles.
    static func phoneMore(_ caller: Caller, _ v: Viewer) -> HTML {
        let rest = phoneMenu.filter { !$0.tab && $0.shows(for: v) }
        guard !rest.isEmpty else { return "" }
        let groups: [HTML] = NavGroup.allCases.compactMap { group in
            let entries = rest.filter { $0.group == group }
            guard !entries.isEmpty else { return nil }
            let links: [HTML] = entries.map { "<li><a href=\"\($0.link)\">\(caller.t($0.key))</a></li>" }
            return "<h3>\(caller.t(group.key))</h3><ul class=\"more\">\(links)</ul>"
        }
        return "<section class=\"card\" id=\"more\"><h2>\(caller.t(.navMore))</h2>\(groups)</section>"
    }

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
        let switchPath = PlatformRoute.language(.value(other.rawValue)).path
        let switchLabel = lang.t(.langSwitch)
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
                    """
                    <header class="bar"><a class="brand" href="\(PlatformRoute.home)">\(lang.t(.appName))</a>\
                    \(langLink)</header>
                    """
                nav =
                    """
                    <nav class=\"tabs\" aria-label=\"\(lang.t(.navMain))\">\
                    \(phoneMenu.filter { $0.tab && $0.shows(for: v) }.map { item(req.caller, $0, active) })</nav>
                    """
            } else {
                let logout: HTML =
                    """
                    <form method=\"post\" action=\"\(PlatformRoute.logout)\" class=\"inline\">\
                    \(CSRF.hiddenField(req))<button type=\"submit\" class=\"link\">\(lang.t(.navLogout))</button>\
                    </form>
                    """
                let who: HTML =
                    """
                    <span class=\"who\">\(v.user.displayName) · \(lang.t(key: v.role.labelKey)) · \
                    \(v.node.name)</span>
                    """
                header =
                    """
                    <header class="bar"><a class="brand" href="\(PlatformRoute.home)">\(lang.t(.appName))</a>\(who)\
                    <a href="\(PlatformRoute.account)">\(lang.t(.navAccount))</a>\(langLink)\(logout)</header>
                    """
                nav =
                    """
                    <nav class=\"menu\" aria-label=\"\(lang.t(.navMain))\">\(deskNav(req.caller, v, active))</nav>
                    """
            }
        } else {
            header =
                """
                <header class=\"bar\"><a class=\"brand\" href=\"\(PlatformRoute.home)\">\(lang.t(.appName))</a>\
                \(langLink)</header>
                """
        }
        let flashHTML: HTML = flash.map { "<p class=\"flash\" role=\"status\">\(lang.t(key: $0))</p>" } ?? ""
        return """
            <!doctype html>
            <html lang="\(lang.htmlCode)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(lang.t(.appName))</title>
            <link rel="stylesheet" href="\(PlatformRoute.stylesheet)">\
            <link rel="icon" type="image/svg+xml" href="\(PlatformRoute.favicon)">\
            <script src="\(PlatformRoute.script)" defer></script></head>
            <body class="\(phone ? "phone" : "desk")">\(header)<div class="frame">\(phone ? "" : nav)<main \
            id="main">\(flashHTML)\(body)</main></div>\(phone ? nav : "")
            <footer class="foot">\(lang.t(.appFooter))</footer></body></html>
            """
    }

    private static func item(_ caller: Caller, _ item: NavEntry, _ active: String) -> HTML {
        let current = item.link.path == active
        return
            "<a href=\"\(item.link)\"\(HTML(raw: current ? " aria-current=\"page\"" : ""))>\(caller.t(item.key))</a>"
    }

    static func takeFlash(_ req: Request) -> String? {
        guard req.hasSession, let f = req.session.data["flash"] else { return nil }
        req.session.data["flash"] = nil
        return f
    }

    static func flash(_ req: Request, _ text: Text) { req.session.data["flash"] = text.key }
}
