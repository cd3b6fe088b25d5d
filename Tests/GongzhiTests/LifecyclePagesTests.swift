import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

/// What the lifecycles show and allow through the app, as the clock moves: an activity is 未开始, 进行中, then
/// 已结束 and can no longer be cancelled; a plan or a project's due day is refused outside its bounds.
@Suite("Lifecycles from the clock")
struct LifecyclePagesTests {
    @Test func anActivityShowsWhereItStandsAsTheClockMoves() async throws {
        try await withTestApp { app in
            let a = try await VolunteeringTests.activity(app, start: 3_600, minutes: 60)
            let id = try #require(a["id"] as? Int)
            #expect(a["phase"] as? String == "upcoming")
            func shown() async throws -> (api: String?, page: String) {
                let desk = try await Client.api(app, as: "secretary")
                let api =
                    try await desk.api(.GET, VolunteeringRoute.apiActivity(.value(id))).json()["phase"] as? String
                let page = try await Client.page(app, as: "secretary").get(VolunteeringRoute.activity(.value(id)))
                return (api, page.body.string)
            }
            var now = try await shown()
            #expect(now.api == "upcoming" && now.page.contains("未开始"))
            app.movableTime!.advance(by: 3_700)
            now = try await shown()
            #expect(now.api == "underway" && now.page.contains("进行中"))
            app.movableTime!.advance(by: 3_600)
            now = try await shown()
            #expect(now.api == "ended" && now.page.contains("已结束"))
            #expect(!now.page.contains(VolunteeringRoute.cancelActivity(.value(id)).path))
            // What happened stays: an ended activity is not cancelled.
            let desk = try await Client.api(app, as: "secretary")
            let cancel = try await desk.api(.POST, VolunteeringRoute.apiActivityCancel(.value(id)))
            #expect(cancel.status == .conflict)
            #expect(try await Activity.find(id, on: app.db)?.state == .open)
        }
    }

    @Test func dueDaysOutsideTheirBoundsAreRefusedWithTheBoundNamed() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let gw = try await Fixtures.user(app, "gridworker")
            let secretary = try await Client.api(app, as: "secretary")
            let today = app.clock.today
            let old = try await secretary.api(
                .POST, "/api/v1/visit-plans", json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": "1999-01-01"])
            #expect(old.status == .unprocessableEntity)
            #expect(old.errorMessage?.contains(today.description) == true, "\(old.body.string)")
            let far = try await secretary.api(
                .POST, "/api/v1/visit-plans",
                json: ["gridId": g.id!, "visitorUserId": gw.id!, "due": today.adding(days: 400).description])
            #expect(far.status == .unprocessableEntity)
            #expect(try await VisitPlan.query(on: app.db).filter(\.$due == "1999-01-01").count() == 0)
            // The desk form keeps what was typed and names the bound beside the field.
            let desk = try await Client.page(app, as: "secretary")
            let page = try await desk.post(
                "/visits/plans", [("gridId", String(g.id!)), ("visitorUserId", String(gw.id!)), ("due", "1999-01-01")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.string.contains("value=\"1999-01-01\"") && page.body.string.contains(today.description))
            // An agreement's project is due within the agreement's period.
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let a = try #require(
                try await Agreement.query(on: app.db).filter(\.$state != .ended).filter(\.$path =~ c1.path).first())
            let outside = try await secretary.api(
                .POST, "/api/v1/agreements/\(a.id!)/projects", json: ["title": "联建项目", "due": "2000-06-01"])
            #expect(outside.status == .unprocessableEntity, "\(outside.body.string)")
            #expect(outside.errorMessage?.contains(a.startsOn) == true)
            let inside = try await secretary.api(
                .POST, "/api/v1/agreements/\(a.id!)/projects", json: ["title": "联建项目", "due": a.endsOn])
            #expect(inside.status == .created, "\(inside.body.string)")
        }
    }
}
