import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F4 people: masking, unmasking, search, changes, scope")
struct PeopleTests {
    @Test func listsAreMaskedAndScoped() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let res = try await api.api(.GET, "/api/v1/people?facet=resident")
            #expect(res.status == .ok)
            let page = try res.json()
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(!items.isEmpty)
            for item in items {
                #expect((item["phone"] as? String)?.contains("****") ?? true)
                #expect((item["idNumber"] as? String)?.contains("********") ?? true)
                #expect(item["masked"] as? Bool == true)
            }
            let outside = try await Fixtures.personOutOfScope(app)
            #expect(!items.contains { $0["id"] as? Int == outside.id })
            let html = try await Client.page(app, as: "secretary").get("/people")
            let person = try await Fixtures.personInScope(app)
            #expect(!html.body.string.contains(person.phone!))
            #expect(!html.body.string.contains(person.idNumber!))
        }
    }

    @Test func searchByNameOrPhone() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let api = try await Client.api(app, as: "secretary")
            let byPhone = try await api.api(.GET, "/api/v1/people?q=\(person.phone!.suffix(6))")
            #expect(
                try (byPhone.json()["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == person.id } == true)
            let byName = try await api.api(.GET, "/api/v1/people?q=\(Client.encode(person.name))")
            #expect(
                try (byName.json()["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == person.id } == true)
            let page = try await Client.page(app, as: "secretary").get("/people?q=\(Client.encode(person.name))")
            #expect(page.body.string.contains(person.name))
        }
    }

    @Test func unmaskingNeedsPermissionAndIsLogged() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let secretary = try await Client.api(app, as: "secretary")
            let clear = try await secretary.api(.GET, "/api/v1/people/\(person.id!)/unmasked")
            #expect(clear.status == .ok)
            #expect(try clear.json()["phone"] as? String == person.phone)
            #expect(try clear.json()["idNumber"] as? String == person.idNumber)
            let logged = try await Fixtures.accessLog(app, .unmaskedRead)
            #expect(logged.count == 1)
            #expect(logged[0].detail.contains("person \(person.id!)"))
            // A community worker may see people but not unmask them.
            let worker = try await Client.api(app, as: "worker")
            #expect(try await worker.api(.GET, "/api/v1/people/\(person.id!)").status == .ok)
            #expect(try await worker.api(.GET, "/api/v1/people/\(person.id!)/unmasked").status == .forbidden)
            // The page: a button, then the clear values, logged again.
            let page = try await Client.page(app, as: "secretary")
            let masked = try await page.get("/people/\(person.id!)")
            #expect(!masked.body.string.contains(person.phone!))
            let shown = try await page.post("/people/\(person.id!)/unmask")
            #expect(shown.body.string.contains(person.phone!))
            #expect(try await Fixtures.accessLog(app, .unmaskedRead).count == 2)
        }
    }

    @Test func residentsSeeOnlyThemselves() async throws {
        try await withTestApp { app in
            let residentUser = try await Fixtures.user(app, "resident")
            let own = try #require(residentUser.personID)
            let api = try await Client.api(app, as: "resident")
            #expect(try await api.api(.GET, "/api/v1/people").status == .forbidden)
            let other = try await Fixtures.personInScope(app)
            #expect(try await api.api(.GET, "/api/v1/people/\(other.id!)").status == .forbidden)
            let me = try await api.api(.GET, "/api/v1/people/\(own)")
            #expect(me.status == .ok)
            #expect(try me.json()["name"] as? String == "李华")
            // Their own data in clear is allowed and still logged.
            #expect(try await api.api(.GET, "/api/v1/people/\(own)/unmasked").status == .ok)
            #expect(try await Fixtures.accessLog(app, .unmaskedRead).count == 1)
        }
    }

    @Test func outOfScopePersonIs404AndChangeIs403() async throws {
        try await withTestApp { app in
            let outside = try await Fixtures.personOutOfScope(app)
            let api = try await Client.api(app, as: "secretary")
            #expect(try await api.api(.GET, "/api/v1/people/\(outside.id!)").status == .notFound)
            #expect(
                try await api.api(
                    .PATCH,
                    """
                    /api/v1/people/\(outside.id!)
                    """, json: ["name": "改名"]
                ).status == .forbidden)
            #expect(try await Person.find(outside.id!, on: app.db)?.name == outside.name)
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count == 1)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == 1)
            let page = try await Client.page(app, as: "secretary")
            #expect(try await page.get("/people/\(outside.id!)").status == .notFound)
            #expect(try await page.post("/people/\(outside.id!)/archive").status == .forbidden)
        }
    }

    @Test func createValidatesEveryFieldAndAudits() async throws {
        try await withTestApp { app in
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let api = try await Client.api(app, as: "secretary")
            let bad = try await api.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "王五", "idNumber": "110105194912310021", "phone": "12345", "facets": ["resident"],
                    "orgNodeId": grid.id!,
                ])
            #expect(bad.status == .unprocessableEntity)
            let fields = try #require((try bad.json()["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(fields["idNumber"] == "身份证号校验位不正确，请核对。")
            #expect(fields["phone"] != nil)
            let ok = try await api.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "王五", "idNumber": "11010519491231002X", "phone": "13811112222",
                    "facets": ["resident", "volunteer"],
                    "orgNodeId": grid.id!, "address": "清河路1号2栋101室",
                ])
            #expect(ok.status == .created)
            #expect(try ok.json()["phone"] as? String == "138****2222")
            let id = try #require(try ok.json()["id"] as? Int)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "person").filter(\.$entityID == id)
                    .count() == 1)
            // The same ID number twice is a conflict.
            let dup = try await api.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "王六",
                    "idNumber": """
                    11010519491231002X
                    """, "facets": ["resident"], "orgNodeId": grid.id!,
                ])
            #expect(dup.status == .conflict)
            // English messages on request.
            api.language = "en"
            let en = try await api.api(
                .POST, "/api/v1/people", json: ["name": "", "facets": ["resident"], "orgNodeId": grid.id!])
            #expect(en.errorMessage == "The name may not be empty.")
        }
    }

    @Test func updateAndArchiveThroughPages() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let c = try await Client.page(app, as: "secretary")
            #expect(try await c.get("/people/\(person.id!)/edit").status == .ok)
            let res = try await c.post(
                "/people/\(person.id!)",
                [
                    ("name", "新名字"), ("facets[]", "resident"),
                    (
                        """
                        orgNodeId
                        """, String(person.orgNodeID)
                    ), ("phone", ""),
                ])
            #expect(res.status == .seeOther)
            let after = try #require(try await Person.find(person.id!, on: app.db))
            #expect(after.name == "新名字")
            #expect(after.phone == person.phone)  // an empty masked field keeps the stored value
            let bad = try await c.post(
                "/people/\(person.id!)",
                [
                    ("name", "新名字"), ("facets[]", "resident"), ("orgNodeId", String(person.orgNodeID)),
                    ("idNumber", "123"),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("身份证号应为 18 位"))
            #expect(try await c.post("/people/\(person.id!)/archive").status == .seeOther)
            #expect(try await Person.find(person.id!, on: app.db)?.archived == true)
            #expect(try await c.get("/people/new").status == .ok)
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let created = try await c.post(
                "/people",
                [
                    ("name", "赵六"), ("facets[]", "communityWorker"), ("orgNodeId", String(grid.id!)),
                    ("workerGrade", "2-3"),
                ])
            #expect(created.status == .seeOther)
            let worker = try #require(try await Person.query(on: app.db).filter(\.$name == "赵六").first())
            #expect(worker.workerGrade == (try WorkerGrade(level: 2, step: 3)))
        }
    }

    @Test func inServiceMemberIsVisibleToTheHomeCommunity() async throws {
        try await withTestApp { app in
            // A unit's party organisation in street 1 keeps the member; they live in street 2's community.
            let unitOrg = try await Fixtures.node(app, code: "QH-S1-C1-U1")
            let home = try await Fixtures.node(app, code: "QH-S2-C1")
            let street = try await Client.api(app, as: "street")
            // Street 1's staff cannot name street 2's community as anyone's home: that is the member's own report.
            let elsewhere = try await street.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "钱七", "facets": ["partyMember"], "orgNodeId": unitOrg.id!, "homeNodeId": home.id!,
                    "inService": true, "employer": "第一实验小学",
                ])
            #expect(elsewhere.status == .unprocessableEntity && elsewhere.errorCode == "invalid")
            let district = try await Client.api(app, as: "orgdept")
            let created = try await district.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "钱七", "facets": ["partyMember"], "orgNodeId": unitOrg.id!, "homeNodeId": home.id!,
                    "inService": true, "employer": "第一实验小学",
                ])
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? Int)
            let homeSecretary = try await Client.api(app, as: "secretary2")
            #expect(try await homeSecretary.api(.GET, "/api/v1/people/\(id)").status == .ok)
            // Seeing is not keeping: the home community cannot change the record.
            #expect(
                try await homeSecretary.api(.PATCH, "/api/v1/people/\(id)", json: ["name": "x"]).status == .forbidden)
            let missingEmployer = try await street.api(
                .POST, "/api/v1/people",
                json: [
                    "name": "孙八", "facets": ["partyMember"], "orgNodeId": unitOrg.id!, "inService": true,
                ])
            #expect(missingEmployer.status == .unprocessableEntity)
        }
    }

    @Test func updateAndArchiveThroughTheAPI() async throws {
        try await withTestApp { app in
            let person = try await Fixtures.personInScope(app)
            let api = try await Client.api(app, as: "worker")
            let res = try await api.api(
                .PATCH, "/api/v1/people/\(person.id!)",
                json: ["phone": "13800001111", "facets": ["resident", "volunteer"]])
            #expect(res.status == .ok)
            #expect(try res.json()["phone"] as? String == "138****1111")
            #expect(try await Person.find(person.id!, on: app.db)?.isVolunteer == true)
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == person.id!).filter(
                    \.$entityType == "person"
                ).first())
            #expect(entry.afterJSON?.contains("138****1111") == true)  // the audit log keeps masked values only
            #expect(entry.afterJSON?.contains("13800001111") == false)
            #expect(try await api.api(.POST, "/api/v1/people/\(person.id!)/archive").status == .ok)
            #expect(try await api.api(.POST, "/api/v1/people/\(person.id!)/archive").status == .conflict)
            let listed = try await api.api(.GET, "/api/v1/people?q=\(Client.encode(person.name))")
            #expect(
                try (listed.json()["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == person.id } == false)
            let withArchived = try await api.api(
                .GET, "/api/v1/people?includeArchived=true&q=\(Client.encode(person.name))")
            #expect(
                try (withArchived.json()["items"] as? [[String: Any]])?.contains { $0["id"] as? Int == person.id }
                    == true)
            #expect(try await api.api(.GET, "/api/v1/people?facet=alien").status == .badRequest)
            #expect(try await api.api(.GET, "/api/v1/people?page=0").status == .badRequest)
        }
    }
}
