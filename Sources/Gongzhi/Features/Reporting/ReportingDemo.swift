import Fluent
import Foundation
import GongzhiCore

/// Reporting's part of the demo district, after Accounts: every in-service member with a home community has
/// reported there (a few after an earlier report ended when they moved), each community offers five to ten
/// service posts (some full), most members hold a post and have a year of services, most of them verified; most
/// resident units have reported to their community (not the demo liaison's, which is left for them to report); the
/// demo member has reported, holds a post and has services; the first community has a re-report round open.
/// Inserted in batches, from the district's seeded generator: the same every time, and fast.
enum ReportingDemo {
    static let posts: [(title: String, skills: String, schedule: String)] = [
        ("政策宣讲岗", "宣讲、党史学习", "每月第一个周六上午"),
        ("平安巡逻岗", "巡逻、安全防范", "每周三、周五晚 19:00–21:00"),
        ("环境整治岗", "清洁、垃圾分类指导", "每周六上午"),
        ("助老服务岗", "陪伴、代购、助餐", "每周二下午"),
        ("邻里调解岗", "法律、沟通", "按需预约"),
        ("文明劝导岗", "劝导、交通", "每周一早高峰"),
        ("青少年辅导岗", "作业辅导、心理", "周末下午"),
        ("健康义诊岗", "医疗、护理", "每月第三个周日"),
        ("数字助老岗", "手机使用、网上办事", "每周四下午"),
        ("物业协调岗", "物业管理、协商", "每月一次议事会"),
    ]
    static let services = [
        "参加社区环境整治，清理楼道杂物",
        "为独居老人代购生活用品",
        "夜间平安巡逻两小时",
        "在小区宣讲垃圾分类政策",
        "辅导社区儿童完成作业",
        "协助社区开展义诊",
        "教老人使用手机挂号",
        "参与邻里纠纷调解",
    ]

    static let offers = ["活动场地", "志愿者队伍", "专业技术服务", "资金支持", "培训讲座"]

