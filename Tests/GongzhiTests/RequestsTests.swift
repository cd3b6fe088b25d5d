import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F6 residents' requests: the five steps, scope, concurrency, deadlines")
struct RequestsTests {
    static func raise(
        _ c: Client,
        text: String = """
        楼道灯坏了，晚上看不见路
        """, category: String = "facilities", extra: [String: Any] = [:]
    ) async throws -> Int {
        var body: [String: Any] = ["kind": "help", "category": category, "text": text, "isPublic": true]
        body.merge(extra) { _, b in b }
        let res = try await c.api(.POST, RequestsRoute.apiList, json: body)
        #expect(res.status == .created, "\(res.body.string)")
        return try #require((try res.json()["request"] as? [String: Any])?["id"] as? Int)
    }

    static func act(_ c: Client, _ id: Int, _ action: String, _ body: [String: Any] = [:]) async throws
        -> TestingHTTPResponse
    {
        try await c.api(.POST, RequestsRoute.apiAction(.value(id), action: .value(action)), json: body)
    }

    static func state(_ app: Application, _ id: Int) async throws -> RequestState? {
        try await ServiceRequest.find(id, on: app.db)?.state
    }

    @Test func theFiveStepsWithMeetingDispatchReopenAndRating() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let id = try await Self.raise(resident)
            let r = try #require(try await ServiceRequest.find(id, on: app.db))
            #expect(r.state == .raised && r.channel == .app && r.stepDeadline != nil)
            // routed by the resident's household
            #expect(r.gridID == (try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")).id)

            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await worker.api(.GET, "/api/v1/todos").body.string.contains(r.number))
            #expect(try await Self.act(worker, id, "take").status == .ok)
            #expect(
                try await Self.act(
                    worker, id, "forward",
                    [
                        "note": """
                        需要物业和城管共同处理
                        """
                    ]
                ).status == .ok)

            let secretary = try await Client.api(app, as: "secretary")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let meeting = try await secretary.api(
                .POST, "/api/v1/meetings",
                json: [
                    """
                    communityNodeId
                    """: c1.id!, "date": "2026-11-25", "host": "林晓", "attendees": "物业、城管、居民代表",
                ])
            #expect(meeting.status == .created)
            let meetingID = try #require(try meeting.json()["id"] as? Int)
            #expect(
                (try await secretary.api(.GET, "/api/v1/meetings/\(meetingID)").json()["agenda"] as? [Any])?.count == 1
            )
            let unitUser = try await Fixtures.user(app, "unit")
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(\.$partyOrgNodeID == unitUser.orgNodeID).first())
            let noHandlers = try await Self.act(
                secretary, id, "decide",
                [
                    """
                    meetingId
                    """: meetingID, "note": "由物业更换",
                ])
            #expect(noHandlers.status == .unprocessableEntity)
            let decided = try await Self.act(
                secretary, id, "decide",
                [
                    "meetingId": meetingID, "note": "由驻区单位更换灯具", "unitIds": [unit.id!],
                    """
                    workingDays
                    """: 3,
                ])
            #expect(decided.status == .ok)
            #expect(try await Self.state(app, id) == .dispatched)

            // The unit sees only what is dispatched to it, accepts, asks for time, completes.
            let liaison = try await Client.api(app, as: "unit")
            let visible = try await liaison.api(.GET, "/api/v1/requests").jsonArray()
            #expect(visible.map { $0["id"] as? Int } == [id])
            #expect(try await Self.act(liaison, id, "accept").status == .ok)
            #expect(
                try await Self.act(
                    liaison, id,
                    """
                    requestExtension
                    """, ["workingDays": 2, "note": "灯具缺货"]
                ).status == .ok)
            #expect(try await Self.act(secretary, id, "approveExtension").status == .ok)
            // A result is required.
            #expect(try await Self.act(liaison, id, "complete").status == .unprocessableEntity)
            #expect(try await Self.act(liaison, id, "complete", ["note": "已更换 3 盏灯"]).status == .ok)

            // The resident is unsatisfied: it goes back to handling; then satisfied: closed.
            // only the resident rates
            #expect(try await Self.act(worker, id, "rate", ["rating": "satisfied"]).status == .forbidden)
            let unhappy = try await Self.act(
                resident, id, "rate",
                [
                    "rating": """
                    unsatisfied
                    """, "note": "还有一盏不亮",
                ])
            #expect(
                try unhappy.json()["request"].flatMap { ($0 as? [String: Any])?["state"] as? String } == "handling")
            // the same unit handles it again
            #expect(try await Self.act(liaison, id, "complete", ["note": "第 4 盏已修好"]).status == .ok)
            #expect(try await Self.act(resident, id, "rate", ["rating": "satisfied"]).status == .ok)
            #expect(try await Self.state(app, id) == .closed)
            // A refused transition is a 409 with a message in the user's language.
            let late = try await Self.act(worker, id, "take")
            #expect(late.status == .conflict)
            #expect(late.errorMessage == "当前状态“已办结”下不能执行“受理”。")
            let detail = try await resident.api(.GET, "/api/v1/requests/\(id)").json()
            let actions = (detail["events"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(
                actions == [
                    "raise", "take", "forward", "decide", "accept", "requestExtension", "approveExtension", "complete",
                    "rate", "complete", "rate",
                ])
        }
    }

    @Test func scopeResidentsGridsAndUnits() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let id = try await Self.raise(resident)
            // Another community's secretary neither sees nor acts.
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.GET, "/api/v1/requests/\(id)").status == .notFound)
            #expect(try await Self.act(other, id, "take").status == .notFound)
            #expect(try await other.api(.GET, "/api/v1/requests").jsonArray().isEmpty)
            // A member sees only their own requests, not the resident's.
            let member = try await Client.api(app, as: "member")
            #expect(try await member.api(.GET, "/api/v1/requests/\(id)").status == .notFound)
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count >= 2)
            // A unit with nothing dispatched sees nothing.
            #expect(try await Client.api(app, as: "unit").api(.GET, "/api/v1/requests").jsonArray().isEmpty)
            // The public list shows it without the reporter.
            let pub = try await member.api(.GET, "/api/v1/requests/public")
            #expect(pub.body.string.contains("楼道灯坏了"))
            #expect(!pub.body.string.contains("李华"))
        }
    }

    @Test func exactlyOneOfManySimultaneousTakesSucceeds() async throws {
        try await withTestApp { app in
            let id = try await Self.raise(try await Client.api(app, as: "resident"))
            let takers = try await withThrowingTaskGroup(of: Client.self) { group in
                for name in [
                    "gridworker", "worker", "secretary", "gridworker", "worker", "secretary", "gridworker", "worker",
                ] {
                    group.addTask { try await Client.api(app, as: name) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for c in takers { group.addTask { try await Self.act(c, id, "take").status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .conflict }, "\(statuses)")
            #expect(
                try await RequestEvent.query(on: app.db).filter(\.$requestID == id).filter(\.$action == .take).count()
                    == 1)
        }
    }

    @Test func badInputGetsClearMessages() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let empty = try await resident.api(
                .POST, "/api/v1/requests", json: ["kind": "help", "category": "", "text": " "])
            #expect(empty.status == .unprocessableEntity)
            let fields = try #require((try empty.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(fields["text"] == "请描述您的诉求。" && fields["category"] != nil)
            let far = try await resident.api(
                .POST, "/api/v1/requests",
                json: ["kind": "help", "category": "other", "text": "x", "lat": 30.0, "lng": 110.0])
            #expect(far.errorMessage == "该位置不在本区任何网格内，也不在网格附近。")
            #expect(
                try await resident.api(
                    .POST, "/api/v1/requests", json: ["kind": "wish", "category": "other", "text": "x"]
                ).status == .badRequest)
            #expect(try await Self.act(resident, 999_999, "take").status == .notFound)
            #expect(try await resident.api(.POST, "/api/v1/requests/1/actions/fly", json: [:]).status == .badRequest)
            // Staff raising on a resident's behalf say how the request came in.
            let worker = try await Client.api(app, as: "gridworker")
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let staffRaised = try await Self.raise(worker, extra: ["channel": "visit", "gridId": g.id!])
            #expect(try await ServiceRequest.find(staffRaised, on: app.db)?.channel == .visit)
            let byPoint = try await Self.raise(
                resident, extra: ["lat": g.shape.bbox.center.lat, "lng": g.shape.bbox.center.lng])
            #expect(try await ServiceRequest.find(byPoint, on: app.db)?.gridID == g.id)
        }
    }

    @Test func escalationToStreetAndDistrictAndSupervision() async throws {
        try await withTestApp { app in
            let id = try await Self.raise(try await Client.api(app, as: "resident"), category: "safety")
            let worker = try await Client.api(app, as: "gridworker")
            _ = try await Self.act(worker, id, "take")
            // Safety cannot be dispatched directly by the grid.
            #expect(try await Self.act(worker, id, "dispatch", ["unitIds": [1]]).status == .forbidden)
            let secretary = try await Client.api(app, as: "secretary")
            // a reason is required
            #expect(try await Self.act(secretary, id, "escalate").status == .unprocessableEntity)
            #expect(
                try await Self.act(
                    secretary, id, "escalate",
                    [
                        "note": """
                        社区无执法权，吹哨街道
                        """
                    ]
                ).status == .ok)
            let r = try #require(try await ServiceRequest.find(id, on: app.db))
            #expect(r.level == EscalationLevel.street.rawValue && r.state == .escalated)
            // Now the street acts; the community can no longer dispatch it.
            let dept = try #require(try await ResidentUnit.query(on: app.db).filter(\.$kind == .police).first())
            #expect(try await Self.act(secretary, id, "dispatch", ["unitIds": [dept.id!]]).status == .forbidden)
            let street = try await Client.api(app, as: "street")
            #expect(try await Self.act(street, id, "supervise").status == .ok)
            // The supervised mark is a tag on every staff list, never escaped markup.
            for role in ["street", "secretary", "command"] {
                let list = try await Client.page(app, as: role).get("/requests").body.string
                #expect(list.contains("<span class=\"tag\">督办</span>") && !list.contains("&lt;"), "\(role)")
            }
            #expect(
                try await Self.act(street, id, "dispatch", ["unitIds": [dept.id!], "workingDays": 2]).status == .ok)
            // Re-routed while nobody has accepted it (a unit without a liaison): the first handler is released.
            let others = try await ResidentUnit.query(on: app.db).filter(\.$id != dept.id!).all()
            let other = try #require(others.first { $0.path == dept.path && !$0.archived })
            let rerouted = try await Self.act(street, id, "dispatch", ["unitIds": [other.id!], "workingDays": 2])
            #expect(rerouted.status == .ok, "\(rerouted.body.string)")
            let live = try await RequestAssignment.query(on: app.db).filter(\.$requestID == id)
                .filter(\.$status ~~ [.pending, .accepted]).all()
            #expect(live.map(\.unitID) == [other.id!])
            #expect(try await Self.act(street, id, "escalate", ["note": "需区级部门"]).status == .ok)
            let admin = try await Client.api(app, as: "orgdept")
            let top = try await Self.act(admin, id, "escalate", ["note": "再上报"])
            #expect(top.status == .conflict)
            #expect(top.errorMessage == "已上报到区，不能再上报。")
        }
    }

    @Test func sweepClosesUnratedAndEscalatesOverdue() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let a = try await Self.raise(resident)
            let b = try await Self.raise(resident, text: "小区垃圾未清运")
            let worker = try await Client.api(app, as: "gridworker")
            _ = try await Self.act(worker, a, "take")
            _ = try await Self.act(worker, a, "settle", ["note": "已联系物业处理"])
            _ = try await Self.act(worker, b, "take")
            let unit = try #require(try await ResidentUnit.query(on: app.db).first())
            _ = try await Self.act(worker, b, "dispatch", ["unitIds": [unit.id!]])
            // Six days on, nothing is due: a may still be rated, b's deadline is ahead.
            app.movableTime!.advance(days: 6)
            let early = try await RequestService.sweep(app)
            #expect(early.closed == 0)
            // Three weeks on: a was resolved more than 7 days ago, b's working-day deadline is behind us.
            app.movableTime!.advance(days: 15)
            let result = try await RequestService.sweep(app)
            #expect(result.closed == 1 && result.escalated == 1)
            let closed = try #require(try await ServiceRequest.find(a, on: app.db))
            // unrated, never counted as satisfied
            #expect(closed.state == .closed && closed.unrated && closed.rating == nil)
            #expect(try await ServiceRequest.find(b, on: app.db)?.level == EscalationLevel.street.rawValue)
        }
    }

    @Test func calendarAPI() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "resident")
            let y = try await c.api(.GET, "/api/v1/calendar/2026").json()
            #expect((y["daysOff"] as? [[String: Any]])?.count == 33)
            #expect(
                (y["workingWeekends"] as? [[String: Any]])?.map { $0["date"] as? String } == [
                    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
                ])
            let d = try await c.api(.GET, "/api/v1/calendar/deadline?from=2026-09-30T10:00:00%2B08:00&workingDays=5")
                .json()
            #expect(d["deadlineLocalDate"] as? String == "2026-10-13")
            let missing = try await c.api(
                .GET, "/api/v1/calendar/deadline?from=2099-06-01T10:00:00%2B08:00&workingDays=5")
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorMessage == "2099 年的工作日历尚未设置，无法计算期限。")
            #expect(try await c.api(.GET, "/api/v1/calendar/2099").status == .unprocessableEntity)
            #expect(
                try await c.api(.GET, "/api/v1/calendar/deadline?from=yesterday&workingDays=5").status == .badRequest)
            #expect(
                try await c.api(.GET, "/api/v1/calendar/deadline?from=2026-09-30T10:00:00Z&workingDays=0").status
                    == .badRequest)
        }
    }

    @Test func pagesRaiseActTodosMeetingsCalendar() async throws {
        try await withTestApp { app in
            let phone = try await Client.page(app, as: "resident")
            #expect(try await phone.get("/").body.string.contains("href=\"/requests/new\""))
            #expect(try await phone.get("/requests/new").status == .ok)
            let bad = try await phone.post("/requests", [("kind", "help"), ("category", "other"), ("text", "")])
            #expect(bad.status == .unprocessableEntity)
            let ok = try await phone.post(
                "/requests",
                [("kind", "help"), ("category", "environment"), ("text", "门口有积水"), ("lat", ""), ("lng", "")])
            #expect(ok.status == .seeOther)
            let path = try #require(ok.headers.first(name: .location))
            #expect(try await phone.get(path).body.string.contains("门口有积水"))
            #expect(try await phone.get("/requests").body.string.contains("my-requests"))
            let desk = try await Client.page(app, as: "secretary")
            // Waiting to be taken: on the secretary's to-do list (community staff may take it too).
            #expect(try await desk.get("/todos").body.string.contains("href=\"\(path)\""))
            #expect(try await desk.post("\(path)/act", [("action", "take"), ("note", "")]).status == .seeOther)
            #expect(try await desk.get("\(path)").body.string.contains("act-settle"))
            let again = try await desk.post("\(path)/act", [("action", "take"), ("note", "")])
            #expect(again.status == .conflict)
            // A typed number that is not one comes back marked, never as "no deadline".
            let days = try await desk.post(
                "\(path)/act", [("action", "dispatch"), ("note", "派单"), ("unitIds", "1"), ("workingDays", "abc")])
            #expect(days.status == .unprocessableEntity)
            #expect(days.body.string.contains("请填写 1 到 60 之间的整数"))
            #expect(try await desk.get("/meetings").status == .ok)
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            #expect(
                try await desk.post(
                    "/meetings",
                    [("communityNodeId", String(c1.id!)), ("date", "2026-12-01"), ("host", "林晓"), ("attendees", "")]
                ).status == .seeOther)
            #expect(try await desk.get("/calendar").body.string.contains("2026"))
            #expect(try await desk.get("/calendar/2025").body.string.contains("国办发明电"))
            #expect(try await desk.get("/requests").body.string.contains("门口有积水"))
        }
    }

    /// Figures equal the lists they link to, for every metric and every area.
    @Test func figuresAreTheSizesOfTheirLists() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let worker = try await Client.api(app, as: "gridworker")
            let a = try await Self.raise(resident)
            let b = try await Self.raise(resident, text: "b")
            let c = try await Self.raise(resident, text: "c")
            _ = try await Self.raise(resident, text: "d")  // left raised
            for id in [a, b, c] { _ = try await Self.act(worker, id, "take") }
            _ = try await Self.act(worker, a, "settle", ["note": "ok"])
            _ = try await Self.act(resident, a, "rate", ["rating": "satisfied"])
            _ = try await Self.act(worker, b, "settle", ["note": "ok"])
            _ = try await Self.act(resident, b, "rate", ["rating": "basicallySatisfied"])
            _ = try await Self.act(worker, c, "settle", ["note": "ok"])
            let rc = try #require(try await ServiceRequest.find(c, on: app.db))
            rc.resolvedAt = Date().addingTimeInterval(-9 * 86_400)
            try await rc.save(on: app.db)
            _ = try await RequestService.sweep(app)

            let street = try await Client.api(app, as: "street")
            let f = try await street.api(.GET, "/api/v1/requests/figures").json()
            let area = try #require(f["area"] as? [String: Any])
            let figures = try #require(area["figures"] as? [String: Any])
            let counts = try #require(figures["counts"] as? [String: Int])
            #expect(
                counts["raised"] == 4 && counts["resolved"] == 3 && counts["unrated"] == 1 && counts["satisfied"] == 2)
            #expect(figures["satisfactionRate"] as? Double == 100)  // 2 of 2 rated; the unrated one is apart
            #expect(figures["resolutionRate"] as? Double == 75)
            for metric in RequestMetric.allCases {
                let list = try await street.api(.GET, "/api/v1/requests?metric=\(metric.rawValue)").jsonArray()
                #expect(list.count == counts[metric.rawValue], "\(metric)")
            }
            for child in (f["children"] as? [[String: Any]]) ?? [] {
                guard let nodeID = child["nodeId"] as? Int,
                    let cc = (child["figures"] as? [String: Any])?["counts"] as? [String: Int]
                else { continue }
                let list = try await street.api(.GET, "/api/v1/requests?metric=raised&nodeId=\(nodeID)").jsonArray()
                #expect(list.count == cc["raised"])
            }
            let page = try await Client.page(app, as: "street").get("/requests/figures")
            #expect(page.body.string.contains("href=\"/requests?metric=raised"))
            #expect(try await street.api(.GET, "/api/v1/requests?metric=happiness").status == .badRequest)
        }
    }

    /// Picking the place on the map keeps what was typed; the request page shows where it is and, to staff who
    /// may, how to reach the resident (masked; the full number only through People's logged unmask).
    @Test func placeAndReporterOnTheRequestPage() async throws {
        try await withTestApp { app in
            let phone = try await Client.page(app, as: "resident")
            let text = Client.encode("门口有积水")
            let pick = try await phone.get("/requests/pick?kind=help&category=environment&text=\(text)&placeNote=3")
            #expect(pick.body.string.contains("<input type=\"hidden\" name=\"text\" value=\"门口有积水\">"))
            let back = try await phone.get("/requests/new?kind=help&category=environment&text=\(text)&pt.x=10&pt.y=10")
            #expect(back.body.string.contains(">门口有积水</textarea>"))
            #expect(back.body.string.contains("formaction=\"/requests/pick\" formmethod=\"post\""))
            // The form's button posts the draft: the form's token never travels in an address.
            let posted = try await phone.post(
                RequestsRoute.pick, [("kind", "help"), ("category", "environment"), ("text", "门口有积水")])
            #expect(posted.status == .ok)
            #expect(posted.body.string.contains("<input type=\"hidden\" name=\"text\" value=\"门口有积水\">"))
            let html = posted.body.string
            let getForm = try #require(html.range(of: "<form method=\"get\""))
            let end = try #require(html[getForm.lowerBound...].range(of: "</form>"))
            #expect(!html[getForm.lowerBound..<end.upperBound].contains("_csrf"), "the map's form carries no token")
            let resident = try await Client.api(app, as: "resident")
            let id = try await Self.raise(resident, extra: ["placeNote": "3栋东侧单元门口"])
            let tooLong = try await resident.api(
                .POST, "/api/v1/requests",
                json: [
                    "kind": "help", "category": "facilities", "text": "x",
                    "placeNote": String(repeating: "长", count: 101),
                ])
            #expect(tooLong.status == .unprocessableEntity)
            let own = try await phone.get("/requests/\(id)").body.string
            #expect(own.contains("id=\"place\"") && own.contains("3栋东侧单元门口"))
            #expect(!own.contains("id=\"reporter\""))
            let worker = try await Client.page(app, as: "gridworker").get("/requests/\(id)").body.string
            let me = try #require(
                try await Person.find(try await Fixtures.user(app, "resident").personID!, on: app.db))
            #expect(worker.contains("id=\"reporter\"") && worker.contains(Masking.phone(me.phone!)))
            #expect(!worker.contains(me.phone!))
            #expect(worker.contains("action=\"/people/\(me.id!)/unmask\""))
        }
    }

    /// Street and command staff see the queues of their level (escalated, overdue, supervised), each figure the
    /// size of its list; the command centre's shared street counts on its figures and map as on its home.
    @Test func queuesForStreetAndCommand() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let worker = try await Client.api(app, as: "gridworker")
            let id = try await Self.raise(resident)
            _ = try await Self.act(worker, id, "take")
            let secretary = try await Client.api(app, as: "secretary")
            #expect(try await Self.act(secretary, id, "escalate", ["note": "需街道协调"]).status == .ok)
            let street = try await Client.api(app, as: "street")
            #expect(try await Self.act(street, id, "supervise").status == .ok)
            let r = try #require(try await ServiceRequest.find(id, on: app.db))
            r.stepDeadline = Date().addingTimeInterval(-3_600)
            try await r.save(on: app.db)
            for role in ["street", "command"] {
                let home = try await Client.page(app, as: role).get("/").body.string
                let api = try await Client.api(app, as: role)
                let queues = [("state=escalated", "上报"), ("overdue=1", "逾期"), ("supervised=1", "督办")]
                for (query, key) in queues {
                    let n = try await api.api(.GET, "/api/v1/requests?\(query)").jsonArray().count
                    #expect(n == 1, "\(role) \(query)")
                    let figure = "href=\"/requests?\(query)\"><strong class=\"num\" data-count=\"\(n)\">\(n)</strong>"
                    #expect(home.contains(figure), "\(key)")
                }
            }
            let figures = try await Client.page(app, as: "command").get("/requests/figures").body.string
            #expect(figures.contains("辖区合计"))
            #expect(figures.contains("清河街道") && figures.contains("云岭街道"))
            let map = try await Client.page(app, as: "command").get("/map").body.string
            #expect(map.contains("id=\"scope-areas\"") && map.contains("云岭街道"))
        }
    }

    /// One action panel: exactly the steps the viewer may take, each labelled with its own control ids; dispatch
    /// offers only units the viewer may dispatch to; staff above a unit are not offered the unit's own steps.
    @Test func oneActionPanelForTheStepsTheViewerMayTake() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let worker = try await Client.api(app, as: "gridworker")
            let id = try await Self.raise(resident)
            _ = try await Self.act(worker, id, "take")
            _ = try await Self.act(worker, id, "forward", ["note": "需联席会议"])
            let secretary = try await Client.page(app, as: "secretary")
            let page = try await secretary.get("/requests/\(id)").body.string
            #expect(page.components(separatedBy: "id=\"actions\"").count == 2)
            let ids = page.matches(of: try Regex(#"id="([^"]+)""#)).map { String($0.output[1].substring!) }
            #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
            let forms = page.components(separatedBy: "class=\"action-form\"").count - 1
            #expect(forms > 0 && page.components(separatedBy: "<label for=\"note-").count - 1 == forms)
            #expect(page.contains("data-action=\"decide\"") && !page.contains("data-action=\"accept\""))
            let v = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "secretary").id!, on: app.db))
            let request = try #require(try await ServiceRequest.find(id, on: app.db))
            let offered = page.matches(of: try Regex(#"name="unitIds\[\]" value="(\d+)""#))
                .map { Int(String($0.output[1].substring!))! }
            #expect(!offered.isEmpty)
            for unitID in offered {
                let unit = try #require(try await ResidentUnit.find(unitID, on: app.db))
                let path = TreePath(unit.path)
                #expect(v.scope.includes(path) || path.contains(TreePath(request.path)), "\(unit.name)")
            }
            let all = try await ResidentUnit.query(on: app.db).filter(\.$archived == false).count()
            #expect(offered.count < all)
            let unitUser = try await Fixtures.user(app, "unit")
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(\.$partyOrgNodeID == unitUser.orgNodeID).first())
            let secretaryAPI = try await Client.api(app, as: "secretary")
            let meeting = try await secretaryAPI.api(
                .POST, "/api/v1/meetings",
                json: ["communityNodeId": request.communityNodeID, "date": "2026-11-25", "host": "林晓"])
            let meetingID = try #require(try meeting.json()["id"] as? Int)
            let decided = try await Self.act(
                secretaryAPI, id, "decide", ["meetingId": meetingID, "note": "派单", "unitIds": [unit.id!]])
            #expect(decided.status == .ok)
            for role in ["street", "command", "secretary"] {
                let staff = try await Client.page(app, as: role).get("/requests/\(id)").body.string
                for step in ["accept", "returnDispatch", "complete", "requestExtension"] {
                    #expect(!staff.contains("data-action=\"\(step)\""), "\(role) offered \(step)")
                }
            }
            let liaison = try await Client.page(app, as: "unit").get("/requests/\(id)").body.string
            #expect(liaison.contains("data-action=\"accept\"") && liaison.contains("<details class=\"action\" open>"))
            let street = try await Client.api(app, as: "street")
            #expect(try await Self.act(street, id, "accept").status == .forbidden)
        }
    }

    /// An unsatisfied rating reopens a request: it is open again, not resolved nor on time, and in every area and
    /// period open + resolved = raised, each figure the size of the list it opens.
    @Test func reopenedRequestsAreOpenAndFiguresAddUp() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let worker = try await Client.api(app, as: "gridworker")
            let a = try await Self.raise(resident)
            let b = try await Self.raise(resident, text: "b")
            _ = try await Self.raise(resident, text: "c")
            for id in [a, b] {
                _ = try await Self.act(worker, id, "take")
                _ = try await Self.act(worker, id, "settle", ["note": "ok"])
            }
            let unsatisfied = try await Self.act(resident, a, "rate", ["rating": "unsatisfied", "note": "不亮"])
            #expect(unsatisfied.status == .ok)
            let reopened = try await Self.state(app, a)
            #expect(reopened?.isOpen == true && reopened != .resolved)
            _ = try await Self.act(resident, b, "rate", ["rating": "satisfied"])
            let today = LocalDate(instant: Date().timeIntervalSince1970)
            let street = try await Client.api(app, as: "street")
            for query in ["", "?from=\(today)&to=\(today)", "?from=\(today.adding(days: 1))"] {
                let f = try await street.api(.GET, "/api/v1/requests/figures\(query)").json()
                let areas =
                    [f["area"] as? [String: Any]].compactMap { $0 } + ((f["children"] as? [[String: Any]]) ?? [])
                for area in areas {
                    let counts = try #require((area["figures"] as? [String: Any])?["counts"] as? [String: Int])
                    #expect(counts["open"]! + counts["resolved"]! == counts["raised"]!, "\(query) \(area["name"]!)")
                    let scope = (area["nodeId"] as? Int).map { "&nodeId=\($0)" } ?? ""
                    let period = query.isEmpty ? "" : "&" + query.dropFirst()
                    for metric in RequestMetric.allCases {
                        let list = try await street.api(
                            .GET, "/api/v1/requests?metric=\(metric.rawValue)\(scope)\(period)"
                        ).jsonArray()
                        #expect(list.count == counts[metric.rawValue], "\(metric) \(query)")
                    }
                }
                let counts = try #require((f["area"] as? [String: Any]).flatMap { $0["figures"] as? [String: Any] })
                let c = try #require(counts["counts"] as? [String: Int])
                if query.hasPrefix("?from=\(today.adding(days: 1))") {
                    #expect(c["raised"] == 0)
                } else {
                    #expect(c["raised"] == 3 && c["resolved"] == 1 && c["open"] == 2 && c["onTime"] == 1)
                    #expect(c["unsatisfied"] == 1 && c["satisfied"] == 1)
                }
            }
            let bad = try await street.api(.GET, "/api/v1/requests/figures?from=\(today)&to=\(today.adding(days: -1))")
            #expect(bad.status == .badRequest)
            let page = try await Client.page(app, as: "street").get("/requests/figures?from=\(today)").body.string
            #expect(page.contains("未办结 + 已解决 = 提出") && page.contains("value=\"\(today)\""))
            #expect(page.contains("from=\(today)"))
        }
    }
}

