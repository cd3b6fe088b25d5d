import Fluent
import SQLKit
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Scope follows every move: registered path copies, moves, merges, grid changes")
struct TreePathsTests {
    /// Every column that copies a path or names a node, as the database has them.
    static func columns(_ app: Application) async throws -> [(table: String, column: String)] {
        let sql = try #require(app.db as? SQLDatabase)
        if sql.dialect.name == "postgresql" {
            return try await sql.raw(
                """
                SELECT table_name AS t, column_name AS c FROM information_schema.columns
                WHERE table_schema = current_schema()
                """
            ).all().map { (try $0.decode(column: "t", as: String.self), try $0.decode(column: "c", as: String.self)) }
        }
        let tables = try await sql.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        .all().map { try $0.decode(column: "name", as: String.self) }
        var out: [(String, String)] = []
        for t in tables {
            for row in try await sql.raw("SELECT name FROM pragma_table_info(\(bind: t))").all() {
                out.append((t, try row.decode(column: "name", as: String.self)))
            }
        }
        return out
    }

    @Test func everyColumnThatCopiesAPathOrNamesANodeIsRegistered() async throws {
        try await withTestApp { app in
            let all = try await Self.columns(app)
            let registered = Dictionary(grouping: TreePaths.tables, by: \.table).mapValues { $0[0] }
            for (table, column) in all {
                let entry = registered[table]
                if column == "path" || column.hasSuffix("_path") {
                    #expect(
                        entry?.pathColumns.contains(column) == true, "\(table).\(column) copies a path: register it")
                }
                if column.hasSuffix("_node_id") {
                    let exempt = TreePaths.notMerged.contains { $0.table == table && $0.column == column }
                    #expect(exempt || entry?.nodeColumns.contains(column) == true, "\(table).\(column) names a node")
                }
            }
            // And nothing registered that the schema does not have (a typo would silently skip a table).
            let present = Set(all.map { "\($0.table)|\($0.column)" })
            for t in TreePaths.tables {
                for c in t.pathColumns + t.nodeColumns + [t.gridColumn, t.gridCommunityColumn].compactMap({ $0 }) {
                    #expect(present.contains("\(t.table)|\(c)"), "registered \(t.table).\(c) is not in the schema")
                }
            }
        }
    }

    /// Rows of every registered table whose path lies under `prefix`.
    static func rowsUnder(_ prefix: String, _ app: Application, skipping: Set<String> = []) async throws -> [String:
        Int]
    {
        let sql = try #require(app.db as? SQLDatabase)
        var counts: [String: Int] = [:]
        for t in TreePaths.tables where !skipping.contains(t.table) {
            for c in t.pathColumns {
                let n =
                    try await sql.raw(
                        "SELECT COUNT(*) AS n FROM \(ident: t.table) WHERE \(ident: c) LIKE \(bind: prefix + "%")"
                    )
                    .first()?.decode(column: "n", as: Int.self) ?? 0
                if n > 0 { counts["\(t.table).\(c)"] = n }
            }
        }
        return counts
    }

    /// A visit that finds a problem (a visit and a request), a visit plan and a joint meeting in the community.
    static func work(in community: OrgNode, _ app: Application) async throws {
        let grid = try #require(
            try await Grid.query(on: app.db).filter(\.$communityNodeID == community.id!).sort(\.$id).first())
        let household = try #require(try await Household.query(on: app.db).filter(\.$gridID == grid.id!).first())
        let admin = try await Client.api(app, as: "admin")
        let visited = try await admin.api(
            .POST, "/api/v1/visits",
            json: [
                "householdId": household.id!, "note": "入户走访",
                "problem": [
                    "kind": "help", "category": "other",
                    "text": """
                    楼道灯坏了，老人晚上看不见台阶
                    """,
                ],
            ])
        #expect(visited.status == .created, "\(visited.body.string)")
        let visitor = try await Fixtures.user(app, "admin")
        let plan = try await admin.api(
            .POST, "/api/v1/visit-plans",
            json: [
                "gridId": grid.id!, "visitorUserId": visitor.id!, "due": "2026-12-31", "householdIds": [household.id!],
            ])
        #expect(plan.status == .created, "\(plan.body.string)")
        let meeting = JointMeeting()
        meeting.communityNodeID = community.id!
        meeting.path = community.path
        meeting.date = "2026-11-20"
        meeting.host = "书记"
        meeting.attendees = "物业、业委会、居委会"
        try await meeting.create(on: app.db)
    }

    @Test func aCommunityMovedToAnotherStreetTakesEverythingAlong() async throws {
        try await withTestApp { app in
            let community = try await Fixtures.node(app, code: "QH-S1-C1")
            let newStreet = try await Fixtures.node(app, code: "QH-S2")
            try await Self.work(in: community, app)
            let before = try await Self.rowsUnder(community.path, app)
            for table in [
                "grids", "households", "service_requests", "visits", "visit_plans", "joint_meetings", "meetings",
                "meeting_invitees", "meeting_decisions", "meeting_agenda_items",
            ] {
                #expect(before["\(table).path"] != nil, "the demo should have \(table) in 枫林 to move")
            }
            let secretary = try await Client.api(app, as: "secretary")
            let gridWorker = try await Client.api(app, as: "gridworker")
            let street = try await Client.api(app, as: "street")
            let ownBefore = try await secretary.api(.GET, "/api/v1/requests").jsonArray().count
            let workerBefore = try await gridWorker.api(.GET, "/api/v1/requests").jsonArray().count
            let streetGridsBefore = try await street.api(.GET, "/api/v1/grids").jsonArray().count
            #expect(ownBefore > 0 && workerBefore > 0)

            let admin = try await Client.api(app, as: "admin")
            let moved = try await admin.api(
                .POST, "/api/v1/org/nodes/\(community.id!)/move", json: ["parentId": newStreet.id!])
            #expect(moved.status == .ok)
            let newPath = try #require(try await OrgNode.find(community.id!, on: app.db)).path
            #expect(newPath.hasPrefix(newStreet.path))

            // Nothing is left at the old path; everything that was there is at the new one.
            #expect(try await Self.rowsUnder(community.path, app) == [:])
            #expect(try await Self.rowsUnder(newPath, app).mapValues { _ in 1 } == before.mapValues { _ in 1 })
            #expect(try await secretary.api(.GET, "/api/v1/requests").jsonArray().count == ownBefore)
            #expect(try await gridWorker.api(.GET, "/api/v1/requests").jsonArray().count == workerBefore)
            // The old street no longer reads the community's requests, grids or households.
            let streetRequests = try await street.api(.GET, "/api/v1/requests").jsonArray()
            #expect(!streetRequests.contains { ($0["communityNodeId"] as? Int) == community.id })
            #expect(try await street.api(.GET, "/api/v1/grids").jsonArray().count < streetGridsBefore)
            let aRequest = try #require(
                try await ServiceRequest.query(on: app.db).filter(\.$communityNodeID == community.id!).first())
            #expect(try await street.api(.GET, "/api/v1/requests/\(aRequest.id!)").status == .notFound)
            #expect(try await secretary.api(.GET, "/api/v1/requests/\(aRequest.id!)").status == .ok)
        }
    }

    @Test func aMergedCommunityLeavesNothingOnTheArchivedNode() async throws {
        try await withTestApp { app in
            let source = try await Fixtures.node(app, code: "QH-S1-C2")
            let target = try await Fixtures.node(app, code: "QH-S1-C1")
            let admin = try await Client.api(app, as: "admin")
            try await Self.work(in: source, app)
            let res = try await admin.api(
                .POST, "/api/v1/org/nodes/\(source.id!)/merge", json: ["targetId": target.id!])
            #expect(res.status == .ok, "\(res.body.string)")
            // Only the archived node itself and the merge's own record of it keep its path.
            let left = try await Self.rowsUnder(source.path, app, skipping: [OrgNode.schema, AuditEntry.schema])
            #expect(left == [:])
            #expect(try await Grid.query(on: app.db).filter(\.$communityNodeID == source.id!).count() == 0)
            #expect(try await ServiceRequest.query(on: app.db).filter(\.$communityNodeID == source.id!).count() == 0)
            let sql = try #require(app.db as? SQLDatabase)
            for t in TreePaths.tables {
                for c in t.nodeColumns
                where !TreePaths.notMerged.contains(where: { $0.table == t.table && $0.column == c }) {
                    let n =
                        try await sql.raw(
                            "SELECT COUNT(*) AS n FROM \(ident: t.table) WHERE \(ident: c) = \(bind: source.id!)"
                        )
                        .first()?.decode(column: "n", as: Int.self) ?? 0
                    #expect(n == 0, "\(t.table).\(c) still names the merged node")
                }
            }
        }
    }

    @Test func aGridGivenAnotherBranchTakesItsRowsInTheSameAuditedChange() async throws {
        try await withTestApp { app in
            let grid = try #require(try await Grid.query(on: app.db).filter(\.$code == "QH-S1-C1-G1").first())
            let community = try await Fixtures.node(app, code: "QH-S1-C1")
            let branch = try #require(
                try await OrgNode.query(on: app.db).filter(\.$parentID == community.id!).filter(\.$kind == .gridBranch)
                    .filter(\.$id != grid.branchNodeID ?? 0).first())
            let admin = try await Client.api(app, as: "admin")
            let res = try await admin.api(.PATCH, "/api/v1/grids/\(grid.id!)", json: ["branchNodeId": branch.id!])
            #expect(res.status == .ok, "\(res.body.string)")
            for t in TreePaths.tables {
                guard let g = t.gridColumn, let c = t.pathColumns.first else { continue }
                let sql = try #require(app.db as? SQLDatabase)
                let stale =
                    try await sql.raw(
                        """
                        SELECT COUNT(*) AS n FROM \(ident: t.table)
                        WHERE \(ident: g) = \(bind: grid.id!) AND \(ident: c) <> \(bind: branch.path)
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                #expect(stale == 0, "\(t.table) rows of the grid kept the old path")
            }
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "grid").filter(
                \.$entityID == grid.id!
            ).all()
            #expect(audit.contains { ($0.afterJSON ?? "").contains(branch.path) })
        }
    }
}