    static func load(_ d: DemoDistrict) async throws {
        let db = d.db
        let today = d.today
        guard let admin = try await User.query(on: db).filter(\.$role == .systemAdmin).sort(\.$id).first()?.id
        else { return }
        let secretaries = try await User.query(on: db).filter(\.$role == .communitySecretary).all()
        func verifier(_ community: Int) -> Int {
            secretaries.first { $0.orgNodeID == community }?.id ?? admin
        }
        let communities = d.communities
        let byID = Dictionary(uniqueKeysWithValues: communities.map { ($0.id!, $0) })

        // Posts: five to ten per community.
        var postRows: [ServicePost] = []
        for c in communities {
            let n = d.rng.int(5...10)
            for k in 0..<n {
                let spec = posts[k % posts.count]
                let p = ServicePost()
                p.communityNodeID = c.id!
                p.path = c.path
                p.title = spec.title
                p.skills = spec.skills
                p.schedule = spec.schedule
                p.capacity = k < 2 ? d.rng.int(2...3) : d.rng.int(4...12)
                p.active = true
                postRows.append(p)
            }
        }
        try await insert(postRows, db)
        let allPosts = try await ServicePost.query(on: db).sort(\.$id).all()
        var postsOf: [Int: [ServicePost]] = [:]
        for p in allPosts { postsOf[p.communityNodeID, default: []].append(p) }
        var held: [Int: Int] = [:]

        // Member reports: the in-service members with a home community, and the demo member.
        let units = try await UnitsQueries.activeReportingUnits(on: db)
        var unitOfOrg: [Int: UnitsQueries.ReportingUnit] = [:]
        for u in units { if let o = u.partyOrgNodeID, unitOfOrg[o] == nil { unitOfOrg[o] = u } }
        var members = try await PeopleQueries.inServiceMembers(on: db)
        if let id = d.memberPersonID, let m = try await PeopleQueries.reportingPerson(id, on: db) {
            members.append(m)
        }
        var reports: [MemberReport] = []
        var ended = 0
        for m in members {
            let demoMember = m.id == d.memberPersonID
            let homeID = demoMember ? communities[0].id! : (m.homeNodeID ?? communities[0].id!)
            guard let home = byID[homeID] else { continue }
            let reported = today.adding(days: demoMember ? -200 : -d.rng.int(20...420))
            // A few moved: an earlier report elsewhere, ended the day before the new one.
            if !demoMember, communities.count > 1, d.rng.chance(0.04) {
                let other = communities[(communities.firstIndex { $0.id == homeID }! + 1) % communities.count]
                let old = report(
                    m, other, unitOfOrg[m.orgNodeID], on: reported.adding(days: -d.rng.int(90...300)), admin)
                old.endedOn = reported.adding(days: -1).description
                old.endReason = "搬家转出"
                reports.append(old)
                ended += 1
            }
            let r = report(m, home, unitOfOrg[m.orgNodeID], on: reported, admin)
            r.showIdentity = demoMember || d.rng.chance(0.5)
            reports.append(r)
        }
        try await insert(reports, db)
        let saved = try await MemberReport.query(on: db).sort(\.$id).all()

        // Claims and services of the active reports.
        var claims: [PostClaim] = []
        var serviceRows: [MemberService] = []
        for r in saved where r.endedOn == nil {
            let demoMember = r.personID == d.memberPersonID
            let reportedOn = ReportingFacts.day(r.reportedOn)
            var post: ServicePost?
            if demoMember || d.rng.chance(0.75) {
                let open = (postsOf[r.communityNodeID] ?? []).filter { held[$0.id!, default: 0] < $0.capacity }
                if !open.isEmpty {
                    let p = open[d.rng.int(0...(open.count - 1))]
                    held[p.id!, default: 0] += 1
                    let c = PostClaim()
                    c.postID = p.id!
                    c.memberReportID = r.id
                    c.path = r.path
                    c.claimedOn = min(today, reportedOn.adding(days: d.rng.int(0...20))).description
                    claims.append(c)
                    post = p
                }
            }
            guard post != nil || d.rng.chance(0.1) else { continue }
            let span = today.ordinal - reportedOn.ordinal
            let n = demoMember ? 4 : d.rng.int(0...min(14, span / 25 + 1))
            for _ in 0..<n {
                let s = MemberService()
                s.memberReportID = r.id!
                s.personID = r.personID
                s.postID = post?.id
                s.path = r.path
                let day = reportedOn.adding(days: d.rng.int(0...max(0, span)))
                s.servedOn = day.description
                s.hours = Double(d.rng.int(2...8)) / 2
                s.text = d.rng.pick(services)
                s.recordedBy = admin
                // Most are verified; the last fortnight's often not yet.
                if d.rng.chance(today.ordinal - day.ordinal < 14 ? 0.4 : 0.95) {
                    s.verifiedBy = verifier(r.communityNodeID)
                    s.verifiedAt = Date(timeIntervalSince1970: day.adding(days: 2).startInstant + 10 * 3600)
                }
                serviceRows.append(s)
            }
        }
        try await insert(claims, db)
        try await insert(serviceRows, db)

        // Unit reports: most units standing in a community, never the demo liaison's own.
        let liaisonOrgs = Set(
            try await User.query(on: db).filter(\.$role == .unitLiaison).all().map(\.orgNodeID))
        var unitReports: [UnitReport] = []
        for u in units where byID[u.locationNodeID] != nil && d.rng.chance(0.85) {
            if let o = u.partyOrgNodeID, liaisonOrgs.contains(o) { continue }
            let c = byID[u.locationNodeID]!
            let r = UnitReport()
            r.unitID = u.id
            r.communityNodeID = c.id!
            r.path = c.path
            r.liaisonName = u.contactName ?? "联络人"
            r.liaisonPhone = u.contactPhone ?? d.nextPhone()
            r.offers = d.rng.pick(offers)
            r.takesOn = d.rng.pick(posts).title
            r.reportedOn = today.adding(days: -d.rng.int(30...500)).description
            r.recordedBy = admin
            unitReports.append(r)
        }
        try await insert(unitReports, db)

        // A re-report round in the first community, open for ten days now, with some confirmations.
        let first = communities[0]
        let round = ReportRound()
        round.communityNodeID = first.id!
        round.path = first.path
        round.title = "\(today.year)年上半年重新报到"
        round.opensOn = today.adding(days: -10).description
        round.closesOn = today.adding(days: 20).description
        round.openedBy = verifier(first.id!)
        try await round.create(on: db)
        var confirmations: [RoundConfirmation] = []
        for r in saved
        where r.endedOn == nil && r.communityNodeID == first.id && r.reportedOn < round.opensOn
            && r.personID != d.memberPersonID && d.rng.chance(0.4)
        {
            let c = RoundConfirmation()
            c.roundID = round.id!
            c.memberReportID = r.id!
            c.path = r.path
            c.confirmedOn = today.adding(days: -d.rng.int(0...9)).description
            confirmations.append(c)
        }
        try await insert(confirmations, db)
        d.counts["member reports"] = reports.count
        d.counts["ended member reports"] = ended
        d.counts["service posts"] = postRows.count
        d.counts["post claims"] = claims.count
        d.counts["member services"] = serviceRows.count
        d.counts["unit reports"] = unitReports.count
    }

    private static func report(
        _ m: PeopleQueries.ReportingPerson, _ community: OrgNode, _ unit: UnitsQueries.ReportingUnit?,
        on day: LocalDate, _ by: Int
    ) -> MemberReport {
        let r = MemberReport()
        r.personID = m.id
        r.communityNodeID = community.id!
        r.path = community.path
        r.employerUnitID = unit?.id
        r.employer = m.employer ?? unit?.name ?? ""
        r.showIdentity = false
        r.reportedOn = day.description
        r.recordedBy = by
        return r
    }

    private static func insert<M: Model>(_ rows: [M], _ db: any Database) async throws {
        for chunk in rows.chunked(300) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}
