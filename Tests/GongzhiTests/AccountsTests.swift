import Fluent
import Foundation
import Testing
import VaporTesting

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
            #expect(
                csp.contains("script-src 'self'") && !csp.contains("unsafe-inline")
                    && csp.contains("frame-ancestors 'none'"))
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
            let planted = Client(app)
            planted.cookies["gongzhi-session"] = before
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
            #expect(try await c.get("/").status == .seeOther)  // still signed out
            #expect(try await Fixtures.accessLog(app, .loginFailed).count == 1)
        }
    }

    @Test func fiveFailuresLockTheAccountFor15Minutes() async throws {
        try await withTestApp { app in
            let c = Client(app)
            for _ in 0..<5 {
                try await c.api(.POST, AccountsRoute.apiToken, json: ["login": "worker", "password": "Wrong-pass-1"])
            }
            // Even the right password is refused while locked.
            let locked = try await c.api(
                .POST, AccountsRoute.apiToken, json: ["login": "worker", "password": demoPassword])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.errorCode == "account_locked")
            let user = try await Fixtures.user(app, "worker")
            let until = try #require(user.lockedUntil)
            #expect(abs(until.timeIntervalSince(app.clock.now) - 15 * 60) < 60)
            #expect(try await Fixtures.accessLog(app, .accountLocked).count == 1)
            // Fourteen minutes on it is still locked; at fifteen the right password works again.
            app.movableTime!.advance(by: 14 * 60)
            let still = try await c.api(
                .POST, AccountsRoute.apiToken, json: ["login": "worker", "password": demoPassword])
            #expect(still.status == .tooManyRequests)
            app.movableTime!.advance(by: 61)
            let ok = try await c.api(
                .POST, AccountsRoute.apiToken, json: ["login": "worker", "password": demoPassword])
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
            #expect(try await c.get(OrganisationRoute.tree).status == .ok)
            // Active within the half hour: a page every 29 minutes keeps the session.
            app.movableTime!.advance(by: 29 * 60)
            #expect(try await c.get(OrganisationRoute.tree).status == .ok)
            app.movableTime!.advance(by: 31 * 60)
            let res = try await c.get(OrganisationRoute.tree)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location)?.hasPrefix(PlatformRoute.login.path) == true)
        }
    }

    @Test func idleTokenEndsAfter30Minutes() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "street")
            app.movableTime!.advance(by: 29 * 60)
            #expect(try await c.api(.GET, AccountsRoute.apiMe).status == .ok)
            app.movableTime!.advance(by: 31 * 60)
            #expect(try await c.api(.GET, AccountsRoute.apiMe).status == .unauthorized)
        }
    }

    @Test func passwordChangeChecksPolicyAndIsAudited() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "worker")
            let weak = try await c.api(
                .POST, "/api/v1/me/password", json: ["currentPassword": demoPassword, "newPassword": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.errorMessage == "密码至少需要 8 位。")
            let wrong = try await c.api(
                .POST, "/api/v1/me/password",
                json: ["currentPassword": "Wrong-pass-1", "newPassword": "New-pass-2026"])
            #expect(wrong.status == .unprocessableEntity)
            let ok = try await c.api(
                .POST, "/api/v1/me/password", json: ["currentPassword": demoPassword, "newPassword": "New-pass-2026"])
            #expect(ok.status == .noContent)
            // The old token was revoked with the old password; the new password signs in.
            #expect(try await c.api(.GET, "/api/v1/me").status == .unauthorized)
            let again = Client(app)
            #expect(
                try await again.api(
                    .POST, "/api/v1/auth/token", json: ["login": "worker", "password": "New-pass-2026"]
                ).status == .created)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "passwordChange").count() == 1)
        }
    }

    @Test func passwordChangePage() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "resident")
            let bad = try await c.post(
                "/account/password", [("currentPassword", demoPassword), ("newPassword", "alllowercase")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("至少三类"))
            let ok = try await c.post(
                "/account/password", [("currentPassword", demoPassword), ("newPassword", "Another-2026")])
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
            let org = try await c.get("/org")
            #expect(org.body.string.contains("组织体系"))
            // Signed in, the switch is a form that posts with the CSRF token.
            #expect(org.body.string.contains("<form method=\"post\" action=\"/lang/en\""))
            let switched = try await c.post("/lang/en", [("back", "/org")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/org")
            let page = try await c.get("/org")
            #expect(page.body.string.contains("Organisation tree"))
            #expect(page.body.string.contains("lang=\"en\""))
            // The account remembers it too.
            #expect(try await Fixtures.user(app, "secretary").locale == "en")
            // Without the CSRF token nothing changes.
            let forged = try await c.post("/lang/zh-Hans", [("back", "/org")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await Fixtures.user(app, "secretary").locale == "en")
            #expect(try await c.post("/lang/fr").status == .notFound)
        }
    }

    @Test func aGETNeverChangesTheAccountsLanguage() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let before = try await Fixtures.user(app, "secretary")
            let res = try await c.get("/lang/en?back=/org")
            // The link of a signed-out page still works: it sets the cookie only.
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/org")
            #expect(c.cookies["gongzhi-lang"] == "en")
            let after = try await Fixtures.user(app, "secretary")
            #expect(after.locale == before.locale)
            #expect(after.updatedAt == before.updatedAt)
            #expect(try await c.get("/lang/fr").status == .notFound)
            // A signed-out page offers the link, and starts no session for it.
            let anonymous = Client(app)
            let notFound = try await anonymous.get("/no-such-page")
            #expect(notFound.body.string.contains("href=\"/lang/en?back=/no-such-page\""))
            #expect(anonymous.cookies["gongzhi-session"] == nil)
        }
    }

    /// Values a client may send as `next` (sign-in) or `back` (language switch), as the server receives them after the
    /// query or form is decoded once. Each must fall back to "/".
    static let hostileRedirects = [
        "//evil.example", "/\\evil.example", "/%09/evil.example", "/%2F/evil.example", "https://evil.example",
        "javascript:alert(1)",
        "/\t/evil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%252F/evil.example",
        "/%25252F%25252Fevil.example",
        "/\n/evil.example", " //evil.example", "\\/evil.example", "/%E3%80%80/evil.example", "/%0D%0A/evil.example",
        "/%zz",
        "http:/evil.example", "evil.example", "", "/\u{3000}/evil.example", "/org\r\nSet-Cookie: x=1",
    ]

    @Test func redirectsGoOnlyToPathsOfThisSite() async throws {
        try await withTestApp { app in
            let c = Client(app)
            try await c.get("/login")
            for hostile in Self.hostileRedirects {
                // Sent encoded, the server sees the value itself; sent as it is (where a URL can carry it), once
                // decoded.
                var queries = ["back=" + Client.encode(hostile)]
                if hostile.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
                    hostile != "/%zz"
                {
                    queries.append("back=" + hostile)
                }
                for q in queries {
                    let lang = try await c.get("/lang/en?" + q)
                    #expect(
                        lang.headers.first(name: .location) == "/",
                        "back \(q) answered \(lang.headers.first(name: .location) ?? "-")")
                    let form = try await c.get("/login?" + q.replacingOccurrences(of: "back=", with: "next="))
                    #expect(
                        form.body.string.contains("name=\"next\" value=\"/\""), "next \(q) was kept in the login form")
                }
                let posted = try await c.post("/lang/zh-Hans", [("back", hostile)])
                #expect(posted.headers.first(name: .location) == "/", "back \(hostile.debugDescription) was followed")
            }
            for hostile in Self.hostileRedirects {
                let s = Client(app)
                try await s.get("/login")
                let login = try await s.post(
                    "/login", [("login", "secretary"), ("password", demoPassword), ("next", hostile)])
                #expect(login.status == .seeOther)
                #expect(login.headers.first(name: .location) == "/", "next \(hostile.debugDescription) was followed")
            }
            // Paths of this site, with queries and encoded characters, are kept.
            for fine in ["/org", "/requests?state=raised&page=2", "/people?q=%E6%9E%97", "/org/3#history"] {
                #expect(LocalRedirect.path(fine) == fine)
                let s = Client(app)
                try await s.get("/login")
                let login = try await s.post(
                    "/login", [("login", "secretary"), ("password", demoPassword), ("next", fine)])
                #expect(login.headers.first(name: .location) == fine)
            }
            for hostile in Self.hostileRedirects {
                #expect(LocalRedirect.path(hostile) == "/", "\(hostile.debugDescription) passed")
            }
        }
    }

    @Test func aBurstOfWrongPasswordsLocksLikeASequence() async throws {
        try await withTestApp { app in
            func attempt(_ login: String, _ password: String) async throws -> HTTPStatus {
                try await Client(app).api(.POST, "/api/v1/auth/token", json: ["login": login, "password": password])
                    .status
            }
            // One after another on one account…
            var sequence: [HTTPStatus] = []
            for _ in 0..<8 { sequence.append(try await attempt("worker", "Wrong-pass-1")) }
            // …and all at once on another.
            let burst = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 { group.addTask { try await attempt("gridworker", "Wrong-pass-1") } }
                var all: [HTTPStatus] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(
                sequence.filter { $0 == .unauthorized }.count == 4
                    && sequence.filter { $0 == .tooManyRequests }.count == 4)
            #expect(burst.filter { $0 == .unauthorized }.count == 4, "burst answered \(burst)")
            #expect(burst.filter { $0 == .tooManyRequests }.count == 4, "burst answered \(burst)")
            for name in ["worker", "gridworker"] {
                let user = try await Fixtures.user(app, name)
                let until = try #require(user.lockedUntil, "\(name) is not locked")
                #expect(abs(until.timeIntervalSinceNow - 15 * 60) < 60)
                #expect(user.failedLogins == 0)
                // Locked: even the right password is refused.
                let right = try await Client(app).api(
                    .POST, "/api/v1/auth/token", json: ["login": name, "password": demoPassword])
                #expect(right.status == .tooManyRequests)
                #expect(
                    right.errorMessage?.contains("登录失败次数过多") == true
                        && right.errorMessage?.contains(
                            """
                            登录失败次数过多，账号已锁定至 登录
                            """) == false
                )
            }
            #expect(try await Fixtures.accessLog(app, .accountLocked).count == 2)
            #expect(try await Fixtures.accessLog(app, .loginFailed).count == 8)
            #expect(try await APIToken.query(on: app.db).count() == 0)
        }
    }

    @Test func aPasswordChangeEndsEveryOtherSessionAndToken() async throws {
        try await withTestApp { app in
            let here = try await Client.page(app, as: "worker")
            let elsewhere = try await Client.page(app, as: "worker")
            let phone = try await Client.api(app, as: "worker")
            let other = try await Client.page(app, as: "secretary")  // another account keeps its session
            let oldCookie = try #require(here.cookies["gongzhi-session"])
            #expect(try await elsewhere.get("/org").status == .ok)
            let changed = try await here.post(
                "/account/password", [("currentPassword", demoPassword), ("newPassword", "Changed-2026-a")])
            #expect(changed.status == .seeOther)
            // This device goes on under a new session id; the old id is worth nothing.
            #expect(here.cookies["gongzhi-session"] != oldCookie)
            #expect(try await here.get("/org").status == .ok)
            let replay = Client(app)
            replay.cookies["gongzhi-session"] = oldCookie
            #expect(try await replay.get("/org").status == .seeOther)
            // Every other sign-in has ended.
            let signedOut = try await elsewhere.get("/org")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await phone.api(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await other.get("/org").status == .ok)

            // A change through the API ends the page sessions as well.
            let api = try await Client.api(app, as: "worker", password: "Changed-2026-a")
            #expect(
                try await api.api(
                    .POST, "/api/v1/me/password",
                    json: ["currentPassword": "Changed-2026-a", "newPassword": "Changed-2026-b"]
                ).status == .noContent)
            #expect(try await here.get("/org").status == .seeOther)
            #expect(try await api.api(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await other.get("/org").status == .ok)
        }
    }
}
