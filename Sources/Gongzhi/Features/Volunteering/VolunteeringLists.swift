import Fluent
import GongzhiCore
import Vapor

/// What the lists show, for the API and the pages alike (plain values; no interface labels), each limited to what
/// the caller may see.
enum VolunteeringLists {
    static let limit = 2_000

    struct VolunteerOut: Content {
        let id: Int
        let personID: Int
        let name: String
        /// Masked (138****5678).
        let phone: String?
        let communityNodeID: Int
        let communityName: String
        let categories: [ServiceCategory]
        let skills: String
        let availability: String
        let registeredOn: String
        let endedOn: String?
        let minutes: Int
    }

    struct MemberOut: Content {
        let id: Int
        let personID: Int
        let name: String
        let leader: Bool
        let joinedOn: String
        let leftOn: String?
    }

    struct TeamOut: Content {
        let id: Int
        let name: String
        let kind: TeamKind
        let nodeID: Int
        let nodeName: String
        let ownerUnitID: Int?
        let ownerUnitName: String?
        let categories: [ServiceCategory]
        let skills: String
        let gridID: Int?
        let place: String
        let lat: Double?
        let lng: Double?
        let capacity: Int
        /// Capacity less the team's activities that have not ended.
        let freeCapacity: Int
        let memberCount: Int
        let leaderName: String?
        let active: Bool
        /// Minutes of service given through the team.
        let minutes: Int
    }

    struct TeamDetailOut: Content {
        let team: TeamOut
        let members: [MemberOut]
        let activities: [ActivityOut]
    }

    struct ActivityOut: Content {
        let id: Int
        let title: String
        let category: ServiceCategory
        let nodeID: Int
        let nodeName: String
        let hostUnitID: Int?
        let hostUnitName: String?
        let teamID: Int?
        let teamName: String?
        let startsAt: Date
        let endsAt: Date
        let address: String
        let lat: Double?
        let lng: Double?
        let radiusMeters: Int
        let capacity: Int
        let confirmed: Int
        let waiting: Int
        let points: Int
        let description: String
        let state: ActivityState
        /// Where it stands by the clock (未开始, 进行中, 已结束), whatever its state.
        let phase: Phase
        /// The check-in code: for the organiser's staff only.
        let code: String?
        /// The caller's own sign-up (residents and members).
        let mySignup: SignupStatus?
    }

    struct SignupOut: Content {
        let id: Int
        let activityID: Int
        let personID: Int
        let name: String
        let status: SignupStatus
        let signedAt: Date
        let promotedAt: Date?
        let cancelledAt: Date?
        let checkedInAt: Date?
        let checkedOutAt: Date?
    }

    struct HourOut: Content {
        let id: Int
        let personID: Int
        let name: String
        let minutes: Int
        let startedAt: Date
        let endedAt: Date
        let source: HourSource
        let activityID: Int?
        let activityTitle: String?
        let teamID: Int?
        let teamName: String?
        let hostUnitID: Int?
        let approverUserID: Int?
        let approverName: String?
        let note: String
    }

    struct HourCodeOut: Content {
        let id: Int
        let code: String
        let activityID: Int?
        let teamID: Int?
        let minutes: Int
        let startedAt: Date
        let endedAt: Date
        let issuedAt: Date
        let usedAt: Date?
    }

    static func isStaff(_ v: Viewer) -> Bool { v.can(.viewPeople) && v.role != .unitLiaison }

    // MARK: Volunteers

    /// Staff's volunteers in scope (phones masked); a resident's or member's own registration.
    static func volunteers(
        _ caller: Caller, communityID: Int?, query: String? = nil, category: ServiceCategory? = nil,
        includeEnded: Bool = false, limit: Int? = nil
    ) async throws -> [VolunteerOut] {
        let q = try await volunteerQuery(
            caller, communityID: communityID, query: query, category: category, includeEnded: includeEnded)
        if let limit { return try await outs(try await q.limit(limit).all(), caller) }
        return try await outs(try await q.whole(), caller)
    }

