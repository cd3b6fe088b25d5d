import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Account administration: roles, nodes, shares, locks")
struct AccountAdminTests {
    @Test func createSignInShareAndDeactivate() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "orgdept")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let created = try await admin.api(
                .POST, "/api/v1/accounts",
                json: [
                    "username": "newworker", "displayName": "新社工", "role": "communityWorker", "orgNodeId": c1.id!,
                    "password": "Start-2026-x",
                ])
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? Int)
            let s2c1 = try await Fixtures.node(app, code: "QH-S2-C1")
            let shared = try await Client.api(app, as: "newworker", password: "Start-2026-x")
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .notFound)
            #expect(
                try await admin.api(.POST, "/api/v1/accounts/\(id)/shares", json: ["orgNodeId": s2.id!]).status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .ok)
            #expect(try await admin.api(.DELETE, "/api/v1/accounts/\(id)/shares/\(s2.id!)").status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .notFound)
            #expect(try await admin.api(.PATCH, "/api/v1/accounts/\(id)", json: ["active": false]).status == .ok)
            #expect(try await shared.api(.GET, "/api/v1/me").status == .unauthorized)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "user").filter(\.$entityID == id)
                    .count()
                    == 4)
        }
    }

    @Test func rolesAboveOnesOwnAndNodesOutsideScopeAreRefused() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            // secretaries do not manage accounts
            #expect(try await secretary.api(.GET, "/api/v1/accounts").status == .forbidden)
            let orgdept = try await Client.api(app, as: "orgdept")
            let district = try await Fixtures.node(app, code: "QH")
            let tooHigh = try await orgdept.api(
                .POST, "/api/v1/accounts",
                json: [
                    "username": "root2", "displayName": "x", "role": "systemAdmin", "orgNodeId": district.id!,
                    "password": "Start-2026-x",
                ])
            #expect(tooHigh.status == .forbidden)
            let bad = try await orgdept.api(
                .POST, "/api/v1/accounts",
                json: [
                    "username": "a", "displayName": "", "role": "resident", "orgNodeId": district.id!, "password": "x",
                ])
            #expect(bad.status == .unprocessableEntity)
            let fields = try #require((try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(Set(fields.keys) == ["username", "displayName", "password"])
            let taken = try await orgdept.api(
                .POST, "/api/v1/accounts",
                json: [
                    "username": "secretary", "displayName": "x", "role": "resident", "orgNodeId": district.id!,
                    "password": "Start-2026-x",
                ])
            #expect(taken.status == .conflict)
            // An account outside a street's scope is not there for the street's administrator.
            let sec2 = try await Fixtures.user(app, "secretary2")
            let admin = try await Client.api(app, as: "admin")
            let me = try await Fixtures.user(app, "admin")
            #expect(
                try await admin.api(.PATCH, "/api/v1/accounts/\(me.id!)", json: ["active": false]).status == .conflict)
            #expect(try await admin.api(.GET, "/api/v1/accounts/\(sec2.id!)").status == .ok)
        }
    }

    @Test func unlockAndResetPassword() async throws {
        try await withTestApp { app in
            let worker = try await Fixtures.user(app, "worker")
            worker.lockedUntil = Date().addingTimeInterval(600)
            worker.failedLogins = 0
            try await worker.save(on: app.db)
            let admin = try await Client.api(app, as: "admin")
            let unlocked = try await admin.api(.POST, "/api/v1/accounts/\(worker.id!)/unlock")
            #expect(try unlocked.json()["locked"] as? Bool == false)
            #expect(
                try await admin.api(.POST, "/api/v1/accounts/\(worker.id!)/password", json: ["newPassword": "weak"])
                    .status == .unprocessableEntity)
            #expect(
                try await admin.api(
                    .POST, "/api/v1/accounts/\(worker.id!)/password", json: ["newPassword": "Reset-2026-ok"]
                ).status == .noContent)
            let c = Client(app)
            #expect(
                try await c.api(.POST, "/api/v1/auth/token", json: ["login": "worker", "password": "Reset-2026-ok"])
                    .status == .created)
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
            let created = try await c.post(
                "/accounts",
                [
                    ("username", "pageuser"), ("displayName", "页面用户"), ("role", "communityWorker"),
                    ("orgNodeId", String(c1.id!)), ("password", "Page-2026-ok"),
                ])
            #expect(created.status == .seeOther)
            let user = try await Fixtures.user(app, "pageuser")
            #expect(try await c.get("/accounts/\(user.id!)").body.string.contains("页面用户"))
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            #expect(
                try await c.post("/accounts/\(user.id!)/shares", [("orgNodeId", String(s2.id!))]).status == .seeOther)
            #expect(try await c.post("/accounts/\(user.id!)/shares/\(s2.id!)/remove").status == .seeOther)
            #expect(
                try await c.post(
                    "/accounts/\(user.id!)",
                    [("displayName", "页面用户二"), ("role", "communityWorker"), ("orgNodeId", String(c1.id!))]
                ).status == .seeOther)
            #expect(try await Fixtures.user(app, "pageuser").active == false)  // the box was not ticked
            #expect(try await c.post("/accounts/\(user.id!)/unlock").status == .seeOther)
            #expect(
                try await c.post("/accounts/\(user.id!)/password", [("newPassword", "short")]).status
                    == .unprocessableEntity)
            let bad = try await c.post(
                "/accounts",
                [
                    ("username", "x"), ("displayName", ""), ("role", "resident"), ("orgNodeId", String(c1.id!)),
                    ("password", ""),
                ])
            #expect(bad.status == .unprocessableEntity)
            let street = try await Client.page(app, as: "street")
            let sec2 = try await Fixtures.user(app, "secretary2")
            // street staff do not manage accounts
            #expect(try await street.get("/accounts/\(sec2.id!)").status == .forbidden)
        }
    }

    /// Signs in through the login page with a given password.
    static func signIn(_ app: Application, _ login: String, _ password: String = demoPassword) async throws -> Client {
        let c = Client(app)
        try await c.get("/login")
        let res = try await c.post("/login", [("login", login), ("password", password), ("next", "/")])
        #expect(res.status == .seeOther, "login of \(login) answered \(res.status)")
        return c
    }

    @Test func everyAdministrationActionAppliesTheRoleCeiling() async throws {
        try await withTestApp { app in
            // The district organisation department manages accounts in the whole district, but not the system
            // administrator's: a stronger role than its own.
            let target = try await Fixtures.user(app, "admin")
            target.lockedUntil = Date().addingTimeInterval(600)
            try await target.save(on: app.db)
            let id = target.id!
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            try await ScopeShare(userID: id, orgNodeID: c1.id!).create(on: app.db)
            let audit = try await AuditEntry.query(on: app.db).count()
            func unchanged() async throws {
                let now = try await Fixtures.user(app, "admin")
                #expect(now.lockedUntil != nil, "the lock was lifted")
                #expect(
                    now.passwordHash == target.passwordHash && now.displayName == target.displayName && now.active
                        && now.role == .systemAdmin)
                #expect(
                    try await ScopeShare.query(on: app.db).filter(\.$userID == id).all().map(\.orgNodeID) == [c1.id!])
                #expect(try await AuditEntry.query(on: app.db).count() == audit)
            }
            let api = try await Client.api(app, as: "orgdept")
            let calls: [(HTTPMethod, String, [String: Any]?)] = [
                (.POST, "/api/v1/accounts/\(id)/unlock", nil),
                (.POST, "/api/v1/accounts/\(id)/shares", ["orgNodeId": s2.id!]),
                (.DELETE, "/api/v1/accounts/\(id)/shares/\(c1.id!)", nil),
                (.POST, "/api/v1/accounts/\(id)/password", ["newPassword": "Taken-over-2026"]),
                (.PATCH, "/api/v1/accounts/\(id)", ["displayName": "被接管"]),
            ]
            for (method, path, body) in calls {
                let res = try await api.api(method, path, json: body)
                #expect(res.status == .forbidden, "\(method) \(path) answered \(res.status)")
                #expect(res.errorCode == "forbidden")
            }
            try await unchanged()
            let page = try await Client.page(app, as: "orgdept")
            let forms: [(String, [(String, String)])] = [
                ("/accounts/\(id)/unlock", []),
                ("/accounts/\(id)/shares", [("orgNodeId", String(s2.id!))]),
                ("/accounts/\(id)/shares/\(c1.id!)/remove", []),
                ("/accounts/\(id)/password", [("newPassword", "Taken-over-2026")]),
                ("/accounts/\(id)", [("displayName", "被接管"), ("active", "true")]),
            ]
            for (path, fields) in forms {
                let res = try await page.post(path, fields)
                #expect(res.status == .forbidden, "POST \(path) answered \(res.status)")
            }
            try await unchanged()
            // Every refusal is in the access log.
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == calls.count + forms.count)
            // Reading stays possible; accounts no stronger than one's own are still managed.
            #expect(try await api.api(.GET, "/api/v1/accounts/\(id)").status == .ok)
            let worker = try await Fixtures.user(app, "worker")
            #expect(try await api.api(.POST, "/api/v1/accounts/\(worker.id!)/unlock").status == .ok)
            #expect(
                try await api.api(.POST, "/api/v1/accounts/\(worker.id!)/shares", json: ["orgNodeId": s2.id!]).status
                    == .ok)
        }
    }

    @Test func aResetOrDisablingEndsEverySessionAndToken() async throws {
        try await withTestApp { app in
            let worker = try await Fixtures.user(app, "worker")
            let admin = try await Client.api(app, as: "admin")
            // A reset through the API…
            var page = try await Self.signIn(app, "worker")
            var token = try await Client.api(app, as: "worker")
            #expect(try await page.get("/org").status == .ok)
            #expect(
                try await admin.api(
                    .POST, "/api/v1/accounts/\(worker.id!)/password", json: ["newPassword": "Reset-2026-ok"]
                ).status == .noContent)
            #expect(try await page.get("/org").status == .seeOther)
            #expect(try await token.api(.GET, "/api/v1/me").status == .unauthorized)
            // …and from the administrator's page.
            page = try await Self.signIn(app, "worker", "Reset-2026-ok")
            token = try await Client.api(app, as: "worker", password: "Reset-2026-ok")
            let adminPage = try await Client.page(app, as: "admin")
            #expect(
                try await adminPage.post("/accounts/\(worker.id!)/password", [("newPassword", "Reset-2026-two")])
                    .status
                    == .seeOther)
            let signedOut = try await page.get("/org")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await token.api(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await adminPage.get("/org").status == .ok)  // the administrator's own session is untouched

            // Disabling ends them too: enabling the account again does not bring an old session back.
            page = try await Self.signIn(app, "worker", "Reset-2026-two")
            #expect(
                try await admin.api(.PATCH, "/api/v1/accounts/\(worker.id!)", json: ["active": false]).status == .ok)
            #expect(
                try await admin.api(.PATCH, "/api/v1/accounts/\(worker.id!)", json: ["active": true]).status == .ok)
            #expect(try await page.get("/org").status == .seeOther)

            // One's own password is changed with the current one, not reset.
            let me = try await Fixtures.user(app, "admin")
            let own = try await admin.api(
                .POST, "/api/v1/accounts/\(me.id!)/password", json: ["newPassword": "Own-reset-2026"])
            #expect(own.status == .conflict)
            #expect(try await Fixtures.user(app, "admin").passwordHash == me.passwordHash)
            #expect(try await admin.api(.GET, "/api/v1/me").status == .ok)
        }
    }

    @Test func badInputToAccountAdministrationIsAClear4xxAndChangesNothing() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "admin")
            let worker = try await Fixtures.user(app, "worker")
            let resident = try await Fixtures.user(app, "resident")
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let s1 = try await Fixtures.node(app, code: "QH-S1")
            let w = worker.id!
            func state() async throws -> [String] {
                let u = try await Fixtures.user(app, "worker")
                return [
                    String(try await ScopeShare.query(on: app.db).count()),
                    String(try await AuditEntry.query(on: app.db).count()),
                    String(try await User.query(on: app.db).count()), u.displayName, u.role.rawValue,
                    String(u.orgNodeID),
                    String(u.active), u.passwordHash, u.phone ?? "-", String(u.failedLogins),
                ]
            }
            let before = try await state()
            let huge = "99999999999999999999"
            let badIDs = ["0", "-1", "abc", huge, "9223372036854775807", "1.5", "%20"]
            let shareBodies = [
                "", "{", "{}", "[]", "null", "1", "\"x\"", "{\"orgNodeId\":\"\(s2.id!)\"}", "{\"orgNodeId\":1.5}",
                "{\"orgNodeId\":-1}",
                "{\"orgNodeId\":0}", "{\"orgNodeId\":9223372036854775807}", "{\"orgNodeId\":-9223372036854775808}",
                "{\"orgNodeId\":\(huge)}", "{\"orgNodeId\":-\(huge)}", "{\"orgNodeId\":1e400}", "{\"orgNodeId\":[]}",
                "{\"orgNodeId\":[\(s2.id!)]}", "{\"orgNodeId\":[\(s2.id!),\(s2.id!)]}", "{\"orgNodeId\":{}}",
                "{\"orgNodeId\":null}",
                "{\"orgNodeId\":true}", "{\"orgNodeId\":\(s2.id!),\"extra\":1}", "{\"orgnodeid\":\(s2.id!)}",
                "{\"orgNodeId\":999999}",
                "{\"orgNodeId\":" + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}",
                "{\"orgNodeId\":\"\(String(repeating: "9", count: 100_000))\"}",
                "{\"orgNodeId\":\(String(repeating: "9", count: 100_000))}",
                "{\"orgNodeId\":\"\\ud800\"}", "{\"\\u0000\":1}",
            ]
            var calls: [(HTTPMethod, String, String?)] = []
            for body in shareBodies { calls.append((.POST, "/api/v1/accounts/\(w)/shares", body)) }
            for id in badIDs + ["999999"] {
                calls.append((.POST, "/api/v1/accounts/\(id)/shares", "{\"orgNodeId\":\(s2.id!)}"))
                calls.append((.DELETE, "/api/v1/accounts/\(w)/shares/\(id)", nil))
                calls.append((.DELETE, "/api/v1/accounts/\(id)/shares/\(s2.id!)", nil))
                calls.append((.POST, "/api/v1/accounts/\(id)/unlock", nil))
                calls.append((.POST, "/api/v1/accounts/\(id)/password", "{\"newPassword\":\"Reset-2026-ok\"}"))
                calls.append((.PATCH, "/api/v1/accounts/\(id)", "{\"displayName\":\"x\"}"))
                calls.append((.GET, "/api/v1/accounts/\(id)", nil))
            }
            // A share that does not exist cannot be stopped; a resident's account has nothing to share.
            calls.append((.DELETE, "/api/v1/accounts/\(w)/shares/\(s2.id!)", nil))
            calls.append((.POST, "/api/v1/accounts/\(resident.id!)/shares", "{\"orgNodeId\":\(s2.id!)}"))
            for body in [
                "{}", "[]", "{\"newPassword\":123}", "{\"newPassword\":null}", "{\"newPassword\":\"weak\"}",
                "{\"newPassword\":\"\(String(repeating: "Aa1!", count: 1000))\"}",
                "{\"newPassword\":[\"Reset-2026-ok\"]}",
            ] {
                calls.append((.POST, "/api/v1/accounts/\(w)/password", body))
            }
            for body in [
                "[]", "{\"role\":\"emperor\"}", "{\"role\":1}", "{\"orgNodeId\":-1}", "{\"orgNodeId\":0}",
                "{\"orgNodeId\":\(huge)}",
                "{\"orgNodeId\":9223372036854775807}", "{\"orgNodeId\":999999}", "{\"active\":\"yes\"}",
                "{\"active\":null,\"phone\":123}",
                "{\"phone\":\"12345\"}", "{\"displayName\":\"\"}",
                "{\"displayName\":\"\(String(repeating: "长", count: 51))\"}",
                "{\"displayName\":[]}", "{\"id\":1}",
            ] {
                calls.append((.PATCH, "/api/v1/accounts/\(w)", body))
            }
            let create =
                #"{"username":"fuzzed","displayName":"x","role":"communityWorker","#
                + #""password":"Start-2026-x","orgNodeId":"#
            for tail in [
                "\(huge)}", "-1}", "0}", "999999}", "9223372036854775807}", "\(s1.id!),\"personId\":\(huge)}",
                "\(s1.id!),\"personId\":-1}",
                "\(s1.id!),\"personId\":999999}", "[]}", "null}",
            ] {
                calls.append((.POST, "/api/v1/accounts", create + tail))
            }
            for (method, path, body) in calls {
                let res = try await admin.api(method, path, raw: body)
                #expect(
                    (400..<500).contains(res.status.code),
                    "\(method) \(path) \(body ?? "") answered \(res.status): \(res.body.string)")
                #expect(
                    res.errorCode != nil && res.errorMessage?.isEmpty == false,
                    "\(method) \(path) \(body ?? "") gave no error body")
            }
            #expect(try await state() == before)

            // Sharing twice changes nothing the second time.
            #expect(
                try await admin.api(.POST, "/api/v1/accounts/\(w)/shares", json: ["orgNodeId": s2.id!]).status == .ok)
            let once = try await state()
            #expect(
                try await admin.api(.POST, "/api/v1/accounts/\(w)/shares", json: ["orgNodeId": s2.id!]).status == .ok)
            #expect(try await state() == once)
            #expect(try await ScopeShare.query(on: app.db).filter(\.$userID == w).count() == 1)
            // So does sharing the same node many times at once.
            let s1c1 = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await admin.api(.POST, "/api/v1/accounts/\(w)/shares", json: ["orgNodeId": s1c1.id!])
                            .status
                            .code
                    }
                }
                var all: [UInt] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(statuses.allSatisfy { $0 == 200 }, "concurrent shares answered \(statuses)")
            #expect(
                try await ScopeShare.query(on: app.db).filter(\.$userID == w).filter(\.$orgNodeID == s1c1.id!).count()
                    == 1)
            #expect(try await AuditEntry.query(on: app.db).count() == Int(once[1])! + 1)
        }
    }

    @Test func aNodeSentForAShareIsCheckedAgainstTheAdministratorsScope() async throws {
        try await withTestApp { app in
            // An organisation-department administrator of one street.
            let admin = try await Client.api(app, as: "admin")
            let s1 = try await Fixtures.node(app, code: "QH-S1")
            let created = try await admin.api(
                .POST, "/api/v1/accounts",
                json: [
                    "username": "streetadmin", "displayName": "街道管理员", "role": "orgDepartmentAdmin",
                    "orgNodeId": s1.id!, "password": "Street-2026-x",
                ])
            #expect(created.status == .created)
            let streetAdmin = try await Client.api(app, as: "streetadmin", password: "Street-2026-x")
            let worker = try await Fixtures.user(app, "worker")
            let sec2 = try await Fixtures.user(app, "secretary2")
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let district = try await Fixtures.node(app, code: "QH")
            let shares = try await ScopeShare.query(on: app.db).count()
            let logged = try await Fixtures.accessLog(app, .forbiddenChange).count
            for node in [s2.id!, district.id!] {
                let res = try await streetAdmin.api(
                    .POST, "/api/v1/accounts/\(worker.id!)/shares", json: ["orgNodeId": node])
                #expect(res.status == .forbidden)
            }
            #expect(
                try await streetAdmin.api(.POST, "/api/v1/accounts/\(worker.id!)/shares", json: ["orgNodeId": 999_999])
                    .status == .notFound)
            // An account of the other street is not there to read, and not there to change.
            #expect(try await streetAdmin.api(.GET, "/api/v1/accounts/\(sec2.id!)").status == .notFound)
            #expect(try await streetAdmin.api(.POST, "/api/v1/accounts/\(sec2.id!)/unlock").status == .forbidden)
            #expect(try await ScopeShare.query(on: app.db).count() == shares)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == logged + 3)
            // Inside its street it shares as before.
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            #expect(
                try await streetAdmin.api(
                    .POST, "/api/v1/accounts/\(worker.id!)/shares", json: ["orgNodeId": grid.id!]
                )
                .status == .ok)
        }
    }
}
