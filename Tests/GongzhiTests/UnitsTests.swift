import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Resident units and departments")
struct UnitsTests {
    @Test func listShowCreateUpdateArchiveWithinScope() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let list = try await api.api(.GET, "/api/v1/units")
            #expect(list.status == .ok)
            let units = try list.jsonArray()
            #expect(!units.isEmpty)
            #expect(units.allSatisfy { ($0["contactPhone"] as? String)?.contains("****") ?? true })
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let created = try await api.api(
                .POST, "/api/v1/units",
                json: [
                    "name": "枫林便民药房", "kind": "nonPublicEnterprise", "locationNodeId": c1.id!,
                    "contactPhone": "13922223333",
                ])
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? Int)
            #expect(try await api.api(.GET, "/api/v1/units/\(id)").status == .ok)
            let updated = try await api.api(.PATCH, "/api/v1/units/\(id)", json: ["address": "清河路8号"])
            #expect(try updated.json()["address"] as? String == "清河路8号")
            #expect(try await api.api(.POST, "/api/v1/units/\(id)/archive").status == .ok)
            #expect(try await api.api(.POST, "/api/v1/units/\(id)/archive").status == .conflict)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "resident_unit").filter(
                    \.$entityID == id
                ).count() == 3)
            let bad = try await api.api(
                .POST, "/api/v1/units", json: ["name": "x", "kind": "spaceship", "locationNodeId": c1.id!])
            #expect(bad.status == .badRequest)
            let badPhone = try await api.api(
                .POST, "/api/v1/units",
                json: ["name": "x", "kind": "school", "locationNodeId": c1.id!, "contactPhone": "110"])
            #expect(badPhone.status == .unprocessableEntity)
        }
    }

    @Test func otherCommunitiesUnitsAreOutOfScope() async throws {
        try await withTestApp { app in
            let c2 = try await Fixtures.node(app, code: "QH-S2-C1")
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(\.$locationNodeID == c2.id!).first())
            let api = try await Client.api(app, as: "secretary")
            #expect(try await api.api(.GET, "/api/v1/units/\(unit.id!)").status == .notFound)
            #expect(
                try await api.api(
                    .PATCH,
                    """
                    /api/v1/units/\(unit.id!)
                    """, json: ["name": "越权"]
                ).status == .forbidden)
            #expect(try await ResidentUnit.find(unit.id!, on: app.db)?.name == unit.name)
            let page = try await Client.page(app, as: "secretary")
            #expect(try await page.get("/units/\(unit.id!)").status == .notFound)
            let list = try await page.get("/units")
            #expect(list.status == .ok)
            #expect(!list.body.string.contains(unit.name))
            let own = try #require(
                try await ResidentUnit.query(on: app.db).filter(
                    \.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path
                ).first())
            #expect(try await page.get("/units/\(own.id!)").body.string.contains(own.name))
        }
    }
}
