import Fluent
import Vapor

/// Managing accounts: who may sign in, with which role, bound to which node, with which shared subtrees.
/// An administrator manages only accounts bound inside their scope and grants only roles within their own.
/// Every change to an account, from the API or a page, first passes `target(_:_:forChange: true)`: scope and role
/// ceiling in one place.
enum AccountAdmin {
    struct AccountOut: Content {
        let id: Int
        let username: String
        let displayName: String
        let phone: String?
        let role: Role
        let orgNodeID: Int
        let orgNodeName: String?
        let personID: Int?
        let active: Bool
        let locked: Bool
        let sharedNodeIDs: [Int]
    }
    struct Snapshot: Codable, Sendable {
        let username: String
        let displayName: String
        let role: Role
        let orgNodeID: Int
        let active: Bool
        let shares: [Int]
    }
    struct CreateInput: StrictInput, Content {
        static let fields: Set<String> = [
            "username", "displayName", "phone", "role", "orgNodeID", "personID", "password",
        ]
        var username: String?
        var displayName: String?
        var phone: String?
        var role: Role?
        var orgNodeID: Int?
        var personID: Int?
        var password: String?
    }
    struct UpdateInput: StrictInput, Content {
        static let fields: Set<String> = ["displayName", "phone", "role", "orgNodeID", "active"]
        var displayName: String?
        var phone: String?
        var role: Role?
        var orgNodeID: Int?
        var active: Bool?
    }

    static func snapshot(_ u: User, on db: Database) async throws -> Snapshot {
        let shares = try await ScopeShare.query(on: db).filter(\.$userID == u.id!).all().map(\.orgNodeID).sorted()
        return Snapshot(
            username: u.username, displayName: u.displayName, role: u.role, orgNodeID: u.orgNodeID, active: u.active,
            shares: shares)
    }

    static func list(_ caller: Caller) async throws -> [User] {
        let v = try await caller.require(.manageAccounts)
        let ids = try await OrgQueries.nodesInScope(v.scope, includeArchived: true, on: caller.db).compactMap(\.id)
        return try await User.query(on: caller.db).filter(\.$orgNodeID ~~ ids).sort(\.$username).all()
    }

    static func find(_ id: Int, _ caller: Caller, forChange: Bool) async throws -> User {
        try await target(id, caller, forChange: forChange).user
    }

    /// An account an administrator names, with its node. Outside the administrator's scope it is a logged 404 to read
    /// and a logged 403 to change. To change it, its role must also be one the administrator could grant (the role
    /// ceiling: no stronger than their own), or it is a logged 403 — whatever the change, unlocking and sharing too.
    static func target(_ id: Int, _ caller: Caller, forChange: Bool) async throws -> (user: User, node: OrgNode) {
        let v = try await caller.require(.manageAccounts)
        guard let u = try await User.find(id, on: caller.db),
            let node = try await OrgNode.find(u.orgNodeID, on: caller.db)
        else { throw AppError.notFound() }
        guard v.scope.includes(node.treePath) else {
            throw forChange
                ? await caller.forbidden("change account \(id)", scopePath: node.path)
                : await caller.outOfScope("account \(id)", scopePath: node.path)
        }
        if forChange, !v.role.canGrant(u.role) {
            let detail = "change account \(id) with the stronger role \(u.role.rawValue)"
            throw await caller.forbidden(detail, scopePath: node.path)
        }
        return (u, node)
    }

