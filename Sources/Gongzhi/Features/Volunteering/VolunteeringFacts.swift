import Fluent
import GongzhiCore
import Vapor

extension Volunteer: ScopedRecord {}
extension ServiceTeam: ScopedRecord {}
extension Activity: ScopedRecord {}
extension ServiceHour: ScopedRecord {}

/// Who may see and change what in Volunteering, in one place: the pages, the API and the published queries call
/// these.
enum VolunteeringFacts {
    static let tz = TimeZone(identifier: "Asia/Shanghai")!

    // MARK: Who

    /// Residents and party members act for themselves on the phone.
    static func isVolunteerRole(_ v: Viewer) -> Bool { v.role == .resident || v.role == .partyMember }

    /// A resident or member acting for themselves: the account and the person behind it.
    static func own(_ caller: Caller) async throws -> (Viewer, Int) {
        let v = try caller.requireViewer()
        guard isVolunteerRole(v), let personID = v.user.personID else {
            throw await caller.forbidden("volunteering: not a resident's or member's account")
        }
        return (v, personID)
    }

    /// Staff who manage volunteering in their scope.
    @discardableResult
    static func staff(_ caller: Caller) async throws -> Viewer {
        let v = try await caller.require(.editPeople)
        return v
    }

    /// A record by id in the caller's scope (read: its path's subtree; change: the same), with the scope's logged
    /// 404 or 403.
    static func find<M: ScopedRecord>(_ type: M.Type, _ id: Int, for use: ScopeUse, _ caller: Caller) async throws
        -> M
    {
        let v = try caller.requireViewer()
        if v.scope.isSelfOnly || v.role == .unitLiaison {
            guard let record = try await M.find(id, on: caller.db) else { throw AppError.notFound() }
            if use == .read { throw await caller.outOfScope("\(M.schema) \(id)", scopePath: record.path) }
            throw await caller.forbidden("change \(M.schema) \(id)", scopePath: record.path)
        }
        return try await caller.scoped(type, id, for: use)
    }

    /// The community above (or at) a node: where a person's registration belongs.
    static func community(of nodeID: Int, on db: any Database) async throws -> OrgNode? {
        guard let node = try await OrgNode.find(nodeID, on: db) else { return nil }
        return try await OrgQueries.community(of: node, on: db)
    }

    /// A person's community: their home community when they have one, else the community where they are organised.
    static func community(of p: PeopleQueries.VolunteerPerson, on db: any Database) async throws -> OrgNode? {
        if let home = p.homeNodeID, let c = try await community(of: home, on: db) { return c }
        return try await community(of: p.orgNodeID, on: db)
    }

    /// The paths a resident's activity list and sign-ups reach: activities organised by their community, anything
    /// below it, and the street and district above it (whose activities are open to all their residents).
    static func reach(of community: OrgNode) -> (own: String, above: [String]) {
        (community.path, community.treePath.ancestors.map(\.value))
    }

    static func reaches(_ path: String, community: OrgNode) -> Bool {
        let r = reach(of: community)
        return path.hasPrefix(r.own) || r.above.contains(path)
    }

    /// The active registration of a person.
    static func activeVolunteer(person id: Int, on db: any Database) async throws -> Volunteer? {
        try await Volunteer.query(on: db).filter(\.$personID == id).filter(\.$endedOn == nil).first()
    }

    // MARK: Categories

    static func categories(_ raw: String) -> [ServiceCategory] {
        raw.split(separator: ",").compactMap { ServiceCategory(rawValue: String($0)) }
    }

    static func categoriesText(_ c: [ServiceCategory]) -> String {
        ServiceCategory.allCases.filter(c.contains).map(\.rawValue).joined(separator: ",")
    }

    // MARK: Times

