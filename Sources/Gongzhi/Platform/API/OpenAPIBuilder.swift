import Foundation
import Vapor

/// A body or an answer: its schema, made from a Swift type when it is JSON, and its media types.
struct APIContent: Sendable {
    let mediaTypes: [String]
    let schema: @Sendable (APISchemaRecorder) throws -> JSON
    var paged = false

    static func one<T: Decodable>(_ type: T.Type) -> APIContent {
        APIContent(mediaTypes: ["application/json"]) { try $0.schema(type) }
    }
    static func list<T: Decodable>(_ type: T.Type) -> APIContent {
        APIContent(mediaTypes: ["application/json"]) { .arrayOf(try $0.schema(type)) }
    }
    /// One page of a list (`Paged`): the array, its total in `X-Total-Count`, the next and previous pages in
    /// `Link`; the operation takes `page` and `per`.
    static func page<T: Decodable>(_ type: T.Type) -> APIContent {
        var c = list(type)
        c.paged = true
        return c
    }
    /// Content the server does not encode from a type (CSV, GeoJSON, images, this document).
    static func raw(_ schema: JSON, _ mediaTypes: String...) -> APIContent {
        APIContent(mediaTypes: mediaTypes) { _ in schema }
    }
    var isJSON: Bool { mediaTypes == ["application/json"] }
}

struct APIParameter: Sendable {
    let name: String
    let location: String
    let required: Bool
    let schema: JSON
    let description: String?

    static func query(_ name: String, _ schema: JSON, _ description: String) -> APIParameter {
        APIParameter(name: name, location: "query", required: false, schema: schema, description: description)
    }
    static func query<E: APIEnum>(_ name: String, _ type: E.Type, _ description: String) -> APIParameter {
        query(name, type.apiSchema, description)
    }
    static func required(_ name: String, _ schema: JSON) -> APIParameter {
        APIParameter(name: name, location: "query", required: true, schema: schema, description: nil)
    }
    /// A path parameter other than a record id (ids are integers from 1 and need no declaration).
    static func path(_ name: String, _ schema: JSON) -> APIParameter {
        APIParameter(name: name, location: "path", required: true, schema: schema, description: nil)
    }

    var json: JSON {
        var p: JSON = ["name": .string(name), "in": .string(location), "required": .bool(required), "schema": schema]
        if let description { p["description"] = .string(description) }
        return p
    }
}

/// One operation of the API as the document shows it. Each capability declares its own (`XAPIDoc.operations`).
/// A path without a leading slash lies under `/api/v1/`.
struct APIOperation: Sendable {
    enum Method: String, Sendable {
        case get, post, put, patch, delete
    }
    let method: Method
    let path: String
    let summary: String
    let tag: String
    var parameters: [APIParameter] = []
    var body: APIContent?
    var status = 200
    var answer: APIContent?
    /// No bearer token needed; then a 403 or 404 is never the answer either.
    var isPublic = false
    /// Answers beyond the shared error answers, by status.
    var extraResponses: [String: JSON] = [:]

    init(
        _ method: Method, _ path: String, _ summary: String, tag: String, parameters: [APIParameter] = [],
        body: APIContent? = nil, status: Int = 200, answer: APIContent? = nil, isPublic: Bool = false,
        extraResponses: [String: JSON] = [:]
    ) {
        self.method = method
        self.path = path.hasPrefix("/") ? path : "/" + (APIPath.v1.map(\.description) + [path]).joined(separator: "/")
        self.summary = summary
        self.tag = tag
        self.parameters = parameters
        self.body = body
        self.status = status
        self.answer = answer
        self.isPublic = isPublic
        self.extraResponses = extraResponses
    }
}

/// Builds the OpenAPI 3.1 document from the capabilities' operations; schemas come from the Swift types.
enum OpenAPIBuilder {
    /// The platform's operations and every capability's part of the document, from the manifests.
    static var parts: [[APIOperation]] { [OpsAPIDoc.operations] + Capability.all.map { $0.apiDoc() } }

    /// The document the server serves, printed once.
    static let printed: String = {
        do {
            return try document().printed
        } catch {
            fatalError("the API document cannot be built: \(error)")
        }
    }()

