import Fluent
import Vapor

/// An account. Bound to one node of the tree; its role says what it may do there.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "org_node_id") var orgNodeID: Int
    @OptionalField(key: "person_id") var personID: Int?
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "locale") var locale: String?
    @Field(key: "active") var active: Bool
    /// Notifications as a daily digest instead of one by one.
    @OptionalField(key: "digest") var digest: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        username: String, phone: String?, displayName: String, passwordHash: String, role: Role, orgNodeID: Int,
        personID: Int? = nil
    ) {
        self.username = username
        self.phone = phone
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.orgNodeID = orgNodeID
        self.personID = personID
        self.failedLogins = 0
        self.active = true
    }
}

/// A subtree shared with a user beyond their own node (e.g. a command-centre operator given a second street).
final class ScopeShare: Model, @unchecked Sendable {
    static let schema = "scope_shares"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "org_node_id") var orgNodeID: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    init(userID: Int, orgNodeID: Int) {
        self.userID = userID
        self.orgNodeID = orgNodeID
    }
}

/// A bearer token for the API. Only its SHA-256 is stored.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "last_used_at") var lastUsedAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "revoked") var revoked: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
    init(userID: Int, tokenHash: String, now: Date, expiresAt: Date) {
        self.userID = userID
        self.tokenHash = tokenHash
        self.lastUsedAt = now
        self.expiresAt = expiresAt
        self.revoked = false
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

struct CreateAccounts: AsyncMigration {
    var name: String { "002_create_accounts" }
    func prepare(on db: Database) async throws {
        try await db.schema(User.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("phone", .string)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("person_id", .int)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("locale", .string)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .unique(on: "phone")
            .create()
        try await db.schema(ScopeShare.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "user_id", "org_node_id")
            .create()
        try await db.schema(APIToken.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema(APIToken.schema).delete()
        try await db.schema(ScopeShare.schema).delete()
        try await db.schema(User.schema).delete()
    }
}

extension AuditKind {
    static let user = AuditKind("user")
}
