import Fluent
import GongzhiCore
import Vapor

/// Agreements' changes: each takes a `Caller` and typed input, checks ids against the caller's scope, and writes
/// with its audit record in one transaction.
enum AgreementsService {
    struct AgreementInput: StrictInput {
        static let fields: Set<String> = ["title", "nodeID", "unitIDs", "startsOn", "endsOn"]
        let title: String
        let nodeID: Int
        let unitIDs: [Int]
        let startsOn: String
        let endsOn: String
    }
    struct CommitmentInput: StrictInput {
        static let fields: Set<String> = ["side", "unitID", "category", "text", "measure", "target"]
        let side: CommitmentSide
        let unitID: Int?
        let category: CommitmentCategory
        let text: String
        let measure: CommitmentMeasure?
        let target: Int?
    }
    struct ProjectInput: StrictInput {
        static let fields: Set<String> = ["title", "ownerUnitID", "due"]
        let title: String
        let ownerUnitID: Int?
        let due: String
    }
    struct DayInput: StrictInput {
        static let fields: Set<String> = ["on"]
        let on: String
    }
    struct ReviewInput: StrictInput {
        static let fields: Set<String> = ["year", "verdict", "note"]
        let year: Int
        let verdict: Verdict
        let note: String
    }

    static let maxParties = 50
    static let maxTitle = 100
    static let maxText = 2_000

    static func day(_ raw: String, field: String) throws -> LocalDate {
        try FormDate.requiredDay(raw, field: field)
    }

    static func text(_ raw: String, max: Int, field: String) throws -> String {
        try FormText.required(raw, max: max, field: field, error: .errorAgreementWording)
    }

    static func create(_ caller: Caller, _ input: AgreementInput) async throws -> Agreement {
        let v = try await caller.require(.editTree)
        let node = try await OrgQueries.findForChange(input.nodeID, caller, field: "nodeId")
        guard [.streetCommittee, .communityCommittee].contains(node.kind), !node.archived else {
            throw AppError.invalid(.errorAgreementNode, field: "nodeId")
        }
        let ids = Array(Set(input.unitIDs)).sorted()
        guard !ids.isEmpty, ids.count <= maxParties else {
            throw AppError.invalid(.errorAgreementParties, field: "unitIds")
        }
        var found: [UnitsQueries.BodyUnit] = []
        for id in ids {
            found.append(try await UnitsQueries.bodyCandidate(id, bodyPath: node.path, caller, field: "unitIds"))
        }
        let units = found
        let starts = try FormDate.requiredDay(
            input.startsOn, field: "startsOn", within: .sinceFloor(ahead: 5 * 366), today: caller.today)
        let ends = try day(input.endsOn, field: "endsOn")
        guard ends > starts, ends.ordinal - starts.ordinal <= 366 * 5 else {
            throw AppError.invalid(.errorAgreementTerm, field: "endsOn")
        }
        let a = Agreement()
        a.title = try text(input.title, max: maxTitle, field: "title")
        a.nodeID = node.id!
        a.path = node.path
        a.state = .draft
        a.startsOn = starts.description
        a.endsOn = ends.description
        try await caller.db.writing { db in
            try await a.create(on: db)
            for u in units {
                let p = AgreementParty()
                p.agreementID = a.id!
                p.unitID = u.id
                p.path = a.path
                try await p.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .agreement, id: a.id!, label: a.title,
                scopePath: a.path,
                before: nil as Agreement.Snapshot?, after: a.snapshot)
        }
        return a
    }

    /// A draft the caller may change.
    private static func draft(_ id: Int, _ caller: Caller) async throws -> (Agreement, [Int]) {
        let a = try await AgreementFacts.changeable(id, caller)
        guard a.state == .draft else { throw AppError.invalid(.errorAgreementNotDraft) }
        let parties = try await AgreementParty.query(on: caller.db).filter(\.$agreementID == id).all()
        // Once a side has signed, the text it signed stays as it was: a change would keep a signature it never saw.
        if a.orgSignedOn != nil || parties.contains(where: { $0.signedOn != nil }) {
            throw AppError.conflict(.errorAgreementSignedWording)
        }
        return (a, parties.map(\.unitID))
    }

