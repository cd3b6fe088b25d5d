import Fluent
import Foundation
import GongzhiCore

/// Agreements' part of the demo district: every community signed a many-to-one agreement with its units two years
/// ago, with commitments of all four kinds on both sides and a joint project list; last year's is reviewed.
enum AgreementsDemo {
    static let unitGives: [(CommitmentCategory, String)] = [
        (.resourceSharing, "向社区居民开放活动场地和食堂"),
        (.carrierCreation, "每年承办一次社区邻里节"),
    ]
    static let organisationGives: [(CommitmentCategory, String)] = [
        (.organisationBuilding, "吸纳单位党组织书记任社区大党委兼职委员"),
        (.affairsConsultation, "每季度邀请单位参加联席会议，共商社区事务"),
    ]

    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        let today = d.today
        let starts = LocalDate(year: today.year - 1, month: 1, day: 1)!
        let ends = LocalDate(year: today.year + 1, month: 12, day: 31)!
        var made = 0
        for community in d.communities {
            let units = try await UnitsQueries.bodyUnits(locatedAt: [community.id!], on: db)
                .filter { $0.partyOrgNodeID != nil }
            guard !units.isEmpty else { continue }
            let a = Agreement()
            a.title = community.name + "区域化党建共建协议"
            a.nodeID = community.id!
            a.path = community.path
            a.state = .signed
            a.startsOn = starts.description
            a.endsOn = ends.description
            a.signedOn = starts.description
            a.orgSignedOn = starts.description
            try await a.create(on: db)
            made += 1
            var commitments: [Commitment] = []
            func commit(_ side: CommitmentSide, _ unit: Int?, _ c: (CommitmentCategory, String), target: Int) {
                let x = Commitment()
                x.agreementID = a.id!
                x.side = side
                x.unitID = unit
                x.category = c.0
                x.text = c.1
                x.measure = target > 0 ? .projects : .none
                x.target = target
                x.path = a.path
                commitments.append(x)
            }
            for c in organisationGives { commit(.organisation, nil, c, target: c.0 == .affairsConsultation ? 0 : 1) }
            var projects: [AgreementProject] = []
            for (i, u) in units.enumerated() {
                let p = AgreementParty()
                p.agreementID = a.id!
                p.unitID = u.id
                p.path = a.path
                p.signedOn = starts.description
                try await p.create(on: db)
                for c in unitGives { commit(.unit, u.id, c, target: c.0 == .carrierCreation ? 1 : 0) }
                // Counted from the other capabilities' records: members' verified services, meetings attended.
                commit(.unit, u.id, (.organisationBuilding, "在职党员到社区报到并提供服务"), target: 20)
                commitments[commitments.count - 1].measure = .services
                commit(.unit, u.id, (.affairsConsultation, "派员参加社区联席会议"), target: 4)
                commitments[commitments.count - 1].measure = .meetings
                for year in [today.year - 1, today.year] {
                    let x = AgreementProject()
                    x.agreementID = a.id!
                    x.title = "\(year) 年邻里节（\(u.name)承办）"
                    x.ownerUnitID = u.id
                    x.due = LocalDate(year: year, month: 9, day: 30)!.description
                    // Last year every second unit delivered; this year's are still open.
                    x.deliveredOn =
                        year < today.year && i % 2 == 0 ? LocalDate(year: year, month: 9, day: 20)!.description : nil
                    x.path = a.path
                    projects.append(x)
                }
            }
            let own = AgreementProject()
            own.agreementID = a.id!
            own.title = "\(today.year - 1) 年兼职委员述职会"
            own.due = LocalDate(year: today.year - 1, month: 12, day: 20)!.description
            own.deliveredOn = LocalDate(year: today.year - 1, month: 12, day: 18)!.description
            own.path = a.path
            projects.append(own)
            try await commitments.create(on: db)
            try await projects.create(on: db)
        }
        // Last year's review of the last community's agreement: the findings as the records show them, a verdict.
        if let last = d.communities.last,
            let reviewer = try await User.query(on: db).filter(\.$role == .streetStaff).sort(\.$id).first(),
            let a = try await Agreement.query(on: db).filter(\.$nodeID == last.id!).first()
        {
            try await review(a, year: today.year - 1, by: reviewer, today: today, db)
        }
        d.counts["agreements"] = made
    }

    private static func review(
        _ a: Agreement, year: Int, by reviewer: User, today: LocalDate, _ db: any Database
    ) async throws {
        let commitments = try await Commitment.query(on: db).filter(\.$agreementID == a.id!).sort(\.$id).all()
        let projects = try await AgreementProject.query(on: db).filter(\.$agreementID == a.id!).all()
        let names = try await UnitsQueries.names(commitments.compactMap(\.unitID), on: db)
        let findings = try await AgreementDetail.findings(
            commitments, projects: projects, year: year, names: names, today: today, db: db)
        let r = AgreementReview()
        r.agreementID = a.id!
        r.year = year
        r.verdict = AgreementRules.suggestedVerdict(findings.map(\.fulfilmentPercent)) ?? .partly
        r.note = "年度评议：对照联建项目和服务记录逐项核对。"
        r.findings = String(decoding: try JSONEncoder().encode(findings), as: UTF8.self)
        r.reviewerUserID = reviewer.id!
        r.path = a.path
        try await r.create(on: db)
    }
}
