import Fluent
import GongzhiCore
import SQLKit
import Vapor

/// Volunteering's services: each takes a `Caller` and its typed input, checks every id against the caller's scope
/// and every rule before anything is written, and writes the change with its audit record in one transaction.
enum VolunteeringService {
    static let maxShort = 100
    static let maxText = 2_000
    static let maxCodes = 100

    // MARK: Inputs

    struct VolunteerInput: StrictInput {
        static let fields: Set<String> = ["personID", "categories", "skills", "availability"]
        var personID: Int?
        var categories: [String]?
        var skills: String?
        var availability: String?
    }

    struct TeamInput: StrictInput {
        static let fields: Set<String> = [
            "name", "kind", "nodeID", "ownerUnitID", "categories", "skills", "gridID", "place", "lat", "lng",
            "capacity",
        ]
        var name: String?
        var kind: String?
        var nodeID: Int?
        var ownerUnitID: Int?
        var categories: [String]?
        var skills: String?
        var gridID: Int?
        var place: String?
        var lat: Double?
        var lng: Double?
        var capacity: Int?
    }

    struct MemberInput: StrictInput {
        static let fields: Set<String> = ["personID", "leader"]
        var personID: Int?
        var leader: Bool?
    }

    struct ActivityInput: StrictInput {
        static let fields: Set<String> = [
            "title", "category", "nodeID", "hostUnitID", "teamID", "startsAt", "endsAt", "address", "lat", "lng",
            "radiusMeters", "capacity", "points", "description",
        ]
        var title: String?
        var category: String?
        var nodeID: Int?
        var hostUnitID: Int?
        var teamID: Int?
        var startsAt: String?
        var endsAt: String?
        var address: String?
        var lat: Double?
        var lng: Double?
        var radiusMeters: Int?
        var capacity: Int?
        var points: Int?
        var description: String?
    }

    struct SignupInput: StrictInput {
        static let fields: Set<String> = ["personID"]
        var personID: Int?
    }

    struct CheckInput: StrictInput {
        static let fields: Set<String> = ["code", "lat", "lng"]
        var code: String?
        var lat: Double?
        var lng: Double?
    }

    struct HourCodesInput: StrictInput {
        static let fields: Set<String> = ["minutes", "count", "teamID", "startsAt"]
        var minutes: Int?
        var count: Int?
        /// For a team's codes (no activity): the team and when the service began.
        var teamID: Int?
        var startsAt: String?
    }

    struct RedeemInput: StrictInput {
        static let fields: Set<String> = ["code"]
        var code: String?
    }

    struct ManualInput: StrictInput {
        static let fields: Set<String> = [
            "personID", "startedAt", "endedAt", "activityID", "teamID", "approverUserID", "note",
        ]
        var personID: Int?
        var startedAt: String?
        var endedAt: String?
        var activityID: Int?
        var teamID: Int?
        var approverUserID: Int?
        var note: String?
    }

    // MARK: Checks

    static func categories(_ raw: [String]?, field: String = "categories") throws -> [ServiceCategory] {
        let list = raw ?? []
        guard list.count <= ServiceCategory.allCases.count * 2 else {
            throw AppError.invalid(.errorVolunteeringCategory, field: field)
        }
        var out: [ServiceCategory] = []
        for r in list where !r.trimmingWhitespace().isEmpty {
            guard let c = ServiceCategory(rawValue: r.trimmingWhitespace()) else {
                throw AppError.invalid(.errorVolunteeringCategory, field: field)
            }
            if !out.contains(c) { out.append(c) }
        }
        if out.isEmpty { throw AppError.invalid(.errorVolunteeringCategoryRequired, field: field) }
        return out
    }

    /// Both or neither, each a real coordinate.
    static func point(_ lat: Double?, _ lng: Double?) throws -> Coordinate? {
        switch (lat, lng) {
        case (nil, nil): return nil
        case (let a?, let b?):
            let c = Coordinate(lat: a, lng: b)
            guard c.isValid else { throw AppError.invalid(.errorVolunteeringPoint, field: "lat") }
            return c
        default: throw AppError.invalid(.errorVolunteeringPoint, field: lat == nil ? "lat" : "lng")
        }
    }

    static func rule(field: String? = nil, _ check: () throws -> Void) throws {
        do {
            try check()
        } catch let r as VolunteeringRules.Refusal {
            throw VolunteeringFacts.refusal(r, field: field)
        }
    }

    /// On PostgreSQL the activity's row is locked for the transaction, so two sign-ups cannot both take its last
    /// place (SQLite's write transactions already run one at a time).
    static func lock(_ table: String, _ id: Int, on db: any Database) async throws {
        guard let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }

    /// The organising node of a team or activity: a community or street in the caller's scope, not archived.
    static func organiser(_ id: Int?, _ caller: Caller) async throws -> OrgNode {
        guard let id else { throw AppError.invalid(.errorVolunteeringNodeRequired, field: "nodeId") }
        let node = try await OrgQueries.findForChange(id, caller, field: "nodeId")
        guard [.communityCommittee, .streetCommittee].contains(node.kind), !node.archived else {
            throw AppError.invalid(.errorVolunteeringNodeKind, field: "nodeId")
        }
        return node
    }

    // MARK: Volunteers

    /// 志愿者注册: a resident or member on the phone for themselves, staff for a person in their scope. One active
    /// registration per person, with the community where the person lives.
    static func register(_ caller: Caller, _ input: VolunteerInput) async throws -> Volunteer {
        let v = try caller.requireViewer()
        let person: PeopleQueries.VolunteerPerson
        if VolunteeringFacts.isVolunteerRole(v) {
            let (_, own) = try await VolunteeringFacts.own(caller)
            if let asked = input.personID, asked != own {
                await AccessLog.write(caller, .forbiddenChange, detail: "volunteer registration of person \(asked)")
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            guard let p = try await PeopleQueries.volunteerPerson(own, on: caller.db) else {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            person = p
        } else {
            try await VolunteeringFacts.staff(caller)
            guard let id = input.personID else { throw AppError.invalid(.errorRefUnknown, field: "personId") }
            person = try await PeopleQueries.scopedVolunteerPerson(id, field: "personId", caller)
        }
        let cats = try categories(input.categories)
        let skills = try VolunteeringFacts.text(input.skills, field: "skills", max: 200, required: false)
        let availability = try VolunteeringFacts.text(
            input.availability, field: "availability", max: 200, required: false)
        guard let community = try await VolunteeringFacts.community(of: person, on: caller.db) else {
            throw AppError.invalid(.errorVolunteeringNoCommunity, field: "personId")
        }
        let r = Volunteer()
        r.personID = person.id
        r.communityNodeID = community.id!
        r.path = community.path
        r.categories = VolunteeringFacts.categoriesText(cats)
        r.skills = skills
        r.availability = availability
        r.registeredOn = caller.today.description
        r.recordedBy = v.user.id!
        let label = "\(person.name) → \(community.name)"
        try await caller.db.writing { db in
            if try await VolunteeringFacts.activeVolunteer(person: person.id, on: db) != nil {
                throw AppError.conflict(.errorVolunteeringRegistered)
            }
            try await r.create(on: db)
            try await PeopleQueries.setVolunteer(person.id, true, db: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .volunteer, id: r.id!, label: label, scopePath: r.path,
                before: nil as String?,
                after: ["person": String(person.id), "categories": r.categories, "skills": skills])
        }
        return r
    }

    /// A registration ends (the volunteer stops, or moves): dated; the hours stay.
    static func endVolunteer(_ caller: Caller, id: Int) async throws -> Volunteer {
        let v = try caller.requireViewer()
        let r: Volunteer
        if VolunteeringFacts.isVolunteerRole(v) {
            let (_, own) = try await VolunteeringFacts.own(caller)
            guard let found = try await Volunteer.find(id, on: caller.db) else { throw AppError.notFound() }
            guard found.personID == own else { throw await caller.forbidden("end volunteer \(id)") }
            r = found
        } else {
            try await VolunteeringFacts.staff(caller)
            r = try await VolunteeringFacts.find(Volunteer.self, id, for: .change, caller)
        }
        if r.endedOn != nil { throw AppError.conflict(.errorVolunteeringEnded) }
        r.endedOn = caller.today.description
        try await caller.db.writing { db in
            try await r.save(on: db)
            try await PeopleQueries.setVolunteer(r.personID, false, db: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .volunteer, id: r.id!, label: "person \(r.personID)",
                scopePath: r.path, before: nil as String?, after: ["endedOn": r.endedOn!])
        }
        return r
    }

    // MARK: Teams

    static func createTeam(_ caller: Caller, _ input: TeamInput) async throws -> ServiceTeam {
        let v = try await VolunteeringFacts.staff(caller)
        let node = try await organiser(input.nodeID, caller)
        var problems: [String: String] = [:]
        let name = (input.name ?? "").trimmingWhitespace()
        if name.isEmpty || name.count > maxShort { problems["name"] = Text.errorVolunteeringTextRequired.key }
        let kind = TeamKind(rawValue: input.kind ?? "")
        if kind == nil { problems["kind"] = Text.errorVolunteeringKind.key }
        let capacity = input.capacity ?? 1
        if !(1...1_000).contains(capacity) { problems["capacity"] = Text.errorVolunteeringCapacity.key }
        if let e = AppError.fields(problems) { throw e }
        let cats = try categories(input.categories)
        let skills = try VolunteeringFacts.text(input.skills, field: "skills", max: 200, required: false)
        let place = try VolunteeringFacts.text(input.place, field: "place", max: 200, required: false)
        let at = try point(input.lat, input.lng)
        var ownerName: String?
        if let u = input.ownerUnitID {
            ownerName = try await UnitsQueries.scopedActive(u, field: "ownerUnitId", caller).name
        }
        if kind == .unitTeam, input.ownerUnitID == nil {
            throw AppError.invalid(.errorVolunteeringUnitRequired, field: "ownerUnitId")
        }
        if let g = input.gridID {
            let grid = try await PlacesQueries.scopedGrid(g, field: "gridId", caller)
            guard node.treePath.contains(TreePath(grid.path)) else {
                throw AppError.invalid(.errorVolunteeringGridOutside, field: "gridId")
            }
        }
        let t = ServiceTeam()
        t.name = name
        t.kind = kind!
        t.nodeID = node.id!
        t.path = node.path
        t.ownerUnitID = input.ownerUnitID
        t.categories = VolunteeringFacts.categoriesText(cats)
        t.skills = skills
        t.gridID = input.gridID
        t.place = place
        t.lat = at?.lat
        t.lng = at?.lng
        t.capacity = capacity
        t.active = true
        let unitName = ownerName ?? ""
        try await caller.db.writing { db in
            try await t.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .serviceTeam, id: t.id!, label: name,
                scopePath: t.path,
                before: nil as String?,
                after: [
                    "name": name, "kind": t.kind.rawValue, "node": node.name, "unit": unitName,
                    "categories": t.categories, "capacity": String(capacity),
                ])
        }
        return t
    }

    /// A registered volunteer in scope joins a team (once at a time); a leader replaces the team's leader.
    static func addMember(_ caller: Caller, teamID: Int, _ input: MemberInput) async throws -> TeamMember {
        let v = try await VolunteeringFacts.staff(caller)
        let team = try await VolunteeringFacts.find(ServiceTeam.self, teamID, for: .change, caller)
        guard team.active else { throw AppError.conflict(.errorVolunteeringTeamInactive) }
        guard let pid = input.personID else { throw AppError.invalid(.errorRefUnknown, field: "personId") }
        let person = try await PeopleQueries.scopedVolunteerPerson(pid, field: "personId", caller)
        guard try await VolunteeringFacts.activeVolunteer(person: person.id, on: caller.db) != nil else {
            throw AppError.invalid(.errorVolunteeringNotRegistered, field: "personId")
        }
        let m = TeamMember()
        m.teamID = team.id!
        m.personID = person.id
        m.path = team.path
        m.leader = input.leader ?? false
        m.joinedOn = caller.today.description
        try await caller.db.writing { db in
            let already = try await TeamMember.query(on: db).filter(\.$teamID == team.id!)
                .filter(\.$personID == person.id).filter(\.$leftOn == nil).count()
            if already > 0 { throw AppError.conflict(.errorVolunteeringMemberTwice) }
            if m.leader {
                try await TeamMember.query(on: db).filter(\.$teamID == team.id!).filter(\.$leader == true)
                    .set(\.$leader, to: false).update()
            }
            try await m.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .serviceTeam, id: team.id!, label: team.name,
                scopePath: team.path,
                before: nil as String?,
                after: ["member": String(person.id), "name": person.name, "leader": String(m.leader)])
        }
        return m
    }