    static let sharedErrors: [(status: String, name: String, description: String)] = [
        ("400", "BadRequest", "Malformed JSON, unknown fields or enum values, bad IDs or query parameters"),
        ("401", "Unauthorized", "No valid bearer token"),
        ("403", "Forbidden", "Not permitted, or outside the caller's scope (logged)"),
        ("404", "NotFound", "No such record in the caller's scope (out-of-scope reads are logged)"),
        ("409", "Conflict", "Clashes with the current state or an existing record"),
        ("413", "TooLarge", "Body larger than allowed (1 MB; 10 MB for imports)"),
        ("422", "Invalid", "Well-formed but breaks a rule; fields names each problem"),
    ]
    static let otherErrors: [(name: String, description: String)] = [
        ("UnsupportedMediaType", "The body is not sent as JSON (Content-Type: application/json)"),
        ("Locked", "Too many failed sign-ins: the account is locked for 15 minutes"),
        ("TooManyGuesses", "Too many wrong codes from this account or address in 15 minutes (CodeGuesses)"),
    ]

    static func document(_ operations: [APIOperation] = parts.flatMap { $0 }) throws -> JSON {
        let recorder = APISchemaRecorder()
        var paths: [String: JSON] = [:]
        for op in operations {
            var item = paths[op.path] ?? [:]
            if item["parameters"] == nil, op.path.contains("{") {
                item["parameters"] = .array(pathParameters(op).map(\.json))
            }
            let method = op.method.rawValue
            guard item[method] == nil else { throw DuplicateOperation(description: "\(method) \(op.path)") }
            item[method] = try operation(op, recorder)
            paths[op.path] = item
        }
        let errorSchema = try recorder.schema(APIErrorBody.self)
        var responses: [String: JSON] = [:]
        for (name, description) in sharedErrors.map({ ($0.name, $0.description) }) + otherErrors {
            responses[name] = [
                "description": .string(description), "content": ["application/json": ["schema": errorSchema]],
            ]
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Gongzhi 共治 API", "version": "1.0.0",
                "description": """
                JSON API of Gongzhi, a platform for party-building-led urban grassroots governance. Every call \
                sees only the caller's node of the organisation tree and below, plus what is shared with them; \
                personal data is masked unless the caller may unmask it, and every unmasked read is logged. \
                Errors are {"error": {"code", "message"}} with a 4xx status; messages follow Accept-Language \
                (zh-Hans by default, en). Keys are lowerCamelCase with Id for identifiers (gridId, unitIds).
                """,
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "Token from POST /api/v1/auth/token; ends after 30 idle minutes",
                    ]
                ],
                "responses": .object(responses),
                "schemas": .object(recorder.components),
            ],
        ]
    }

    struct DuplicateOperation: Error, CustomStringConvertible {
        let description: String
    }

    /// `{id}` and the other record ids are integers from 1; other path parameters are declared.
    private static func pathParameters(_ op: APIOperation) -> [APIParameter] {
        op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment in
            let name = String(segment.dropFirst().dropLast())
            return op.parameters.first { $0.location == "path" && $0.name == name }
                ?? .path(name, .integer(min: 1))
        }
    }

    private static func operation(_ op: APIOperation, _ recorder: APISchemaRecorder) throws -> JSON {
        var answer: JSON = ["description": "OK"]
        if let content = op.answer {
            let schema = try content.schema(recorder)
            answer["content"] = .object(
                Dictionary(uniqueKeysWithValues: content.mediaTypes.map { ($0, ["schema": schema]) }))
        }
        var parameters = op.parameters
        if op.answer?.paged == true {
            answer["headers"] = [
                "X-Total-Count": ["description": "rows in the whole list", "schema": .integer(min: 0)],
                "Link": ["description": "RFC 8288 links to the next and previous pages", "schema": .text],
            ]
            parameters.removeAll { $0.name == "page" || $0.name == "per" }
            parameters += [
                .query("page", .integer(min: 1, max: Request.maxPage), "page, from 1"),
                .query("per", .integer(min: 1, max: PageRequest.maxSize), "rows a page (50)"),
            ]
        }
        var responses: [String: JSON] = [String(op.status): answer]
        for e in sharedErrors where !(op.isPublic && (e.status == "403" || e.status == "404")) {
            responses[e.status] = .ref(response: e.name)
        }
        var o: JSON = ["summary": .string(op.summary), "tags": [.string(op.tag)]]
        if let body = op.body {
            let schema = try body.schema(recorder)
            o["requestBody"] = [
                "required": true,
                "content": .object(Dictionary(uniqueKeysWithValues: body.mediaTypes.map { ($0, ["schema": schema]) })),
            ]
            if body.isJSON { responses["415"] = .ref(response: "UnsupportedMediaType") }
        }
        for (status, response) in op.extraResponses { responses[status] = response }
        o["responses"] = .object(responses)
        let query = parameters.filter { $0.location == "query" }
        if !query.isEmpty { o["parameters"] = .array(query.map(\.json)) }
        if op.isPublic { o["security"] = [] }
        return o
    }
}

extension JSON {
    static func ref(response name: String) -> JSON { ["$ref": .string("#/components/responses/\(name)")] }
}
