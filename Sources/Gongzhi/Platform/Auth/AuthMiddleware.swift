import Fluent
import Vapor

/// Pages: the session names the user; an idle session ends after 30 minutes.
struct SessionViewerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let raw = request.session.data["uid"], let uid = Int(raw) {
            let now = request.clock.now.timeIntervalSince1970
            let seen = request.session.data["seen"].flatMap(Double.init) ?? now
            if now - seen > LoginLockout.idleSeconds {
                request.session.destroy()
                request.session.data["flash"] = "flash.sessionExpired"
            } else if let viewer = try await Viewer.load(userID: uid, on: request.db) {
                request.viewer = viewer
                // Touch at most once a minute so a page view does not always write the session row.
                if now - seen > 60 || request.session.data["seen"] == nil {
                    request.session.data["seen"] = String(Int(now))
                }
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// API: `Authorization: Bearer <token>`; tokens end after 30 idle minutes or at their expiry.
struct BearerViewerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            let now = request.clock.now
            guard
                let token = try await APIToken.query(on: request.db)
                    .filter(\.$tokenHash == APIToken.hash(bearer.token)).first(),
                !token.revoked, token.expiresAt > now,
                now.timeIntervalSince(token.lastUsedAt) <= LoginLockout.idleSeconds,
                let viewer = try await Viewer.load(userID: token.userID, on: request.db)
            else { throw AppError.unauthorized() }
            if now.timeIntervalSince(token.lastUsedAt) > 60 {
                token.lastUsedAt = now
                try await token.save(on: request.db)
            }
            request.viewer = viewer
        }
        return try await next.respond(to: request)
    }
}

/// Routes behind this need a signed-in user: 401 JSON on the API, the login page elsewhere.
struct RequireViewerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        _ = try request.requireViewer()
        return try await next.respond(to: request)
    }
}
