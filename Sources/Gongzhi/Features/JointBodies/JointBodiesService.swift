import Fluent
import GongzhiCore
import Vapor

/// JointBodies' changes. Each takes a `Caller` and typed input, checks every id against the caller's scope, and
/// writes the change with its audit record in one transaction.
enum JointBodiesService {
    struct BodyInput: StrictInput {
        static let fields: Set<String> = ["name", "kind", "nodeID", "establishedOn"]
        let name: String
        let kind: JointBodyKind
        let nodeID: Int
        let establishedOn: String?
    }
    struct MemberInput: StrictInput {
        static let fields: Set<String> = ["unitID", "role", "from", "to"]
        let unitID: Int
        let role: MemberRole
        let from: String
        let to: String?
    }
    struct SeatInput: StrictInput {
        static let fields: Set<String> = ["personID", "position", "unitID", "from", "to"]
        let personID: Int
        let position: SeatPosition
        let unitID: Int?
        let from: String
        let to: String?
    }
    struct CrossSeatInput: StrictInput {
        static let fields: Set<String> = ["personID", "hostUnitID", "position", "from", "to"]
        let personID: Int
        let hostUnitID: Int
        let position: SeatPosition
        let from: String
        let to: String?
    }
    struct EndInput: StrictInput {
        static let fields: Set<String> = ["on"]
        let on: String
    }
    struct DocumentInput: StrictInput {
        static let fields: Set<String> = ["title", "text", "adoptedOn"]
        let title: String
        let text: String
        let adoptedOn: String
    }

    static let maxName = 100
    static let maxDocument = 20_000

    static func day(_ raw: String?, field: String) throws -> LocalDate? { try FormDate.day(raw, field: field) }

    static func requiredDay(_ raw: String?, field: String) throws -> LocalDate {
        try FormDate.requiredDay(raw, field: field)
    }

    static func text(_ raw: String, max: Int, field: String) throws -> String {
        try FormText.required(raw, max: max, field: field, error: .errorJointBodyWording)
    }

