import Fluent
import GongzhiCore
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
    static func teamOffers(under path: TreePath?, db: any Database) async throws -> [TeamOffer] {
        let q = ServiceTeam.query(on: db).filter(\.$active == true)
        if let path { q.filter(\.$path =~ path.value) }
        let teams = try await q.sort(\.$id).all()
        let out = try await VolunteeringLists.teamOut(teams, db)
        var communityOf: [Int: Int] = [:]
        let nodes = try await OrgNode.query(on: db).filter(\.$id ~~ Array(Set(teams.map(\.nodeID)))).all()
        for n in nodes where n.kind == .communityCommittee { communityOf[n.id!] = n.id! }
        return zip(teams, out).map { t, o in
            TeamOffer(
                id: o.id, name: o.name, categories: o.categories, skills: o.skills,
                communityNodeID: communityOf[t.nodeID], gridID: t.gridID, path: t.path, lat: t.lat, lng: t.lng,
                memberCount: o.memberCount, freeCapacity: o.freeCapacity, ownerUnitID: t.ownerUnitID)
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
