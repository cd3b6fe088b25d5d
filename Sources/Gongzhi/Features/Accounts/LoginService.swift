import Vapor
import Fluent

/// Login by username or mainland mobile number, with lockout after repeated failures.
enum LoginService {
    enum Outcome { case success(User), invalid, locked(until: Date) }

    static func findAccount(_ login: String, on db: Database) async throws -> User? {
        let text = login.trimmingWhitespace()
        if let phone = try? MobileNumber(text) {
            if let u = try await User.query(on: db).filter(\.$phone == phone.value).first() { return u }
        }
        return try await User.query(on: db).filter(\.$username == text).first()
    }

    static func attempt(login: String, password: String, request: Request) async throws -> Outcome {
        guard !login.isEmpty, !password.isEmpty, let user = try await findAccount(login, on: request.db), user.active else {
            await AccessLog.write(request, .loginFailed, detail: "unknown account", userName: String(login.prefix(50)))
            return .invalid
        }
        let now = Date()
        if let until = user.lockedUntil, until > now { return .locked(until: until) }
        let ok = (try? await request.password.async.verify(password, created: user.passwordHash)) ?? false
        if ok {
            if user.failedLogins != 0 || user.lockedUntil != nil {
                user.failedLogins = 0; user.lockedUntil = nil
                try await user.save(on: request.db)
            }
            return .success(user)
        }
        let next = LoginLockout.afterFailure(count: user.failedLogins, now: now.timeIntervalSince1970)
        user.failedLogins = next.count
        user.lockedUntil = next.lockedUntil.map { Date(timeIntervalSince1970: $0) }
        try await user.save(on: request.db)
        await AccessLog.write(request, next.lockedUntil == nil ? .loginFailed : .accountLocked,
                              detail: "wrong password", userName: user.username)
        if let until = user.lockedUntil { return .locked(until: until) }
        return .invalid
    }

    static func lockedMessage(_ request: Request, until: Date) -> String {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "HH:mm"
        return request.t("error.login.locked", f.string(from: until))
    }

    /// Checks the current password and the policy, stores the new hash and records the change.
    static func changePassword(_ request: Request, viewer: Viewer, current: String, new: String) async throws {
        guard (try? await request.password.async.verify(current, created: viewer.user.passwordHash)) == true else {
            throw AppError.invalid("error.password.current", field: "currentPassword")
        }
        do { try PasswordPolicy.check(new) } catch { throw AppError.invalid(error.messageKey, field: "newPassword") }
        if new == current { throw AppError.invalid("error.password.same", field: "newPassword") }
        let hash = try await request.password.async.hash(new)
        try await request.db.transaction { db in
            viewer.user.passwordHash = hash
            try await viewer.user.save(on: db)
            // Other sign-ins end with the old password.
            try await APIToken.query(on: db).filter(\.$userID == viewer.user.id!).set(\.$revoked, to: true).update()
            try await Audit.record(on: db, by: viewer, .passwordChange, entity: "user", id: viewer.user.id!,
                                   label: viewer.user.username, scopePath: viewer.node.path,
                                   before: nil as String?, after: nil as String?)
        }
    }
}