@Suite("Duplicates and merging")
struct DuplicateTests {
    @Test func similarIsOfferedBeforeSubmittingAndMergedReportersFollow() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let first = try await RequestsTests.raise(resident, text: "3栋楼道灯坏了，晚上很黑")
            let similar = try await resident.api(
                .GET, "/api/v1/requests/similar?category=facilities&text=\(Client.encode("楼道灯坏了"))")
            #expect(try similar.jsonArray().count == 1)
            #expect(
                try await resident.api(.GET, "/api/v1/requests/similar?category=environment&text=x").jsonArray()
                    .isEmpty
            )
            // On the phone the form comes back once with the similar request; submitting again goes through.
            let phone = try await Client.page(app, as: "resident")
            try await phone.get("/requests/new")
            let offered = try await phone.post(
                "/requests", [("kind", "help"), ("category", "facilities"), ("text", "楼道灯坏了")])
            #expect(offered.status == .ok)
            #expect(offered.body.string.contains("id=\"similar\""))
            let confirmed = try await phone.post(
                "/requests",
                [
                    ("kind", "help"),
                    (
                        "category",
                        """
                        facilities
                        """
                    ), ("text", "楼道灯坏了"), ("confirmNew", "true"),
                ])
            #expect(confirmed.status == .seeOther)
            let second = try #require(try await ServiceRequest.query(on: app.db).sort(\.$id, .descending).first()?.id)
            // Staff see the duplicate and merge; the reporter follows the one request.
            let worker = try await Client.page(app, as: "gridworker")
            #expect(try await worker.get("/requests/\(second)").body.string.contains("id=\"duplicates\""))
            let api = try await Client.api(app, as: "gridworker")
            #expect(try await RequestsTests.act(api, second, "merge", ["mergeInto": first]).status == .ok)
            #expect(try await RequestsTests.state(app, second) == .merged)
            let member = try await Client.api(app, as: "member")
            let memberOwn = try await RequestsTests.raise(member, text: "路灯不亮")
            #expect(try await RequestsTests.act(api, memberOwn, "merge", ["mergeInto": first]).status == .ok)
            let followed = try await member.api(.GET, "/api/v1/requests/\(first)")
            #expect(followed.status == .ok)  // the member follows the merged request
            // …but it is another resident's: not their name, exact place, private words or photos.
            let reporter = try await Fixtures.user(app, "resident")
            let seen = try #require(try followed.json()["request"] as? [String: Any])
            #expect(seen["lat"] == nil || seen["lat"] is NSNull)
            #expect(!followed.body.string.contains(reporter.displayName))
            let privateOne = try await RequestsTests.raise(
                resident, text: "我家门口下水道堵了", extra: ["isPublic": false])
            let memberSecond = try await RequestsTests.raise(member, text: "下水道堵了")
            #expect(try await RequestsTests.act(api, memberSecond, "merge", ["mergeInto": privateOne]).status == .ok)
            let hidden = try await member.api(.GET, "/api/v1/requests/\(privateOne)")
            #expect(hidden.status == .ok)
            #expect(!hidden.body.string.contains("我家门口下水道堵了"))
            #expect(try await phone.get("/requests/\(second)").body.string.contains("merged-into"))
        }
    }
}