    /// One page of the same list, with its total.
    static func volunteers(
        _ caller: Caller, communityID: Int?, query: String? = nil, category: ServiceCategory? = nil,
        includeEnded: Bool = false, page: PageRequest
    ) async throws -> Paged<VolunteerOut> {
        let q = try await volunteerQuery(
            caller, communityID: communityID, query: query, category: category, includeEnded: includeEnded)
        let rows = try await q.paged(page)
        return Paged(rows: try await outs(rows.rows, caller), total: rows.total, asked: page)
    }

    /// Newest registration first, then by id: a stable order for pages.
    private static func volunteerQuery(
        _ caller: Caller, communityID: Int?, query: String?, category: ServiceCategory?, includeEnded: Bool
    ) async throws -> QueryBuilder<Volunteer> {
        let v = try caller.requireViewer()
        let q = Volunteer.query(on: caller.db)
        if VolunteeringFacts.isVolunteerRole(v) {
            q.filter(\.$personID == (v.user.personID ?? -1))
        } else {
            try await caller.require(.viewPeople)
            q.inScope(v.scope, \.$path)
            if v.role == .unitLiaison { q.filter(\.$id == -1) }
        }
        if let id = communityID {
            let node = try await caller.scoped(OrgNode.self, id, field: "communityId")
            q.filter(\.$path =~ node.path)
        }
        if let category { q.filter(\.$categories ~~ category.rawValue) }
        if !includeEnded { q.filter(\.$endedOn == nil) }
        if let text = query?.trimmingWhitespace(), !text.isEmpty {
            let named = try await PeopleQueries.volunteerIDs(
                named: text, in: v.scope, limit: Self.limit, on: caller.db)
            let t = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
            q.group(.or) { g in
                g.filter(\.$skills, .custom("LIKE"), "%" + t + "%")
                if !named.isEmpty { g.filter(\.$personID ~~ named) }
            }
        }
        return q.sort(\.$registeredOn, .descending).sort(\.$id, .descending)
    }

    private static func outs(_ rows: [Volunteer], _ caller: Caller) async throws -> [VolunteerOut] {
        let people = try await PeopleQueries.volunteerPeople(rows.map(\.personID), on: caller.db)
        let communities = try await OrgQueries.names(rows.map(\.communityNodeID), on: caller.db)
        let minutes = try await minutesByPerson(rows.map(\.personID), on: caller.db)
        return rows.map { r in
            VolunteerOut(
                id: r.id!, personID: r.personID, name: people[r.personID]?.name ?? "",
                phone: people[r.personID]?.phone.map(Masking.phone), communityNodeID: r.communityNodeID,
                communityName: communities[r.communityNodeID] ?? "",
                categories: VolunteeringFacts.categories(r.categories), skills: r.skills,
                availability: r.availability, registeredOn: r.registeredOn, endedOn: r.endedOn,
                minutes: minutes[r.personID] ?? 0)
        }
    }

