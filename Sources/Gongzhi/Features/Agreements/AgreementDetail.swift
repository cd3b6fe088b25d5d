import Fluent
import GongzhiCore
import Vapor

/// Who sees and changes an agreement: its organisation's scope, and a liaison of a party unit (read only).
enum AgreementFacts {
    static func visibleQuery(_ v: Viewer, on db: any Database) async throws -> QueryBuilder<Agreement> {
        let units = try await UnitsQueries.liaisonUnitIDs(v, on: db)
        let mine =
            units.isEmpty
            ? [] : try await AgreementParty.query(on: db).filter(\.$unitID ~~ units).all().map(\.agreementID)
        return Agreement.query(on: db).group(.or) { g in
            g.inScope(v.scope, \.$path)
            if !mine.isEmpty { g.filter(\.$id ~~ mine) }
        }
    }

    static func visible(_ id: Int, _ caller: Caller) async throws -> Agreement {
        let v = try await caller.require(.viewTree)
        if let a = try await visibleQuery(v, on: caller.db).filter(\.$id == id).first() { return a }
        if let other = try await Agreement.find(id, on: caller.db) {
            throw await caller.outOfScope("agreement \(id)", scopePath: other.path)
        }
        throw AppError.notFound()
    }

    static func changeable(_ id: Int, _ caller: Caller) async throws -> Agreement {
        try await caller.require(.editTree)
        return try await caller.scoped(Agreement.self, id, for: .change)
    }

    static func visibleCount(_ v: Viewer, on db: any Database) async throws -> Int {
        try await visibleQuery(v, on: db).count()
    }

    /// What the records show for each commitment in a year (see `CommitmentMeasure`), by commitment id; nil where
    /// nothing measures it. One query per measure for all the units, each to the capability that keeps the records.
    static func actuals(
        _ commitments: [Commitment], projects: [AgreementProject], year: Int, today: LocalDate, db: any Database
    )
        async throws -> [Int: Int?]
    {
        let first = LocalDate(year: year, month: 1, day: 1)!
        let last = LocalDate(year: year, month: 12, day: 31)!
        let from = Date(timeIntervalSince1970: first.startInstant)
        let to = Date(timeIntervalSince1970: last.endInstant)
        func units(_ m: CommitmentMeasure) -> [Int] {
            Array(Set(commitments.filter { $0.measure == m }.compactMap(\.unitID)))
        }
        let services = units(.services)
        let meetings = units(.meetings)
        let posts = units(.posts)
        let projectUnits = units(.projects)
        let served =
            services.isEmpty
            ? [:] : try await ReportingQueries.verifiedServices(unitIDs: services, from: from, to: to, db: db)
        let attended =
            meetings.isEmpty
            ? [:] : try await MeetingsQueries.attendance(unitIDs: meetings, from: from, to: to, db: db)
        let held =
            posts.isEmpty ? [:] : try await ReportingQueries.postsKept(unitIDs: posts, on: min(today, last), db: db)
        // A unit's action projects from the four lists count besides the agreement's own project list.
        let actions =
            projectUnits.isEmpty
            ? [:] : try await ListsQueries.closedProjects(unitIDs: projectUnits, from: from, to: to, db: db)
        var out: [Int: Int?] = [:]
        for c in commitments {
            let value: Int? =
                switch (c.measure, c.unitID) {
                case (.projects, _):
                    projects.filter { p in
                        p.agreementID == c.agreementID && p.ownerUnitID == (c.side == .unit ? c.unitID : nil)
                            && p.deliveredOn.flatMap(LocalDate.init)?.year == year
                    }.count + (c.side == .unit ? c.unitID.flatMap { actions[$0] } ?? 0 : 0)
                case (.services, let unit?): served[unit] ?? 0
                case (.meetings, let unit?): attended[unit] ?? 0
                case (.posts, let unit?): held[unit] ?? 0
                case (.none, _), (.services, nil), (.meetings, nil), (.posts, nil): nil
                }
            out[c.id!] = value
        }
        return out
    }
}

