import Fluent
import Vapor

/// Every error leaves as a clear message in the user's language: JSON on the API
/// (`{"error": {"code", "message"}}`), a page elsewhere. Only a fault of ours is a 500.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as AbortError where (300..<400).contains(abort.status.code) {
            // Abort.redirect is a redirect, not an error.
            return Response(status: abort.status, headers: abort.headers)
        } catch {
            let appError = Self.classify(error, request: request)
            if appError.status == .internalServerError {
                request.logger.report(error: error)
            }
            return Self.response(for: appError, request: request)
        }
    }

    static func isAPI(_ request: Request) -> Bool {
        let p = request.url.path
        return p.hasPrefix("/api/") || p.hasPrefix("/open311/") || p == "/healthz"
    }

    static func classify(_ error: Error, request: Request) -> AppError {
        switch error {
        case let e as AppError:
            return e
        case let e as KeyedRuleError:
            return .invalid(key: e.messageKey, args: e.args)
        case let e as DecodingError:
            return .badRequest(.errorJsonField, args: [Self.fieldPath(of: e)])
        case let e as AbortError:
            switch e.status {
            case .payloadTooLarge:
                return .init(status: .payloadTooLarge, code: "payload_too_large", messageKey: "error.tooLarge")
            case .notFound: return .notFound()
            case .unauthorized: return .unauthorized()
            case .forbidden: return .forbidden()
            case .unsupportedMediaType:
                return .init(
                    status: .unsupportedMediaType, code: "unsupported_media_type", messageKey: "error.mediaType")
            case .methodNotAllowed:
                return .init(status: .methodNotAllowed, code: "method_not_allowed", messageKey: "error.method")
            case let s where s.code >= 400 && s.code < 500:
                return .init(status: s, code: "bad_request", messageKey: "error.badRequest")
            default: return .init(status: .internalServerError, code: "internal", messageKey: "error.internal")
            }
        case let e as DatabaseError where e.isConstraintFailure:
            return .conflict(.errorDuplicate)
        default:
            return .init(status: .internalServerError, code: "internal", messageKey: "error.internal")
        }
    }

    static func fieldPath(of error: DecodingError) -> String {
        let path: [CodingKey]
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? APIJSON.jsonKey($0.stringValue) }.joined(separator: ".")
        return text.isEmpty ? "(body)" : text
    }

    static func response(for error: AppError, request: Request) -> Response {
        let message = request.lang.format(error.messageKey, error.args)
        if isAPI(request) {
            let fields = error.fields.isEmpty ? nil : error.fieldMessages(request.lang)
            let body = APIErrorBody(error: .init(code: error.code, message: message, fields: fields))
            let response = Response(status: error.status)
            try? response.content.encode(body, as: .json)
            if error.status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        if error.status == .unauthorized {
            return request.redirect(
                to: PlatformRoute.login.path + "?next="
                    + (request.url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"))
        }
        let page = Layout.page(
            request, title: request.t(.errorTitle),
            body: """
                <section class="card error-page"><h1>\(request.t(.errorTitle))</h1>
                <p class="flash error" role="alert">\(message)</p>
                <p><a href="\(PlatformRoute.home)">\(request.t(.navHome))</a></p></section>
                """)
        let response = Response(status: error.status)
        response.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        response.body = .init(string: page.raw)
        return response
    }
}

/// What every refused API call answers; its schema in the API document comes from this type.
struct APIErrorBody: Codable {
    struct Detail: Codable, APIFieldNotes {
        let code: String
        let message: String
        /// Field (its JSON key) → problem.
        let fields: [String: String]?

        static let apiFieldNotes: [String: JSON] = [
            "code": ["description": "stable machine code, e.g. not_found, invalid, conflict, payload_too_large"],
            "message": ["description": "in the caller's language (Accept-Language: zh-Hans default, en)"],
            "fields": ["description": "field → problem"],
        ]
    }
    let error: Detail
}
