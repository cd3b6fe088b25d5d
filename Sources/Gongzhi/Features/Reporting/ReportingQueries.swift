import Fluent
import GongzhiCore
import Vapor

/// Reporting's published queries, for Agreements (a commitment's fulfilment from the records that show it) and
/// anyone else: plain values, no model.
enum ReportingQueries {
    /// Verified services of in-service members working at these units (their report's employer unit), per unit,
    /// done on a day from `from` (inclusive) to `to` (exclusive), days in Asia/Shanghai.
    static func verifiedServices(unitIDs: [Int], from: Date, to: Date, db: any Database) async throws -> [Int: Int] {
        guard !unitIDs.isEmpty, from < to else { return [:] }
        let first = LocalDate(instant: from.timeIntervalSince1970)
        // The last day whose start lies before `to`.
        let last = LocalDate(instant: to.timeIntervalSince1970 - 1)
        var employer: [Int: Int] = [:]
        for chunk in Array(Set(unitIDs)).chunked(500) {
            for r in try await MemberReport.query(on: db).filter(\.$employerUnitID ~~ chunk).all() {
                employer[r.id!] = r.employerUnitID
            }
        }
        var out: [Int: Int] = [:]
        for chunk in Array(employer.keys).chunked(500) {
            let services = try await MemberService.query(on: db).filter(\.$memberReportID ~~ chunk)
                .filter(\.$verifiedAt != nil).filter(\.$servedOn >= first.description)
                .filter(\.$servedOn <= last.description).all()
            for s in services {
                if let unit = employer[s.memberReportID] { out[unit, default: 0] += 1 }
            }
        }
        return out
    }

    /// Service posts held on a day, per unit: claims by the unit itself (its report) and by its in-service members
    /// (their report's employer unit), each claim counted once.
    static func postsKept(unitIDs: [Int], on day: LocalDate, db: any Database) async throws -> [Int: Int] {
        guard !unitIDs.isEmpty else { return [:] }
        let units = Array(Set(unitIDs))
        var unitOfUnitReport: [Int: Int] = [:]
        var unitOfMemberReport: [Int: Int] = [:]
        for chunk in units.chunked(500) {
            for r in try await UnitReport.query(on: db).filter(\.$unitID ~~ chunk).all() {
                unitOfUnitReport[r.id!] = r.unitID
            }
            for r in try await MemberReport.query(on: db).filter(\.$employerUnitID ~~ chunk).all() {
                unitOfMemberReport[r.id!] = r.employerUnitID
            }
        }
        let d = day.description
        var out: [Int: Int] = [:]
        func held(_ c: PostClaim) -> Bool { c.claimedOn <= d && (c.endedOn.map { d < $0 } ?? true) }
        for chunk in Array(unitOfUnitReport.keys).chunked(500) {
            for c in try await PostClaim.query(on: db).filter(\.$unitReportID ~~ chunk).all() where held(c) {
                if let u = c.unitReportID.flatMap({ unitOfUnitReport[$0] }) { out[u, default: 0] += 1 }
            }
        }
        for chunk in Array(unitOfMemberReport.keys).chunked(500) {
            for c in try await PostClaim.query(on: db).filter(\.$memberReportID ~~ chunk).all() where held(c) {
                if let u = c.memberReportID.flatMap({ unitOfMemberReport[$0] }) { out[u, default: 0] += 1 }
            }
        }
        return out
    }

    /// A member's claim of a service post (认岗位), for Points (a full month held earns points): who, which post,
    /// from and until when (nil: still held).
    struct MemberClaim: Sendable {
        let id: Int
        let personID: Int
        let postTitle: String
        let claimedOn: LocalDate
        let endedOn: LocalDate?
    }

    /// Members' claims, of these people (nil: everyone's), at most `limit` after the claim id `afterID`, by id.
    static func memberClaims(personIDs: [Int]?, afterID: Int = 0, limit: Int, db: any Database) async throws
        -> [MemberClaim]
    {
        var reports: [Int: Int] = [:]
        let claims: [PostClaim]
        if let personIDs {
            guard !personIDs.isEmpty else { return [] }
            for chunk in Array(Set(personIDs)).chunked(500) {
                for r in try await MemberReport.query(on: db).filter(\.$personID ~~ chunk).all() {
                    reports[r.id!] = r.personID
                }
            }
            guard !reports.isEmpty else { return [] }
            var found: [PostClaim] = []
            for chunk in Array(reports.keys).chunked(500) {
                found += try await PostClaim.query(on: db).filter(\.$memberReportID ~~ chunk)
                    .filter(\.$id > afterID).all()
            }
            claims = Array(found.sorted { $0.id! < $1.id! }.prefix(limit))
        } else {
            claims = try await PostClaim.query(on: db).filter(\.$memberReportID != nil).filter(\.$id > afterID)
                .sort(\.$id).limit(limit).all()
            let ids = Array(Set(claims.compactMap(\.memberReportID)))
            for chunk in ids.chunked(500) {
                for r in try await MemberReport.query(on: db).filter(\.$id ~~ chunk).all() {
                    reports[r.id!] = r.personID
                }
            }
        }
        var titles: [Int: String] = [:]
        for chunk in Array(Set(claims.map(\.postID))).chunked(500) {
            for p in try await ServicePost.query(on: db).filter(\.$id ~~ chunk).all() { titles[p.id!] = p.title }
        }
        return claims.compactMap { c in
            guard let report = c.memberReportID, let person = reports[report] else { return nil }
            return MemberClaim(
                id: c.id!, personID: person, postTitle: titles[c.postID] ?? "",
                claimedOn: ReportingFacts.day(c.claimedOn), endedOn: c.endedOn.flatMap(LocalDate.init))
        }
    }

    /// A member's service (作表率) as their service record shows it.
    struct MemberServiceFact: Sendable {
        let id: Int
        let personID: Int
        let servedOn: LocalDate
        let hours: Double
        let text: String
        let verified: Bool
    }

    /// The services these people recorded, newest first, at most 1,000.
    static func memberServices(personIDs: [Int], db: any Database) async throws -> [MemberServiceFact] {
        guard !personIDs.isEmpty else { return [] }
        return try await MemberService.query(on: db).filter(\.$personID ~~ Array(Set(personIDs)))
            .sort(\.$servedOn, .descending).limit(1_000).all().map {
                MemberServiceFact(
                    id: $0.id!, personID: $0.personID, servedOn: ReportingFacts.day($0.servedOn), hours: $0.hours,
                    text: $0.text, verified: $0.verified)
            }
    }

    /// A unit's active report to a community.
    struct UnitReportSummary: Sendable {
        let id: Int
        let unitID: Int
        let communityNodeID: Int
        let communityName: String
        let reportedOn: LocalDate
        let offers: String
        let takesOn: String
    }

    /// The unit's active report to a community, if any.
    static func unitReport(unitID: Int, db: any Database) async throws -> UnitReportSummary? {
        guard let r = try await ReportingFacts.activeUnitReport(unit: unitID, on: db) else { return nil }
        let name = try await OrgNode.find(r.communityNodeID, on: db)?.name ?? ""
        return UnitReportSummary(
            id: r.id!, unitID: r.unitID, communityNodeID: r.communityNodeID, communityName: name,
            reportedOn: ReportingFacts.day(r.reportedOn), offers: r.offers, takesOn: r.takesOn)
    }
}
