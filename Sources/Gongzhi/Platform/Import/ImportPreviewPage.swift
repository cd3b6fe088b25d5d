import Vapor

/// The platform's import preview page, shared by every capability that imports CSV or GeoJSON.
enum ImportPreviewPage {
    /// The preview of any import: every row with its problems, and the commit button only when there are none.
    static func response(
        _ req: Request, _ preview: ImportPreview, commitAction: Link, codeHeader: String, active: String
    ) async throws -> Response {
        let rows: [HTML] = preview.rows.map { r in
            // The column in the reader's language (the API keeps its identifier).
            let problems = r.problems.map { p in
                (p.column.map { c in
                    (req.lang.table["column.\(c)"] != nil ? req.t(key: "column.\(c)") : c) + "："
                } ?? "") + p.message
            }.joined(separator: "；")
            return """
                <tr class="\(r.problems.isEmpty ? "" : "bad")"><td class="num">\(r.line)</td><td>\(r.name)</td>\
                <td>\(r.orgCode)</td><td>\(problems.isEmpty ? "✓" : problems)</td></tr>
                """
        }
        let commit: HTML =
            preview.canCommit
            ? """
            <form method="post" action="\(commitAction)">\(CSRF.hiddenField(req))<button type="submit" \
            id="commit">\(req.t(.importCommit, String(preview.rowCount)))</button></form>
            """
            : "<p class=\"flash error\" role=\"alert\">\(req.t(.importFix, String(preview.errorCount)))</p>"
        return try await Layout.page(
            req, title: req.t(.importPreview),
            body: """
                <h1>\(req.t(.importPreview))</h1>
                <p>\(preview.fileName) · \(preview.encoding.uppercased()) · \
                \(req.t(.importCounts, String(preview.rowCount), String(preview.errorCount)))</p>
                \(commit)
                <table \
                id="preview"><thead><tr><th>\(req.t(.importLine))</th><th>\(req.t(.fieldName))</th>\
                <th>\(codeHeader)</th><th>\(req.t(.importProblems))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """, active: active
        ).encodeResponse(status: preview.canCommit ? .ok : .unprocessableEntity, for: req)
    }
}
