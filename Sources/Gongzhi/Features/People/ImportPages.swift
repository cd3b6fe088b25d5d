import Vapor

/// Upload → preview with every row's problems → commit all or nothing.
enum ImportPages {
    static let active = PeopleRoute.importPage.path

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
                <form method="post" action="\(PeopleRoute.importPreview)" \
                enctype="multipart/form-data">\(CSRF.hiddenField(req))
                <label for="kind">\(req.t("import.kind"))</label><select id="kind" name="kind">
                <option value="people">\(req.t("nav.people"))</option><option \
                value="units">\(req.t("nav.units"))</option></select>
                <label for="file">\(req.t("import.file"))</label><input id="file" type="file" name="file" \
                accept=".csv,text/csv" required>
                <p><button type="submit">\(req.t("import.preview"))</button></p></form></section>
                """, active: active)
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
            let error = AppError.invalid(e.messageKey, args: e.args)
            let body: HTML = """
                <h1>\(req.t("nav.import"))</h1>\(Widgets.errorSummary(error, lang: req.lang))\
                <p><a href="\(PeopleRoute.importPage)">\(req.t("action.back"))</a></p>
                """
            return try await Layout.page(req, title: req.t("nav.import"), body: body, active: active)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await ImportPreviewPage.response(
            req, preview, commitAction: PeopleRoute.importCommit(batch: .value(preview.batchId)).link,
            codeHeader: req.t("field.orgCode"), active: active)
    }

    @Sendable static func commit(_ req: Request) async throws -> Response {
        let result = try await PeopleImport.commit(req, batchID: try req.intParameter("batch"))
        Layout.flash(req, "flash.imported")
        let batch = try await ImportBatch.find(result.batchId, on: req.db)
        return req.redirect(to: batch?.kind == "units" ? UnitsRoute.list.link : PeopleRoute.list.link)
    }
}
