import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("The residents' door: sign-up, the public community page, me too")
struct ResidentsDoorTests {
    let password = "Door#2026pass"

    /// Gives the app a recording gateway so sign-up is available.
    func gateway(_ app: Application) {
        app.storage[WebhookConfigKey.self] = WebhookConfig(url: "http://sms.example/hook", send: { _, _, _ in })
    }

    func outbox(_ app: Application) async throws -> [[String: Any]] {
        try await WebhookDelivery.query(on: app.db).sort(\.$id).all().compactMap {
            try JSONSerialization.jsonObject(with: Data($0.payload.utf8)) as? [String: Any]
        }
    }

    func ticketIn(_ html: String) -> String? {
        guard let r = html.range(of: "name=\"ticket\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func start(_ c: Client, phone: String, community: Int, name: String = "张三")
        async throws -> TestingHTTPResponse
    {
        try await c.post(
            "/signup", [("phone", phone), ("name", name), ("communityId", String(community)), ("password", password)])
    }

    func community(_ app: Application) async throws -> Int {
        try #require(try await SignUpService.communities(on: app.db).first?.id)
    }

    @Test func signUpWithACodeFromTheGateway() async throws {
        try await withTestApp { app in
            gateway(app)
            let cid = try await community(app)
            let c = Client(app)
            #expect(try await c.get("/login").body.string.contains("id=\"signup-link\""))
            #expect(try await c.get("/signup").status == .ok)
            // Not a mainland mobile number: refused in the user's language, nothing sent.
            let bad = try await start(c, phone: "12345678901", community: cid)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("手机号"))
            #expect(try await outbox(app).isEmpty)
            // Without the CSRF token nothing happens.
            let noCSRF = try await c.post(
                "/signup",
                [("phone", "13812345678"), ("name", "张三"), ("communityId", String(cid)), ("password", password)],
                csrf: false)
            #expect(noCSRF.status != .ok)
            #expect(try await outbox(app).isEmpty)

            let sent = try await start(c, phone: "13812345678", community: cid)
            #expect(sent.status == .ok)
            #expect(sent.body.string.contains("id=\"signup-sent\""))
            let ticket = try #require(ticketIn(sent.body.string))
            let message = try #require(try await outbox(app).last)
            #expect(message["type"] as? String == "signupCode")
            let code = try #require(message["code"] as? String)
            #expect(code.count == 6)
            // Only hashes are kept.
            let row = try #require(try await SignUpRequest.query(on: app.db).first())
            #expect(row.codeHash != code && !row.ticketHash.contains(ticket))

            let wrongCode = code == "000000" ? "111111" : "000000"
            let wrong = try await c.post("/signup/confirm", [("ticket", ticket), ("code", wrongCode)])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$phone == "13812345678").count() == 0)

            let done = try await c.post("/signup/confirm", [("ticket", ticket), ("code", code)])
            #expect(done.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$phone == "13812345678").first())
            #expect(user.role == .resident && user.orgNodeID == cid && user.active)
            // The code is used up.
            #expect(
                try await c.post("/signup/confirm", [("ticket", ticket), ("code", code)]).status
                    == .unprocessableEntity)
            // The new resident signs in with the number.
            let signIn = Client(app)
            try await signIn.get("/login")
            let login = try await signIn.post(
                "/login", [("login", "13812345678"), ("password", password), ("next", "/")])
            #expect(login.status == .seeOther)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "sign_up").count()
            #expect(audited == 1)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "user").filter(\.$entityID == user.id!)
                    .count() == 1)
        }
    }

    @Test func aNumberWithAnAccountGetsTheSameAnswerAndNoCode() async throws {
        try await withTestApp { app in
            gateway(app)
            let cid = try await community(app)
            let c = Client(app)
            try await c.get("/signup")
            let fresh = try await start(c, phone: "13812340000", community: cid)
            let taken = try await start(c, phone: "13900000013", community: cid)  // the demo resident's
            #expect(fresh.status == taken.status)
            #expect(taken.body.string.contains("id=\"signup-sent\""))
            let last = try #require(try await outbox(app).last)
            #expect(last["type"] as? String == "signupExistingAccount" && last["code"] == nil)
            let ticket = try #require(ticketIn(taken.body.string))
            for guess in ["123456", "000000"] {
                #expect(
                    try await c.post("/signup/confirm", [("ticket", ticket), ("code", guess)]).status
                        == .unprocessableEntity)
            }
            #expect(try await User.query(on: app.db).filter(\.$phone == "13900000013").count() == 1)
        }
    }

    @Test func fiveTriesAndThreeCodesAnHour() async throws {
        try await withTestApp { app in
            gateway(app)
            let cid = try await community(app)
            let c = Client(app)
            c.language = "en"
            try await c.get("/signup")
            let sent = try await start(c, phone: "13712345678", community: cid)
            let ticket = try #require(ticketIn(sent.body.string))
            let code = try #require(try await outbox(app).last?["code"] as? String)
            let wrongCode = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 { try await c.post("/signup/confirm", [("ticket", ticket), ("code", wrongCode)]) }
            // The sixth try fails even with the right code.
            #expect(
                try await c.post("/signup/confirm", [("ticket", ticket), ("code", code)]).status
                    == .unprocessableEntity)
            #expect(try await User.query(on: app.db).filter(\.$phone == "13712345678").count() == 0)
            #expect(try await start(c, phone: "13712345678", community: cid).status == .ok)
            #expect(try await start(c, phone: "13712345678", community: cid).status == .ok)
            let limited = try await start(c, phone: "13712345678", community: cid)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.body.string.contains("Too many codes"))
        }
    }

    func publicRequest(_ app: Application) async throws -> (id: Int, code: String, number: String) {
        let resident = try await Client.api(app, as: "resident")
        let id = try await RequestsTests.raise(resident, text: "楼道灯坏了，请联系李华 13811112222")
        let r = try #require(try await ServiceRequest.find(id, on: app.db))
        let node = try #require(try await OrgNode.find(r.communityNodeID, on: app.db))
        return (id, node.code, r.number)
    }

    @Test func publicPageWithoutSigningIn() async throws {
        try await withTestApp { app in
            let (_, code, number) = try await publicRequest(app)
            let c = Client(app)
            #expect(try await c.get("/login").body.string.contains("id=\"public-link\""))
            #expect(try await c.get("/c").body.string.contains("/c/\(code)"))
            let page = try await c.get("/c/\(code)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(
                html.contains(number) && html.contains("id=\"public-requests\"") && html.contains("id=\"public-map\""))
            #expect(!html.contains("13811112222") && !html.contains("13900000013") && !html.contains("李华"))
            #expect(!html.contains("楼道灯坏了"))
            // 网格员公示: the demo grid worker with the work number on their account.
            #expect(html.contains("id=\"grid-workers\"") && html.contains("陈刚") && html.contains("13900000007"))
            #expect(html.contains("id=\"one-stop\"") && html.contains("/signup"))
            let timeline = try await c.get("/c/\(code)/requests/\(number)")
            #expect(timeline.status == .ok)
            let t = timeline.body.string
            #expect(t.contains("id=\"public-timeline\"") && !t.contains("李华") && !t.contains("13811112222"))
            #expect(!t.contains("id=\"me-too\""))
            #expect(try await c.get("/c/\(code)/requests/GZ999999").status == .notFound)
            #expect(try await c.get("/c/no-such-community").status == .notFound)
        }
    }

    @Test func meTooIsCountedOnceAndNotified() async throws {
        try await withTestApp { app in
            let (id, code, number) = try await publicRequest(app)
            let member = try await Client.page(app, as: "member")
            let before = try await member.get("/c/\(code)/requests/\(number)")
            #expect(before.body.string.contains("id=\"me-too\""))
            #expect(try await member.post("/requests/\(id)/me-too").status == .seeOther)
            #expect(try await member.post("/requests/\(id)/me-too").status == .conflict)
            // Staff are not residents: a logged 403.
            let worker = try await Client.page(app, as: "gridworker")
            #expect(try await worker.post("/requests/\(id)/me-too").status == .forbidden)
            #expect(try await RequestSupporter.query(on: app.db).filter(\.$requestID == id).count() == 1)
            let after = try await Client(app).get("/c/\(code)/requests/\(number)").body.string
            #expect(after.contains("同求 1 人"))
            let listed = try await Client.api(app, as: "member").api(.GET, "/api/v1/requests/public").jsonArray()
            #expect(listed.first { $0["number"] as? String == number }?["supporters"] as? Int == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "request_support").count() == 1)
            // The member is told of the next step like the reporter.
            _ = try await RequestsTests.act(try await Client.api(app, as: "gridworker"), id, "take")
            let memberID = try await Fixtures.user(app, "member").id!
            let told = try await AppNotification.query(on: app.db).filter(\.$userID == memberID)
                .filter(\.$requestID == id).all()
            #expect(told.map(\.action) == [.take])
        }
    }
}
