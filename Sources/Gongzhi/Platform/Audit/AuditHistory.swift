import Fluent
import Vapor

/// The change history of one record, as the record's own page shows it.
enum AuditHistory {
    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f
    }()

    /// The newest entries about one record of a kind.
    static func entries(_ kind: AuditKind, id: Int, limit: Int = 50, on db: any Database) async throws
        -> [AuditEntry]
    {
        try await AuditEntry.query(on: db).filter(\.$entityType == kind.rawValue).filter(\.$entityID == id)
            .sort(\.$at, .descending).sort(\.$id, .descending).limit(limit).all()
    }

    /// The entries as a table, or a line saying there are none.
    static func table(_ entries: [AuditEntry], lang: Lang) -> HTML {
        if entries.isEmpty { return "<p class=\"muted\">\(lang.t(.auditNone))</p>" }
        let rows: [HTML] = entries.map { e in
            let action = AuditAction(rawValue: e.action).map { lang.t(key: $0.labelKey) } ?? e.action
            return """
                <tr><td>\(timeFormat.string(from: e.at))</td><td>\(e.actorName)</td>
                <td>\(action)</td>
                <td>\(lang.t(key: "entity.\(e.entityType)")) #\(e.entityID) \(e.entityLabel)</td>
                <td>\(changes(before: e.beforeJSON, after: e.afterJSON, lang))</td></tr>
                """
        }
        return """
            <table class="audit"><thead><tr><th>\(lang.t(.auditAt))</th><th>\(lang.t(.auditActor))</th>\
            <th>\(lang.t(.auditAction))</th>
            <th>\(lang.t(.auditEntity))</th><th>\(lang.t(.auditChanges))</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
    }

    /// A record's before and after as a small table of the fields that differ, named in the reader's language
    /// where the field is a known one (the raw JSON stays in the API and the CSV export).
    static func changes(before: String?, after: String?, _ lang: Lang) -> HTML {
        let b = fields(before)
        let a = fields(after)
        let keys = Set(b.keys).union(a.keys).filter { b[$0] != a[$0] }.sorted()
        if keys.isEmpty { return "<span class=\"muted\">\(lang.t(.auditNoFieldChange))</span>" }
        let rows: [HTML] = keys.prefix(30).map { k in
            let known = lang.table["field.\(k)"] != nil
            let name = known ? lang.t(key: "field.\(k)") : k
            return "<tr><th>\(name)</th><td>\(b[k] ?? "—")</td><td>\(a[k] ?? "—")</td></tr>"
        }
        return """
            <table class="changes"><thead><tr><th>\(lang.t(.auditField))</th><th>\(lang.t(.auditBefore))</th>\
            <th>\(lang.t(.auditAfter))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// A JSON object's top-level fields as text; any other JSON is one field named "value".
    static func fields(_ json: String?) -> [String: String] {
        guard let json, let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return [:] }
        func text(_ v: Any) -> String {
            switch v {
            case let s as String: return s
            case is NSNull: return "—"
            case let n as NSNumber: return n.stringValue
            default:
                let d = try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed])
                return d.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        if let object = value as? [String: Any] { return object.mapValues(text) }
        return ["value": text(value)]
    }
}
