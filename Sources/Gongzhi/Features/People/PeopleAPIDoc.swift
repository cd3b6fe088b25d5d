import Vapor

/// People's part of the API document.
enum PeopleAPIDoc {
    static let filters: [APIParameter] = [
        .query("q", .text, "name, or digits of a mobile number"),
        .query("facet", PersonFacet.self, "only people with this facet"),
        .query("orgId", .integer, "only this node's subtree"),
        .query("inService", .boolean, "in-service members only (true) or not (false)"),
        .query(
            "relation", PeopleService.ListFilter.Relation.self,
            "organised: organised in the caller's area; reporting: in-service members reporting to it"),
    ]

    static let operations: [APIOperation] = [
        APIOperation(
            .get, "people", "People in scope, masked", tag: "people",
            parameters: filters + [
                .query("includeArchived", .boolean, "include archived people"),
                .query("page", .integer(min: 1, max: Request.maxPage), "page of 50"),
            ],
            answer: .one(PeopleAPI.Page.self)),
        APIOperation(
            .post, "people", "Register a person", tag: "people", body: .one(PersonInput.self), status: 201,
            answer: .one(PersonOut.self)),
        APIOperation(
            .get, "people/export.csv",
            "People in scope as CSV (UTF-8 with BOM) for Excel; masked unless unmasked=1 and permitted (logged)",
            tag: "people",
            parameters: filters + [
                .query("unmasked", .strings(["1"]), "clear personal data (needs the unmask permission)")
            ],
            answer: .raw(.text, "text/csv")),
        APIOperation(
            .post, "people/import/preview",
            "Check a people CSV (UTF-8, with or without BOM, or GB18030/GBK) and keep it as a batch; every row's "
                + "problems are listed",
            tag: "people", parameters: [.query("fileName", .text, "the file's name, for the record")],
            body: .raw(.text, "text/csv"), answer: .one(ImportPreview.self)),
        APIOperation(
            .post, "people/import/{batch}/commit", "Import a previewed batch, all rows or none", tag: "people",
            answer: .one(ImportCommitResult.self)),
        APIOperation(.get, "people/{id}", "One person, masked", tag: "people", answer: .one(PersonOut.self)),
        APIOperation(
            .patch, "people/{id}", "Change a person; only the fields sent change", tag: "people",
            body: .one(PersonInput.self), answer: .one(PersonOut.self)),
        APIOperation(
            .post, "people/{id}/archive", "Archive a person (never deleted)", tag: "people",
            answer: .one(PersonOut.self)),
        APIOperation(
            .get, "people/{id}/unmasked",
            "One person with personal data in clear; needs the unmask permission and is written to the access log",
            tag: "people", answer: .one(PersonOut.self)),
    ]
}

extension PersonInput: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "name": ["maxLength": 50], "gender": ["enum": ["male", "female", ""]],
        "idNumber": ["description": "18-digit mainland ID, checksum verified"],
        "phone": ["description": "mainland mobile number"], "address": ["maxLength": 200],
        "homeNodeID": ["description": "home community of an in-service member"], "joinedOn": ["format": "date"],
    ]
}

extension PersonOut: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "idNumber": ["description": "masked (990101********123X) unless unmasked"],
        "phone": ["description": "masked (139****5678) unless unmasked"],
    ]
}

extension WorkerGrade: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "level": ["minimum": 1, "maximum": 4], "step": ["minimum": 1, "maximum": 3],
    ]
}

extension ImportPreview: APIFieldNotes {
    static let apiFieldNotes: [String: JSON] = [
        "encoding": [
            "enum": ["utf8", "gb18030", "wgs84", "gcj02"],
            "description": "a CSV's text encoding; for GeoJSON the coordinate system the file was in",
        ]
    ]
}
