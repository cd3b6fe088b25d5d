import Fluent
import GongzhiCore
import Vapor

/// What the lists show, for the API and the pages alike (plain values; no interface labels), each list limited to
/// what the caller may see.
enum ReportingLists {
    static let limit = 2_000

    struct UnitReportOut: Content {
        let id: Int
        let unitID: Int
        let unitName: String
        let communityNodeID: Int
        let communityName: String
        let liaisonName: String
        /// Masked (138****5678).
        let liaisonPhone: String
        let offers: String
        let takesOn: String
        let reportedOn: String
        let endedOn: String?
        let endReason: String?
    }

    struct MemberReportOut: Content {
        let id: Int
        let personID: Int
        let name: String
        /// Masked (138****5678).
        let phone: String?
        let communityNodeID: Int
        let communityName: String
        let employerUnitID: Int?
        let employer: String
        let showIdentity: Bool
        let reportedOn: String
        let endedOn: String?
        let endReason: String?
    }

    struct PostOut: Content {
        let id: Int
        let communityNodeID: Int
        let communityName: String
        let title: String
        let skills: String
        let capacity: Int
        let held: Int
        let schedule: String
        let active: Bool
    }

    struct ClaimOut: Content {
        let id: Int
        let postID: Int
        let memberReportID: Int?
        let unitReportID: Int?
        let claimedOn: String
        let endedOn: String?
    }

    struct ServiceOut: Content {
        let id: Int
        let memberReportID: Int
        let personID: Int
        let name: String
        let postID: Int?
        let postTitle: String?
        let servedOn: String
        let hours: Double
        let text: String
        let verified: Bool
        let verifiedAt: Date?
        /// Refused, with why.
        let rejectedAt: Date?
        let rejectReason: String?
    }

    struct FunnelRow: Content {
        let nodeID: Int
        let name: String
        let reported: Int
        let claimed: Int
        let served: Int
        let active: Int
    }

    struct FunnelOut: Content {
        let today: String
        let communities: [FunnelRow]
        let streets: [FunnelRow]
    }

    /// A node's subtree as a scope, for a list narrowed to a community or a street.
    static func subtree(_ node: OrgNode) -> DataScope { DataScope(own: node.treePath, shared: [], ownPersonID: nil) }

    // MARK: Unit reports

    /// A liaison's own units' reports; staff's in their scope (`.viewTree`); nobody else's.
    static func unitReports(
        _ caller: Caller, communityID: Int?, includeEnded: Bool = true, page: PageRequest? = nil
    ) async throws -> Paged<UnitReportOut> {
        let v = try await caller.require(.viewTree)
        let q = UnitReport.query(on: caller.db)
        if ReportingFacts.isLiaison(v) {
            q.filter(\.$unitID ~~ Array(try await ReportingFacts.liaisonUnits(v, on: caller.db)))
        } else {
            q.inScope(v.scope, \.$path)
        }
        if let c = try await ReportingFacts.communityFilter(communityID, caller) { q.inScope(subtree(c), \.$path) }
        if !includeEnded { q.filter(\.$endedOn == nil) }
        let rows = try await q.sort(\.$reportedOn, .descending).sort(\.$id, .descending).paged(orAll: page)
        return Paged(rows: try await unitOut(rows.rows, caller), total: rows.total, asked: rows.asked)
    }

    static func unitOut(_ reports: [UnitReport], _ caller: Caller) async throws -> [UnitReportOut] {
        let units = try await UnitsQueries.names(reports.map(\.unitID), on: caller.db)
        let communities = try await OrgQueries.names(reports.map(\.communityNodeID), on: caller.db)
        return reports.map { r in
            UnitReportOut(
                id: r.id!, unitID: r.unitID, unitName: units[r.unitID] ?? "", communityNodeID: r.communityNodeID,
                communityName: communities[r.communityNodeID] ?? "", liaisonName: r.liaisonName,
                liaisonPhone: Masking.phone(r.liaisonPhone), offers: r.offers, takesOn: r.takesOn,
                reportedOn: r.reportedOn, endedOn: r.endedOn, endReason: r.endReason)
        }
    }

    // MARK: Member reports

