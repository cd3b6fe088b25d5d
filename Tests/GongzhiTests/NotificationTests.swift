import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

actor Received {
    var bodies: [String] = []
    var failuresLeft: Int
    init(failFirst: Int = 0) { failuresLeft = failFirst }
    func take(_ body: String) throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw Abort(.serviceUnavailable)
        }
        bodies.append(body)
    }
}

@Suite("Notifications, daily digest and the outbound webhook")
struct NotificationTests {
    @Test func eachStepTellsTheNextActor() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let id = try await RequestsTests.raise(resident)
            let worker = try await Client.api(app, as: "gridworker")
            let mine = try await worker.api(.GET, "/api/v1/notifications").json()
            #expect(mine["unread"] as? Int == 1)
            _ = try await RequestsTests.act(worker, id, "take")
            let told = try await resident.api(.GET, "/api/v1/notifications").json()
            #expect(((told["items"] as? [[String: Any]]) ?? []).first?["action"] as? String == "take")
            #expect(try await resident.api(.POST, "/api/v1/notifications/read").status == .noContent)
            #expect(try await resident.api(.GET, "/api/v1/notifications").json()["unread"] as? Int == 0)
            let page = try await Client.page(app, as: "gridworker")
            #expect(try await page.get("/notifications").body.string.contains("id=\"notifications\""))
        }
    }

    @Test func webhookIsRetriedAndDigestUsersGetOneDailyEvent() async throws {
        try await withTestApp { app in
            let received = Received(failFirst: 1)
            app.storage[WebhookConfigKey.self] = WebhookConfig(
                url: "http://gateway.example/hook", send: { _, _, body in try await received.take(body) })
            // The resident wants a digest; the grid worker gets each step.
            let resident = try await Client.api(app, as: "resident")
            #expect(
                try await resident.api(.PATCH, NotificationsRoute.apiPreferences, json: ["digest": true]).status == .ok
            )
            let id = try await RequestsTests.raise(resident)
            _ = try await RequestsTests.act(try await Client.api(app, as: "gridworker"), id, "take")
            // the raise, for the grid worker; none for the digest user
            #expect(try await WebhookDelivery.query(on: app.db).count() == 1)
            let first = try await Notify.deliver(app)
            #expect(first.sent == 0 && first.failed == 1)
            let pending = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(pending.attempts == 1 && pending.nextAttemptAt > app.clock.now)
            // Not before its pause (a minute after the first failure) is over.
            #expect(try await Notify.deliver(app).sent == 0)
            app.movableTime!.advance(by: 61)
            #expect(try await Notify.deliver(app).sent == 1)
            #expect(await received.bodies.first?.contains("\"action\":\"raise\"") == true)
            #expect(try await Notify.digest(app) == 1)
            #expect(try await Notify.deliver(app).sent == 1)
            #expect(await received.bodies.last?.contains("\"type\":\"digest\"") == true)
            #expect(try await Notify.digest(app) == 0)  // each notification goes into one digest only
        }
    }
}
