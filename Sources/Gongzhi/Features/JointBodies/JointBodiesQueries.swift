import Fluent
import GongzhiCore
import Vapor

/// JointBodies' published queries: who sits in a body on a day, its member units, and which bodies a caller sees.
enum JointBodiesQueries {
    struct Seat: Sendable {
        let personID: Int
        let name: String
        let position: SeatPosition
        let unitID: Int?
    }

    struct MemberUnit: Sendable {
        let unitID: Int
        let name: String
        let role: MemberRole
        let since: LocalDate
    }

    struct Body: Sendable {
        let id: Int
        let name: String
        let kind: JointBodyKind
        let nodeID: Int
        let path: String
    }

    /// Everyone holding a seat in the body on that day (the roster; quorum and invitations come from it).
    static func roster(bodyID: Int, on day: LocalDate, db: any Database) async throws -> [Seat] {
        let seats = try await JointBodyFacts.seats(bodyID: bodyID, on: day, db: db)
        let names = try await PeopleQueries.briefs(seats.map(\.personID), on: db)
        return seats.map {
            Seat(
                personID: $0.personID, name: names[$0.personID]?.name ?? "", position: $0.position,
                unitID: $0.unitID)
        }
    }

    /// The body's member units active on that day, in the order they joined (host rotation walks this).
    static func memberUnits(bodyID: Int, on day: LocalDate, db: any Database) async throws -> [MemberUnit] {
        let members = try await JointBodyFacts.members(bodyID: bodyID, on: day, db: db)
        let units = try await UnitsQueries.bodyUnits(members.map(\.unitID), on: db)
        return members.map {
            MemberUnit(unitID: $0.unitID, name: units[$0.unitID]?.name ?? "", role: $0.role, since: $0.days.from)
        }
    }

    /// A body the caller may see (scope, or a liaison whose unit is a member); a logged 404 otherwise.
    static func visibleBody(_ id: Int, _ caller: Caller) async throws -> Body {
        body(try await JointBodyFacts.visible(id, caller))
    }

    /// Bodies the caller may see (for pickers), by name.
    static func visibleBodies(_ caller: Caller) async throws -> [Body] {
        try await JointBodyFacts.visibleQuery(caller).sort(\.$name).all().map(body)
    }

    private static func body(_ b: JointBody) -> Body {
        Body(id: b.id!, name: b.name, kind: b.kind, nodeID: b.nodeID, path: b.path)
    }
}

/// What every list, figure and check of JointBodies reads: seats and memberships as of a day, and visibility.
enum JointBodyFacts {

    static func seats(bodyID: Int, on day: LocalDate, db: any Database) async throws -> [Appointment] {
        try await Appointment.query(on: db).filter(\.$bodyID == bodyID).filter(\.$hostUnitID == nil).sort(\.$fromDay)
            .sort(\.$id).all().filter { $0.days.contains(day) }
    }

    static func members(bodyID: Int, on day: LocalDate, db: any Database) async throws -> [BodyMembership] {
        try await BodyMembership.query(on: db).filter(\.$bodyID == bodyID).sort(\.$fromDay).sort(\.$id).all()
            .filter { $0.days.contains(day) }
    }

    /// The bodies in the caller's scope, and for a unit liaison the bodies their units are members of.
    static func visibleQuery(_ caller: Caller) async throws -> QueryBuilder<JointBody> {
        try await visibleQuery(try await caller.require(.viewTree), on: caller.db)
    }

    static func visibleQuery(_ v: Viewer, on db: any Database) async throws -> QueryBuilder<JointBody> {
        let units = try await UnitsQueries.liaisonUnitIDs(v, on: db)
        let memberOf =
            units.isEmpty
            ? [] : try await BodyMembership.query(on: db).filter(\.$unitID ~~ units).all().map(\.bodyID)
        return JointBody.query(on: db).group(.or) { g in
            g.inScope(v.scope, \.$path)
            if !memberOf.isEmpty { g.filter(\.$id ~~ memberOf) }
        }
    }