    /// A time from a client: ISO 8601 with a zone, or a local time in Asia/Shanghai as a form's datetime-local
    /// sends it (2026-05-01T09:30, 2026-05-01 09:30).
    static func instant(_ raw: String?, field: String) throws -> Date {
        let t = (raw ?? "").trimmingWhitespace()
        guard !t.isEmpty, t.count <= 40 else { throw AppError.invalid(.errorVolunteeringTime, field: field) }
        if let d = ISO8601DateFormatter().date(from: t) { return d }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tz
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        throw AppError.invalid(.errorVolunteeringTime, field: field)
    }

    /// "2026-05-01 09:30" in Asia/Shanghai.
    static func local(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tz
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: d)
    }

    /// "2026-05-01T09:30", for a datetime-local input.
    static func inputValue(_ d: Date) -> String { local(d).replacingOccurrences(of: " ", with: "T") }

    static func hm(_ d: Date) -> String { String(local(d).suffix(5)) }

    /// The instant a local day starts.
    static func start(of day: LocalDate) -> Date { Date(timeIntervalSince1970: day.startInstant) }

    // MARK: Text

    static func text(_ raw: String?, field: String, max: Int, required: Bool = true) throws -> String {
        try FormText.text(raw, field: field, max: max, required: required)
    }

    /// A rule's refusal as the answer the client sees: 409 for a state (already checked in, a used code, an
    /// overlap), 422 otherwise, with the field it concerns.
    static func refusal(_ r: VolunteeringRules.Refusal, field: String? = nil) -> AppError {
        switch r {
        case .alreadyCheckedIn, .alreadyCheckedOut, .codeUsed, .shiftOverlap, .notCheckedIn:
            return AppError.conflict(key: r.messageKey)
        case .shiftTooLong:
            return AppError.invalid(key: r.messageKey, args: ["12"], field: field)
        default:
            return AppError.invalid(key: r.messageKey, field: field)
        }
    }

    /// The recorded shifts of a person that might overlap [start, end).
    static func shifts(person: Int, around start: Date, _ end: Date, on db: any Database) async throws
        -> [VolunteeringRules.Shift]
    {
        try await ServiceHour.query(on: db).filter(\.$personID == person).filter(\.$startedAt < end)
            .filter(\.$endedAt > start).all().map(\.shift)
    }

    // MARK: Counts

    static func confirmedCount(_ activityID: Int, on db: any Database) async throws -> Int {
        try await Signup.query(on: db).filter(\.$activityID == activityID).filter(\.$status == .confirmed).count()
    }

    static func signupCounts(_ ids: [Int], on db: any Database) async throws -> [Int: (Int, Int)] {
        var out: [Int: (Int, Int)] = [:]
        for chunk in ids.chunked(500) {
            for s in try await Signup.query(on: db).filter(\.$activityID ~~ chunk).filter(\.$status != .cancelled)
                .all()
            {
                var c = out[s.activityID] ?? (0, 0)
                if s.status == .confirmed { c.0 += 1 } else { c.1 += 1 }
                out[s.activityID] = c
            }
        }
        return out
    }

    static func teamNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        var out: [Int: String] = [:]
        for chunk in Array(Set(ids)).chunked(500) {
            for t in try await ServiceTeam.query(on: db).filter(\.$id ~~ chunk).all() { out[t.id!] = t.name }
        }
        return out
    }

    /// A six-digit code no live activity uses (check-in) or no hour code uses.
    static func freshActivityCode(at now: Date, on db: any Database) async throws -> String {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let code = sixDigits(&g)
            let clash = try await Activity.query(on: db).filter(\.$code == code).filter(\.$state == .open)
                .filter(\.$endsAt > now.addingTimeInterval(-86_400)).count()
            if clash == 0 { return code }
        }
        return sixDigits(&g)
    }

    static func freshHourCode(on db: any Database) async throws -> String {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let code = sixDigits(&g)
            if try await HourCode.query(on: db).filter(\.$code == code).count() == 0 { return code }
        }
        throw AppError.conflict(.errorVolunteeringNoCode)
    }

    static func sixDigits<G: RandomNumberGenerator>(_ g: inout G) -> String {
        let s = String(Int.random(in: 0...999_999, using: &g))
        return String(repeating: "0", count: 6 - s.count) + s
    }
}