/// One agreement with each commitment's fulfilment in a year, its project list and reviews (the page's model and
/// the API's answer).
struct AgreementDetail: Content {
    struct Party: Content {
        let unitID: Int
        let name: String
        let signedOn: String?
    }
    struct Finding: Content {
        let id: Int
        let side: CommitmentSide
        let unitID: Int?
        let unitName: String?
        let category: CommitmentCategory
        let text: String
        let measure: CommitmentMeasure
        let target: Int
        /// What the records show in the year (nil: nothing measures it).
        let actual: Int?
        let fulfilmentPercent: Int?
    }
    struct Project: Content {
        let id: Int
        let title: String
        let ownerUnitID: Int?
        let ownerName: String?
        let due: String
        let deliveredOn: String?
    }
    struct Review: Content {
        let id: Int
        /// The agreement reviewed: this one, or one it renews (earlier terms' reviews stay in view).
        let agreementID: Int
        let year: Int
        let verdict: Verdict
        let note: String
        let findings: [Finding]
    }

    let id: Int
    let title: String
    let nodeID: Int
    let nodeName: String
    let state: AgreementState
    /// Where it stands by its period and the clock.
    let standing: AgreementStanding
    let pairing: Pairing
    let startsOn: String
    let endsOn: String
    let signedOn: String?
    let endedOn: String?
    let renewsID: Int?
    let orgSignedOn: String?
    let year: Int
    let parties: [Party]
    let commitments: [Finding]
    let suggestedVerdict: Verdict?
    let projects: [Project]
    let reviews: [Review]
    let mayChange: Bool
    /// The caller may sign now: staff for the organisation, a liaison for their unit, while either has not.
    let maySign: Bool

    /// Each commitment with what the records show in the year (a review keeps these as they were).
    static func findings(
        _ commitments: [Commitment], projects: [AgreementProject], year: Int, names: [Int: String], today: LocalDate,
        db: any Database
    ) async throws -> [Finding] {
        let actuals = try await AgreementFacts.actuals(
            commitments, projects: projects, year: year, today: today, db: db)
        return commitments.map { c in
            let actual = actuals[c.id!] ?? nil
            return Finding(
                id: c.id!, side: c.side, unitID: c.unitID, unitName: c.unitID.flatMap { names[$0] },
                category: c.category, text: c.text, measure: c.measure, target: c.target, actual: actual,
                fulfilmentPercent: AgreementRules.fulfilment(actual: actual, target: c.target))
        }
    }

