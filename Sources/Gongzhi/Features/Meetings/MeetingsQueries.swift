import Fluent
import Vapor

/// Meetings' published queries, for Requests (the loop's 会议定事) and Agreements (meetings attended): plain data,
/// not the models.
enum MeetingsQueries {
    /// For foreign keys in other capabilities' migrations.
    static let table = Meeting.schema

    struct Choice: Sendable {
        let id: Int
        let day: String
        /// The meeting's title or kind, and its host.
        let label: String
        let state: MeetingState
    }

    static func choice(_ m: Meeting) -> Choice {
        let name = m.title.isEmpty ? m.host : "\(m.title) · \(m.host)"
        return Choice(id: m.id!, day: m.day, label: name, state: m.state)
    }

    /// A meeting of the community at which a request may be decided (any kind held there, not cancelled), or nil.
    static func meetingForDecision(id: Int, communityNodeID: Int, db: any Database) async throws -> Choice? {
        guard let m = try await Meeting.find(id, on: db), m.nodeID == communityNodeID, m.state != .cancelled else {
            return nil
        }
        return choice(m)
    }

    /// The community's latest meetings that were not cancelled, newest first (a request's choice of meeting).
    static func recentMeetings(communityNodeID: Int, db: any Database) async throws -> [Choice] {
        try await Meeting.query(on: db).filter(\.$nodeID == communityNodeID).filter(\.$state != .cancelled)
            .sort(\.$day, .descending).sort(\.$id, .descending).limit(10).all().map(choice)
    }

    /// Meetings attended per unit in a period: meetings (not cancelled) starting in [from, to) at which someone
    /// representing the unit (an invitee for that unit) checked in, each meeting counted once per unit.
    static func attendance(unitIDs: [Int], from: Date, to: Date, db: any Database) async throws -> [Int: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        var pairs = Set<[Int]>()
        for chunk in Array(Set(unitIDs)).chunked(500) {
            let present = try await MeetingInvitee.query(on: db).filter(\.$unitID ~~ chunk)
                .filter(\.$checkedInAt != nil).all()
            let meetingIDs = Array(Set(present.map(\.meetingID)))
            var held = Set<Int>()
            for ids in meetingIDs.chunked(500) {
                held.formUnion(
                    try await Meeting.query(on: db).filter(\.$id ~~ ids).filter(\.$state != .cancelled)
                        .filter(\.$startsAt >= from).filter(\.$startsAt < to).all().compactMap(\.id))
            }
            for i in present where held.contains(i.meetingID) {
                if let u = i.unitID { pairs.insert([u, i.meetingID]) }
            }
        }
        var out: [Int: Int] = [:]
        for p in pairs { out[p[0], default: 0] += 1 }
        return out
    }
}
