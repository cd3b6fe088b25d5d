import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F11 points and the points shop")
struct PointsTests {
    static func counts(_ app: Application) async throws -> [Int] {
        [
            try await PointsMovement.query(on: app.db).count(), try await PointsRedemption.query(on: app.db).count(),
            try await PointsGood.query(on: app.db).all().reduce(0) { $0 + $1.stock },
        ]
    }

    static func residentPerson(_ app: Application) async throws -> Int {
        try #require(try await Fixtures.user(app, "resident").personID)
    }

    /// The first community's shop (the secretary's), and a good there the resident can afford.
    static func shopOfC1(_ app: Application) async throws -> PointsShop {
        let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
        return try #require(try await PointsShop.query(on: app.db).filter(\.$orgNodeID == c1.id!).first())
    }

    static func newGood(
        _ app: Application, price: Int, stock: Int, limit: Int? = nil, period: String = "overall"
    ) async throws -> Int {
        let shop = try await shopOfC1(app)
        let desk = try await Client.api(app, as: "secretary")
        var body: [String: Any] = ["name": "测试商品", "price": price, "stock": stock, "limitPeriod": period]
        if let limit { body["limitPerPerson"] = limit }
        let res = try await desk.api(.POST, "/api/v1/points/shops/\(shop.id!)/goods", json: body)
        #expect(res.status == .created, "\(res.body.string)")
        return try #require(try res.json()["id"] as? Int)
    }

    // MARK: The resident's shop

