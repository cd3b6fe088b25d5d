import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Changing grids: duties, departments, buildings, households, member households")
struct PlacesCommandTests {
    @Test func assignWorkersChiefsAndDepartments() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G2")
            let api = try await Client.api(app, as: "secretary")
            let busy = Set(try await GridDuty.query(on: app.db).all().map(\.personID))
            let resident = try #require(
                try await Person.query(on: app.db).filter(\.$path =~ g.path).filter(\.$isResident == true)
                    .filter(\.$isPartyMember == false).all().first { !busy.contains($0.id!) })
            let added = try await api.api(
                .POST, "/api/v1/grids/\(g.id!)/duties", json: ["personId": resident.id!, "duty": "laneChief"])
            #expect(added.status == .created)
            #expect(
                try await api.api(
                    .POST, "/api/v1/grids/\(g.id!)/duties", json: ["personId": resident.id!, "duty": "laneChief"]
                ).status == .conflict)
            let group = try #require(
                try await OrgNode.query(on: app.db).filter(\.$parentID == g.branchNodeID!).first())
            let notMember = try await api.api(
                .POST, "/api/v1/grids/\(g.id!)/duties",
                json: ["personId": resident.id!, "duty": "buildingGroupLeader", "groupNodeId": group.id!])
            #expect(notMember.errorMessage == "楼栋党小组长须为党员。")
            let duty = try #require(
                try await GridDuty.query(on: app.db).filter(\.$gridID == g.id!).filter(\.$personID == resident.id!)
                    .first())
            #expect(try await api.api(.DELETE, "/api/v1/grids/\(g.id!)/duties/\(duty.id!)").status == .ok)
            #expect(try await GridDuty.find(duty.id!, on: app.db) == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "grid_duty").count() == 2)
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(
                    \.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path
                ).first())
            #expect(
                try await api.api(
                    .POST, "/api/v1/grids/\(g.id!)/departments", json: ["unitId": unit.id!, "role": "other"]
                ).status == .created)
            #expect(
                try await api.api(
                    .PATCH,
                    """
                    /api/v1/grids/\(g.id!)
                    """, json: ["name": "枫林二网格"]
                ).status == .ok)
            // Another street's grid is not the secretary's to change.
            let other = try await PlacesRouteTests.grid(app, "QH-S2-C1-G1")
            #expect(try await api.api(.PATCH, "/api/v1/grids/\(other.id!)", json: ["name": "x"]).status == .forbidden)
            #expect(
                try await api.api(
                    .POST, "/api/v1/grids/\(other.id!)/duties", json: ["personId": resident.id!, "duty": "laneChief"]
                ).status == .forbidden)
            #expect(
                try await Client.api(app, as: "gridworker").api(.PATCH, "/api/v1/grids/\(g.id!)", json: ["name": "x"])
                    .status == .forbidden)
        }
    }

    @Test func buildingsHouseholdsResidentsAndMemberHouseholds() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let api = try await Client.api(app, as: "secretary")
            let c = g.shape.bbox.center
            let outside = try await api.api(
                .POST, "/api/v1/buildings",
                json: ["gridId": g.id!, "name": "新楼", "address": "清河路1号", "lat": c.lat + 1, "lng": c.lng])
            #expect(outside.errorMessage == "楼栋位置不在网格边界内。")
            let building = try await api.api(
                .POST, "/api/v1/buildings",
                json: ["gridId": g.id!, "name": "新楼", "address": "清河路1号", "lat": c.lat, "lng": c.lng])
            #expect(building.status == .created)
            let bid = try #require(try building.json()["id"] as? Int)
            let h1 = try await api.api(
                .POST, "/api/v1/households", json: ["buildingId": bid, "room": "1单元101室", "population": 3])
            let h2 = try await api.api(
                .POST, "/api/v1/households", json: ["buildingId": bid, "room": "1单元102室", "population": 2])
            #expect(
                try await api.api(
                    .POST, "/api/v1/households", json: ["buildingId": bid, "room": "x", "population": 0]
                )
                .status == .unprocessableEntity)
            let id1 = try #require(try h1.json()["id"] as? Int)
            let id2 = try #require(try h2.json()["id"] as? Int)
            let member = try #require(
                try await Person.query(on: app.db).filter(\.$path =~ g.path).filter(\.$isPartyMember == true).first())
            // Not living there yet: refused; then recorded as living there, then made a member household.
            #expect(
                try await api.api(.POST, "/api/v1/households/\(id1)/member-household", json: ["personId": member.id!])
                    .status == .unprocessableEntity)
            #expect(
                try await api.api(.POST, "/api/v1/households/\(id1)/residents", json: ["personId": member.id!]).status
                    == .ok)
            #expect(
                try await api.api(.POST, "/api/v1/households/\(id2)/links", json: ["householdId": id1]).status
                    == .unprocessableEntity)
            #expect(
                try await api.api(.POST, "/api/v1/households/\(id1)/member-household", json: ["personId": member.id!])
                    .status == .ok)
            let linked = try await api.api(.POST, "/api/v1/households/\(id1)/links", json: ["householdId": id2])
            #expect(
                ((try linked.json()["linkedHouseholds"] as? [[String: Any]]) ?? []).map { $0["id"] as? Int } == [id2])
            let figures = try await api.api(.GET, "/api/v1/grids/\(g.id!)").json()["grid"] as? [String: Any]
            let hs = try await Household.query(on: app.db).filter(\.$gridID == g.id!).all()
            #expect(
                (figures?["figures"] as? [String: Any])?["population"] as? Int == hs.reduce(0) { $0 + $1.population })
        }
    }

    @Test func contactAssignmentShowsOnCommunityAndLeader() async throws {
        try await withTestApp { app in
            let contact = try #require(
                try await ContactAssignment.query(on: app.db).filter(\.$communityNodeID != nil).first())
            let page = try await Client.page(app, as: "orgdept")
            let community = try await page.get("/org/\(contact.communityNodeID!)").body.string
            #expect(community.contains("id=\"contacts\"") && community.contains(contact.leaderTitle))
            let leader = try await page.get("/people/\(contact.leaderPersonID)").body.string
            #expect(leader.contains("id=\"contacts\"") && leader.contains(contact.leaderTitle))
        }
    }

    @Test func gridPageFormsAssignAndEnd() async throws {
        try await withTestApp { app in
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G2")
            let c = try await Client.page(app, as: "secretary")
            let page = try await c.get("/grids/\(g.id!)")
            #expect(page.body.string.contains("grid-manage"))
            let worker = try #require(
                try await Person.query(on: app.db).filter(\.$orgNodeID == g.communityNodeID).filter(
                    \.$isCommunityWorker == true
                ).sort(\.$id).all().last)
            let before = try await GridDuty.query(on: app.db).filter(\.$gridID == g.id!).count()
            #expect(
                try await c.post(
                    "/grids/\(g.id!)/duties",
                    [("personId", String(worker.id!)), ("duty", "gridWorker"), ("groupNodeId", "")]
                ).status == .seeOther)
            #expect(try await GridDuty.query(on: app.db).filter(\.$gridID == g.id!).count() == before + 1)
            let again = try await c.post(
                "/grids/\(g.id!)/duties",
                [("personId", String(worker.id!)), ("duty", "gridWorker"), ("groupNodeId", "")])
            #expect(again.status == .conflict)
            let duty = try #require(
                try await GridDuty.query(on: app.db).filter(\.$gridID == g.id!).filter(\.$personID == worker.id!)
                    .first())
            #expect(try await c.post("/grids/\(g.id!)/duties/\(duty.id!)/remove").status == .seeOther)
            let unit = try #require(
                try await ResidentUnit.query(on: app.db).filter(
                    \.$path =~ (try await Fixtures.node(app, code: "QH-S1-C1")).path
                ).first())
            #expect(
                try await c.post("/grids/\(g.id!)/departments", [("unitId", String(unit.id!)), ("role", "other")])
                    .status == .seeOther)
            // A grid worker sees the grid but no forms.
            let gw = try await Client.page(app, as: "gridworker")
            let own = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            #expect(!(try await gw.get("/grids/\(own.id!)").body.string.contains("grid-manage")))
        }
    }
}
