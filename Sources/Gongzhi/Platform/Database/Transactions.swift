import Fluent
import SQLKit
import Vapor

/// SQLite as a server database (see docs/DECISIONS.md): WAL so readers never wait for the writer, a busy timeout
/// instead of an error (or a spin) when two writers meet, foreign keys on, and `synchronous = FULL` so a committed
/// change and its audit record survive a power cut. An in-memory database (the tests') has nothing to keep
/// through a power cut and skips the fsyncs.
enum SQLiteSettings {
    static let busyTimeoutMilliseconds = 10_000
    /// Per connection, set again by every write transaction in case the pool opened a new connection;
    /// `journal_mode` is kept in the file. `synchronous` is FULL unless set otherwise, which is SQLite's default.
    static let connectionPragmas = ["PRAGMA busy_timeout = \(busyTimeoutMilliseconds)", "PRAGMA foreign_keys = ON"]

    /// WAL for the file, and the pragmas on the connection each event loop keeps.
    static func apply(_ app: Application, durable: Bool) async throws {
        guard let sql = app.db as? SQLDatabase, sql.dialect.name == "sqlite" else { return }
        _ = try await sql.raw("PRAGMA journal_mode = WAL").all()
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(.sqlite, logger: app.logger, on: loop) else { continue }
            try await db.withConnection { conn in
                try await setPragmas(conn)
                guard let c = conn as? SQLDatabase else { return }
                _ = try await c.raw("PRAGMA synchronous = \(unsafeRaw: durable ? "FULL" : "OFF")").all()
            }
        }
    }

    static func setPragmas(_ db: any Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for pragma in connectionPragmas { _ = try await sql.raw("\(unsafeRaw: pragma)").all() }
    }
}

extension Database {
    /// A transaction that writes. On SQLite it takes the write lock at its start (`BEGIN IMMEDIATE`): Fluent's
    /// deferred `BEGIN` lets two transactions read and then both try to write, and one of them fails with
    /// "database is locked" however long the busy timeout. On PostgreSQL it is Fluent's transaction.
    func writing<T: Sendable>(_ closure: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = self as? SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(closure)
        }
        return try await withConnection { conn in
            guard let c = conn as? SQLDatabase else { return try await conn.transaction(closure) }
            try await SQLiteSettings.setPragmas(conn)
            try await c.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await closure(conn)
                try await c.raw("COMMIT").run()
                return result
            } catch {
                try? await c.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
