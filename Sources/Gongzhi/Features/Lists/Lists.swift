import Fluent
import SQLKit
import Vapor

/// 需求 / 问题: a need or a problem on the lists, with where it came from. Its status is never stored: it is
/// derived from the active claims against `quantity` (`ListRules.status`).
final class ListItem: Model, @unchecked Sendable {
    static let schema = "list_items"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "kind") var kind: ListItemKind
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    @Field(key: "category") var category: ServiceCategory
    /// How many services, places or people it takes (what claims count against).
    @Field(key: "quantity") var quantity: Int
    @Field(key: "community_node_id") var communityNodeID: Int
    @OptionalField(key: "grid_id") var gridID: Int?
    /// The grid's path when a grid is known, else the community's: grid staff see their grid's items.
    @Field(key: "path") var path: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    @OptionalField(key: "needed_from") var neededFrom: String?
    @OptionalField(key: "needed_until") var neededUntil: String?
    @Field(key: "origin") var origin: ListOrigin
    /// The request, visit or meeting it came from.
    @OptionalField(key: "origin_id") var originID: Int?
    @Field(key: "raised_by") var raisedBy: Int
    /// Residents see public items of their community; the raiser always sees their own.
    @Field(key: "is_public") var isPublic: Bool
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "close_note") var closeNote: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// 资源: what a unit, a member, a team, a department or the community offers, with its room and time window.
final class ListResource: Model, @unchecked Sendable {
    static let schema = "list_resources"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    @Field(key: "category") var category: ServiceCategory
    @Field(key: "offerer") var offerer: ResourceOfferer
    @OptionalField(key: "unit_id") var unitID: Int?
    @OptionalField(key: "person_id") var personID: Int?
    /// The community it is offered to, or nil when offered to a whole street (path is the street's).
    @OptionalField(key: "community_node_id") var communityNodeID: Int?
    @OptionalField(key: "grid_id") var gridID: Int?
    @Field(key: "path") var path: String
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lng") var lng: Double?
    @Field(key: "address") var address: String
    /// How many services, places or people it can give in all; claims take from it.
    @Field(key: "capacity") var capacity: Int
    @OptionalField(key: "available_from") var availableFrom: String?
    @OptionalField(key: "available_until") var availableUntil: String?
    /// When in the week or day (e.g. "周六上午").
    @Field(key: "hours") var hours: String
    @Field(key: "conditions") var conditions: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_phone") var contactPhone: String
    @OptionalField(key: "withdrawn_on") var withdrawnOn: String?
    @Field(key: "recorded_by") var recordedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A match or claim: a resource, a service team or a unit takes on part of a need. Withdrawn, never deleted.
final class ListClaim: Model, @unchecked Sendable {
    static let schema = "list_claims"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "item_id") var itemID: Int
    @OptionalField(key: "resource_id") var resourceID: Int?
    @OptionalField(key: "team_id") var teamID: Int?
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "quantity") var quantity: Int
    @Field(key: "note") var note: String
    @Field(key: "path") var path: String
    @Field(key: "claimed_by") var claimedBy: Int
    @Field(key: "claimed_at") var claimedAt: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdrawn_by") var withdrawnBy: Int?
    init() {}
}

/// "This new resource fits your need" (or the other way round), for the owner of the other side until they look.
final class ListAlert: Model, @unchecked Sendable {
    static let schema = "list_alerts"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "item_id") var itemID: Int
    @Field(key: "resource_id") var resourceID: Int
    /// True when the resource is the new side (the need's owner is told), false when the need is.
    @Field(key: "resource_is_new") var resourceIsNew: Bool
    @Field(key: "path") var path: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "seen_at") var seenAt: Date?
    init() {}
}

