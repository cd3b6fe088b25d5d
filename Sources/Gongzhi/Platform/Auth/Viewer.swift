import Fluent
import Vapor

/// The signed-in user as every handler sees them: account, node and data scope.
struct Viewer: Sendable {
    let user: User
    let node: OrgNode
    let scope: DataScope

    var role: Role { user.role }
    func can(_ p: Permission) -> Bool { user.role.can(p) }

    /// District-wide settings (request categories, the working-day calendar, Open311 keys) belong to the whole
    /// district: the permission, and the district's root in scope. A street's administrator does not change them.
    var maySetDistrictSettings: Bool { can(.manageAccounts) && scope.paths.contains { $0.depth == 0 } }

    static func load(userID: Int, on db: Database) async throws -> Viewer? {
        guard let user = try await User.find(userID, on: db), user.active,
            let node = try await OrgNode.find(user.orgNodeID, on: db)
        else { return nil }
        let scope: DataScope
        if user.role == .resident || user.role == .partyMember {
            scope = .selfOnly(personID: user.personID)
        } else {
            let shareIDs = try await ScopeShare.query(on: db).filter(\.$userID == userID).all().map(\.orgNodeID)
            let shared =
                shareIDs.isEmpty ? [] : try await OrgNode.query(on: db).filter(\.$id ~~ shareIDs).all().map(\.treePath)
            scope = DataScope(own: node.treePath, shared: shared, ownPersonID: user.personID)
        }
        return Viewer(user: user, node: node, scope: scope)
    }
}

private struct ViewerKey: StorageKey { typealias Value = Viewer }

extension Request {
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }

    func intParameter(_ name: String) throws -> Int {
        guard let raw = parameters.get(name), let value = Int(raw), value > 0 else {
            throw AppError.badRequest(.errorBadID, args: [parameters.get(name) ?? ""])
        }
        return value
    }
}
