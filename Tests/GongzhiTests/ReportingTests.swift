import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F5 dual reporting")
struct ReportingTests {
    static func community(_ app: Application, _ code: String) async throws -> OrgNode {
        try await Fixtures.node(app, code: code)
    }

    static func memberPersonID(_ app: Application) async throws -> Int {
        try #require(try await Fixtures.user(app, "member").personID)
    }

    static func activeReport(_ app: Application, person: Int) async throws -> MemberReport? {
        try await MemberReport.query(on: app.db).filter(\.$personID == person).filter(\.$endedOn == nil).first()
    }

    /// Another member reported to the community, not the demo member.
    static func otherReport(_ app: Application, in community: OrgNode, not person: Int) async throws -> MemberReport {
        try #require(
            try await MemberReport.query(on: app.db).filter(\.$communityNodeID == community.id!)
                .filter(\.$endedOn == nil).filter(\.$personID != person).sort(\.$id).first())
    }

    // MARK: The funnel

    /// The desk's funnel counts from the events, and each figure opens the list it counts.
    @Test func funnelFromEventsWithDrillDown() async throws {
        try await withTestApp { app in
            let c1 = try await Self.community(app, "QH-S1-C1")
            let desk = try await Client.api(app, as: "secretary")
            let res = try await desk.api(.GET, "/api/v1/reporting/funnel")
            #expect(res.status == .ok)
            let json = try res.json()
            let rows = try #require(json["communities"] as? [[String: Any]])
            #expect(rows.count == 1, "a community secretary sees their community only")
            let row = try #require(rows.first { $0["nodeId"] as? Int == c1.id })
            let active = try await MemberReport.query(on: app.db).filter(\.$communityNodeID == c1.id!)
                .filter(\.$endedOn == nil).count()
            #expect(row["reported"] as? Int == active)
            let reported = row["reported"] as? Int ?? 0
            let claimed = row["claimed"] as? Int ?? 0
            let served = row["served"] as? Int ?? 0
            let recent = row["active"] as? Int ?? 0
            #expect(reported >= claimed && claimed >= served && served >= recent && claimed > 0)
            for (stage, n) in [("reported", reported), ("claimed", claimed), ("served", served), ("active", recent)] {
                let list = try await desk.api(
                    .GET, "/api/v1/reporting/member-reports?communityId=\(c1.id!)&stage=\(stage)")
                #expect(list.status == .ok)
                #expect(try list.jsonArray().count == n, "the \(stage) list has as many members as its figure")
            }
            // The street sees its communities and its own row.
            let street = try await Client.api(app, as: "street").api(.GET, "/api/v1/reporting/funnel").json()
            let streets = try #require(street["streets"] as? [[String: Any]])
            let s1 = try await Self.community(app, "QH-S1")
            let s1Row = try #require(streets.first { $0["nodeId"] as? Int == s1.id })
            let communities = try #require(street["communities"] as? [[String: Any]])
            #expect(s1Row["reported"] as? Int == communities.reduce(0) { $0 + ($1["reported"] as? Int ?? 0) })
            // The page: a table per community, each figure a link to its list.
            let page = try await Client.page(app, as: "secretary").get("/reporting")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("reporting-funnel"))
            #expect(page.body.string.contains("/reporting/members?communityId=\(c1.id!)&amp;stage=claimed"))
            let drill = try await Client.page(app, as: "secretary").get(
                "/reporting/members?communityId=\(c1.id!)&stage=active")
            #expect(drill.status == .ok && drill.body.string.contains("reporting-member-reports"))
            // A bad stage is a 400.
            #expect(try await desk.api(.GET, "/api/v1/reporting/member-reports?stage=nope").status == .badRequest)
        }
    }

    // MARK: Member reports

    /// The member reports on the phone; reporting twice is refused in both languages and saves nothing; a transfer
    /// out ends the report and the posts held.
    @Test func memberReportsOnceTransfersAndReportsAgain() async throws {
        try await withTestApp { app in
            let person = try await Self.memberPersonID(app)
            let report = try #require(try await Self.activeReport(app, person: person))
            let member = try await Client.api(app, as: "member")
            let count = try await MemberReport.query(on: app.db).count()
            let twice = try await member.api(.POST, "/api/v1/reporting/member-reports", json: [String: Any]())
            #expect(twice.status == .conflict)
            #expect(twice.errorMessage?.contains("不能重复报到") == true)
            member.language = "en"
            let twiceEn = try await member.api(.POST, "/api/v1/reporting/member-reports", json: [String: Any]())
            #expect(twiceEn.errorMessage?.contains("one report at a time") == true)
            #expect(try await MemberReport.query(on: app.db).count() == count)
            // Staff recording the same person again is refused too.
            let desk = try await Client.api(app, as: "secretary")
            let c1 = try await Self.community(app, "QH-S1-C1")
            let staffTwice = try await desk.api(
                .POST, "/api/v1/reporting/member-reports", json: ["personId": person, "communityNodeId": c1.id!])
            #expect(staffTwice.status == .conflict)
            // A member sees their own reports only.
            let mine = try await member.api(.GET, "/api/v1/reporting/member-reports").jsonArray()
            #expect(!mine.isEmpty && mine.allSatisfy { $0["personId"] as? Int == person })
            // Another member's report is not theirs to end.
            let other = try await Self.otherReport(app, in: c1, not: person)
            let foreign = try await member.api(
                .POST, "/api/v1/reporting/member-reports/\(other.id!)/end", json: ["reason": "转出"])
            #expect(foreign.status == .forbidden)
            // Transfer out: ended with a date and a reason, and the claims end with it.
            #expect(
                try await PostClaim.query(on: app.db).filter(\.$memberReportID == report.id!).filter(\.$endedOn == nil)
                    .count() > 0)
            #expect(
                try await member.api(
                    .POST, "/api/v1/reporting/member-reports/\(report.id!)/end", json: [String: Any]()
                )
                .status == .unprocessableEntity, "a reason is required")
            let ended = try await member.api(
                .POST, "/api/v1/reporting/member-reports/\(report.id!)/end", json: ["reason": "搬家转出"])
            #expect(ended.status == .ok)
            #expect(try ended.json()["endedOn"] as? String == app.clock.today.description)
            #expect(
                try await PostClaim.query(on: app.db).filter(\.$memberReportID == report.id!).filter(\.$endedOn == nil)
                    .count() == 0)
            // Claiming or serving while not reported: a clear refusal.
            let post = try #require(
                try await ServicePost.query(on: app.db).filter(\.$communityNodeID == c1.id!).first())
            let notReported = try await member.api(.POST, "/api/v1/reporting/posts/\(post.id!)/claim")
            #expect(notReported.status == .unprocessableEntity)
            #expect(notReported.errorMessage?.contains("Report first") == true)
            // Report again from the phone's form, with consent to show identity.
            let phone = try await Client.page(app, as: "member")
            let form = try await phone.get("/reporting")
            #expect(form.status == .ok && form.body.string.contains("reporting-report"))
            let again = try await phone.post(
                "/reporting/members", [("employer", "区图书馆"), ("showIdentity", "true")])
            #expect(again.status == .seeOther, "\(again.body.string.prefix(300))")
            let fresh = try #require(try await Self.activeReport(app, person: person))
            #expect(fresh.communityNodeID == c1.id && fresh.showIdentity && fresh.employer == "区图书馆")
            #expect(try await PeopleQueries.reportingPerson(person, on: app.db)?.shownToNeighbours == true)
            let home = try await phone.get("/reporting")
            #expect(home.body.string.contains("reporting-mine"))
            // Consent off again.
            #expect(try await phone.post("/reporting/consent", [("show", "false")]).status == .seeOther)
            #expect(try await Self.activeReport(app, person: person)?.showIdentity == false)
            #expect(try await PeopleQueries.reportingPerson(person, on: app.db)?.shownToNeighbours == false)
        }
    }

    // MARK: Posts and services

    /// A post's capacity holds; the same post is not claimed twice; services are checked, verified by staff and
    /// never by their author.
    @Test func postsClaimsServicesAndVerification() async throws {
        try await withTestApp { app in
            let c1 = try await Self.community(app, "QH-S1-C1")
            let person = try await Self.memberPersonID(app)
            let desk = try await Client.api(app, as: "secretary")
            let made = try await desk.api(
                .POST, "/api/v1/reporting/posts",
                json: [
                    "communityNodeId": c1.id!, "title": "测试岗", "skills": "沟通", "capacity": 1,
                    "schedule": "周六",
                ])
            #expect(made.status == .created)
            let postID = try #require(try made.json()["id"] as? Int)
            #expect(
                try await desk.api(
                    .POST, "/api/v1/reporting/posts",
                    json: ["communityNodeId": c1.id!, "title": "零名额", "capacity": 0]
                ).status == .unprocessableEntity)
            let member = try await Client.api(app, as: "member")
            let claim = try await member.api(.POST, "/api/v1/reporting/posts/\(postID)/claim")
            #expect(claim.status == .created, "\(claim.body.string)")
            #expect(try await member.api(.POST, "/api/v1/reporting/posts/\(postID)/claim").status == .conflict)
            // Full: staff's claim for another member of the community is refused, nothing saved.
            let other = try await Self.otherReport(app, in: c1, not: person)
            let claims = try await PostClaim.query(on: app.db).count()
            let full = try await desk.api(
                .POST, "/api/v1/reporting/posts/\(postID)/claim", json: ["personId": other.personID])
            #expect(full.status == .conflict)
            #expect(full.errorMessage?.contains("已满") == true)
            #expect(try await PostClaim.query(on: app.db).count() == claims)
            // Services: hours and day checked.
            let today = app.clock.today
            for (hours, day) in [(0.0, today), (-1, today), (24.5, today), (2, today.adding(days: 1))] {
                let bad = try await member.api(
                    .POST, "/api/v1/reporting/services",
                    json: ["servedOn": day.description, "hours": hours, "text": "巡逻"])
                #expect(bad.status == .unprocessableEntity, "\(hours) h on \(day)")
            }
            #expect(
                try await member.api(.POST, "/api/v1/reporting/services", json: ["hours": 2, "text": " "]).status
                    == .unprocessableEntity)
            let services = try await MemberService.query(on: app.db).count()
            let done = try await member.api(
                .POST, "/api/v1/reporting/services",
                json: ["servedOn": today.description, "hours": 2.5, "text": "平安巡逻", "postId": postID])
            #expect(done.status == .created, "\(done.body.string)")
            #expect(try await MemberService.query(on: app.db).count() == services + 1)
            let serviceID = try #require(try done.json()["id"] as? Int)
            // Not at a post one does not hold.
            let otherPost = try #require(
                try await ServicePost.query(on: app.db).filter(\.$communityNodeID != c1.id!).first())
            #expect(
                try await member.api(
                    .POST, "/api/v1/reporting/services", json: ["hours": 1, "text": "x", "postId": otherPost.id!]
                ).status == .unprocessableEntity)
            // Verification: nobody verifies their own; a member cannot verify at all; another street's secretary
            // may not.
            let secretary = try await Fixtures.user(app, "secretary")
            secretary.personID = person
            try await secretary.save(on: app.db)
            let own = try await desk.api(.POST, "/api/v1/reporting/services/\(serviceID)/verify")
            #expect(own.status == .unprocessableEntity)
            secretary.personID = nil
            try await secretary.save(on: app.db)
            #expect(try await member.api(.POST, "/api/v1/reporting/services/\(serviceID)/verify").status == .forbidden)
            let far = try await Client.api(app, as: "secretary2")
            #expect(try await far.api(.POST, "/api/v1/reporting/services/\(serviceID)/verify").status == .forbidden)
            let ok = try await desk.api(.POST, "/api/v1/reporting/services/\(serviceID)/verify")
            #expect(try ok.status == .ok && (ok.json()["verified"] as? Bool) == true)
            #expect(try await desk.api(.POST, "/api/v1/reporting/services/\(serviceID)/verify").status == .conflict)
            // The member's list shows it verified; the desk's to-verify list no longer has it.
            let mine = try await member.api(.GET, "/api/v1/reporting/services").jsonArray()
            #expect(mine.first { $0["id"] as? Int == serviceID }?["verified"] as? Bool == true)
            let todo = try await desk.api(.GET, "/api/v1/reporting/services?verified=false").jsonArray()
            #expect(!todo.contains { $0["id"] as? Int == serviceID })
            // A service the community cannot confirm is refused with a reason: it leaves the to-verify list, never
            // counts, and the member reads why.
            let second = try await member.api(
                .POST, "/api/v1/reporting/services",
                json: ["servedOn": today.description, "hours": 1, "text": "代写材料"])
            let secondID = try #require(try second.json()["id"] as? Int)
            let bare = try await desk.api(
                .POST, ReportingRoute.apiServiceReject(.value(secondID)), json: ["reason": ""])
            #expect(bare.status == .unprocessableEntity)
            let refused = try await desk.api(
                .POST, ReportingRoute.apiServiceReject(.value(secondID)), json: ["reason": "当天无人见证"])
            #expect(refused.status == .ok)
            #expect(try refused.json()["rejectReason"] as? String == "当天无人见证")
            #expect(try await desk.api(.POST, ReportingRoute.apiServiceVerify(.value(secondID))).status == .conflict)
            let still = try await desk.api(.GET, "/api/v1/reporting/services?verified=false").jsonArray()
            #expect(!still.contains { $0["id"] as? Int == secondID })
            #expect(
                try await Client.page(app, as: "member").get("/reporting").body.string.contains("当天无人见证"))
            // The phone page: my post and my services; the desk's pages render.
            let phone = try await Client.page(app, as: "member").get("/reporting")
            #expect(phone.body.string.contains("测试岗") && phone.body.string.contains("reporting-services"))
            let page = try await Client.page(app, as: "secretary")
            for path in [
                "/reporting/units", "/reporting/members", "/reporting/posts", "/reporting/services",
                "/reporting/rounds",
            ] {
                #expect(try await page.get(path).status == .ok, "\(path)")
            }
        }
    }

    // MARK: Scope

    /// Another street's secretary sees none of the community's records; ids outside answer as unknown ones.
    @Test func anotherCommunitysSecretarySeesNothing() async throws {
        try await withTestApp { app in
            let c1 = try await Self.community(app, "QH-S1-C1")
            let far = try await Client.api(app, as: "secretary2")
            let reports = try await far.api(.GET, "/api/v1/reporting/member-reports").jsonArray()
            #expect(!reports.isEmpty && reports.allSatisfy { $0["communityNodeId"] as? Int != c1.id })
            let outside = try await far.api(.GET, "/api/v1/reporting/member-reports?communityId=\(c1.id!)")
            let unknown = try await far.api(.GET, "/api/v1/reporting/member-reports?communityId=987654321")
            #expect(outside.status == .unprocessableEntity && outside.errorMessage == unknown.errorMessage)
            let report = try await Self.otherReport(app, in: c1, not: -1)
            let end = try await far.api(
                .POST, "/api/v1/reporting/member-reports/\(report.id!)/end", json: ["reason": "转出"])
            #expect(end.status == .forbidden)
            #expect(try await MemberReport.find(report.id!, on: app.db)?.endedOn == nil)
            let post = try #require(
                try await ServicePost.query(on: app.db).filter(\.$communityNodeID == c1.id!).first())
            #expect(
                try await far.api(.POST, "/api/v1/reporting/posts/\(post.id!)/claim", json: ["personId": 1]).status
                    == .forbidden)
            // A post in someone else's community, and a person outside the scope, answer as unknown ids.
            let p = try await far.api(
                .POST, "/api/v1/reporting/posts", json: ["communityNodeId": c1.id!, "title": "越权", "capacity": 2])
            #expect(p.status == .unprocessableEntity)
            let rows = try await far.api(.GET, "/api/v1/reporting/funnel").json()["communities"] as? [[String: Any]]
            #expect(rows?.contains { $0["nodeId"] as? Int == c1.id } == false)
            // A resident has no part in it.
            let resident = try await Client.api(app, as: "resident")
            #expect(try await resident.api(.GET, "/api/v1/reporting/funnel").status == .forbidden)
            #expect(
                try await resident.api(.POST, "/api/v1/reporting/member-reports", json: [String: Any]()).status
                    == .forbidden)
        }
    }

    // MARK: Units

    /// The liaison reports their own unit and sees only their units' reports; not another unit, not twice.
    @Test func liaisonReportsOwnUnitOnly() async throws {
        try await withTestApp { app in
            let liaison = try await Fixtures.user(app, "unit")
            let mine = try await UnitsQueries.unitIDs(withPartyOrg: liaison.orgNodeID, on: app.db)
            let unitID = try #require(mine.first)
            let c = try await Client.api(app, as: "unit")
            #expect(try await c.api(.GET, "/api/v1/reporting/unit-reports").jsonArray().isEmpty)
            let other = try #require(
                try await UnitReport.query(on: app.db).filter(\.$unitID !~ mine).sort(\.$id).first())
            let refused = try await c.api(
                .POST, "/api/v1/reporting/unit-reports",
                json: [
                    "unitId": other.unitID, "liaisonName": "赵磊", "liaisonPhone": "13900000011",
                    "offers": "场地",
                ])
            #expect(refused.status == .unprocessableEntity)
            let body: [String: Any] = [
                "unitId": unitID, "liaisonName": "赵磊", "liaisonPhone": "13900000011",
                "offers": "活动场地、志愿者",
                "takesOn": "平安巡逻岗",
            ]
            let made = try await c.api(.POST, "/api/v1/reporting/unit-reports", json: body)
            #expect(made.status == .created, "\(made.body.string)")
            #expect(try made.json()["liaisonPhone"] as? String == "139****0011")
            #expect(try await c.api(.POST, "/api/v1/reporting/unit-reports", json: body).status == .conflict)
            let list = try await c.api(.GET, "/api/v1/reporting/unit-reports").jsonArray()
            #expect(list.count == 1 && list[0]["unitId"] as? Int == unitID)
            let summary = try await ReportingQueries.unitReport(unitID: unitID, db: app.db)
            #expect(summary?.offers == "活动场地、志愿者")
            // Another unit's report is not theirs to end.
            #expect(
                try await c.api(.POST, "/api/v1/reporting/unit-reports/\(other.id!)/end", json: ["reason": "x"])
                    .status == .forbidden)
            // The liaison's desk: their units' reports.
            let desk = try await Client.page(app, as: "unit").get("/reporting")
            #expect(desk.status == .ok && desk.body.string.contains("reporting-unit-reports"))
            // Bad input: a phone that is not one; nothing saved.
            let count = try await UnitReport.query(on: app.db).count()
            var bad = body
            bad["liaisonPhone"] = "12345"
            bad["unitId"] = mine.last!
            if mine.count > 1 {
                #expect(
                    try await c.api(.POST, "/api/v1/reporting/unit-reports", json: bad).status == .unprocessableEntity)
            }
            #expect(try await UnitReport.query(on: app.db).count() == count)
        }
    }

    // MARK: Export and published queries

    @Test func csvExportMaskedByDefault() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            let masked = try await desk.api(.GET, "/api/v1/reporting/member-reports/export.csv")
            #expect(masked.status == .ok)
            #expect(masked.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(masked.body.string.contains("****") && masked.body.string.contains("报到社区"))
            let units = try await desk.api(.GET, "/api/v1/reporting/unit-reports/export.csv")
            #expect(units.status == .ok && units.body.string.contains("****"))
            let before = try await Fixtures.accessLog(app, .unmaskedRead).count
            let clear = try await desk.api(.GET, "/api/v1/reporting/member-reports/export.csv?unmasked=true")
            #expect(clear.status == .ok && !clear.body.string.contains("****"))
            #expect(try await Fixtures.accessLog(app, .unmaskedRead).count == before + 1)
            let worker = try await Client.api(app, as: "worker")
            #expect(
                try await worker.api(.GET, "/api/v1/reporting/member-reports/export.csv?unmasked=true").status
                    == .forbidden)
            #expect(
                try await Client.api(app, as: "unit").api(.GET, "/api/v1/reporting/unit-reports/export.csv").status
                    == .forbidden)
            let page = try await Client.page(app, as: "secretary").get("/reporting/units/export.csv")
            #expect(page.status == .ok)
        }
    }

    @Test func publishedQueriesCountFromTheRecords() async throws {
        try await withTestApp { app in
            let reports = try await MemberReport.query(on: app.db).filter(\.$employerUnitID != nil).all()
            let units = Array(Set(reports.compactMap(\.employerUnitID)))
            #expect(!units.isEmpty)
            let year = Date().addingTimeInterval(-366 * 86_400)
            let counted = try await ReportingQueries.verifiedServices(
                unitIDs: units, from: year, to: Date().addingTimeInterval(86_400), db: app.db)
            let unitOf = Dictionary(uniqueKeysWithValues: reports.map { ($0.id!, $0.employerUnitID!) })
            let from = LocalDate(instant: year.timeIntervalSince1970).description
            var expected: [Int: Int] = [:]
            for s in try await MemberService.query(on: app.db).all()
            where s.verified && s.servedOn >= from && unitOf[s.memberReportID] != nil {
                expected[unitOf[s.memberReportID]!, default: 0] += 1
            }
            #expect(counted == expected)
            let kept = try await ReportingQueries.postsKept(unitIDs: units, on: app.clock.today, db: app.db)
            var held: [Int: Int] = [:]
            for c in try await PostClaim.query(on: app.db).filter(\.$endedOn == nil).all() {
                if let r = c.memberReportID, let u = unitOf[r] { held[u, default: 0] += 1 }
            }
            #expect(kept == held)
        }
    }
}