    static func createBody(_ caller: Caller, _ input: BodyInput) async throws -> JointBody {
        let v = try await caller.require(.editTree)
        let node = try await OrgQueries.findForChange(input.nodeID, caller, field: "nodeId")
        guard JointBodyRules.allows(input.kind, on: node.kind), !node.archived else {
            throw AppError.invalid(.errorJointBodyNode, field: "nodeId")
        }
        let b = JointBody()
        b.name = try text(input.name, max: maxName, field: "name")
        b.kind = input.kind
        b.nodeID = node.id!
        b.path = node.path
        b.establishedOn = (try day(input.establishedOn, field: "establishedOn") ?? caller.today).description
        try await caller.db.writing { db in
            try await b.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .jointBody, id: b.id!, label: b.name,
                scopePath: b.path,
                before: nil as JointBody.Snapshot?, after: b.snapshot)
        }
        return b
    }

    static func addMember(_ caller: Caller, bodyID: Int, _ input: MemberInput) async throws -> BodyMembership {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        let unit = try await UnitsQueries.bodyCandidate(input.unitID, bodyPath: body.path, caller, field: "unitId")
        let days = DayRange(
            from: try requiredDay(input.from, field: "from"), to: try day(input.to, field: "to"))
        guard days.isValid else { throw AppError.invalid(.errorJointBodyDays, field: "to") }
        let m = BodyMembership()
        m.bodyID = body.id!
        m.unitID = unit.id
        m.role = input.role
        m.fromDay = days.from.description
        m.toDay = days.to?.description
        m.path = body.path
        try await caller.db.writing { db in
            // Checked inside the transaction, so two staff adding the same unit at once cannot both succeed.
            let others = try await BodyMembership.query(on: db).filter(\.$bodyID == body.id!).all()
            switch JointBodyRules.membershipConflict(m.membership, with: others.map(\.membership)) {
            case nil: break
            case .alreadyMember: throw AppError.invalid(.errorJointBodyMemberTwice, args: [unit.name], field: "unitId")
            case .secondLead: throw AppError.invalid(.errorJointBodyLead, field: "role")
            }
            try await m.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .jointBodyMember, id: m.id!,
                label: "\(body.name) · \(unit.name)",
                scopePath: body.path, before: nil as String?,
                after: ["unit": unit.name, "role": m.role.rawValue, "from": m.fromDay, "to": m.toDay ?? ""])
        }
        return m
    }

    static func endMember(_ caller: Caller, bodyID: Int, memberID: Int, _ input: EndInput) async throws
        -> BodyMembership
    {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        guard let m = try await BodyMembership.find(memberID, on: caller.db), m.bodyID == body.id else {
            throw AppError.notFound()
        }
        let end = try requiredDay(input.on, field: "on")
        guard m.toDay == nil, end >= m.days.from else { throw AppError.invalid(.errorJointBodyEnd, field: "on") }
        let before = m.toDay ?? ""
        m.toDay = end.description
        try await caller.db.writing { db in
            try await m.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .jointBodyMember, id: m.id!, label: body.name,
                scopePath: body.path,
                before: ["to": before], after: ["to": end.description])
        }
        return m
    }

    static func appoint(_ caller: Caller, bodyID: Int, _ input: SeatInput) async throws -> Appointment {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        let person = try await PeopleQueries.seatHolder(input.personID, caller, field: "personId")
        let days = DayRange(from: try requiredDay(input.from, field: "from"), to: try day(input.to, field: "to"))
        guard days.isValid else { throw AppError.invalid(.errorJointBodyDays, field: "to") }
        if input.position.isTriad && !body.kind.hasTriad {
            throw AppError.invalid(.errorJointBodyTriadBody, field: "position")
        }
        if let unitID = input.unitID {
            let unit = try await UnitsQueries.bodyCandidate(unitID, bodyPath: body.path, caller, field: "unitId")
            guard JointBodyRules.unitFits(input.position, unit.kind) else {
                throw AppError.invalid(.errorJointBodyTriadUnit, field: "unitId")
            }
        } else if input.position.representsUnit {
            throw AppError.invalid(.errorJointBodySeatUnit, field: "unitId")
        }
        let a = Appointment()
        a.personID = person.id
        a.bodyID = body.id!
        a.position = input.position
        a.unitID = input.unitID
        a.fromDay = days.from.description
        a.toDay = days.to?.description
        a.path = body.path
        try await caller.db.writing { db in
            let others = try await Appointment.query(on: db).filter(\.$bodyID == body.id!)
                .filter(\.$hostUnitID == nil).all()
            try await check(a, others: others, on: db)
            try await a.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .appointment, id: a.id!,
                label: "\(body.name) · \(person.name)",
                scopePath: body.path, before: nil as Appointment.Snapshot?, after: a.snapshot)
        }
        return a
    }

    /// A person of the body seated in a member unit's organisation: the other direction of 交叉任职.
    static func crossAppoint(_ caller: Caller, bodyID: Int, _ input: CrossSeatInput) async throws -> Appointment {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        let person = try await PeopleQueries.seatHolder(input.personID, caller, field: "personId")
        let days = DayRange(from: try requiredDay(input.from, field: "from"), to: try day(input.to, field: "to"))
        guard days.isValid else { throw AppError.invalid(.errorJointBodyDays, field: "to") }
        guard !input.position.isTriad, input.position != .partTimeMember else {
            throw AppError.invalid(.errorJointBodyCrossPosition, field: "position")
        }
        // 交叉任职 is the body's people taking a post in a member unit: the person holds a seat in the body then.
        let own = try await Appointment.query(on: caller.db).filter(\.$bodyID == body.id!).filter(\.$hostUnitID == nil)
            .filter(\.$personID == person.id).all()
        guard own.contains(where: { $0.days.overlaps(days) }) else {
            throw AppError.invalid(.errorJointBodyCrossSeat, field: "personId")
        }
        let members = try await BodyMembership.query(on: caller.db).filter(\.$bodyID == body.id!).all()
        guard members.contains(where: { $0.unitID == input.hostUnitID && $0.days.overlaps(days) }),
            let unit = try await UnitsQueries.bodyUnits([input.hostUnitID], on: caller.db)[input.hostUnitID]
        else { throw AppError.invalid(.errorJointBodyCrossUnit, field: "hostUnitId") }
        let a = Appointment()
        a.personID = person.id
        a.bodyID = body.id!
        a.hostUnitID = unit.id
        a.position = input.position
        a.fromDay = days.from.description
        a.toDay = days.to?.description
        a.path = body.path
        try await caller.db.writing { db in
            let others = try await Appointment.query(on: db).filter(\.$hostUnitID == unit.id).all()
            try await check(a, others: others, on: db)
            try await a.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .appointment, id: a.id!,
                label: "\(unit.name) · \(person.name)",
                scopePath: body.path, before: nil as Appointment.Snapshot?, after: a.snapshot)
        }
        return a
    }

    private static func check(_ a: Appointment, others: [Appointment], on db: any Database) async throws {
        switch AppointmentRules.conflict(a.holding, with: others.map(\.holding)) {
        case nil: return
        case .invalidDays: throw AppError.invalid(.errorJointBodyDays, field: "to")
        case .personSeated: throw AppError.invalid(.errorJointBodyPersonSeated, field: "personId")
        case .seatTaken(let by):
            let name = try await PeopleQueries.briefs([by.personID], on: db)[by.personID]?.name ?? ""
            let text: Text = a.position.isTriad ? .errorJointBodyTriadTaken : .errorJointBodySeatTaken
            throw AppError.invalid(text, args: [name, by.days.from.description], field: "position")
        }
    }

    static func endSeat(_ caller: Caller, bodyID: Int, seatID: Int, _ input: EndInput) async throws -> Appointment {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        guard let a = try await Appointment.find(seatID, on: caller.db), a.bodyID == body.id else {
            throw AppError.notFound()
        }
        let end = try requiredDay(input.on, field: "on")
        guard a.toDay == nil, end >= a.days.from else { throw AppError.invalid(.errorJointBodyEnd, field: "on") }
        let before = a.snapshot
        a.toDay = end.description
        try await caller.db.writing { db in
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .appointment, id: a.id!, label: body.name,
                scopePath: body.path,
                before: before, after: a.snapshot)
        }
        return a
    }

    static func addDocument(_ caller: Caller, bodyID: Int, _ input: DocumentInput) async throws -> BodyDocument {
        let body = try await JointBodyFacts.changeable(bodyID, caller)
        let v = try caller.requireViewer()
        let d = BodyDocument()
        d.bodyID = body.id!
        d.title = try text(input.title, max: maxName, field: "title")
        d.text = try text(input.text, max: maxDocument, field: "text")
        d.adoptedOn = try requiredDay(input.adoptedOn, field: "adoptedOn").description
        d.path = body.path
        try await caller.db.writing { db in
            try await d.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .jointBodyDocument, id: d.id!,
                label: "\(body.name) · \(d.title)",
                scopePath: body.path, before: nil as String?, after: ["title": d.title, "adoptedOn": d.adoptedOn])
        }
        return d
    }
}
