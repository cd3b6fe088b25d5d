import Fluent
import SQLKit
import Vapor

/// 积分 ledger: one row per movement of a person's points. Rows are never changed or deleted (the database refuses
/// it), but for `path`, which follows the tree when a community moves; a correction is a new row.
final class PointsMovement: Model, @unchecked Sendable {
    static let schema = "points_movements"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    /// Where the person lived when it was recorded (their home node's path, else their own): who sees it, and the
    /// community whose figures count it.
    @Field(key: "path") var path: String
    @Field(key: "amount") var amount: Int
    @Field(key: "source") var source: String
    /// What caused it, unique per source: accrual runs insert a fact once, however often they run.
    @Field(key: "reference") var reference: String
    @Field(key: "note") var note: String
    /// When it counts: a credit's lot is dated by it.
    @Field(key: "at") var at: Date
    /// Who recorded it; nil when the system did (accrual, expiry).
    @OptionalField(key: "recorded_by") var recordedBy: Int?
    @OptionalField(key: "recorded_by_name") var recordedByName: String?
    /// Who decided it (manual awards and corrections): never the beneficiary.
    @OptionalField(key: "approver_user_id") var approverUserID: Int?
    @OptionalField(key: "approver_name") var approverName: String?
    /// A refund: the redemption's movement it gives back.
    @OptionalField(key: "reverses_id") var reversesID: Int?
    /// An expiry: the lot (credit movement) it expires.
    @OptionalField(key: "lot_id") var lotID: Int?
    @OptionalField(key: "redemption_id") var redemptionID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A person's account: the row a change of their points locks (PostgreSQL: `FOR UPDATE`), so two debits at once
/// are checked one after the other. It holds no balance: the balance is the sum of the movements.
final class PointsAccount: Model, @unchecked Sendable {
    static let schema = "points_accounts"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Field(key: "path") var path: String
    init() {}
}

/// 党爱超市: a points shop of a community or a street.
final class PointsShop: Model, @unchecked Sendable {
    static let schema = "points_shops"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "org_node_id") var orgNodeID: Int
    @Field(key: "path") var path: String
    @Field(key: "name") var name: String
    /// Where it is and when it opens.
    @Field(key: "place") var place: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// A good of a shop: its price in points, its stock, and how many one person may redeem (overall, or per calendar
/// month or year).
final class PointsGood: Model, @unchecked Sendable {
    static let schema = "points_goods"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "shop_id") var shopID: Int
    /// The shop's path, copied: goods are read and changed within the shop's subtree.
    @Field(key: "path") var path: String
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    @OptionalField(key: "photo") var photo: Data?
    @OptionalField(key: "photo_type") var photoType: String?
    @Field(key: "price") var price: Int
    @Field(key: "stock") var stock: Int
    @OptionalField(key: "limit_per_person") var limitPerPerson: Int?
    @Field(key: "limit_period") var limitPeriod: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

enum RedemptionState: String, Codable, CaseIterable, Sendable, APIEnum {
    case pending, handedOver, cancelled
    var labelKey: String { "points.redemption.\(rawValue)" }
}

/// A redemption: a person took `quantity` of a good for `cost` points; the shop hands it over against the pick-up
/// code, or it is cancelled before, which gives back the stock and the points (new movements).
final class PointsRedemption: Model, @unchecked Sendable {
    static let schema = "points_redemptions"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    /// The person's path (their home node's, else their own), as on the movement.
    @Field(key: "path") var path: String
    @Field(key: "shop_id") var shopID: Int
    /// The shop's path: its staff hand the good over.
    @Field(key: "shop_path") var shopPath: String
    @Field(key: "good_id") var goodID: Int
    @Field(key: "good_name") var goodName: String
    @Field(key: "quantity") var quantity: Int
    @Field(key: "cost") var cost: Int
    @Field(key: "code") var code: String
    @Field(key: "state") var state: RedemptionState
    @OptionalField(key: "movement_id") var movementID: Int?
    @OptionalField(key: "handed_over_at") var handedOverAt: Date?
    @OptionalField(key: "handed_over_by") var handedOverBy: Int?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancelled_by") var cancelledBy: Int?
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

/// The district's points settings: one row.
final class PointsSettings: Model, @unchecked Sendable {
    static let schema = "points_settings"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "expiry_months") var expiryMonths: Int
    @OptionalField(key: "updated_by") var updatedBy: Int?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    init() {}
}

/// How far an accrual source that reads a feed (facts by ascending id) has read.
final class PointsCursor: Model, @unchecked Sendable {
    static let schema = "points_cursors"
    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "last_id") var lastID: Int
    init() {}
}

