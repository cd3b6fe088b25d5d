import Fluent
import GongzhiCore
import Vapor

/// One body as of a day: what the desk page shows and the API answers (no interface labels).
struct JointBodyDetail: Content {
    struct Member: Content {
        let id: Int
        let unitID: Int
        let unitName: String
        let unitKind: UnitKind
        let role: MemberRole
        let from: String
        let to: String?
        let active: Bool
    }
    struct Seat: Content {
        let id: Int
        let personID: Int
        let personName: String
        let position: SeatPosition
        let unitID: Int?
        let unitName: String?
        /// For a seat in a member unit's organisation (交叉任职 outward): that unit.
        let hostUnitID: Int?
        let hostUnitName: String?
        let from: String
        let to: String?
        let active: Bool
    }
    struct Document: Content {
        let id: Int
        let title: String
        let text: String
        let adoptedOn: String
    }
    struct Figures: Content {
        let memberUnits: Int
        let lead: Int
        let inner: Int
        let outer: Int
        let partTimeMembers: Int
        let crossAppointedUnits: Int
        let crossAppointmentPercent: Int?
    }
    struct Triad: Content {
        let complete: Bool
        let missing: [SeatPosition]
        let doubled: [SeatPosition]
    }

    let id: Int
    let name: String
    let kind: JointBodyKind
    let nodeID: Int
    let nodeName: String
    let establishedOn: String
    let asOf: String
    let figures: Figures
    /// Only for a community committee.
    let triad: Triad?
    /// Every membership and seat, past ones included (`active` says which hold on `asOf`).
    let members: [Member]
    let seats: [Seat]
    let crossSeats: [Seat]
    let documents: [Document]
    let mayChange: Bool

    static func query(_ id: Int, asOf: LocalDate, _ caller: Caller) async throws -> JointBodyDetail {
        let b = try await JointBodyFacts.visible(id, caller)
        let v = try caller.requireViewer()
        let db = caller.db
        let members = try await BodyMembership.query(on: db).filter(\.$bodyID == id).sort(\.$fromDay).sort(\.$id).all()
        let all = try await Appointment.query(on: db).filter(\.$bodyID == id).sort(\.$fromDay).sort(\.$id).all()
        let seats = all.filter { $0.hostUnitID == nil }
        let cross = all.filter { $0.hostUnitID != nil }
        let docs = try await BodyDocument.query(on: db).filter(\.$bodyID == id).sort(\.$adoptedOn, .descending).all()
        let units = try await UnitsQueries.bodyUnits(
            members.map(\.unitID) + all.compactMap(\.unitID) + all.compactMap(\.hostUnitID), on: db)
        let people = try await PeopleQueries.briefs(all.map(\.personID), on: db)
        let node = try await OrgNode.find(b.nodeID, on: db)
        let outward = Dictionary(grouping: cross.map { ($0.hostUnitID!, $0.holding) }, by: \.0).mapValues {
            $0.map(\.1)
        }
        let f = BodyFigures(
            on: asOf, seats: seats.map(\.holding), members: members.map(\.membership), outward: outward)
        let triad = b.kind.hasTriad ? TriadStatus(on: asOf, seats.map(\.holding)) : nil
        func seat(_ a: Appointment) -> Seat {
            Seat(
                id: a.id!, personID: a.personID, personName: people[a.personID]?.name ?? "", position: a.position,
                unitID: a.unitID, unitName: a.unitID.flatMap { units[$0]?.name }, hostUnitID: a.hostUnitID,
                hostUnitName: a.hostUnitID.flatMap { units[$0]?.name }, from: a.fromDay, to: a.toDay,
                active: a.days.contains(asOf))
        }
        return JointBodyDetail(
            id: id, name: b.name, kind: b.kind, nodeID: b.nodeID, nodeName: node?.name ?? "",
            establishedOn: b.establishedOn, asOf: asOf.description,
            figures: Figures(
                memberUnits: f.memberUnits, lead: f.lead, inner: f.inner, outer: f.outer,
                partTimeMembers: f.partTimeMembers, crossAppointedUnits: f.crossAppointed,
                crossAppointmentPercent: f.crossAppointmentPercent),
            triad: triad.map { Triad(complete: $0.isComplete, missing: $0.missing, doubled: $0.doubled) },
            members: members.map { m in
                Member(
                    id: m.id!, unitID: m.unitID, unitName: units[m.unitID]?.name ?? "",
                    unitKind: units[m.unitID]?.kind ?? .agency, role: m.role, from: m.fromDay, to: m.toDay,
                    active: m.days.contains(asOf))
            },
            seats: seats.map(seat), crossSeats: cross.map(seat),
            documents: docs.map { Document(id: $0.id!, title: $0.title, text: $0.text, adoptedOn: $0.adoptedOn) },
            mayChange: v.can(.editTree) && v.scope.includes(TreePath(b.path)))
    }
}

/// A body in a list, with its figures as of today.
struct JointBodySummary: Content {
    let id: Int
    let name: String
    let kind: JointBodyKind
    let nodeID: Int
    let nodeName: String
    let establishedOn: String
    let memberUnits: Int
    let seats: Int
    let partTimeMembers: Int
    /// Only for a community committee: whether each triad seat is held once.
    let triadComplete: Bool?

    /// One page of the bodies visible to the caller, by organisation, name and id; `page` nil: all of them.
    static func query(_ caller: Caller, kind: JointBodyKind?, on day: LocalDate, page: PageRequest?) async throws
        -> Paged<JointBodySummary>
    {
        let q = try await JointBodyFacts.visibleQuery(caller)
        if let kind { q.filter(\.$kind == kind) }
        q.sort(\.$path).sort(\.$name).sort(\.$id)
        let rows = try await q.paged(orAll: page)
        return Paged(rows: try await summaries(rows.rows, on: day, caller), total: rows.total, asked: rows.asked)
    }

    static func summaries(_ bodies: [JointBody], on day: LocalDate, _ caller: Caller) async throws
        -> [JointBodySummary]
    {
        let ids = bodies.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let members = try await BodyMembership.query(on: caller.db).filter(\.$bodyID ~~ ids).all()
            .filter { $0.days.contains(day) }
        let seats = try await Appointment.query(on: caller.db).filter(\.$bodyID ~~ ids).filter(\.$hostUnitID == nil)
            .all().filter { $0.days.contains(day) }
        let nodes = try await OrgNode.query(on: caller.db).filter(\.$id ~~ bodies.map(\.nodeID)).all()
        let nodeNames = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0.name) })
        let membersBy = Dictionary(grouping: members, by: \.bodyID)
        let seatsBy = Dictionary(grouping: seats, by: \.bodyID)
        return bodies.map { b in
            let s = seatsBy[b.id!] ?? []
            return JointBodySummary(
                id: b.id!, name: b.name, kind: b.kind, nodeID: b.nodeID, nodeName: nodeNames[b.nodeID] ?? "",
                establishedOn: b.establishedOn, memberUnits: Set((membersBy[b.id!] ?? []).map(\.unitID)).count,
                seats: s.count,
                partTimeMembers: Set(s.filter { $0.position == .partTimeMember }.map(\.personID)).count,
                triadComplete: b.kind.hasTriad ? TriadStatus(on: day, s.map(\.holding)).isComplete : nil)
        }
    }
}