@Suite("Request photos")
struct RequestPhotoTests {
    static let jpeg: [UInt8] = ImageSanitizerFixture.jpeg

    func upload(_ c: Client, _ id: Int, _ bytes: [UInt8], type: String = "image/jpeg", query: String = "") async throws
        -> TestingHTTPResponse
    {
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: type)
        return try await c.send(
            .POST, "/api/v1/requests/\(id)/photos\(query)", headers: h, body: ByteBuffer(bytes: bytes))
    }

    @Test func residentPhotosAreCleanedLimitedAndScoped() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let id = try await RequestsTests.raise(resident)
            let res = try await upload(resident, id, Self.jpeg)
            #expect(res.status == .created)
            let url = try #require(try res.json()["url"] as? String)
            let served = try await resident.send(.GET, url)
            #expect(served.headers.first(name: .contentType) == "image/jpeg")
            #expect(!Array(served.body.readableBytesView).contains(0xE1))  // the Exif segment is gone
            let kept = try await upload(resident, id, Self.jpeg, query: "?keepLocation=true")
            let keptURL = try #require(try kept.json()["url"] as? String)
            #expect(Array(try await resident.send(.GET, keptURL).body.readableBytesView) == Self.jpeg)
            #expect(
                try await upload(resident, id, Array("not a picture".utf8), type: "image/png").status
                    == .unprocessableEntity)
            for _ in 0..<7 { _ = try await upload(resident, id, Self.jpeg) }
            let tenth = try await upload(resident, id, Self.jpeg)
            #expect(tenth.status == .unprocessableEntity)
            #expect(tenth.errorMessage == "最多上传 9 张照片。")
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.send(.GET, url).status == .notFound)
            // Once taken, the resident cannot add more; the grid worker adds evidence to the step.
            let worker = try await Client.api(app, as: "gridworker")
            _ = try await RequestsTests.act(worker, id, "take")
            #expect(try await upload(resident, id, Self.jpeg).status == .conflict)
            let evidence = try await upload(worker, id, Self.jpeg)
            #expect(evidence.status == .created)
            #expect((try evidence.json()["eventId"] as? Int) != nil)
            let detail = try await resident.api(.GET, "/api/v1/requests/\(id)").json()
            #expect((detail["photos"] as? [Any])?.count == 10)
        }
    }

    @Test func raiseWithPhotosFromThePhone() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "resident")
            try await c.get("/requests/new")
            let boundary = "----gz"
            var body = Data()
            func field(_ name: String, _ value: String) {
                body.append(
                    Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
            }
            field("_csrf", c.csrf!)
            field("kind", "report")
            field("category", "environment")
            field("text", "垃圾桶满了")
            body.append(
                Data(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"a.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n").utf8))
            body.append(Data(Self.jpeg))
            body.append(Data("\r\n--\(boundary)--\r\n".utf8))
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let res = try await c.send(.POST, "/requests", headers: h, body: ByteBuffer(data: body))
            #expect(res.status == .seeOther)
            let page = try await c.get(try #require(res.headers.first(name: .location)))
            #expect(page.body.string.contains("/photos/"))
            #expect(try await RequestPhoto.query(on: app.db).count() == 1)
        }
    }
}

