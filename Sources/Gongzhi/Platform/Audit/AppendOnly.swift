import Fluent
import SQLKit

/// The audit and access logs refuse UPDATE and DELETE in the database itself, not only by the absence of routes.
struct MakeLogsAppendOnly: AsyncMigration {
    var name: String { "013_make_logs_append_only" }
    /// A migration that has run is history: the table names are written out (request_events is Requests').
    static let tables = [AuditEntry.schema, AccessLogEntry.schema, "request_events"]

    func prepare(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for table in Self.tables {
            if sql.dialect.name == "postgresql" {
                try await sql.raw(
                    """
                    CREATE OR REPLACE FUNCTION gongzhi_append_only() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION 'append-only table'; END; $$ LANGUAGE plpgsql
                    """
                ).run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: table + "_append_only") BEFORE UPDATE OR DELETE ON \(ident: table) FOR \
                    EACH ROW EXECUTE FUNCTION gongzhi_append_only()
                    """
                ).run()
            } else {
                for op in ["UPDATE", "DELETE"] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(ident: table + "_no_" + op.lowercased()) BEFORE \(unsafeRaw: op) ON \
                        \(ident: table) BEGIN SELECT RAISE(ABORT, 'append-only table'); END
                        """
                    ).run()
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
                for op in ["update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_no_" + op)").run()
                }
            }
        }
    }
}

/// The audit and access logs keep refusing every change but one: their `scope_path`, which says who may read a
/// row, follows the node when it moves or merges (`TreePaths`). What happened, who and when stay as written.
struct LetLogScopeFollowTheTree: AsyncMigration {
    var name: String { "014_log_scope_follows_the_tree" }
    static let tables = [AuditEntry.schema, AccessLogEntry.schema]

    func prepare(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION gongzhi_append_only_but_scope() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'append-only table'; END IF;
                  IF (to_jsonb(NEW) - 'scope_path') IS DISTINCT FROM (to_jsonb(OLD) - 'scope_path') THEN
                    RAISE EXCEPTION 'append-only table';
                  END IF;
                  RETURN NEW;
                END; $$ LANGUAGE plpgsql
                """
            ).run()
            for table in Self.tables {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_append_only") ON \(ident: table)").run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: table + "_append_only") BEFORE UPDATE OR DELETE ON \(ident: table)
                    FOR EACH ROW EXECUTE FUNCTION gongzhi_append_only_but_scope()
                    """
                ).run()
            }
        } else {
            for table in Self.tables {
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                    .filter { $0 != "scope_path" }
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: table + "_no_update")").run()
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: table + "_no_update") BEFORE UPDATE OF \(unsafeRaw: list)
                    ON \(ident: table)
                    BEGIN SELECT RAISE(ABORT, 'append-only table'); END
                    """
                ).run()
            }
        }
    }

    func revert(on db: Database) async throws {}
}
