import Fluent
import Vapor

enum AccountAdminAPI {
    struct ShareInput: StrictInput {
        static let fields: Set<String> = ["orgNodeID"]
        let orgNodeID: Int
    }
    struct ResetInput: StrictInput {
        static let fields: Set<String> = ["newPassword"]
        let newPassword: String
    }

    static func register(_ api: RoutesBuilder) {
        api.get(AccountsRoute.apiAccounts, use: list)
        api.post(AccountsRoute.apiAccounts, use: create)
        api.get(AccountsRoute.apiAccount(.key), use: show)
        api.patch(AccountsRoute.apiAccount(.key), use: update)
        api.post(AccountsRoute.apiUnlock(.key), use: unlock)
        api.post(AccountsRoute.apiPassword(.key), use: reset)
        api.post(AccountsRoute.apiShares(.key), use: addShare)
        api.delete(AccountsRoute.apiShare(.key, node: .key), use: removeShare)
    }

    @Sendable static func list(_ req: Request) async throws -> [AccountAdmin.AccountOut] {
        try await AccountAdmin.out(try await AccountAdmin.list(req.caller), req.caller)
    }
    @Sendable static func show(_ req: Request) async throws -> AccountAdmin.AccountOut {
        try await AccountAdmin.out(
            [try await AccountAdmin.find(try req.intParameter("id"), req.caller, forChange: false)], req.caller)[0]
    }
    @Sendable static func create(_ req: Request) async throws -> Response {
        let u = try await AccountAdmin.create(req.caller, try req.decodeStrict(AccountAdmin.CreateInput.self))
        return try await AccountAdmin.out([u], req.caller)[0].encodeResponse(status: .created, for: req)
    }
    @Sendable static func update(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        return try await AccountAdmin.out(
            [try await AccountAdmin.update(req.caller, id: id, try req.decodeStrict(AccountAdmin.UpdateInput.self))],
            req.caller)[0]
    }
    @Sendable static func unlock(_ req: Request) async throws -> AccountAdmin.AccountOut {
        try await AccountAdmin.out(
            [try await AccountAdmin.unlock(req.caller, id: try req.intParameter("id"))], req.caller)[0]
    }
    @Sendable static func reset(_ req: Request) async throws -> HTTPStatus {
        let id = try req.intParameter("id")
        try await AccountAdmin.resetPassword(
            req.caller, id: id, password: try req.decodeStrict(ResetInput.self).newPassword)
        return .noContent
    }
    @Sendable static func addShare(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        let input = try req.decodeStrict(ShareInput.self)
        return try await AccountAdmin.out(
            [try await AccountAdmin.share(req.caller, id: id, nodeID: input.orgNodeID, add: true)], req.caller)[0]
    }
    @Sendable static func removeShare(_ req: Request) async throws -> AccountAdmin.AccountOut {
        let id = try req.intParameter("id")
        let node = try req.intParameter("node")
        return try await AccountAdmin.out(
            [try await AccountAdmin.share(req.caller, id: id, nodeID: node, add: false)], req.caller)[0]
    }
}