    /// The resident sees a balance that is the sum of their movements, redeems a good (stock and points taken in
    /// one go, a pick-up code), and the shop's staff hand it over against the code.
    @Test func residentRedeemsAndStaffHandOver() async throws {
        try await withTestApp { app in
            let person = try await Self.residentPerson(app)
            let resident = try await Client.api(app, as: "resident")
            let me = try await resident.api(.GET, "/api/v1/points/me").json()
            let balance = try #require(me["balance"] as? Int)
            let sum = try await PointsMovement.query(on: app.db).filter(\.$personID == person).all()
                .reduce(0) { $0 + $1.amount }
            #expect(balance == sum && balance > 0, "the balance is the sum of the movements")
            let shops = try await resident.api(.GET, "/api/v1/points/shops").jsonArray()
            #expect(shops.count >= 2, "the community's shop and the street's")
            let goods = shops.flatMap { $0["goods"] as? [[String: Any]] ?? [] }
            let good = try #require(
                goods.filter { ($0["price"] as? Int ?? .max) <= balance && ($0["stock"] as? Int ?? 0) > 0 }.first)
            let goodID = try #require(good["id"] as? Int)
            let price = try #require(good["price"] as? Int)
            let stock = try #require(good["stock"] as? Int)
            let res = try await resident.api(.POST, "/api/v1/points/goods/\(goodID)/redeem", json: ["quantity": 1])
            #expect(res.status == .created, "\(res.body.string)")
            let r = try res.json()
            let code = try #require(r["code"] as? String)
            #expect(code.count == 8 && r["state"] as? String == "pending")
            let after = try await resident.api(.GET, "/api/v1/points/me").json()
            #expect(after["balance"] as? Int == balance - price)
            #expect(try await PointsGood.find(goodID, on: app.db)?.stock == stock - 1)
            let id = try #require(r["id"] as? Int)
            let mine = try await resident.api(.GET, "/api/v1/points/redemptions").jsonArray()
            #expect(mine.contains { $0["id"] as? Int == id } && mine.allSatisfy { $0["personId"] as? Int == person })
            // The secretary hands it over: a wrong code is refused, the right one done, a second time a 409.
            let desk = try await Client.api(app, as: "secretary")
            let wrong = try await desk.api(
                .POST, "/api/v1/points/redemptions/\(id)/hand-over", json: ["code": "XXXXXXXX"])
            #expect(wrong.status == .unprocessableEntity && wrong.errorMessage?.contains("取货码不正确") == true)
            let done = try await desk.api(.POST, "/api/v1/points/redemptions/\(id)/hand-over", json: ["code": code])
            let doneState = try done.json()["state"] as? String
            #expect(done.status == .ok && doneState == "handedOver")
            let again = try await desk.api(.POST, "/api/v1/points/redemptions/\(id)/hand-over", json: ["code": code])
            #expect(again.status == .conflict)
            // A handed-over redemption is not cancelled.
            #expect(
                try await resident.api(.POST, "/api/v1/points/redemptions/\(id)/cancel", json: [String: Any]()).status
                    == .conflict)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "points_redemption").count() >= 2)
        }
    }

    /// A redemption is handed over by its shop's staff: at the street's shop, the street's, not the community's
    /// secretary, who sees the resident's redemption but does not keep that shop.
    @Test func theShopsStaffHandOver() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let balance = try #require(try await resident.api(.GET, "/api/v1/points/me").json()["balance"] as? Int)
            let shops = try await resident.api(.GET, "/api/v1/points/shops").jsonArray()
            let street = try #require(shops.first { ($0["name"] as? String)?.contains("街道店") == true })
            let good = try #require(
                (street["goods"] as? [[String: Any]] ?? []).first {
                    ($0["price"] as? Int ?? .max) <= balance && ($0["stock"] as? Int ?? 0) > 0
                })
            let res = try await resident.api(
                .POST, "/api/v1/points/goods/\(try #require(good["id"] as? Int))/redeem", json: ["quantity": 1])
            #expect(res.status == .created, "\(res.body.string)")
            let id = try #require(try res.json()["id"] as? Int)
            let code = try #require(try res.json()["code"] as? String)
            let secretary = try await Client.api(app, as: "secretary")
            let seen = try await secretary.api(.GET, "/api/v1/points/redemptions").jsonArray()
            #expect(seen.contains { $0["id"] as? Int == id }, "kept where the person is, so the secretary sees it")
            let refused = try await secretary.api(
                .POST, "/api/v1/points/redemptions/\(id)/hand-over", json: ["code": code])
            #expect(refused.status == .forbidden)
            let page = try await Client.page(app, as: "secretary").get("/points/redemptions").body.string
            #expect(!page.contains("id=\"hand-over-\(id)\""))
            let done = try await Client.api(app, as: "street").api(
                .POST, "/api/v1/points/redemptions/\(id)/hand-over", json: ["code": code])
            #expect(done.status == .ok, "\(done.body.string)")
        }
    }

    /// Beyond the balance, the stock or the per-person limit: a 409 in the user's language, nothing saved; a
    /// cancellation gives back the stock and the points as a new movement.
    @Test func redemptionsBeyondBalanceStockOrLimitAreRefused() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let balance = try #require(try await resident.api(.GET, "/api/v1/points/me").json()["balance"] as? Int)
            let dear = try await Self.newGood(app, price: balance + 1, stock: 5)
            let none = try await Self.newGood(app, price: 1, stock: 0)
            let limited = try await Self.newGood(app, price: 1, stock: 10, limit: 1, period: "month")
            let before = try await Self.counts(app)
            let tooDear = try await resident.api(.POST, "/api/v1/points/goods/\(dear)/redeem", json: ["quantity": 1])
            #expect(tooDear.status == .conflict && tooDear.errorMessage?.contains("积分不足") == true)
            resident.language = "en"
            let tooDearEn = try await resident.api(.POST, "/api/v1/points/goods/\(dear)/redeem", json: [String: Any]())
            #expect(tooDearEn.errorMessage?.contains("Not enough points") == true)
            let soldOut = try await resident.api(.POST, "/api/v1/points/goods/\(none)/redeem", json: ["quantity": 1])
            #expect(soldOut.status == .conflict && soldOut.errorMessage?.contains("Not enough in stock") == true)
            let zero = try await resident.api(.POST, "/api/v1/points/goods/\(limited)/redeem", json: ["quantity": 0])
            #expect(zero.status == .unprocessableEntity)
            #expect(try await Self.counts(app) == before, "nothing saved")
            let first = try await resident.api(.POST, "/api/v1/points/goods/\(limited)/redeem", json: ["quantity": 1])
            #expect(first.status == .created)
            let second = try await resident.api(.POST, "/api/v1/points/goods/\(limited)/redeem", json: ["quantity": 1])
            #expect(second.status == .conflict && second.errorMessage?.contains("limit per person") == true)
            // Cancelled before hand-over: stock and points back, as a refund movement that names the debit.
            let id = try #require(try first.json()["id"] as? Int)
            let b1 = try #require(try await resident.api(.GET, "/api/v1/points/me").json()["balance"] as? Int)
            let cancelled = try await resident.api(
                .POST, "/api/v1/points/redemptions/\(id)/cancel", json: ["reason": "不需要了"])
            #expect(cancelled.status == .ok)
            #expect(try await resident.api(.GET, "/api/v1/points/me").json()["balance"] as? Int == b1 + 1)
            #expect(try await PointsGood.find(limited, on: app.db)?.stock == 10)
            let refund = try await PointsMovement.query(on: app.db).filter(\.$source == "refund")
                .filter(\.$redemptionID == id).first()
            let r = try await PointsRedemption.find(id, on: app.db)
            #expect(refund?.amount == 1 && refund?.reversesID == r?.movementID)
            // After the cancellation the limit allows one again.
            #expect(
                try await resident.api(.POST, "/api/v1/points/goods/\(limited)/redeem", json: [String: Any]()).status
                    == .created)
        }
    }

    /// Two redemptions of the last one in stock at the same time: one gets it.
    @Test func concurrentRedemptionsNeverOversell() async throws {
        try await withTestApp { app in
            let good = try await Self.newGood(app, price: 1, stock: 1)
            let resident = try await Client.api(app, as: "resident")
            let member = try await Client.api(app, as: "member")
            async let a = resident.api(.POST, "/api/v1/points/goods/\(good)/redeem", json: ["quantity": 1])
            async let b = member.api(.POST, "/api/v1/points/goods/\(good)/redeem", json: ["quantity": 1])
            async let c = resident.api(.POST, "/api/v1/points/goods/\(good)/redeem", json: ["quantity": 1])
            let statuses = try await [a.status, b.status, c.status]
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 2)
            #expect(try await PointsGood.find(good, on: app.db)?.stock == 0)
            #expect(try await PointsRedemption.query(on: app.db).filter(\.$goodID == good).count() == 1)
        }
    }

    // MARK: Manual entries

    /// An award or a correction names an approver: never missing, never the beneficiary, never the recorder; a
    /// correction never takes the balance below zero. Each refusal is a 422 and saves nothing.
    @Test func manualEntriesNeedAnApproverWhoIsNotTheBeneficiary() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let desk = try await Client.api(app, as: "secretary")
            let worker = try await Fixtures.user(app, "worker")
            let secretary = try await Fixtures.user(app, "secretary")
            let path = "/api/v1/points/people/\(person.id!)/movements"
            let before = try await Self.counts(app)
            let noApprover = try await desk.api(.POST, path, json: ["kind": "manual", "amount": 50, "note": "巡逻"])
            #expect(noApprover.status == .unprocessableEntity)
            #expect(noApprover.errorMessage?.contains("审批人") == true)
            let selfApprover = try await desk.api(
                .POST, path, json: ["kind": "manual", "amount": 50, "note": "巡逻", "approverUserId": secretary.id!])
            #expect(selfApprover.status == .unprocessableEntity)
            // The worker's account stands for the person: then the worker cannot approve their own points.
            worker.personID = person.id
            try await worker.save(on: app.db)
            let beneficiary = try await desk.api(
                .POST, path, json: ["kind": "manual", "amount": 50, "note": "巡逻", "approverUserId": worker.id!])
            #expect(beneficiary.status == .unprocessableEntity)
            #expect(beneficiary.errorMessage?.contains("审批人不能是受益人本人") == true)
            worker.personID = nil
            try await worker.save(on: app.db)
            let negativeAward = try await desk.api(
                .POST, path, json: ["kind": "manual", "amount": -5, "note": "x", "approverUserId": worker.id!])
            #expect(negativeAward.status == .unprocessableEntity)
            let balance = try #require(
                try await desk.api(.GET, "/api/v1/points/people/\(person.id!)").json()["balance"] as? Int)
            let tooMuch = try await desk.api(
                .POST, path,
                json: ["kind": "correction", "amount": -(balance + 1), "note": "更正", "approverUserId": worker.id!])
            #expect(tooMuch.status == .unprocessableEntity && tooMuch.errorMessage?.contains("余额不足") == true)
            #expect(try await Self.counts(app) == before, "nothing saved")
            // An award with an approver waits for them; approved, it is a new movement naming recorder and
            // approver, audited.
            let ok = try await desk.api(
                .POST, path, json: ["kind": "manual", "amount": 50, "note": "巡逻", "approverUserId": worker.id!])
            #expect(ok.status == .accepted, "\(ok.body.string)")
            let pending = try #require(try ok.json()["id"] as? Int)
            #expect(try await Self.counts(app) == before, "nothing counts before approval")
            let approver = try await Client.api(app, as: "worker")
            let approved = try await approver.api(.POST, ApprovalsRoute.apiApprove(.value(pending)))
            #expect(approved.status == .ok, "\(approved.body.string)")
            let m = try #require(try await PointsMovement.query(on: app.db).sort(\.$id, .descending).first())
            #expect(m.amount == 50 && m.approverUserID == worker.id && m.recordedBy == secretary.id)
            let after = try await desk.api(.GET, "/api/v1/points/people/\(person.id!)").json()
            #expect(after["balance"] as? Int == balance + 50)
            // A correction down to zero is fine.
            let down = try await desk.api(
                .POST, path,
                json: ["kind": "correction", "amount": -(balance + 50), "note": "更正", "approverUserId": worker.id!])
            #expect(down.status == .accepted)
            let downID = try #require(try down.json()["id"] as? Int)
            #expect(try await approver.api(.POST, ApprovalsRoute.apiApprove(.value(downID))).status == .ok)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "points_movement").count() == 2)
            // The ledger refuses edits and deletions in the database itself.
            let row = try #require(try await PointsMovement.query(on: app.db).sort(\.$id, .descending).first())
            row.amount = 1_000
            await #expect(throws: (any Error).self) { try await row.save(on: app.db) }
            await #expect(throws: (any Error).self) { try await row.delete(on: app.db) }
        }
    }

    // MARK: Scope

    /// Ids of people, shops, goods and redemptions outside the caller's scope: a read is a 404, a change a 403,
    /// both logged, nothing changed.
    @Test func idsOutsideTheScopeAreRefused() async throws {
        try await withTestApp { app in
            let outsider = try await Fixtures.personOutOfScope(app)
            let desk = try await Client.api(app, as: "secretary2")
            let inside = try await Fixtures.personInScope(app)
            let worker = try await Fixtures.user(app, "worker")
            let shop = try await Self.shopOfC1(app)
            let good = try #require(try await PointsGood.query(on: app.db).filter(\.$shopID == shop.id!).first())
            let before = try await Self.counts(app)
            #expect(try await desk.api(.GET, "/api/v1/points/people/\(inside.id!)").status == .notFound)
            #expect(
                try await desk.api(
                    .POST, "/api/v1/points/people/\(inside.id!)/movements",
                    json: ["amount": 5, "note": "x", "approverUserId": worker.id!]
                ).status == .forbidden)
            #expect(try await desk.api(.GET, "/api/v1/points/shops/\(shop.id!)").status == .notFound)
            #expect(try await desk.api(.GET, "/api/v1/points/goods/\(good.id!)").status == .notFound)
            #expect(
                try await desk.api(.POST, "/api/v1/points/goods/\(good.id!)/restock", json: ["quantity": 5]).status
                    == .forbidden)
            // An approver outside the scope answers as an unknown one.
            let mine = try await Client.api(app, as: "secretary")
            let s2 = try await Fixtures.user(app, "secretary2")
            let far = try await mine.api(
                .POST, "/api/v1/points/people/\(inside.id!)/movements",
                json: ["amount": 5, "note": "x", "approverUserId": s2.id!])
            let unknown = try await mine.api(
                .POST, "/api/v1/points/people/\(inside.id!)/movements",
                json: ["amount": 5, "note": "x", "approverUserId": 999_999])
            #expect(far.status == unknown.status && far.errorMessage == unknown.errorMessage)
            #expect(far.status == .unprocessableEntity && far.errorCode == unknown.errorCode)
            // A resident redeems only in the shops where they live: not in another street's.
            let admin = try await Client.api(app, as: "admin")
            let street2 = try await Fixtures.node(app, code: "QH-S2")
            let far2 = try await admin.api(
                .POST, "/api/v1/points/shops", json: ["nodeId": street2.id!, "name": "云岭店"])
            #expect(far2.status == .created, "\(far2.body.string)")
            let farShop = try #require(try far2.json()["id"] as? Int)
            let farGood = try await admin.api(
                .POST, "/api/v1/points/shops/\(farShop)/goods", json: ["name": "毛巾", "price": 1, "stock": 5])
            let farGoodID = try #require(try farGood.json()["id"] as? Int)
            let counted = try await Self.counts(app)
            let resident = try await Client.api(app, as: "resident")
            // A resident may read no one's points but their own (the permission's logged 403).
            #expect(try await resident.api(.GET, "/api/v1/points/people/\(outsider.id!)").status == .forbidden)
            #expect(
                try await resident.api(
                    .POST, "/api/v1/points/people/\(outsider.id!)/movements", json: ["amount": 5]
                ).status == .forbidden)
            #expect(
                try await resident.api(.POST, "/api/v1/points/goods/\(farGoodID)/redeem", json: ["quantity": 1]).status
                    == .forbidden)
            #expect(try await resident.api(.GET, "/api/v1/points/shops/\(farShop)").status == .notFound)
            #expect(try await Self.counts(app) == counted)
            _ = before
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count >= 3)
        }
    }

    // MARK: Figures, exports, settings, pages

    /// Each figure is the sum of the list it opens.
    @Test func figuresAreTheSumsOfTheirLists() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "street")
            let from = app.clock.today.adding(days: -400).description
            let to = app.clock.today.description
            let f = try await desk.api(.GET, "/api/v1/points/figures?from=\(from)&to=\(to)").json()
            let rows = try #require(f["communities"] as? [[String: Any]])
            let total = try #require(f["total"] as? [String: Any])
            #expect(rows.count > 1 && (total["issued"] as? Int ?? 0) > 0)
            for figure in PointsFigure.allCases {
                // Every page of the list, as a client walks it by its Link header.
                var sum = 0
                var next: String? = PointsRoute.apiMovements.query([
                    ("figure", figure.rawValue), ("from", from), ("to", to), ("per", "200"),
                ]).description
                while let url = next {
                    let page = try await desk.api(.GET, url)
                    sum += try page.jsonArray().reduce(0) { $0 + ($1["amount"] as? Int ?? 0) }
                    next = page.headers.first(name: "Link").flatMap { link in
                        link.split(separator: ",").first { $0.contains("rel=\"next\"") }
                            .flatMap { $0.split(separator: "<").last?.split(separator: ">").first.map(String.init) }
                    }
                }
                #expect(abs(sum) == total[figure.rawValue] as? Int, "\(figure)")
                #expect(
                    rows.reduce(0) { $0 + ($1[figure.rawValue] as? Int ?? 0) } <= (total[figure.rawValue] as? Int ?? 0)
                )
            }
            #expect((total["expired"] as? Int ?? 0) > 0, "the demo has expired points")
            // CSV exports.
            let csv = try await desk.api(.GET, "/api/v1/points/movements/export.csv?figure=spent")
            #expect(csv.status == .ok && csv.headers.contentType?.description.contains("text/csv") == true)
            #expect(csv.body.string.contains("来源"))
            let rcsv = try await desk.api(.GET, "/api/v1/points/redemptions/export.csv")
            #expect(rcsv.status == .ok && rcsv.body.string.contains("取货码"))
            #expect(
                try await Client.api(app, as: "resident").api(.GET, "/api/v1/points/movements/export.csv")
                    .status == .forbidden)
        }
    }

    /// The expiry period: district administrators change it (audited), others are refused; out of range is a 422.
    @Test func expirySettingIsTheDistrictsAndAudited() async throws {
        try await withTestApp { app in
            let desk = try await Client.api(app, as: "secretary")
            #expect(try await desk.api(.GET, "/api/v1/points/settings").json()["expiryMonths"] as? Int == 24)
            #expect(
                try await desk.api(.PUT, "/api/v1/points/settings", json: ["expiryMonths": 12]).status == .forbidden)
            let admin = try await Client.api(app, as: "admin")
            #expect(
                try await admin.api(.PUT, "/api/v1/points/settings", json: ["expiryMonths": 0]).status
                    == .unprocessableEntity)
            let ok = try await admin.api(.PUT, "/api/v1/points/settings", json: ["expiryMonths": 12])
            let months = try ok.json()["expiryMonths"] as? Int
            #expect(ok.status == .ok && months == 12)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "points_settings").count() == 1)
            // With a shorter period the resident's oldest points expire when the balance is next shown.
            let resident = try await Client.api(app, as: "resident")
            let me = try await resident.api(.GET, "/api/v1/points/me").json()
            let person = try await Self.residentPerson(app)
            let sum = try await PointsMovement.query(on: app.db).filter(\.$personID == person).all()
                .reduce(0) { $0 + $1.amount }
            #expect(me["balance"] as? Int == sum)
            let page = try await Client.page(app, as: "admin")
            #expect(try await page.get("/points/settings").body.string.contains("points-settings"))
        }
    }

    /// The pages: the resident's balance, shop and redemptions on the phone (a redemption by the form), the
    /// desk's figures, ledger, shops and redemptions.
    @Test func pagesForThePhoneAndTheDesk() async throws {
        try await withTestApp { app in
            let phone = try await Client.page(app, as: "resident")
            let home = try await phone.get("/points")
            #expect(home.status == .ok && home.body.string.contains("points-balance-value"))
            let shop = try await phone.get("/points/shop")
            #expect(shop.status == .ok && shop.body.string.contains("data-good"))
            let good = try #require(
                try await PointsGood.query(on: app.db).filter(\.$price <= 30).filter(\.$stock > 0).all()
                    .first { g in shop.body.string.contains("redeem-\(g.id!)\"") })
            let res = try await phone.post("/points/shop/goods/\(good.id!)/redeem", [("quantity", "1")])
            #expect(res.status == .seeOther)
            let mine = try await phone.get("/points/redemptions")
            let r = try #require(
                try await PointsRedemption.query(on: app.db).filter(\.$goodID == good.id!)
                    .sort(\.$id, .descending).first())
            #expect(mine.body.string.contains(r.code))
            let desk = try await Client.page(app, as: "secretary")
            for path in [
                "/points", "/points?q=\(Client.encode("张"))", "/points/ledger?figure=issued", "/points/shops",
                "/points/shops/\(r.shopID)", "/points/redemptions?state=pending", "/points/people/\(r.personID)",
                "/points/settings",
            ] {
                let p = try await desk.get(path)
                #expect(p.status == .ok, "\(path) answered \(p.status)")
            }
            let wrong = try await desk.post("/points/redemptions/\(r.id!)/hand-over", [("code", "nope")])
            #expect(wrong.status == .unprocessableEntity)
            let handed = try await desk.post("/points/redemptions/\(r.id!)/hand-over", [("code", r.code.lowercased())])
            #expect(handed.status == .seeOther)
            #expect(try await PointsRedemption.find(r.id!, on: app.db)?.state == .handedOver)
        }
    }

    /// Accrual from posts kept is idempotent: running it again adds nothing.
    @Test func accrualRunsTwiceAddNothing() async throws {
        try await withTestApp { app in
            let n = try await PointsMovement.query(on: app.db).filter(\.$source == "postsKept").count()
            #expect(n > 0, "the demo's posts kept earned points")
            try await PointsAccrualRun.sweep(on: app.db, now: app.clock.now)
            try await PointsAccrualRun.sweep(on: app.db, now: app.clock.now)
            #expect(try await PointsMovement.query(on: app.db).filter(\.$source == "postsKept").count() == n)
            let member = try #require(try await Fixtures.user(app, "member").personID)
            let published = try await PointsQueries.balance(personID: member, db: app.db)
            let sum = try await PointsMovement.query(on: app.db).filter(\.$personID == member).all()
                .reduce(0) { $0 + $1.amount }
            #expect(published == sum && published > 0)
            let moves = try await PointsQueries.movements(
                personIDs: [member], from: .distantPast, to: .distantFuture, db: app.db)
            #expect(moves.reduce(0) { $0 + $1.amount } == sum)
            _ = try await PointsQueries.redemptions(personIDs: [member], db: app.db)
        }
    }
}
