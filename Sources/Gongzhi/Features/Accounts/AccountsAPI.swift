import Fluent
import Vapor

enum AccountsAPI {
    struct TokenInput: StrictInput {
        static let fields: Set<String> = ["login", "password"]
        let login: String
        let password: String
    }
    struct TokenOutput: Content {
        let token: String
        let expiresAt: Date
        let user: UserOut
    }
    struct UserOut: Content {
        let id: Int
        let username: String
        let displayName: String
        let role: Role
        let orgNodeID: Int
        let orgNodeName: String
        let permissions: [Permission]
    }
    struct PasswordInput: StrictInput {
        static let fields: Set<String> = ["currentPassword", "newPassword"]
        let currentPassword: String
        let newPassword: String
    }

    static let tokenLifetime: TimeInterval = 30 * 24 * 3600

    static func register(public api: RoutesBuilder, protected: RoutesBuilder) {
        api.post(AccountsRoute.apiToken, use: token)
        protected.post(AccountsRoute.apiLogout, use: logout)
        protected.get(AccountsRoute.apiMe, use: me)
        protected.post(AccountsRoute.apiMePassword, use: changePassword)
    }

    @Sendable static func token(_ req: Request) async throws -> Response {
        let input = try req.decodeStrict(TokenInput.self)
        switch try await LoginService.attempt(login: input.login, password: input.password, caller: req.caller) {
        case .invalid:
            throw AppError(status: .unauthorized, code: "invalid_credentials", messageKey: "error.login.invalid")
        case .locked(let until):
            throw AppError(
                status: .tooManyRequests, code: "account_locked", messageKey: "error.login.locked",
                args: [LoginService.lockedTime(until)])
        case .success(let user):
            let raw = [UInt8].random(count: 32).base64URL
            let now = req.clock.now
            let token = APIToken(
                userID: user.id!, tokenHash: APIToken.hash(raw), now: now,
                expiresAt: now.addingTimeInterval(tokenLifetime))
            try await token.create(on: req.db)
            guard let viewer = try await Viewer.load(userID: user.id!, on: req.db) else {
                throw AppError.unauthorized()
            }
            let out = TokenOutput(token: raw, expiresAt: token.expiresAt, user: userOut(viewer, req.caller))
            return try await out.encodeResponse(status: .created, for: req)
        }
    }

    @Sendable static func logout(_ req: Request) async throws -> HTTPStatus {
        guard let bearer = req.headers.bearerAuthorization else { throw AppError.unauthorized() }
        try await APIToken.query(on: req.db).filter(\.$tokenHash == APIToken.hash(bearer.token)).set(
            \.$revoked, to: true
        ).update()
        return .noContent
    }

    @Sendable static func me(_ req: Request) async throws -> UserOut {
        userOut(try req.requireViewer(), req.caller)
    }

    @Sendable static func changePassword(_ req: Request) async throws -> HTTPStatus {
        let v = try req.requireViewer()
        let input = try req.decodeStrict(PasswordInput.self)
        try await LoginService.changePassword(
            req.caller, viewer: v, current: input.currentPassword, new: input.newPassword)
        return .noContent
    }

    static func userOut(_ v: Viewer, _ caller: Caller) -> UserOut {
        UserOut(
            id: v.user.id!, username: v.user.username, displayName: v.user.displayName, role: v.role,
            orgNodeID: v.node.id!, orgNodeName: v.node.name,
            permissions: Permission.allCases.filter { v.can($0) })
    }
}
