import Fluent
import GongzhiCore

/// JointBodies' part of the demo district, after the seeds: a big working committee in every street (its
/// communities' units and the street's departments), a big committee in every community (its units, the triad and
/// two departments sunk down from the street) with part-time members, a complete 3+N triad, two-way cross
/// appointments for half the units, one seat that changed hands during the year, and working rules.
enum JointBodiesDemo {
    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        let today = d.today
        let founded = LocalDate(year: today.year - 2, month: 3, day: 1)!
        var made: [String: Int] = [:]
        for street in d.streets {
            let communities = d.communities.filter { $0.parentID == street.id }
            let departments = try await UnitsQueries.bodyUnits(locatedAt: [street.id!], on: db)
            let local = try await UnitsQueries.bodyUnits(locatedAt: communities.map { $0.id! }, on: db)
                .filter { ![.residentsCommittee, .ownersCommittee, .volunteerTeam].contains($0.kind) }
            let people = try await PeopleQueries.partyMembers(under: street.path, limit: 40, on: db)
            let body = try await make(
                street.name + "大工委", .streetCommittee, at: street, founded: founded,
                members: (local + departments).prefix(20).map { ($0, MemberRole.inner) }, people: people, today, db,
                &made)
            try await rules(body, title: "大工委工作规则", founded, db)
        }
        for community in d.communities {
            let units = try await UnitsQueries.bodyUnits(locatedAt: [community.id!], on: db)
            let sunk = try await UnitsQueries.bodyUnits(locatedAt: [community.parentID!], on: db).prefix(2)
            let people = try await PeopleQueries.partyMembers(under: community.path, limit: 30, on: db)
            let members = units.map { ($0, MemberRole.inner) } + sunk.map { ($0, MemberRole.outer) }
            let body = try await make(
                community.name + "大党委", .communityCommittee, at: community, founded: founded, members: members,
                people: people, today, db, &made)
            try await rules(body, title: "大党委议事规则", founded, db)
        }
        // Dalian's district level: a guidance committee of the streets' departments, and a military–police–local–
        // enterprise committee with its own working rules.
        let everywhere = try await UnitsQueries.bodyUnits(locatedAt: d.communities.map { $0.id! }, on: db)
        let departments = try await UnitsQueries.bodyUnits(locatedAt: d.streets.map { $0.id! }, on: db)
        let leaders = try await PeopleQueries.partyMembers(under: d.district.path, limit: 400, on: db).suffix(40)
        let guidance = try await make(
            d.district.name + "区域化党建指导委员会", .districtGuidance, at: d.district, founded: founded,
            members: departments.prefix(12).map { ($0, MemberRole.inner) }, people: Array(leaders.prefix(20)), today,
            db, &made)
        try await rules(guidance, title: "指导委员会工作规则", founded, db)
        let forces = everywhere.filter { [.police, .army].contains($0.kind) }.prefix(6)
        let special = try await make(
            d.district.name + "军警地企联合委员会", .specialCommittee, at: d.district, founded: founded,
            members: forces.map { ($0, MemberRole.outer) } + departments.prefix(2).map { ($0, MemberRole.inner) },
            people: Array(leaders.suffix(20)), today, db, &made)
        try await rules(special, title: "军警地企联合委员会工作规则", founded, db)
        d.counts["joint bodies"] = made["bodies"] ?? 0
        d.counts["joint body seats"] = made["seats"] ?? 0
    }

    private static func make(
        _ name: String, _ kind: JointBodyKind, at node: OrgNode, founded: LocalDate,
        members: [(UnitsQueries.BodyUnit, MemberRole)], people: [PeopleQueries.Brief], _ today: LocalDate,
        _ db: any Database, _ made: inout [String: Int]
    ) async throws -> JointBody {
        let b = JointBody()
        b.name = name
        b.kind = kind
        b.nodeID = node.id!
        b.path = node.path
        b.establishedOn = founded.description
        try await b.create(on: db)
        made["bodies", default: 0] += 1
        var seats: [Appointment] = []
        var pool = people.makeIterator()
        func seat(_ position: SeatPosition, unit: Int?, host: Int? = nil, from: LocalDate, to: LocalDate? = nil) {
            guard let p = pool.next() else { return }
            let a = Appointment()
            a.personID = p.id
            a.bodyID = b.id!
            a.hostUnitID = host
            a.position = position
            a.unitID = unit
            a.fromDay = from.description
            a.toDay = to?.description
            a.path = b.path
            seats.append(a)
        }
        seat(.chair, unit: nil, from: founded)
        seat(.deputyChair, unit: nil, from: founded)
        var rows: [BodyMembership] = []
        for (i, (unit, role)) in members.enumerated() {
            let m = BodyMembership()
            m.bodyID = b.id!
            m.unitID = unit.id
            m.role = role
            m.fromDay = founded.adding(days: i * 7).description
            m.path = b.path
            rows.append(m)
            let triad: SeatPosition? =
                switch unit.kind {
                case .residentsCommittee: .triadResidentsCommittee
                case .propertyCompany: .triadPropertyCompany
                case .ownersCommittee: .triadOwnersCommittee
                default: nil
                }
            if let triad, kind.hasTriad {
                seat(triad, unit: unit.id, from: founded)
            } else if unit.partyOrgNodeID != nil || role == .outer {
                if i == 0 {
                    // A seat that changed hands this year: the body as of last year shows the first holder.
                    let change = today.adding(days: -120)
                    seat(.partTimeMember, unit: unit.id, from: founded, to: change.adding(days: -1))
                    seat(.partTimeMember, unit: unit.id, from: change)
                } else {
                    seat(.partTimeMember, unit: unit.id, from: founded.adding(days: i * 7))
                }
            }
        }
        // 交叉任职 the other way: the deputy sits in every second unit's organisation.
        if let deputy = seats.first(where: { $0.position == .deputyChair }) {
            for (i, (unit, _)) in members.enumerated() where i % 2 == 0 && unit.partyOrgNodeID != nil {
                let a = Appointment()
                a.personID = deputy.personID
                a.bodyID = b.id!
                a.hostUnitID = unit.id
                a.position = .member
                a.fromDay = founded.adding(days: 30).description
                a.path = b.path
                seats.append(a)
            }
        }
        try await rows.create(on: db)
        try await seats.create(on: db)
        made["seats", default: 0] += seats.count
        return b
    }

    private static func rules(_ b: JointBody, title: String, _ day: LocalDate, _ db: any Database) async throws {
        let d = BodyDocument()
        d.bodyID = b.id!
        d.title = title
        d.text = """
            一、本组织由牵头党组织和成员单位组成，实行“1+N+X”共建机制。
            二、每季度召开一次联席会议，由成员单位轮流承办；\
            重大事项经全体委员过半数同意方可决定。
            三、成员单位派出兼职委员，履行资源共享、事务共商、活动共办的责任；\
            年底对共建情况进行评议。
            """
        d.adoptedOn = day.description
        d.path = b.path
        try await d.create(on: db)
    }
}
