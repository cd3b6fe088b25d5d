import Vapor

/// The audit and access log pages: query (`AuditLogQueries`) → model → view.
enum AuditLogPages {
    static func register(_ p: RoutesBuilder) {
        p.get(AuditLogRoute.audit, use: audit)
        p.get(AuditLogRoute.auditExport, use: AuditLogAPI.export)
        p.get(AuditLogRoute.accessLog, use: access)
    }

    /// What a log page shows: the filter as typed, one page of entries, and the page's own address.
    struct Model<Entry> {
        var values: [String: String]
        var entries: [Entry]
        var page: Int
        var hasNext: Bool
        var url: String
        var query: String?
    }

    static func model<Entry>(_ req: Request, _ f: AuditLogQueries.Filter, _ entries: [Entry]) -> Model<Entry> {
        let keys = ["actor", "entityType", "entityId", "from", "to"]
        let values = Dictionary(uniqueKeysWithValues: keys.map { ($0, req.query[String.self, at: $0] ?? "") })
        return Model(
            values: values, entries: entries, page: f.page, hasNext: entries.count >= AuditLogQueries.pageSize,
            url: req.url.string, query: req.url.query)
    }

    @Sendable static func audit(_ req: Request) async throws -> HTML {
        let f = try AuditLogQueries.Filter.parse(req)
        let v = try await req.require(.viewAudit)
        let m = model(req, f, try await AuditLogQueries.entries(f, viewer: v, on: req.db))
        return Layout.page(
            req, title: req.t(.navAudit), body: auditView(m, req.lang), active: AuditLogRoute.audit.path)
    }

    @Sendable static func access(_ req: Request) async throws -> HTML {
        let f = try AuditLogQueries.Filter.parse(req)
        let v = try await req.require(.viewAudit)
        let m = model(req, f, try await AuditLogQueries.accessEntries(f, viewer: v, on: req.db))
        return Layout.page(
            req, title: req.t(.navAccessLog), body: accessView(m, req.lang), active: AuditLogRoute.accessLog.path)
    }

    static func auditView(_ m: Model<AuditEntry>, _ lang: Lang) -> HTML {
        let export = AuditLogRoute.auditExport.path + (m.query.map { "?" + $0 } ?? "")
        let pager = Widgets.pager(url: m.url, lang: lang, hasNext: m.hasNext, page: m.page)
        return """
            <h1>\(lang.t(.navAudit))</h1>\(filterForm(m.values, lang, action: .audit, withEntity: true))
            <p><a class="button secondary" href="\(export)">\(lang.t(.actionExportCSV))</a></p>
            <div id="audit-entries">\(AuditHistory.table(m.entries, lang: lang))</div>\(pager)
            """
    }

    static func accessView(_ m: Model<AccessLogEntry>, _ lang: Lang) -> HTML {
        let rows: [HTML] = m.entries.map { e in
            """
            <tr><td>\(AuditHistory.timeFormat.string(from: e.at))</td><td>\(e.userName)</td>\
            <td>\(lang.t(key: e.kind.labelKey))</td><td>\(e.method) \(e.url)</td>\
            <td>\(AccessDetail.text(e.detail, lang))</td></tr>
            """
        }
        let pager = Widgets.pager(url: m.url, lang: lang, hasNext: m.hasNext, page: m.page)
        return """
            <h1>\(lang.t(.navAccessLog))</h1>\(filterForm(m.values, lang, action: .accessLog, withEntity: false))
            <table><thead><tr><th>\(lang.t(.auditAt))</th><th>\(lang.t(.auditActor))</th>\
            <th>\(lang.t(.accessKind))</th><th>URL</th><th>\(lang.t(.accessDetail))</th></tr></thead>
            <tbody>\(rows)</tbody></table>\(pager)
            """
    }

    static func filterForm(_ q: [String: String], _ lang: Lang, action: AuditLogRoute, withEntity: Bool) -> HTML {
        let kinds = Widgets.options(
            AuditKind.all.map { ($0.rawValue, lang.t(key: $0.labelKey)) }, selected: q["entityType"])
        let entity: HTML =
            withEntity
            ? """
            <div><label for="entityType">\(lang.t(.auditEntity))</label><select id="entityType" name="entityType">
            <option value="">\(lang.t(.auditAny))</option>\(kinds)</select></div>
            <div><label for="entityId">ID</label><input id="entityId" name="entityId" value="\(q["entityId"])" \
            inputmode="numeric" size="6"></div>
            """ : ""
        return """
            <form method="get" action="\(action)" class="card row">
            <div><label for="actor">\(lang.t(.auditActor))</label><input id="actor" name="actor" \
            value="\(q["actor"])"></div>\(entity)
            <div><label for="from">\(lang.t(.auditFrom))</label><input id="from" name="from" type="date" \
            value="\(q["from"])"></div>
            <div><label for="to">\(lang.t(.auditTo))</label><input id="to" name="to" type="date" \
            value="\(q["to"])"></div>
            <div><button type="submit">\(lang.t(.actionFilter))</button></div></form>
            """
    }
}

/// An access-log entry's detail in the reader's language. Entries are written in a fixed English form for the
/// operators' logs; the page says the common ones in words, and shows any other as written.
enum AccessDetail {
    static func text(_ detail: String, _ lang: Lang) -> String {
        let words = detail.split(separator: " ").map(String.init)
        if words.count == 3, words[0] == "missing", words[1] == "permission" {
            return lang.t(.accessDetailPermission, lang.t(key: "permission.\(words[2])"))
        }
        if words.count >= 2, words[0] == "change", let id = Int(words.last!) {
            return lang.t(.accessDetailChange, entity(words[1], lang), String(id))
        }
        if words.count == 2, let id = Int(words[1]) {
            return lang.t(.accessDetailRecord, entity(words[0], lang), String(id))
        }
        if words.count == 4, let id = Int(words[1]), words[2] == "in" {
            return lang.t(.accessDetailField, entity(words[0], lang), String(id), words[3])
        }
        return detail
    }

    /// A table's name as the audit log names its records ("people" → 人员), or the name itself.
    static func entity(_ table: String, _ lang: Lang) -> String {
        let kind = AuditKind.all.first {
            table == $0.rawValue || table == $0.rawValue + "s"
                || table == "people"
                    && $0.rawValue == "person"
        }
        return kind.map { lang.t(key: "entity.\($0.rawValue)") } ?? table
    }
}
