import Fluent
import SQLKit
import Vapor

enum OrgQueries {
    static func ancestors(of node: OrgNode, on db: Database) async throws -> [OrgNode] {
        let ids = Array(node.treePath.ids.dropLast())
        guard !ids.isEmpty else { return [] }
        let found = try await OrgNode.query(on: db).filter(\.$id ~~ ids).all()
        return ids.compactMap { id in found.first { $0.id == id } }
    }

    /// The community committee a node is or lies in (nil above communities and off the territorial tree).
    static func community(of node: OrgNode, on db: Database) async throws -> OrgNode? {
        if node.kind == .communityCommittee { return node }
        return try await ancestors(of: node, on: db).last { $0.kind == .communityCommittee }
    }

    /// Names of nodes by id (archived ones too: a record keeps naming where it was).
    static func names(_ ids: [Int], on db: Database) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for n in try await OrgNode.query(on: db).filter(\.$id ~~ chunk).all() { out[n.id!] = n.name }
        }
        return out
    }

    /// The node if it lies in the viewer's scope; a logged 404 if it exists elsewhere.
    static func findInScope(_ id: Int, _ caller: Caller) async throws -> OrgNode {
        try await caller.scoped(OrgNode.self, id)
    }

    /// For a change: in scope, or a logged 403 (404 when it does not exist at all).
    static func findForChange(_ id: Int, _ caller: Caller) async throws -> OrgNode {
        try await caller.scoped(OrgNode.self, id, for: .change)
    }

    /// A node named in a body (a parent, a target, a location): a field problem when missing or out of scope.
    static func findForChange(_ id: Int, _ caller: Caller, field: String) async throws -> OrgNode {
        try await caller.scoped(OrgNode.self, id, for: .change, field: field)
    }

    static func nodesInScope(_ scope: DataScope, includeArchived: Bool = false, on db: Database) async throws
        -> [OrgNode]
    {
        let q = OrgNode.query(on: db).inScope(scope, \.$path)
        if !includeArchived { q.filter(\.$archived == false) }
        // Tree order: a parent before its children, siblings by when they were made (paths compared by number,
        // so /1/10/ does not come before /1/2/).
        return try await q.all().sorted { $0.treePath.ids.lexicographicallyPrecedes($1.treePath.ids) }
    }

    /// The nodes of a scope for a picker: in tree order, each name indented by its depth below the scope's top.
    static func pickerChoices(_ scope: DataScope, on db: Database) async throws -> [(id: Int, name: String)] {
        let nodes = try await nodesInScope(scope, on: db)
        let top = nodes.map { $0.treePath.ids.count }.min() ?? 0
        return nodes.map { n in
            (n.id!, String(repeating: "　", count: max(0, n.treePath.ids.count - top)) + n.name)
        }
    }

    /// Active party members in each node's subtree, counted in one grouped query.
    static func memberCounts(for nodes: [OrgNode], on db: Database) async throws -> [Int: Int] {
        guard let sql = db as? SQLDatabase else { return [:] }
        struct Row: Decodable {
            enum CodingKeys: String, CodingKey {
                case orgNodeID = "org_node_id"
                case n
            }
            let orgNodeID: Int
            let n: Int
        }
        let rows = try await sql.raw(
            """
            SELECT org_node_id, COUNT(*) AS n FROM people
            WHERE is_party_member = \(bind: true) AND archived = \(bind: false) GROUP BY org_node_id
            """
        ).all(decoding: Row.self)
        let wanted = Set(nodes.compactMap(\.id))
        let pathOf = Dictionary(
            uniqueKeysWithValues: try await OrgNode.query(on: db).field(\.$id).field(\.$path).all().map {
                ($0.id!, $0.path)
            })
        var totals: [Int: Int] = [:]
        for row in rows {
            guard let path = pathOf[row.orgNodeID] else { continue }
            for id in TreePath(path).ids where wanted.contains(id) { totals[id, default: 0] += row.n }
        }
        return totals
    }
}