    /// The desk tile's figure: the size of the list the tile opens.
    static func visibleCount(_ v: Viewer, on db: any Database) async throws -> Int {
        try await visibleQuery(v, on: db).count()
    }

    static func visible(_ id: Int, _ caller: Caller) async throws -> JointBody {
        if let b = try await visibleQuery(caller).filter(\.$id == id).first() { return b }
        if let other = try await JointBody.find(id, on: caller.db) {
            throw await caller.outOfScope("joint body \(id)", scopePath: other.path)
        }
        throw AppError.notFound()
    }

    /// A body the caller may change: its organisation within the caller's scope and `.editTree`.
    static func changeable(_ id: Int, _ caller: Caller) async throws -> JointBody {
        try await caller.require(.editTree)
        return try await caller.scoped(JointBody.self, id, for: .change)
    }
}

extension JointBodiesQueries {
    /// The units that are members today of a body the viewer sees under a path, with those bodies (the map's
    /// layer).
    static func memberUnits(visibleTo v: Viewer, under path: String, today: LocalDate, db: any Database) async throws
        -> [Int: [Body]]
    {
        let bodies = try await JointBodyFacts.visibleQuery(v, on: db).filter(\.$path =~ path).all()
        guard !bodies.isEmpty else { return [:] }
        let byID = Dictionary(uniqueKeysWithValues: bodies.map { ($0.id!, $0) })
        let members = try await BodyMembership.query(on: db).filter(\.$bodyID ~~ Array(byID.keys)).all()
            .filter { $0.days.contains(today) }
        var out: [Int: [Body]] = [:]
        for m in members {
            guard let b = byID[m.bodyID] else { continue }
            out[m.unitID, default: []].append(
                Body(id: b.id!, name: b.name, kind: b.kind, nodeID: b.nodeID, path: b.path))
        }
        return out
    }
}

extension JointBodiesQueries {
    /// A seat or membership of a unit, for the unit's own desk.
    struct UnitSeat: Sendable {
        let bodyID: Int
        let bodyName: String
        /// nil for the membership itself (the unit's 1+N+X role).
        let personName: String?
        let position: SeatPosition?
        let role: MemberRole?
        let from: String
        let to: String?
    }

    /// The units' memberships and the seats held for them, current and past, newest first.
    static func unitSeats(_ unitIDs: [Int], db: any Database) async throws -> [UnitSeat] {
        guard !unitIDs.isEmpty else { return [] }
        let members = try await BodyMembership.query(on: db).filter(\.$unitID ~~ unitIDs).all()
        let seats = try await Appointment.query(on: db).group(.or) {
            $0.filter(\.$unitID ~~ unitIDs).filter(\.$hostUnitID ~~ unitIDs)
        }.all()
        let bodyIDs: [Int] = members.map(\.bodyID) + seats.map(\.bodyID)
        let bodies = try await JointBody.query(on: db).filter(\.$id ~~ bodyIDs).all()
        let names = Dictionary(uniqueKeysWithValues: bodies.map { ($0.id!, $0.name) })
        let people = try await PeopleQueries.briefs(seats.map(\.personID), on: db)
        var rows: [UnitSeat] = members.map { m in
            UnitSeat(
                bodyID: m.bodyID, bodyName: names[m.bodyID] ?? "", personName: nil, position: nil, role: m.role,
                from: m.fromDay, to: m.toDay)
        }
        for a in seats {
            rows.append(
                UnitSeat(
                    bodyID: a.bodyID, bodyName: names[a.bodyID] ?? "", personName: people[a.personID]?.name,
                    position: a.position, role: nil, from: a.fromDay, to: a.toDay))
        }
        // Current ones first, then by start, newest first.
        return rows.sorted { a, b in
            if (a.to == nil) != (b.to == nil) { return a.to == nil }
            return a.from > b.from
        }
    }
}
