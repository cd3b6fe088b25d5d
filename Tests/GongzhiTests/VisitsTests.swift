import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F7 household visits")
struct VisitsTests {
    /// A due day inside the plan's bounds whatever day the tests run.
    static func due(_ app: Application) -> String { app.clock.today.adding(days: 10).description }

    static func households(_ app: Application, _ code: String) async throws -> [Household] {
        let g = try await PlacesRouteTests.grid(app, code)
        return try await Household.query(on: app.db).filter(\.$gridID == g.id!).sort(\.$id).all()
    }

    /// The households of a grid with a counted visit (any outcome but nobody at home) in the period, straight
    /// from the records.
    static func visitedFromRecords(_ app: Application, _ code: String, since: Date) async throws -> Int {
        let ids = Set(try await households(app, code).map(\.id!))
        let visits = try await Visit.query(on: app.db).filter(\.$at >= since).all()
        return Set(visits.filter { ids.contains($0.householdID) && $0.counts }.map(\.householdID)).count
    }

    @Test func planVisitRateAndProblemBecomesARequest() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let gw = try await Fixtures.user(app, "gridworker")
            let secretary = try await Client.api(app, as: "secretary")
            let plan = try await secretary.api(
                .POST, "/api/v1/visit-plans", json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": Self.due(app)])
            #expect(plan.status == .created)
            let households = try await Self.households(app, "QH-S1-C1-G1")
            #expect(try plan.json()["households"] as? Int == households.count)
            let before = try await secretary.api(.GET, "/api/v1/visits/rates").jsonArray()
            let mineBefore = try #require(before.first { $0["gridId"] as? Int == g.id })
            let visitedBefore = Set(
                try await Visit.query(on: app.db).all().filter(\.counts).map(\.householdID))
            // Two households nobody visited yet: each visit adds one to the rate.
            let fresh = households.filter { !visitedBefore.contains($0.id!) }
            #expect(fresh.count >= 3, "\(households.count) households, \(fresh.count) unvisited")
            let worker = try await Client.api(app, as: "gridworker")
            let met = try await worker.api(
                .POST, "/api/v1/visits", json: ["householdId": fresh[0].id!, "note": "一切正常", "outcome": "met"])
            #expect(met.status == .created)
            #expect(try met.json()["outcome"] as? String == "met")
            let withProblem = try await worker.api(
                .POST, "/api/v1/visits",
                json: [
                    "householdId": fresh[1].id!, "note": "老人独居",
                    "problem": ["kind": "help", "category": "elderly", "text": "独居老人需要助餐服务"],
                ])
            let requestID = try #require(try withProblem.json()["requestId"] as? Int)
            let request = try #require(try await ServiceRequest.find(requestID, on: app.db))
            #expect(request.channel == .visit && request.householdID == fresh[1].id && request.gridID == g.id)
            // Nobody at home: a record, not a visited household.
            let away = try await worker.api(
                .POST, "/api/v1/visits", json: ["householdId": fresh[2].id!, "outcome": "nobodyHome"])
            #expect(away.status == .created)
            let rates = try await secretary.api(.GET, "/api/v1/visits/rates").jsonArray()
            let mine = try #require(rates.first { $0["gridId"] as? Int == g.id })
            let visited = (mineBefore["visitedHouseholds"] as? Int ?? -1) + 2
            #expect(mine["visitedHouseholds"] as? Int == visited)
            #expect(mine["visits"] as? Int == (mineBefore["visits"] as? Int ?? -1) + 3)
            #expect(mine["problems"] as? Int == (mineBefore["problems"] as? Int ?? -1) + 1)
            #expect(mine["rate"] as? Double == (Double(visited) * 1000 / Double(households.count)).rounded() / 10)
            // A household of another street is not this worker's to visit.
            let other = try #require(try await Self.households(app, "QH-S2-C1-G1").first)
            // An id in a body: a field problem that does not confirm the household exists, logged.
            let logged = try await Fixtures.accessLog(app, .forbiddenChange).count
            let refused = try await worker.api(.POST, "/api/v1/visits", json: ["householdId": other.id!])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == logged + 1)
            #expect(
                try await secretary.api(
                    .POST, "/api/v1/visit-plans", json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": "someday"]
                ).status == .unprocessableEntity)
            // A resident is no visitor.
            let resident = try await Fixtures.user(app, "resident")
            #expect(
                try await secretary.api(
                    .POST, "/api/v1/visit-plans",
                    json: ["gridId": g.id!, "visitorUserId": resident.id!, "due": Self.due(app)]
                ).status == .unprocessableEntity)
        }
    }

    /// The desk's form: pick the grid, tick the unvisited, choose the visitor and the due date; the plan lists its
    /// households visited or not.
    @Test func planFromTheDeskForm() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let gw = try await Fixtures.user(app, "gridworker")
            let desk = try await Client.page(app, as: "secretary")
            let form = try await desk.get("/visits/plans/new?gridId=\(g.id!)&pick=unvisited")
            #expect(form.status == .ok)
            let html = form.body.string
            #expect(html.contains("plan-households") && html.contains("name=\"visitorUserId\""))
            #expect(html.contains("value=\"\(gw.id!)\""), "the grid worker is offered as visitor")
            #expect(html.contains(" checked>"), "the unvisited households are ticked")
            // The accounts of another street are not offered.
            let secretary2 = try await Fixtures.user(app, "secretary2")
            #expect(!html.contains("value=\"\(secretary2.id!)\""))
            let chosen = try await Self.households(app, "QH-S1-C1-G1").suffix(3).map(\.id!)
            let auditsBefore = try await AuditEntry.query(on: app.db).filter(
                \.$entityType == AuditKind.visitPlan.rawValue
            ).count()
            let made = try await desk.post(
                "/visits/plans",
                [("gridId", String(g.id!)), ("visitorUserId", String(gw.id!)), ("due", Self.due(app))]
                    + chosen.map { ("householdIds[]", String($0)) })
            #expect(made.status == .seeOther, "\(made.body.string)")
            let plan = try #require(try await VisitPlan.query(on: app.db).sort(\.$id, .descending).first())
            #expect(plan.households == chosen.sorted() && plan.visitorUserID == gw.id && plan.due == Self.due(app))
            #expect(made.headers.first(name: .location) == "/visits/plans/\(plan.id!)")
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == AuditKind.visitPlan.rawValue).count()
                    == auditsBefore + 1)
            let detail = try await desk.get("/visits/plans/\(plan.id!)")
            #expect(detail.body.string.contains("已走访") && detail.body.string.contains("0 / 3 户"))
            #expect(try await desk.get("/visits/plans").body.string.contains("/visits/plans/\(plan.id!)"))
            // The grid worker sees the plan's households on the phone, and the plan fills as they visit.
            let phone = try await Client.page(app, as: "gridworker")
            let list = try await phone.get("/visits").body.string
            #expect(list.contains("/visits/households/\(chosen[0])"))
            #expect(
                try await phone.post("/visits/households/\(chosen[0])", [("outcome", "met"), ("note", "")]).status
                    == .seeOther)
            #expect(try await desk.get("/visits/plans/\(plan.id!)").body.string.contains("1 / 3 户"))
        }
    }

    /// The phone's form: one visit without a problem, one that raises a request in the same step.
    @Test func recordFromThePhoneWithAndWithoutAProblem() async throws {
        try await withTestApp { app in
            let households = try await Self.households(app, "QH-S1-C1-G1")
            let visited = Set(try await Visit.query(on: app.db).all().map(\.householdID))
            let fresh = households.filter { !visited.contains($0.id!) }
            #expect(fresh.count >= 2)
            let phone = try await Client.page(app, as: "gridworker")
            let home = try await phone.get("/visits")
            #expect(home.status == .ok && home.body.string.contains("<div id=\"visit-todo\"><div class=\"card\">"))
            #expect(home.body.string.contains("走访"))
            let h = fresh[0]
            let form = try await phone.get("/visits/households/\(h.id!)")
            #expect(form.status == .ok && form.body.string.contains("name=\"outcome\""))
            let visitsBefore = try await Visit.query(on: app.db).count()
            let plain = try await phone.post(
                "/visits/households/\(h.id!)",
                [("outcome", "refused"), ("note", "住户不愿交谈"), ("category", ""), ("problem", "")])
            #expect(plain.status == .seeOther)
            #expect(plain.headers.first(name: .location) == "/visits")
            let first = try #require(try await Visit.query(on: app.db).sort(\.$id, .descending).first())
            #expect(first.outcome == .refused && first.note == "住户不愿交谈" && first.requestID == nil)
            #expect(first.householdID == h.id)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == AuditKind.visit.rawValue)
                    .filter(\.$entityID == first.id!).count() == 1)
            let requestsBefore = try await ServiceRequest.query(on: app.db).count()
            let withProblem = try await phone.post(
                "/visits/households/\(fresh[1].id!)",
                [
                    ("outcome", "met"), ("note", "楼道灯坏了"), ("kind", "report"), ("category", "environment"),
                    ("problem", "3 单元楼道灯不亮，老人夜里出行不便"),
                ])
            #expect(withProblem.status == .seeOther, "\(withProblem.body.string)")
            let second = try #require(try await Visit.query(on: app.db).sort(\.$id, .descending).first())
            let requestID = try #require(second.requestID)
            let request = try #require(try await ServiceRequest.find(requestID, on: app.db))
            #expect(request.channel == .visit && request.householdID == fresh[1].id && request.kind == .report)
            #expect(try await ServiceRequest.query(on: app.db).count() == requestsBefore + 1)
            #expect(try await Visit.query(on: app.db).count() == visitsBefore + 2)
            // The household's page lists both kinds of record.
            let history = try await phone.get("/visits/households/\(fresh[1].id!)").body.string
            #expect(history.contains("楼道灯坏了"))
        }
    }

    /// A photo taken on the visit is cleaned, stored with it and shown on the household's history; it is refused
    /// to anyone outside the grid's scope, and a file that is no image comes back as a 422 with nothing stored.
    @Test func aVisitKeepsItsPhoto() async throws {
        try await withTestApp { app in
            let households = try await Self.households(app, "QH-S1-C1-G1")
            let phone = try await Client.page(app, as: "gridworker")
            func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
                let n = data.count
                return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
                    + Array(type.utf8) + data + [0, 0, 0, 0]
            }
            let png =
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", Array(repeating: 1, count: 13))
                + chunk("tEXt", Array("GPS 31.8,117.2".utf8)) + chunk("IDAT", [9, 9, 9]) + chunk("IEND", [])
            func post(_ file: [UInt8]) async throws -> TestingHTTPResponse {
                let boundary = "----gongzhi"
                var body = ByteBuffer()
                for (name, value) in [("_csrf", phone.csrf!), ("outcome", "met"), ("note", "门口贴了通知")] {
                    body.writeString(
                        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
                }
                body.writeString(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"photos[]\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                body.writeBytes(file)
                body.writeString("\r\n--\(boundary)--\r\n")
                var h = HTTPHeaders()
                h.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await phone.send(.POST, "/visits/households/\(households[2].id!)", headers: h, body: body)
            }
            let visitsBefore = try await Visit.query(on: app.db).count()
            let bad = try await post(Array("not an image".utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Visit.query(on: app.db).count() == visitsBefore)
            #expect(try await post(png).status == .seeOther)
            let photo = try #require(try await VisitPhoto.query(on: app.db).sort(\.$id, .descending).first())
            #expect(!String(decoding: photo.bytes, as: UTF8.self).contains("GPS"))
            let history = try await phone.get("/visits/households/\(households[2].id!)").body.string
            #expect(history.contains("src=\"/visits/photos/\(photo.id!)\""))
            let shown = try await phone.get("/visits/photos/\(photo.id!)")
            #expect(shown.status == .ok && shown.headers.contentType?.subType == "png")
            let outside = try await Client.page(app, as: "secretary2")
            #expect(try await outside.get("/visits/photos/\(photo.id!)").status == .notFound)
        }
    }

    @Test func aHouseholdOutsideTheWorkersScopeIsRefused() async throws {
        try await withTestApp { app in
            let other = try #require(try await Self.households(app, "QH-S2-C1-G1").first)
            let phone = try await Client.page(app, as: "gridworker")
            let visitsBefore = try await Visit.query(on: app.db).count()
            #expect(try await phone.get("/visits/households/\(other.id!)").status == .notFound)
            let logged = try await Fixtures.accessLog(app, .forbiddenChange).count
            let refused = try await phone.post("/visits/households/\(other.id!)", [("outcome", "met")])
            #expect(refused.status == .forbidden)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == logged + 1)
            #expect(try await Visit.query(on: app.db).count() == visitsBefore)
            // Nor may a secretary plan in another street's grid, or send a visitor of another street.
            let desk = try await Client.page(app, as: "secretary")
            let outside = try await PlacesRouteTests.grid(app, "QH-S2-C1-G1")
            #expect(try await desk.get("/visits/plans/new?gridId=\(outside.id!)").status == .notFound)
            #expect(try await desk.get("/visits/grids/\(outside.id!)").status == .notFound)
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let secretary2 = try await Fixtures.user(app, "secretary2")
            let h = try #require(try await Self.households(app, "QH-S1-C1-G1").first)
            let wrong = try await desk.post(
                "/visits/plans",
                [
                    ("gridId", String(g.id!)), ("visitorUserId", String(secretary2.id!)), ("due", Self.due(app)),
                    ("householdIds[]", String(h.id!)),
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("走访人须为您管理范围内"))
            // A resident has no visits tab and no visits page.
            let resident = try await Client.page(app, as: "resident")
            #expect(!(try await resident.get("/").body.string.contains("/visits\"")))
            #expect(try await resident.get("/visits").status == .forbidden)
        }
    }

    /// The rate of a grid for a period counts Visit records, and equals the list it links to.
    @Test func theRateEqualsTheRecords() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let households = try await Self.households(app, "QH-S1-C1-G1")
            let phone = try await Client.page(app, as: "gridworker")
            for (h, outcome) in zip(households.suffix(4), ["met", "movedAway", "nobodyHome", "met"]) {
                #expect(
                    try await phone.post("/visits/households/\(h.id!)", [("outcome", outcome)]).status == .seeOther)
            }
            let today = app.clock.today.description
            let from = app.clock.today.adding(days: -30)
            let since = Date(timeIntervalSince1970: from.startInstant)
            let expected = try await Self.visitedFromRecords(app, "QH-S1-C1-G1", since: since)
            #expect(expected >= 3)
            let secretary = try await Client.api(app, as: "secretary")
            let rates = try await secretary.api(.GET, "/api/v1/visits/rates?from=\(from)&to=\(today)").jsonArray()
            let mine = try #require(rates.first { $0["gridId"] as? Int == g.id })
            #expect(mine["visitedHouseholds"] as? Int == expected)
            #expect(mine["households"] as? Int == households.count)
            let desk = try await Client.page(app, as: "secretary")
            let page = try await desk.get("/visits?from=\(from)&to=\(today)").body.string
            #expect(page.contains("visit-rate-definition") && page.contains("visit-rates"))
            #expect(page.contains("/visits/grids/\(g.id!)?from=\(from)&amp;to=\(today)"))
            let list = try await desk.get("/visits/grids/\(g.id!)?from=\(from)&to=\(today)").body.string
            #expect(list.contains("已走访 \(expected) / \(households.count) 户"))
            // One row per household, a visited mark per counted one.
            #expect(list.components(separatedBy: "class=\"tag ok\"").count - 1 == expected)
            // A period before any visit counts none.
            let empty = try await secretary.api(.GET, "/api/v1/visits/rates?from=2020-01-01&to=2020-12-31")
                .jsonArray()
            #expect(empty.first { $0["gridId"] as? Int == g.id }?["visitedHouseholds"] as? Int == 0)
        }
    }

    @Test func badInputAnswers422WithTheMessage() async throws {
        try await withTestApp { app in
            let households = try await Self.households(app, "QH-S1-C1-G1")
            let phone = try await Client.page(app, as: "gridworker")
            let path = "/visits/households/\(households.last!.id!)"
            let before = try await Visit.query(on: app.db).count()
            let noOutcome = try await phone.post(path, [("note", "x")])
            #expect(noOutcome.status == .unprocessableEntity)
            #expect(noOutcome.body.string.contains("请选择走访结果"))
            #expect(noOutcome.body.string.contains("visit-error"))
            let halfProblem = try await phone.post(path, [("outcome", "met"), ("problem", "漏水")])
            #expect(halfProblem.status == .unprocessableEntity)
            #expect(halfProblem.body.string.contains("请选择问题的类别"))
            #expect(halfProblem.body.string.contains("漏水"), "what was typed comes back")
            let badCategory = try await phone.post(
                path, [("outcome", "met"), ("category", "nonsense"), ("problem", "漏水")])
            #expect(badCategory.status == .unprocessableEntity)
            let long = try await phone.post(path, [("outcome", "met"), ("note", String(repeating: "字", count: 2001))])
            #expect(long.status == .unprocessableEntity)
            #expect(try await Visit.query(on: app.db).count() == before)
            #expect(try await phone.post(path, [("outcome", "met")], csrf: false).status == .forbidden)
            // English for an English reader.
            phone.language = "en"
            let english = try await phone.post(path, [("outcome", "sometimes")])
            #expect(english.status == .unprocessableEntity)
            #expect(english.body.string.contains("Choose the outcome of the visit."))

            let desk = try await Client.page(app, as: "secretary")
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let gw = try await Fixtures.user(app, "gridworker")
            let plansBefore = try await VisitPlan.query(on: app.db).count()
            let noHouseholds = try await desk.post(
                "/visits/plans",
                [("gridId", String(g.id!)), ("visitorUserId", String(gw.id!)), ("due", Self.due(app))])
            #expect(noHouseholds.status == .unprocessableEntity)
            #expect(noHouseholds.body.string.contains("请选择本网格的住户"))
            #expect(noHouseholds.body.string.contains("plan-households"), "the form comes back with the grid")
            let badDue = try await desk.post(
                "/visits/plans",
                [
                    ("gridId", String(g.id!)), ("visitorUserId", String(gw.id!)), ("due", "下周"),
                    ("householdIds[]", String(households[0].id!)),
                ])
            #expect(badDue.status == .unprocessableEntity && badDue.body.string.contains("日期无效"))
            let foreign = try #require(try await Self.households(app, "QH-S2-C1-G1").first)
            let notOfGrid = try await desk.post(
                "/visits/plans",
                [
                    ("gridId", String(g.id!)), ("visitorUserId", String(gw.id!)), ("due", Self.due(app)),
                    ("householdIds[]", String(foreign.id!)),
                ])
            #expect(notOfGrid.status == .unprocessableEntity)
            #expect(try await VisitPlan.query(on: app.db).count() == plansBefore)
            #expect(try await desk.get("/visits?from=2026-12-01&to=2026-11-01").status == .unprocessableEntity)
        }
    }
}
