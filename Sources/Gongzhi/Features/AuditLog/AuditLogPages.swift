import Vapor

enum AuditLogPages {
    static func register(_ p: RoutesBuilder) {
        p.get("audit", use: audit)
        p.get("audit", "export.csv", use: AuditLogAPI.export)
        p.get("access-log", use: access)
    }

    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f
    }()

    static func table(_ req: Request, _ entries: [AuditEntry]) -> HTML {
        if entries.isEmpty { return "<p class=\"muted\">\(req.t("audit.none"))</p>" }
        return """
            <table \
            class="audit"><thead><tr><th>\(req.t("audit.at"))</th><th>\(req.t("audit.actor"))</th><th>\(req.t("audit.action"))</th>
            <th>\(req.t("audit.entity"))</th><th>\(req.t("audit.before"))</th><th>\(req.t("audit.after"))</th></tr></thead><tbody>
            \(entries.map { e in """
                <tr><td>\(timeFormat.string(from: e.at))</td><td>\(e.actorName)</td>
                <td>\(AuditAction(rawValue: e.action).map { req.t($0.labelKey) } ?? e.action)</td>
                <td>\(req.t("entity.\(e.entityType)")) #\(e.entityID) \(e.entityLabel)</td>
                <td><pre class="json">\(e.beforeJSON ?? "")</pre></td><td><pre class="json">\(e.afterJSON ?? "")</pre></td></tr>
                """ as HTML })</tbody></table>
            """
    }

    static func filterForm(_ req: Request, action: String, withEntity: Bool) -> HTML {
        let q = { (k: String) in req.query[String.self, at: k] ?? "" }
        let entity: HTML =
            withEntity
            ? """
            <div><label for="entityType">\(req.t("audit.entity"))</label><select id="entityType" name="entityType">
            <option \
            value="">\(req.t("audit.any"))</option>\(["org_node", "person", "resident_unit", "user", "import_batch"].map { "<option value=\"\($0)\"\(HTML(raw: q("entityType") == $0 ? " selected" : ""))>\(req.t("entity.\($0)"))</option>" as HTML })</select></div>
            <div><label for="entityId">ID</label><input id="entityId" name="entityId" value="\(q("entityId"))" \
            inputmode="numeric" size="6"></div>
            """ : ""
        return """
            <form method="get" action="\(action)" class="card row">
            <div><label for="actor">\(req.t("audit.actor"))</label><input id="actor" name="actor" \
            value="\(q("actor"))"></div>\(entity)
            <div><label for="from">\(req.t("audit.from"))</label><input id="from" name="from" type="date" \
            value="\(q("from"))"></div>
            <div><label for="to">\(req.t("audit.to"))</label><input id="to" name="to" type="date" \
            value="\(q("to"))"></div>
            <div><button type="submit">\(req.t("action.filter"))</button></div></form>
            """
    }

    @Sendable static func audit(_ req: Request) async throws -> HTML {
        let f = try AuditLogAPI.Filter.parse(req)
        let entries = try await AuditLogAPI.entries(req, f)
        return Layout.page(
            req, title: req.t("nav.audit"),
            body: """
                <h1>\(req.t("nav.audit"))</h1>\(filterForm(req, action: "/audit", withEntity: true))
                <p><a class="button secondary" \
                href="/audit/export.csv\(req.url.query.map { "?" + $0 } ?? "")">\(req.t("action.exportCSV"))</a></p>
                <div \
                id="audit-entries">\(table(req, entries))</div>\(pager(req, hasNext: entries.count >= AuditLogAPI.pageSize, page: f.page))
                """, active: "/audit")
    }

    @Sendable static func access(_ req: Request) async throws -> HTML {
        let f = try AuditLogAPI.Filter.parse(req)
        let entries = try await AuditLogAPI.accessEntries(req, f)
        let rows: [HTML] = entries.map { e in
            "<tr><td>\(timeFormat.string(from: e.at))</td><td>\(e.userName)</td><td>\(req.t(e.kind.labelKey))</td><td>\(e.method) \(e.url)</td><td>\(e.detail)</td></tr>"
        }
        return Layout.page(
            req, title: req.t("nav.accessLog"),
            body: """
                <h1>\(req.t("nav.accessLog"))</h1>\(filterForm(req, action: "/access-log", withEntity: false))
                <table><thead><tr><th>\(req.t("audit.at"))</th><th>\(req.t("audit.actor"))</th><th>\(req.t("access.kind"))</th><th>URL</th><th>\(req.t("access.detail"))</th></tr></thead>
                <tbody>\(rows)</tbody></table>\(pager(req, hasNext: entries.count >= AuditLogAPI.pageSize, page: f.page))
                """, active: "/access-log")
    }

    /// Previous/next links that keep the other query parameters.
    static func pager(_ req: Request, hasNext: Bool, page: Int) -> HTML {
        func link(_ p: Int, _ key: String) -> HTML {
            var comps = URLComponents(string: req.url.string) ?? URLComponents()
            var items = (comps.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(p)))
            comps.queryItems = items
            return "<a href=\"\(comps.string ?? "?page=\(p)")\">\(req.t(key))</a> "
        }
        let prev: HTML = page > 1 ? link(page - 1, "action.prev") : ""
        let next: HTML = hasNext ? link(page + 1, "action.next") : ""
        return "<p class=\"pager\">\(prev)\(next)</p>"
    }
}