@Suite("Calendar administration")
struct CalendarAdminTests {
    @Test func administratorsSetANewYearAndDeadlinesUseIt() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "admin")
            let bad = try await admin.api(
                .PUT, "/api/v1/calendar/2027",
                json: ["source": "测试", "daysOff": [], "workingWeekends": [["date": "2027-01-04", "name": "x"]]])
            #expect(bad.status == .unprocessableEntity)  // 2027-01-04 is a Monday
            let ok = try await admin.api(
                .PUT, "/api/v1/calendar/2027",
                json: [
                    "source": """
                    国务院办公厅通知（测试用）
                    """, "daysOff": [["date": "2027-01-01", "name": "元旦"]],
                    "workingWeekends": [["date": "2027-01-09", "name": "调休"]],
                ])
            #expect(ok.status == .ok)
            // The deadline that was refused for lack of a 2027 calendar now counts: 28, 29, 30, 31 Dec, then 4 Jan.
            let d = try await admin.api(
                .GET, "/api/v1/calendar/deadline?from=2026-12-25T10:00:00%2B08:00&workingDays=5"
            ).json()
            #expect(d["deadlineLocalDate"] as? String == "2027-01-04")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "calendar").count() == 1)
            // A year with no calendar does not stop a request: the step has no deadline and says why.
            try await CalendarDay.query(on: app.db).filter(\.$year == 2026).delete()
            let id = try await RequestsTests.raise(try await Client.api(app, as: "resident"))
            let r = try #require(try await ServiceRequest.find(id, on: app.db))
            #expect(r.stepDeadline == nil)
            let first = try #require(try await RequestEvent.query(on: app.db).filter(\.$requestID == id).first())
            #expect(first.note.contains("2026 年的工作日历尚未设置"))
            #expect(
                try await Client.api(app, as: "secretary").api(
                    .PUT, "/api/v1/calendar/2027", json: ["source": "x", "daysOff": [], "workingWeekends": []]
                ).status == .forbidden)
            let page = try await Client.page(app, as: "admin")
            #expect(try await page.get("/calendar/2028").body.string.contains("calendar-editor"))
            let saved = try await page.post(
                "/calendar/2028", [("source", "测试"), ("days", "2028-01-01 元旦 off\n2028-01-08 调休 work")])
            #expect(saved.status == .seeOther)
            let wrong = try await page.post("/calendar/2028", [("source", "测试"), ("days", "nonsense")])
            #expect(wrong.status == .unprocessableEntity)
            // Category limits are the district's to set; the next request's deadline follows them.
            let cat = try await admin.api(.PATCH, "/api/v1/request-categories/facilities", json: ["responseDays": 3])
            #expect(try cat.json()["responseDays"] as? Int == 3)
            #expect(
                try await admin.api(.PATCH, "/api/v1/request-categories/facilities", json: ["responseDays": 0]).status
                    == .unprocessableEntity)
            #expect(
                try await Client.api(app, as: "street").api(
                    .PATCH, "/api/v1/request-categories/facilities", json: ["responseDays": 2]
                ).status == .forbidden)
        }
    }
}

