import Fluent
import SQLKit

/// How a table's rows hang on the tree: the columns that copy a node's path (for scope), the columns that name a
/// node, and, for rows that copy their grid's path, the column naming the grid.
///
/// A table that copies a path or names a node registers in `TreePaths.tables`; moves, merges and grid changes
/// rewrite every registered table in the change's transaction, so the next capability cannot forget one.
/// `TreePathsTests` reads the schema and fails for a `path`, `*_path` or `*_node_id` column that is not registered.
struct TreePathTable: Sendable {
    let table: String
    /// Copies of a node's path ("/1/4/17/"): rewritten by prefix when a subtree moves.
    var pathColumns: [String] = []
    /// Ids of nodes: they follow to the target when their node is merged.
    var nodeColumns: [String] = []
    /// Rows that copy their grid's path follow the grid (by this column) when it changes community or branch.
    var gridColumn: String?
    /// The column naming the grid's community, kept in step when a grid changes community.
    var gridCommunityColumn: String?
}

/// A column that names a node but must not follow a merge, with the reason.
struct NotMerged: Sendable {
    let table: String
    let column: String
    let reason: String
}

enum TreePaths {
    /// Every table that copies a tree path or names a node: the platform's, then each capability's (its manifest's
    /// `treePaths`).
    static let tables: [TreePathTable] =
        [
            OrgNode.treePaths, User.treePaths, ScopeShare.treePaths, ImportBatch.treePaths, AuditEntry.treePaths,
            AccessLogEntry.treePaths,
        ] + Capability.all.flatMap(\.treePaths)

    /// Columns that name a node but must not follow a merge, with the reason.
    static let notMerged: [NotMerged] = Capability.all.flatMap(\.notMerged)

    /// A subtree moved from `from` to `to`: every copied path under `from` now lies under `to`.
    static func rebase(from: TreePath, to: TreePath, on db: Database, skipping skipped: Set<String> = []) async throws
    {
        let sql = try db.sql()
        let start = from.value.count + 1
        let pattern = from.value + "%"
        for t in tables where !skipped.contains(t.table) {
            for column in t.pathColumns {
                try await sql.raw(
                    """
                    UPDATE \(ident: t.table)
                    SET \(ident: column) = CAST(\(bind: to.value) AS TEXT)
                        || substr(\(ident: column), CAST(\(bind: start) AS INTEGER))
                    WHERE \(ident: column) LIKE \(bind: pattern)
                    """
                ).run()
            }
        }
    }

    /// A node merged into another (its children already moved): what hung on it now hangs on the target.
    static func merge(_ source: OrgNode, into target: OrgNode, on db: Database) async throws {
        let sql = try db.sql()
        guard let sourceID = source.id, let targetID = target.id else { return }
        // The archived node keeps its own path and row; everything else copied from it moves.
        try await rebase(from: source.treePath, to: target.treePath, on: db, skipping: [OrgNode.schema])
        for t in tables {
            for column in t.nodeColumns
            where !notMerged.contains(where: { $0.table == t.table && $0.column == column }) {
                try await sql.raw(
                    """
                    UPDATE \(ident: t.table) SET \(ident: column) = \(bind: targetID)
                    WHERE \(ident: column) = \(bind: sourceID)
                    """
                ).run()
            }
        }
    }

    /// A grid moved to another branch or community: the rows that copy its path (and name its community) follow.
    static func moveGrid(_ gridID: Int, toPath path: String, community: Int, on db: Database) async throws {
        let sql = try db.sql()
        for t in tables {
            guard let gridColumn = t.gridColumn else { continue }
            for column in t.pathColumns {
                try await sql.raw(
                    """
                    UPDATE \(ident: t.table) SET \(ident: column) = \(bind: path)
                    WHERE \(ident: gridColumn) = \(bind: gridID)
                    """
                ).run()
            }
            if let c = t.gridCommunityColumn {
                try await sql.raw(
                    """
                    UPDATE \(ident: t.table) SET \(ident: c) = \(bind: community)
                    WHERE \(ident: gridColumn) = \(bind: gridID)
                    """
                ).run()
            }
        }
    }
}

extension OrgNode {
    /// Children follow by `parent_id` when their parent moves; the merged node keeps its own row.
    static let treePaths = TreePathTable(table: schema, pathColumns: ["path"])
}

extension User {
    static let treePaths = TreePathTable(table: schema, nodeColumns: ["org_node_id"])
}

extension ScopeShare {
    static let treePaths = TreePathTable(table: schema, nodeColumns: ["org_node_id"])
}

extension ImportBatch {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["scope_path"])
}

extension AuditEntry {
    /// The scope path says who may read an entry, not what happened: it follows the node (see DECISIONS.md).
    static let treePaths = TreePathTable(table: schema, pathColumns: ["scope_path"])
}

extension AccessLogEntry {
    static let treePaths = TreePathTable(table: schema, pathColumns: ["scope_path"])
}
