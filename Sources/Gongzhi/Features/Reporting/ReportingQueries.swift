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
