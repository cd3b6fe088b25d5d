import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi
@testable import GongzhiCore

/// What every capability gets from the platform: a refused form comes back as it was sent, with each problem
/// beside its field and its placeholders filled; text with control characters or direction overrides is refused
/// at the edge, on pages and in the API, on both engines (PostgreSQL would refuse NUL with a 500).
@Suite("Platform: forms that keep what was typed, one rule for text")
struct FormsAndTextTests {
    static let bidi = "\u{202E}"

    @Test func aRefusedFormComesBackWithEverythingTyped() throws {
        let page = """
            <form method="get" action="/lists"><input name="q" value=""></form>
            <form method="post" action="/lists/resources">\
            <input type="hidden" name="_csrf" value="fresh">\
            <input name="title" required maxlength="100">\
            <textarea name="text"></textarea>\
            <select name="category"><option value="health" selected>健康</option>\
            <option value="venue">场地</option></select>\
            <input type="checkbox" name="public" value="1" checked>\
            <input type="radio" name="kind" value="a"><input type="radio" name="kind" value="b">\
            <input type="password" name="password">\
            <button>提交</button></form>
            """
        let sent: [(String, String)] = [
            ("_csrf", "stale"), ("title", "活动室 \"A\" <1>"), ("text", "每周三\n开放"), ("category", "venue"),
            ("kind", "b"), ("password", "secret"), ("needId", "7"), ("q", "不应出现"),
        ]
        let out = FormRefill.apply(
            page, action: "/lists/resources", sent: sent, problems: ["title": "标题有误", "needId": "需求无效"],
            keep: ["_csrf"])
        #expect(out.contains("<input name=\"q\" value=\"\">"), "a form posting elsewhere is left alone")
        #expect(out.contains("name=\"_csrf\" value=\"fresh\""), "the page's new token stays")
        #expect(out.contains("value=\"活动室 &quot;A&quot; &lt;1&gt;\""))
        #expect(out.contains("<textarea name=\"text\">每周三\n开放</textarea>"))
        #expect(out.contains("<option value=\"venue\" selected>"))
        #expect(out.contains("<option value=\"health\">"), "the printed default is no longer chosen")
        #expect(!out.contains("name=\"public\" value=\"1\" checked"), "a box left unticked comes back unticked")
        #expect(out.contains("value=\"b\" checked"))
        #expect(!out.contains("secret"), "a password is never printed")
        #expect(out.contains("<input type=\"hidden\" name=\"needId\" value=\"7\">"), "a link the form lacks goes back")
        #expect(out.contains("aria-invalid=\"true\" aria-describedby=\"problem-title\""))
        #expect(out.contains("<span class=\"field-error\" id=\"problem-title\">标题有误</span>"))
        #expect(out.contains("<li>需求无效</li>"), "a hidden field's problem is listed")
        // Two forms post to one path, told apart by a hidden field: only the one that was sent is refilled, and
        // the other keeps what it printed (its button still does what it says).
        let twins = """
            <form method="post" action="/p/1/state"><input type="hidden" name="state" value="underway">\
            <input name="note"></form>\
            <form method="post" action="/p/1/state"><input type="hidden" name="state" value="cancelled">\
            <input name="note"></form>
            """
        let picked = FormRefill.apply(
            twins, action: "/p/1/state", sent: [("state", "cancelled"), ("note", "原因")], problems: [:])
        #expect(picked.contains("value=\"underway\"><input name=\"note\"></form>"))
        #expect(picked.contains("value=\"cancelled\"><input name=\"note\" value=\"原因\"></form>"))
        // The same page with no form for the action is returned as it was.
        #expect(FormRefill.apply(page, action: "/elsewhere", sent: sent, problems: [:]) == page)
    }

