import Fluent
import GongzhiCore
import NIOCore
import Vapor

/// A credit an accrual source makes from another capability's published facts: whose, how much, when it counts,
/// and the (source, reference) that makes it unique.
struct PointsAccrual: Sendable {
    let personID: Int
    let path: String
    let amount: Int
    let at: Date
    let source: PointsSource
    let reference: String
    let note: String
    var approverUserID: Int? = nil
}

/// Which people an accrual run is for: one person before their balance is shown or they redeem, or everyone (the
/// background job).
enum AccrualScope: Sendable {
    case people([Int])
    case everyone

    var personIDs: [Int]? {
        if case .people(let ids) = self { return ids }
        return nil
    }
}

/// One source of points: turns another capability's published facts into credits. A source that reads a feed by
/// ascending id keeps its cursor (`PointsAccrualSource.cursor`), saved in the transaction that writes its credits;
/// one that recomputes (posts kept) answers every credit due, and the unique index keeps each once.
struct PointsAccrualSource: Sendable {
    struct Batch: Sendable {
        var credits: [PointsAccrual]
        /// A feed's new cursor, saved with the credits (nil: the source keeps none).
        var cursor: Int?
        /// Where this run's next batch starts (nil: the source is done for this run).
        var next: Int?
    }

    let name: String
    /// The batch of facts after `from` (a feed's saved cursor, or 0, then the batch's `next`).
    let batch: @Sendable (_ scope: AccrualScope, _ from: Int, _ now: Date, _ db: any Database) async throws -> Batch

    /// Every source, in order.
    static let all: [PointsAccrualSource] = [.postsKept, .volunteering]

    /// 认岗位: every full month a member holds a service post earns `PointsRates.postKeptPerMonth`, dated on the
    /// day the month completes; reference `claim:<claim id>:<month number>`.
    static let postsKept = PointsAccrualSource(name: "postsKept") { scope, from, now, db in
        let limit = 500
        let claims = try await ReportingQueries.memberClaims(
            personIDs: scope.personIDs, afterID: from, limit: limit, db: db)
        let people = try await PeopleQueries.pointsPeople(claims.map(\.personID), on: db)
        let today = LocalDate(instant: now.timeIntervalSince1970)
        var credits: [PointsAccrual] = []
        for c in claims {
            guard let p = people[c.personID], !p.archived else { continue }
            let until = min(c.endedOn ?? today, today)
            for (k, day) in PointsRates.fullMonths(claimedOn: c.claimedOn, until: until).enumerated() {
                credits.append(
                    PointsAccrual(
                        personID: p.id, path: p.path, amount: PointsRates.postKeptPerMonth,
                        at: Date(timeIntervalSince1970: day.startInstant + 9 * 3600), source: .postsKept,
                        reference: "claim:\(c.id):\(k + 1)", note: c.postTitle))
            }
        }
        // Claims keep earning while held, so every run starts again from the first claim: no cursor is kept.
        return Batch(credits: credits, cursor: nil, next: claims.count == limit ? claims.last?.id : nil)
    }

    /// Service hours (`PointsRates.serviceHours`) and an activity's own points, from Volunteering's feed of hour
    /// records by ascending id; reference `hours:<record id>` (one credit of each source per record).
    static let volunteering = PointsAccrualSource(name: "volunteering") { _, from, _, db in
        let limit = 500
        let facts = try await VolunteeringQueries.hours(after: from, limit: limit, db: db)
        let people = try await PeopleQueries.pointsPeople(facts.map(\.personID), on: db)
        var credits: [PointsAccrual] = []
        for f in facts {
            guard let p = people[f.personID], !p.archived else { continue }
            let hours = PointsRates.serviceHours(minutes: f.minutes)
            let what = f.activityTitle ?? ""
            if hours > 0 {
                credits.append(
                    PointsAccrual(
                        personID: p.id, path: p.path, amount: hours, at: f.endedAt, source: .serviceHours,
                        reference: "hours:\(f.id)", note: what, approverUserID: f.approverUserID))
            }
            if f.activityID != nil, f.activityPoints > 0 {
                credits.append(
                    PointsAccrual(
                        personID: p.id, path: p.path, amount: f.activityPoints, at: f.endedAt, source: .activity,
                        reference: "hours:\(f.id)", note: what, approverUserID: f.approverUserID))
            }
        }
        let last = facts.last?.id ?? from
        return Batch(credits: credits, cursor: last, next: facts.count == limit ? last : nil)
    }
}