    static func addCommitment(_ caller: Caller, agreementID: Int, _ input: CommitmentInput) async throws -> Commitment
    {
        let (a, parties) = try await draft(agreementID, caller)
        let v = try caller.requireViewer()
        switch input.side {
        case .organisation:
            guard input.unitID == nil else { throw AppError.invalid(.errorAgreementSide, field: "unitId") }
        case .unit:
            guard let u = input.unitID, parties.contains(u) else {
                throw AppError.invalid(.errorAgreementSide, field: "unitId")
            }
        }
        let measure = input.measure ?? .none
        if input.side == .organisation && measure.unitsOnly {
            throw AppError.invalid(.errorAgreementMeasureSide, field: "measure")
        }
        let target = input.target ?? 0
        guard (0...10_000).contains(target), measure == .none || target > 0 else {
            throw AppError.invalid(.errorAgreementTarget, field: "target")
        }
        let c = Commitment()
        c.agreementID = a.id!
        c.side = input.side
        c.unitID = input.unitID
        c.category = input.category
        c.text = try text(input.text, max: maxText, field: "text")
        c.measure = measure
        c.target = target
        c.path = a.path
        try await caller.db.writing { db in
            try await c.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .agreementCommitment, id: c.id!, label: a.title,
                scopePath: a.path,
                before: nil as String?,
                after: ["side": c.side.rawValue, "category": c.category.rawValue, "text": c.text])
        }
        return c
    }

    static func addProject(_ caller: Caller, agreementID: Int, _ input: ProjectInput) async throws -> AgreementProject
    {
        let a = try await AgreementFacts.changeable(agreementID, caller)
        let v = try caller.requireViewer()
        guard a.state != .ended else { throw AppError.invalid(.errorAgreementEnded) }
        let parties = try await AgreementParty.query(on: caller.db).filter(\.$agreementID == a.id!).all().map(\.unitID)
        if let owner = input.ownerUnitID, !parties.contains(owner) {
            throw AppError.invalid(.errorAgreementSide, field: "ownerUnitId")
        }
        let p = AgreementProject()
        p.agreementID = a.id!
        p.title = try text(input.title, max: maxTitle, field: "title")
        p.ownerUnitID = input.ownerUnitID
        let due = try day(input.due, field: "due")
        do {
            try DateProblem.check(due, in: a.period)
        } catch {
            throw AppError.invalid(key: error.messageKey, args: error.args, field: "due")
        }
        p.due = due.description
        p.path = a.path
        try await caller.db.writing { db in
            try await p.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .agreementProject, id: p.id!,
                label: "\(a.title) · \(p.title)",
                scopePath: a.path, before: nil as String?, after: ["title": p.title, "due": p.due])
        }
        return p
    }

    static func deliver(_ caller: Caller, agreementID: Int, projectID: Int, _ input: DayInput) async throws {
        let a = try await AgreementFacts.changeable(agreementID, caller)
        let v = try caller.requireViewer()
        guard let p = try await AgreementProject.find(projectID, on: caller.db), p.agreementID == a.id else {
            throw AppError.notFound()
        }
        let on = try day(input.on, field: "on")
        guard p.deliveredOn == nil, on <= caller.today else {
            throw AppError.invalid(.errorAgreementDelivered, field: "on")
        }
        p.deliveredOn = on.description
        try await caller.db.writing { db in
            try await p.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .agreementProject, id: p.id!,
                label: "\(a.title) · \(p.title)",
                scopePath: a.path, before: ["deliveredOn": ""], after: ["deliveredOn": on.description])
        }
    }

    /// A signature: the organisation's by its staff, or a unit's by its liaison. Refused while either side commits
    /// to nothing; the agreement is signed when the organisation and every unit party have signed.
    static func sign(_ caller: Caller, agreementID: Int, _ input: DayInput) async throws {
        let v = try await caller.require(.viewTree)
        let a: Agreement
        let units: [Int]
        if v.role == .unitLiaison {
            a = try await AgreementFacts.visible(agreementID, caller)
            let mine = Set(try await UnitsQueries.liaisonUnitIDs(v, on: caller.db))
            units = try await AgreementParty.query(on: caller.db).filter(\.$agreementID == a.id!).all().map(\.unitID)
                .filter(mine.contains)
            guard !units.isEmpty else { throw await caller.forbidden("sign agreement \(a.id!)", scopePath: a.path) }
        } else {
            a = try await AgreementFacts.changeable(agreementID, caller)
            units = []
        }
        guard a.state == .draft else { throw AppError.invalid(.errorAgreementNotDraft) }
        let on = try day(input.on, field: "on")
        guard on <= caller.today else { throw AppError.invalid(.errorAgreementSignLater, field: "on") }
        try await caller.db.writing { db in
            let parties = try await AgreementParty.query(on: db).filter(\.$agreementID == a.id!).all()
            let commitments = try await Commitment.query(on: db).filter(\.$agreementID == a.id!).all()
            let facts = commitments.map { CommitmentFacts(side: $0.side, unitID: $0.unitID) }
            switch AgreementRules.signingProblem(parties: parties.map(\.unitID), commitments: facts) {
            case nil: break
            case .noParties: throw AppError.invalid(.errorAgreementParties, field: "unitIds")
            case .organisationGivesNothing: throw AppError.invalid(.errorAgreementOrganisationGivesNothing)
            case .unitsGiveNothing(let ids):
                let names = try await UnitsQueries.names(ids, on: db).values.sorted().joined(separator: "、")
                throw AppError.invalid(.errorAgreementUnitsGiveNothing, args: [names])
            }
            let before = a.snapshot(unitsSigned: parties.filter { $0.signedOn != nil }.map(\.unitID))
            if units.isEmpty {
                guard a.orgSignedOn == nil else { throw AppError.invalid(.errorAgreementSignedAlready) }
                a.orgSignedOn = on.description
            } else {
                let mine = parties.filter { units.contains($0.unitID) }
                guard mine.contains(where: { $0.signedOn == nil }) else {
                    throw AppError.invalid(.errorAgreementSignedAlready)
                }
                for p in mine where p.signedOn == nil {
                    p.signedOn = on.description
                    try await p.save(on: db)
                }
            }
            let dates = [a.orgSignedOn] + parties.map(\.signedOn)
            if dates.allSatisfy({ $0 != nil }) {
                a.state = .signed
                a.signedOn = dates.compactMap { $0 }.max()
            }
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .agreement, id: a.id!, label: a.title,
                scopePath: a.path,
                before: before, after: a.snapshot(unitsSigned: parties.filter { $0.signedOn != nil }.map(\.unitID)))
        }
    }

    static func end(_ caller: Caller, agreementID: Int, _ input: DayInput) async throws {
        let a = try await AgreementFacts.changeable(agreementID, caller)
        let v = try caller.requireViewer()
        guard a.state == .signed else { throw AppError.invalid(.errorAgreementNotSigned) }
        let on = try day(input.on, field: "on")
        let before = a.snapshot
        a.state = .ended
        a.endedOn = on.description
        try await caller.db.writing { db in
            try await a.save(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .update, entity: .agreement, id: a.id!, label: a.title,
                scopePath: a.path,
                before: before, after: a.snapshot)
        }
    }

    /// A new draft for the next term with the same parties and commitments; the old agreement keeps its record.
    static func renew(_ caller: Caller, agreementID: Int) async throws -> Agreement {
        let old = try await AgreementFacts.changeable(agreementID, caller)
        let v = try caller.requireViewer()
        guard old.state != .draft else { throw AppError.invalid(.errorAgreementNotSigned) }
        let starts = LocalDate(old.endsOn)!.adding(days: 1)
        let length = LocalDate(old.endsOn)!.ordinal - LocalDate(old.startsOn)!.ordinal
        let a = Agreement()
        a.title = old.title
        a.nodeID = old.nodeID
        a.path = old.path
        a.state = .draft
        a.startsOn = starts.description
        a.endsOn = starts.adding(days: length).description
        a.renewsID = old.id
        try await caller.db.writing { db in
            try await a.create(on: db)
            for p in try await AgreementParty.query(on: db).filter(\.$agreementID == old.id!).all() {
                let n = AgreementParty()
                n.agreementID = a.id!
                n.unitID = p.unitID
                n.path = a.path
                try await n.create(on: db)
            }
            for c in try await Commitment.query(on: db).filter(\.$agreementID == old.id!).all() {
                let n = Commitment()
                n.agreementID = a.id!
                n.side = c.side
                n.unitID = c.unitID
                n.category = c.category
                n.text = c.text
                n.measure = c.measure
                n.target = c.target
                n.path = a.path
                try await n.create(on: db)
            }
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .agreement, id: a.id!, label: a.title,
                scopePath: a.path,
                before: nil as Agreement.Snapshot?, after: a.snapshot)
        }
        return a
    }

    static func review(_ caller: Caller, agreementID: Int, _ input: ReviewInput) async throws -> AgreementReview {
        let a = try await AgreementFacts.changeable(agreementID, caller)
        let v = try caller.requireViewer()
        guard a.state != .draft else { throw AppError.invalid(.errorAgreementNotSigned) }
        let first = LocalDate(a.startsOn)!.year
        let last = min(LocalDate(a.endsOn)!.year, caller.today.year)
        guard (first...max(first, last)).contains(input.year) else {
            throw AppError.invalid(.errorAgreementYear, field: "year")
        }
        let detail = try await AgreementDetail.query(agreementID, year: input.year, caller)
        let r = AgreementReview()
        r.agreementID = a.id!
        r.year = input.year
        r.verdict = input.verdict
        r.note = try text(input.note, max: maxText, field: "note")
        r.findings = String(decoding: try JSONEncoder().encode(detail.commitments), as: UTF8.self)
        r.reviewerUserID = v.user.id!
        r.path = a.path
        try await caller.db.writing { db in
            if try await AgreementReview.query(on: db).filter(\.$agreementID == a.id!).filter(\.$year == input.year)
                .count() > 0
            {
                throw AppError.invalid(.errorAgreementReviewed, field: "year")
            }
            try await r.create(on: db)
            try await Audit.record(
                on: db, by: v, at: caller.now, .create, entity: .agreementReview, id: r.id!,
                label: "\(a.title) \(r.year)",
                scopePath: a.path, before: nil as String?, after: ["verdict": r.verdict.rawValue, "note": r.note])
        }
        return r
    }
}
