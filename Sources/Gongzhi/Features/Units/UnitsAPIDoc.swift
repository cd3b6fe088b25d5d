/// Resident units' part of the API document.
enum UnitsAPIDoc {
    static let filters: [APIParameter] = [
        .query("kind", UnitKind.self, "only this kind"), .query("q", .text, "part of the name"),
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "units", "Resident units and departments in scope", tag: "units", parameters: filters,
            answer: .page(UnitOut.self)),
        APIOperation(
            .post, "units", "Register a unit", tag: "units", body: .one(UnitInput.self), status: 201,
            answer: .one(UnitOut.self)),
        APIOperation(.get, "units/{id}", "One unit, contact masked", tag: "units", answer: .one(UnitOut.self)),
        APIOperation(
            .patch, "units/{id}", "Change a unit", tag: "units", body: .one(UnitInput.self),
            answer: .one(UnitOut.self)),
        APIOperation(.post, "units/{id}/archive", "Archive a unit", tag: "units", answer: .one(UnitOut.self)),
        APIOperation(
            .get, "units/export.csv", "Units in scope as CSV with the import's columns; contact phones masked",
            tag: "units", parameters: filters, answer: .raw(.text, "text/csv")),
        APIOperation(
            .post, "units/import/preview",
            "Check a units CSV (UTF-8 or GB18030/GBK) and keep it as a batch; every row's problems are listed",
            tag: "units", parameters: [.query("fileName", .text, "the file's name, for the record")],
            body: .raw(.text, "text/csv"), answer: .one(ImportPreview.self)),
        APIOperation(
            .post, "units/import/{batch}/commit", "Import a previewed units batch, all rows or none",
            tag: "units", answer: .one(ImportCommitResult.self)),
    ]
}
