import Vapor

/// `CleanText` at the edge, for every route: each value of the query and of a JSON, form or multipart body (file
/// parts aside) is checked before any handler reads it. The API answers 422 naming each field. A page form
/// registered with `form(_:use:)` comes back refilled with the problems beside their fields (`FormChange`); any
/// other page answers 422 with the message.
struct CleanTextMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        var problems: [String: String] = [:]
        for (name, value) in FormRefill.pairs(urlEncoded: request.url.query ?? "") {
            if let p = CleanText.problem(in: name) ?? CleanText.problem(in: value) { problems[name] = p.key }
        }
        if [.POST, .PUT, .PATCH].contains(request.method), let type = request.headers.contentType {
            let limit =
                AppErrorMiddleware.isAPI(request)
                ? request.application.routes.defaultMaxBodySize.value : CSRFMiddleware.limit(request)
            if request.body.data == nil {
                _ = try await request.body.collect(max: limit).get()
            }
            if let buffer = request.body.data {
                // A body handed over whole (not streamed) is held to the same limit the server reads with.
                if buffer.readableBytes > limit {
                    throw AppError(status: .payloadTooLarge, code: "payload_too_large", messageKey: "error.tooLarge")
                }
                for (name, value) in Self.fields(of: buffer, type: type) {
                    if let p = CleanText.problem(in: name) ?? CleanText.problem(in: value) { problems[name] = p.key }
                }
            }
        }
        guard let refused = AppError.fields(problems) else { return try await next.respond(to: request) }
        if !AppErrorMiddleware.isAPI(request), request.route?.userInfo[FormRoute.key] as? Bool == true {
            request.storage[TextProblemsKey.self] = refused
            return try await next.respond(to: request)
        }
        throw refused
    }

    /// The text fields of a body: JSON strings by their path (`items[0].title`), form fields, multipart parts
    /// without a file name.
    static func fields(of buffer: ByteBuffer, type: HTTPMediaType) -> [(String, String)] {
        if type == .urlEncodedForm { return FormRefill.pairs(urlEncoded: String(buffer: buffer)) }
        if type.type == "multipart", let boundary = type.parameters["boundary"] {
            return MultipartText.fields(buffer, boundary: boundary)
        }
        if type == .json || type.subType.hasSuffix("json"),
            let object = try? JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed])
        {
            var out: [(String, String)] = []
            func walk(_ value: Any, _ path: String) {
                switch value {
                case let s as String: out.append((path.isEmpty ? "(body)" : path, s))
                case let a as [Any]: for (i, v) in a.enumerated() { walk(v, "\(path)[\(i)]") }
                case let d as [String: Any]:
                    for (k, v) in d {
                        out.append((k, ""))  // a key is text too
                        walk(v, path.isEmpty ? k : "\(path).\(k)")
                    }
                default: break
                }
            }
            walk(object, "")
            return out
        }
        return []
    }
}

extension CleanText.Problem {
    var key: String {
        switch self {
        case .control: Text.errorTextControl.key
        case .bidi: Text.errorTextBidi.key
        case .tooLong: Text.errorTextTooLong.key
        }
    }
}

/// Where a form route's handler finds the text problems `CleanTextMiddleware` left for `FormChange` to show.
struct TextProblemsKey: StorageKey {
    typealias Value = AppError
}

/// A page form whose handler answers through `FormChange`: a refused submission comes back refilled.
enum FormRoute {
    static let key = "formRouteRefills"
}

extension RoutesBuilder {
    /// A page form's POST whose handler answers through `FormChange`, so text the edge refuses comes back in the
    /// form, refilled, rather than on an error page.
    @discardableResult
    func form<R: AppRoute, Out: AsyncResponseEncodable>(
        _ route: R, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> Out
    ) -> Vapor.Route {
        let r = on(.POST, route.components, body: body, use: handler)
        r.userInfo[FormRoute.key] = true
        return r
    }
}

/// The text parts of a multipart body (a form with a file), in order; file parts are left out.
enum MultipartText {
    static func fields(_ buffer: ByteBuffer, boundary: String) -> [(String, String)] {
        final class Collector {
            var out: [(String, String)] = []
            var name: String?
            var isFile = false
            var body = ByteBuffer()
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            c.isFile = value.contains("filename=")
            c.name = value.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("name=") }
                .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        parser.onBody = { (part: inout ByteBuffer) in
            if !c.isFile { c.body.writeBuffer(&part) }
        }
        parser.onPartComplete = {
            if let name = c.name, !c.isFile { c.out.append((name, String(buffer: c.body))) }
            c.name = nil
            c.isFile = false
            c.body.clear()
        }
        // A malformed body gives the parts read so far; the handler's own decoding refuses it.
        try? parser.execute(buffer)
        return c.out
    }
}
