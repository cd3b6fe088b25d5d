import Vapor

/// Synchroniser token per session: every page form carries `_csrf`, every unsafe page request
/// must present it. The API takes bearer tokens only, which a browser never sends by itself.
enum CSRF {
    static let field = "_csrf"

    static func token(for request: Request) -> String {
        if let existing = request.session.data["csrf"] { return existing }
        let fresh = [UInt8].random(count: 24).base64URL
        request.session.data["csrf"] = fresh
        return fresh
    }

    static func hiddenField(_ request: Request) -> HTML {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(token(for: request))\">"
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    /// Page forms are small; uploads (photos, imports) are allowed more.
    static let maxBody: ByteCount = "1mb"
    static let maxUpload: ByteCount = "50mb"

    static func limit(_ request: Request) -> Int {
        let p = request.url.path
        let upload =
            p == "/requests" || (p.hasPrefix("/requests/") && p.hasSuffix("/act")) || p == "/import/preview"
            || p == "/places/import/preview" || (p.hasPrefix("/lists/projects/") && p.hasSuffix("/notes"))
        return (upload ? maxUpload : maxBody).value
    }

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        if request.body.data == nil {
            _ = try await request.body.collect(max: Self.limit(request)).get()
        }
        let sent =
            request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: CSRF.field))
        guard let expected = request.session.data["csrf"], let sent, constantTimeEqual(sent, expected) else {
            throw AppError(status: .forbidden, code: "csrf", messageKey: "error.csrf")
        }
        return try await next.respond(to: request)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Array where Element == UInt8 {
    var base64URL: String {
        Data(self).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
