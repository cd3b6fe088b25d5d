import Fluent
import GongzhiCore
import Vapor

extension UnitReport: ScopedRecord {}
extension MemberReport: ScopedRecord {}
extension ServicePost: ScopedRecord {}
extension MemberService: ScopedRecord {}
extension ReportRound: ScopedRecord {}

/// Who may see and change what in Reporting, and what every figure counts, in one place: the funnel on the desk
/// and the lists its figures open call the same functions.
enum ReportingFacts {

    /// A day the services stored; one that does not read (never written so) shows as the epoch, not as today.
    static func day(_ iso: String) -> LocalDate { LocalDate(iso) ?? LocalDate(instant: 0) }

    // MARK: Who

    /// A party member acting for themselves on the phone: the account and the person behind it.
    static func member(_ caller: Caller) async throws -> (Viewer, Int) {
        let v = try caller.requireViewer()
        guard v.role == .partyMember, let personID = v.user.personID else {
            throw await caller.forbidden("reporting: not a party member's account")
        }
        return (v, personID)
    }

    static func isLiaison(_ v: Viewer) -> Bool { v.role == .unitLiaison }

    /// The units a liaison answers for (those whose party organisation is the liaison's node).
    static func liaisonUnits(_ v: Viewer, on db: any Database) async throws -> Set<Int> {
        Set(try await UnitsQueries.liaisonUnitIDs(v, on: db))
    }

    /// The member reports staff see: those in their scope; a liaison's, those of its units' in-service members
    /// (where they reported, wherever that is), the members its unit is credited with.
    static func visibleMemberReports(_ v: Viewer, on db: any Database) async throws -> QueryBuilder<MemberReport> {
        let q = MemberReport.query(on: db)
        guard isLiaison(v) else { return q.inScope(v.scope, \.$path) }
        let units = Array(try await liaisonUnits(v, on: db))
        return units.isEmpty ? q.filter(\.$id == -1) : q.filter(\.$employerUnitID ~~ units)
    }

    /// A record of Reporting by id: the caller's own (`own`), or in the scope (read: its read paths; change: its
    /// path). Missing is a 404; outside, a logged 404 for a read and a logged 403 for a change.
    static func find<M: ScopedRecord>(
        _ type: M.Type, _ id: Int, for use: ScopeUse, _ caller: Caller, own: (M) -> Bool = { _ in false }
    ) async throws -> M {
        let v = try caller.requireViewer()
        guard let record = try await M.find(id, on: caller.db) else { throw AppError.notFound() }
        if own(record) { return record }
        let paths = use == .read ? record.readPaths : [record.path]
        if !v.scope.isSelfOnly, !isLiaison(v), paths.contains(where: { v.scope.includes(TreePath($0)) }) {
            return record
        }
        let detail = "\(M.schema) \(id)"
        switch use {
        case .read: throw await caller.outOfScope(detail, scopePath: record.path)
        case .change: throw await caller.forbidden("change " + detail, scopePath: record.path)
        }
    }

    /// A community named by a client for a change: in the caller's scope (a field problem otherwise, logged) and a
    /// community committee that is not archived.
    static func community(_ id: Int, field: String, _ caller: Caller) async throws -> OrgNode {
        let node = try await OrgQueries.findForChange(id, caller, field: field)
        guard node.kind == .communityCommittee, !node.archived else {
            throw AppError.invalid(.errorReportingNotCommunity, field: field)
        }
        return node
    }

    /// A community filter of a list (`communityId`): in scope, else a field problem like an id that does not exist.
    static func communityFilter(_ id: Int?, _ caller: Caller) async throws -> OrgNode? {
        guard let id else { return nil }
        return try await caller.scoped(OrgNode.self, id, field: "communityId")
    }

    /// The community a member lives in: the home community on their record, else the community above where they
    /// are organised (a member organised in a grid branch lives there).
    static func homeCommunity(of p: PeopleQueries.ReportingPerson, on db: any Database) async throws -> OrgNode? {
        if let home = p.homeNodeID, let n = try await OrgNode.find(home, on: db), n.kind == .communityCommittee,
            !n.archived
        {
            return n
        }
        guard let node = try await OrgNode.find(p.orgNodeID, on: db), node.kind.isTerritorial else { return nil }
        if node.kind == .communityCommittee { return node }
        return try await OrgQueries.ancestors(of: node, on: db).first { $0.kind == .communityCommittee }
    }

