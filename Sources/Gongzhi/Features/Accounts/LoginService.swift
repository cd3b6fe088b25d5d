import Fluent
import SQLKit
import Vapor

/// Login by username or mainland mobile number, with lockout after repeated failures.
enum LoginService {
    enum Outcome {
        case success(User)
        case invalid
        case locked(until: Date)
    }

    static func findAccount(_ login: String, on db: Database) async throws -> User? {
        let text = login.trimmingWhitespace()
        if let phone = try? MobileNumber(text) {
            if let u = try await User.query(on: db).filter(\.$phone == phone.value).first() { return u }
        }
        return try await User.query(on: db).filter(\.$username == text).first()
    }

    /// Checks a password. The failure count changes only by one SQL statement each (see `Counter`), so a burst of
    /// simultaneous wrong passwords locks the account exactly as the same attempts one after another do; bcrypt runs
    /// on the application's thread pool, never on an event loop.
    static func attempt(login: String, password: String, caller: Caller) async throws -> Outcome {
        guard !login.isEmpty, !password.isEmpty, let user = try await findAccount(login, on: caller.db), user.active
        else {
            // The same bcrypt work as for a real account, so the answer's timing does not tell which accounts exist.
            if let dummy = caller.application.storage[DummyHashKey.self] {
                _ = try? await caller.application.password.async.verify(password, created: dummy)
            }
            await AccessLog.write(caller, .loginFailed, detail: "unknown account", userName: String(login.prefix(50)))
            return .invalid
        }
        if let until = user.lockedUntil, until > caller.now { return .locked(until: until) }
        let ok = (try? await caller.application.password.async.verify(password, created: user.passwordHash)) ?? false
        let now = caller.now
        if ok {
            // Even the right password is refused once a concurrent failure has locked the account.
            if let until = try await Counter.succeed(userID: user.id!, now: now, on: caller.db) {
                return .locked(until: until)
            }
            user.failedLogins = 0
            user.lockedUntil = nil
            return .success(user)
        }
        switch try await Counter.fail(userID: user.id!, now: now, on: caller.db) {
        case .counted:
            await AccessLog.write(caller, .loginFailed, detail: "wrong password", userName: user.username)
            return .invalid
        case .lockedNow(let until):
            await AccessLog.write(caller, .accountLocked, detail: "wrong password", userName: user.username)
            return .locked(until: until)
        case .alreadyLocked(let until):
            // Another attempt locked it while this one was checking; answered as if it had come after.
            return .locked(until: until)
        }
    }

    /// A hash of nothing, made at start with the configured cost.
    struct DummyHashKey: StorageKey { typealias Value = String }

    /// The failure count and lock of an account, changed only by single SQL statements that read and write the row
    /// at once (`UPDATE … RETURNING`, on SQLite and PostgreSQL alike): no read-modify-write that concurrent attempts
    /// could interleave. The rule is `LoginLockout`: the fifth failure in a row locks the account and resets the
    /// count.
    enum Counter {
        enum Failure: Equatable {
            case counted
            case lockedNow(until: Date)
            case alreadyLocked(until: Date)
        }

        static func fail(userID: Int, now: Date, on db: any Database) async throws -> Failure {
            let sql = try db.sql()
            let max = LoginLockout.maxFailures
            let until = now.addingTimeInterval(LoginLockout.lockSeconds)
            // Both assignments read the row as it was before this statement.
            let row = try await sql.raw(
                """
                UPDATE \(ident: User.schema) SET
                  \(ident: "failed_logins") = CASE WHEN \(ident: "failed_logins") + 1 >= \(bind: max) THEN 0
                    ELSE \(ident: "failed_logins") + 1 END,
                  \(ident: "locked_until") = CASE WHEN \(ident: "failed_logins") + 1 >= \(bind: max)
                    THEN \(bind: until)
                    ELSE \(ident: "locked_until") END
                WHERE \(ident: "id") = \(bind: userID)
                  AND (\(ident: "locked_until") IS NULL OR \(ident: "locked_until") <= \(bind: now))
                RETURNING \(ident: "failed_logins"), \(ident: "locked_until")
                """
            ).first()
            guard let row else { return .alreadyLocked(until: try await lockedUntil(userID: userID, on: db) ?? until) }
            if try row.decode(column: "failed_logins", as: Int.self) == 0,
                let locked = try row.decode(column: "locked_until", as: Date?.self), locked > now
            {
                return .lockedNow(until: locked)
            }
            return .counted
        }

        /// Clears the count after the right password, unless the account is locked by now: then the lock's end.
        static func succeed(userID: Int, now: Date, on db: any Database) async throws -> Date? {
            let sql = try db.sql()
            let row = try await sql.raw(
                """
                UPDATE \(ident: User.schema) SET \(ident: "failed_logins") = 0, \(ident: "locked_until") = NULL
                WHERE \(ident: "id") = \(bind: userID)
                  AND (\(ident: "locked_until") IS NULL OR \(ident: "locked_until") <= \(bind: now))
                RETURNING \(ident: "id")
                """
            ).first()
            if row != nil { return nil }
            return try await lockedUntil(userID: userID, on: db) ?? now.addingTimeInterval(LoginLockout.lockSeconds)
        }

        private static func lockedUntil(userID: Int, on db: any Database) async throws -> Date? {
            try await User.find(userID, on: db)?.lockedUntil
        }
    }

    /// The time a lock ends, as the lock message shows it (Asia/Shanghai).
    static func lockedTime(_ until: Date) -> String {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "HH:mm"
        return f.string(from: until)
    }

    static func lockedMessage(_ caller: Caller, until: Date) -> String {
        caller.t(.errorLoginLocked, lockedTime(until))
    }

    /// Checks the current password and the policy, stores the new hash, ends every sign-in of the account and records
    /// the change.
    static func changePassword(_ caller: Caller, viewer: Viewer, current: String, new: String) async throws {
        guard (try? await caller.application.password.async.verify(current, created: viewer.user.passwordHash)) == true
        else {
            throw AppError.invalid(.errorPasswordCurrent, field: "currentPassword")
        }
        do { try PasswordPolicy.check(new) } catch {
            throw AppError.invalid(key: error.messageKey, field: "newPassword")
        }
        if new == current { throw AppError.invalid(.errorPasswordSame, field: "newPassword") }
        let hash = try await caller.application.password.async.hash(new)
        try await caller.db.writing { db in
            viewer.user.passwordHash = hash
            try await viewer.user.save(on: db)
            // Every sign-in made with the old password ends: all page sessions and all tokens, this one's too.
            // A page that made the change gets a fresh session from its handler (`SignIns.renewCurrentSession`).
            try await SignIns.endAll(userID: viewer.user.id!, on: db)
            try await Audit.record(
                on: db, by: viewer, at: caller.now, .passwordChange, entity: .user, id: viewer.user.id!,
                label: viewer.user.username, scopePath: viewer.node.path,
                before: nil as String?, after: nil as String?)
        }
    }
}