struct CreatePoints: AsyncMigration {
    var name: String { "080_create_points" }
    func prepare(on db: Database) async throws {
        try await db.schema(PointsMovement.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .field("amount", .int, .required)
            .field("source", .string, .required)
            .field("reference", .string, .required)
            .field("note", .string, .required)
            .field("at", .datetime, .required)
            .field("recorded_by", .int, .references(User.schema, .id))
            .field("recorded_by_name", .string)
            .field("approver_user_id", .int, .references(User.schema, .id))
            .field("approver_name", .string)
            .field("reverses_id", .int)
            .field("lot_id", .int)
            .field("redemption_id", .int)
            .field("created_at", .datetime)
            .unique(on: "source", "reference")
            .create()
        try await db.schema(PointsAccount.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .unique(on: "person_id")
            .create()
        try await db.schema(PointsShop.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("org_node_id", .int, .required, .references(OrgNode.schema, .id))
            .field("path", .string, .required)
            .field("name", .string, .required)
            .field("place", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(PointsGood.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("shop_id", .int, .required, .references(PointsShop.schema, .id))
            .field("path", .string, .required)
            .field("name", .string, .required)
            .field("description", .sql(unsafeRaw: "TEXT"), .required)
            .field("photo", .data)
            .field("photo_type", .string)
            .field("price", .int, .required)
            .field("stock", .int, .required)
            .field("limit_per_person", .int)
            .field("limit_period", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(PointsRedemption.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references(PeopleQueries.table, .id))
            .field("path", .string, .required)
            .field("shop_id", .int, .required, .references(PointsShop.schema, .id))
            .field("shop_path", .string, .required)
            .field("good_id", .int, .required, .references(PointsGood.schema, .id))
            .field("good_name", .string, .required)
            .field("quantity", .int, .required)
            .field("cost", .int, .required)
            .field("code", .string, .required)
            .field("state", .string, .required)
            .field("movement_id", .int, .references(PointsMovement.schema, .id))
            .field("handed_over_at", .datetime)
            .field("handed_over_by", .int, .references(User.schema, .id))
            .field("cancelled_at", .datetime)
            .field("cancelled_by", .int, .references(User.schema, .id))
            .field("cancel_reason", .string)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema(PointsSettings.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("expiry_months", .int, .required)
            .field("updated_by", .int, .references(User.schema, .id))
            .field("updated_at", .datetime)
            .create()
        try await db.schema(PointsCursor.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("last_id", .int, .required)
            .unique(on: "name")
            .create()
        for (table, column) in [
            (PointsMovement.schema, "person_id"), (PointsMovement.schema, "path"), (PointsMovement.schema, "at"),
            (PointsShop.schema, "path"), (PointsGood.schema, "shop_id"), (PointsRedemption.schema, "person_id"),
            (PointsRedemption.schema, "shop_path"), (PointsRedemption.schema, "good_id"),
        ] {
            try await db.createIndex(table: table, column: column)
        }
        try await Self.appendOnly(db)
    }

    /// The ledger refuses DELETE, and UPDATE of anything but `path` (which follows the tree).
    static func appendOnly(_ db: any Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        let table = PointsMovement.schema
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION gongzhi_points_ledger() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'append-only table'; END IF;
                  IF (to_jsonb(NEW) - 'path') IS DISTINCT FROM (to_jsonb(OLD) - 'path') THEN
                    RAISE EXCEPTION 'append-only table';
                  END IF;
                  RETURN NEW;
                END; $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER \(ident: table + "_append_only") BEFORE UPDATE OR DELETE ON \(ident: table)
                FOR EACH ROW EXECUTE FUNCTION gongzhi_points_ledger()
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER \(ident: table + "_no_delete") BEFORE DELETE ON \(ident: table) \
                BEGIN SELECT RAISE(ABORT, 'append-only table'); END
                """
            ).run()
            let columns = [
                "id", "person_id", "amount", "source", "reference", "note", "at", "recorded_by", "recorded_by_name",
                "approver_user_id", "approver_name", "reverses_id", "lot_id", "redemption_id", "created_at",
            ]
            try await sql.raw(
                """
                CREATE TRIGGER \(ident: table + "_no_update") BEFORE UPDATE OF \
                \(unsafeRaw: columns.joined(separator: ", ")) ON \(ident: table) \
                BEGIN SELECT RAISE(ABORT, 'append-only table'); END
                """
            ).run()
        }
    }

    func revert(on db: Database) async throws {
        for table in [
            PointsCursor.schema, PointsSettings.schema, PointsRedemption.schema, PointsGood.schema, PointsShop.schema,
            PointsAccount.schema, PointsMovement.schema,
        ] {
            try await db.schema(table).delete()
        }
    }
}
