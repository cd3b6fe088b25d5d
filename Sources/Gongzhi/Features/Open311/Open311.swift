import Fluent
import Vapor

/// Open311 GeoReport v2 under /open311/v2/, in JSON and XML, so existing Open311 clients and apps can raise and
/// follow requests. Categories are the service codes; states map to open/closed. No personal data leaves here.
enum Open311 {
    enum Format: String, CaseIterable, Sendable {
        case json
        case xml
    }

    static func register(_ app: RoutesBuilder) {
        for f in Format.allCases {
            app.get(Open311Route.discovery(f), use: discovery)
            app.get(Open311Route.services(f), use: services)
            app.get(Open311Route.requests(f), use: requests)
            app.post(Open311Route.requests(f), use: create)
        }
        app.get(Open311Route.service(file: .key), use: service)
        app.get(Open311Route.request(file: .key), use: request)
        app.get(Open311Route.token(file: .key), use: token)
    }

    /// "services.json" → json; "GZ000012.xml" → ("GZ000012", xml).
    static func format(_ req: Request) -> Format { req.url.path.hasSuffix(".xml") ? .xml : .json }
    static func split(_ file: String) throws -> (String, Format) {
        guard let dot = file.lastIndex(of: "."), let f = Format(rawValue: String(file[file.index(after: dot)...]))
        else {
            throw Open311Error(code: 404, key: "error.open311.format")
        }
        return (String(file[..<dot]), f)
    }

    struct Open311Error: Error {
        let code: Int
        let key: String
    }

    /// ISO 8601 with the +08:00 offset, as Open311 clients expect local times.
    static func date(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return f.string(from: d)
    }

