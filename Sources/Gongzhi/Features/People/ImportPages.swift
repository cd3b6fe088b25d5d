import Vapor

/// Upload → preview with every row's problems → commit all or nothing.
enum ImportPages {
    @Sendable static func form(_ req: Request) async throws -> HTML {
        try await req.require(.importPeople)
        let columns = PersonImport.Column.allCases.map { "<code>\($0.headers[1])</code> " as HTML }
        let unitColumns = UnitImport.Column.allCases.map { "<code>\($0.headers[1])</code> " as HTML }
        return Layout.page(
            req, title: req.t("nav.import"),
            body: """
                <h1>\(req.t("nav.import"))</h1>
                <section class="card"><p>\(req.t("import.hint"))</p>
                <p>\(req.t("nav.people")): \(columns)</p><p>\(req.t("nav.units")): \(unitColumns)</p>
                <form method="post" action="/import/preview" enctype="multipart/form-data">\(CSRF.hiddenField(req))
                <label for="kind">\(req.t("import.kind"))</label><select id="kind" name="kind">
                <option value="people">\(req.t("nav.people"))</option><option \
                value="units">\(req.t("nav.units"))</option></select>
                <label for="file">\(req.t("import.file"))</label><input id="file" type="file" name="file" \
                accept=".csv,text/csv" required>
                <p><button type="submit">\(req.t("import.preview"))</button></p></form></section>
                """, active: "/import")
    }

    struct Upload: Content {
        var file: File?
        var kind: String?
    }

    @Sendable static func preview(_ req: Request) async throws -> Response {
        try await req.require(.importPeople)
        let upload = try req.content.decode(Upload.self)
        guard let file = upload.file, file.data.readableBytes > 0 else {
            throw AppError.invalid("error.import.empty", field: "file")
        }
        let preview: ImportPreview
        do {
            let bytes = Array(file.data.readableBytesView)
            preview =
                upload.kind == "units"
                ? try await UnitsImport.preview(req, bytes: bytes, fileName: file.filename)
                : try await PeopleImport.preview(req, bytes: bytes, fileName: file.filename)
        } catch let e as KeyedRuleError {
            let body: HTML =
                "<h1>\(req.t("nav.import"))</h1><p class=\"flash error\" role=\"alert\">\(req.lang.format(e.messageKey, e.args))</p><p><a href=\"/import\">\(req.t("action.back"))</a></p>"
            return try await Layout.page(req, title: req.t("nav.import"), body: body, active: "/import").encodeResponse(
                status: .unprocessableEntity, for: req)
        }
        return try await previewPage(
            req, preview, commitAction: "/import/\(preview.batchId)/commit", codeHeader: req.t("field.orgCode"),
            active: "/import")
    }

    /// The preview of any import: every row with its problems, and the commit button only when there are none.
    static func previewPage(
        _ req: Request, _ preview: ImportPreview, commitAction: String, codeHeader: String, active: String
    ) async throws -> Response {
        let rows: [HTML] = preview.rows.map { r in
            let problems = r.problems.map { p in (p.column.map { $0 + ": " } ?? "") + p.message }.joined(separator: "；")
            return
                "<tr class=\"\(r.problems.isEmpty ? "" : "bad")\"><td class=\"num\">\(r.line)</td><td>\(r.name)</td><td>\(r.orgCode)</td><td>\(problems.isEmpty ? "✓" : problems)</td></tr>"
        }
        let commit: HTML =
            preview.canCommit
            ? "<form method=\"post\" action=\"\(commitAction)\">\(CSRF.hiddenField(req))<button type=\"submit\" id=\"commit\">\(req.t("import.commit", String(preview.rowCount)))</button></form>"
            : "<p class=\"flash error\" role=\"alert\">\(req.t("import.fix", String(preview.errorCount)))</p>"
        return try await Layout.page(
            req, title: req.t("import.preview"),
            body: """
                <h1>\(req.t("import.preview"))</h1>
                <p>\(preview.fileName) · \(preview.encoding.uppercased()) · \
                \(req.t("import.counts", String(preview.rowCount), String(preview.errorCount)))</p>
                \(commit)
                <table \
                id="preview"><thead><tr><th>\(req.t("import.line"))</th><th>\(req.t("field.name"))</th><th>\(codeHeader)</th><th>\(req.t("import.problems"))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """, active: active
        ).encodeResponse(status: preview.canCommit ? .ok : .unprocessableEntity, for: req)
    }

    @Sendable static func commit(_ req: Request) async throws -> Response {
        let result = try await PeopleImport.commit(req, batchID: try req.intParameter("batch"))
        Layout.flash(req, "flash.imported")
        let batch = try await ImportBatch.find(result.batchId, on: req.db)
        return req.redirect(to: batch?.kind == "units" ? "/units" : "/people")
    }
}