    static func query(_ id: Int, year: Int, _ caller: Caller) async throws -> AgreementDetail {
        let a = try await AgreementFacts.visible(id, caller)
        let v = try caller.requireViewer()
        let db = caller.db
        let parties = try await AgreementParty.query(on: db).filter(\.$agreementID == id).sort(\.$id).all()
        let commitments = try await Commitment.query(on: db).filter(\.$agreementID == id).sort(\.$id).all()
        let projects = try await AgreementProject.query(on: db).filter(\.$agreementID == id).sort(\.$due).all()
        // This agreement's reviews and those of the terms it renews, newest term first.
        var reviews = try await AgreementReview.query(on: db).filter(\.$agreementID == id).sort(\.$year).all()
        var earlier = a.renewsID
        var seen: Set<Int> = [id]
        while let previous = earlier, seen.insert(previous).inserted,
            let before = try await Agreement.find(previous, on: db)
        {
            reviews += try await AgreementReview.query(on: db).filter(\.$agreementID == previous).sort(\.$year).all()
            earlier = before.renewsID
        }
        let names = try await UnitsQueries.names(parties.map(\.unitID), on: db)
        let node = try await OrgNode.find(a.nodeID, on: db)
        let mayChange = v.can(.editTree) && v.scope.includes(TreePath(a.path))
        let mine = Set(try await UnitsQueries.liaisonUnitIDs(v, on: db))
        let findings = try await findings(
            commitments, projects: projects, year: year, names: names, today: caller.today, db: db)
        return AgreementDetail(
            id: id, title: a.title, nodeID: a.nodeID, nodeName: node?.name ?? "", state: a.state,
            standing: AgreementStanding(state: a.state, period: a.period, today: caller.today),
            pairing: Pairing(parties: parties.count), startsOn: a.startsOn, endsOn: a.endsOn, signedOn: a.signedOn,
            endedOn: a.endedOn, renewsID: a.renewsID, orgSignedOn: a.orgSignedOn, year: year,
            parties: parties.map { Party(unitID: $0.unitID, name: names[$0.unitID] ?? "", signedOn: $0.signedOn) },
            commitments: findings,
            suggestedVerdict: AgreementRules.suggestedVerdict(findings.map(\.fulfilmentPercent)),
            projects: projects.map {
                Project(
                    id: $0.id!, title: $0.title, ownerUnitID: $0.ownerUnitID,
                    ownerName: $0.ownerUnitID.flatMap { names[$0] }, due: $0.due, deliveredOn: $0.deliveredOn)
            },
            reviews: reviews.map { r in
                Review(
                    id: r.id!, agreementID: r.agreementID, year: r.year, verdict: r.verdict, note: r.note,
                    findings: (try? JSONDecoder().decode([Finding].self, from: Data(r.findings.utf8))) ?? [])
            },
            mayChange: mayChange,
            maySign: a.state == .draft
                && (mayChange
                    ? a.orgSignedOn == nil : parties.contains { mine.contains($0.unitID) && $0.signedOn == nil })
        )
    }
}

/// An agreement in a list: parties, state, and the latest review's verdict (which units honour their agreements).
struct AgreementSummary: Content {
    let id: Int
    let title: String
    let nodeName: String
    let state: AgreementState
    let standing: AgreementStanding
    let pairing: Pairing
    let parties: [String]
    let startsOn: String
    let endsOn: String
    let lastReviewYear: Int?
    let lastVerdict: Verdict?

    /// One page of the agreements visible to the caller, by organisation then id; `page` nil: all of them (an
    /// export).
    static func query(_ caller: Caller, state: AgreementState?, page: PageRequest?) async throws
        -> Paged<AgreementSummary>
    {
        let v = try await caller.require(.viewTree)
        let q = try await AgreementFacts.visibleQuery(v, on: caller.db)
        if let state { q.filter(\.$state == state) }
        q.sort(\.$path).sort(\.$id)
        let rows = try await q.paged(orAll: page)
        return Paged(rows: try await summaries(rows.rows, caller), total: rows.total, asked: rows.asked)
    }

    static func summaries(_ list: [Agreement], _ caller: Caller) async throws -> [AgreementSummary] {
        let ids = list.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let parties = try await AgreementParty.query(on: caller.db).filter(\.$agreementID ~~ ids).all()
        let names = try await UnitsQueries.names(parties.map(\.unitID), on: caller.db)
        let reviews = try await AgreementReview.query(on: caller.db).filter(\.$agreementID ~~ ids).all()
        let nodes = try await OrgNode.query(on: caller.db).filter(\.$id ~~ list.map(\.nodeID)).all()
        let nodeNames = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id!, $0.name) })
        let partiesBy = Dictionary(grouping: parties, by: \.agreementID)
        let lastBy = Dictionary(grouping: reviews, by: \.agreementID).mapValues { $0.max { $0.year < $1.year }! }
        return list.map { a in
            let mine = partiesBy[a.id!] ?? []
            return AgreementSummary(
                id: a.id!, title: a.title, nodeName: nodeNames[a.nodeID] ?? "", state: a.state,
                standing: AgreementStanding(state: a.state, period: a.period, today: caller.today),
                pairing: Pairing(parties: mine.count), parties: mine.map { names[$0.unitID] ?? "" }.sorted(),
                startsOn: a.startsOn, endsOn: a.endsOn, lastReviewYear: lastBy[a.id!]?.year,
                lastVerdict: lastBy[a.id!]?.verdict)
        }
    }
}
