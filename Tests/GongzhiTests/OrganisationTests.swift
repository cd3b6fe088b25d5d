import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F1 organisation tree: pages and API, scope and audit")
struct OrganisationTests {
    @Test func treePageShowsOnlyTheSubtreeWithMemberCounts() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let res = try await c.get("/org")
            #expect(res.status == .ok)
            let html = res.body.string
            let own = try await Fixtures.node(app, code: "QH-S1-C1")
            let other = try await Fixtures.node(app, code: "QH-S2-C1")
            #expect(html.contains(own.name))
            #expect(!html.contains(other.name))
            #expect(!html.contains("中共青禾区委员会"))
            let counts = try await OrgQueries.memberCounts(for: [own], on: app.db)
            let members = try await Person.query(on: app.db).filter(\.$path =~ own.path).filter(
                \.$isPartyMember == true
            ).count()
            #expect(counts[own.id!] == members)
            #expect(html.contains("党员 \(members) 名"))
        }
    }

    @Test func nodePageHasBreadcrumbsChildrenPeopleAndHistory() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let res = try await c.get("/org/\(grid.id!)")
            #expect(res.status == .ok)
            #expect(res.body.string.contains("1号楼党小组"))
            #expect(res.body.string.contains("class=\"crumbs\""))
            #expect(res.body.string.contains("rename-form"))
        }
    }

    @Test func renameThroughThePageIsAudited() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let res = try await c.post("/org/\(grid.id!)/rename", [("name", "枫林第一网格党支部（新）")])
            #expect(res.status == .seeOther)
            #expect(try await Fixtures.node(app, code: "QH-S1-C1-G1").name == "枫林第一网格党支部（新）")
            let entry = try #require(
                try await AuditEntry.query(on: app.db).filter(\.$entityID == grid.id!).filter(\.$action == "update")
                    .first())
            #expect(entry.beforeJSON?.contains(grid.name) == true)
            #expect(entry.afterJSON?.contains("枫林第一网格党支部（新）") == true)
            #expect(entry.actorName.contains("secretary"))
            let audit = try await c.get("/audit")
            #expect(audit.body.string.contains("枫林第一网格党支部（新）"))
            // An empty name is refused with the message, and nothing changes.
            let bad = try await c.post("/org/\(grid.id!)/rename", [("name", "  ")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("名称不能为空"))
        }
    }

    @Test func outOfScopeReadIs404AndLogged() async throws {
        try await withTestApp { app in
            let other = try await Fixtures.node(app, code: "QH-S2-C1")
            let page = try await Client.page(app, as: "secretary")
            #expect(try await page.get("/org/\(other.id!)").status == .notFound)
            let api = try await Client.api(app, as: "secretary")
            let res = try await api.api(.GET, "/api/v1/org/nodes/\(other.id!)")
            #expect(res.status == .notFound)
            #expect(res.errorCode == "not_found")
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count == 2)
            #expect(try await api.api(.GET, "/api/v1/org/nodes/\(other.id!)/history").status == .notFound)
        }
    }

    @Test func forbiddenChangesAre403AndLogged() async throws {
        try await withTestApp { app in
            let other = try await Fixtures.node(app, code: "QH-S2-C1")
            let api = try await Client.api(app, as: "secretary")
            let res = try await api.api(.PATCH, "/api/v1/org/nodes/\(other.id!)", json: ["name": "越权"])
            #expect(res.status == .forbidden)
            #expect(try await Fixtures.node(app, code: "QH-S2-C1").name == other.name)
            // A grid worker can read the tree but not change it.
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await worker.api(.GET, "/api/v1/org/nodes/\(grid.id!)").status == .ok)
            #expect(
                try await worker.api(.PATCH, "/api/v1/org/nodes/\(grid.id!)", json: ["name": "x"]).status == .forbidden
            )
            // Nobody moves or archives their own scope root.
            let own = try await Fixtures.node(app, code: "QH-S1-C1")
            #expect(try await api.api(.POST, "/api/v1/org/nodes/\(own.id!)/archive").status == .forbidden)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == 3)
            // Residents have no tree at all.
            let resident = try await Client.api(app, as: "resident")
            #expect(try await resident.api(.GET, "/api/v1/org/nodes").status == .forbidden)
        }
    }

    @Test func createMoveMergeAndArchiveKeepHistory() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "street")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let c2 = try await Fixtures.node(app, code: "QH-S1-C2")
            let created = try await api.api(
                .POST,
                """
                /api/v1/org/nodes
                """, json: ["kind": "gridBranch", "name": "新建网格党支部", "parentId": c1.id!])
            #expect(created.status == .created)
            let newID = try #require(try created.json()["id"] as? Int)
            #expect(try created.json()["path"] as? String == c1.path + "\(newID)/")
            // A group under the new grid, then move the grid (with its group) to the second community.
            let group = try await api.api(
                .POST,
                """
                /api/v1/org/nodes
                """, json: ["kind": "buildingGroup", "name": "新楼党小组", "parentId": newID])
            let groupID = try #require(try group.json()["id"] as? Int)
            let moved = try await api.api(.POST, "/api/v1/org/nodes/\(newID)/move", json: ["parentId": c2.id!])
            #expect(moved.status == .ok)
            let groupNode = try #require(try await OrgNode.find(groupID, on: app.db))
            #expect(groupNode.path == c2.path + "\(newID)/\(groupID)/")
            // Wrong kind under the parent: a clear 422.
            let wrong = try await api.api(.POST, "/api/v1/org/nodes/\(newID)/move", json: ["parentId": groupID])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.errorMessage == "不能移动到自己或自己的下级之下。")
            // Merge the first grid of community 1 into the new grid: children and people follow.
            let g1 = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let peopleBefore = try await Person.query(on: app.db).filter(\.$orgNodeID == g1.id!).count()
            let merged = try await api.api(.POST, "/api/v1/org/nodes/\(g1.id!)/merge", json: ["targetId": newID])
            #expect(merged.status == .ok)
            #expect(try merged.json()["archived"] as? Bool == true)
            #expect(try merged.json()["mergedIntoId"] as? Int == newID)
            #expect(try await Person.query(on: app.db).filter(\.$orgNodeID == newID).count() == peopleBefore)
            #expect(try await OrgNode.query(on: app.db).filter(\.$parentID == newID).count() == 3)
            #expect(try await User.query(on: app.db).filter(\.$orgNodeID == g1.id!).count() == 0)
            // Archive: refused while it has people, allowed for the empty group.
            #expect(try await api.api(.POST, "/api/v1/org/nodes/\(newID)/archive").status == .unprocessableEntity)
            let archived = try await api.api(.POST, "/api/v1/org/nodes/\(groupID)/archive")
            #expect(archived.status == .ok)
            #expect(try await OrgNode.find(groupID, on: app.db) != nil)  // never deleted
            let history = try await api.api(.GET, "/api/v1/org/nodes/\(newID)/history")
            let actions = try history.jsonArray().compactMap { $0["action"] as? String }
            #expect(actions.contains("create") && actions.contains("move") && actions.contains("merge"))
        }
    }

    @Test func pageFormsCreateMoveMergeArchive() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "street")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let c2 = try await Fixtures.node(app, code: "QH-S1-C2")
            #expect(
                try await c.post(
                    """
                    /org/\(c1.id!)/children
                    """, [("kind", "gridBranch"), ("name", "页面新建网格")]
                ).status
                    == .seeOther)
            let grid = try #require(try await OrgNode.query(on: app.db).filter(\.$name == "页面新建网格").first())
            #expect(try await c.post("/org/\(grid.id!)/move", [("parentId", String(c2.id!))]).status == .seeOther)
            #expect(try await OrgNode.find(grid.id!, on: app.db)?.parentID == c2.id)
            let bad = try await c.post(
                """
                /org/\(c1.id!)/children
                """, [("kind", "streetCommittee"), ("name", "错误层级")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("不能放在所选上级之下"))
            let g2 = try await Fixtures.node(app, code: "QH-S1-C2-G2")
            #expect(try await c.post("/org/\(g2.id!)/merge", [("targetId", String(grid.id!))]).status == .seeOther)
            #expect(try await OrgNode.find(g2.id!, on: app.db)?.mergedIntoID == grid.id)
            let group = try #require(try await OrgNode.query(on: app.db).filter(\.$parentID == grid.id!).first())
            #expect(
                try await c.post("/org/\(group.id!)/merge", [("targetId", String(grid.id!))]).status
                    == .unprocessableEntity)
            // It has children now.
            #expect(try await c.post("/org/\(grid.id!)/archive").status == .unprocessableEntity)
            let list = try await c.get("/org/list?kind=gridBranch")
            #expect(list.body.string.contains("页面新建网格"))
        }
    }

    @Test func listFiltersAndBadParameters() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary2")
            let res = try await api.api(.GET, "/api/v1/org/nodes?kind=gridBranch")
            let nodes = try res.jsonArray()
            #expect(!nodes.isEmpty)
            #expect(nodes.allSatisfy { ($0["code"] as? String)?.hasPrefix("QH-S2-C1-") == true })
            #expect(try await api.api(.GET, "/api/v1/org/nodes?kind=planet").status == .badRequest)
            #expect(try await api.api(.GET, "/api/v1/org/nodes/abc").status == .badRequest)
            #expect(try await api.api(.GET, "/api/v1/org/nodes/999999").status == .notFound)
        }
    }

    @Test func sharedScopeReachesTheSharedStreet() async throws {
        try await withTestApp { app in
            // The command centre sits at street 1 and has street 2 shared with it.
            let api = try await Client.api(app, as: "command")
            let s2c1 = try await Fixtures.node(app, code: "QH-S2-C1")
            #expect(try await api.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .ok)
            let street = try await Client.api(app, as: "street")
            #expect(try await street.api(.GET, "/api/v1/org/nodes/\(s2c1.id!)").status == .notFound)
        }
    }
}
