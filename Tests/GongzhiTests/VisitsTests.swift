import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F7 household visits")
struct VisitsTests {
    @Test func planVisitRateAndProblemBecomesARequest() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let gw = try await Fixtures.user(app, "gridworker")
            let secretary = try await Client.api(app, as: "secretary")
            let plan = try await secretary.api(
                .POST, "/api/v1/visit-plans", json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": "2026-12-15"])
            #expect(plan.status == .created)
            let households = try await Household.query(on: app.db).filter(\.$gridID == g.id!).sort(\.$id).all()
            #expect(try plan.json()["households"] as? Int == households.count)
            let worker = try await Client.api(app, as: "gridworker")
            #expect(
                try await worker.api(
                    .POST,
                    """
                    /api/v1/visits
                    """, json: ["householdId": households[0].id!, "note": "一切正常"]
                )
                .status == .created)
            let withProblem = try await worker.api(
                .POST, "/api/v1/visits",
                json: [
                    "householdId": households[1].id!, "note": "老人独居",
                    "problem": ["kind": "help", "category": "elderly", "text": "独居老人需要助餐服务"],
                ])
            let requestID = try #require(try withProblem.json()["requestId"] as? Int)
            let request = try #require(try await ServiceRequest.find(requestID, on: app.db))
            #expect(request.channel == .visit && request.householdID == households[1].id && request.gridID == g.id)
            let rates = try await secretary.api(.GET, "/api/v1/visits/rates").jsonArray()
            let mine = try #require(rates.first { $0["gridId"] as? Int == g.id })
            #expect(mine["visitedHouseholds"] as? Int == 2 && mine["problems"] as? Int == 1)
            #expect(mine["rate"] as? Double == (Double(2) * 1000 / Double(households.count)).rounded() / 10)
            // A household of another street is not this worker's to visit.
            let other = try #require(
                try await Household.query(on: app.db).filter(
                    \.$gridID == (try await PlacesRouteTests.grid(app, "QH-S2-C1-G1")).id!
                ).first())
            // An id in a body: a field problem that does not confirm the household exists, logged.
            let logged = try await Fixtures.accessLog(app, .forbiddenChange).count
            let refused = try await worker.api(.POST, "/api/v1/visits", json: ["householdId": other.id!])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == logged + 1)
            #expect(
                try await secretary.api(
                    .POST, "/api/v1/visit-plans", json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": "someday"]
                ).status == .unprocessableEntity)
            // The phone page lists what is left, and records in one tap.
            let phone = try await Client.page(app, as: "gridworker")
            let page = try await phone.get("/visits")
            #expect(page.body.string.contains("visit-todo"))
            #expect(
                try await phone.post(
                    "/visits",
                    [
                        (
                            """
                            householdId
                            """, String(households[2].id!)
                        ), ("note", "已走访"), ("category", ""), ("problem", ""),
                    ]
                ).status == .seeOther)
            #expect(try await Visit.query(on: app.db).count() == 3)
            #expect(try await Client.page(app, as: "secretary").get("/visits").body.string.contains("visit-rates"))
        }
    }
}
