import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// Time as the application reads it: each test app has its own movable clock, and these tests move it over a
/// deadline, an expiry or a lock-out instead of sleeping or rewriting the records' times. (The lock-out, idle
/// sessions and tokens, the request sweeper's unrated close and escalation, and the webhook's retry pause are
/// tested the same way in their capabilities' suites.)
@Suite("The injected clock: what follows time")
struct ClockTests {
    @Test func theServerReadsTheAppsClock() async throws {
        try await withTestApp { app in
            let before = app.clock.now
            app.movableTime!.advance(days: 400)
            #expect(app.clock.now.timeIntervalSince(before) >= 400 * 86_400)
            #expect(app.clock.today == LocalDate(instant: before.timeIntervalSince1970).adding(days: 400))
            // A record made now carries the clock's time: the audit entry of a change.
            let c = try await Client.api(app, as: "secretary")
            let node = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let route = OrganisationRoute.apiNode(.value(node.id!))
            let renamed = try await c.api(.PATCH, route, json: ["name": "时钟网格"])
            #expect(renamed.status == .ok)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == node.id!).sort(\.$id, .descending).first()
            )
            #expect(entry.at.timeIntervalSince(before) >= 400 * 86_400)
        }
    }

    @Test func aSignUpCodeRunsOutAfterTenMinutes() async throws {
        try await withTestApp { app in
            let door = ResidentsDoorTests()
            door.gateway(app)
            let c = Client(app)
            _ = try await c.get(AccountsRoute.signup)
            let sent = try await door.start(c, phone: "13812345670", community: try await door.community(app))
            let ticket = try #require(door.ticketIn(sent.body.string))
            let code = try #require(try await door.outbox(app).last?["code"] as? String)
            app.movableTime!.advance(by: SignUpService.codeLifetime + 1)
            let late = try await c.post(AccountsRoute.signupConfirm, [("ticket", ticket), ("code", code)])
            #expect(late.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$phone == "13812345670").count() == 0)
        }
    }

    /// Points older than the district's period expire, oldest first, when the balance is next shown; the balance
    /// stays the sum of the ledger's movements.
    @Test func pointsExpireWhenTheirPeriodHasPassed() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let before = try #require(try await resident.api(.GET, PointsRoute.apiMe).json()["balance"] as? Int)
            #expect(before > 0)
            let person = try await PointsTests.residentPerson(app)
            let expiredBefore = try await PointsMovement.query(on: app.db).filter(\.$personID == person)
                .filter(\.$source == PointsSource.expiry.rawValue).count()
            app.movableTime!.advance(days: 25 * 31)
            // Two years on the token has long run out: the resident signs in again.
            let again = try await Client.api(app, as: "resident")
            let later = try await again.api(.GET, PointsRoute.apiMe)
            let after = try #require(try later.json()["balance"] as? Int, "\(later.status) \(later.body.string)")
            #expect(after < before)
            let movements = try await PointsMovement.query(on: app.db).filter(\.$personID == person).all()
            #expect(movements.filter { $0.source == PointsSource.expiry.rawValue }.count > expiredBefore)
            #expect(after == movements.reduce(0) { $0 + $1.amount })
        }
    }

    /// A volunteer checks in at an activity and out an hour and a half later: the hours are the clock's.
    @Test func checkOutCountsTheClocksMinutes() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            let fmt = ISO8601DateFormatter()
            let start = app.clock.now.addingTimeInterval(-600)
            let community = try await Fixtures.node(app, code: "QH-S1-C1")
            let created = try await desk.api(
                .POST, VolunteeringRoute.apiActivities,
                json: [
                    "title": "时钟测试活动", "nodeId": community.id!, "category": "environment",
                    "address": "社区广场", "capacity": 5,
                    "startsAt": fmt.string(from: start),
                    "endsAt": fmt.string(from: start.addingTimeInterval(4 * 3600)),
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let activity = try #require(try created.json()["id"] as? Int)
            let code = try #require(try await Activity.find(activity, on: app.db)?.code)
            let resident = try await Client.api(app, as: "resident")
            let signup = try await resident.api(.POST, VolunteeringRoute.apiSignup(.value(activity)), json: [:])
            #expect(signup.status == .created, "\(signup.body.string)")
            let checkIn = try await resident.api(.POST, VolunteeringRoute.apiCheckIn, json: ["code": code])
            #expect(checkIn.status == .ok, "\(checkIn.body.string)")
            app.movableTime!.advance(by: 90 * 60)
            // Ninety minutes idle end the phone's token: the volunteer signs in again to check out.
            let back = try await Client.api(app, as: "resident")
            let out = try await back.api(.POST, VolunteeringRoute.apiCheckOut, json: ["code": code])
            #expect(out.status == .ok || out.status == .created, "\(out.body.string)")
            let minutes = try out.json()["minutes"] as? Int ?? 0
            #expect((89...91).contains(minutes))
        }
    }
}
