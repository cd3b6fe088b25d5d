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
            // Only text bodies are read here, at the default limit; an upload (a photo, an import file) is left to
            // its route, which reads it with its own, larger limit. A page's body was read by CSRFMiddleware.
            let text = Self.isText(type)
            let limit = request.application.routes.defaultMaxBodySize.value
            if request.body.data == nil, text {
                _ = try await request.body.collect(max: limit).get()
            }
            if let buffer = request.body.data {
                // A text body handed over whole (not streamed) is held to the limit the server reads it with.
                if text, AppErrorMiddleware.isAPI(request), buffer.readableBytes > limit {
                    throw AppError(status: .payloadTooLarge, code: "payload_too_large", messageKey: "error.tooLarge")
                }
                for (name, value, isFile) in Self.checkedFields(of: buffer, type: type) {
                    let problem =
                        isFile
                        ? CleanText.characterProblem(in: value)
                        : CleanText.problem(in: name) ?? CleanText.problem(in: value)
                    if let problem { problems[name] = problem.key }
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

    static func isText(_ type: HTTPMediaType) -> Bool {
        type == .urlEncodedForm || type == .json || type.subType.hasSuffix("json")
    }

    /// Every field to check: the text fields, and a multipart body's file parts that read as UTF-8 text (a CSV),
    /// whose characters are checked but not their length. A part counts as a file only by its file name and a
    /// content type that is not plain text, so a text field cannot pass as a file to skip the check.
    static func checkedFields(of buffer: ByteBuffer, type: HTTPMediaType) -> [(String, String, Bool)] {
        if type.type == "multipart", let boundary = type.parameters["boundary"] {
            return MultipartText.parts(buffer, boundary: boundary).compactMap { part in
                guard part.isFile else { return (part.name, part.text ?? "", false) }
                return part.text.map { (part.name, $0, true) }
            }
        }
        return fields(of: buffer, type: type).map { ($0.0, $0.1, false) }
    }

    /// The text fields of a body: JSON strings by their path (`items[0].title`), form fields, multipart parts
    /// that are not files.
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

/// The parts of a multipart body (a form with a file), in order.
enum MultipartText {
    struct Part {
        let name: String
        /// A file the browser sent (a file name, and a content type other than plain text).
        let isFile: Bool
        /// The part as text, nil when it is not UTF-8 (an image).
        let text: String?
    }

    /// The fields that are not files, as a refused form puts them back.
    static func fields(_ buffer: ByteBuffer, boundary: String) -> [(String, String)] {
        parts(buffer, boundary: boundary).filter { !$0.isFile }.map { ($0.name, $0.text ?? "") }
    }

    static func parts(_ buffer: ByteBuffer, boundary: String) -> [Part] {
        final class Collector {
            var out: [Part] = []
            var name: String?
            var fileName = false
            var contentType: String?
            var body = ByteBuffer()
        }
        let c = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            switch field.lowercased() {
            case "content-disposition":
                c.fileName = value.contains("filename=")
                c.name = value.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.hasPrefix("name=") }
                    .map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            case "content-type": c.contentType = value.lowercased()
            default: break
            }
        }
        parser.onBody = { (part: inout ByteBuffer) in c.body.writeBuffer(&part) }
        parser.onPartComplete = {
            let isFile = c.fileName && !(c.contentType ?? "text/plain").hasPrefix("text/plain")
            let text = String(validating: c.body.readableBytesView, as: UTF8.self)
            c.out.append(Part(name: c.name ?? "", isFile: isFile, text: text))
            c.name = nil
            c.fileName = false
            c.contentType = nil
            c.body.clear()
        }
        // A malformed body gives the parts read so far; the handler's own decoding refuses it.
        try? parser.execute(buffer)
        return c.out
    }
}
