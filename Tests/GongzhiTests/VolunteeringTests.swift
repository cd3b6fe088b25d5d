import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F11 volunteering")
struct VolunteeringTests {
    static func local(_ d: Date) -> String { VolunteeringFacts.inputValue(d) }

    /// The secretary creates an activity of the first community through the API.
    static func activity(
        _ app: Application, start: TimeInterval, minutes: Int = 120, capacity: Int = 10,
        point: (Double, Double)? = nil,
        title: String = "测试活动"
    ) async throws -> [String: Any] {
        let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
        let desk = try await Client.api(app, as: "secretary")
        var body: [String: Any] = [
            "title": title, "category": "environment", "nodeId": c1.id!, "address": "社区广场",
            "startsAt": local(Date().addingTimeInterval(start)),
            "endsAt": local(Date().addingTimeInterval(start + Double(minutes * 60))), "capacity": capacity,
            "points": 10,
        ]
        if let point {
            body["lat"] = point.0
            body["lng"] = point.1
            body["radiusMeters"] = 100
        }
        let res = try await desk.api(.POST, "/api/v1/volunteering/activities", json: body)
        #expect(res.status == .created, "\(res.body.string)")
        return try res.json()
    }

    static func person(_ app: Application, _ username: String) async throws -> Int {
        try #require(try await Fixtures.user(app, username).personID)
    }

