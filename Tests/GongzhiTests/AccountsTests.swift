import Foundation
import Testing
import VaporTesting
import Fluent
@testable import Gongzhi

@Suite("Accounts: sign-in, lockout, tokens, passwords, sessions")
struct AccountsTests {
    @Test func loginPageCarriesCSRFAndSecurityHeaders() async throws {
        try await withTestApp { app in
            let c = Client(app)
            let res = try await c.get("/login")
            #expect(res.status == .ok)
            #expect(c.csrf != nil)
            let csp = try #require(res.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"))
            #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(!res.body.string.contains("<script>"))
        }
    }

    @Test func loginByUsernameOrMobileNumber() async throws {
        try await withTestApp { app in
            let byName = try await Client.page(app, as: "secretary")
            #expect(try await byName.get("/").status == .ok)
            // Signed in, the login page sends you home.
            #expect(try await byName.get("/login").headers.first(name: .location) == "/")
            let byPhone = try await Client.page(app, as: "13900000005")
            let home = try await byPhone.get("/")
            #expect(home.body.string.contains("社区书记 林晓"))
        }
    }

    @Test func signingInGivesANewSessionID() async throws {
        try await withTestApp { app in
            let c = Client(app)
            try await c.get("/login")
            let before = try #require(c.cookies["gongzhi-session"])
            try await c.post("/login", [("login", "secretary"), ("password", demoPassword), ("next", "/")])
            let after = try #require(c.cookies["gongzhi-session"])
            #expect(before != after)
            #expect(try await c.get("/org").status == .ok)
            // The planted id no longer signs anyone in.
            let planted = Client(app); planted.cookies["gongzhi-session"] = before
            #expect(try await planted.get("/org").status == .seeOther)
        }
    }

    @Test func wrongPasswordIsRefusedAndLogged() async throws {
        try await withTestApp { app in
            let c = Client(app)
            try await c.get("/login")
            let res = try await c.post("/login", [("login", "secretary"), ("password", "nope-Nope-1")])
            #expect(res.status == .unauthorized)
            #expect(res.body.string.contains("用户名/手机号或密码不正确"))
            #expect(try await c.get("/").status == .seeOther) // still signed out
            #expect(try await Fixtures.accessLog(app, .loginFailed).count == 1)
        }
    }

    @Test func fiveFailuresLockTheAccountFor15Minutes() async throws {
        try await withTestApp { app in
            let c = Client(app)
            for _ in 0..<5 {
                try await c.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": "Wrong-pass-1"])
            }
            // Even the right password is refused while locked.
            let locked = try await c.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": demoPassword])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.errorCode == "account_locked")
            let user = try await Fixtures.user(app, "worker")
            let until = try #require(user.lockedUntil)
            #expect(abs(until.timeIntervalSinceNow - 15 * 60) < 60)
            #expect(try await Fixtures.accessLog(app, .accountLocked).count == 1)
            // When the lock has run out, the right password works again.
            user.lockedUntil = Date().addingTimeInterval(-1)
            try await user.save(on: app.db)
            let ok = try await c.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": demoPassword])
            #expect(ok.status == .created)
        }
    }

    @Test func formsWithoutCSRFTokenAreRefused() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let node = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let res = try await c.post("/org/\(node.id!)/rename", [("name", "被篡改")], csrf: false)
            #expect(res.status == .forbidden)
            #expect(try await Fixtures.node(app, code: "QH-S1-C1-G1").name == node.name)
        }
    }

    @Test func tokenMeAndLogout() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "street")
            let me = try await c.api(.GET, "/api/v1/me")
            #expect(me.status == .ok)
            #expect(try me.json()["role"] as? String == "streetStaff")
            #expect(try await c.api(.POST, "/api/v1/auth/logout").status == .noContent)
            let after = try await c.api(.GET, "/api/v1/me")
            #expect(after.status == .unauthorized)
            #expect(after.errorCode == "unauthorized")
            let anonymous = Client(app)
            #expect(try await anonymous.api(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test func idleSessionEndsAfter30Minutes() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            #expect(try await c.get("/org").status == .ok)
            for record in try await SessionRecord.query(on: app.db).all() where record.data["uid"] != nil {
                record.data["seen"] = String(Int(Date().timeIntervalSince1970) - 31 * 60)
                try await record.save(on: app.db)
            }
            let res = try await c.get("/org")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func idleTokenEndsAfter30Minutes() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "street")
            for t in try await APIToken.query(on: app.db).all() {
                t.lastUsedAt = Date().addingTimeInterval(-31 * 60)
                try await t.save(on: app.db)
            }
            #expect(try await c.api(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test func passwordChangeChecksPolicyAndIsAudited() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "worker")
            let weak = try await c.api(.POST, "/api/v1/me/password", json: ["currentPassword": demoPassword, "newPassword": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.errorMessage == "密码至少需要 8 位。")
            let wrong = try await c.api(.POST, "/api/v1/me/password", json: ["currentPassword": "Wrong-pass-1", "newPassword": "New-pass-2026"])
            #expect(wrong.status == .unprocessableEntity)
            let ok = try await c.api(.POST, "/api/v1/me/password", json: ["currentPassword": demoPassword, "newPassword": "New-pass-2026"])
            #expect(ok.status == .noContent)
            // The old token was revoked with the old password; the new password signs in.
            #expect(try await c.api(.GET, "/api/v1/me").status == .unauthorized)
            let again = Client(app)
            #expect(try await again.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": "New-pass-2026"]).status == .created)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "passwordChange").count() == 1)
        }
    }

    @Test func passwordChangePage() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "resident")
            let bad = try await c.post("/account/password", [("currentPassword", demoPassword), ("newPassword", "alllowercase")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("至少三类"))
            let ok = try await c.post("/account/password", [("currentPassword", demoPassword), ("newPassword", "Another-2026")])
            #expect(ok.status == .seeOther)
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            #expect(try await c.post("/logout").status == .seeOther)
            #expect(try await c.get("/org").status == .seeOther)
        }
    }

    @Test func languageChoiceSticks() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            #expect(try await c.get("/org").body.string.contains("组织体系"))
            let switched = try await c.get("/lang/en?back=/org")
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/org")
            let page = try await c.get("/org")
            #expect(page.body.string.contains("Organisation tree"))
            #expect(page.body.string.contains("lang=\"en\""))
            // The account remembers it too.
            #expect(try await Fixtures.user(app, "secretary").locale == "en")
            // An open redirect is not possible.
            #expect(try await c.get("/lang/zh-Hans?back=//evil.example").headers.first(name: .location) == "/")
            #expect(try await c.get("/lang/fr").status == .notFound)
        }
    }
}