    // MARK: Activities

    static func createActivity(_ caller: Caller, _ input: ActivityInput) async throws -> Activity {
        let v = try await VolunteeringFacts.staff(caller)
        let node = try await organiser(input.nodeID, caller)
        var problems: [String: String] = [:]
        let title = (input.title ?? "").trimmingWhitespace()
        if title.isEmpty || title.count > maxShort { problems["title"] = Text.errorVolunteeringTextRequired.key }
        let category = ServiceCategory(rawValue: input.category ?? "")
        if category == nil { problems["category"] = Text.errorVolunteeringCategory.key }
        let address = (input.address ?? "").trimmingWhitespace()
        if address.isEmpty || address.count > 200 { problems["address"] = Text.errorVolunteeringTextRequired.key }
        let capacity = input.capacity ?? 0
        if !(1...10_000).contains(capacity) { problems["capacity"] = Text.errorVolunteeringCapacity.key }
        let points = input.points ?? 0
        if !(0...1_000).contains(points) { problems["points"] = Text.errorVolunteeringPoints.key }
        let radius = input.radiusMeters ?? 200
        if !VolunteeringRules.radiusMeters.contains(radius) {
            problems["radiusMeters"] = Text.errorVolunteeringRadius.key
        }
        if let e = AppError.fields(problems) { throw e }
        let details = try VolunteeringFacts.text(
            input.description, field: "description", max: maxText, required: false)
        let starts = try VolunteeringFacts.instant(input.startsAt, field: "startsAt")
        let ends = try VolunteeringFacts.instant(input.endsAt, field: "endsAt")
        let minutes = Int(ends.timeIntervalSince(starts) / 60)
        guard minutes >= 15, minutes <= VolunteeringRules.maxShiftMinutes else {
            throw AppError.invalid(.errorVolunteeringDuration, field: "endsAt")
        }
        let now = caller.now
        guard starts > now.addingTimeInterval(-366 * 86_400), starts < now.addingTimeInterval(2 * 366 * 86_400) else {
            throw AppError.invalid(.errorVolunteeringTime, field: "startsAt")
        }
        let at = try point(input.lat, input.lng)
        var hostName = ""
        if let u = input.hostUnitID {
            hostName = try await UnitsQueries.scopedActive(u, field: "hostUnitId", caller).name
        }
        if let t = input.teamID {
            let team = try await caller.scoped(ServiceTeam.self, t, for: .change, field: "teamId")
            guard team.active else { throw AppError.invalid(.errorVolunteeringTeamInactive, field: "teamId") }
        }
        let a = Activity()
        a.title = title
        a.category = category!
        a.nodeID = node.id!
        a.path = node.path
        a.hostUnitID = input.hostUnitID
        a.teamID = input.teamID
        a.startsAt = starts
        a.endsAt = ends
        a.address = address
        a.lat = at?.lat
        a.lng = at?.lng
        a.radiusMeters = radius
        a.capacity = capacity
        a.points = points
        a.details = details
        a.state = .open
        a.createdBy = v.user.id!
        let host = hostName
        try await caller.db.writing { db in
            a.code = try await VolunteeringFacts.freshActivityCode(at: now, on: db)
            try await a.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .activity, id: a.id!, label: title, scopePath: a.path,
                before: nil as String?,
                after: [
                    "title": title, "node": node.name, "host": host, "startsAt": VolunteeringFacts.local(starts),
                    "endsAt": VolunteeringFacts.local(ends), "capacity": String(capacity), "points": String(points),
                ])
        }
        return a
    }

    /// An activity is cancelled (never deleted): its sign-ups stay as they were, its hours stay.
    static func cancelActivity(_ caller: Caller, id: Int) async throws -> Activity {
        let v = try await VolunteeringFacts.staff(caller)
        let a = try await VolunteeringFacts.find(Activity.self, id, for: .change, caller)
        guard a.state == .open else { throw AppError.conflict(.errorVolunteeringCancelled) }
        // What has happened stays: an ended activity keeps its attendance and hours.
        guard a.span.phase(at: caller.now) != .ended else { throw AppError.conflict(.errorVolunteeringOver) }
        a.state = .cancelled
        try await caller.db.writing { db in
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .archive, entity: .activity, id: a.id!, label: a.title,
                scopePath: a.path,
                before: ["state": "open"], after: ["state": "cancelled"])
        }
        return a
    }

    // MARK: Sign-up

    /// Whose sign-up: one's own on the phone (the activity must reach one's community), or staff's for a person in
    /// their scope at an activity in their scope.
    static func signer(_ caller: Caller, activityID: Int, personID: Int?, for use: ScopeUse) async throws
        -> (Viewer, Activity, PeopleQueries.VolunteerPerson)
    {
        let v = try caller.requireViewer()
        if VolunteeringFacts.isVolunteerRole(v) {
            let (_, own) = try await VolunteeringFacts.own(caller)
            if let asked = personID, asked != own {
                await AccessLog.write(caller, .forbiddenChange, detail: "sign-up for person \(asked)")
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            guard let p = try await PeopleQueries.volunteerPerson(own, on: caller.db) else {
                throw AppError.invalid(.errorRefUnknown, field: "personId")
            }
            guard let a = try await Activity.find(activityID, on: caller.db) else { throw AppError.notFound() }
            guard let c = try await VolunteeringFacts.community(of: p, on: caller.db),
                VolunteeringFacts.reaches(a.path, community: c)
            else {
                throw await caller.outOfScope(
                    "activity \(activityID) outside the person's community", scopePath: a.path)
            }
            return (v, a, p)
        }
        try await VolunteeringFacts.staff(caller)
        let a = try await VolunteeringFacts.find(Activity.self, activityID, for: use, caller)
        guard let pid = personID else { throw AppError.invalid(.errorRefUnknown, field: "personId") }
        return (v, a, try await PeopleQueries.scopedVolunteerPerson(pid, field: "personId", caller))
    }

    /// A registered volunteer signs up: a place while there is one, else the wait list. Once per activity.
    static func signUp(_ caller: Caller, activityID: Int, _ input: SignupInput) async throws -> Signup {
        let (v, a, p) = try await signer(caller, activityID: activityID, personID: input.personID, for: .change)
        guard a.state == .open else { throw AppError.conflict(.errorVolunteeringCancelled) }
        guard a.endsAt > caller.now else { throw AppError.conflict(.errorVolunteeringOver) }
        guard try await VolunteeringFacts.activeVolunteer(person: p.id, on: caller.db) != nil else {
            throw AppError.invalid(.errorVolunteeringNotRegistered, field: "personId")
        }
        let s = Signup()
        s.activityID = a.id!
        s.personID = p.id
        s.path = a.path
        s.signedAt = caller.now
        try await caller.db.writing { db in
            try await lock(Activity.schema, a.id!, on: db)
            let live = try await Signup.query(on: db).filter(\.$activityID == a.id!).filter(\.$personID == p.id)
                .filter(\.$status != .cancelled).count()
            if live > 0 { throw AppError.conflict(.errorVolunteeringSignedUp) }
            let confirmed = try await VolunteeringFacts.confirmedCount(a.id!, on: db)
            s.status =
                VolunteeringRules.place(capacity: a.capacity, confirmed: confirmed) == .confirmed
                ? .confirmed : .waiting
            try await s.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .signup, id: s.id!, label: "\(p.name) → \(a.title)",
                scopePath: a.path, before: nil as String?, after: ["status": s.status.rawValue])
        }
        return s
    }

    /// A sign-up is cancelled before check-in; a place it frees goes to the first waiting, who is told.
    static func cancelSignup(_ caller: Caller, activityID: Int, _ input: SignupInput) async throws -> Signup {
        let (v, a, p) = try await signer(caller, activityID: activityID, personID: input.personID, for: .change)
        return try await caller.db.writing { db in
            try await lock(Activity.schema, a.id!, on: db)
            guard
                let s = try await Signup.query(on: db).filter(\.$activityID == a.id!).filter(\.$personID == p.id)
                    .filter(\.$status != .cancelled).first()
            else { throw AppError.conflict(.errorVolunteeringNotSignedUp) }
            if s.checkedInAt != nil { throw AppError.conflict(.errorVolunteeringCheckedInCancel) }
            let before = s.status
            s.status = .cancelled
            s.cancelledAt = caller.now
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .signup, id: s.id!, label: "\(p.name) → \(a.title)",
                scopePath: a.path, before: ["status": before.rawValue], after: ["status": "cancelled"])
            if before == .confirmed { try await promote(a, by: v, at: caller.now, on: db) }
            return s
        }
    }

    /// Places free on an activity go to the first waiting, in order of sign-up; each is stamped (the volunteer sees
    /// it on the phone and in their to-dos) and audited. Called in the change's transaction.
    static func promote(_ a: Activity, by v: Viewer?, at now: Date, on db: any Database) async throws {
        let confirmed = try await VolunteeringFacts.confirmedCount(a.id!, on: db)
        let waiting = try await Signup.query(on: db).filter(\.$activityID == a.id!).filter(\.$status == .waiting)
            .sort(\.$signedAt).sort(\.$id).limit(max(0, a.capacity - confirmed)).all()
        let ids = VolunteeringRules.promotions(
            capacity: a.capacity, confirmed: confirmed, waiting: waiting.compactMap(\.id))
        for s in waiting where ids.contains(s.id!) {
            s.status = .confirmed
            s.promotedAt = now
            try await s.save(on: db)
            try await Audit.record(
                on: db, by: v, at: now, .update, entity: .signup, id: s.id!,
                label: "person \(s.personID) → \(a.title)",
                scopePath: a.path, before: ["status": "waiting"], after: ["status": "confirmed", "promoted": "true"])
        }
    }

    // MARK: Check-in and check-out

    /// The activity a code names for this person: open, with the person's live sign-up, the one happening now
    /// first. Unknown codes and activities the person did not sign up for are refused alike (nothing leaks).
    static func byCode(_ caller: Caller, _ input: CheckInput) async throws
        -> (Viewer, Int, Activity, Signup)
    {
        let (v, personID) = try await VolunteeringFacts.own(caller)
        try await CodeGuesses.check(caller)
        let unknown = AppError.invalid(.errorVolunteeringCodeUnknown, field: "code")
        let code = (input.code ?? "").trimmingWhitespace()
        guard VolunteeringRules.isWellFormedCode(code) else { throw await CodeGuesses.wrong(caller, unknown) }
        let now = caller.now
        let activities = try await Activity.query(on: caller.db).filter(\.$code == code).filter(\.$state == .open)
            .filter(\.$endsAt > now.addingTimeInterval(-2 * 86_400)).sort(\.$startsAt).limit(20).all()
        let signups = try await Signup.query(on: caller.db).filter(\.$activityID ~~ activities.compactMap(\.id))
            .filter(\.$personID == personID).filter(\.$status != .cancelled).all()
        let mine = activities.filter { a in signups.contains { $0.activityID == a.id } }
        let current = mine.min { abs($0.startsAt.timeIntervalSince(now)) < abs($1.startsAt.timeIntervalSince(now)) }
        guard let a = current, let s = signups.first(where: { $0.activityID == a.id }) else {
            // An activity one did not sign up for answers as an unknown code: a guess learns nothing.
            throw await CodeGuesses.wrong(caller, unknown)
        }
        guard s.status == .confirmed else { throw AppError.conflict(.errorVolunteeringWaiting) }
        return (v, personID, a, s)
    }

    static func phonePoint(_ input: CheckInput) -> Coordinate? {
        guard let lat = input.lat, let lng = input.lng else { return nil }
        return Coordinate(lat: lat, lng: lng)
    }

    static func checkIn(_ caller: Caller, _ input: CheckInput) async throws -> (Activity, Signup) {
        let (v, _, a, s) = try await byCode(caller, input)
        let now = caller.now
        try rule(field: "code") {
            try VolunteeringRules.checkIn(now: now, activity: a.window, alreadyCheckedIn: s.checkedInAt != nil)
        }
        try rule(field: "location") {
            try VolunteeringRules.checkPlace(point: a.point, radiusMeters: a.radiusMeters, phone: phonePoint(input))
        }
        try await caller.db.writing { db in
            // Once only, even when two check-ins race: the row changes only while it has no check-in.
            let changed = try await db.sql().update(Signup.schema).set("checked_in_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(s.id!)).where("checked_in_at", .is, SQLLiteral.null).returning("id").all()
            if changed.isEmpty { throw VolunteeringFacts.refusal(.alreadyCheckedIn) }
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .signup, id: s.id!, label: "check-in \(a.title)",
                scopePath: a.path,
                before: nil as String?, after: ["checkedInAt": VolunteeringFacts.local(now)])
        }
        s.checkedInAt = now
        return (a, s)
    }

    /// Check-out records the hours: from the later of check-in and start to the earlier of check-out and end,
    /// refused when they overlap hours the person already has.
    static func checkOut(_ caller: Caller, _ input: CheckInput) async throws -> ServiceHour {
        let (v, personID, a, s) = try await byCode(caller, input)
        let now = caller.now
        try rule(field: "code") {
            try VolunteeringRules.checkOut(
                now: now, activity: a.window, checkedInAt: s.checkedInAt, checkedOutAt: s.checkedOutAt)
        }
        try rule(field: "location") {
            try VolunteeringRules.checkPlace(point: a.point, radiusMeters: a.radiusMeters, phone: phonePoint(input))
        }
        let shift = VolunteeringRules.attendedShift(checkedInAt: s.checkedInAt!, checkedOutAt: now, activity: a.window)
        let team = try await a.teamID.asyncMap { try await ServiceTeam.find($0, on: caller.db) } ?? nil
        let h = hour(personID, shift, .checkInOut, path: a.path, by: v)
        h.activityID = a.id
        h.teamID = a.teamID
        h.hostUnitID = a.hostUnitID ?? team?.ownerUnitID
        h.signupID = s.id
        h.note = a.title
        try await caller.db.writing { db in
            let existing = try await VolunteeringFacts.shifts(person: personID, around: shift.start, shift.end, on: db)
            try rule(field: "code") { try VolunteeringRules.checkShift(shift, existing: existing, now: now) }
            let changed = try await db.sql().update(Signup.schema).set("checked_out_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(s.id!)).where("checked_out_at", .is, SQLLiteral.null).returning("id")
                .all()
            if changed.isEmpty { throw VolunteeringFacts.refusal(.alreadyCheckedOut) }
            try await h.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .serviceHour, id: h.id!, label: "check-out \(a.title)",
                scopePath: h.path, before: nil as String?,
                after: ["minutes": String(h.minutes), "source": h.source.rawValue])
        }
        return h
    }

    static func hour(
        _ personID: Int, _ shift: VolunteeringRules.Shift, _ source: HourSource, path: String, by v: Viewer
    ) -> ServiceHour {
        let h = ServiceHour()
        h.personID = personID
        h.path = path
        h.minutes = shift.minutes
        h.startedAt = shift.start
        h.endedAt = shift.end
        h.source = source
        h.note = ""
        h.recordedBy = v.user.id!
        return h
    }

    // MARK: Hour codes

    /// The organiser issues one-time hour codes for an activity in scope (the service starts at its start) or a
    /// team in scope (from `startsAt`), each good for `minutes`.
    static func issueCodes(_ caller: Caller, activityID: Int?, _ input: HourCodesInput) async throws -> [HourCode] {
        let v = try await VolunteeringFacts.staff(caller)
        let count = input.count ?? 1
        guard (1...maxCodes).contains(count) else {
            throw AppError.invalid(.errorVolunteeringCodeCount, args: [String(maxCodes)], field: "count")
        }
        let minutes = input.minutes ?? 0
        guard (1...VolunteeringRules.maxShiftMinutes).contains(minutes) else {
            throw AppError.invalid(.errorVolunteeringMinutes, field: "minutes")
        }
        var path: String
        var start: Date
        var teamID = input.teamID
        if let activityID {
            let a = try await VolunteeringFacts.find(Activity.self, activityID, for: .change, caller)
            guard a.state == .open else { throw AppError.conflict(.errorVolunteeringCancelled) }
            path = a.path
            start = a.startsAt
            teamID = a.teamID
        } else {
            guard let t = input.teamID else { throw AppError.invalid(.errorRefUnknown, field: "teamId") }
            let team = try await caller.scoped(ServiceTeam.self, t, for: .change, field: "teamId")
            path = team.path
            start = try VolunteeringFacts.instant(input.startsAt, field: "startsAt")
        }
        let end = start.addingTimeInterval(Double(minutes * 60))
        guard end <= caller.now.addingTimeInterval(366 * 86_400), start > caller.now.addingTimeInterval(-366 * 86_400)
        else {
            throw AppError.invalid(.errorVolunteeringTime, field: "startsAt")
        }
        let issuedBy = v.user.id!
        let (codePath, codeStart, codeTeam) = (path, start, teamID)
        return try await caller.db.writing { db in
            var out: [HourCode] = []
            for _ in 0..<count {
                let c = HourCode()
                c.code = try await VolunteeringFacts.freshHourCode(on: db)
                c.activityID = activityID
                c.teamID = codeTeam
                c.path = codePath
                c.minutes = minutes
                c.startedAt = codeStart
                c.endedAt = end
                c.issuedBy = issuedBy
                c.issuedAt = caller.now
                try await c.create(on: db)
                out.append(c)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .hourCode, id: out[0].id!,
                label: "\(count) × \(minutes)′",
                scopePath: codePath, before: nil as String?,
                after: ["count": String(count), "minutes": String(minutes), "activity": activityID.map(String.init)])
            return out
        }
    }

    /// A volunteer redeems an hour code on the phone: once, by one person, not overlapping their hours.
    static func redeem(_ caller: Caller, _ input: RedeemInput) async throws -> ServiceHour {
        let (v, personID) = try await VolunteeringFacts.own(caller)
        try await CodeGuesses.check(caller)
        let unknown = AppError.invalid(.errorVolunteeringCodeUnknown, field: "code")
        let code = (input.code ?? "").trimmingWhitespace()
        guard VolunteeringRules.isWellFormedCode(code),
            let c = try await HourCode.query(on: caller.db).filter(\.$code == code).first()
        else { throw await CodeGuesses.wrong(caller, unknown) }
        // A code serves the volunteers its community reaches: to anyone else it is as unknown as a wrong guess,
        // used or not, so this is asked before whether it was used.
        guard let me = try await PeopleQueries.volunteerPerson(personID, on: caller.db),
            let home = try await VolunteeringFacts.community(of: me, on: caller.db),
            VolunteeringFacts.reaches(c.path, community: home)
        else { throw await CodeGuesses.wrong(caller, unknown) }
        // A used code answers as an unknown one: whether a code was ever issued is nothing a guess may learn.
        if c.usedAt != nil { throw await CodeGuesses.wrong(caller, unknown) }
        guard try await VolunteeringFacts.activeVolunteer(person: personID, on: caller.db) != nil else {
            throw AppError.invalid(.errorVolunteeringNotRegistered, field: "code")
        }
        let shift = VolunteeringRules.Shift(start: c.startedAt, end: c.endedAt)
        let activity = try await c.activityID.asyncMap { try await Activity.find($0, on: caller.db) } ?? nil
        let team = try await c.teamID.asyncMap { try await ServiceTeam.find($0, on: caller.db) } ?? nil
        let h = hour(personID, shift, .hourCode, path: c.path, by: v)
        h.activityID = c.activityID
        h.teamID = c.teamID
        h.hostUnitID = activity?.hostUnitID ?? team?.ownerUnitID
        h.hourCodeID = c.id
        h.note = activity?.title ?? team?.name ?? ""
        let now = caller.now
        try await caller.db.writing { db in
            let existing = try await VolunteeringFacts.shifts(person: personID, around: shift.start, shift.end, on: db)
            try rule(field: "code") { try VolunteeringRules.checkShift(shift, existing: existing, now: now) }
            let changed = try await db.sql().update(HourCode.schema).set("used_at", to: SQLBind(now))
                .set("used_by_person_id", to: SQLBind(personID)).where("id", .equal, SQLBind(c.id!))
                .where("used_at", .is, SQLLiteral.null).returning("id").all()
            if changed.isEmpty { throw VolunteeringFacts.refusal(.codeUsed) }
            try await h.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .serviceHour, id: h.id!, label: "hour code \(c.id!)",
                scopePath: h.path, before: nil as String?,
                after: ["minutes": String(h.minutes), "source": h.source.rawValue])
        }
        return h
    }

    // MARK: Manual entries

    /// Staff record hours by hand for a volunteer in scope, naming the staff member who is to approve them: an
    /// active account that manages people over the place of service, neither the recorder nor the volunteer. The
    /// hours wait in the approver's to-dos and count once approved (`manualHours`).
    static func manualEntry(_ caller: Caller, _ input: ManualInput) async throws -> Approval {
        let v = try await VolunteeringFacts.staff(caller)
        guard let pid = input.personID else { throw AppError.invalid(.errorRefUnknown, field: "personId") }
        let person = try await PeopleQueries.scopedVolunteerPerson(pid, field: "personId", caller)
        let start = try VolunteeringFacts.instant(input.startedAt, field: "startedAt")
        let end = try VolunteeringFacts.instant(input.endedAt, field: "endedAt")
        let note = try VolunteeringFacts.text(input.note, field: "note", max: 200)
        var path: String
        var activity: Activity?
        var team: ServiceTeam?
        if let id = input.activityID {
            activity = try await caller.scoped(Activity.self, id, field: "activityId")
        }
        if let id = input.teamID { team = try await caller.scoped(ServiceTeam.self, id, field: "teamId") }
        if let a = activity {
            path = a.path
        } else if let t = team {
            path = t.path
        } else if let c = try await VolunteeringFacts.community(of: person, on: caller.db) {
            path = c.path
        } else {
            throw AppError.invalid(.errorVolunteeringNoCommunity, field: "personId")
        }
        let volunteerUsers = Set(
            try await User.query(on: caller.db).filter(\.$personID == person.id).all().compactMap(\.id))
        try rule(field: "approverUserId") {
            try VolunteeringRules.checkApprover(approverUserID: input.approverUserID, volunteerUserIDs: volunteerUsers)
        }
        guard let approver = try await Viewer.load(userID: input.approverUserID!, on: caller.db),
            approver.can(.editPeople), approver.scope.includes(TreePath(path))
        else { throw AppError.invalid(.errorVolunteeringApprover, field: "approverUserId") }
        let shift = VolunteeringRules.Shift(start: start, end: end)
        let now = caller.now
        try rule(field: "startedAt") { try VolunteeringRules.checkShift(shift, existing: [], now: now) }
        let existing = try await VolunteeringFacts.shifts(person: person.id, around: start, end, on: caller.db)
        try rule(field: "startedAt") { try VolunteeringRules.checkShift(shift, existing: existing, now: now) }
        let payload = ManualHours(
            personID: person.id, startedAt: start, endedAt: end, activityID: activity?.id,
            teamID: team?.id ?? activity?.teamID, hostUnitID: activity?.hostUnitID ?? team?.ownerUnitID, path: path,
            note: note)
        let hours = VolunteeringRules.hoursText(shift.minutes)
        let label = "\(person.name) · \(hours) h · \(VolunteeringFacts.local(start)) · \(note)"
        let place = path
        return try await caller.db.writing { db in
            try await Approvals.request(
                manualHours, payload: payload, path: place, label: label, approver: approver.user,
                beneficiaryPersonID: person.id, by: v, at: now, on: db)
        }
    }

    /// Hours entered by hand, as they wait for their approver.
    struct ManualHours: Codable, Sendable {
        let personID: Int
        let startedAt: Date
        let endedAt: Date
        let activityID: Int?
        let teamID: Int?
        let hostUnitID: Int?
        let path: String
        let note: String
    }

    static let manualHours = ApprovalKind(
        kind: "volunteering_manual_hours", label: .volunteeringSourceLabel(.manual),
        link: { _ in VolunteeringRoute.hours.link }, apply: { a, d in try await approveManual(a, d) })

    /// The approver agrees: the hours are written now, checked again against the person's hours (a check-in
    /// recorded since may cover the same time).
    static func approveManual(_ a: Approval, _ d: ApprovalDecision) async throws -> Int {
        let p = try Approvals.payload(ManualHours.self, of: a)
        let shift = VolunteeringRules.Shift(start: p.startedAt, end: p.endedAt)
        let existing = try await VolunteeringFacts.shifts(person: p.personID, around: p.startedAt, p.endedAt, on: d.db)
        try rule(field: "startedAt") { try VolunteeringRules.checkShift(shift, existing: existing, now: d.now) }
        let h = ServiceHour()
        h.personID = p.personID
        h.path = p.path
        h.minutes = shift.minutes
        h.startedAt = shift.start
        h.endedAt = shift.end
        h.source = .manual
        h.note = p.note
        h.recordedBy = a.recordedBy
        h.activityID = p.activityID
        h.teamID = p.teamID
        h.hostUnitID = p.hostUnitID
        h.approverUserID = d.viewer.user.id
        try await h.create(on: d.db)
        try await Audit.record(
            on: d.db, by: d.viewer, at: d.now, .create, entity: .serviceHour, id: h.id!, label: a.label,
            scopePath: h.path, before: nil as String?,
            after: [
                "minutes": String(h.minutes), "source": h.source.rawValue, "approval": String(a.id!),
                "recordedBy": a.recordedByName,
            ])
        return h.id!
    }
}
