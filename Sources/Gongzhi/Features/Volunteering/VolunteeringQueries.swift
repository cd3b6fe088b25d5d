import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// One hour record as other capabilities read it (Points accrues once per `id`).
struct VolunteerHourFact: Sendable, Equatable, Codable {
    /// The hour record's id: stable, never reused.
    let id: Int
    let personID: Int
    let minutes: Int
    let startedAt: Date
    let endedAt: Date
    /// "checkInOut" | "hourCode" | "manual"
    let source: String
    let activityID: Int?
    let activityTitle: String?
    /// Points the activity offers for attending (0 if none or not an activity).
    let activityPoints: Int
    let teamID: Int?
    /// The unit hosting the activity, or owning the team.
    let hostUnitID: Int?
    /// Tree path of the node where the service was given (scope).
    let path: String
    /// Manual entries.
    let approverUserID: Int?
}

/// A service team as the four lists and matching read it.
struct TeamOffer: Sendable, Equatable {
    let id: Int
    let name: String
    let categories: [ServiceCategory]
    let skills: String
    let communityNodeID: Int?
    let gridID: Int?
    let path: String
    let lat: Double?
    let lng: Double?
    let memberCount: Int
    /// How many more services it can take on now: its capacity (activities it can run at once) less its activities
    /// that are open and not yet ended, never below zero.
    let freeCapacity: Int
    let ownerUnitID: Int?
}

/// Volunteering's published queries, for the four lists, matching and Points: plain values, no model.
enum VolunteeringQueries {
    /// Hour records in id order with id > afterID, at most `limit`.
    static func hours(after afterID: Int, limit: Int, db: any Database) async throws -> [VolunteerHourFact] {
        let rows = try await ServiceHour.query(on: db).filter(\.$id > afterID).sort(\.$id)
            .limit(max(0, min(limit, 10_000))).all()
        return try await facts(rows, db)
    }

    static func hours(personIDs: [Int], from: Date?, to: Date?, db: any Database) async throws -> [VolunteerHourFact] {
        var rows: [ServiceHour] = []
        for chunk in Array(Set(personIDs)).chunked(500) {
            let q = ServiceHour.query(on: db).filter(\.$personID ~~ chunk)
            if let from { q.filter(\.$startedAt >= from) }
            if let to { q.filter(\.$startedAt < to) }
            rows += try await q.all()
        }
        return try await facts(rows.sorted { $0.id! < $1.id! }, db)
    }

    /// Hours given at activities the unit hosted or through teams it owns.
    static func hours(unitIDs: [Int], from: Date?, to: Date?, db: any Database) async throws -> [VolunteerHourFact] {
        var rows: [ServiceHour] = []
        for chunk in Array(Set(unitIDs)).chunked(500) {
            let q = ServiceHour.query(on: db).filter(\.$hostUnitID ~~ chunk)
            if let from { q.filter(\.$startedAt >= from) }
            if let to { q.filter(\.$startedAt < to) }
            rows += try await q.all()
        }
        return try await facts(rows.sorted { $0.id! < $1.id! }, db)
    }

    /// Active teams whose path lies under `path` (nil: all).
    static func teamOffers(under path: TreePath?, now: Date, db: any Database) async throws -> [TeamOffer] {
        let q = ServiceTeam.query(on: db).filter(\.$active == true)
        if let path { q.filter(\.$path =~ path.value) }
        let teams = try await q.sort(\.$id).all()
        // Members and running activities only: matching asks this for every need, so no hours are summed here.
        let ids = teams.compactMap(\.id)
        var members: [Int: Int] = [:]
        var running: [Int: Int] = [:]
        for chunk in ids.chunked(500) {
            let sql = try db.sql()
            let rows = try await sql.select().column("team_id").column(
                SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
            )
            .from(TeamMember.schema).where("team_id", .in, chunk).where("left_on", .is, SQLLiteral.null)
            .groupBy("team_id").all()
            for r in rows {
                members[try r.decode(column: "team_id", as: Int.self)] = try r.decode(column: "n", as: Int.self)
            }
            for a in try await Activity.query(on: db).filter(\.$teamID ~~ chunk).filter(\.$state == .open)
                .filter(\.$endsAt > now).field(\.$teamID).all()
            {
                if let t = a.teamID { running[t, default: 0] += 1 }
            }
        }
        var communityOf: [Int: Int] = [:]
        let nodes = try await OrgNode.query(on: db).filter(\.$id ~~ Array(Set(teams.map(\.nodeID)))).all()
        for n in nodes where n.kind == .communityCommittee { communityOf[n.id!] = n.id! }
        return teams.map { t in
            TeamOffer(
                id: t.id!, name: t.name, categories: VolunteeringFacts.categories(t.categories), skills: t.skills,
                communityNodeID: communityOf[t.nodeID], gridID: t.gridID, path: t.path, lat: t.lat, lng: t.lng,
                memberCount: members[t.id!] ?? 0, freeCapacity: max(0, t.capacity - (running[t.id!] ?? 0)),
                ownerUnitID: t.ownerUnitID)
        }
    }

    static func teamNames(_ ids: [Int], db: any Database) async throws -> [Int: String] {
        try await VolunteeringFacts.teamNames(ids, on: db)
    }

    static func facts(_ rows: [ServiceHour], _ db: any Database) async throws -> [VolunteerHourFact] {
        var activities: [Int: Activity] = [:]
        for chunk in Array(Set(rows.compactMap(\.activityID))).chunked(500) {
            for a in try await Activity.query(on: db).filter(\.$id ~~ chunk).all() { activities[a.id!] = a }
        }
        return rows.map { h in
            let a = h.activityID.flatMap { activities[$0] }
            return VolunteerHourFact(
                id: h.id!, personID: h.personID, minutes: h.minutes, startedAt: h.startedAt, endedAt: h.endedAt,
                source: h.source.rawValue, activityID: h.activityID, activityTitle: a?.title,
                activityPoints: a?.points ?? 0, teamID: h.teamID, hostUnitID: h.hostUnitID, path: h.path,
                approverUserID: h.approverUserID)
        }
    }
}