    /// Encodes a list of flat records as the standard's JSON array or XML.
    static func respond(
        _ req: Request, root: String, item: String, _ records: [[(String, String?)]], status: HTTPResponseStatus = .ok,
        format: Format? = nil
    ) -> Response {
        let f = format ?? Self.format(req)
        var headers = HTTPHeaders()
        let body: String
        if f == .xml {
            headers.replaceOrAdd(name: .contentType, value: "text/xml; charset=utf-8")
            body =
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><\(root)>"
                + records.map { r in
                    "<\(item)>" + r.map { k, v in "<\(k)>\(HTML.escape(v ?? ""))</\(k)>" }.joined() + "</\(item)>"
                }.joined() + "</\(root)>"
        } else {
            headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
            let objects: [[String: Any]] = records.map { r in
                Dictionary(r.map { ($0.0, $0.1.map { $0 as Any } ?? NSNull()) }, uniquingKeysWith: { a, _ in a })
            }
            body = String(
                decoding: (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys]))
                    ?? Data("[]".utf8), as: UTF8.self)
        }
        return Response(status: status, headers: headers, body: .init(string: body))
    }

    static func error(_ req: Request, _ e: Open311Error, format: Format? = nil) -> Response {
        respond(
            req, root: "errors", item: "error", [[("code", String(e.code)), ("description", req.t(key: e.key))]],
            status: HTTPResponseStatus(statusCode: e.code), format: format)
    }

    /// Standard errors for everything, including what a client sends wrong.
    static func guarded(_ req: Request, format: Format? = nil, _ body: () async throws -> Response) async -> Response {
        do { return try await body() } catch let e as Open311Error { return error(req, e, format: format) } catch let e
            as AppError
        { return error(req, Open311Error(code: Int(e.status.code), key: e.messageKey), format: format) } catch {
            req.logger.report(error: error)
            return Self.error(req, Open311Error(code: 400, key: "error.badRequest"), format: format)
        }
    }

    @Sendable static func discovery(_ req: Request) async throws -> Response {
        let base = Open311Route.root.path + "/"
        return respond(
            req, root: "discovery", item: "endpoint",
            [
                [
                    ("specification", "http://wiki.open311.org/GeoReport_v2"), ("url", base),
                    ("changeset", "2026-11-24"), ("type", "production"), ("formats", "application/json,text/xml"),
                ]
            ])
    }

    @Sendable static func services(_ req: Request) async throws -> Response {
        await guarded(req) {
            let cats = try await RequestsQueries.services(req.lang, on: req.db)
            return respond(
                req, root: "services", item: "service",
                cats.map { c in
                    [
                        ("service_code", c.code), ("service_name", c.name), ("description", c.name),
                        ("metadata", "false"), ("type", "realtime"), ("keywords", c.nameEn),
                        ("group", req.t(.navRequests)),
                    ]
                })
        }
    }

    @Sendable static func service(_ req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        let fmt = (try? split(file).1) ?? .json
        return await guarded(req, format: fmt) {
            let (code, f) = try split(file)
            guard try await RequestsQueries.isActiveService(code, on: req.db) else {
                throw Open311Error(code: 404, key: "error.open311.service")
            }
            // No extra attributes: the definition is the code and an empty attribute list.
            return respond(req, root: "service_definition", item: "attributes", [[("service_code", code)]], format: f)
        }
    }

    static func record(_ r: RequestsQueries.PublicRecord, categories: [String: String], _ caller: Caller)
        -> [(String, String?)]
    {
        [
            ("service_request_id", String(r.id)), ("status", r.state.open311),
            ("status_notes", caller.t(key: r.state.labelKey)),
            ("service_name", categories[r.category]), ("service_code", r.category),
            ("description", r.text),
            ("agency_responsible", nil), ("service_notice", nil),
            ("requested_datetime", date(r.raisedAt)),
            ("updated_datetime", date(r.updatedAt)),
            ("expected_datetime", r.stepDeadline.map(date)), ("address", nil), ("address_id", nil), ("zipcode", nil),
            ("lat", r.lat.map { String($0) }), ("long", r.lng.map { String($0) }), ("media_url", nil),
        ]
    }

    @Sendable static func requests(_ req: Request) async throws -> Response {
        await guarded(req) {
            var f = RequestsQueries.PublicFilter()
            if let ids = req.query[String.self, at: "service_request_id"], !ids.isEmpty {
                f.ids = ids.split(separator: ",").compactMap { Int(String($0).trimmingWhitespace()) }
            }
            if let codes = req.query[String.self, at: "service_code"], !codes.isEmpty {
                f.codes = codes.split(separator: ",").map(String.init)
            }
            if let status = req.query[String.self, at: "status"], !status.isEmpty {
                switch status {
                case "open": f.open = true
                case "closed": f.open = false
                default: throw Open311Error(code: 400, key: "error.open311.status")
                }
            }
            for (key, op) in [("start_date", true), ("end_date", false)] {
                if let raw = req.query[String.self, at: key], !raw.isEmpty {
                    guard let d = ISO8601DateFormatter().date(from: raw) else {
                        throw Open311Error(code: 400, key: "error.open311.date")
                    }
                    if op { f.from = d } else { f.to = d }
                }
            }
            let rs = try await RequestsQueries.publicRecords(f, limit: 1000, on: req.db)
            let cats = try await RequestsQueries.categoryNames(req.lang, on: req.db)
            return respond(
                req, root: "service_requests", item: "request", rs.map { record($0, categories: cats, req.caller) })
        }
    }

    @Sendable static func request(_ req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        let fmt = (try? split(file).1) ?? .json
        return await guarded(req, format: fmt) {
            let (idText, f) = try split(file)
            guard let id = Int(idText),
                let r = try await RequestsQueries.publicRecords(.init(ids: [id]), limit: 1, on: req.db).first
            else {
                throw Open311Error(code: 404, key: "error.open311.request")
            }
            let cats = try await RequestsQueries.categoryNames(req.lang, on: req.db)
            return respond(
                req, root: "service_requests", item: "request", [record(r, categories: cats, req.caller)], format: f)
        }
    }

    @Sendable static func token(_ req: Request) async throws -> Response {
        let file = req.parameters.get("file") ?? ""
        let fmt = (try? split(file).1) ?? .json
        return await guarded(req, format: fmt) {
            let (tok, f) = try split(file)
            guard tok.hasPrefix("GZ"), let id = Int(tok.dropFirst(2)),
                let found = try await RequestsQueries.open311RequestID(id, on: req.db)
            else {
                throw Open311Error(code: 404, key: "error.open311.request")
            }
            return respond(
                req, root: "service_requests", item: "request",
                [[("service_request_id", String(found)), ("token", tok)]], format: f)
        }
    }

    struct CreateForm: Content {
        enum CodingKeys: String, CodingKey {
            case apiKey = "api_key"
            case serviceCode = "service_code"
            case addressString = "address_string"
            case firstName = "first_name"
            case lastName = "last_name"
            case lat, long, description, email, phone
        }
        var apiKey: String?
        var serviceCode: String?
        var lat: String?
        var long: String?
        var addressString: String?
        var description: String?
        var email: String?
        var firstName: String?
        var lastName: String?
        var phone: String?
    }

    /// Create a request: form-encoded as the standard says; 403 for a missing or wrong key.
    @Sendable static func create(_ req: Request) async throws -> Response {
        await guarded(req) {
            let f = (try? req.content.decode(CreateForm.self)) ?? CreateForm()
            guard let key = f.apiKey, !key.isEmpty,
                let k = try await APIKey.query(on: req.db).filter(\.$keyHash == APIToken.hash(key)).filter(
                    \.$active == true
                ).first()
            else {
                throw Open311Error(code: 403, key: "error.open311.key")
            }
            guard let code = f.serviceCode, try await RequestsQueries.isActiveService(code, on: req.db) else {
                throw Open311Error(code: 400, key: "error.open311.service")
            }
            let text = (f.description ?? "").trimmingWhitespace()
            guard !text.isEmpty, text.count <= RequestService.maxText else {
                throw Open311Error(code: 400, key: "error.request.text")
            }
            guard let lat = f.lat.flatMap(Double.init), let lng = f.long.flatMap(Double.init) else {
                throw Open311Error(code: 400, key: "error.open311.location")
            }
            let p = Coordinate(lat: lat, lng: lng)
            guard p.isValid else { throw Open311Error(code: 400, key: "error.geo.range") }
            let (index, _) = try await req.application.placesIndex.current(on: req.db)
            guard
                let gid = index.containing(p).first ?? index.nearest(p, maxMetres: PlacesAPI.nearestWithinMetres)?.id,
                let grid = try await PlacesQueries.gridSummary(gid, on: req.db)
            else { throw Open311Error(code: 400, key: "error.geo.outside") }
            guard
                let r = try await RequestsQueries.raiseFromOpen311(
                    req.caller, category: code, text: text, lat: lat, lng: lng, grid: grid, keyName: k.name)
            else {
                throw Open311Error(code: 400, key: "error.open311.service")
            }
            return respond(
                req, root: "service_requests", item: "request",
                [
                    [
                        ("service_request_id", String(r.id)), ("token", r.number),
                        ("service_notice", req.t(.open311Notice)), ("account_id", nil),
                    ]
                ],
                status: .created)
        }
    }
}