    /// A member's own reports; staff's in their scope, optionally those at one stage of a community's funnel.
    static func memberReports(
        _ caller: Caller, communityID: Int?, stage: ReportingFunnel.Stage? = nil, includeEnded: Bool = true,
        page: PageRequest? = nil
    ) async throws -> Paged<MemberReportOut> {
        let v = try caller.requireViewer()
        let q: QueryBuilder<MemberReport>
        if v.role == .partyMember {
            q = MemberReport.query(on: caller.db).filter(\.$personID == (v.user.personID ?? -1))
        } else {
            try await caller.require(.viewTree)
            q = try await ReportingFacts.visibleMemberReports(v, on: caller.db)
        }
        // A member's scope holds no community: a filter answers as an unknown id, like anyone's outside their scope.
        let community = try await ReportingFacts.communityFilter(communityID, caller)
        if let community { q.inScope(subtree(community), \.$path) }
        if let stage {
            let paths = try await ReportingFacts.communities(in: community.map(subtree) ?? v.scope, on: caller.db)
                .map(\.path)
            let stages = try await ReportingFacts.stages(
                communityPaths: paths, today: caller.today, on: caller.db)
            let ids = stages.values.reduce(into: Set<Int>()) { $0.formUnion($1[stage]) }
            q.filter(\.$id ~~ Array(ids))
        } else if !includeEnded {
            q.filter(\.$endedOn == nil)
        }
        let rows = try await q.sort(\.$reportedOn, .descending).sort(\.$id, .descending).paged(orAll: page)
        return Paged(rows: try await memberOut(rows.rows, caller), total: rows.total, asked: rows.asked)
    }

    static func memberOut(_ reports: [MemberReport], _ caller: Caller) async throws -> [MemberReportOut] {
        let people = try await PeopleQueries.reportingPeople(reports.map(\.personID), on: caller.db)
        let communities = try await OrgQueries.names(reports.map(\.communityNodeID), on: caller.db)
        return reports.map { r in
            MemberReportOut(
                id: r.id!, personID: r.personID, name: people[r.personID]?.name ?? "",
                phone: people[r.personID]?.maskedPhone, communityNodeID: r.communityNodeID,
                communityName: communities[r.communityNodeID] ?? "", employerUnitID: r.employerUnitID,
                employer: r.employer, showIdentity: r.showIdentity, reportedOn: r.reportedOn, endedOn: r.endedOn,
                endReason: r.endReason)
        }
    }

    // MARK: Posts

    /// Posts a caller may see: staff in their scope; a member those of the community they report to; a liaison
    /// those of the communities their units report to.
    static func posts(_ caller: Caller, communityID: Int?, page: PageRequest? = nil) async throws -> Paged<PostOut> {
        let v = try caller.requireViewer()
        let q = ServicePost.query(on: caller.db)
        let community = try await ReportingFacts.communityFilter(communityID, caller)
        if let community { q.inScope(subtree(community), \.$path) }
        if v.role == .partyMember {
            let r = try await v.user.personID.asyncMap {
                try await ReportingFacts.activeMemberReport(person: $0, on: caller.db)
            }
            q.filter(\.$communityNodeID == (r??.communityNodeID ?? -1))
        } else {
            try await caller.require(.viewTree)
            if ReportingFacts.isLiaison(v) {
                let units = Array(try await ReportingFacts.liaisonUnits(v, on: caller.db))
                let communities = try await UnitReport.query(on: caller.db).filter(\.$unitID ~~ units)
                    .filter(\.$endedOn == nil).all().map(\.communityNodeID)
                q.filter(\.$communityNodeID ~~ communities)
            } else {
                q.inScope(v.scope, \.$path)
            }
        }
        let rows = try await q.sort(\.$communityNodeID).sort(\.$id).paged(orAll: page)
        return Paged(rows: try await postOut(rows.rows, caller), total: rows.total, asked: rows.asked)
    }

    static func postOut(_ posts: [ServicePost], _ caller: Caller) async throws -> [PostOut] {
        let held = try await ReportingFacts.activeClaimCounts(posts.compactMap(\.id), on: caller.db)
        let communities = try await OrgQueries.names(posts.map(\.communityNodeID), on: caller.db)
        return posts.map { p in
            PostOut(
                id: p.id!, communityNodeID: p.communityNodeID, communityName: communities[p.communityNodeID] ?? "",
                title: p.title, skills: p.skills, capacity: p.capacity, held: held[p.id!] ?? 0, schedule: p.schedule,
                active: p.active)
        }
    }

