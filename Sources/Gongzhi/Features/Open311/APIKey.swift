import Fluent
import Vapor

/// A key an Open311 client sends as `api_key`. Only its SHA-256 is kept; administrators issue and revoke keys.
final class APIKey: Model, @unchecked Sendable {
    static let schema = "api_keys"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "created_by") var createdBy: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}

    /// The demo district's key, printed in the README.
    static let demoKey = "gongzhi-demo-open311-key"
}

struct CreateAPIKeys: AsyncMigration {
    var name: String { "009_create_api_keys" }
    func prepare(on db: Database) async throws {
        try await db.schema(APIKey.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required).field("key_hash", .string, .required).field("active", .bool, .required)
            .field("created_by", .int).field("created_at", .datetime).field("revoked_at", .datetime)
            .unique(on: "key_hash").create()
    }
    func revert(on db: Database) async throws { try await db.schema(APIKey.schema).delete() }
}

enum APIKeysAPI {
    struct KeyOut: Content {
        let id: Int
        let name: String
        let active: Bool
        let createdAt: Date?
        let key: String?
    }
    struct CreateInput: StrictInput {
        static let fields: Set<String> = ["name"]
        let name: String
    }

    static func register(_ api: RoutesBuilder) {
        api.get(Open311Route.apiKeys, use: list)
        api.post(Open311Route.apiKeys, use: create)
        api.post(Open311Route.apiKeyRevoke(.key), use: revoke)
    }

    @Sendable static func list(_ req: Request) async throws -> [KeyOut] {
        try await req.require(.manageAccounts)
        return try await APIKey.query(on: req.db).sort(\.$id).all().map {
            KeyOut(id: $0.id!, name: $0.name, active: $0.active, createdAt: $0.createdAt, key: nil)
        }
    }

    /// The key is shown once, at creation.
    @Sendable static func create(_ req: Request) async throws -> Response {
        try await create(req.caller, try req.decodeStrict(CreateInput.self)).encodeResponse(status: .created, for: req)
    }

    static func create(_ caller: Caller, _ input: CreateInput) async throws -> KeyOut {
        let v = try await caller.requireDistrictSettings("API key")
        let name = try TreeRules.validName(input.name)
        let raw = "gz_" + [UInt8].random(count: 24).base64URL
        let k = APIKey()
        k.name = name
        k.keyHash = APIToken.hash(raw)
        k.active = true
        k.createdBy = v.user.id
        try await caller.db.writing { db in
            try await k.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .apiKey, id: k.id!, label: name,
                scopePath: v.node.path,
                before: nil as String?, after: ["name": name])
        }
        return KeyOut(id: k.id!, name: name, active: true, createdAt: k.createdAt, key: raw)
    }

    @Sendable static func revoke(_ req: Request) async throws -> KeyOut {
        try await revoke(req.caller, id: try req.intParameter("id"))
    }

    static func revoke(_ caller: Caller, id: Int) async throws -> KeyOut {
        let v = try await caller.requireDistrictSettings("API key")
        guard let k = try await APIKey.find(id, on: caller.db) else { throw AppError.notFound() }
        guard k.active else { throw AppError.conflict(.errorApiKeyRevoked) }
        try await caller.db.writing { db in
            k.active = false
            k.revokedAt = caller.now
            try await k.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .apiKey, id: k.id!, label: k.name,
                scopePath: v.node.path,
                before: ["active": "true"], after: ["active": "false"])
        }
        return KeyOut(id: k.id!, name: k.name, active: false, createdAt: k.createdAt, key: nil)
    }
}