/// 行动项目: built from matched items, owned by a unit or the organisation, from proposal to closure.
final class ActionProject: Model, @unchecked Sendable {
    static let schema = "list_projects"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "category") var category: ServiceCategory
    @Field(key: "node_id") var nodeID: Int
    @Field(key: "path") var path: String
    @OptionalField(key: "owner_unit_id") var ownerUnitID: Int?
    @Field(key: "budget") var budget: Int
    @Field(key: "beneficiaries") var beneficiaries: Int
    /// Comma-separated `BeneficiaryGroup` values.
    @Field(key: "groups") var groups: String
    @Field(key: "state") var state: ProjectState
    @OptionalField(key: "started_on") var startedOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "evidence") var evidence: String?
    @OptionalField(key: "served") var served: Int?
    @OptionalField(key: "rating") var rating: Int?
    @OptionalField(key: "rating_note") var ratingNote: String?
    @Field(key: "created_by") var createdBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    var groupList: [BeneficiaryGroup] { groups.split(separator: ",").compactMap { .init(rawValue: String($0)) } }
}

/// What a project is built from: a need or problem, a resource, or both (a match), and partner units.
final class ProjectLink: Model, @unchecked Sendable {
    static let schema = "list_project_links"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @OptionalField(key: "item_id") var itemID: Int?
    @OptionalField(key: "resource_id") var resourceID: Int?
    @OptionalField(key: "partner_unit_id") var partnerUnitID: Int?
    @Field(key: "path") var path: String
    init() {}
}

final class ProjectMilestone: Model, @unchecked Sendable {
    static let schema = "list_project_milestones"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "title") var title: String
    @Field(key: "due") var due: String
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "path") var path: String
    init() {}
}

/// A resident's rating of a closed project that served a need they raised: once each, 1 to 5 stars.
final class ProjectRating: Model, @unchecked Sendable {
    static let schema = "list_project_ratings"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "user_id") var userID: Int
    @Field(key: "rating") var rating: Int
    @Field(key: "note") var note: String
    @Field(key: "at") var at: Date
    @Field(key: "path") var path: String
    init() {}
}

struct CreateProjectRatings: AsyncMigration {
    var name: String { "061_create_list_project_ratings" }
    func prepare(on db: Database) async throws {
        try await db.schema(ProjectRating.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(ActionProject.schema, .id))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("rating", .int, .required).field("note", .string, .required).field("at", .datetime, .required)
            .field("path", .string, .required)
            .unique(on: "project_id", "user_id")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(ProjectRating.schema).delete() }
}

/// A progress note, with up to three photos (cleaned of location metadata), or the closure's evidence.
final class ProjectNote: Model, @unchecked Sendable {
    static let schema = "list_project_notes"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "project_id") var projectID: Int
    @Field(key: "text") var text: String
    @Field(key: "by") var by: Int
    @Field(key: "at") var at: Date
    @Field(key: "path") var path: String
    init() {}
}

final class ProjectPhoto: Model, @unchecked Sendable {
    static let schema = "list_project_photos"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "note_id") var noteID: Int
    @Field(key: "project_id") var projectID: Int
    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data
    init() {}
}

struct CreateLists: AsyncMigration {
    var name: String { "060_create_lists" }

