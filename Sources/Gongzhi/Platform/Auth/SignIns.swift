import Fluent
import SQLKit
import Vapor

/// Everything that keeps an account signed in: its page sessions (records in `_fluent_sessions`, whose JSON data
/// names the account as `uid`) and its bearer tokens.
enum SignIns {
    /// Ends every page session and every bearer token of an account: after a password change or reset, or when the
    /// account is disabled. Call it with the `db` of the change's transaction, so both happen or neither.
    static func endAll(userID: Int, on db: any Database) async throws {
        try await APIToken.query(on: db).filter(\.$userID == userID).filter(\.$revoked == false)
            .set(\.$revoked, to: true).update()
        // `->>` reads a JSON member as text on both engines (SQLite 3.38+, PostgreSQL 9.3+); Vapor keeps session
        // data as a JSON object of strings.
        try await db.sql().raw(
            """
            DELETE FROM \(ident: SessionRecord.schema) WHERE \(ident: "data") ->> 'uid' = \(bind: String(userID))
            """
        ).run()
    }

    /// Keeps the device that made a change signed in under a new session id: the old record went with `endAll`,
    /// and with no id the sessions middleware stores the session's data under a fresh one and sets its cookie.
    /// The CSRF token is renewed with it.
    static func renewCurrentSession(_ req: Request) {
        req.session.id = nil
        req.session.data["csrf"] = nil
        req.session.data["seen"] = String(Int(req.clock.now.timeIntervalSince1970))
    }
}
