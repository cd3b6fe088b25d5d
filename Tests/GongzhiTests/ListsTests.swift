import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F8 four lists and action projects")
struct ListsTests {
    /// The resident's need, raised on the phone in their home community.
    static func residentNeed(_ app: Application, quantity: Int = 3) async throws -> (Client, Int, Int) {
        let resident = try await Client.api(app, as: "resident")
        let res = try await resident.api(
            .POST, "/api/v1/lists/items",
            json: [
                "title": "需要有人陪老人去医院", "category": "health", "quantity": quantity,
                "isPublic": false,
            ])
        #expect(res.status == .created, "\(res.body.string)")
        let item = try #require(try res.json()["item"] as? [String: Any])
        let id = try #require(item["id"] as? Int)
        let community = try #require(item["communityNodeId"] as? Int)
        #expect(item["origin"] as? String == "phone" && item["status"] as? String == "open")
        return (resident, id, community)
    }

    @Test func aNeedIsMatchedAndItsStatusComesFromTheClaims() async throws {
        try await withTestApp { app in
            let (resident, id, community) = try await Self.residentNeed(app)
            let secretary = try await Client.api(app, as: "secretary")
            let offer = try await secretary.api(
                .POST, "/api/v1/lists/resources",
                json: [
                    "title": "社区医院陪诊志愿队", "category": "health", "capacity": 5,
                    "communityNodeId": community,
                    "contactPhone": "13800001111",
                ])
            #expect(offer.status == .created, "\(offer.body.string)")
            let rid = try #require(try offer.json()["id"] as? Int)
            // The resident who raised the need is told about the new resource.
            let residentUser = try await Fixtures.user(app, "resident")
            let alerts = try await ListAlert.query(on: app.db).filter(\.$userID == residentUser.id!)
                .filter(\.$resourceID == rid).count()
            #expect(alerts == 1)
            // Suggested first with the reasons; the contact is masked for those who did not offer it.
            let s = try await secretary.api(.GET, "/api/v1/lists/items/\(id)/suggestions").jsonArray()
            let first = try #require(s.first { $0["id"] as? Int == rid })
            let reasons = (first["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(reasons.contains("sameCommunity") || reasons.contains("sameGrid"))
            #expect(reasons.contains("coversAll"))
            // A liaison is shown only their own units' resources: not the community's offer, nor teams.
            let liaison = try await Client.api(app, as: "unit")
            let theirs = try await liaison.api(.GET, "/api/v1/lists/items/\(id)/suggestions")
            #expect(theirs.status == .ok, "\(theirs.body.string)")
            let shown = try theirs.jsonArray()
            #expect(!shown.contains { $0["id"] as? Int == rid })
            #expect(shown.allSatisfy { $0["kind"] as? String == "resource" })
            let part = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["resourceId": rid, "quantity": 2])
            #expect(part.status == .created, "\(part.body.string)")
            #expect((try part.json()["item"] as? [String: Any])?["status"] as? String == "partlyMet")
            let beyond = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["resourceId": rid, "quantity": 2])
            #expect(beyond.status == .unprocessableEntity && beyond.errorMessage?.contains("1") == true)
            let rest = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["resourceId": rid, "quantity": 1])
            let detail = try rest.json()
            #expect((detail["item"] as? [String: Any])?["status"] as? String == "met")
            let claims = try #require(detail["claims"] as? [[String: Any]])
            let claimID = try #require(claims.first?["id"] as? Int)
            let withdrawn = try await secretary.api(.POST, "/api/v1/lists/items/\(id)/claims/\(claimID)/withdraw")
            #expect((try withdrawn.json()["item"] as? [String: Any])?["status"] as? String == "partlyMet")
            // The resident follows their need; the resource has 2 of 5 left after 3 claimed, 1 withdrawn.
            let mine = try await resident.api(.GET, "/api/v1/lists/items/\(id)").json()
            #expect((mine["item"] as? [String: Any])?["claimed"] as? Int == 1)
            let r = try await secretary.api(.GET, "/api/v1/lists/resources/\(rid)").json()
            #expect(r["free"] as? Int == 4)
            #expect((r["contact"] as? String)?.contains("13800001111") == true)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "list_claim").count()
            #expect(audit == 3)
        }
    }

    @Test func idsOutsideTheScopeAreRefused() async throws {
        try await withTestApp { app in
            let (_, id, _) = try await Self.residentNeed(app, quantity: 1)
            // A secretary of another community neither sees nor claims the item.
            let other = try await Client.api(app, as: "secretary2")
            let read = try await other.api(.GET, "/api/v1/lists/items/\(id)")
            #expect(read.status == .notFound)
            let claim = try await other.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["quantity": 1, "unitId": 1])
            #expect(claim.status == .notFound)
            // A resource offered elsewhere is not one to match: a field problem, logged.
            let street2 = try await Fixtures.node(app, code: "QH-S2-C1")
            let far = ListResource()
            far.title = "别处的资源"
            far.text = ""
            far.category = .health
            far.offerer = .community
            far.communityNodeID = street2.id
            far.path = street2.path
            far.address = ""
            far.capacity = 9
            far.hours = ""
            far.conditions = ""
            far.contactName = "x"
            far.contactPhone = ""
            far.recordedBy = try await Fixtures.user(app, "admin").id!
            try await far.create(on: app.db)
            let secretary = try await Client.api(app, as: "secretary")
            let before = try await Fixtures.accessLog(app, .outOfScopeRead).count
            let bad = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["resourceId": far.id!, "quantity": 1])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count == before + 1)
            // Another resident sees neither the private need nor its claims.
            let count = try await ListClaim.query(on: app.db).filter(\.$itemID == id).count()
            #expect(count == 0)
            let community = try await secretary.api(
                .POST, "/api/v1/lists/resources",
                json: ["title": "x", "category": "health", "communityNodeId": street2.id!])
            #expect(community.status == .unprocessableEntity)
            // The resident cannot claim, nor offer as a unit.
            let resident = try await Client.api(app, as: "resident")
            let rclaim = try await resident.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["unitId": 1, "quantity": 1])
            #expect(rclaim.status == .forbidden)
        }
    }

    @Test func badInputIsRefusedAndNothingIsSaved() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let c = try await Fixtures.node(app, code: "QH-S1-C1")
            let before = try await ListItem.query(on: app.db).count()
            let cases: [[String: Any]] = [
                ["title": "", "category": "health", "communityNodeId": c.id!],
                ["title": "x", "communityNodeId": c.id!],
                ["title": "x", "category": "health", "communityNodeId": c.id!, "quantity": 0],
                ["title": "x", "category": "health", "communityNodeId": c.id!, "quantity": 10_001],
                ["title": "x", "category": "health", "communityNodeId": c.id!, "lat": 91, "lng": 0],
                ["title": "x", "category": "health", "communityNodeId": c.id!, "lat": 30],
                [
                    "title": "x", "category": "health", "communityNodeId": c.id!, "neededFrom": "2026-05-02",
                    "neededUntil": "2026-05-01",
                ],
                ["title": String(repeating: "长", count: 101), "category": "health", "communityNodeId": c.id!],
                ["title": "x", "category": "health", "communityNodeId": c.id!, "origin": "request"],
            ]
            for body in cases {
                let res = try await secretary.api(.POST, "/api/v1/lists/items", json: body)
                #expect(res.status == .unprocessableEntity, "\(body): \(res.status) \(res.body.string)")
                #expect(res.errorMessage?.isEmpty == false)
            }
            let unknown = try await secretary.api(
                .POST, "/api/v1/lists/items", json: ["title": "x", "category": "nope", "communityNodeId": c.id!])
            #expect(unknown.status == .badRequest || unknown.status == .unprocessableEntity)
            let extra = try await secretary.api(
                .POST, "/api/v1/lists/items",
                json: ["title": "x", "category": "health", "communityNodeId": c.id!, "status": "met"])
            #expect(extra.status == .badRequest || extra.status == .unprocessableEntity)
            #expect(try await ListItem.query(on: app.db).count() == before)
            let filter = try await secretary.api(.GET, "/api/v1/lists/items?status=done")
            #expect(filter.status == .badRequest)
            // The message names the parameter and the value, not a date.
            #expect(filter.errorMessage == "参数 status 的值“done”无效。", "\(filter.body.string)")
            let page = try await secretary.api(.GET, "/api/v1/lists/items?page=0")
            #expect(page.status == .badRequest && page.errorMessage?.contains("page") == true)
            let long = try await secretary.api(.GET, "/api/v1/lists/items?q=" + String(repeating: "a", count: 51))
            #expect(long.status == .badRequest)
        }
    }

    @Test func aHelpRequestBecomesANeedOnce() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let grid = try #require(try await PlacesQueries.grids(in: .init(own: TreePath("/")), on: app.db).first)
            _ = grid
            let categories = try await resident.api(.GET, "/api/v1/request-categories").jsonArray()
            let code = try #require(categories.last?["code"] as? String)
            let raised = try await resident.api(
                .POST, "/api/v1/requests",
                json: ["kind": "help", "category": code, "text": "需要帮忙搬运旧家具"])
            #expect(raised.status == .created, "\(raised.body.string)")
            let rid = try #require((try raised.json()["request"] as? [String: Any])?["id"] as? Int)
            // On the desk: the request's page offers the step, and the form comes filled in with the link back.
            let desk = try await Client.page(app, as: "secretary")
            let before = try await desk.get("/requests/\(rid)").body.string
            #expect(before.contains("request-list-item") && before.contains("/lists?fromRequest=\(rid)"))
            let drafted = try await desk.get("/lists?fromRequest=\(rid)")
            #expect(drafted.status == .ok)
            #expect(drafted.body.string.contains("name=\"originId\" type=\"number\" min=\"1\" value=\"\(rid)\""))
            #expect(drafted.body.string.contains("需要帮忙搬运旧家具</textarea>"))
            // Another community's secretary cannot draft from it.
            let away = try await Client.page(app, as: "secretary2").get("/lists?fromRequest=\(rid)")
            #expect(away.status == .unprocessableEntity)
            let secretary = try await Client.api(app, as: "secretary")
            let body: [String: Any] = [
                "title": "搬运旧家具", "category": "other", "origin": "request", "originId": rid,
            ]
            let made = try await secretary.api(.POST, "/api/v1/lists/items", json: body)
            #expect(made.status == .created, "\(made.body.string)")
            let item = try #require(try made.json()["item"] as? [String: Any])
            #expect(item["origin"] as? String == "request" && item["originId"] as? Int == rid)
            #expect((item["text"] as? String)?.contains("旧家具") == true)
            let again = try await secretary.api(.POST, "/api/v1/lists/items", json: body)
            #expect(again.status == .conflict)
            let after = try await desk.get("/requests/\(rid)").body.string
            #expect(after.contains("/lists/items/\(item["id"] as? Int ?? 0)"))
            #expect(!after.contains("fromRequest"))
            let complaint = try await resident.api(
                .POST, "/api/v1/requests", json: ["kind": "complaint", "category": code, "text": "噪音扰民"])
            let cid = try #require((try complaint.json()["request"] as? [String: Any])?["id"] as? Int)
            let refused = try await secretary.api(
                .POST, "/api/v1/lists/items",
                json: ["title": "噪音", "category": "other", "origin": "request", "originId": cid])
            #expect(refused.status == .unprocessableEntity)
        }
    }

    @Test func aProjectRunsFromProposalToClosure() async throws {
        try await withTestApp { app in
            let (_, id, community) = try await Self.residentNeed(app, quantity: 2)
            let secretary = try await Client.api(app, as: "secretary")
            let units = try await UnitsQueries.reportingUnits(
                in: .init(own: TreePath(try await Fixtures.node(app, code: "QH-S1-C1").path)), on: app.db)
            let owner = try #require(units.first?.id)
            let created = try await secretary.api(
                .POST, "/api/v1/lists/projects",
                json: [
                    "title": "陪诊行动", "category": "health", "nodeId": community, "ownerUnitId": owner,
                    "budget": 5000, "beneficiaries": 20, "groups": ["elders"], "itemIds": [id],
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let pid = try #require((try created.json()["project"] as? [String: Any])?["id"] as? Int)
            let m = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/milestones",
                json: ["title": "招募志愿者", "due": "2026-12-01"])
            #expect(m.status == .created)
            let early = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state", json: ["state": "closed", "evidence": "x"])
            #expect(early.status == .conflict)
            let started = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state", json: ["state": "underway"])
            #expect((try started.json()["project"] as? [String: Any])?["state"] as? String == "underway")
            let note = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/notes", json: ["text": "已对接医院"])
            #expect(note.status == .created)
            let open = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state", json: ["state": "closed", "evidence": "签到表"])
            #expect(open.status == .unprocessableEntity)
            let detail = try await secretary.api(.GET, "/api/v1/lists/projects/\(pid)").json()
            let mid = try #require((detail["milestones"] as? [[String: Any]])?.first?["id"] as? Int)
            _ = try await secretary.api(.POST, "/api/v1/lists/projects/\(pid)/milestones/\(mid)/done", json: [:])
            let noEvidence = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state", json: ["state": "closed", "evidence": " "])
            #expect(noEvidence.status == .unprocessableEntity)
            let badRating = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state",
                json: ["state": "closed", "evidence": "签到表", "rating": 6])
            #expect(badRating.status == .unprocessableEntity)
            let closed = try await secretary.api(
                .POST, "/api/v1/lists/projects/\(pid)/state",
                json: ["state": "closed", "evidence": "签到表和照片", "served": 18, "rating": 5])
            let p = try #require(try closed.json()["project"] as? [String: Any])
            #expect(p["state"] as? String == "closed" && p["rating"] as? Int == 5)
            // A unit's closed project counts for the unit (what its agreement reads).
            let counted = try await ListsQueries.closedProjects(
                unitIDs: [owner], from: Date().addingTimeInterval(-86_400), to: Date().addingTimeInterval(86_400),
                db: app.db)
            #expect(counted[owner] == 1)
            // Another community's secretary cannot touch it.
            let other = try await Client.api(app, as: "secretary2")
            let refused = try await other.api(.POST, "/api/v1/lists/projects/\(pid)/notes", json: ["text": "x"])
            #expect(refused.status == .notFound)
            // A closed project's record stays as it was closed: no later note.
            let late = try await secretary.api(.POST, ListsRoute.apiNotes(.value(pid)), json: ["text": "补记"])
            #expect(late.status == .conflict)
            // The resident who raised the need sees the project, is told on her to-dos, and rates it once.
            let resident = try await Client.api(app, as: "resident")
            #expect(try await resident.api(.GET, ListsRoute.apiProject(.value(pid))).status == .ok)
            let phone = try await Client.page(app, as: "resident")
            #expect(try await phone.get(RequestsRoute.todos).body.string.contains("陪诊行动"))
            let bad = try await resident.api(.POST, ListsRoute.apiProjectRate(.value(pid)), json: ["rating": 0])
            #expect(bad.status == .unprocessableEntity)
            let rated = try await resident.api(
                .POST, ListsRoute.apiProjectRate(.value(pid)), json: ["rating": 4, "note": "医生很耐心"])
            #expect(rated.status == .ok, "\(rated.body.string)")
            #expect(try rated.json()["myRating"] as? Int == 4 && rated.json()["residentRatings"] as? Int == 1)
            let twice = try await resident.api(.POST, ListsRoute.apiProjectRate(.value(pid)), json: ["rating": 5])
            #expect(twice.status == .conflict)
            #expect(!(try await phone.get(RequestsRoute.todos).body.string.contains("陪诊行动")))
            // Staff do not rate as residents; the secretary's project page shows the residents' mean.
            let staff = try await secretary.api(.POST, ListsRoute.apiProjectRate(.value(pid)), json: ["rating": 5])
            #expect(staff.status == .forbidden)
            let page = try await Client.page(app, as: "secretary").get(ListsRoute.project(.value(pid))).body.string
            #expect(page.contains("resident-ratings") && page.contains("4.0"))
        }
    }

    @Test func aServiceTeamWithinReachIsMatched() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let c = try await Fixtures.node(app, code: "QH-S1-C1")
            let street = try #require(ListsFacts.ancestorPaths(of: c.path).max { $0.count < $1.count })
            let teams = try await VolunteeringQueries.teamOffers(
                under: TreePath(street), now: app.clock.now, db: app.db)
            let team = try #require(teams.first { $0.path.hasPrefix(c.path) && !$0.categories.isEmpty })
            let made = try await secretary.api(
                .POST, "/api/v1/lists/items",
                json: [
                    "title": "需要志愿服务", "category": team.categories[0].rawValue, "communityNodeId": c.id!,
                    "quantity": 2,
                ])
            let id = try #require((try made.json()["item"] as? [String: Any])?["id"] as? Int)
            let item = try #require(try await ListItem.find(id, on: app.db))
            #expect(
                try await ListsMatching.teams(for: item, now: app.clock.now, on: app.db).contains { $0.id == team.id })
            let claim = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["teamId": team.id, "quantity": 1])
            #expect(claim.status == .created, "\(claim.body.string)")
            let claims = try #require(try claim.json()["claims"] as? [[String: Any]])
            #expect(claims.first?["teamName"] as? String == team.name)
            // A team of another street is refused like one that does not exist.
            let far = try #require(
                try await VolunteeringQueries.teamOffers(under: nil, now: app.clock.now, db: app.db).first {
                    !$0.path.hasPrefix(street)
                })
            let refused = try await secretary.api(
                .POST, "/api/v1/lists/items/\(id)/claims", json: ["teamId": far.id, "quantity": 1])
            #expect(refused.status == .unprocessableEntity)
        }
    }

    @Test func listsPagesAndExports() async throws {
        try await withTestApp { app in
            let secretary = try await Client.page(app, as: "secretary")
            for path in ["/lists", "/lists/resources", "/lists/projects", "/lists?status=open&category=health"] {
                let res = try await secretary.get(path)
                #expect(res.status == .ok, "\(path)")
            }
            for path in ["/lists/export.csv", "/lists/resources/export.csv", "/lists/projects/export.csv"] {
                let res = try await secretary.get(path)
                #expect(res.status == .ok, "\(path)")
                #expect(res.body.string.split(whereSeparator: \.isNewline).count > 2, "\(path)")
            }
            let item = try #require(
                try await ListItem.query(on: app.db).filter(
                    \.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path
                )
                .first())
            let page = try await secretary.get("/lists/items/\(item.id!)")
            #expect(page.status == .ok && page.body.string.contains("suggestions"))
            let resident = try await Client.page(app, as: "resident")
            let mine = try await resident.get("/lists/mine")
            #expect(mine.status == .ok && mine.body.string.contains("need-form"))
            let refused = try await resident.post("/lists/mine", [("title", ""), ("category", "health")])
            #expect(refused.status == .unprocessableEntity)
            let posted = try await resident.post(
                "/lists/mine", [("title", "楼下路灯坏了"), ("category", "repairs"), ("quantity", "1")])
            #expect(posted.status == .seeOther)
            let export = try await resident.get("/lists/export.csv")
            #expect(export.status == .forbidden)
        }
    }
}
