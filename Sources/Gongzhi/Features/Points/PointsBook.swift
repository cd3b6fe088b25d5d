import Fluent
import GongzhiCore
import SQLKit
import Vapor

extension PointsShop: ScopedRecord {}
extension PointsGood: ScopedRecord {}

extension PointsRedemption: ScopedRecord {
    /// Changed (handed over, cancelled) by the shop's staff; read also by the staff where the person is kept.
    var readPaths: [String] { [shopPath, path] }
}

extension PointsMovement {
    var pointsSource: PointsSource { PointsSource(rawValue: source) ?? .manual }

    var ledgerMovement: PointsLedger.Movement {
        PointsLedger.Movement(
            id: id!, amount: amount, at: at.timeIntervalSince1970, source: pointsSource, reverses: reversesID,
            lot: lotID)
    }
}

/// The ledger's store: the one place movements are written. Every debit runs in a write transaction that holds the
/// person's account row (PostgreSQL locks it; SQLite's write transactions run one at a time), records the expiries
/// due first, and then checks the balance — the sum of the movements, read in that transaction.
enum PointsBook {
    /// The expiry period in months (the district's setting, else the default).
    static func expiryMonths(on db: any Database) async throws -> Int {
        try await PointsSettings.query(on: db).sort(\.$id).first()?.expiryMonths ?? PointsLedger.defaultExpiryMonths
    }

    /// Holds the person's account for the transaction, opening it on the first movement.
    static func lock(personID: Int, path: String, on db: any Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        try await sql.insert(into: PointsAccount.schema).columns("person_id", "path")
            .values(SQLBind(personID), SQLBind(path)).ignoringConflicts(with: ["person_id"]).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                "SELECT id FROM \(ident: PointsAccount.schema) WHERE person_id = \(bind: personID) FOR UPDATE"
            ).run()
        }
    }

    static func movements(personID: Int, on db: any Database) async throws -> [PointsMovement] {
        try await PointsMovement.query(on: db).filter(\.$personID == personID).sort(\.$id).all()
    }

    /// The ledger of a person replayed: balance, lots, what each debit took.
    static func state(personID: Int, on db: any Database) async throws -> PointsLedger.State {
        try PointsLedger.replay(try await movements(personID: personID, on: db).map(\.ledgerMovement))
    }

    /// Balances: the sum of each person's movements.
    static func balances(_ personIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        guard let sql = db as? SQLDatabase else { return out }
        for chunk in Array(Set(personIDs)).chunked(500) {
            let rows = try await sql.select().column("person_id").column(
                SQLRaw("CAST(SUM(amount) AS BIGINT)"), as: "total"
            )
            .from(PointsMovement.schema).where("person_id", .in, chunk).groupBy("person_id").all()
            for r in rows {
                let id = try r.decode(column: "person_id", as: Int.self)
                out[id] = try r.decode(column: "total", as: Int?.self) ?? 0
            }
        }
        return out
    }

    static func balance(personID: Int, on db: any Database) async throws -> Int {
        try await balances([personID], on: db)[personID] ?? 0
    }

    /// Records the expiries due for the person by `now`. Call inside a write transaction after `lock`.
    @discardableResult
    static func expireLocked(personID: Int, path: String, now: Date, on db: any Database) async throws
        -> [PointsMovement]
    {
        let months = try await expiryMonths(on: db)
        let all = try await movements(personID: personID, on: db)
        let state = try PointsLedger.replay(all.map(\.ledgerMovement))
        let due = PointsLedger.dueExpiries(state, months: months, now: now.timeIntervalSince1970)
        guard !due.isEmpty else { return [] }
        var made: [PointsMovement] = []
        for e in due {
            // A lot given back after it expired (a refund) expires again: one reference per time.
            let before = all.filter { $0.lotID == e.lot }.count
            let m = PointsMovement()
            m.personID = personID
            m.path = path
            m.amount = -e.amount
            m.source = PointsSource.expiry.rawValue
            m.reference = "lot:\(e.lot)" + (before > 0 ? ":\(before + 1)" : "")
            m.note = ""
            m.at = Date(timeIntervalSince1970: e.at)
            m.lotID = e.lot
            try await m.create(on: db)
            made.append(m)
        }
        return made
    }

    /// The expiries due for one person, in a transaction of their own; nothing is written when none is due.
    static func expire(personID: Int, path: String, now: Date, on db: any Database) async throws {
        let months = try await expiryMonths(on: db)
        let due = PointsLedger.dueExpiries(
            try await state(personID: personID, on: db), months: months, now: now.timeIntervalSince1970)
        guard !due.isEmpty else { return }
        try await db.writing { db in
            try await lock(personID: personID, path: path, on: db)
            try await expireLocked(personID: personID, path: path, now: now, on: db)
        }
    }

    /// Credits from accrual: each (source, reference) once, whatever runs at the same time (the unique index).
    /// Answers how many were new.
    static func insertCredits(_ credits: [PointsAccrual], at now: Date, on db: any Database) async throws -> Int {
        guard let sql = db as? SQLDatabase, !credits.isEmpty else { return 0 }
        var inserted = 0
        for chunk in credits.chunked(200) {
            // The ones not there yet; one that appears meanwhile is left out by the unique index.
            let existing = try await existingKeys(refs: chunk, on: db)
            let fresh = chunk.filter { !existing.contains("\($0.source.rawValue)|\($0.reference)") }
            guard !fresh.isEmpty else { continue }
            let builder = sql.insert(into: PointsMovement.schema).columns(
                "person_id", "path", "amount", "source", "reference", "note", "at", "approver_user_id", "created_at")
            for c in fresh {
                builder.values(
                    SQLBind(c.personID), SQLBind(c.path), SQLBind(c.amount), SQLBind(c.source.rawValue),
                    SQLBind(c.reference), SQLBind(c.note), SQLBind(c.at), SQLBind(c.approverUserID), SQLBind(now))
            }
            try await builder.ignoringConflicts(with: ["source", "reference"]).run()
            try await openAccounts(fresh.map { ($0.personID, $0.path) }, on: db)
            inserted += fresh.count
        }
        return inserted
    }

    /// Accounts for these people (the background job's expiry run walks the accounts).
    static func openAccounts(_ people: [(Int, String)], on db: any Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        var seen = Set<Int>()
        let unique = people.filter { seen.insert($0.0).inserted }
        for chunk in unique.chunked(300) where !chunk.isEmpty {
            let builder = sql.insert(into: PointsAccount.schema).columns("person_id", "path")
            for (id, path) in chunk { builder.values(SQLBind(id), SQLBind(path)) }
            try await builder.ignoringConflicts(with: ["person_id"]).run()
        }
    }

    static func existingKeys(refs: [PointsAccrual], on db: any Database) async throws -> Set<String> {
        var out = Set<String>()
        let bySource = Dictionary(grouping: refs, by: \.source)
        for (source, items) in bySource {
            for chunk in items.map(\.reference).chunked(500) {
                for m in try await PointsMovement.query(on: db).filter(\.$source == source.rawValue)
                    .filter(\.$reference ~~ chunk).all()
                {
                    out.insert("\(source.rawValue)|\(m.reference)")
                }
            }
        }
        return out
    }
}