    // MARK: Reports

    static func activeMemberReport(personIDs: [Int], on db: any Database) async throws -> MemberReport? {
        guard !personIDs.isEmpty else { return nil }
        return try await MemberReport.query(on: db).filter(\.$personID ~~ personIDs).filter(\.$endedOn == nil).first()
    }

    static func activeMemberReport(person id: Int, on db: any Database) async throws -> MemberReport? {
        try await activeMemberReport(personIDs: [id], on: db)
    }

    static func activeUnitReport(unit id: Int, on db: any Database) async throws -> UnitReport? {
        try await UnitReport.query(on: db).filter(\.$unitID == id).filter(\.$endedOn == nil).first()
    }

    static func activeClaims(ofPost id: Int, on db: any Database) async throws -> [PostClaim] {
        try await PostClaim.query(on: db).filter(\.$postID == id).filter(\.$endedOn == nil).all()
    }

    static func activeClaimCounts(_ postIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        var out: [Int: Int] = [:]
        for chunk in postIDs.chunked(500) {
            for c in try await PostClaim.query(on: db).filter(\.$postID ~~ chunk).filter(\.$endedOn == nil).all() {
                out[c.postID, default: 0] += 1
            }
        }
        return out
    }

    // MARK: The funnel

    /// The communities of a scope, not archived, in tree order, with the street above each.
    struct Community: Sendable {
        let id: Int
        let name: String
        let path: String
        let streetID: Int?
    }

    static func communities(in scope: DataScope, on db: any Database) async throws -> [Community] {
        let nodes = try await OrgQueries.nodesInScope(scope, on: db)
        return try await communities(nodes.filter { $0.kind == .communityCommittee }, on: db)
    }

    static func communities(_ nodes: [OrgNode], on db: any Database) async throws -> [Community] {
        nodes.map { n in
            Community(id: n.id!, name: n.name, path: n.path, streetID: n.treePath.ids.dropLast().last)
        }
    }

    /// The events of the members reported to these communities that the funnel counts, as of today: the active
    /// reports, their claims and their verified services.
    static func stages(communityPaths: [String], today: LocalDate, on db: any Database) async throws
        -> [Int: ReportingFunnel.Stages]
    {
        guard !communityPaths.isEmpty else { return [:] }
        var reports: [MemberReport] = []
        for chunk in communityPaths.chunked(200) {
            reports += try await MemberReport.query(on: db).filter(\.$path ~~ chunk).filter(\.$endedOn == nil).all()
        }
        let ids = reports.compactMap(\.id)
        var claims: [ReportingFunnel.Claim] = []
        var services: [ReportingFunnel.Service] = []
        for chunk in ids.chunked(500) {
            claims += try await PostClaim.query(on: db).filter(\.$memberReportID ~~ chunk).filter(\.$endedOn == nil)
                .all().compactMap { c in
                    c.memberReportID.map {
                        ReportingFunnel.Claim(reportID: $0, claimedOn: day(c.claimedOn), endedOn: nil)
                    }
                }
            services += try await MemberService.query(on: db).filter(\.$memberReportID ~~ chunk)
                .filter(\.$verifiedAt != nil).all().map {
                    ReportingFunnel.Service(reportID: $0.memberReportID, servedOn: day($0.servedOn), verified: true)
                }
        }
        // Volunteer hours (check-in and check-out, or approved) are services of the member too: their service
        // record feeds the funnel.
        let reportOf = Dictionary(reports.map { ($0.personID, $0) }, uniquingKeysWith: { a, _ in a })
        for chunk in Array(reportOf.keys).chunked(500) {
            for h in try await VolunteeringQueries.hours(personIDs: chunk, from: nil, to: nil, db: db) {
                guard let r = reportOf[h.personID] else { continue }
                let served = LocalDate(instant: h.endedAt.timeIntervalSince1970)
                if served < day(r.reportedOn) { continue }
                services.append(ReportingFunnel.Service(reportID: r.id!, servedOn: served, verified: true))
            }
        }
        return ReportingFunnel.stages(
            reports: reports.map {
                ReportingFunnel.Report(
                    id: $0.id!, communityID: $0.communityNodeID, reportedOn: day($0.reportedOn),
                    endedOn: $0.endedOn.flatMap(LocalDate.init))
            }, claims: claims, services: services, today: today)
    }

    static func hours(_ h: Double) -> String {
        h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
    }
}