/// Runs the sources and the expiries. On demand for one person (before their balance is shown or they redeem) and
/// for everyone by the background job; both are idempotent.
enum PointsAccrualRun {
    /// At most this many batches per source in one run, so one run is bounded; the next run goes on.
    static let maxBatches = 40

    /// `inTransaction`: the caller's transaction already holds the database (the demo's load).
    @discardableResult
    static func run(_ scope: AccrualScope, now: Date, on db: any Database, inTransaction: Bool = false) async throws
        -> Int
    {
        var made = 0
        for source in PointsAccrualSource.all {
            // A feed's cursor is global: a run for one person reads the feed on for everyone, and saves it.
            var from = try await PointsCursor.query(on: db).filter(\.$name == source.name).first()?.lastID ?? 0
            for _ in 0..<maxBatches {
                let batch = try await source.batch(scope, from, now, db)
                let write: @Sendable (any Database) async throws -> Int = { db in
                    let n = try await PointsBook.insertCredits(batch.credits, at: now, on: db)
                    if let c = batch.cursor { try await saveCursor(source.name, c, on: db) }
                    return n
                }
                made += inTransaction ? try await write(db) : try await db.writing(write)
                guard let next = batch.next else { break }
                from = next
            }
        }
        return made
    }

    static func saveCursor(_ name: String, _ value: Int, on db: any Database) async throws {
        if let c = try await PointsCursor.query(on: db).filter(\.$name == name).first() {
            c.lastID = value
            try await c.save(on: db)
        } else {
            let c = PointsCursor()
            c.name = name
            c.lastID = value
            try await c.create(on: db)
        }
    }

    /// Before one person's balance is shown or spent: their credits, then their expiries.
    static func refresh(_ person: PeopleQueries.PointsPerson, on db: any Database, now: Date) async throws {
        try await run(.people([person.id]), now: now, on: db)
        try await PointsBook.expire(personID: person.id, path: person.path, now: now, on: db)
    }

    /// Everyone: the sources, then the expiries of every account.
    static func sweep(on db: any Database, now: Date, inTransaction: Bool = false) async throws {
        try await run(.everyone, now: now, on: db, inTransaction: inTransaction)
        var after = 0
        while true {
            let accounts = try await PointsAccount.query(on: db).filter(\.$id > after).sort(\.$id).limit(200).all()
            guard let last = accounts.last else { break }
            let people = try await PeopleQueries.pointsPeople(accounts.map(\.personID), on: db)
            for a in accounts {
                let path = people[a.personID]?.path ?? a.path
                if inTransaction {
                    try await PointsBook.expireLocked(personID: a.personID, path: path, now: now, on: db)
                } else {
                    try await PointsBook.expire(personID: a.personID, path: path, now: now, on: db)
                }
            }
            after = last.id!
        }
    }
}

/// Every hour: accrue from every source and record the expiries due. Several server processes may run it; every
/// credit and expiry is keyed and unique, so a second run adds nothing.
struct PointsSweeper: LifecycleHandler {
    static let interval: TimeAmount = .hours(1)

    func didBootAsync(_ app: Application) async throws {
        guard app.environment != .testing else { return }
        let loop = app.eventLoopGroup.next()
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .minutes(2), delay: Self.interval) { _ in
            loop.makeFutureWithTask {
                do {
                    try await PointsAccrualRun.sweep(on: app.db, now: app.clock.now)
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
        app.storage[PointsTaskKey.self] = PointsTaskBox(task: task)
    }

    func shutdown(_ app: Application) { app.storage[PointsTaskKey.self]?.task.cancel() }
}

struct PointsTaskBox: Sendable { let task: RepeatedTask }
struct PointsTaskKey: StorageKey { typealias Value = PointsTaskBox }
