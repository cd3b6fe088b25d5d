import Vapor

/// Upload → preview with every row's problems → commit all or nothing.
enum ImportPages {
    static let active = PeopleRoute.importPage.path

    @Sendable static func form(_ req: Request) async throws -> HTML {
        try await req.require(.importPeople)
        let columns = PersonImport.Column.allCases.map { "<code>\($0.headers[1])</code> " as HTML }
        let unitColumns = UnitImport.Column.allCases.map { "<code>\($0.headers[1])</code> " as HTML }
        return Layout.page(
            req, title: req.t(.navImport),
            body: """
                <h1>\(req.t(.navImport))</h1>
                <section class="card"><p>\(req.t(.importHint))</p>
                <p>\(req.t(.navPeople)): \(columns)</p><p>\(req.t(.navUnits)): \(unitColumns)</p>
                <form method="post" action="\(PeopleRoute.importPreview)" \
                enctype="multipart/form-data">\(CSRF.hiddenField(req))
                <label for="kind">\(req.t(.importKind))</label><select id="kind" name="kind">
                <option value="people">\(req.t(.navPeople))</option><option \
                value="units">\(req.t(.navUnits))</option></select>
                <label for="file">\(req.t(.importFile))</label><input id="file" type="file" name="file" \
                accept=".csv,text/csv" required>
                <p><button type="submit">\(req.t(.importPreview))</button></p></form></section>
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
            throw AppError.invalid(.errorImportEmpty, field: "file")
        }
        let preview: ImportPreview
        do {
            let bytes = Array(file.data.readableBytesView)
            preview =
                upload.kind == "units"
                ? try await UnitsImport.preview(req.caller, bytes: bytes, fileName: file.filename)
                : try await PeopleImport.preview(req.caller, bytes: bytes, fileName: file.filename)
        } catch let e as KeyedRuleError {
            let error = AppError.invalid(key: e.messageKey, args: e.args)
            let body: HTML = """
                <h1>\(req.t(.navImport))</h1>\(Widgets.errorSummary(error, lang: req.lang))\
                <p><a href="\(PeopleRoute.importPage)">\(req.t(.actionBack))</a></p>
                """
            return try await Layout.page(req, title: req.t(.navImport), body: body, active: active)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await ImportPreviewPage.response(
            req, preview, commitAction: PeopleRoute.importCommit(batch: .value(preview.batchId)).link,
            codeHeader: req.t(.fieldOrgCode), active: active)
    }

    @Sendable static func commit(_ req: Request) async throws -> Response {
        let result = try await PeopleImport.commit(req.caller, batchID: try req.intParameter("batch"))
        Layout.flash(req, .flashImported)
        let batch = try await ImportBatch.find(result.batchId, on: req.db)
        return req.redirect(to: batch?.kind == "units" ? UnitsRoute.list.link : PeopleRoute.list.link)
    }
}
