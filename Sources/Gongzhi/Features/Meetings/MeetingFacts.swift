import Fluent
import Vapor

/// What every meeting list, page, feed and figure reads the same way: defaults, today, labels, attendance and
/// quorum.
enum MeetingFacts {
    /// What a meeting shows: a scheduled one by the clock (待召开, 进行中, then 待结束 until closed).
    static func shown(_ state: MeetingState, _ phase: Phase) -> Text {
        switch (state, phase) {
        case (.scheduled, .upcoming): .meetingStateScheduled
        case (.scheduled, .underway): .phase(.underway)
        case (.scheduled, .ended): .meetingStateToClose
        default: Text(state.labelKey)
        }
    }

    /// A meeting recorded with a day only starts at 09:00 and lasts two hours.
    static let defaultStart = 9 * 60
    static let defaultMinutes = 120
    static let maxTitle = 200
    static let maxPlace = 200
    static let maxHost = 100
    static let maxMinutes = 20_000
    static let maxText = 2_000

    /// Minutes after local midnight a meeting starts.
    static func startMinutes(_ m: Meeting) -> Int {
        let seconds = m.startsAt.timeIntervalSince1970 - m.localDay.startInstant
        return max(0, min(24 * 60 - 1, Int(seconds / 60)))
    }

    static func durationMinutes(_ m: Meeting) -> Int {
        max(0, Int(m.endsAt.timeIntervalSince(m.startsAt) / 60))
    }

    /// A meeting's name in lists: its title, or its kind's name.
    static func label(_ m: Meeting, _ lang: Lang) -> String {
        m.title.isEmpty ? lang.t(key: m.kind.labelKey) : m.title
    }

    /// The node kinds a kind of meeting is held at.
    static func fits(_ kind: MeetingKind, _ node: OrgNodeKind) -> Bool {
        switch kind {
        case .streetYearly: node == .streetCommittee
        case .areaJoint: node == .streetCommittee || node == .communityCommittee
        default: node == .communityCommittee
        }
    }

    struct Attendance: Sendable {
        var invited = 0
        var present = 0
    }

    static func attendance(_ ids: [Int], on db: any Database) async throws -> [Int: Attendance] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int: Attendance] = [:]
        for chunk in ids.chunked(500) {
            for i in try await MeetingInvitee.query(on: db).filter(\.$meetingID ~~ chunk).all() {
                out[i.meetingID, default: Attendance()].invited += 1
                if i.checkedInAt != nil { out[i.meetingID, default: Attendance()].present += 1 }
            }
        }
        return out
    }

    /// The quorum of a meeting of a body: its roster on the meeting's day against who checked in; nil without a
    /// body or a roster.
    static func quorum(_ m: Meeting, invitees: [MeetingInvitee], on db: any Database) async throws -> Quorum.Result? {
        guard let bodyID = m.bodyID else { return nil }
        let roster = try await MeetingBodies.roster(bodyID, on: m.localDay, db: db)
        let present = Set(invitees.filter { $0.checkedInAt != nil }.map(\.personID))
        return Quorum.evaluate(roster: Set(roster.map(\.personID)), present: present)
    }

    /// The rotation's next host for a new meeting of a body on a day: the member unit after the host of the body's
    /// last meeting before that day (as a member then), wrapping.
    static func suggestedHost(bodyID: Int, on day: LocalDate, db: any Database) async throws
        -> MeetingBodies.MemberUnit?
    {
        let members = try await MeetingBodies.memberUnits(bodyID, on: day, db: db)
        guard !members.isEmpty else { return nil }
        let last = try await Meeting.query(on: db).filter(\.$bodyID == bodyID).filter(\.$state != .cancelled)
            .filter(\.$hostUnitID != nil).filter(\.$day < day.description).sort(\.$day, .descending)
            .sort(\.$id, .descending).first()
        var previous: HostRotation.Member?
        if let last, let host = last.hostUnitID {
            let then = try await MeetingBodies.memberUnits(bodyID, on: last.localDay, db: db)
            if let m = (then + members).first(where: { $0.unitID == host }) {
                previous = HostRotation.Member(unitID: host, since: m.since)
            }
        }
        let next = HostRotation.next(
            after: previous, among: members.map { HostRotation.Member(unitID: $0.unitID, since: $0.since) })
        return members.first { $0.unitID == next }
    }
}
