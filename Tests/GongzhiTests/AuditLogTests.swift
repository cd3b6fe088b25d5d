import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Audit and access logs")
struct AuditLogTests {
    @Test func filtersByPersonEntityAndTimeWithinScope() async throws {
        try await withTestApp { app in
            let grid = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            let other = try await Fixtures.node(app, code: "QH-S2-C1")
            let street = try await Client.api(app, as: "orgdept")
            #expect(
                try await street.api(
                    .PATCH,
                    """
                    /api/v1/org/nodes/\(grid.id!)
                    """, json: ["name": "甲网格"]
                ).status == .ok)
            #expect(
                try await street.api(
                    .PATCH,
                    """
                    /api/v1/org/nodes/\(other.id!)
                    """, json: ["name": "乙社区"]
                ).status == .ok)
            let secretary = try await Client.api(app, as: "secretary")
            let mine = try await secretary.api(.GET, "/api/v1/audit?entityType=org_node")
            let labels = try mine.jsonArray().compactMap { $0["entityLabel"] as? String }
            #expect(labels.contains("甲网格"))
            #expect(!labels.contains("乙社区"))  // another street's change is outside the secretary's scope
            let byActor = try await street.api(.GET, "/api/v1/audit?actor=orgdept&entityId=\(other.id!)")
            #expect(try byActor.jsonArray().count == 1)
            let future = try await street.api(.GET, "/api/v1/audit?from=2099-01-01")
            #expect(try future.jsonArray().isEmpty)
            let today = AuditHistory.timeFormat.string(from: Date()).prefix(10)
            #expect(try await street.api(.GET, "/api/v1/audit?from=\(today)&to=\(today)").jsonArray().count >= 2)
            #expect(try await street.api(.GET, "/api/v1/audit?from=yesterday").status == .badRequest)
            let worker = try await Client.api(app, as: "worker")
            #expect(try await worker.api(.GET, "/api/v1/audit").status == .forbidden)
            let page = try await Client.page(app, as: "orgdept")
            let html = try await page.get("/audit?actor=orgdept&entityType=org_node")
            #expect(html.body.string.contains("乙社区"))
        }
    }

    @Test func accessLogShowsRefusalsAndUnmaskedReads() async throws {
        try await withTestApp { app in
            let outside = try await Fixtures.node(app, code: "QH-S2-C1")
            let secretary = try await Client.api(app, as: "secretary")
            #expect(try await secretary.api(.GET, "/api/v1/org/nodes/\(outside.id!)").status == .notFound)
            let admin = try await Client.api(app, as: "admin")
            let log = try await admin.api(.GET, "/api/v1/access-log")
            let kinds = try log.jsonArray().compactMap { $0["kind"] as? String }
            #expect(kinds.contains("outOfScopeRead"))
            let page = try await Client.page(app, as: "admin")
            #expect(try await page.get("/access-log").body.string.contains("越权查看"))
            // A read refused for want of a permission is a refused read, named in the reader's language.
            let resident = try await Client.page(app, as: "resident")
            #expect(try await resident.get("/org").status == .forbidden)
            let refused = try #require(try await Fixtures.accessLog(app, .outOfScopeRead).last)
            #expect(refused.detail == "missing permission viewTree" && refused.method == "GET")
            let logPage = try await page.get("/access-log").body.string
            #expect(logPage.contains("缺少权限：查看组织与网格") && !logPage.contains("越权修改"))
        }
    }

    /// The audit log reads as a table of what changed, field by field, not as raw JSON.
    @Test func auditEntriesShowTheirChangesAsATable() async throws {
        try await withTestApp { app in
            let node = try await Fixtures.node(app, code: "QH-S1-C1")
            let admin = try await Client.api(app, as: "admin")
            let renamed = try await admin.api(
                .PATCH, "/api/v1/org/nodes/\(node.id!)", json: ["name": "枫林社区党委（新）"])
            #expect(renamed.status == .ok)
            let page = try await Client.page(app, as: "admin").get("/audit").body.string
            #expect(page.contains("<table class=\"changes\">") && page.contains("枫林社区党委（新）"))
            #expect(!page.contains("<pre class=\"json\">"))
        }
    }

    @Test func logsRefuseUpdatesAndDeletesInTheDatabase() async throws {
        try await withTestApp { app in
            let sql = try #require(app.db as? SQLDatabase)
            _ = try await RequestsTests.raise(try await Client.api(app, as: "resident"))
            #expect(try await AuditEntry.query(on: app.db).count() > 0)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_entries SET actor_name = 'x'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_entries").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM request_events").run() }
            #expect(try await AuditEntry.query(on: app.db).filter(\.$actorName == "x").count() == 0)
        }
    }
}
