import Fluent
import GongzhiCore
import Vapor

/// 网上纪实: everything a person or a unit did, read from the records of the capabilities that keep them (verified
/// services and posts from Reporting, hours and activities from Volunteering, action projects from the lists,
/// points from the ledger), newest first. Nothing here is typed: each line links back to where it is kept.
enum RecordKind: String, Codable, Sendable, CaseIterable {
    case service
    case post
    case hours
    case project
    case points

    var label: Text { Text("records.kind.\(rawValue)") }
}

struct RecordEntry: Content, Equatable {
    let day: String
    let kind: RecordKind
    let title: String
    /// Hours of service, where the line is service.
    let hours: Double?
    /// Points moved, where the line is the ledger's.
    let points: Int?
}

struct RecordTotals: Content, Equatable {
    var services = 0
    var hours = 0.0
    var activities = 0
    var posts = 0
    var projects = 0
    var pointsBalance: Int?
}

struct ServiceRecord: Content {
    let subject: String
    /// "person" or "unit".
    let of: String
    let id: Int
    let totals: RecordTotals
    let entries: [RecordEntry]
}

enum Records {
    static let maxEntries = 2_000

    static func day(_ d: Date) -> String { LocalDate(instant: d.timeIntervalSince1970).description }

    /// A person's record: their verified services and posts (as an in-service member), their volunteer hours and
    /// the activities behind them, and their points.
    static func person(_ id: Int, name: String, now: Date, on db: any Database) async throws -> ServiceRecord {
        var entries: [RecordEntry] = []
        var totals = RecordTotals()
        for s in try await ReportingQueries.memberServices(personIDs: [id], db: db) where s.verified {
            entries.append(
                RecordEntry(day: s.servedOn.description, kind: .service, title: s.text, hours: s.hours, points: nil))
            totals.services += 1
            totals.hours += s.hours
        }
        for c in try await ReportingQueries.memberClaims(personIDs: [id], limit: 500, db: db) {
            let until = c.endedOn.map { " – \($0)" } ?? ""
            entries.append(
                RecordEntry(
                    day: c.claimedOn.description, kind: .post, title: c.postTitle + until, hours: nil, points: nil))
            if c.endedOn == nil { totals.posts += 1 }
        }
        var activities = Set<Int>()
        for h in try await VolunteeringQueries.hours(personIDs: [id], from: nil, to: nil, db: db) {
            let hours = Double(h.minutes) / 60
            entries.append(
                RecordEntry(
                    day: day(h.endedAt), kind: .hours, title: h.activityTitle ?? "", hours: hours, points: nil))
            totals.hours += hours
            if let a = h.activityID { activities.insert(a) }
        }
        totals.activities = activities.count
        let since = Date(timeIntervalSince1970: 0)
        for m in try await PointsQueries.movements(personIDs: [id], from: since, to: now, db: db) {
            entries.append(
                RecordEntry(day: day(m.at), kind: .points, title: m.note, hours: nil, points: m.amount))
        }
        totals.pointsBalance = try await PointsQueries.balance(personID: id, db: db)
        return ServiceRecord(subject: name, of: "person", id: id, totals: totals, entries: sorted(entries))
    }

    /// A unit's record: action projects it owned or partnered in, hours given at activities it hosted or through
    /// its teams (one line per activity), and its members' verified services and posts held today.
    static func unit(_ id: Int, name: String, now: Date, on db: any Database) async throws -> ServiceRecord {
        var entries: [RecordEntry] = []
        var totals = RecordTotals()
        for p in try await ListsQueries.projects(unitID: id, db: db) {
            entries.append(
                RecordEntry(day: p.closedOn ?? "", kind: .project, title: p.title, hours: nil, points: nil))
            totals.projects += 1
        }
        var byActivity: [String: (day: String, hours: Double)] = [:]
        for h in try await VolunteeringQueries.hours(unitIDs: [id], from: nil, to: nil, db: db) {
            let key = h.activityTitle ?? ""
            let hours = Double(h.minutes) / 60
            let d = day(h.endedAt)
            let prior = byActivity[key]
            byActivity[key] = (max(prior?.day ?? d, d), (prior?.hours ?? 0) + hours)
            totals.hours += hours
        }
        totals.activities = byActivity.count
        for (title, v) in byActivity {
            entries.append(RecordEntry(day: v.day, kind: .hours, title: title, hours: v.hours, points: nil))
        }
        let today = LocalDate(instant: now.timeIntervalSince1970)
        let year = today.year
        let from = Date(timeIntervalSince1970: LocalDate(year: year, month: 1, day: 1)!.startInstant)
        totals.services =
            try await ReportingQueries.verifiedServices(unitIDs: [id], from: from, to: now, db: db)[
                id] ?? 0
        totals.posts = try await ReportingQueries.postsKept(unitIDs: [id], on: today, db: db)[id] ?? 0
        return ServiceRecord(subject: name, of: "unit", id: id, totals: totals, entries: sorted(entries))
    }

    static func sorted(_ entries: [RecordEntry]) -> [RecordEntry] {
        Array(entries.sorted { ($0.day, $0.kind.rawValue) > ($1.day, $1.kind.rawValue) }.prefix(maxEntries))
    }

    // MARK: Who sees which

    /// The caller's own record (residents and members).
    static func mine(_ caller: Caller) async throws -> ServiceRecord {
        let v = try caller.requireViewer()
        guard let pid = v.user.personID else { throw await caller.forbidden("records: no person behind the account") }
        return try await person(pid, name: v.user.displayName, now: caller.now, on: caller.db)
    }

    /// A person's record for staff who see people, the person in their scope (a logged 404 outside).
    static func person(_ id: Int, _ caller: Caller) async throws -> ServiceRecord {
        let v = try await caller.require(.viewPeople)
        if v.user.personID == id { return try await mine(caller) }
        let p = try await PeopleQueries.scopedPointsPerson(id, for: .read, field: nil, caller)
        return try await person(p.id, name: p.name, now: caller.now, on: caller.db)
    }

    /// A record's CSV is for its owner (the person, the unit's liaison) and for staff who may export.
    static func mayExportUnit(_ id: Int, _ caller: Caller) async throws -> Bool {
        let v = try caller.requireViewer()
        if v.can(.exportData) { return true }
        return try await UnitsQueries.liaisonUnitIDs(v, on: caller.db).contains(id)
    }

    /// A unit's record: staff who see the unit, or its own liaison.
    static func unit(_ id: Int, _ caller: Caller) async throws -> ServiceRecord {
        let v = try caller.requireViewer()
        if try await UnitsQueries.liaisonUnitIDs(v, on: caller.db).contains(id),
            let u = try await UnitsQueries.reportingUnit(id, on: caller.db)
        {
            return try await unit(u.id, name: u.name, now: caller.now, on: caller.db)
        }
        try await caller.require(.viewTree)
        let u = try await UnitsQueries.scopedReportingUnit(id, caller)
        return try await unit(u.id, name: u.name, now: caller.now, on: caller.db)
    }
}
