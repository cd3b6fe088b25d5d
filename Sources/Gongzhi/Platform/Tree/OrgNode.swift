import Fluent
import Vapor

/// A node of the party organisation tree (党组织). Never deleted: archived, or merged with a pointer.
final class OrgNode: Model, @unchecked Sendable {
    static let schema = "org_nodes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: OrgNodeKind
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @OptionalField(key: "parent_id") var parentID: Int?
    @Field(key: "path") var path: String
    @Field(key: "archived") var archived: Bool
    @OptionalField(key: "merged_into_id") var mergedIntoID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(kind: OrgNodeKind, name: String, code: String, parentID: Int?) {
        self.kind = kind
        self.name = name
        self.code = code
        self.parentID = parentID
        self.path = ""
        self.archived = false
    }

    var treePath: TreePath { TreePath(path) }
    var facts: NodeFacts { NodeFacts(id: id ?? 0, kind: kind, path: treePath, archived: archived) }

    /// What the audit log keeps of a node, before and after a change.
    struct Snapshot: Codable, Sendable {
        let name: String
        let code: String
        let kind: String
        let parentID: Int?
        let path: String
        let archived: Bool
        let mergedIntoID: Int?
    }
    var snapshot: Snapshot {
        Snapshot(
            name: name, code: code, kind: kind.rawValue, parentID: parentID, path: path, archived: archived,
            mergedIntoID: mergedIntoID)
    }
}

struct CreateOrgNodes: AsyncMigration {
    var name: String { "001_create_org_nodes" }
    func prepare(on db: Database) async throws {
        try await db.schema(OrgNode.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("parent_id", .int, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("archived", .bool, .required)
            .field("merged_into_id", .int, .references(OrgNode.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.createIndex(table: OrgNode.schema, column: "path")
        try await db.createIndex(table: OrgNode.schema, column: "parent_id")
    }
    func revert(on db: Database) async throws { try await db.schema(OrgNode.schema).delete() }
}

extension AuditKind {
    static let orgNode = AuditKind("org_node")
}