    /// Every person picker has a box that narrows it by name as one types.
    @Test func personPickersSearch() async throws {
        try await withTestApp { app in
            let desk = try await Client.page(app, as: "secretary")
            let hours = try await desk.get(VolunteeringRoute.hours).body.string
            #expect(hours.contains("data-filter=\"personId\"") && hours.contains("<select id=\"personId\""))
            let body = try #require(
                try await JointBody.query(on: app.db).filter(
                    \.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path
                )
                .first())
            let page = try await desk.get(JointBodiesRoute.body(.value(body.id!))).body.string
            #expect(page.contains("data-filter=\"s-person\"") && page.contains("data-filter=\"c-person\""))
        }
    }

    @Test func textWithControlOrDirectionCharactersIsRefused() {
        #expect(CleanText.problem(in: "第一行\r\n第二行\t缩进") == nil)
        #expect(CleanText.problem(in: "a\u{0}b") == .control)
        #expect(CleanText.problem(in: "a\u{1B}[31m") == .control)
        #expect(CleanText.problem(in: "a\u{85}") == .control)
        #expect(CleanText.problem(in: "invoice\u{202E}fdp.exe") == .bidi)
        #expect(CleanText.problem(in: "\u{2066}x\u{2069}") == .bidi)
        #expect(CleanText.problem(in: String(repeating: "字", count: CleanText.maxCharacters)) == nil)
        #expect(CleanText.problem(in: String(repeating: "字", count: CleanText.maxCharacters + 1)) == .tooLong)
        #expect(CleanText.removingRefused("a\u{0}b\u{202E}c\nd") == "abc\nd")
    }

    @Test func aPageFormWithBadTextComesBackRefilledAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            _ = try await c.get(ListsRoute.resources)
            let before = try await ListResource.query(on: app.db).count()
            let fields: [(String, String)] = [
                ("title", "活动室" + Self.bidi + "A"), ("text", "每周三下午开放"), ("category", "health"),
                ("capacity", "30"), ("address", "幸福路 1 号"), ("needId", "7"),
            ]
            let res = try await c.post(ListsRoute.resources, fields)
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains(">每周三下午开放</textarea>"))
            #expect(html.contains("value=\"30\""))
            #expect(html.contains("value=\"幸福路 1 号\""))
            #expect(html.contains("value=\"活动室A\""), "the hidden characters come back removed")
            #expect(!html.contains(Self.bidi))
            #expect(html.contains("id=\"problem-title\">含有改变文字方向的隐藏字符"))
            #expect(html.contains("name=\"needId\" value=\"7\""))
            #expect(try await ListResource.query(on: app.db).count() == before)

            // A number out of range: its message names the range, no placeholder shows.
            let number = try await c.post(
                ListsRoute.resources, [("title", "活动室"), ("category", "health"), ("capacity", "abc")])
            #expect(number.status == .unprocessableEntity)
            #expect(number.body.string.contains("id=\"problem-capacity\">请填写 0 到 1000000 之间的整数。"))
            #expect(!number.body.string.contains("{0}"))
            #expect(number.body.string.contains("value=\"活动室\""))
        }
    }

    @Test func theAPIRefusesBadTextNamingTheField() async throws {
        try await withTestApp { app in
            let c = try await Client.api(app, as: "secretary")
            let before = try await ListResource.query(on: app.db).count()
            for bad in ["a\u{0}b", "a\u{7}b", "a" + Self.bidi + "b"] {
                let res = try await c.api(
                    .POST, ListsRoute.apiResources, json: ["title": bad, "category": "health", "capacity": 3])
                #expect(res.status == .unprocessableEntity)
                #expect(res.errorCode == "invalid")
                let fields = try #require((try res.json()["error"] as? [String: Any])?["fields"] as? [String: String])
                #expect(fields["title"] != nil)
            }
            let long = try await c.api(
                .POST, ListsRoute.apiResources,
                json: ["title": String(repeating: "长", count: 100_000), "category": "health", "capacity": 3])
            #expect(long.status == .unprocessableEntity || long.status == .payloadTooLarge)
            let query = try await c.api(.GET, ListsRoute.apiResources.query([("q", "x" + Self.bidi)]))
            #expect(query.status == .unprocessableEntity)
            #expect(try await ListResource.query(on: app.db).count() == before)
            // A stranger with bad text learns only that they must sign in.
            let stranger = try await Client(app).api(.POST, ListsRoute.apiResources, json: ["title": "a\u{0}"])
            #expect(stranger.status == .unauthorized)
        }
    }

    @Test func aListPagesWithItsTotalAndAStableOrder() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            let route = VolunteeringRoute.apiVolunteers
            let first = try await desk.api(.GET, route.query([("per", "3")]))
            #expect(first.status == .ok)
            let total = try #require(first.headers.first(name: "X-Total-Count").flatMap(Int.init))
            #expect(total > 3, "the test demo has more volunteers than one page of three")
            #expect(first.headers.first(name: "Link")?.contains("rel=\"next\"") == true)
            var ids: [Int] = []
            for page in 1...((total + 2) / 3) {
                let res = try await desk.api(.GET, route.query([("per", "3"), ("page", String(page))]))
                ids += try res.jsonArray().compactMap { $0["id"] as? Int }
            }
            #expect(ids.count == total && Set(ids).count == total, "pages neither overlap nor skip")
            #expect(try await desk.api(.GET, route.query([("per", "0")])).status == .badRequest)
            #expect(try await desk.api(.GET, route.query([("per", "201")])).status == .badRequest)
            // The desk page states the same total.
            let page = try await Client.page(app, as: "secretary")
            let html = try await page.get(VolunteeringRoute.volunteers).body.string
            #expect(html.contains("共 \(total) 条"))
        }
    }

    @Test func guessingCodesIsLimitedPerAccount() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            for n in 1...CodeGuesses.perAccount {
                let res = try await resident.api(
                    .POST, VolunteeringRoute.apiRedeem, json: ["code": String(format: "%06d", 900_000 + n)])
                #expect(res.status == .unprocessableEntity, "guess \(n)")
            }
            let limited = try await resident.api(.POST, VolunteeringRoute.apiRedeem, json: ["code": "900999"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.errorCode == "too_many_requests")
            // Another account is not held back by this one's guesses; the window moves on with the clock.
            let member = try await Client.api(app, as: "member")
            let other = try await member.api(.POST, VolunteeringRoute.apiRedeem, json: ["code": "900998"])
            #expect(other.status == .unprocessableEntity)
            app.movableTime!.advance(by: CodeGuesses.window + 1)
            let later = try await resident.api(.POST, VolunteeringRoute.apiRedeem, json: ["code": "900997"])
            #expect(later.status == .unprocessableEntity)
        }
    }
}