@Suite("Maps for residents: pick a place, see public requests")
struct RequestMapTests {
    @Test func clickingThePickMapGivesAPointInsideTheClickedGrid() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "resident")
            let page = try await c.get("/requests/pick")
            #expect(page.body.string.contains("id=\"pick-map\""))
            let svg = try await c.get("/requests/pick.svg")
            #expect(svg.headers.first(name: .contentType)?.hasPrefix("image/svg+xml") == true)
            // Click the middle of the first grid's drawing: the form prefills a point inside that grid.
            let viewer = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "resident").id!, on: app.db))
            let home = try #require(try await PlacesQueries.homeGrid(of: viewer, on: app.db))
            let grids = try await Grid.query(on: app.db).filter(\.$communityNodeID == home.communityNodeID).filter(
                \.$archived == false
            ).sort(\.$code).all()
            let p = RequestMaps.projection(grids.map(GridSummary.init))
            let centre = grids[0].shape.bbox.center
            let x = Int(p.x(centre))
            let y = Int(p.y(centre))
            let form = try await c.get("/requests/new?pt.x=\(x)&pt.y=\(y)").body.string
            let lat = try #require(
                form.range(of: "id=\"lat\" name=\"lat\" inputmode=\"decimal\" value=\"").map {
                    form[$0.upperBound...].prefix { $0 != "\"" }
                })
            let lng = try #require(
                form.range(of: "id=\"lng\" name=\"lng\" inputmode=\"decimal\" value=\"").map {
                    form[$0.upperBound...].prefix { $0 != "\"" }
                })
            let picked = Coordinate(lat: Double(lat)!, lng: Double(lng)!)
            #expect(Containment.contains(grids[0].shape, picked))
        }
    }

    @Test func publicMapShowsPublicRequestsOnly() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            _ = try await RequestsTests.raise(resident, text: "公开：路面坑洼")
            _ = try await RequestsTests.raise(resident, text: "私事：邻居噪音", extra: ["isPublic": false])
            let page = try await Client.page(app, as: "member").get("/requests/map").body.string
            #expect(page.contains("公开：路面坑洼"))
            #expect(!page.contains("私事"))
        }
    }
}
