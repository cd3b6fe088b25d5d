import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F10 joint meetings and councils")
struct MeetingsTests {
    static var today: String { AppClock.live.today.description }

    static func create(_ c: Client, _ app: Application, _ fields: [String: Any] = [:]) async throws -> [String: Any] {
        let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
        var body: [String: Any] = [
            "kind": "communityQuarterly", "orgNodeId": c1.id!, "date": today, "time": "14:30",
            "place": "党群服务中心",
            "host": "林晓",
        ]
        for (k, v) in fields { body[k] = v }
        let res = try await c.api(.POST, "/api/v1/meetings", json: body)
        #expect(res.status == .created, "\(res.body.string)")
        return try res.json()
    }

    /// A meeting beginning ten minutes after the test clock's now: its phone check-in is open.
    static func soon(_ app: Application) -> [String: Any] {
        let at = app.clock.now.addingTimeInterval(600).timeIntervalSince1970
        let day = LocalDate(instant: at)
        return ["date": day.description, "time": MeetingSchedule.timeText(Int((at - day.startInstant) / 60))]
    }

    static func demoUnitID(_ app: Application) async throws -> Int {
        let unitUser = try await Fixtures.user(app, "unit")
        return try #require(
            try await ResidentUnit.query(on: app.db).filter(\.$partyOrgNodeID == unitUser.orgNodeID).first()?.id)
    }

    @Test func scheduleReadAndKeepToScope() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let m = try await Self.create(
                secretary, app, ["title": "四季度大党委联席会议", "durationMinutes": 90])
            let id = try #require(m["id"] as? Int)
            #expect(m["kind"] as? String == "communityQuarterly")
            #expect(m["time"] as? String == "14:30")
            #expect(m["durationMinutes"] as? Int == 90)
            #expect(m["state"] as? String == "scheduled")
            #expect((m["checkInCode"] as? String)?.count == 6)
            #expect(m["quorum"] is NSNull || m["quorum"] == nil, "no body: no quorum")
            let list = try await secretary.api(.GET, "/api/v1/meetings?kind=communityQuarterly").jsonArray()
            #expect(list.contains { $0["id"] as? Int == id })
            // Another street's secretary: neither reads nor changes it, and it is not in their list.
            let other = try await Client.api(app, as: "secretary2")
            let read = try await other.api(.GET, "/api/v1/meetings/\(id)")
            #expect(read.status == .notFound)
            let missing = try await other.api(.GET, "/api/v1/meetings/987654321")
            #expect(read.errorMessage == missing.errorMessage)
            #expect(try await other.api(.PATCH, "/api/v1/meetings/\(id)", json: ["place": "x"]).status == .notFound)
            #expect(try await other.api(.GET, "/api/v1/meetings").jsonArray().allSatisfy { $0["id"] as? Int != id })
            let page = try await Client.page(app, as: "secretary2")
            #expect(try await page.get("/meetings/\(id)").status == .notFound)
            // The resident, not invited, does not see it either.
            let resident = try await Client.api(app, as: "resident")
            #expect(try await resident.api(.GET, "/api/v1/meetings/\(id)").status == .notFound)
            // A change of time or place raises the sequence; of the title alone it does not.
            let moved = try await secretary.api(.PATCH, "/api/v1/meetings/\(id)", json: ["place": "街道会议室"])
            #expect(try moved.json()["sequence"] as? Int == 1)
            let renamed = try await secretary.api(.PATCH, "/api/v1/meetings/\(id)", json: ["title": "改名"])
            #expect(try renamed.json()["sequence"] as? Int == 1)
        }
    }

    @Test func aBodysMeetingInvitesItsRosterRotatesItsHostAndCountsQuorum() async throws {
        try await withTestApp { app in
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let foreignNode = try await Fixtures.node(app, code: "QH-S2-C1")
            let bodies = try await JointBodiesQueries.bodies(atNodes: [c1.id!, foreignNode.id!], db: app.db)
            let body = try #require(bodies.first { $0.nodeID == c1.id && $0.kind == .communityCommittee })
            let foreign = try #require(bodies.first { $0.nodeID == foreignNode.id })
            let day = app.clock.today.adding(days: 30)
            let roster = try await JointBodiesQueries.roster(bodyID: body.id, on: day, db: app.db)
            #expect(roster.count >= 3)
            let secretary = try await Client.api(app, as: "secretary")
            let suggested = try await secretary.api(
                .GET, "/api/v1/meetings/host-suggestion?bodyId=\(body.id)&date=\(day.description)"
            ).json()
            let host = try #require(suggested["unitId"] as? Int)
            let members = try await JointBodiesQueries.memberUnits(bodyID: body.id, on: day, db: app.db)
            #expect(members.contains { $0.unitID == host })
            let m = try await Self.create(
                secretary, app, ["bodyId": body.id, "date": day.description, "host": "", "kind": "communityQuarterly"])
            let id = try #require(m["id"] as? Int)
            #expect(m["hostUnitId"] as? Int == host)
            #expect(m["invited"] as? Int == Set(roster.map(\.personID)).count)
            let quorum = try #require(m["quorum"] as? [String: Any])
            #expect(quorum["roster"] as? Int == Set(roster.map(\.personID)).count)
            #expect(quorum["met"] as? Bool == false)
            // The next meeting of the body is hosted by the next member unit in joining order.
            let next = try await secretary.api(
                .GET, "/api/v1/meetings/host-suggestion?bodyId=\(body.id)&date=\(day.adding(days: 1).description)"
            ).json()
            let order = members.sorted { ($0.since, $0.unitID) < ($1.since, $1.unitID) }.map(\.unitID)
            let i = try #require(order.firstIndex(of: host))
            #expect(next["unitId"] as? Int == order[(i + 1) % order.count])
            // Another community's body is refused like an unknown one.
            let refused = try await secretary.api(
                .POST, "/api/v1/meetings",
                json: ["bodyId": foreign.id, "orgNodeId": c1.id!, "date": day.description, "host": "林晓"])
            #expect(refused.status == .unprocessableEntity)
            let unknown = try await secretary.api(
                .POST, "/api/v1/meetings",
                json: ["bodyId": 987_654_321, "orgNodeId": c1.id!, "date": day.description, "host": "林晓"])
            #expect(refused.errorMessage == unknown.errorMessage)
            // Checked in at the desk (the meeting moved to today): more than half of the roster makes the quorum.
            _ = try await secretary.api(.PATCH, "/api/v1/meetings/\(id)", json: Self.soon(app))
            app.movableTime!.advance(by: 11 * 60)
            let people = Array(Set(roster.map(\.personID))).sorted()
            for p in people.prefix(people.count / 2 + 1) {
                let r = try await secretary.api(.POST, "/api/v1/meetings/\(id)/attendance", json: ["personId": p])
                #expect(r.status == .ok, "\(r.body.string)")
            }
            let after = try await secretary.api(.GET, "/api/v1/meetings/\(id)").json()
            #expect((after["quorum"] as? [String: Any])?["met"] as? Bool == true)
        }
    }

    @Test func badInputIsRefusedAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let s1 = try await Fixtures.node(app, code: "QH-S1")
            let foreign = try await Fixtures.node(app, code: "QH-S2-C1")
            let before = try await Meeting.query(on: app.db).count()
            func refused(_ fields: [String: Any], _ field: String, _ status: HTTPStatus = .unprocessableEntity)
                async throws
            {
                var body: [String: Any] = ["orgNodeId": c1.id!, "date": Self.today, "host": "林晓"]
                for (k, v) in fields { body[k] = v }
                let res = try await secretary.api(.POST, "/api/v1/meetings", json: body)
                #expect(res.status == status, "\(fields): \(res.body.string)")
                if status == .unprocessableEntity {
                    let fields = (try res.json()["error"] as? [String: Any])?["fields"] as? [String: Any]
                    #expect(fields?[field] != nil, "\(res.body.string)")
                }
            }
            try await refused(["date": "2026-13-45"], "date")
            try await refused(["date": "明天"], "date")
            try await refused(["date": "1900-01-01"], "date")
            try await refused(["date": "2099-01-01"], "date")
            try await refused(["time": "25:00"], "time")
            try await refused(["durationMinutes": 5], "durationMinutes")
            try await refused(["orgNodeId": foreign.id!], "orgNodeId")
            try await refused(["orgNodeId": 987_654_321], "orgNodeId")
            try await refused(["bodyId": 987_654_321], "bodyId")
            try await refused(["hostUnitId": 987_654_321], "hostUnitId")
            try await refused(["host": ""], "host")
            try await refused(["kind": "streetYearly"], "orgNodeId")
            try await refused(["kind": "communityQuarterly", "orgNodeId": s1.id!], "orgNodeId")
            try await refused(["kind": "nonsense"], "", .badRequest)
            try await refused(["colour": "red"], "", .badRequest)
            #expect(try await Meeting.query(on: app.db).count() == before)
            // In English too.
            secretary.language = "en"
            let en = try await secretary.api(
                .POST, "/api/v1/meetings", json: ["orgNodeId": c1.id!, "date": "1900-01-01", "host": "x"])
            #expect(en.errorMessage?.contains("2000") == true, "\(en.body.string)")
        }
    }

    @Test func checkInByCodeForInviteesOnlyOnceOnTheDay() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let m = try await Self.create(secretary, app, Self.soon(app))
            let id = try #require(m["id"] as? Int)
            let code = try #require(m["checkInCode"] as? String)
            let memberPerson = try #require(try await Fixtures.user(app, "member").personID)
            let invited = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": memberPerson])
            #expect(invited.status == .created, "\(invited.body.string)")
            let twice = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": memberPerson])
            #expect(twice.status == .conflict)
            // The invitee sees the meeting (not its code); the resident, not invited, is refused as if the code
            // were wrong: a code one may not use answers like one that does not exist (a guess learns nothing).
            let member = try await Client.api(app, as: "member")
            let seen = try await member.api(.GET, "/api/v1/meetings/\(id)")
            #expect(seen.status == .ok)
            #expect(try seen.json()["checkInCode"] is NSNull || (try seen.json()["checkInCode"]) == nil)
            let resident = try await Client.api(app, as: "resident")
            let notInvited = try await resident.api(.POST, "/api/v1/meetings/check-in", json: ["code": code])
            let wrong = try await member.api(
                .POST, "/api/v1/meetings/check-in", json: ["code": code == "000000" ? "111111" : "000000"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(notInvited.status == wrong.status && notInvited.errorMessage == wrong.errorMessage)
            #expect(
                try await member.api(.POST, "/api/v1/meetings/check-in", json: ["code": "12ab"]).status
                    == .unprocessableEntity)
            let ok = try await member.api(.POST, "/api/v1/meetings/check-in", json: ["code": code])
            #expect(ok.status == .ok, "\(ok.body.string)")
            #expect(try ok.json()["meetingId"] as? Int == id)
            let again = try await member.api(.POST, "/api/v1/meetings/check-in", json: ["code": code])
            #expect(again.status == .conflict)
            let desk = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/attendance", json: ["personId": memberPerson])
            #expect(desk.status == .conflict)
            let stranger = try await Fixtures.personInScope(app)
            let notOnList = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/attendance", json: ["personId": stranger.id!])
            #expect(notOnList.status == .unprocessableEntity)
            // The desk checks in someone else it invited, once the meeting has begun.
            _ = try await secretary.api(.POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": stranger.id!])
            let before = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/attendance", json: ["personId": stranger.id!])
            #expect(before.status == .unprocessableEntity)
            app.movableTime!.advance(by: 11 * 60)
            let atDesk = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/attendance", json: ["personId": stranger.id!])
            #expect(atDesk.status == .ok, "\(atDesk.body.string)")
            let after = try await secretary.api(.GET, "/api/v1/meetings/\(id)").json()
            #expect(after["present"] as? Int == 2)
            // Not within its window: the phone check-in waits for it, and closes half an hour after the end.
            let later = try await Self.create(secretary, app, ["date": app.clock.today.adding(days: 3).description])
            let laterID = try #require(later["id"] as? Int)
            _ = try await secretary.api(
                .POST, "/api/v1/meetings/\(laterID)/invitees", json: ["personId": memberPerson])
            let early = try await member.api(
                .POST, "/api/v1/meetings/check-in", json: ["code": try #require(later["checkInCode"] as? String)])
            #expect(early.status == .unprocessableEntity, "\(early.body.string)")
            // Those who run the meeting show a QR code of the check-in link, drawn by the server.
            let run = try await Client.page(app, as: "secretary").get(MeetingsRoute.meeting(.value(id))).body.string
            #expect(run.contains("<figure class=\"qr\"><svg") && run.contains("shape-rendering=\"crispEdges\""))
            // The phone's pages: my meetings, the check-in form filled from the link.
            let phone = try await Client.page(app, as: "member")
            #expect(try await phone.get("/meetings/mine").body.string.contains("/meetings/\(id)"))
            #expect(try await phone.get("/meetings/check-in?code=\(code)").body.string.contains("value=\"\(code)\""))
            let phoneAgain = try await phone.post("/meetings/check-in", [("code", code)])
            #expect(phoneAgain.status == .conflict)
            // Hours after the end the code checks no one in, though it is still the meeting's day.
            let residentPerson = try #require(try await Fixtures.user(app, "resident").personID)
            _ = try await secretary.api(.POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": residentPerson])
            app.movableTime!.advance(by: 4 * 3600)
            let late = try await Client.api(app, as: "resident")
            let tooLate = try await late.api(.POST, "/api/v1/meetings/check-in", json: ["code": code])
            #expect(tooLate.status == .unprocessableEntity, "\(tooLate.body.string)")
            #expect((tooLate.errorMessage ?? "").contains("30"))
        }
    }

    @Test func decisionsBecomeTheirOwnersTasksAndReportBack() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let m = try await Self.create(secretary, app)
            let id = try #require(m["id"] as? Int)
            let unitID = try await Self.demoUnitID(app)
            let memberPerson = try #require(try await Fixtures.user(app, "member").personID)
            let due = app.clock.today.adding(days: 20).description
            let count = try await MeetingDecision.query(on: app.db).count()
            let ownerless = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions", json: ["text": "开放停车场", "due": due])
            #expect(ownerless.status == .unprocessableEntity)
            #expect(ownerless.errorMessage?.contains("承办") == true)
            let both = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "开放停车场", "due": due, "unitId": unitID, "personId": memberPerson])
            #expect(both.status == .unprocessableEntity)
            let before = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "开放停车场", "due": "2000-01-01", "unitId": unitID])
            #expect(before.status == .unprocessableEntity)
            let c1Grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let withAccounts = Set(try await User.query(on: app.db).all().compactMap(\.personID))
            let noAccount = try #require(
                try await Person.query(on: app.db).filter(\.$orgNodeID == c1Grid.id!).filter(\.$archived == false)
                    .sort(\.$id).all().first { !withAccounts.contains($0.id!) })
            let withoutAccount = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "开放停车场", "due": due, "personId": noAccount.id!])
            #expect(withoutAccount.status == .unprocessableEntity)
            let foreignUnit = try #require(
                try await ResidentUnit.query(on: app.db).filter(
                    \.$path
                        =~ (try await Fixtures.node(app, code: "QH-S2"))
                        .path
                ).first())
            let outside = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "开放停车场", "due": due, "unitId": foreignUnit.id!])
            #expect(outside.status == .unprocessableEntity)
            #expect(try await MeetingDecision.query(on: app.db).count() == count)
            let made = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "协调开放单位停车场错时停车", "due": due, "unitId": unitID])
            #expect(made.status == .created, "\(made.body.string)")
            let decisionID = try #require(try made.json()["id"] as? Int)
            let forMember = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/decisions",
                json: ["text": "走访独居老人", "due": due, "personId": memberPerson])
            #expect(forMember.status == .created, "\(forMember.body.string)")
            // On the owners' to-dos: the unit's liaison (its unit owns it), the member (they own theirs).
            let liaisonPage = try await Client.page(app, as: "unit")
            let todos = try await liaisonPage.get("/todos").body.string
            #expect(todos.contains("协调开放单位停车场错时停车"))
            #expect(todos.contains("/meetings/tasks/\(decisionID)"))
            #expect(try await liaisonPage.get("/meetings/tasks/\(decisionID)").status == .ok)
            let member = try await Client.api(app, as: "member")
            let tasks = try await member.api(.GET, "/api/v1/meeting-tasks").jsonArray()
            #expect(tasks.map { $0["text"] as? String } == ["走访独居老人"])
            // Another community's secretary may not report it; the owner does, with a note.
            let other = try await Client.api(app, as: "secretary2")
            let notTheirs = try await other.api(
                .POST, "/api/v1/meeting-tasks/\(decisionID)/done", json: ["note": "完成"])
            #expect(notTheirs.status == .notFound)
            let liaison = try await Client.api(app, as: "unit")
            #expect(
                try await liaison.api(.POST, "/api/v1/meeting-tasks/\(decisionID)/done", json: ["note": " "]).status
                    == .unprocessableEntity)
            let done = try await liaison.api(
                .POST, "/api/v1/meeting-tasks/\(decisionID)/done", json: ["note": "已开放 30 个车位"])
            #expect(done.status == .ok, "\(done.body.string)")
            #expect(try done.json()["state"] as? String == "done")
            #expect(
                try await liaison.api(.POST, "/api/v1/meeting-tasks/\(decisionID)/done", json: ["note": "x"]).status
                    == .conflict)
            #expect(!(try await liaisonPage.get("/todos").body.string.contains("/meetings/tasks/\(decisionID)")))
            // The meeting shows each decision's state; the liaison reads the meeting its unit owes a decision to.
            let page = try await Client.page(app, as: "secretary")
            let html = try await page.get("/meetings/\(id)").body.string
            #expect(html.contains("已开放 30 个车位"))
            #expect(try await liaison.api(.GET, "/api/v1/meetings/\(id)").status == .ok)
            // A decision without an owner (as an old record could have) keeps the meeting from closing.
            let bad = MeetingDecision()
            bad.meetingID = id
            bad.text = "无人承办"
            bad.ownerName = ""
            bad.due = due
            bad.state = .open
            bad.path = try #require(try await Meeting.find(id, on: app.db)).path
            try await bad.create(on: app.db)
            // Not before it begins (14:30 today): the clock moves past the start, and the secretary signs in again
            // (an idle token ends after 30 minutes).
            var closer = secretary
            let startsAt = try #require(try await Meeting.find(id, on: app.db)).startsAt
            if app.clock.now < startsAt {
                #expect(try await closer.api(.POST, MeetingsRoute.apiClose(.value(id))).status == .conflict)
                app.movableTime!.advance(by: startsAt.timeIntervalSince(app.clock.now) + 60)
                closer = try await Client.api(app, as: "secretary")
            }
            let refused = try await closer.api(.POST, MeetingsRoute.apiClose(.value(id)))
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Meeting.find(id, on: app.db)?.state == .scheduled)
            try await bad.delete(on: app.db)
            let closed = try await closer.api(.POST, MeetingsRoute.apiClose(.value(id)))
            #expect(closed.status == .ok, "\(closed.body.string)")
            #expect(try closed.json()["state"] as? String == "closed")
            #expect(try closed.json()["sequence"] as? Int == 1)
            #expect(try await closer.api(.POST, MeetingsRoute.apiClose(.value(id))).status == .conflict)
            // Meetings attended, for Agreements: someone representing the unit checked in.
            let from = Date().addingTimeInterval(-86_400 * 400)
            let to = Date().addingTimeInterval(86_400 * 2)
            let attended = try await MeetingsQueries.attendance(unitIDs: [unitID], from: from, to: to, db: app.db)
            let rep = MeetingInvitee()
            rep.meetingID = id
            rep.personID = noAccount.id!
            rep.name = noAccount.name
            rep.unitID = unitID
            rep.source = "roster"
            rep.checkedInAt = Date()
            rep.path = bad.path
            try await rep.create(on: app.db)
            let after = try await MeetingsQueries.attendance(unitIDs: [unitID], from: from, to: to, db: app.db)
            #expect((after[unitID] ?? 0) == (attended[unitID] ?? 0) + 1)
        }
    }

    @Test func theRequestLoopDecidesAtTheMovedMeetings() async throws {
        try await withTestApp { app in
            // A joint meeting recorded before the move: copied with its id, then used by the loop.
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let sql = try #require(app.db as? SQLDatabase)
            try await sql.raw(
                """
                INSERT INTO joint_meetings (id, community_node_id, path, date, host, attendees, created_at)
                VALUES (9000, \(bind: c1.id!), \(bind: c1.path), '2026-10-10', \(bind: "林晓"),
                    \(bind: "物业、居民代表"), \(bind: Date()))
                """
            ).run()
            try await CopyJointMeetings.copy(on: app.db)
            try await CopyJointMeetings.copy(on: app.db)
            let copied = try #require(try await Meeting.find(9000, on: app.db))
            #expect(copied.kind == .requestDecision && copied.host == "林晓")
            #expect(copied.attendeesNote == "物业、居民代表")
            #expect(copied.day == "2026-10-10" && copied.nodeID == c1.id && copied.path == c1.path)
            #expect(try await Meeting.query(on: app.db).filter(\.$id == 9000).count() == 1)
            let legacy = try await sql.raw("SELECT COUNT(*) AS n FROM joint_meetings").first()?.decode(
                column: "n", as: Int.self)
            let resident = try await Client.api(app, as: "resident")
            let id = try await RequestsTests.raise(resident)
            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await RequestsTests.act(worker, id, "take").status == .ok)
            #expect(try await RequestsTests.act(worker, id, "forward", ["note": "需要共同处理"]).status == .ok)
            let secretary = try await Client.api(app, as: "secretary")
            // The old meeting's agenda lists the request while it awaits the decision.
            let agenda = try await secretary.api(.GET, "/api/v1/meetings/9000").json()["agenda"] as? [[String: Any]]
            #expect(agenda?.contains { $0["requestId"] as? Int == id } == true)
            // A new one made the old way (no kind) is the loop's meeting; nothing is written to the old table.
            let fresh = try await secretary.api(
                .POST, "/api/v1/meetings",
                json: ["communityNodeId": c1.id!, "date": "2026-11-25", "host": "林晓", "attendees": "物业"])
            #expect(try fresh.json()["kind"] as? String == "requestDecision")
            let after = try await sql.raw("SELECT COUNT(*) AS n FROM joint_meetings").first()?.decode(
                column: "n", as: Int.self)
            #expect(legacy == after)
            #expect(try #require(try fresh.json()["id"] as? Int) > 9000)
            // A cancelled meeting decides nothing.
            let cancelledID = try #require(try fresh.json()["id"] as? Int)
            #expect(
                try await secretary.api(.POST, "/api/v1/meetings/\(cancelledID)/cancel", json: ["reason": "改期"])
                    .status == .ok)
            let unitID = try await Self.demoUnitID(app)
            let refused = try await RequestsTests.act(
                secretary, id, "decide", ["meetingId": cancelledID, "note": "派单", "unitIds": [unitID]])
            #expect(refused.status == .unprocessableEntity)
            let decided = try await RequestsTests.act(
                secretary, id, "decide", ["meetingId": 9000, "note": "由驻区单位处理", "unitIds": [unitID]])
            #expect(decided.status == .ok, "\(decided.body.string)")
            // The request page offers the community's meetings that were not cancelled.
            let page = try await Client.page(app, as: "secretary")
            _ = page
            let closed = try await secretary.api(.POST, "/api/v1/meetings/9000/close")
            #expect(closed.status == .ok)
        }
    }

    /// The agenda takes up open needs and problems of the lists under the meeting's node: once each, never one
    /// of another community, never a need already met.
    @Test func theAgendaTakesUpOpenNeeds() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let m = try await Self.create(secretary, app, ["title": "需求议事"])
            let id = try #require(m["id"] as? Int)
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let open = try await ListsQueries.agendaNeeds(under: c1.path, limit: 5, db: app.db)
            let need = try #require(open.first)
            let page = try await Client.page(app, as: "secretary").get("/meetings/\(id)").body.string
            #expect(page.contains("name=\"listItemId\"") && page.contains("value=\"\(need.id)\""))
            let added = try await secretary.api(.POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": need.id])
            #expect(added.status == .created, "\(added.body.string)")
            let agenda = try #require(try added.json()["agenda"] as? [[String: Any]])
            #expect(agenda.contains { $0["listItemId"] as? Int == need.id && $0["title"] as? String == need.title })
            let twice = try await secretary.api(.POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": need.id])
            #expect(twice.status == .conflict)
            // Another community's need, and a need already met, are refused like unknown ones.
            let c2 = try await Fixtures.node(app, code: "QH-S1-C2")
            let elsewhere = try #require(
                try await ListsQueries.agendaNeeds(under: c2.path, limit: 1, db: app.db).first)
            let away = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": elsewhere.id])
            #expect(away.status == .unprocessableEntity)
            let items = try await ListItem.query(on: app.db).filter(\.$path =~ c1.path).filter(\.$closedOn == nil)
                .all()
            let claimed = try await ListsFacts.claimed(items: items.compactMap(\.id), on: app.db)
            let met = try #require(
                items.first { ListRules.open(needed: $0.quantity, claimed: claimed[$0.id!] ?? []) == 0 })
            let full = try await secretary.api(.POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": met.id!])
            #expect(full.status == .unprocessableEntity)
            #expect(full.errorMessage == away.errorMessage)
            let both = try await secretary.api(
                .POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": open[1].id, "requestId": 1])
            #expect(both.status == .unprocessableEntity)
            // An invitee proposes by title; the lists' items are not theirs to name.
            let member = try #require(try await Fixtures.user(app, "member").personID)
            let invited = try await secretary.api(.POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": member])
            #expect(invited.status == .created, "\(invited.body.string)")
            let guest = try await Client.api(app, as: "member")
            let named = try await guest.api(.POST, "/api/v1/meetings/\(id)/agenda", json: ["listItemId": open[1].id])
            #expect(named.status == .forbidden)
            let titled = try await guest.api(.POST, "/api/v1/meetings/\(id)/agenda", json: ["title": "楼道灯坏了"])
            #expect(titled.status == .created)
            let seen = try await Client.page(app, as: "member").get("/meetings/\(id)").body.string
            #expect(!seen.contains("name=\"listItemId\"") && !seen.contains("/lists/items/\(need.id)"))
        }
    }

    @Test func pagesFormsAndCSV() async throws {
        try await withTestApp { app in
            let desk = try await Client.page(app, as: "secretary")
            #expect(try await desk.get("/meetings").status == .ok)
            #expect(try await desk.get("/meetings?kind=triadMonthly&from=2026-01-01").status == .ok)
            #expect(try await desk.get("/meetings?kind=nonsense").status == .badRequest)
            #expect(try await desk.get("/meetings/new").status == .ok)
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let made = try await desk.post(
                "/meetings",
                [
                    ("kind", "memberCouncil"), ("orgNodeId", String(c1.id!)), ("date", Self.today), ("time", "19:30"),
                    ("durationMinutes", "90"), ("place", "议事厅"), ("host", "林晓"), ("title", "党员议事会"),
                ])
            #expect(made.status == .seeOther, "\(made.body.string)")
            let path = try #require(made.headers.first(name: .location))
            let html = try await desk.get(path).body.string
            #expect(html.contains("党员议事会") && html.contains("check-in-code"))
            #expect(html.contains("decision-form"))
            let bad = try await desk.post(
                "/meetings", [("kind", "memberCouncil"), ("orgNodeId", String(c1.id!)), ("date", "2026-02-31")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("日期无效"))
            let noOwner = try await desk.post(
                "\(path)/decisions",
                [("text", "组织志愿服务"), ("due", Self.today), ("unitId", ""), ("personId", "")])
            #expect(noOwner.status == .unprocessableEntity)
            #expect(noOwner.body.string.contains("承办"))
            #expect(try await desk.post("\(path)/agenda", [("title", "停车难")]).status == .seeOther)
            #expect(try await desk.post("\(path)/minutes", [("minutes", "讨论了停车难。")]).status == .seeOther)
            let unitID = try await Self.demoUnitID(app)
            let due = app.clock.today.adding(days: 10).description
            #expect(
                try await desk.post(
                    "\(path)/decisions", [("text", "开放车位"), ("due", due), ("unitId", String(unitID))]
                )
                .status == .seeOther)
            let shown = try await desk.get(path).body.string
            #expect(shown.contains("停车难") && shown.contains("开放车位"))
            #expect(shown.contains("讨论了停车难"))
            // A meeting closes once begun: the clock moves past its start, and the secretary signs in again.
            let meetingID = try #require(Int(path.split(separator: "/").last ?? ""))
            let startsAt = try #require(try await Meeting.find(meetingID, on: app.db)).startsAt
            app.movableTime!.advance(by: max(0, startsAt.timeIntervalSince(app.clock.now)) + 60)
            let later = try await Client.page(app, as: "secretary")
            _ = try await later.get(path)
            #expect(try await later.post(MeetingsRoute.close(.value(meetingID))).status == .seeOther)
            #expect(try await Meeting.find(meetingID, on: app.db)?.state == .closed)
            let csv = try await later.get(MeetingsRoute.export)
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.contains("开放车位"))
            #expect(csv.body.string.contains("党员议事会"))
            let api = try await Client.api(app, as: "secretary")
            #expect(try await api.get("/api/v1/meetings/export.csv?kind=memberCouncil").status == .ok)
            // The feed page makes an address once.
            #expect(try await later.get(MeetingsRoute.feed).status == .ok)
            let feed = try await later.post(MeetingsRoute.feed)
            #expect(feed.body.string.contains("meetings.ics"))
            // The unit liaison's desk and the phone's meetings render.
            #expect(try await Client.page(app, as: "unit").get("/meetings").status == .ok)
            let phone = try await Client.page(app, as: "member")
            #expect(try await phone.get("/meetings/mine").status == .ok)
            #expect(try await phone.get("/meetings").status == .seeOther)
        }
    }

    @Test func calendarFeedsKeepUIDsAndRaiseSequences() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let m = try await Self.create(secretary, app, ["date": app.clock.today.adding(days: 5).description])
            let id = try #require(m["id"] as? Int)
            let memberPerson = try #require(try await Fixtures.user(app, "member").personID)
            _ = try await secretary.api(.POST, "/api/v1/meetings/\(id)/invitees", json: ["personId": memberPerson])
            let member = try await Client.api(app, as: "member")
            let token = try await member.api(.POST, "/api/v1/meetings/feed-token").json()
            let url = try #require(token["personFeed"] as? String)
            let path = String(url[try #require(url.range(of: "/feeds/"))!.lowerBound...])
            let anonymous = Client(app)
            let first = try await anonymous.get(path)
            #expect(first.status == .ok)
            #expect(first.headers.contentType?.subType == "calendar")
            let text = first.body.string.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.contains("UID:meeting-\(id)@gongzhi"))
            #expect(text.contains("BEGIN:VCALENDAR"))
            _ = try await secretary.api(.PATCH, "/api/v1/meetings/\(id)", json: ["time": "16:00"])
            _ = try await secretary.api(.POST, "/api/v1/meetings/\(id)/cancel", json: ["reason": "改期"])
            let second = try await anonymous.get(path).body.string.replacingOccurrences(of: "\r\n ", with: "")
            let event = try #require(
                second.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("meeting-\(id)@") })
            #expect(event.contains("SEQUENCE:2"))
            #expect(event.contains("STATUS:CANCELLED"))
            // A new address replaces the old; a made-up one finds nothing.
            _ = try await member.api(.POST, "/api/v1/meetings/feed-token")
            #expect(try await anonymous.get(path).status == .notFound)
            #expect(
                try await anonymous.get("/feeds/\(String(repeating: "a", count: 48))/meetings.ics").status == .notFound
            )
        }
    }
}
