import Foundation
import Testing
import VaporTesting
import Fluent
@testable import Gongzhi

@Suite("Account administration: roles, nodes, shares, locks")
struct AccountAdminTests {
    @Test func createSignInShareAndDeactivate() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "orgdept")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let created = try await admin.api(.POST, "/api/v1/accounts", json: [
                "username": "newworker", "displayName": "新社工", "role": "communityWorker", "orgNodeId": c1.id!, "password": "Start-2026-x",
            ])
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? Int)
            let s2c1 = try await Fixtures.node(app, code: "QH-S2-C1")
            let shared = try await Client.api(app, as: "newworker", password: "Start-2026-x")
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .notFound)
            #expect(try await admin.api(.POST, "/api/v1/accounts/\(id)/shares", json: ["orgNodeId": s2.id!]).status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .ok)
            #expect(try await admin.api(.DELETE, "/api/v1/accounts/\(id)/shares/\(s2.id!)").status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .notFound)
            #expect(try await admin.api(.PATCH, "/api/v1/accounts/\(id)", json: ["active": false]).status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "user").filter(\.$entityID == id).count() == 4)
        }
    }

    @Test func rolesAboveOnesOwnAndNodesOutsideScopeAreRefused() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            #expect(try await secretary.api(.GET, "/api/v1/accounts").status == .forbidden) // secretaries do not manage accounts
            let orgdept = try await Client.api(app, as: "orgdept")
            let district = try await Fixtures.node(app, code: "QH")
            let tooHigh = try await orgdept.api(.POST, "/api/v1/accounts", json: [
                "username": "root2", "displayName": "x", "role": "systemAdmin", "orgNodeId": district.id!, "password": "Start-2026-x",
            ])
            #expect(tooHigh.status == .forbidden)
            let bad = try await orgdept.api(.POST, "/api/v1/accounts", json: ["username": "a", "displayName": "", "role": "resident", "orgNodeId": district.id!, "password": "x"])
            #expect(bad.status == .unprocessableEntity)
            let fields = try #require((try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(Set(fields.keys) == ["username", "displayName", "password"])
            let taken = try await orgdept.api(.POST, "/api/v1/accounts", json: [
                "username": "secretary", "displayName": "x", "role": "resident", "orgNodeId": district.id!, "password": "Start-2026-x",
            ])
            #expect(taken.status == .conflict)
            // An account outside a street's scope is not there for the street's administrator.
            let sec2 = try await Fixtures.user(app, "secretary2")
            let admin = try await Client.api(app, as: "admin")
            let me = try await Fixtures.user(app, "admin")
            #expect(try await admin.api(.PATCH, "/api/v1/accounts/\(me.id!)", json: ["active": false]).status == .conflict)
            #expect(try await admin.api(.GET, "/api/v1/accounts/\(sec2.id!)").status == .ok)
        }
    }

    @Test func unlockAndResetPassword() async throws {
        try await withTestApp { app in
            let worker = try await Fixtures.user(app, "worker")
            worker.lockedUntil = Date().addingTimeInterval(600); worker.failedLogins = 0
            try await worker.save(on: app.db)
            let admin = try await Client.api(app, as: "admin")
            let unlocked = try await admin.api(.POST, "/api/v1/accounts/\(worker.id!)/unlock")
            #expect(try unlocked.json()["locked"] as? Bool == false)
            #expect(try await admin.api(.POST, "/api/v1/accounts/\(worker.id!)/password", json: ["newPassword": "weak"]).status == .unprocessableEntity)
            #expect(try await admin.api(.POST, "/api/v1/accounts/\(worker.id!)/password", json: ["newPassword": "Reset-2026-ok"]).status == .noContent)
            let c = Client(app)
            #expect(try await c.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": "Reset-2026-ok"]).status == .created)
        }
    }

    @Test func accountPages() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "admin")
            let list = try await c.get("/accounts")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("secretary2"))
            #expect(try await c.get("/accounts/new").status == .ok)
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let created = try await c.post("/accounts", [("username", "pageuser"), ("displayName", "页面用户"), ("role", "communityWorker"),
                                                          ("orgNodeId", String(c1.id!)), ("password", "Page-2026-ok")])
            #expect(created.status == .seeOther)
            let user = try await Fixtures.user(app, "pageuser")
            #expect(try await c.get("/accounts/\(user.id!)").body.string.contains("页面用户"))
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            #expect(try await c.post("/accounts/\(user.id!)/shares", [("orgNodeId", String(s2.id!))]).status == .seeOther)
            #expect(try await c.post("/accounts/\(user.id!)/shares/\(s2.id!)/remove").status == .seeOther)
            #expect(try await c.post("/accounts/\(user.id!)", [("displayName", "页面用户二"), ("role", "communityWorker"), ("orgNodeId", String(c1.id!))]).status == .seeOther)
            #expect(try await Fixtures.user(app, "pageuser").active == false) // the box was not ticked
            #expect(try await c.post("/accounts/\(user.id!)/unlock").status == .seeOther)
            #expect(try await c.post("/accounts/\(user.id!)/password", [("newPassword", "short")]).status == .unprocessableEntity)
            let bad = try await c.post("/accounts", [("username", "x"), ("displayName", ""), ("role", "resident"), ("orgNodeId", String(c1.id!)), ("password", "")])
            #expect(bad.status == .unprocessableEntity)
            let street = try await Client.page(app, as: "street")
            let sec2 = try await Fixtures.user(app, "secretary2")
            #expect(try await street.get("/accounts/\(sec2.id!)").status == .forbidden) // street staff do not manage accounts
        }
    }
}