    func prepare(on db: Database) async throws {
        try await db.schema(ListItem.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("kind", .string, .required).field("title", .string, .required)
            .field("text", .sql(unsafeRaw: "TEXT"), .required).field("category", .string, .required)
            .field("quantity", .int, .required)
            .field("community_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("grid_id", .int).field("path", .string, .required)
            .field("lat", .double).field("lng", .double)
            .field("needed_from", .string).field("needed_until", .string)
            .field("origin", .string, .required).field("origin_id", .int)
            .field("raised_by", .int, .required, .references(User.schema, .id))
            .field("is_public", .bool, .required).field("closed_on", .string).field("close_note", .string)
            .field("created_at", .datetime).create()
        try await db.createIndex(table: ListItem.schema, column: "path")
        try await db.createIndex(table: ListItem.schema, column: "raised_by")
        try await db.createIndex(table: ListItem.schema, columns: ["category", "community_node_id"])
        try await db.createIndex(table: ListItem.schema, columns: ["origin", "origin_id"])

        try await db.schema(ListResource.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("title", .string, .required).field("text", .sql(unsafeRaw: "TEXT"), .required)
            .field("category", .string, .required).field("offerer", .string, .required)
            .field("unit_id", .int).field("person_id", .int)
            .field("community_node_id", .int).field("grid_id", .int).field("path", .string, .required)
            .field("lat", .double).field("lng", .double).field("address", .string, .required)
            .field("capacity", .int, .required)
            .field("available_from", .string).field("available_until", .string)
            .field("hours", .string, .required).field("conditions", .string, .required)
            .field("contact_name", .string, .required).field("contact_phone", .string, .required)
            .field("withdrawn_on", .string)
            .field("recorded_by", .int, .required, .references(User.schema, .id))
            .field("created_at", .datetime).create()
        try await db.createIndex(table: ListResource.schema, column: "path")
        try await db.createIndex(table: ListResource.schema, columns: ["category", "community_node_id"])
        try await db.createIndex(table: ListResource.schema, columns: ["category", "path"])
        try await db.createIndex(table: ListResource.schema, column: "unit_id")

        try await db.schema(ListClaim.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("item_id", .int, .required, .references(ListItem.schema, .id))
            .field("resource_id", .int, .references(ListResource.schema, .id))
            .field("team_id", .int).field("unit_id", .int)
            .field("quantity", .int, .required).field("note", .string, .required).field("path", .string, .required)
            .field("claimed_by", .int, .required, .references(User.schema, .id))
            .field("claimed_at", .datetime, .required)
            .field("withdrawn_at", .datetime).field("withdrawn_by", .int).create()
        try await db.createIndex(table: ListClaim.schema, column: "item_id")
        try await db.createIndex(table: ListClaim.schema, column: "resource_id")

        try await db.schema(ListAlert.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id))
            .field("item_id", .int, .required).field("resource_id", .int, .required)
            .field("resource_is_new", .bool, .required).field("path", .string, .required)
            .field("at", .datetime, .required).field("seen_at", .datetime).create()
        try await db.createIndex(table: ListAlert.schema, column: "user_id")

        try await db.schema(ActionProject.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("title", .string, .required).field("summary", .sql(unsafeRaw: "TEXT"), .required)
            .field("category", .string, .required)
            .field("node_id", .int, .required, .references(OrgNode.schema, .id)).field("path", .string, .required)
            .field("owner_unit_id", .int).field("budget", .int, .required).field("beneficiaries", .int, .required)
            .field("groups", .string, .required).field("state", .string, .required)
            .field("started_on", .string).field("closed_on", .string)
            .field("evidence", .sql(unsafeRaw: "TEXT")).field("served", .int)
            .field("rating", .int).field("rating_note", .string)
            .field("created_by", .int, .required).field("created_at", .datetime).create()
        try await db.createIndex(table: ActionProject.schema, column: "path")
        try await db.createIndex(table: ActionProject.schema, column: "owner_unit_id")

        try await db.schema(ProjectLink.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(ActionProject.schema, .id))
            .field("item_id", .int).field("resource_id", .int).field("partner_unit_id", .int)
            .field("path", .string, .required).create()
        try await db.createIndex(table: ProjectLink.schema, column: "project_id")
        try await db.createIndex(table: ProjectLink.schema, column: "partner_unit_id")

        try await db.schema(ProjectMilestone.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(ActionProject.schema, .id))
            .field("title", .string, .required).field("due", .string, .required).field("done_on", .string)
            .field("path", .string, .required).create()
        try await db.createIndex(table: ProjectMilestone.schema, column: "project_id")

        try await db.schema(ProjectNote.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("project_id", .int, .required, .references(ActionProject.schema, .id))
            .field("text", .sql(unsafeRaw: "TEXT"), .required).field("by", .int, .required)
            .field("at", .datetime, .required).field("path", .string, .required).create()
        try await db.createIndex(table: ProjectNote.schema, column: "project_id")

        try await db.schema(ProjectPhoto.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("note_id", .int, .required, .references(ProjectNote.schema, .id))
            .field("project_id", .int, .required).field("content_type", .string, .required)
            .field("bytes", .data, .required).create()
        try await db.createIndex(table: ProjectPhoto.schema, column: "note_id")
    }

    func revert(on db: Database) async throws {
        for s in [
            ProjectPhoto.schema, ProjectNote.schema, ProjectMilestone.schema, ProjectLink.schema,
            ActionProject.schema, ListAlert.schema, ListClaim.schema, ListResource.schema, ListItem.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}
