import Fluent
import SQLKit

/// The audit and access logs refuse UPDATE and DELETE in the database itself, not only by the absence of routes.
struct MakeLogsAppendOnly: AsyncMigration {
    var name: String { "013_make_logs_append_only" }
    static let tables = [AuditEntry.schema, AccessLogEntry.schema, RequestEvent.schema]

    func prepare(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for table in Self.tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("""
                    CREATE OR REPLACE FUNCTION gongzhi_append_only() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION 'append-only table'; END; $$ LANGUAGE plpgsql
                    """).run()
                try await sql.raw("CREATE TRIGGER \(ident: table + "_append_only") BEFORE UPDATE OR DELETE ON \(ident: table) FOR EACH ROW EXECUTE FUNCTION gongzhi_append_only()").run()
            } else {
                for op in ["UPDATE", "DELETE"] {
                    try await sql.raw("CREATE TRIGGER \(ident: table + "_no_" + op.lowercased()) BEFORE \(unsafeRaw: op) ON \(ident: table) BEGIN SELECT RAISE(ABORT, 'append-only table'); END").run()
                }
            }
        }
    }

    func revert(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for table in Self.tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_append_only") ON \(ident: table)").run()
            } else {
                for op in ["update", "delete"] { try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_no_" + op)").run() }
            }
        }
    }
}