    // MARK: Services

    /// A member's own services; staff's in their scope (`verified` false: those still to verify).
    static func services(_ caller: Caller, communityID: Int?, verified: Bool?, page: PageRequest? = nil)
        async throws -> Paged<ServiceOut>
    {
        let v = try caller.requireViewer()
        let q = MemberService.query(on: caller.db)
        if let c = try await ReportingFacts.communityFilter(communityID, caller) { q.inScope(subtree(c), \.$path) }
        if v.role == .partyMember {
            q.filter(\.$personID == (v.user.personID ?? -1))
        } else {
            try await caller.require(.viewTree)
            if ReportingFacts.isLiaison(v) {
                // The services of the unit's in-service members: what the unit is credited with.
                let people = try await ReportingFacts.visibleMemberReports(v, on: caller.db).all().map(\.personID)
                q.filter(\.$personID ~~ Array(Set(people)))
            } else {
                q.inScope(v.scope, \.$path)
            }
        }
        if verified == true { q.filter(\.$verifiedAt != nil) }
        if verified == false { q.filter(\.$verifiedAt == nil).filter(\.$rejectedAt == nil) }
        let rows = try await q.sort(\.$servedOn, .descending).sort(\.$id, .descending).paged(orAll: page)
        return Paged(rows: try await serviceOut(rows.rows, caller), total: rows.total, asked: rows.asked)
    }

    static func serviceOut(_ services: [MemberService], _ caller: Caller) async throws -> [ServiceOut] {
        let people = try await PeopleQueries.reportingPeople(services.map(\.personID), on: caller.db)
        let postIDs = Array(Set(services.compactMap(\.postID)))
        let posts =
            postIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await ServicePost.query(on: caller.db).filter(\.$id ~~ postIDs).all().map {
                    ($0.id!, $0.title)
                })
        return services.map { s in
            ServiceOut(
                id: s.id!, memberReportID: s.memberReportID, personID: s.personID,
                name: people[s.personID]?.name ?? "", postID: s.postID, postTitle: s.postID.flatMap { posts[$0] },
                servedOn: s.servedOn, hours: s.hours, text: s.text, verified: s.verified, verifiedAt: s.verifiedAt,
                rejectedAt: s.rejectedAt, rejectReason: s.rejectReason)
        }
    }

    // MARK: The funnel

    /// The funnel per community in scope (or below `nodeID`, a node in scope) and per street (its communities
    /// together), as of today, from the events.
    static func funnel(_ caller: Caller, nodeID: Int?) async throws -> FunnelOut {
        let v = try await caller.require(.viewTree)
        var communities = try await ReportingFacts.communities(in: v.scope, on: caller.db)
        if ReportingFacts.isLiaison(v) { communities = [] }
        if let nodeID {
            let node = try await caller.scoped(OrgNode.self, nodeID, field: "nodeId")
            communities = communities.filter { node.treePath.contains(TreePath($0.path)) }
        }
        let today = caller.today
        let stages = try await ReportingFacts.stages(
            communityPaths: communities.map(\.path), today: today, on: caller.db)
        func row(_ id: Int, _ name: String, _ s: ReportingFunnel.Stages) -> FunnelRow {
            FunnelRow(
                nodeID: id, name: name, reported: s.count(.reported), claimed: s.count(.claimed),
                served: s.count(.served), active: s.count(.active))
        }
        let rows = communities.map { row($0.id, $0.name, stages[$0.id] ?? .init()) }
        // A street's row when the whole street is in scope: its communities together.
        let streetIDs = Array(Set(communities.compactMap(\.streetID)))
        let streetNodes = try await OrgNode.query(on: caller.db).filter(\.$id ~~ streetIDs).all()
            .filter { v.scope.includes($0.treePath) }.sorted {
                $0.treePath.ids.lexicographicallyPrecedes($1.treePath.ids)
            }
        let streets = streetNodes.map { street in
            let total = communities.filter { $0.streetID == street.id }.reduce(ReportingFunnel.Stages()) {
                $0 + (stages[$1.id] ?? .init())
            }
            return row(street.id!, street.name, total)
        }
        return FunnelOut(today: today.description, communities: rows, streets: streets)
    }
}