    /// Sign-up beyond capacity waits; a cancellation promotes the first waiting; check-in by code once; check-out
    /// records the hours once.
    @Test func signUpWaitListCheckInAndOut() async throws {
        try await withTestApp { app in
            let a = try await Self.activity(app, start: -3_600, capacity: 1)
            let id = try #require(a["id"] as? Int)
            let code = try #require(a["code"] as? String)
            #expect(code.count == 6)
            let resident = try await Client.api(app, as: "resident")
            let member = try await Client.api(app, as: "member")
            let r1 = try await resident.api(.POST, "/api/v1/volunteering/activities/\(id)/signup")
            try #expect(r1.status == .created && (r1.json()["status"] as? String) == "confirmed")
            let twice = try await resident.api(.POST, "/api/v1/volunteering/activities/\(id)/signup")
            #expect(twice.status == .conflict && twice.errorMessage?.contains("不能重复报名") == true)
            let m1 = try await member.api(.POST, "/api/v1/volunteering/activities/\(id)/signup")
            #expect((try m1.json()["status"] as? String) == "waiting", "beyond capacity: the wait list")
            // On the wait list: no check-in.
            let early = try await member.api(.POST, "/api/v1/volunteering/check-in", json: ["code": code])
            #expect(early.status == .conflict)
            // The resident cancels: the member takes the place and is told.
            let cancel = try await resident.api(.POST, "/api/v1/volunteering/activities/\(id)/cancel-signup")
            #expect(cancel.status == .ok)
            let memberPerson = try await Self.person(app, "member")
            let promoted = try #require(
                try await Signup.query(on: app.db).filter(\.$activityID == id).filter(\.$personID == memberPerson)
                    .first())
            #expect(promoted.status == .confirmed && promoted.promotedAt != nil)
            let todos = try await Client.page(app, as: "member").get("/todos")
            #expect(todos.body.string.contains("候补转正"))
            // A wrong code, then the right one, then a second check-in.
            let wrong = try await member.api(.POST, "/api/v1/volunteering/check-in", json: ["code": "12ab56"])
            #expect(wrong.status == .unprocessableEntity)
            let ok = try await member.api(.POST, "/api/v1/volunteering/check-in", json: ["code": code])
            #expect(ok.status == .ok, "\(ok.body.string)")
            let again = try await member.api(.POST, "/api/v1/volunteering/check-in", json: ["code": code])
            #expect(again.status == .conflict && again.errorMessage?.contains("不能重复签到") == true)
            member.language = "en"
            let againEn = try await member.api(.POST, "/api/v1/volunteering/check-in", json: ["code": code])
            #expect(againEn.errorMessage?.contains("Checked in already") == true)
            // Thirty minutes at the activity, then check-out records them once.
            promoted.checkedInAt = Date().addingTimeInterval(-1_800)
            try await promoted.save(on: app.db)
            let out = try await member.api(.POST, "/api/v1/volunteering/check-out", json: ["code": code])
            #expect(out.status == .created, "\(out.body.string)")
            let minutes = try out.json()["minutes"] as? Int ?? 0
            #expect((29...31).contains(minutes))
            #expect(try out.json()["source"] as? String == "checkInOut")
            let outTwice = try await member.api(.POST, "/api/v1/volunteering/check-out", json: ["code": code])
            #expect(outTwice.status == .conflict)
            #expect(try await ServiceHour.query(on: app.db).filter(\.$activityID == id).count() == 1)
            let mine = try await member.api(.GET, "/api/v1/volunteering/hours").jsonArray()
            #expect(mine.contains { $0["activityId"] as? Int == id })
            #expect(mine.allSatisfy { $0["personId"] as? Int == memberPerson })
            // The published query hands the hour to Points with the activity's points.
            let facts = try await VolunteeringQueries.hours(personIDs: [memberPerson], from: nil, to: nil, db: app.db)
            let fact = try #require(facts.first { $0.activityID == id })
            #expect(fact.activityPoints == 10 && fact.source == "checkInOut")
            let after = try await VolunteeringQueries.hours(after: fact.id - 1, limit: 1, db: app.db)
            #expect(after.map(\.id) == [fact.id])
        }
    }

    /// Check-in outside the time window or the place window is refused; within both it is taken.
    @Test func checkInWindows() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let later = try await Self.activity(app, start: 3 * 3_600)
            let laterID = try #require(later["id"] as? Int)
            _ = try await resident.api(.POST, "/api/v1/volunteering/activities/\(laterID)/signup")
            let early = try await resident.api(
                .POST, "/api/v1/volunteering/check-in", json: ["code": later["code"] as! String])
            #expect(early.status == .unprocessableEntity)
            #expect(early.errorMessage?.contains("还没到签到时间") == true)
            let point = (31.2304, 121.4737)
            let here = try await Self.activity(app, start: -600, point: point, title: "现场活动")
            let hereID = try #require(here["id"] as? Int)
            let code = try #require(here["code"] as? String)
            _ = try await resident.api(.POST, "/api/v1/volunteering/activities/\(hereID)/signup")
            let noLocation = try await resident.api(.POST, "/api/v1/volunteering/check-in", json: ["code": code])
            #expect(noLocation.status == .unprocessableEntity)
            let far = try await resident.api(
                .POST, "/api/v1/volunteering/check-in", json: ["code": code, "lat": 31.25, "lng": 121.4737])
            #expect(far.status == .unprocessableEntity && far.errorMessage?.contains("不在活动地点") == true)
            let person = try await Self.person(app, "resident")
            let s = try #require(
                try await Signup.query(on: app.db).filter(\.$activityID == hereID).filter(\.$personID == person)
                    .first())
            #expect(s.checkedInAt == nil, "nothing saved by a refused check-in")
            let near = try await resident.api(
                .POST, "/api/v1/volunteering/check-in", json: ["code": code, "lat": 31.2308, "lng": 121.4737])
            #expect(near.status == .ok)
            // A past activity: too late.
            let past = try await Self.activity(app, start: -6 * 3_600, minutes: 60, title: "已结束活动")
            let pastID = try #require(past["id"] as? Int)
            let staff = try await Client.api(app, as: "secretary")
            let signed = try await staff.api(
                .POST, "/api/v1/volunteering/activities/\(pastID)/signup", json: ["personId": person])
            #expect(signed.status == .conflict, "no sign-up once the activity is over")
        }
    }

    /// An hour code is good for one person once; a redemption overlapping the person's hours saves nothing.
    @Test func hourCodesOnce() async throws {
        try await withTestApp { app in
            let a = try await Self.activity(app, start: -5 * 3_600, minutes: 180, title: "时长码活动")
            let id = try #require(a["id"] as? Int)
            let desk = try await Client.api(app, as: "secretary")
            let issued = try await desk.api(
                .POST, "/api/v1/volunteering/activities/\(id)/hour-codes", json: ["minutes": 60, "count": 2])
            #expect(issued.status == .created)
            let codes = try issued.jsonArray().compactMap { $0["code"] as? String }
            #expect(codes.count == 2)
            let tooMany = try await desk.api(
                .POST, "/api/v1/volunteering/activities/\(id)/hour-codes", json: ["minutes": 60, "count": 500])
            #expect(tooMany.status == .unprocessableEntity)
            let resident = try await Client.api(app, as: "resident")
            let member = try await Client.api(app, as: "member")
            let first = try await resident.api(
                .POST, "/api/v1/volunteering/hour-codes/redeem", json: ["code": codes[0]])
            try #expect(first.status == .created && (first.json()["source"] as? String) == "hourCode")
            let used = try await member.api(.POST, VolunteeringRoute.apiRedeem, json: ["code": codes[0]])
            // The second code covers the same hour: the resident may not count it twice.
            let overlap = try await resident.api(
                .POST, "/api/v1/volunteering/hour-codes/redeem", json: ["code": codes[1]])
            #expect(overlap.status == .conflict && overlap.errorMessage?.contains("不能重叠") == true)
            let second = try #require(try await HourCode.query(on: app.db).filter(\.$code == codes[1]).first())
            #expect(second.usedAt == nil, "the refused redemption left the code unused")
            let unknown = try await resident.api(.POST, VolunteeringRoute.apiRedeem, json: ["code": "x"])
            #expect(unknown.status == .unprocessableEntity)
            // A used code answers as an unknown one: a guess never learns that a code was issued.
            #expect(used.status == unknown.status && used.errorMessage == unknown.errorMessage)
            // Another street's code is as unknown to the resident as a wrong guess, and stays unused.
            let away = try await Client.api(app, as: "secretary2")
            let node = try await Fixtures.user(app, "secretary2").orgNodeID
            let theirs = try await away.api(
                .POST, "/api/v1/volunteering/activities",
                json: [
                    "title": "别处活动", "category": "environment", "nodeId": node, "address": "广场",
                    "startsAt": Self.local(Date().addingTimeInterval(-30 * 3_600)),
                    "endsAt": Self.local(Date().addingTimeInterval(-29 * 3_600)), "capacity": 5,
                ])
            #expect(theirs.status == .created, "\(theirs.body.string)")
            let otherID = try #require(try theirs.json()["id"] as? Int)
            let otherCodes = try await away.api(
                .POST, "/api/v1/volunteering/activities/\(otherID)/hour-codes", json: ["minutes": 30, "count": 1])
            let otherCode = try #require(try otherCodes.jsonArray().first?["code"] as? String)
            let foreign = try await resident.api(
                .POST, "/api/v1/volunteering/hour-codes/redeem", json: ["code": otherCode])
            #expect(foreign.status == .unprocessableEntity && foreign.errorMessage == unknown.errorMessage)
            #expect(try await HourCode.query(on: app.db).filter(\.$code == otherCode).first()?.usedAt == nil)
        }
    }

    /// A manual entry names its approver, who is neither the recorder nor the volunteer; it waits in the
    /// approver's to-dos and counts once approved; a refusal says why; overlapping shifts are refused.
    @Test func manualEntriesNeedAnApprover() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            let worker = try await Client.api(app, as: "worker")
            let resident = try await Self.person(app, "resident")
            let residentUser = try await Fixtures.user(app, "resident")
            let secretary = try await Fixtures.user(app, "secretary")
            // 21:00–23:00 a month ago: no demo hours at that time of day.
            let day = Date(timeIntervalSince1970: app.clock.today.adding(days: -30).startInstant + 21 * 3_600)
            let start = Self.local(day)
            let end = Self.local(day.addingTimeInterval(7_200))
            let count = try await ServiceHour.query(on: app.db).count()
            var body: [String: Any] = ["personId": resident, "startedAt": start, "endedAt": end]
            body["note"] = "协助布置会场"
            let none = try await desk.api(.POST, "/api/v1/volunteering/hours", json: body)
            #expect(none.status == .unprocessableEntity && none.errorMessage?.contains("审核人") == true)
            body["approverUserId"] = residentUser.id!
            let own = try await desk.api(.POST, "/api/v1/volunteering/hours", json: body)
            #expect(own.status == .unprocessableEntity)
            #expect(own.errorMessage?.contains("不能是志愿者本人") == true)
            // Nobody approves what they recorded: the secretary cannot name themselves.
            body["approverUserId"] = secretary.id!
            let mine = try await desk.api(.POST, "/api/v1/volunteering/hours", json: body)
            #expect(mine.status == .unprocessableEntity && mine.errorMessage?.contains("录入人") == true)
            // The worker records, naming the secretary: it waits and counts nothing yet.
            let waiting = try await worker.api(.POST, "/api/v1/volunteering/hours", json: body)
            #expect(waiting.status == .accepted, "\(waiting.body.string)")
            let id = try #require(try waiting.json()["id"] as? Int)
            #expect(try waiting.json()["state"] as? String == "pending")
            let twin = try await worker.api(.POST, "/api/v1/volunteering/hours", json: body)
            let twinID = try #require(try twin.json()["id"] as? Int)
            #expect(try await ServiceHour.query(on: app.db).count() == count)
            let todos = try await Client.page(app, as: "secretary").get(RequestsRoute.todos)
            #expect(todos.body.string.contains("协助布置会场"), "the approval waits in the approver's to-dos")
            let queue = try await desk.api(.GET, ApprovalsRoute.api).jsonArray()
            #expect(queue.contains { $0["id"] as? Int == id })
            // Only the approver decides.
            let byWorker = try await worker.api(.POST, ApprovalsRoute.apiApprove(.value(id)))
            #expect(byWorker.status == .forbidden)
            let approved = try await desk.api(.POST, ApprovalsRoute.apiApprove(.value(id)))
            #expect(approved.status == .ok, "\(approved.body.string)")
            let h = try #require(try await ServiceHour.query(on: app.db).sort(\.$id, .descending).first())
            #expect(h.minutes == 120 && h.approverUserID == secretary.id && h.source == .manual)
            #expect(h.recordedBy == (try await Fixtures.user(app, "worker")).id)
            #expect(try await ServiceHour.query(on: app.db).count() == count + 1)
            #expect(try await desk.api(.POST, ApprovalsRoute.apiApprove(.value(id))).status == .conflict)
            // The twin overlaps what was just approved: refused on approval, and it keeps waiting.
            let overlap = try await desk.api(.POST, ApprovalsRoute.apiApprove(.value(twinID)))
            #expect(overlap.status == .conflict, "\(overlap.body.string)")
            #expect(try await Approval.find(twinID, on: app.db)?.state == .pending)
            let again = try await worker.api(.POST, "/api/v1/volunteering/hours", json: body)
            #expect(again.status == .conflict)
            // A refusal says why, and stays on record.
            let bare = try await desk.api(.POST, ApprovalsRoute.apiRefuse(.value(twinID)), json: ["reason": " "])
            #expect(bare.status == .unprocessableEntity)
            let refused = try await desk.api(
                .POST, ApprovalsRoute.apiRefuse(.value(twinID)), json: ["reason": "与已审批时长重复"])
            #expect(refused.status == .ok)
            let row = try #require(try await Approval.find(twinID, on: app.db))
            #expect(row.state == .refused && row.reason == "与已审批时长重复")
            #expect(try await ServiceHour.query(on: app.db).count() == count + 1)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$entityType == AuditKind.approval.rawValue)
                .filter(\.$entityID == twinID).count()
            #expect(audits == 2)
            body["endedAt"] = start
            #expect(try await desk.api(.POST, "/api/v1/volunteering/hours", json: body).status == .unprocessableEntity)
            body["startedAt"] = "not a time"
            #expect(try await desk.api(.POST, "/api/v1/volunteering/hours", json: body).status == .unprocessableEntity)
            let unknownField = try await desk.api(.POST, "/api/v1/volunteering/hours", json: ["bogus": 1])
            #expect(unknownField.status == .badRequest)
            // Residents cannot record hours by hand.
            let r = try await Client.api(app, as: "resident")
            #expect(try await r.api(.POST, "/api/v1/volunteering/hours", json: body).status == .forbidden)
        }
    }

    /// Ids from clients are checked against the caller's scope.
    @Test func scopeOfIds() async throws {
        try await withTestApp { app in
            let a = try await Self.activity(app, start: 86_400)
            let id = try #require(a["id"] as? Int)
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.GET, "/api/v1/volunteering/activities/\(id)").status == .notFound)
            let theirs = try await other.api(.GET, "/api/v1/volunteering/activities").jsonArray()
            #expect(!theirs.contains { $0["id"] as? Int == id })
            let outside = try await Fixtures.personOutOfScope(app)
            let desk = try await Client.api(app, as: "secretary")
            let reg = try await desk.api(
                .POST, "/api/v1/volunteering/volunteers", json: ["personId": outside.id!, "categories": ["health"]])
            #expect(reg.status == .unprocessableEntity)
            let signForeign = try await desk.api(
                .POST, "/api/v1/volunteering/activities/\(id)/signup", json: ["personId": outside.id!])
            #expect(signForeign.status == .unprocessableEntity)
            let c2 = try await Fixtures.node(app, code: "QH-S2-C1")
            let foreignNode = try await desk.api(
                .POST, "/api/v1/volunteering/teams",
                json: ["name": "越权队", "kind": "volunteerTeam", "nodeId": c2.id!, "categories": ["health"]])
            #expect(foreignNode.status == .unprocessableEntity)
            // A resident only sees activities reaching their community, and only their own registration.
            let resident = try await Client.api(app, as: "resident")
            let c2Activity = try await other.api(
                .POST, "/api/v1/volunteering/activities",
                json: [
                    "title": "别的社区", "category": "health", "nodeId": c2.id!, "address": "广场",
                    "startsAt": Self.local(Date().addingTimeInterval(86_400)),
                    "endsAt": Self.local(Date().addingTimeInterval(90_000)), "capacity": 5,
                ])
            #expect(c2Activity.status == .created)
            let c2ID = try #require(try c2Activity.json()["id"] as? Int)
            #expect(try await resident.api(.GET, "/api/v1/volunteering/activities/\(c2ID)").status == .notFound)
            let signC2 = try await resident.api(.POST, "/api/v1/volunteering/activities/\(c2ID)/signup")
            #expect(signC2.status == .notFound)
            let mine = try await resident.api(.GET, "/api/v1/volunteering/volunteers").jsonArray()
            #expect(mine.count == 1)
            let twice = try await resident.api(
                .POST, "/api/v1/volunteering/volunteers", json: ["categories": ["health"]])
            #expect(twice.status == .conflict)
            // Staff see phones masked.
            let list = try await desk.api(.GET, "/api/v1/volunteering/volunteers").jsonArray()
            #expect(!list.isEmpty && list.allSatisfy { ($0["phone"] as? String)?.contains("****") ?? true })
            // A bad category and a bad capacity are clear 4xx.
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let bad = try await desk.api(
                .POST, "/api/v1/volunteering/teams",
                json: ["name": "队", "kind": "volunteerTeam", "nodeId": c1.id!, "categories": ["nope"]])
            #expect(bad.status == .unprocessableEntity)
            let badCap = try await desk.api(
                .POST, "/api/v1/volunteering/activities",
                json: [
                    "title": "x", "category": "health", "nodeId": c1.id!, "address": "y", "capacity": 0,
                    "startsAt": Self.local(Date()), "endsAt": Self.local(Date().addingTimeInterval(3_600)),
                ])
            #expect(badCap.status == .unprocessableEntity)
            #expect(try await desk.api(.GET, "/api/v1/volunteering/teams?kind=nope").status == .badRequest)
        }
    }

    /// CSV exports, rankings with their rule, and the hosted activities on the unit's and the community's pages.
    @Test func exportsRankingsAndSections() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            for path in ["teams", "volunteers", "activities", "hours"] {
                let res = try await desk.api(.GET, "/api/v1/volunteering/\(path)/export.csv")
                #expect(res.status == .ok, "\(path)")
                #expect(res.headers.contentType?.subType == "csv")
                #expect(res.body.string.components(separatedBy: "\r\n").count > 2, "\(path) has rows")
            }
            // A search runs over every registration in scope: by the person's name, and by skill.
            let all = try await desk.api(.GET, "/api/v1/volunteering/volunteers").jsonArray()
            let last = try #require(all.last)
            let name = try #require(last["name"] as? String)
            let found = try await desk.api(
                .GET,
                "/api/v1/volunteering/volunteers?q=" + name.addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)!
            ).jsonArray()
            #expect(found.contains { $0["id"] as? Int == last["id"] as? Int }, "\(name)")
            #expect(
                found.allSatisfy {
                    ($0["name"] as? String ?? "").contains(name) || ($0["skills"] as? String ?? "").contains(name)
                })
            let none = try await desk.api(.GET, "/api/v1/volunteering/volunteers?q=zzqq").jsonArray()
            #expect(none.isEmpty)
            let r = try await desk.api(.GET, "/api/v1/volunteering/rankings?period=year").json()
            let volunteers = try #require(r["volunteers"] as? [[String: Any]])
            #expect(volunteers.count >= 5 && volunteers.first?["rank"] as? Int == 1)
            #expect(try await desk.api(.GET, "/api/v1/volunteering/rankings?period=decade").status == .badRequest)
            let residentRanks = try await Client.api(app, as: "resident").api(
                .GET, "/api/v1/volunteering/rankings?period=year"
            ).json()
            let masked = try #require(residentRanks["volunteers"] as? [[String: Any]])
            #expect(masked.allSatisfy { ($0["name"] as? String)?.contains("*") ?? false })
            let page = try await Client.page(app, as: "secretary").get("/volunteering/rankings")
            #expect(page.status == .ok && page.body.string.contains("ranking-rule"))
            // The festival's host unit: its page and the community's pages show it.
            let festival = try #require(
                try await Activity.query(on: app.db).filter(\.$hostUnitID != nil).filter(\.$title =~ "邻里节")
                    .first())
            let unitPage = try await Client.page(app, as: "secretary").get("/units/\(festival.hostUnitID!)")
            #expect(unitPage.body.string.contains("unit-activities") && unitPage.body.string.contains("邻里节"))
            let community = try await Client.page(app, as: "resident").get("/community")
            #expect(community.body.string.contains("community-activities"))
            let node = try await Client.page(app, as: "secretary").get("/org/\(festival.nodeID)")
            #expect(node.body.string.contains("community-activities"))
        }
    }

    /// Every page answers for the roles it is for, and the demo holds what the pages show.
    @Test func pagesAndDemo() async throws {
        try await withTestApp { app in
            let desk = try await Client.page(app, as: "secretary")
            for path in [
                "/volunteering", "/volunteering/teams", "/volunteering/volunteers", "/volunteering/hours",
                "/volunteering/activities", "/volunteering/rankings",
            ] {
                let res = try await desk.get(path)
                #expect(res.status == .ok, "\(path): \(res.status)")
            }
            let team = try #require(try await ServiceTeam.query(on: app.db).sort(\.$id).first())
            #expect(try await desk.get("/volunteering/teams/\(team.id!)").status == .ok)
            let act = try #require(try await Activity.query(on: app.db).sort(\.$id).first())
            let actPage = try await desk.get("/volunteering/activities/\(act.id!)")
            #expect(actPage.status == .ok && actPage.body.string.contains("check-in-code"))
            let phone = try await Client.page(app, as: "resident")
            let home = try await phone.get("/volunteering")
            #expect(home.status == .ok && home.body.string.contains("volunteering-me"))
            #expect(try await phone.get("/volunteering/hours").body.string.contains("my-hours"))
            #expect(try await phone.get("/volunteering/check-in?code=123456").body.string.contains("123456"))
            // A form with a bad code comes back with the message.
            let bad = try await phone.post("/volunteering/check-in", [("code", "000000")])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("volunteering-error"))
            for username in ["member", "resident"] {
                let pid = try await Self.person(app, username)
                #expect(try await Volunteer.query(on: app.db).filter(\.$personID == pid).count() == 1)
                #expect(try await ServiceHour.query(on: app.db).filter(\.$personID == pid).count() > 0)
            }
            let offers = try await VolunteeringQueries.teamOffers(under: nil, now: app.clock.now, db: app.db)
            #expect(!offers.isEmpty && offers.allSatisfy { $0.freeCapacity >= 0 })
            let names = try await VolunteeringQueries.teamNames([team.id!], db: app.db)
            #expect(names[team.id!] == team.name)
        }
    }
}
