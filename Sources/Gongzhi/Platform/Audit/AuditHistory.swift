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
                <td><pre class="json">\(e.beforeJSON ?? "")</pre></td>\
                <td><pre class="json">\(e.afterJSON ?? "")</pre></td></tr>
                """
        }
        return """
            <table class="audit"><thead><tr><th>\(lang.t(.auditAt))</th><th>\(lang.t(.auditActor))</th>\
            <th>\(lang.t(.auditAction))</th>
            <th>\(lang.t(.auditEntity))</th><th>\(lang.t(.auditBefore))</th>\
            <th>\(lang.t(.auditAfter))</th></tr></thead><tbody>
            \(rows)</tbody></table>
            """
    }
}
