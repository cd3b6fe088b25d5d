import Fluent
import SQLKit

extension Database {
    /// Fluent's schema builder has no index API; plain SQL that both engines accept.
    func createIndex(table: String, column: String, unique: Bool = false) async throws {
        guard let sql = self as? SQLDatabase else { return }
        let name = "idx_\(table)_\(column)"
        try await sql.raw(
            """
            CREATE \(unsafeRaw: unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\
            \(ident: column))
            """
        ).run()
    }

    /// An index over several columns, named after them.
    func createIndex(table: String, columns: [String], unique: Bool = false) async throws {
        guard let sql = self as? SQLDatabase else { return }
        let name = "idx_\(table)_\(columns.joined(separator: "_"))"
        let list = SQLList(columns.map { SQLIdentifier($0) })
        try await sql.raw(
            """
            CREATE \(unsafeRaw: unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\
            \(list))
            """
        ).run()
    }
}

extension Database {
    /// The database as SQL. Both engines are SQL databases, so anything else is a configuration error (a 500), never
    /// a reason to skip quietly what the caller needed done.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? SQLDatabase else {
            throw AppError(status: .internalServerError, code: "internal", messageKey: "error.internal")
        }
        return sql
    }
}