    static func minutesByPerson(_ ids: [Int], on db: any Database) async throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for h in try await ServiceHour.query(on: db).filter(\.$personID ~~ chunk).all() {
                out[h.personID, default: 0] += h.minutes
            }
        }
        return out
    }

    // MARK: Teams

    /// Staff's teams in scope; a resident's or member's: the teams of their community, street and district.
    static func teams(
        _ caller: Caller, query: String? = nil, kind: TeamKind? = nil, category: ServiceCategory? = nil,
        nodeID: Int? = nil
    ) async throws -> [TeamOut] {
        let v = try caller.requireViewer()
        let q = ServiceTeam.query(on: caller.db).filter(\.$active == true)
        try await scopeFilter(q, \.$path, v, caller)
        if let nodeID {
            let node = try await caller.scoped(OrgNode.self, nodeID, field: "nodeId")
            q.filter(\.$path =~ node.path)
        }
        if let kind { q.filter(\.$kind == kind) }
        if let category { q.filter(\.$categories ~~ category.rawValue) }
        if let text = query?.trimmingWhitespace(), !text.isEmpty {
            q.group(.or) { g in
                g.filter(\.$name ~~ String(text.prefix(50)))
                g.filter(\.$skills ~~ String(text.prefix(50)))
            }
        }
        return try await teamOut(
            try await q.sort(\.$path).sort(\.$name).sort(\.$id).whole(), caller.db, now: caller.now)
    }

    /// Residents and members see what reaches their community; staff their scope; liaisons their units' own.
    static func scopeFilter<M: Model>(
        _ q: QueryBuilder<M>, _ path: KeyPath<M, FieldProperty<M, String>>, _ v: Viewer, _ caller: Caller
    ) async throws {
        if VolunteeringFacts.isVolunteerRole(v) {
            guard let pid = v.user.personID, let p = try await PeopleQueries.volunteerPerson(pid, on: caller.db),
                let c = try await VolunteeringFacts.community(of: p, on: caller.db)
            else {
                q.filter(path == "\u{1}none")
                return
            }
            let r = VolunteeringFacts.reach(of: c)
            q.group(.or) { g in
                g.filter(path =~ r.own)
                if !r.above.isEmpty { g.filter(path ~~ r.above) }
            }
        } else {
            try await caller.require(.viewTree)
            q.inScope(v.scope, path)
        }
    }

    static func teamOut(_ teams: [ServiceTeam], _ db: any Database, now: Date) async throws -> [TeamOut] {
        let ids = teams.compactMap(\.id)
        var members: [Int: Int] = [:]
        var leaders: [Int: Int] = [:]
        var minutes: [Int: Int] = [:]
        var running: [Int: Int] = [:]
        for chunk in ids.chunked(500) {
            for m in try await TeamMember.query(on: db).filter(\.$teamID ~~ chunk).filter(\.$leftOn == nil).all() {
                members[m.teamID, default: 0] += 1
                if m.leader { leaders[m.teamID] = m.personID }
            }
            for h in try await ServiceHour.query(on: db).filter(\.$teamID ~~ chunk).all() {
                if let t = h.teamID { minutes[t, default: 0] += h.minutes }
            }
            for a in try await Activity.query(on: db).filter(\.$teamID ~~ chunk).filter(\.$state == .open)
                .filter(\.$endsAt > now).all()
            {
                if let t = a.teamID { running[t, default: 0] += 1 }
            }
        }
        let nodes = try await OrgQueries.names(teams.map(\.nodeID), on: db)
        let units = try await UnitsQueries.names(teams.compactMap(\.ownerUnitID), on: db)
        let leaderNames = try await PeopleQueries.volunteerPeople(Array(leaders.values), on: db)
        return teams.map { t in
            TeamOut(
                id: t.id!, name: t.name, kind: t.kind, nodeID: t.nodeID, nodeName: nodes[t.nodeID] ?? "",
                ownerUnitID: t.ownerUnitID, ownerUnitName: t.ownerUnitID.flatMap { units[$0] },
                categories: VolunteeringFacts.categories(t.categories), skills: t.skills, gridID: t.gridID,
                place: t.place, lat: t.lat, lng: t.lng, capacity: t.capacity,
                freeCapacity: max(0, t.capacity - (running[t.id!] ?? 0)), memberCount: members[t.id!] ?? 0,
                leaderName: leaders[t.id!].flatMap { leaderNames[$0]?.name }, active: t.active,
                minutes: minutes[t.id!] ?? 0)
        }
    }

    static func team(_ caller: Caller, id: Int) async throws -> TeamDetailOut {
        let v = try caller.requireViewer()
        let t: ServiceTeam
        if VolunteeringFacts.isVolunteerRole(v) {
            guard let found = try await ServiceTeam.find(id, on: caller.db) else { throw AppError.notFound() }
            let visible = try await teams(caller).contains { $0.id == id }
            guard visible else { throw await caller.outOfScope("team \(id)", scopePath: found.path) }
            t = found
        } else {
            try await caller.require(.viewTree)
            t = try await VolunteeringFacts.find(ServiceTeam.self, id, for: .read, caller)
        }
        let rows = try await TeamMember.query(on: caller.db).filter(\.$teamID == id).sort(\.$leftOn)
            .sort(\.$joinedOn).limit(limit).all()
        let people = try await PeopleQueries.volunteerPeople(rows.map(\.personID), on: caller.db)
        let mask = !isStaff(v)
        let members = rows.map { m in
            let name = people[m.personID]?.name ?? ""
            return MemberOut(
                id: m.id!, personID: m.personID, name: mask ? Masking.name(name) : name, leader: m.leader,
                joinedOn: m.joinedOn, leftOn: m.leftOn)
        }
        let acts = try await Activity.query(on: caller.db).filter(\.$teamID == id).sort(\.$startsAt, .descending)
            .limit(50).all()
        return TeamDetailOut(
            team: try await teamOut([t], caller.db, now: caller.now)[0], members: members,
            activities: try await activityOut(acts, caller))
    }

    // MARK: Activities

    /// Staff's activities in scope; a resident's or member's: those reaching their community, not cancelled.
    static func activities(
        _ caller: Caller, from: Date? = nil, to: Date? = nil, query: String? = nil, nodeID: Int? = nil,
        hostUnitIDs: [Int]? = nil, limit: Int? = nil
    ) async throws -> [ActivityOut] {
        let q = try await activityQuery(
            caller, from: from, to: to, query: query, nodeID: nodeID, hostUnitIDs: hostUnitIDs)
        if let limit { return try await activityOut(try await q.limit(limit).all(), caller) }
        return try await activityOut(try await q.whole(), caller)
    }

    /// One page of the same list, with its total.
    static func activities(
        _ caller: Caller, from: Date? = nil, to: Date? = nil, query: String? = nil, nodeID: Int? = nil,
        hostUnitIDs: [Int]? = nil, page: PageRequest
    ) async throws -> Paged<ActivityOut> {
        let q = try await activityQuery(
            caller, from: from, to: to, query: query, nodeID: nodeID, hostUnitIDs: hostUnitIDs)
        let rows = try await q.paged(page)
        return Paged(rows: try await activityOut(rows.rows, caller), total: rows.total, asked: page)
    }

    /// Soonest first from a given day, else the latest first; then by id, a stable order for pages.
    private static func activityQuery(
        _ caller: Caller, from: Date?, to: Date?, query: String?, nodeID: Int?, hostUnitIDs: [Int]?
    ) async throws -> QueryBuilder<Activity> {
        let v = try caller.requireViewer()
        let q = Activity.query(on: caller.db)
        try await scopeFilter(q, \.$path, v, caller)
        if VolunteeringFacts.isVolunteerRole(v) { q.filter(\.$state == .open) }
        if let nodeID {
            let node = try await caller.scoped(OrgNode.self, nodeID, field: "nodeId")
            q.filter(\.$path =~ node.path)
        }
        if let hostUnitIDs { q.filter(\.$hostUnitID ~~ hostUnitIDs) }
        if let from { q.filter(\.$endsAt >= from) }
        if let to { q.filter(\.$startsAt < to) }
        if let text = query?.trimmingWhitespace(), !text.isEmpty { q.filter(\.$title ~~ String(text.prefix(50))) }
        let sortAscending = from != nil
        return q.sort(\.$startsAt, sortAscending ? .ascending : .descending).sort(\.$id)
    }

    static func activity(_ caller: Caller, id: Int) async throws -> ActivityOut {
        let v = try caller.requireViewer()
        if VolunteeringFacts.isVolunteerRole(v) {
            guard let a = try await Activity.find(id, on: caller.db) else { throw AppError.notFound() }
            let (_, own) = try await VolunteeringFacts.own(caller)
            let mine = try await Signup.query(on: caller.db).filter(\.$activityID == id).filter(\.$personID == own)
                .count()
            guard let p = try await PeopleQueries.volunteerPerson(own, on: caller.db),
                let c = try await VolunteeringFacts.community(of: p, on: caller.db),
                VolunteeringFacts.reaches(a.path, community: c) || mine > 0
            else { throw await caller.outOfScope("activity \(id)", scopePath: a.path) }
            return try await activityOut([a], caller)[0]
        }
        if v.role == .unitLiaison {
            // A liaison sees the activities their unit hosts (listed on the unit's desk), nothing else.
            guard let a = try await Activity.find(id, on: caller.db) else { throw AppError.notFound() }
            let units = try await UnitsQueries.liaisonUnitIDs(v, on: caller.db)
            guard let host = a.hostUnitID, units.contains(host) else {
                throw await caller.outOfScope("activity \(id)", scopePath: a.path)
            }
            return try await activityOut([a], caller)[0]
        }
        try await caller.require(.viewTree)
        return try await activityOut(
            [try await VolunteeringFacts.find(Activity.self, id, for: .read, caller)], caller)[0]
    }

    static func activityOut(_ rows: [Activity], _ caller: Caller) async throws -> [ActivityOut] {
        let v = try caller.requireViewer()
        let db = caller.db
        let counts = try await VolunteeringFacts.signupCounts(rows.compactMap(\.id), on: db)
        let nodes = try await OrgQueries.names(rows.map(\.nodeID), on: db)
        let units = try await UnitsQueries.names(rows.compactMap(\.hostUnitID), on: db)
        let teams = try await VolunteeringFacts.teamNames(rows.compactMap(\.teamID), on: db)
        var mine: [Int: SignupStatus] = [:]
        if VolunteeringFacts.isVolunteerRole(v), let pid = v.user.personID {
            for chunk in rows.compactMap(\.id).chunked(500) {
                for s in try await Signup.query(on: db).filter(\.$activityID ~~ chunk).filter(\.$personID == pid)
                    .all()
                where s.status != .cancelled || mine[s.activityID] == nil {
                    mine[s.activityID] = s.status
                }
            }
        }
        let staff = isStaff(v)
        return rows.map { a in
            let c = counts[a.id!] ?? (0, 0)
            return ActivityOut(
                id: a.id!, title: a.title, category: a.category, nodeID: a.nodeID, nodeName: nodes[a.nodeID] ?? "",
                hostUnitID: a.hostUnitID, hostUnitName: a.hostUnitID.flatMap { units[$0] }, teamID: a.teamID,
                teamName: a.teamID.flatMap { teams[$0] }, startsAt: a.startsAt, endsAt: a.endsAt,
                address: a.address, lat: a.lat, lng: a.lng, radiusMeters: a.radiusMeters, capacity: a.capacity,
                confirmed: c.0, waiting: c.1, points: a.points, description: a.details, state: a.state,
                phase: a.span.phase(at: caller.now), code: staff && v.scope.includes(TreePath(a.path)) ? a.code : nil,
                mySignup: mine[a.id!])
        }
    }

    static func signups(_ caller: Caller, activityID: Int) async throws -> [SignupOut] {
        try await caller.require(.viewPeople)
        let a = try await VolunteeringFacts.find(Activity.self, activityID, for: .read, caller)
        let rows = try await Signup.query(on: caller.db).filter(\.$activityID == a.id!).sort(\.$signedAt)
            .sort(\.$id).limit(limit).all()
        let people = try await PeopleQueries.volunteerPeople(rows.map(\.personID), on: caller.db)
        return rows.map { s in
            SignupOut(
                id: s.id!, activityID: s.activityID, personID: s.personID, name: people[s.personID]?.name ?? "",
                status: s.status, signedAt: s.signedAt, promotedAt: s.promotedAt, cancelledAt: s.cancelledAt,
                checkedInAt: s.checkedInAt, checkedOutAt: s.checkedOutAt)
        }
    }

    // MARK: Hours

    /// Staff's hours given in scope (optionally one person's, one activity's); a resident's or member's own.
    static func hours(
        _ caller: Caller, personID: Int? = nil, activityID: Int? = nil, from: Date? = nil, to: Date? = nil,
        limit: Int? = nil
    ) async throws -> [HourOut] {
        let q = try await hourQuery(caller, personID: personID, activityID: activityID, from: from, to: to)
        if let limit { return try await hourOut(try await q.limit(limit).all(), caller.db) }
        return try await hourOut(try await q.whole(), caller.db)
    }

    /// One page of the same list, with its total and the minutes of the whole list.
    static func hours(
        _ caller: Caller, personID: Int? = nil, activityID: Int? = nil, from: Date? = nil, to: Date? = nil,
        page: PageRequest
    ) async throws -> (page: Paged<HourOut>, minutes: Int) {
        let q = try await hourQuery(caller, personID: personID, activityID: activityID, from: from, to: to)
        // Added up here, not by SUM: PostgreSQL's SUM of a bigint is a numeric, which the driver does not read as Int.
        let minutes = try await q.copy().all(\.$minutes).reduce(0, +)
        let rows = try await q.paged(page)
        return (Paged(rows: try await hourOut(rows.rows, caller.db), total: rows.total, asked: page), minutes)
    }

    /// Latest first, then by id: a stable order for pages.
    private static func hourQuery(
        _ caller: Caller, personID: Int?, activityID: Int?, from: Date?, to: Date?
    ) async throws -> QueryBuilder<ServiceHour> {
        let v = try caller.requireViewer()
        let q = ServiceHour.query(on: caller.db)
        if VolunteeringFacts.isVolunteerRole(v) {
            // A resident's or member's hours are their own: naming anyone else is naming no one they know.
            if let personID, personID != v.user.personID {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            q.filter(\.$personID == (v.user.personID ?? -1))
        } else {
            try await caller.require(.viewPeople)
            q.inScope(v.scope, \.$path)
            if v.role == .unitLiaison { q.filter(\.$id == -1) }
            if let personID {
                _ = try await PeopleQueries.scopedVolunteerPerson(personID, field: "personId", caller)
                q.filter(\.$personID == personID)
            }
        }
        if let activityID {
            if !VolunteeringFacts.isVolunteerRole(v) {
                _ = try await caller.scoped(Activity.self, activityID, field: "activityId")
            }
            q.filter(\.$activityID == activityID)
        }
        if let from { q.filter(\.$startedAt >= from) }
        if let to { q.filter(\.$startedAt < to) }
        return q.sort(\.$startedAt, .descending).sort(\.$id, .descending)
    }

    static func hourOut(_ rows: [ServiceHour], _ db: any Database) async throws -> [HourOut] {
        let people = try await PeopleQueries.volunteerPeople(rows.map(\.personID), on: db)
        var titles: [Int: String] = [:]
        for chunk in Array(Set(rows.compactMap(\.activityID))).chunked(500) {
            for a in try await Activity.query(on: db).filter(\.$id ~~ chunk).all() { titles[a.id!] = a.title }
        }
        let teams = try await VolunteeringFacts.teamNames(rows.compactMap(\.teamID), on: db)
        var approvers: [Int: String] = [:]
        let approverIDs = Array(Set(rows.compactMap(\.approverUserID)))
        if !approverIDs.isEmpty {
            for u in try await User.query(on: db).filter(\.$id ~~ approverIDs).all() {
                approvers[u.id!] = u.displayName
            }
        }
        return rows.map { h in
            HourOut(
                id: h.id!, personID: h.personID, name: people[h.personID]?.name ?? "", minutes: h.minutes,
                startedAt: h.startedAt, endedAt: h.endedAt, source: h.source, activityID: h.activityID,
                activityTitle: h.activityID.flatMap { titles[$0] }, teamID: h.teamID,
                teamName: h.teamID.flatMap { teams[$0] }, hostUnitID: h.hostUnitID, approverUserID: h.approverUserID,
                approverName: h.approverUserID.flatMap { approvers[$0] }, note: h.note)
        }
    }

    static func hourCodes(_ caller: Caller, activityID: Int) async throws -> [HourCodeOut] {
        try await caller.require(.editPeople)
        // A read: an activity outside the scope is a 404, as for every other read.
        let a = try await VolunteeringFacts.find(Activity.self, activityID, for: .read, caller)
        return try await HourCode.query(on: caller.db).filter(\.$activityID == a.id!).sort(\.$id, .descending)
            .limit(500).all().map(codeOut)
    }

    static func codeOut(_ c: HourCode) -> HourCodeOut {
        HourCodeOut(
            id: c.id!, code: c.code, activityID: c.activityID, teamID: c.teamID, minutes: c.minutes,
            startedAt: c.startedAt, endedAt: c.endedAt, issuedAt: c.issuedAt, usedAt: c.usedAt)
    }
}

extension VolunteeringLists.ActivityOut {
    /// 已取消 when cancelled, else where it stands by the clock.
    var shownState: Text { state == .cancelled ? .volunteeringActivityState(.cancelled) : .phase(phase) }
}
