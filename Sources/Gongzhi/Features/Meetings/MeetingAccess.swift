import Fluent
import Vapor

/// Who sees and who manages a meeting. Staff of the meeting's community or street (and above) see it and, with a
/// managing role, run it; beyond that scope a meeting is seen by its invitees (by their person), by the liaisons of
/// the units it names (the host, an invitee's unit, a decision's owner), and by a decision's owner.
struct MeetingAccess: Sendable {
    let viewer: Viewer
    /// The liaison's units (empty for everyone else).
    let unitIDs: Set<Int>

    /// The roles that run meetings within their scope (those that ran the request loop's meetings before).
    static let managers: Set<Role> = [
        .communityWorker, .communitySecretary, .streetStaff, .commandOperator, .orgDepartmentAdmin, .systemAdmin,
    ]

    static func of(_ v: Viewer, on db: any Database) async throws -> MeetingAccess {
        let units = try await UnitsQueries.liaisonUnitIDs(v, on: db)
        return MeetingAccess(viewer: v, unitIDs: Set(units))
    }

    var personID: Int? { viewer.user.personID }

    func inScope(_ m: Meeting) -> Bool {
        viewer.can(.viewTree) && viewer.scope.includes(TreePath(m.path))
    }

    func manages(_ m: Meeting) -> Bool {
        Self.managers.contains(viewer.role) && viewer.scope.includes(TreePath(m.path))
    }

    /// Whether the viewer sees the meeting: in scope, or named by it.
    func sees(_ m: Meeting, on db: any Database) async throws -> Bool {
        if inScope(m) { return true }
        return try await involved([m.id!], on: db).contains(m.id!)
            || (m.hostUnitID.map(unitIDs.contains) ?? false)
    }

    /// The meetings among these that name the viewer (as an invitee, a decision's owner) or their units.
    func involved(_ meetingIDs: [Int]?, on db: any Database) async throws -> Set<Int> {
        var out = Set<Int>()
        if let personID {
            let q = MeetingInvitee.query(on: db).filter(\.$personID == personID)
            if let meetingIDs { q.filter(\.$meetingID ~~ meetingIDs) }
            out.formUnion(try await q.all().map(\.meetingID))
            let d = MeetingDecision.query(on: db).filter(\.$ownerPersonID == personID)
            if let meetingIDs { d.filter(\.$meetingID ~~ meetingIDs) }
            out.formUnion(try await d.all().map(\.meetingID))
        }
        if !unitIDs.isEmpty {
            let units = Array(unitIDs)
            let q = MeetingInvitee.query(on: db).filter(\.$unitID ~~ units)
            if let meetingIDs { q.filter(\.$meetingID ~~ meetingIDs) }
            out.formUnion(try await q.all().map(\.meetingID))
            let d = MeetingDecision.query(on: db).filter(\.$ownerUnitID ~~ units)
            if let meetingIDs { d.filter(\.$meetingID ~~ meetingIDs) }
            out.formUnion(try await d.all().map(\.meetingID))
            let h = Meeting.query(on: db).filter(\.$hostUnitID ~~ units)
            if let meetingIDs { h.filter(\.$id ~~ meetingIDs) }
            out.formUnion(try await h.all().compactMap(\.id))
        }
        return out
    }

    /// Whether the viewer owns a decision: they are its person, or its unit is theirs.
    func owns(_ d: MeetingDecision) -> Bool {
        (d.ownerPersonID != nil && d.ownerPersonID == personID) || (d.ownerUnitID.map(unitIDs.contains) ?? false)
    }
}

extension Caller {
    /// A meeting the caller sees: missing is a 404, one they may not see a logged 404.
    func meeting(_ id: Int) async throws -> (Meeting, MeetingAccess) {
        let v = try requireViewer()
        let access = try await MeetingAccess.of(v, on: db)
        guard let m = try await Meeting.find(id, on: db) else { throw AppError.notFound() }
        guard try await access.sees(m, on: db) else { throw await outOfScope("meeting \(id)", scopePath: m.path) }
        return (m, access)
    }

    /// A meeting the caller runs: one they do not see is a logged 404, one they only see a logged 403.
    func managedMeeting(_ id: Int) async throws -> (Meeting, Viewer) {
        let (m, access) = try await meeting(id)
        guard access.manages(m) else { throw await forbidden("change meeting \(id)", scopePath: m.path) }
        return (m, access.viewer)
    }
}