    static func out(_ users: [User], _ caller: Caller) async throws -> [AccountOut] {
        let ids = Array(Set(users.map(\.orgNodeID)))
        let names =
            ids.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await OrgNode.query(on: caller.db).filter(\.$id ~~ ids).all().map {
                    ($0.id!, $0.name)
                })
        let uids = users.compactMap(\.id)
        let shares = uids.isEmpty ? [] : try await ScopeShare.query(on: caller.db).filter(\.$userID ~~ uids).all()
        let now = caller.now
        return users.map { u in
            AccountOut(
                id: u.id!, username: u.username, displayName: u.displayName, phone: u.phone.map(Masking.phone),
                role: u.role,
                orgNodeID: u.orgNodeID, orgNodeName: names[u.orgNodeID],
                personID: u.personID,
                active: u.active, locked: (u.lockedUntil ?? .distantPast) > now,
                sharedNodeIDs: shares.filter { $0.userID == u.id }.map(\.orgNodeID).sorted())
        }
    }

    static func checkRole(_ role: Role, _ caller: Caller) async throws {
        let v = try caller.requireViewer()
        guard v.role.canGrant(role) else { throw await caller.forbidden("grant role \(role.rawValue)") }
    }

    static func create(_ caller: Caller, _ input: CreateInput) async throws -> User {
        try await caller.require(.manageAccounts)
        var problems: [String: String] = [:]
        let username = input.username?.trimmingWhitespace() ?? ""
        if username.count < 3 || username.count > 40
            || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        {
            problems["username"] = "error.username"
        }
        let name = input.displayName?.trimmingWhitespace() ?? ""
        if name.isEmpty || name.count > 50 { problems["displayName"] = "error.name.empty" }
        var phone: String?
        if let raw = input.phone, !raw.trimmingWhitespace().isEmpty {
            do throws(MobileNumber.Invalid) { phone = try MobileNumber(raw).value } catch {
                problems["phone"] = error.messageKey
            }
        }
        do { try PasswordPolicy.check(input.password ?? "") } catch { problems["password"] = error.messageKey }
        if input.role == nil { problems["role"] = "error.role" }
        if input.orgNodeID == nil { problems["orgNodeId"] = "error.org.required" }
        if let e = AppError.fields(problems) { throw e }
        try await checkRole(input.role!, caller)
        let node = try await OrgQueries.findForChange(input.orgNodeID!, caller, field: "orgNodeId")
        if node.archived { throw AppError.invalid(.errorTreeArchived, field: "orgNodeId") }
        if let pid = input.personID { _ = try await PeopleService.find(pid, caller) }
        if try await User.query(on: caller.db).group(
            .or,
            { g in
                g.filter(\.$username == username)
                if let phone { g.filter(\.$phone == phone) }
            }
        ).count() > 0 {
            throw AppError.conflict(.errorUsernameTaken)
        }
        let hash = try await caller.application.password.async.hash(input.password!)
        let user = User(
            username: username, phone: phone, displayName: name, passwordHash: hash, role: input.role!,
            orgNodeID: node.id!, personID: input.personID)
        try await caller.db.writing { db in
            try await user.create(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .create, entity: .user, id: user.id!, label: user.username,
                scopePath: node.path, before: nil as Snapshot?, after: try await snapshot(user, on: db))
        }
        return user
    }

    static func update(_ caller: Caller, id: Int, _ input: UpdateInput) async throws -> User {
        let user = try await find(id, caller, forChange: true)
        let v = try caller.requireViewer()
        if user.id == v.user.id && (input.role != nil || input.active == false || input.orgNodeID != nil) {
            throw AppError.conflict(.errorAccountSelf)
        }
        let before = try await snapshot(user, on: caller.db)
        if let n = input.displayName {
            let t = n.trimmingWhitespace()
            if t.isEmpty || t.count > 50 { throw AppError.invalid(.errorNameEmpty, field: "displayName") }
            user.displayName = t
        }
        if let raw = input.phone {
            if raw.trimmingWhitespace().isEmpty {
                user.phone = nil
            } else {
                do throws(MobileNumber.Invalid) { user.phone = try MobileNumber(raw).value } catch {
                    throw AppError.invalid(key: error.messageKey, field: "phone")
                }
            }
        }
        if let r = input.role {
            try await checkRole(r, caller)
            user.role = r
        }
        if let n = input.orgNodeID {
            let node = try await OrgQueries.findForChange(n, caller, field: "orgNodeId")
            if node.archived { throw AppError.invalid(.errorTreeArchived, field: "orgNodeId") }
            user.orgNodeID = node.id!
        }
        if let a = input.active { user.active = a }
        let scopePath = try await OrgNode.find(user.orgNodeID, on: caller.db)?.path ?? v.node.path
        try await caller.db.writing { db in
            try await user.save(on: db)
            // Disabling ends every sign-in, so enabling again does not bring old sessions back.
            if before.active, !user.active { try await SignIns.endAll(userID: id, on: db) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .user, id: id, label: user.username,
                scopePath: scopePath,
                before: before, after: try await snapshot(user, on: db))
        }
        return user
    }

    static func unlock(_ caller: Caller, id: Int) async throws -> User {
        let (user, node) = try await target(id, caller, forChange: true)
        let before = try await snapshot(user, on: caller.db)
        user.failedLogins = 0
        user.lockedUntil = nil
        try await caller.db.writing { db in
            try await user.save(on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .update, entity: .user, id: id,
                label: user.username + " unlock",
                scopePath: node.path, before: before, after: try await snapshot(user, on: db))
        }
        return user
    }

    /// A new password set by an administrator ends every page session and token of the account. One's own password
    /// is changed with the current one (`/account`, `/api/v1/me/password`), not here.
    static func resetPassword(_ caller: Caller, id: Int, password: String) async throws {
        let (user, node) = try await target(id, caller, forChange: true)
        if user.id == caller.viewer?.user.id { throw AppError.conflict(.errorAccountSelfPassword) }
        do { try PasswordPolicy.check(password) } catch {
            throw AppError.invalid(key: error.messageKey, field: "newPassword")
        }
        let hash = try await caller.application.password.async.hash(password)
        try await caller.db.writing { db in
            user.passwordHash = hash
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: db)
            try await SignIns.endAll(userID: id, on: db)
            try await Audit.record(
                on: db, by: caller.viewer, at: caller.now, .passwordChange, entity: .user, id: id,
                label: user.username,
                scopePath: node.path, before: nil as String?, after: nil as String?)
        }
    }

    /// Shares a subtree in the administrator's scope with the account, or stops sharing it. The node is checked
    /// against the administrator's scope (a logged 403 outside it, 404 when there is none); sharing twice changes
    /// nothing, stopping a share that does not exist is a 404.
    static func share(_ caller: Caller, id: Int, nodeID: Int, add: Bool) async throws -> User {
        let user = try await find(id, caller, forChange: true)
        guard nodeID > 0 else { throw AppError.notFound() }
        let node = try await OrgQueries.findForChange(nodeID, caller)
        if add {
            if user.role == .resident || user.role == .partyMember {
                throw AppError.invalid(.errorShareSelfOnly, field: "orgNodeId")
            }
            if node.archived { throw AppError.invalid(.errorTreeArchived, field: "orgNodeId") }
        }
        let before = try await snapshot(user, on: caller.db)
        let changed: Bool
        do {
            changed = try await caller.db.writing { db -> Bool in
                let existing = try await ScopeShare.query(on: db).filter(\.$userID == id)
                    .filter(\.$orgNodeID == node.id!).first()
                if add {
                    if existing != nil { return false }
                    try await ScopeShare(userID: id, orgNodeID: node.id!).create(on: db)
                } else {
                    guard let existing else { return false }
                    try await existing.delete(on: db)
                }
                try await Audit.record(
                    on: db, by: caller.viewer, at: caller.now, .update, entity: .user, id: id, label: user.username,
                    scopePath: node.path, before: before, after: try await snapshot(user, on: db))
                return true
            }
        } catch let e as any DatabaseError where add && e.isConstraintFailure {
            changed = false  // the same share, added at the same moment by another request (unique on user and node)
        }
        if !add, !changed { throw AppError.notFound(.errorShareNone) }
        return user
    }
}
