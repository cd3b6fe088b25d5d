import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import Gongzhi

// Issue 8: a probe of every route, generated from the OpenAPI document the server serves.
//
// For every operation under `/api/v1/` with a path parameter, and for every demo account, the probe finds a real
// record of the kind the path names that lies OUTSIDE that account's scope, calls the operation on it with a body
// that would be valid if the record were in scope, and checks:
//
// * a read (GET) answers 404, the same answer (status, code, message) as for an id that does not exist; the
//   administrator's read of the same URL answers 200, so the 404 is the scope's and not a wrong URL's. A read may
//   answer 403 only where the role lacks the permission for the operation altogether — recognised by the
//   access-log entry the refusal writes ("missing permission …"): a role that may not read people at all learns
//   nothing from a 403, but a role that may is never told that an id exists;
// * a change (POST, PATCH, PUT, DELETE) answers 403, or 404 where the handler looks the record up through the
//   caller's scoped read first (requests, their photos, import batches): both refuse, both are logged, and neither
//   tells more than the read does. Any other answer — 2xx, 400, 409, 422 — means the handler went on with a record
//   it should have refused before looking any further, and fails the probe. A person the caller sees only as an
//   in-service member reporting to their home community is probed too: visible, so a change must answer 403;
// * never a 5xx; the refusal carries the API's error body and is written to the access log;
// * nothing changed: no row was added to or removed from any table (the access log aside), no audit entry or
//   request event was written, and the record reads the same (its row, and an administrator's API read of it)
//   after every role has tried.
//
// Records are picked by a table from the path up to its first parameter to a kind of record (`objects`); an
// operation whose path has no entry FAILS the probe, so a route added later is probed as soon as someone says
// which records it touches — or says, in `unscoped`, why its parameter names nothing scoped. Bodies are built
// from the document's request schema (required properties, or a name, or every property; enums take their first
// value); a body property naming a record takes a record INSIDE the caller's scope (`bodyReferences`), so that
// a refusal can only come from the record in the path. A body property naming a record the table does not know
// fails the probe too.
//
// Ids in queries (filters such as orgId, gridId, nodeId) and in bodies (parentId, householdId, unitIds …) get tests
// of their own, for every operation, parameterised or not: a record outside the caller's scope must answer exactly
// as an id that does not exist, and change no more than it (`queryReferences`, `unscopedQueries`, `bodyReferences`,
// `knownBodyLeaks` — the ids that still answer a logged 403 where an unknown id answers 404).
// GONGZHI_PROBE_TRACE=1 prints every probe and its answer.
//
// Besides the demo accounts the probe adds one the demo lacks — an organisation-department administrator bound to
// 清河街道 — so that account management and district-wide settings have someone outside their scope, and a third
// street (探针街道, QH-S9) built through the API by the administrator, so that the command centre (清河 and
// 云岭) has records outside its scope too. Records of the district itself (API keys, request categories, calendar
// years) lie outside the scope of every account not bound to the district's root.
@Suite("A probe of every API route, from the OpenAPI document")
struct RouteProbeTests {
    // MARK: The tables

    /// What a path names, by the path up to and including its first parameter.
    static let objects: [String: ObjectKind] = [
        "/api/v1/org/nodes/{id}": .orgNode,
        "/api/v1/people/{id}": .person,
        "/api/v1/people/import/{batch}": .peopleBatch,
        "/api/v1/units/{id}": .unit,
        "/api/v1/units/import/{batch}": .unitsBatch,
        "/api/v1/accounts/{id}": .account,
        "/api/v1/places/import/{batch}": .gridsBatch,
        "/api/v1/grids/{id}": .grid,
        "/api/v1/households/{id}": .household,
        "/api/v1/requests/{id}": .request,
        "/api/v1/meetings/{id}": .meeting,
        "/api/v1/meeting-tasks/{id}": .meetingTask,
        "/api/v1/api-keys/{id}": .apiKey,
        "/api/v1/request-categories/{code}": .category,
        "/api/v1/calendar/{year}": .calendarYear,
        "/api/v1/joint-bodies/{id}": .jointBody,
        "/api/v1/agreements/{id}": .agreement,
        "/api/v1/reporting/unit-reports/{id}": .unitReport,
        "/api/v1/reporting/member-reports/{id}": .memberReport,
        "/api/v1/reporting/posts/{id}": .servicePost,
        "/api/v1/reporting/services/{id}": .memberService,
        "/api/v1/records/people/{id}": .person,
        "/api/v1/records/units/{id}": .unit,
        "/api/v1/lists/items/{id}": .listItem,
        "/api/v1/lists/resources/{id}": .listResource,
        "/api/v1/lists/projects/{id}": .actionProject,
        "/api/v1/volunteering/activities/{id}": .activity,
        "/api/v1/volunteering/teams/{id}": .serviceTeam,
        "/api/v1/volunteering/volunteers/{id}": .volunteer,
        "/api/v1/points/people/{id}": .person,
        "/api/v1/points/shops/{id}": .pointsShop,
        "/api/v1/points/goods/{id}": .pointsGood,
        "/api/v1/points/redemptions/{id}": .pointsRedemption,
        "/api/v1/approvals/{id}": .approval,
    ]

    /// Later path parameters, by the path up to and including them. A parameter with an enum in the document
    /// (a request's `{action}`) is probed with every value instead.
    static let laterParameters: [String: Dependent] = [
        "/api/v1/accounts/{id}/shares/{node}": .sharedNode,
        "/api/v1/grids/{id}/duties/{duty}": .gridDuty,
        "/api/v1/requests/{id}/photos/{photo}": .requestPhoto,
        "/api/v1/joint-bodies/{id}/members/{memberId}": .bodyMember,
        "/api/v1/joint-bodies/{id}/seats/{seatId}": .bodySeat,
        "/api/v1/agreements/{id}/projects/{projectId}": .agreementProject,
        "/api/v1/lists/items/{id}/claims/{claimId}": .listClaim,
        "/api/v1/lists/projects/{id}/milestones/{milestoneId}": .projectMilestone,
        "/api/v1/lists/projects/{id}/photos/{photoId}": .projectPhoto,
    ]

    /// Operations whose path parameter names nothing that lies in anyone's scope. Keep this short, with reasons.
    static let unscoped: [String: String] = [
        "GET /api/v1/calendar/{year}":
            "the statutory working-day calendar is public reference data, the same for every caller"
    ]

    /// Body properties that name a record: filled with a record inside the caller's scope.
    static let bodyReferences: [String: ObjectKind] = [
        "parentId": .orgNode, "targetId": .orgNode, "orgNodeId": .orgNode, "communityNodeId": .community,
        "branchNodeId": .branch, "groupNodeId": .group, "locationNodeId": .orgNode, "partyOrgNodeId": .unitOrg,
        "homeNodeId": .community,
        "personId": .person, "leaderPersonId": .person, "reporterPersonId": .person,
        "householdId": .household, "householdIds": .household, "unitId": .unit, "unitIds": .unit, "gridId": .grid,
        "buildingId": .building, "visitorUserId": .account,
        "meetingId": .meeting, "mergeInto": .request, "nodeId": .orgNode, "hostUnitId": .unit,
        "ownerUnitId": .unit, "bodyId": .jointBody, "requestId": .request, "postId": .servicePost,
        "listItemId": .listItem,
        "resourceId": .listResource, "resourceIds": .listResource, "itemIds": .listItem, "partnerUnitIds": .unit,
        "originId": .request, "teamId": .serviceTeam, "activityId": .activity, "approverUserId": .account,
    ]

    /// Bodies the schema alone cannot make valid.
    static let bodyOverrides: [String: @Sendable (Target) -> Any] = [
        // A day off in the target year, and no working weekend (a weekday named as one would be refused).
        "PUT /api/v1/calendar/{year}": { t in
            [
                "source": "探针", "daysOff": [["date": "\(t.key)-01-01", "name": "元旦"]],
                "workingWeekends": [[String: String]](),
            ]
        }
    ]

    /// Query parameters that name a record (filters), by name: probed with a record outside the caller's scope,
    /// which must answer exactly as an id that does not exist. A query parameter ending in "Id" that is not here
    /// fails.
    static let queryReferences: [String: ObjectKind] = [
        "orgId": .orgNode, "parentId": .orgNode, "nodeId": .orgNode, "communityId": .orgNode,
        "gridId": .grid, "householdId": .household, "entityId": .orgNode, "bodyId": .jointBody,
        "personId": .person, "activityId": .activity, "unitId": .unit,
    ]

    /// What else a query needs for its id to matter, by "METHOD path parameter".
    static let queryCompanions: [String: String] = [
        "GET /api/v1/requests nodeId": "metric=raised",
        "GET /api/v1/audit entityId": "entityType=org_node",
        "GET /api/v1/audit/export.csv entityId": "entityType=org_node",
    ]

    /// Query ids that may name records outside the caller's scope, with the reason.
    static let unscopedQueries: [String: String] = [
        "GET /api/v1/requests/public communityId":
            "a community's public requests are public (no personal data), FixMyStreet-style"
    ]

    /// The body pass: bodies to start from where the schema's required properties are not enough to pass the
    /// checks before the record's (the schema of a create shared with its change requires nothing).
    static let bodyBases: [String: @Sendable () -> [String: Any]] = [
        "POST /api/v1/people": { ["name": "探针", "facets": ["resident"]] },
        "POST /api/v1/units": { ["name": "探针单位", "kind": "school"] },
        "POST /api/v1/requests": { ["kind": "help", "category": "environment", "text": "探针"] },
        "POST /api/v1/accounts": {
            ["username": "probe-body", "displayName": "探针", "role": "resident", "password": "Probe-pass-2026"]
        },
        // A building group's leader is the duty that names a group (the others ignore groupNodeId).
        "POST /api/v1/grids/{id}/duties": { ["duty": "buildingGroupLeader"] },
    ]

    /// The body pass: ids in bodies that still answer differently for a record outside the scope (a logged 403, from
    /// the path's check for a change) than for one that does not exist (404), so a body can tell that an id exists
    /// elsewhere — nothing is read or changed. ScopedRecords' rule for body ids is a 422 naming the field for both.
    /// The probe fails for any other such id, and for an entry here that no longer differs: remove it then.
    static let knownBodyLeaks: [String: String] = [:]

    /// The body pass: the steps of a request whose body names records, and which properties.
    static let actionReferences: [String: [String]] = [
        "dispatch": ["unitIds"], "decide": ["unitIds", "meetingId"], "merge": ["mergeInto"],
    ]

    enum ObjectKind: String, Sendable {
        case orgNode, person, unit, account, peopleBatch, unitsBatch, gridsBatch, grid, household, building
        /// Nodes of one kind, for body properties that want one: a community, a grid branch, a building group, a
        /// unit's party organisation.
        case community, branch, group, unitOrg
        case request, meeting, apiKey, category, calendarYear, jointBody, agreement
        /// A meeting's decision (a task of its owner).
        case meetingTask
        /// Reporting's records (双报到).
        case unitReport, memberReport, servicePost, memberService
        /// The four lists' records.
        case listItem, listResource, actionProject
        /// Volunteering's records.
        case activity, serviceTeam, volunteer
        /// Points' records (积分, 党爱超市).
        case pointsShop, pointsGood, pointsRedemption
        /// An approval (审批) neither recorded by nor waiting on the caller.
        case approval
    }

    enum Dependent: Sendable {
        case sharedNode, gridDuty, requestPhoto, bodyMember, bodySeat, agreementProject, listClaim, projectMilestone
        case projectPhoto
    }

    struct Target: Hashable, Sendable {
        let kind: ObjectKind
        let key: String
        var id: Int { Int(key) ?? -1 }
    }

    /// An answer with the probed id masked where it stands as a number of its own (so an answer that echoes the
    /// id compares equal, and the digits of a date or another number are left alone, however small the id).
    static func masked(_ text: String, _ id: String) -> String {
        text.replacingOccurrences(of: "(?<![0-9])\(id)(?![0-9])", with: "#", options: .regularExpression)
    }

    // MARK: The tests

    /// Fast on its own: every parameterised operation has a probe, every table entry is still used, and every
    /// body can be built.
    @Test func everyParameterisedOperationHasAProbe() async throws {
        try await withTestApp { app in
            let ops = try await Self.operations(app)
            var problems: [String] = []
            var usedPrefixes = Set<String>()
            var usedLater = Set<String>()
            var usedUnscoped = Set<String>()
            for op in ops {
                if Self.unscoped[op.key] != nil {
                    usedUnscoped.insert(op.key)
                    continue
                }
                guard let (prefix, _) = Self.kind(of: op.path) else {
                    problems.append(
                        """
                        \(op.key): no probe — add its path up to the first parameter to RouteProbeTests.objects, or\
                         the operation to RouteProbeTests.unscoped with the reason
                        """
                    )
                    continue
                }
                usedPrefixes.insert(prefix)
                for p in op.parameters.dropFirst() where p.enumValues == nil {
                    let upTo = Self.path(op.path, upTo: p.name)
                    if Self.laterParameters[upTo] == nil {
                        problems.append(
                            """
                            \(op.key): no value for the later parameter {\(p.name)} — add \(upTo) to RouteProbeTest\
                            s.laterParameters
                            """
                        )
                    } else {
                        usedLater.insert(upTo)
                    }
                }
                do {
                    _ = try await Self.body(op, target: Target(kind: .orgNode, key: "2030"), reference: { _ in 1 })
                } catch let gap as ProbeGap { problems.append("\(op.key): \(gap.message)") }
            }
            for stale in Set(Self.objects.keys).subtracting(usedPrefixes).sorted() {
                problems.append("RouteProbeTests.objects names \(stale), which no documented operation has")
            }
            for stale in Set(Self.laterParameters.keys).subtracting(usedLater).sorted() {
                problems.append("RouteProbeTests.laterParameters names \(stale), which no documented operation has")
            }
            for stale in Set(Self.unscoped.keys).subtracting(usedUnscoped).sorted() {
                problems.append("RouteProbeTests.unscoped names \(stale), which is not documented")
            }
            #expect(ops.count > 30, "the document lists \(ops.count) parameterised operations under /api/v1/")
            for p in problems { Issue.record(Comment(rawValue: p)) }
        }
    }

    /// The probes run in shards, each on its own copy of the demo: one probe of every operation took minutes and
    /// held the whole suite back, while shards share the cores with the other tests. Every operation is in one.
    static func shard<T>(_ items: [T], _ shard: Int, of count: Int) -> [T] {
        items.enumerated().filter { $0.offset % count == shard }.map(\.element)
    }

    /// The probe itself.
    @Test(arguments: 0..<6)
    func everyRouteRefusesRecordsOutsideTheCallersScope(shard: Int) async throws {
        try await withTestApp { app in
            let world = try await World.build(app)
            let ops = Self.shard(try await Self.operations(app), shard, of: 6)
            var findings: [String: [String]] = [:]  // finding → the accounts that showed it
            func note(_ finding: String, _ who: String) { findings[finding, default: []].append(who) }
            var calls = 0
            let trace = ProcessInfo.processInfo.environment["GONGZHI_PROBE_TRACE"] != nil
            var counts = try await world.fingerprint()
            var controlled = Set<String>()
            for op in ops {
                if Self.unscoped[op.key] != nil { continue }
                guard let (_, kind) = Self.kind(of: op.path) else {
                    note("\(op.key): no probe (see everyParameterisedOperationHasAProbe)", "-")
                    continue
                }
                var probedBy: [String] = []
                for caller in world.callers {
                    for (target, readable) in try await world.targets(kind, caller, change: op.method != .GET) {
                        await world.rememberSnapshot(of: target)
                        // Every combination of values for the path's parameters.
                        var variants: [[String: String]] = [[op.parameters[0].name: target.key]]
                        var missing = false
                        for p in op.parameters.dropFirst() {
                            if let values = p.enumValues {
                                variants = variants.flatMap { v in values.map { v.merging([p.name: $0]) { a, _ in a } }
                                }
                            } else if let dep = Self.laterParameters[Self.path(op.path, upTo: p.name)],
                                let value = try await world.dependent(dep, of: target, for: caller)
                            {
                                variants = variants.map { $0.merging([p.name: value]) { a, _ in a } }
                            } else {
                                note(
                                    "\(op.key): no {\(p.name)} for \(target.kind.rawValue) \(target.key)",
                                    caller.username)
                                missing = true
                            }
                        }
                        if missing { continue }
                        let body: Body
                        do {
                            body = try await Self.body(
                                op, target: target, reference: { try await world.inside($0, caller) })
                        } catch let gap as ProbeGap {
                            note("\(op.key): \(gap.message)", caller.username)
                            continue
                        }
                        probedBy.append(caller.username)
                        for values in variants {
                            var path = op.path
                            for (name, value) in values {
                                path = path.replacingOccurrences(of: "{\(name)}", with: value)
                            }
                            let label =
                                op.parameters.count > 1 || variants.count > 1
                                ? "\(op.method.rawValue) \(path.replacingOccurrences(of: "/api/v1", with: ""))"
                                : op.key
                            let what =
                                "\(label) on \(target.kind.rawValue) \(target.key)"
                                + (readable ? " (readable from the caller's home community)" : "")
                            // The control: the administrator reads the same URL, so a 404 means scope, not a wrong
                            // URL or record.
                            if op.method == .GET, !controlled.contains(path) {
                                controlled.insert(path)
                                let control = try await world.admin.send(.GET, path)
                                if control.status != .ok {
                                    note(
                                        """
                                        \(what): the administrator's control read answered \(control.status.code): \
                                        the probe's URL or record is wrong
                                        """,
                                        "admin")
                                }
                                counts = try await world.fingerprint()
                            }
                            let res: TestingHTTPResponse
                            switch body {
                            case .none: res = try await caller.client.send(op.method, path)
                            case .json(let json): res = try await caller.client.api(op.method, path, json: json)
                            case .bytes(let type, let bytes):
                                var h = HTTPHeaders()
                                h.replaceOrAdd(name: .contentType, value: type)
                                res = try await caller.client.send(
                                    op.method, path, headers: h, body: ByteBuffer(bytes: bytes))
                            }
                            calls += 1
                            if trace {
                                print("probe \(caller.username) \(what) → \(res.status.code) \(res.errorCode ?? "")")
                            }
                            let after = try await world.fingerprint()
                            let status = res.status.code
                            if status >= 500 {
                                note("\(what): \(status) \(res.body.string.prefix(200))", caller.username)
                            } else if readable {
                                if status != 403 {
                                    note(
                                        "\(what): change answered \(status) \(res.errorCode ?? ""), expected 403",
                                        caller.username)
                                }
                            } else if op.method == .GET {
                                if status == 403 {
                                    let detail =
                                        try await AccessLogEntry.query(on: app.db).sort(\.$id, .descending).first()?
                                        .detail ?? ""
                                    if !detail.hasPrefix("missing permission") || after.accessLog == counts.accessLog {
                                        note(
                                            """
                                            \(what): read answered 403 (\(detail)) where the role may read: expecte\
                                            d 404
                                            """,
                                            caller.username)
                                    }
                                } else if status != 404 {
                                    note("\(what): read answered \(status), expected 404", caller.username)
                                } else {
                                    // The same answer as for an id that does not exist: a read never tells what
                                    // exists elsewhere.
                                    let none = path.replacingCharacters(
                                        in: path.range(of: "/\(target.key)")!, with: "/987654321")
                                    let other = try await caller.client.send(.GET, none)
                                    if other.status.code != status || other.errorCode != res.errorCode
                                        || other.errorMessage != res.errorMessage
                                    {
                                        note(
                                            """
                                            \(what): answered \(status) \(res.errorMessage ?? "") but \
                                            \(other.status.code) \(other.errorMessage ?? "") for an id that does no\
                                            t exist
                                            """,
                                            caller.username)
                                    }
                                }
                            } else if status != 403 && status != 404 {
                                note(
                                    "\(what): change answered \(status) \(res.errorCode ?? ""), expected 403 (or 404)",
                                    caller.username)
                            }
                            if status == 403 || status == 404 {
                                if after.accessLog == counts.accessLog {
                                    note("\(what): the refusal (\(status)) is not in the access log", caller.username)
                                }
                                if res.errorCode == nil {
                                    note("\(what): \(status) without the API's error body", caller.username)
                                }
                            }
                            let changed = after.changes(since: counts)
                            if !changed.isEmpty {
                                note("\(what): answered \(status) and changed \(changed)", caller.username)
                            }
                            counts = try await world.fingerprint()
                        }
                    }
                }
                if probedBy.isEmpty {
                    note(
                        """
                        \(op.key): probed by no account — no record outside anyone's scope; add one to RouteProbeTe\
                        sts.World
                        """,
                        "-")
                }
            }
            for (target, before) in world.snapshots.sorted(by: { $0.key.key < $1.key.key }) {
                let now = try await world.snapshot(target)
                if now != before {
                    note(
                        """
                        \(target.kind.rawValue) \(target.key) is not the same after the probe:\n  before \
                        \(before.prefix(600))\n  after  \(now.prefix(600))
                        """,
                        "-")
                }
            }
            #expect(calls > 500 / 6, "only \(calls) calls were probed in shard \(shard)")
            for (finding, who) in findings.sorted(by: { $0.key < $1.key }) {
                let roles = Array(Set(who)).sorted().joined(separator: ", ")
                Issue.record(Comment(rawValue: "\(finding)  [\(roles)]"))
            }
        }
    }

    /// Filters: an id in a query outside the caller's scope answers exactly as an id that does not exist (the
    /// same status and body), never a 5xx, and changes nothing.
    @Test(arguments: 0..<3)
    func everyIdInAQueryAnswersAsIfItDidNotExist(shard: Int) async throws {
        try await withTestApp { app in
            let world = try await World.build(app)
            let res = try await Client(app).get("/api/openapi.json")
            let paths = try #require(try res.json()["paths"] as? [String: [String: Any]])
            var findings: [String: [String]] = [:]
            func note(_ finding: String, _ who: String) { findings[finding, default: []].append(who) }
            var probes = 0
            var used = Set<String>()
            var counts = try await world.fingerprint()
            let plain = paths.keys.sorted().filter { $0.hasPrefix("/api/v1/") && !$0.contains("{") }
            let mine = Set(Self.shard(plain, shard, of: 3))
            for (path, item) in paths.sorted(by: { $0.key < $1.key }) where mine.contains(path) {
                guard let get = item["get"] as? [String: Any] else { continue }
                let params = (get["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "query" }
                // Required parameters, with an example value each.
                let required = params.filter { $0["required"] as? Bool == true }.compactMap { p -> String? in
                    guard let name = p["name"] as? String else { return nil }
                    let schema = p["schema"] as? [String: Any] ?? [:]
                    let value = (schema["enum"] as? [String])?.first ?? (name == "category" ? "environment" : "1")
                    return "\(name)=\(value)"
                }
                for p in params {
                    guard let name = p["name"] as? String, name.hasSuffix("Id") else { continue }
                    let key = "GET \(path) \(name)"
                    if Self.unscopedQueries[key] != nil {
                        used.insert(key)
                        continue
                    }
                    guard let kind = Self.queryReferences[name] else {
                        note(
                            """
                            \(key): a query id without a probe — add \(name) to RouteProbeTests.queryReferences, or\
                             the parameter to unscopedQueries with the reason
                            """,
                            "-")
                        continue
                    }
                    let extra = (required + [Self.queryCompanions[key]].compactMap { $0 }).joined(separator: "&")
                    for caller in world.callers {
                        guard let target = try await world.outside(kind, caller) else { continue }
                        func ask(_ id: String) async throws -> (Int, String) {
                            let r = try await caller.client.send(
                                .GET, "\(path)?\(extra.isEmpty ? "" : extra + "&")\(name)=\(id)")
                            var text = r.body.string
                            if let json = try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)),
                                let data = try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
                            {
                                text = String(decoding: data, as: UTF8.self)
                            }
                            return (Int(r.status.code), Self.masked(text, id))
                        }
                        let outside = try await ask(target.key)
                        let missing = try await ask("987654321")
                        probes += 1
                        if ProcessInfo.processInfo.environment["GONGZHI_PROBE_TRACE"] != nil {
                            print(
                                """
                                probe \(caller.username) GET \(path)?\(name)=\(target.key) → \(outside.0) \
                                \(outside.1.prefix(60)) | missing → \(missing.0) \(missing.1.prefix(60))
                                """
                            )
                        }
                        let what = "GET \(path)?\(name)=\(target.kind.rawValue) \(target.key)"
                        if outside.0 >= 500 {
                            note("\(what): \(outside.0) \(outside.1.prefix(200))", caller.username)
                        } else if outside != missing {
                            note(
                                """
                                \(what): answered \(outside.0) \(outside.1.prefix(160)) but \(missing.0) \
                                \(missing.1.prefix(160)) for an id that does not exist
                                """,
                                caller.username)
                        }
                        let after = try await world.fingerprint()
                        let changed = after.changes(since: counts)
                        if !changed.isEmpty { note("\(what): changed \(changed)", caller.username) }
                        counts = after
                    }
                }
            }
            for stale in Set(Self.unscopedQueries.keys).subtracting(used).sorted() {
                let path = String(stale.split(separator: " ")[1])
                // Each shard answers for its own paths; shard 0 for one the document no longer has.
                guard mine.contains(path) || (shard == 0 && paths[path] == nil) else { continue }
                note("RouteProbeTests.unscopedQueries names \(stale), which is not documented", "-")
            }
            #expect(probes > 100 / 3, "only \(probes) query ids were probed in shard \(shard)")
            for (finding, who) in findings.sorted(by: { $0.key < $1.key }) {
                Issue.record(Comment(rawValue: "\(finding)  [\(Array(Set(who)).sorted().joined(separator: ", "))]"))
            }
        }
    }

    /// Ids in bodies: for every operation whose body names a record and every account, the record named (one
    /// property at a time, the others inside the caller's scope, the path's record inside it too) lies outside the
    /// caller's scope. The answer must be the one for an id that does not exist (the same status, code and message:
    /// a body cannot tell what exists elsewhere), never a 5xx, and the call must change no more than the call with
    /// the id that does not exist did (a property the step ignores changes the same for both). Where the answer
    /// names the property (a 422 with the field), the outside id is in the access log.
    @Test(arguments: 0..<4)
    func everyIdInABodyAnswersAsIfItDidNotExist(shard: Int) async throws {
        try await withTestApp { app in
            let world = try await World.build(app)
            let ops = Self.shard(try await Self.operations(app, withPathParameters: false), shard, of: 4)
            var findings: [String: [String]] = [:]
            func note(_ finding: String, _ who: String) { findings[finding, default: []].append(who) }
            var probes = 0
            var leaking = Set<String>()
            let trace = ProcessInfo.processInfo.environment["GONGZHI_PROBE_TRACE"] != nil
            for op in ops {
                guard let (type, raw) = op.body, type == "application/json" else { continue }
                var schema = raw
                if let ref = raw["$ref"] as? String,
                    let resolved = op.components[String(ref.split(separator: "/").last ?? "")] as? [String: Any]
                {
                    schema = resolved
                }
                let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
                let refs = properties.keys.filter { Self.bodyReferences[$0] != nil }.sorted()
                for name in properties.keys
                where (name.hasSuffix("Id") || name.hasSuffix("Ids")) && Self.bodyReferences[name] == nil {
                    note(
                        """
                        \(op.key): body property \(name) names a record the probe does not know — add it to RoutePr\
                        obeTests.bodyReferences
                        """,
                        "-")
                }
                if refs.isEmpty { continue }
                let pathKind = op.parameters.isEmpty ? nil : Self.kind(of: op.path)?.1
                if !op.parameters.isEmpty && pathKind == nil { continue }  // reported by the other tests
                let actions: [String?] =
                    op.parameters.first { $0.enumValues != nil }?.enumValues?.filter {
                        Self.actionReferences[$0] != nil
                    } ?? [nil]
                for caller in world.callers {
                    var path = op.path
                    if let pathKind {
                        guard let t = try await world.insideForPath(pathKind, caller) else { continue }
                        path = path.replacingOccurrences(of: "{\(op.parameters[0].name)}", with: t.key)
                    }
                    for action in actions {
                        let url = action.map { path.replacingOccurrences(of: "{action}", with: $0) } ?? path
                        if url.contains("{") { continue }
                        var base: [String: Any]
                        do {
                            if let make = Self.bodyBases[op.key] {
                                base = make()
                            } else {
                                base =
                                    try await Self.example(
                                        raw, name: nil, op: op, reference: { try await world.inside($0, caller) })
                                    as? [String: Any] ?? [:]
                            }
                            for r in (schema["required"] as? [String] ?? [])
                            where base[r] == nil && Self.bodyReferences[r] != nil {
                                let id = try await world.inside(Self.bodyReferences[r]!, caller)
                                base[r] = r.hasSuffix("Ids") ? [id] : id
                            }
                        } catch let gap as ProbeGap {
                            note("\(op.key): \(gap.message)", caller.username)
                            continue
                        }
                        for name in action.map({ Self.actionReferences[$0] ?? [] }) ?? refs {
                            guard let kind = Self.bodyReferences[name],
                                let target = try await world.outside(kind, caller)
                            else { continue }
                            func ask(_ id: Int) async throws -> (
                                status: Int, code: String?, message: String?, rows: String
                            ) {
                                var body = base
                                body[name] = name.hasSuffix("Ids") ? [id] : id
                                let before = try await world.fingerprint()
                                let r = try await caller.client.api(op.method, url, json: body)
                                let after = try await world.fingerprint()
                                return (
                                    Int(r.status.code), r.errorCode,
                                    r.errorMessage.map { Self.masked($0, String(id)) },
                                    after.changes(since: before)
                                )
                            }
                            let outside = try await ask(target.id)
                            let missing = try await ask(987_654_321)
                            probes += 1
                            let what =
                                """
                                \(op.method.rawValue) \(url.replacingOccurrences(of: "/api/v1", with: "")) \(name)=\
                                \(target.kind.rawValue) \(target.key)
                                """
                            if trace {
                                print(
                                    """
                                    probe \(caller.username) \(what) → \(outside.status) \(outside.code ?? "") \
                                    \(outside.message ?? "") | missing → \(missing.status) \(missing.code ?? "") \
                                    \(missing.message ?? "")
                                    """
                                )
                            }
                            let key = "\(op.key) \(name)"
                            if outside.status >= 500 {
                                note("\(what): \(outside.status)", caller.username)
                            } else if (outside.status, outside.code, outside.message) != (
                                missing.status, missing.code, missing.message
                            ) {
                                // Both refused, nothing changed: a known leak of existence, or a new one.
                                let refusedAlike =
                                    outside.status >= 400 && missing.status >= 400 && outside.rows.isEmpty
                                    && missing.rows.isEmpty
                                if refusedAlike && Self.knownBodyLeaks[key] != nil {
                                    leaking.insert(key)
                                } else {
                                    note(
                                        """
                                        \(what): answered \(outside.status) \(outside.code ?? "") «\
                                        \(outside.message ?? "")» but \(missing.status) \(missing.code ?? "") «\
                                        \(missing.message ?? "")» for an id that does not exist
                                        """,
                                        caller.username)
                                }
                            }
                            if outside.rows != missing.rows {
                                note(
                                    """
                                    \(what): changed \(outside.rows.isEmpty ? "nothing" : outside.rows), with an id\
                                     that does not exist \(missing.rows.isEmpty ? "nothing" : missing.rows)
                                    """,
                                    caller.username)
                            }
                        }
                    }
                }
            }
            for fixed in Set(Self.knownBodyLeaks.keys).subtracting(leaking).sorted()
            where ops.contains(where: { fixed.hasPrefix($0.key) }) {
                note(
                    """
                    \(fixed) no longer tells an id outside the scope from one that does not exist: remove it from R\
                    outeProbeTests.knownBodyLeaks
                    """,
                    "-")
            }
            #expect(probes > 200 / 4, "only \(probes) body ids were probed in shard \(shard)")
            for (finding, who) in findings.sorted(by: { $0.key < $1.key }) {
                Issue.record(Comment(rawValue: "\(finding)  [\(Array(Set(who)).sorted().joined(separator: ", "))]"))
            }
        }
    }

    // MARK: The document

    struct Parameter {
        let name: String
        let enumValues: [String]?
    }
    struct Operation {
        let method: HTTPMethod
        let path: String
        let parameters: [Parameter]
        /// Content type and schema of the request body, when the operation takes one.
        let body: (type: String, schema: [String: Any])?
        let components: [String: Any]
        var key: String { "\(method.rawValue) \(path)" }
    }

    /// Every operation under /api/v1/ with a path parameter, in the order of the document's paths.
    static func operations(_ app: Application, withPathParameters: Bool = true) async throws -> [Operation] {
        let res = try await Client(app).get("/api/openapi.json")
        #expect(res.status == .ok)
        let doc = try res.json()
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        let components = (doc["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var ops: [Operation] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("/api/v1/") && (!withPathParameters || path.contains("{")) {
            let shared = item["parameters"] as? [[String: Any]] ?? []
            for (method, raw) in item.sorted(by: { $0.key < $1.key }) {
                guard ["get", "post", "put", "patch", "delete"].contains(method), let o = raw as? [String: Any] else {
                    continue
                }
                let all = shared + (o["parameters"] as? [[String: Any]] ?? [])
                var params: [Parameter] = []
                // In the order they appear in the path.
                for segment in path.split(separator: "/") where segment.hasPrefix("{") {
                    let name = String(segment.dropFirst().dropLast())
                    let p = all.first { $0["name"] as? String == name && $0["in"] as? String == "path" }
                    params.append(
                        Parameter(name: name, enumValues: (p?["schema"] as? [String: Any])?["enum"] as? [String]))
                }
                var body: (type: String, schema: [String: Any])?
                if let content = (o["requestBody"] as? [String: Any])?["content"] as? [String: Any],
                    let type = content.keys.sorted().first,
                    let schema = (content[type] as? [String: Any])?["schema"] as? [String: Any]
                {
                    body = (type, schema)
                }
                ops.append(
                    Operation(
                        method: HTTPMethod(rawValue: method.uppercased()), path: path, parameters: params, body: body,
                        components: components))
            }
        }
        return ops
    }

    static func kind(of path: String) -> (String, ObjectKind)? {
        guard let first = path.split(separator: "/").first(where: { $0.hasPrefix("{") }) else { return nil }
        let prefix = Self.path(path, upTo: String(first.dropFirst().dropLast()))
        return objects[prefix].map { (prefix, $0) }
    }

    /// The path up to and including the parameter.
    static func path(_ path: String, upTo name: String) -> String {
        guard let r = path.range(of: "{\(name)}") else { return path }
        return String(path[..<r.upperBound])
    }

    // MARK: Bodies

    enum Body {
        case none
        case json(Any)
        case bytes(String, [UInt8])
    }
    struct ProbeGap: Error { let message: String }

    /// A body that would be valid if the record were in scope, from the document's schema.
    static func body(_ op: Operation, target: Target, reference: (ObjectKind) async throws -> Int) async throws -> Body
    {
        guard let (type, schema) = op.body else { return .none }
        if let make = bodyOverrides[op.key] { return .json(make(target)) }
        switch type {
        case "application/json":
            return .json(try await example(schema, name: nil, op: op, reference: reference))
        case "image/jpeg":
            return .bytes(type, ImageSanitizerFixture.jpeg)
        default:
            throw ProbeGap(
                message:
                    """
                    no example body of type \(type) — add one to RouteProbeTests.bodyOverrides or RouteProbeTests\
                    .body
                    """
            )
        }
    }

    static func example(
        _ raw: [String: Any], name: String?, op: Operation, reference: (ObjectKind) async throws -> Int
    )
        async throws -> Any
    {
        var schema = raw
        if let ref = raw["$ref"] as? String,
            let resolved = op.components[String(ref.split(separator: "/").last ?? "")] as? [String: Any]
        {
            schema = resolved
        }
        if let values = schema["enum"] as? [Any], let first = values.first { return first }
        let type = (schema["type"] as? String) ?? ((schema["type"] as? [String])?.first { $0 != "null" }) ?? "object"
        if let name, name.hasSuffix("Id") || name.hasSuffix("Ids") || name == "mergeInto" {
            guard let kind = bodyReferences[name] else {
                throw ProbeGap(
                    message:
                        """
                        body property \(name) names a record the probe does not know — add it to RouteProbeTests.bo\
                        dyReferences
                        """
                )
            }
            let id = try await reference(kind)
            return type == "array" ? [id] : id
        }
        switch type {
        case "object":
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            let required = schema["required"] as? [String] ?? []
            // The required properties; with none, a new name (a rename is the least a change can be); else all.
            let chosen =
                !required.isEmpty
                ? required
                : ["name", "displayName"].first { properties[$0] != nil }.map { [$0] } ?? properties.keys.sorted()
            var out: [String: Any] = [:]
            for key in chosen {
                guard let p = properties[key] else {
                    throw ProbeGap(message: "required property \(key) has no schema")
                }
                out[key] = try await example(p, name: key, op: op, reference: reference)
            }
            return out
        case "array":
            return [
                try await example(schema["items"] as? [String: Any] ?? [:], name: nil, op: op, reference: reference)
            ]
        case "integer":
            return schema["minimum"] as? Int ?? 1
        case "number":
            return 0.0
        case "boolean":
            return true
        case "string":
            if schema["format"] as? String == "date" { return "2030-01-15" }
            switch name ?? "" {
            case let n where n.lowercased().contains("password"): return "Probe-pass-2026"
            case "phone", "contactPhone": return "13900009999"
            case "idNumber": return "11010519491231002X"
            default: return "探针"
            }
        default:
            throw ProbeGap(message: "no example for a \(type) property \(name ?? "")")
        }
    }

    // MARK: The world: callers, fixtures, pickers

    struct Fingerprint {
        var rows: [String: Int]
        var accessLog: Int
        func changes(since earlier: Fingerprint) -> String {
            rows.keys.sorted().compactMap { t in
                let d = (rows[t] ?? 0) - (earlier.rows[t] ?? 0)
                return d == 0 ? nil : "\(t) \(d > 0 ? "+" : "")\(d)"
            }.joined(separator: ", ")
        }
    }

    final class Caller: @unchecked Sendable {
        let username: String
        let user: User
        let node: OrgNode
        let scope: DataScope
        let client: Client
        let homeGridID: Int?
        let householdID: Int?
        let myUnitIDs: Set<Int>
        init(
            username: String, user: User, node: OrgNode, scope: DataScope, client: Client, homeGridID: Int?,
            householdID: Int?, myUnitIDs: Set<Int>
        ) {
            self.username = username
            self.user = user
            self.node = node
            self.scope = scope
            self.client = client
            self.homeGridID = homeGridID
            self.householdID = householdID
            self.myUnitIDs = myUnitIDs
        }
        var selfOnly: Bool { scope.isSelfOnly }
        var atRoot: Bool { node.parentID == nil }
        /// Whether a path lies in the caller's subtrees (never, for residents and members).
        func sees(_ path: String?) -> Bool {
            guard let path, !selfOnly else { return false }
            return scope.includes(TreePath(path))
        }
        /// Whether a path lies above the caller's node (the probe prefers records beside the caller to those above).
        func isAbove(_ path: String?) -> Bool { path.map { TreePath($0).contains(node.treePath) } ?? false }
    }

    final class World: @unchecked Sendable {
        let app: Application
        let admin: Client
        var callers: [Caller] = []
        var snapshots: [Target: String] = [:]
        var outsideCache: [String: Target?] = [:]
        var insideCache: [String: Int] = [:]

        init(app: Application, admin: Client) {
            self.app = app
            self.admin = admin
        }
        var db: Database { app.db }

        /// Row counts of every table a change could touch, and of the access log apart.
        static let tables = [
            OrgNode.schema, Person.schema, ResidentUnit.schema, User.schema, ScopeShare.schema, Grid.schema,
            Building.schema, Household.schema, HouseholdLink.schema, GridDuty.schema, GridDepartment.schema,
            ContactAssignment.schema, Area.schema, ServiceRequest.schema, RequestEvent.schema,
            RequestAssignment.schema,
            RequestCategory.schema, JointMeeting.schema, Meeting.schema, MeetingAgendaItem.schema,
            MeetingInvitee.schema, MeetingDecision.schema, MeetingFeedToken.schema, CalendarDay.schema,
            RequestPhoto.schema, VisitPlan.schema,
            Visit.schema, ImportBatch.schema, AuditEntry.schema, APIKey.schema, AppNotification.schema,
            WebhookDelivery.schema,
        ]

        func fingerprint() async throws -> Fingerprint {
            let sql = try #require(db as? SQLDatabase)
            let select = (Self.tables + [AccessLogEntry.schema]).map { "(SELECT COUNT(*) FROM \($0)) AS \($0)" }
                .joined(
                    separator: ", ")
            let row = try #require(try await sql.raw("SELECT \(unsafeRaw: select)").first())
            var rows: [String: Int] = [:]
            for t in Self.tables { rows[t] = try row.decode(column: t, as: Int.self) }
            return Fingerprint(rows: rows, accessLog: try row.decode(column: AccessLogEntry.schema, as: Int.self))
        }

        // MARK: Fixtures

        static func build(_ app: Application) async throws -> World {
            let admin = try await Client.api(app, as: "admin")
            let w = World(app: app, admin: admin)
            try await w.buildThirdStreet()
            try await w.addRequestsAndMeetings()
            // Batches previewed by two accounts, so every account (the administrator too) has one that is not its own.
            try await w.previewBatches(by: admin, community: "QH-S9-C1", lng: 117.41)
            try await w.previewBatches(by: try await Client.api(app, as: "street"), community: "QH-S1-C1", lng: 117.44)
            _ = try await w.call(
                admin, .POST, "/api/v1/accounts",
                [
                    "username": "probe-streetadmin", "displayName": "街道组织员（探针）",
                    "role": "orgDepartmentAdmin", "orgNodeId": try await w.node("QH-S1").id!,
                    "password": "Probe-pass-2026",
                ])
            for username in DemoData.accounts.map(\.username) + ["probe-streetadmin"] {
                let client =
                    username == "admin"
                    ? admin
                    : try await Client.api(
                        app, as: username, password: username.hasPrefix("probe-") ? "Probe-pass-2026" : demoPassword)
                try #require(client.token != nil, "\(username) could not sign in")
                w.callers.append(try await w.caller(username, client))
            }
            return w
        }

        func caller(_ username: String, _ client: Client) async throws -> Caller {
            let user = try await Fixtures.user(app, username)
            let node = try #require(try await OrgNode.find(user.orgNodeID, on: db))
            // The README's rule: residents and members see their own records; everyone else their node's subtree
            // and the subtrees shared with them.
            let scope: DataScope
            if user.role == .resident || user.role == .partyMember {
                scope = .selfOnly(personID: user.personID)
            } else {
                let shared = try await ScopeShare.query(on: db).filter(\.$userID == user.id!).all().map(\.orgNodeID)
                let paths =
                    shared.isEmpty ? [] : try await OrgNode.query(on: db).filter(\.$id ~~ shared).all().map(\.treePath)
                scope = DataScope(own: node.treePath, shared: paths, ownPersonID: user.personID)
            }
            let viewer = try #require(try await Viewer.load(userID: user.id!, on: db))
            let home = try await PlacesQueries.homeGrid(of: viewer, on: db)
            let person = try await user.personID.asyncMap { try await Person.find($0, on: db) } ?? nil
            let units =
                user.role == .unitLiaison
                ? Set(
                    try await ResidentUnit.query(on: db).filter(\.$partyOrgNodeID == node.id!).all().compactMap(\.id))
                : []
            return Caller(
                username: username, user: user, node: node, scope: scope, client: client,
                homeGridID: scope.isSelfOnly ? home?.id : nil,
                householdID: person?.householdID, myUnitIDs: units)
        }

        @discardableResult
        func call(_ c: Client, _ method: HTTPMethod, _ path: String, _ json: Any? = nil) async throws -> [String: Any]
        {
            let res = try await c.api(method, path, json: json)
            try #require(
                (200..<300).contains(res.status.code),
                "fixture \(method.rawValue) \(path) answered \(res.status): \(res.body.string.prefix(300))")
            return (try? res.json()) ?? [:]
        }

        func node(_ code: String) async throws -> OrgNode { try await Fixtures.node(app, code: code) }

        static func square(_ lng: Double, _ lat: Double, _ size: Double) -> String {
            let ring = [[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]
            return "[[" + ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]]"
        }

        static func gridFile(code: String, community: String, lng: Double) -> String {
            #"{"type":"FeatureCollection","features":[{"type":"Feature","#
                + #""properties":{"code":"\#(code)","community":"\#(community)","#
                + #""name":"\#(code)"},"geometry":{"type":"Polygon","coordinates":\#(square(lng, 31.95, 0.01))}}]}"#
        }

        func upload(_ c: Client, _ path: String, type: String, _ body: String) async throws -> [String: Any] {
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .contentType, value: type)
            let res = try await c.send(.POST, path, headers: h, body: ByteBuffer(string: body))
            try #require(
                res.status == .ok, "fixture POST \(path) answered \(res.status): \(res.body.string.prefix(300))")
            return try res.json()
        }

        /// 探针街道 (QH-S9) with a community, a grid branch and a grid, a building with two households (one a
        /// party-member household looking after the other), a member, a grid worker, a police station assigned to the
        /// grid, and an account with a shared subtree: everything outside the command centre's two streets.
        func buildThirdStreet() async throws {
            let district = try await node("QH")
            func create(_ kind: String, _ name: String, _ code: String, _ parent: Int) async throws -> Int {
                try #require(
                    try await call(
                        admin, .POST, "/api/v1/org/nodes",
                        ["kind": kind, "name": name, "code": code, "parentId": parent])["id"] as? Int)
            }
            let street = try await create("streetCommittee", "探针街道党工委", "QH-S9", district.id!)
            let community = try await create("communityCommittee", "探针社区党委", "QH-S9-C1", street)
            let branch = try await create("gridBranch", "探针社区第1网格党支部", "QH-S9-C1-G1", community)
            let preview = try await upload(
                admin, "/api/v1/places/import/preview", type: "application/geo+json",
                Self.gridFile(code: "QH-S9-C1-G1", community: "QH-S9-C1", lng: 117.40))
            try await call(admin, .POST, "/api/v1/places/import/\(try #require(preview["batchId"] as? Int))/commit")
            let grid = try #require(try await Grid.query(on: db).filter(\.$code == "QH-S9-C1-G1").first()).id!
            try await call(admin, .PATCH, "/api/v1/grids/\(grid)", ["branchNodeId": branch])
            let building = try #require(
                try await call(
                    admin, .POST, "/api/v1/buildings",
                    [
                        "gridId": grid, "name": "探针楼",
                        """
                        address
                        """: "探针路1号", "lat": 31.955, "lng": 117.405,
                    ])["id"] as? Int)
            let h1 = try #require(
                try await call(
                    admin, .POST, "/api/v1/households", ["buildingId": building, "room": "101", "population": 2])["id"]
                    as? Int)
            let h2 = try #require(
                try await call(
                    admin, .POST, "/api/v1/households", ["buildingId": building, "room": "102", "population": 3])["id"]
                    as? Int)
            let member = try #require(
                try await call(
                    admin, .POST, "/api/v1/people",
                    ["name": "探针党员", "facets": ["partyMember", "resident"], "orgNodeId": branch])["id"] as? Int)
            try await call(admin, .POST, "/api/v1/households/\(h1)/residents", ["personId": member])
            try await call(admin, .POST, "/api/v1/households/\(h1)/member-household", ["personId": member])
            try await call(admin, .POST, "/api/v1/households/\(h1)/links", ["householdId": h2])
            try await call(admin, .POST, "/api/v1/grids/\(grid)/duties", ["personId": member, "duty": "gridWorker"])
            let unit = try #require(
                try await call(
                    admin, .POST, "/api/v1/units",
                    ["name": "探针派出所", "kind": "police", "locationNodeId": community])["id"] as? Int)
            try await call(admin, .POST, "/api/v1/grids/\(grid)/departments", ["unitId": unit, "role": "police"])
            let account = try #require(
                try await call(
                    admin, .POST, "/api/v1/accounts",
                    [
                        "username": "probe-s9", "displayName": "探针社区工作者",
                        "role": "communityWorker", "orgNodeId": community, "password": "Probe-pass-2026",
                    ])["id"] as? Int)
            try await call(
                admin, .POST, "/api/v1/accounts/\(account)/shares", ["orgNodeId": try await node("QH-S2-C1").id!])
        }

        /// The demo has no requests: one in a neighbouring grid, one in a neighbouring community, one in the second
        /// street and one in the third, each with a photo; and a joint meeting in each of those communities.
        func addRequestsAndMeetings() async throws {
            let categories = try await admin.api(.GET, "/api/v1/request-categories").jsonArray()
            let category = try #require(categories.first?["code"] as? String)
            for code in ["QH-S1-C1-G2", "QH-S1-C2-G1", "QH-S2-C1-G1", "QH-S9-C1-G1"] {
                let grid = try #require(try await Grid.query(on: db).filter(\.$code == code).first())
                let r = try await call(
                    admin, .POST, "/api/v1/requests",
                    [
                        "kind": "help", "category": category, "text": "探针诉求：\(code) 路灯不亮",
                        "gridId": grid.id!, "channel": "walkIn",
                    ])
                let id = try #require((r["request"] as? [String: Any])?["id"] as? Int)
                var h = HTTPHeaders()
                h.replaceOrAdd(name: .contentType, value: "image/jpeg")
                let photo = try await admin.send(
                    .POST, "/api/v1/requests/\(id)/photos", headers: h,
                    body: ByteBuffer(bytes: ImageSanitizerFixture.jpeg))
                try #require(photo.status == .created, "fixture photo answered \(photo.status): \(photo.body.string)")
            }
            for code in ["QH-S1-C2", "QH-S2-C1", "QH-S9-C1"] {
                try await call(
                    admin, .POST, "/api/v1/meetings",
                    ["communityNodeId": try await node(code).id!, "date": "2030-01-15", "host": "探针主持人"])
            }
        }

        /// A people, a units and a grids batch, previewed and never committed.
        func previewBatches(by c: Client, community: String, lng: Double) async throws {
            _ = try await upload(
                c, "/api/v1/people/import/preview", type: "text/csv",
                """
                姓名,身份证号,手机号,类型,组织编码,住址,在职党员,工作单位,入党日期,岗\
                位等级\r\n探针导入,,,居民,\(community),,,,,\r\n
                """)
            _ = try await upload(
                c, "/api/v1/units/import/preview", type: "text/csv",
                """
                单位名称,单位类型,所在组织编码\r\n探针导入单位,学校,\(community)\r\n
                """)
            _ = try await upload(
                c, "/api/v1/places/import/preview", type: "application/geo+json",
                Self.gridFile(code: "\(community)-GX", community: community, lng: lng))
        }

        // MARK: Pickers

        /// The first record (by id) of the kind outside the caller's scope, preferring one beside the caller to one
        /// above; nil when there is none (the district's administrators see everything).
        func outside(_ kind: ObjectKind, _ c: Caller) async throws -> Target? {
            let cacheKey = "\(kind.rawValue) \(c.username)"
            if let cached = outsideCache[cacheKey] { return cached }
            func first<T>(_ items: [T], _ path: (T) -> String?, _ id: (T) -> Int?) -> Target? {
                let pick = items.first { !c.isAbove(path($0)) } ?? items.first
                return pick.flatMap(id).map { Target(kind: kind, key: String($0)) }
            }
            let t: Target?
            switch kind {
            case .orgNode, .community, .branch, .group, .unitOrg:
                t = first(
                    try await OrgNode.query(on: db).filter(\.$archived == false).sort(\.$id).all()
                        .filter { !c.sees($0.path) && Self.fits($0, kind) }, { $0.path }, { $0.id })
            case .person:
                t = first(
                    try await Person.query(on: db).filter(\.$archived == false).sort(\.$id).all()
                        .filter { !c.sees($0.path) && !c.sees($0.homePath) && $0.id != c.user.personID }, { $0.path },
                    { $0.id })
            case .unit:
                t = first(
                    try await ResidentUnit.query(on: db).filter(\.$archived == false).sort(\.$id).all().filter {
                        !c.sees($0.path)
                    }, { $0.path }, { $0.id })
            case .account:
                let paths = Dictionary(
                    uniqueKeysWithValues: try await OrgNode.query(on: db).all().map { ($0.id!, $0.path) })
                let callerIDs = Set(callers.map { $0.user.id! })
                let users = try await User.query(on: db).sort(\.$id).all().filter {
                    $0.id != c.user.id && !c.sees(paths[$0.orgNodeID])
                }
                // Accounts nobody probes with first: a probe that got through must not lock out another caller.
                t = first(
                    users.filter { !callerIDs.contains($0.id!) } + users.filter { callerIDs.contains($0.id!) },
                    { paths[$0.orgNodeID] }, { $0.id })
            case .peopleBatch, .unitsBatch, .gridsBatch:
                let k = kind == .peopleBatch ? "people" : kind == .unitsBatch ? "units" : "grids"
                t = first(
                    try await ImportBatch.query(on: db).filter(\.$kind == k).filter(\.$status == "previewed").sort(
                        \.$id
                    ).all()
                        .filter { $0.createdBy != c.user.id }, { _ in nil }, { $0.id })
            case .grid:
                t = first(
                    try await Grid.query(on: db).filter(\.$archived == false).sort(\.$id).all()
                        .filter { !c.sees($0.path) && $0.id != c.homeGridID }, { $0.path }, { $0.id })
            case .household:
                t = first(
                    try await Household.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && $0.id != c.householdID
                    }, { $0.path }, { $0.id })
            case .building:
                t = first(
                    try await Building.query(on: db).sort(\.$id).all().filter { !c.sees($0.path) }, { $0.path },
                    { $0.id })
            case .request:
                let all = try await ServiceRequest.query(on: db).sort(\.$id).all()
                let assigned = Set(
                    try await RequestAssignment.query(on: db).all().filter { c.myUnitIDs.contains($0.unitID) }.map(
                        \.requestID))
                let mergedInto = Set(all.filter { $0.reporterUserID == c.user.id }.compactMap(\.mergedIntoID))
                t = first(
                    all.filter { r in
                        if c.selfOnly { return r.reporterUserID != c.user.id && !mergedInto.contains(r.id!) }
                        if c.user.role == .unitLiaison { return !assigned.contains(r.id!) }
                        return !c.sees(r.path)
                    }, { $0.path }, { $0.id })
            case .meeting:
                // Outside: neither in scope nor naming the caller or their units (invitee, host, decision owner).
                let access = try await meetingAccess(c)
                var hidden: [Meeting] = []
                for m in try await Meeting.query(on: db).sort(\.$id).all() where !(try await access.sees(m, on: db)) {
                    hidden.append(m)
                }
                t = first(hidden, { $0.path }, { $0.id })
            case .meetingTask:
                let access = try await meetingAccess(c)
                var hidden: [MeetingDecision] = []
                for d in try await MeetingDecision.query(on: db).sort(\.$id).all() where !access.owns(d) {
                    guard let m = try await Meeting.find(d.meetingID, on: db) else { continue }
                    if !(try await access.sees(m, on: db)) { hidden.append(d) }
                }
                t = first(hidden, { $0.path }, { $0.id })
            case .agreement:
                let mine = Set(
                    try await AgreementParty.query(on: db).all().filter { c.myUnitIDs.contains($0.unitID) }
                        .map(\.agreementID))
                t = first(
                    try await Agreement.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && !mine.contains($0.id!)
                    }, { $0.path }, { $0.id })
            case .jointBody:
                // A liaison also sees the bodies their unit is a member of: those are not outside.
                let memberOf = Set(
                    try await BodyMembership.query(on: db).all().filter { c.myUnitIDs.contains($0.unitID) }.map(
                        \.bodyID))
                t = first(
                    try await JointBody.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && !memberOf.contains($0.id!)
                    }, { $0.path }, { $0.id })
            case .apiKey:
                t =
                    c.atRoot
                    ? nil
                    : first(
                        try await APIKey.query(on: db).filter(\.$active == true).sort(\.$id).all(), { _ in nil },
                        { $0.id })
            case .category:
                t =
                    c.atRoot
                    ? nil
                    : try await RequestCategory.query(on: db).filter(\.$active == true).sort(\.$id).first().map {
                        Target(kind: kind, key: $0.code)
                    }
            case .calendarYear:
                t = c.atRoot ? nil : Target(kind: kind, key: "2030")
            case .unitReport:
                t = first(
                    try await UnitReport.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && !c.myUnitIDs.contains($0.unitID)
                    }, { $0.path }, { $0.id })
            case .memberReport:
                t = first(
                    try await MemberReport.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && $0.personID != c.user.personID
                    }, { $0.path }, { $0.id })
            case .servicePost:
                // Not a post of the community the caller (a member) or the caller's units report to.
                let own = Set(
                    try await MemberReport.query(on: db).filter(\.$personID == (c.user.personID ?? -1))
                        .filter(\.$endedOn == nil).all().map(\.path)
                        + UnitReport.query(on: db).filter(\.$unitID ~~ Array(c.myUnitIDs)).filter(\.$endedOn == nil)
                        .all().map(\.path))
                t = first(
                    try await ServicePost.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && !own.contains($0.path)
                    }, { $0.path }, { $0.id })
            case .memberService:
                t = first(
                    try await MemberService.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && $0.personID != c.user.personID
                    }, { $0.path }, { $0.id })
            case .listItem:
                let access = try await listsAccess(c)
                var hidden: [ListItem] = []
                for i in try await ListItem.query(on: db).sort(\.$id).all() where !(try await access.sees(i, on: db)) {
                    hidden.append(i)
                }
                t = first(hidden, { $0.path }, { $0.id })
            case .listResource:
                let access = try await listsAccess(c)
                t = first(
                    try await ListResource.query(on: db).sort(\.$id).all().filter { !access.sees($0) }, { $0.path },
                    { $0.id })
            case .actionProject:
                let access = try await listsAccess(c)
                var hidden: [ActionProject] = []
                for p in try await ActionProject.query(on: db).sort(\.$id).all()
                where !(try await access.sees(p, on: db)) {
                    hidden.append(p)
                }
                t = first(hidden, { $0.path }, { $0.id })
            case .activity:
                let reach = try await volunteerCommunity(c)
                let mine = Set(
                    try await Signup.query(on: db).filter(\.$personID == (c.user.personID ?? -1)).all()
                        .map(\.activityID))
                t = first(
                    try await Activity.query(on: db).sort(\.$id).all().filter { a in
                        if c.selfOnly {
                            let reaches = reach.map { VolunteeringFacts.reaches(a.path, community: $0) } ?? false
                            return !reaches && !mine.contains(a.id!)
                        }
                        if c.user.role == .unitLiaison { return !(a.hostUnitID.map(c.myUnitIDs.contains) ?? false) }
                        return !c.sees(a.path)
                    }, { $0.path }, { $0.id })
            case .serviceTeam:
                let reach = try await volunteerCommunity(c)
                t = first(
                    try await ServiceTeam.query(on: db).filter(\.$active == true).sort(\.$id).all().filter { team in
                        if c.selfOnly {
                            return !(reach.map { VolunteeringFacts.reaches(team.path, community: $0) } ?? false)
                        }
                        return c.user.role == .unitLiaison || !c.sees(team.path)
                    }, { $0.path }, { $0.id })
            case .volunteer:
                t = first(
                    try await Volunteer.query(on: db).sort(\.$id).all().filter {
                        $0.personID != c.user.personID
                            && (c.selfOnly || c.user.role == .unitLiaison || !c.sees($0.path))
                    }, { $0.path }, { $0.id })
            case .pointsShop, .pointsGood:
                // Not a shop where the caller (a resident or member) lives: they see those.
                var lives: String?
                if let pid = c.user.personID, let p = try await Person.find(pid, on: db) {
                    lives = p.homePath ?? p.path
                }
                func outside(_ path: String) -> Bool { !c.sees(path) && !(lives?.hasPrefix(path) ?? false) }
                if kind == .pointsShop {
                    t = first(
                        try await PointsShop.query(on: db).sort(\.$id).all().filter { outside($0.path) }, { $0.path },
                        { $0.id })
                } else {
                    t = first(
                        try await PointsGood.query(on: db).sort(\.$id).all().filter { outside($0.path) }, { $0.path },
                        { $0.id })
                }
            case .pointsRedemption:
                t = first(
                    try await PointsRedemption.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.shopPath) && !c.sees($0.path) && $0.personID != c.user.personID
                    }, { $0.shopPath }, { $0.id })
            case .approval:
                t = first(
                    try await Approval.query(on: db).sort(\.$id).all().filter {
                        !c.sees($0.path) && $0.approverUserID != c.user.id && $0.recordedBy != c.user.id
                    }, { $0.path }, { $0.id })
            }
            outsideCache[cacheKey] = .some(t)
            return t
        }

        /// The records to probe an operation with: the one outside the caller's scope, and for a change of a person
        /// also an in-service member the caller sees from their home community but may not change (403, not 404).
        func targets(_ kind: ObjectKind, _ c: Caller, change: Bool) async throws -> [(Target, readable: Bool)] {
            var out: [(Target, readable: Bool)] = []
            if let t = try await outside(kind, c) { out.append((t, false)) }
            if kind == .person, change, !c.selfOnly,
                let p = try await Person.query(on: db).filter(\.$archived == false).filter(\.$homePath != nil).sort(
                    \.$id
                ).all()
                    .first(where: { !c.sees($0.path) && c.sees($0.homePath) })
            {
                out.append((Target(kind: .person, key: String(p.id!)), true))
            }
            return out
        }

        /// A record of the kind inside the caller's scope, for a body; where the caller has none (a resident has no
        /// unit), the first there is — such callers lack the permission to change anything anyway.
        func inside(_ kind: ObjectKind, _ c: Caller) async throws -> Int {
            let cacheKey = "\(kind.rawValue) \(c.username)"
            if let cached = insideCache[cacheKey] { return cached }
            func first<T>(_ items: [T], _ mine: (T) -> Bool, _ id: (T) -> Int?) -> Int {
                (items.first(where: mine) ?? items.first).flatMap(id) ?? 1
            }
            let id: Int
            switch kind {
            case .orgNode: id = c.node.id!
            case .community, .branch, .group, .unitOrg:
                id = first(
                    try await OrgNode.query(on: db).filter(\.$archived == false).sort(\.$id).all().filter {
                        Self.fits($0, kind)
                    },
                    { c.sees($0.path) }, { $0.id })
            case .person:
                id =
                    c.selfOnly
                    ? (c.user.personID ?? 1)
                    : first(
                        try await Person.query(on: db).filter(\.$archived == false).sort(\.$id).all(),
                        { c.sees($0.path) }, { $0.id })
            case .unit:
                id = first(
                    try await ResidentUnit.query(on: db).filter(\.$archived == false).sort(\.$id).all(),
                    { c.sees($0.path) }, { $0.id })
            case .grid:
                id = first(
                    try await Grid.query(on: db).sort(\.$id).all(), { c.sees($0.path) || $0.id == c.homeGridID },
                    { $0.id })
            case .household:
                id = first(
                    try await Household.query(on: db).sort(\.$id).all(), { c.sees($0.path) || $0.id == c.householdID },
                    { $0.id })
            case .building:
                id = first(try await Building.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .account:
                let paths = Dictionary(
                    uniqueKeysWithValues: try await OrgNode.query(on: db).all().map { ($0.id!, $0.path) })
                id =
                    c.selfOnly
                    ? c.user.id!
                    : first(try await User.query(on: db).sort(\.$id).all(), { c.sees(paths[$0.orgNodeID]) }, { $0.id })
            case .meeting:
                id = first(try await Meeting.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .servicePost:
                id = first(try await ServicePost.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .listItem:
                id = first(try await ListItem.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .activity:
                id = first(try await Activity.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .serviceTeam:
                id = first(try await ServiceTeam.query(on: db).sort(\.$id).all(), { c.sees($0.path) }, { $0.id })
            case .listResource:
                id = first(
                    try await ListResource.query(on: db).filter(\.$withdrawnOn == nil).sort(\.$id).all(),
                    { c.sees($0.path) }, { $0.id })
            case .request:
                id = first(
                    try await ServiceRequest.query(on: db).sort(\.$id).all(),
                    { c.sees($0.path) || $0.reporterUserID == c.user.id }, { $0.id })
            default: throw ProbeGap(message: "no record inside a caller's scope for a body's \(kind.rawValue)")
            }
            insideCache[cacheKey] = id
            return id
        }

        /// The community whose activities and teams reach a resident or member.
        func volunteerCommunity(_ c: Caller) async throws -> OrgNode? {
            guard let pid = c.user.personID, let p = try await PeopleQueries.volunteerPerson(pid, on: db) else {
                return nil
            }
            return try await VolunteeringFacts.community(of: p, on: db)
        }

        func listsAccess(_ c: Caller) async throws -> ListsAccess {
            let v = try #require(try await Viewer.load(userID: c.user.id!, on: db))
            let units = try await UnitsQueries.liaisonUnitIDs(v, on: db)
            let paths = try await UnitsQueries.reportingUnits(units, on: db).values.map(\.path)
            return ListsAccess(viewer: v, unitIDs: units, unitPaths: Array(Set(paths)).sorted())
        }

        func meetingAccess(_ c: Caller) async throws -> MeetingAccess {
            let v = try #require(try await Viewer.load(userID: c.user.id!, on: db))
            return try await MeetingAccess.of(v, on: db)
        }

        static func fits(_ n: OrgNode, _ kind: ObjectKind) -> Bool {
            switch kind {
            case .community: n.kind == .communityCommittee
            case .branch: n.kind == .gridBranch
            case .group: n.kind == .buildingGroup
            case .unitOrg: !n.kind.isTerritorial
            default: true
            }
        }

        /// A record inside the caller's scope to name in a path, for the body pass: a node below the caller's own
        /// (nobody moves or merges their own root), an account other than the caller's; nil where there is none.
        func insideForPath(_ kind: ObjectKind, _ c: Caller) async throws -> Target? {
            switch kind {
            case .orgNode:
                let n = try await OrgNode.query(on: db).filter(\.$archived == false).sort(\.$id).all()
                    .first { c.sees($0.path) && $0.id != c.node.id }
                return n.map { Target(kind: kind, key: String($0.id!)) }
            case .account:
                let paths = Dictionary(
                    uniqueKeysWithValues: try await OrgNode.query(on: db).all().map { ($0.id!, $0.path) })
                let callerIDs = Set(callers.map { $0.user.id! })
                let u = try await User.query(on: db).sort(\.$id).all().first {
                    !callerIDs.contains($0.id!) && c.sees(paths[$0.orgNodeID])
                }
                return u.map { Target(kind: kind, key: String($0.id!)) }
            case .person, .unit, .grid, .household, .request, .meeting, .building:
                return Target(kind: kind, key: String(try await inside(kind, c)))
            default:
                return nil
            }
        }

        /// The value of a later path parameter that belongs with the record of the first.
        func dependent(_ d: Dependent, of t: Target, for c: Caller) async throws -> String? {
            switch d {
            case .sharedNode:
                // A subtree shared with the account, else the caller's own node (what a caller would share).
                let share = try await ScopeShare.query(on: db).filter(\.$userID == t.id).sort(\.$id).first()
                return String(share?.orgNodeID ?? c.node.id!)
            case .gridDuty:
                return try await GridDuty.query(on: db).filter(\.$gridID == t.id).sort(\.$id).first()?.id.map(
                    String.init)
            case .requestPhoto:
                return try await RequestPhoto.query(on: db).filter(\.$requestID == t.id).sort(\.$id).first()?.id.map(
                    String.init)
            case .bodyMember:
                return try await BodyMembership.query(on: db).filter(\.$bodyID == t.id).sort(\.$id).first()?.id.map(
                    String.init)
            case .agreementProject:
                return try await AgreementProject.query(on: db).filter(\.$agreementID == t.id).sort(\.$id).first()?.id
                    .map(String.init)
            case .bodySeat:
                return try await Appointment.query(on: db).filter(\.$bodyID == t.id).sort(\.$id).first()?.id.map(
                    String.init)
            case .listClaim:
                return try await ListClaim.query(on: db).filter(\.$itemID == t.id).sort(\.$id).first()?.id.map(
                    String.init)
            case .projectMilestone:
                return try await ProjectMilestone.query(on: db).filter(\.$projectID == t.id).sort(\.$id).first()?.id
                    .map(String.init)
            case .projectPhoto:
                return try await ProjectPhoto.query(on: db).filter(\.$projectID == t.id).sort(\.$id).first()?.id
                    .map(String.init)
            }
        }

        // MARK: Snapshots

        func rememberSnapshot(of t: Target) async {
            if snapshots[t] != nil { return }
            snapshots[t] = (try? await snapshot(t)) ?? "(unreadable)"
        }

        /// The record's row and what an administrator reads of it through the API (with what hangs on it).
        func snapshot(_ t: Target) async throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            func row<M: Model>(_ m: M?) throws -> String {
                m.map { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) } ?? "(none)"
            }
            var parts: [String] = []
            var reads: [String] = []
            switch t.kind {
            case .orgNode, .community, .branch, .group, .unitOrg:
                parts.append(try row(try await OrgNode.find(t.id, on: db)))
                reads = ["/api/v1/org/nodes/\(t.id)"]
            case .person:
                parts.append(try row(try await Person.find(t.id, on: db)))
                reads = ["/api/v1/people/\(t.id)"]
            case .unit:
                parts.append(try row(try await ResidentUnit.find(t.id, on: db)))
                reads = ["/api/v1/units/\(t.id)"]
            case .account:
                parts.append(try row(try await User.find(t.id, on: db)))
                reads = ["/api/v1/accounts/\(t.id)"]
            case .peopleBatch, .unitsBatch, .gridsBatch:
                parts.append(try row(try await ImportBatch.find(t.id, on: db)))
            case .grid:
                parts.append(try row(try await Grid.find(t.id, on: db)))
                reads = ["/api/v1/grids/\(t.id)", "/api/v1/grids/\(t.id)/households"]
            case .household:
                parts.append(try row(try await Household.find(t.id, on: db)))
                reads = ["/api/v1/households/\(t.id)"]
            case .building: parts.append(try row(try await Building.find(t.id, on: db)))
            case .request:
                parts.append(try row(try await ServiceRequest.find(t.id, on: db)))
                reads = ["/api/v1/requests/\(t.id)"]
            case .meeting:
                parts.append(try row(try await Meeting.find(t.id, on: db)))
                reads = ["/api/v1/meetings/\(t.id)"]
            case .meetingTask:
                parts.append(try row(try await MeetingDecision.find(t.id, on: db)))
            case .agreement:
                parts.append(try row(try await Agreement.find(t.id, on: db)))
                reads = ["/api/v1/agreements/\(t.id)"]
            case .jointBody:
                parts.append(try row(try await JointBody.find(t.id, on: db)))
                reads = ["/api/v1/joint-bodies/\(t.id)"]
            case .apiKey: parts.append(try row(try await APIKey.find(t.id, on: db)))
            case .category:
                parts.append(try row(try await RequestCategory.query(on: db).filter(\.$code == t.key).first()))
            case .calendarYear: reads = ["/api/v1/calendar/\(t.key)"]
            case .unitReport: parts.append(try row(try await UnitReport.find(t.id, on: db)))
            case .memberReport: parts.append(try row(try await MemberReport.find(t.id, on: db)))
            case .servicePost: parts.append(try row(try await ServicePost.find(t.id, on: db)))
            case .memberService: parts.append(try row(try await MemberService.find(t.id, on: db)))
            case .listItem:
                parts.append(try row(try await ListItem.find(t.id, on: db)))
                let claims = try await ListClaim.query(on: db).filter(\.$itemID == t.id).sort(\.$id).all()
                parts += try claims.map { try row($0) }
                reads = ["/api/v1/lists/items/\(t.id)"]
            case .listResource:
                parts.append(try row(try await ListResource.find(t.id, on: db)))
                reads = ["/api/v1/lists/resources/\(t.id)"]
            case .actionProject:
                parts.append(try row(try await ActionProject.find(t.id, on: db)))
                let milestones = try await ProjectMilestone.query(on: db).filter(\.$projectID == t.id).all()
                parts += try milestones.map { try row($0) }
                parts.append(String(try await ProjectNote.query(on: db).filter(\.$projectID == t.id).count()))
                reads = ["/api/v1/lists/projects/\(t.id)"]
            case .activity:
                parts.append(try row(try await Activity.find(t.id, on: db)))
                let signups = try await Signup.query(on: db).filter(\.$activityID == t.id).sort(\.$id).all()
                parts += try signups.map { try row($0) }
                reads = ["/api/v1/volunteering/activities/\(t.id)"]
            case .serviceTeam:
                parts.append(try row(try await ServiceTeam.find(t.id, on: db)))
                let members = try await TeamMember.query(on: db).filter(\.$teamID == t.id).sort(\.$id).all()
                parts += try members.map { try row($0) }
                reads = ["/api/v1/volunteering/teams/\(t.id)"]
            case .volunteer:
                parts.append(try row(try await Volunteer.find(t.id, on: db)))
            case .pointsShop: parts.append(try row(try await PointsShop.find(t.id, on: db)))
            case .pointsGood: parts.append(try row(try await PointsGood.find(t.id, on: db)))
            case .pointsRedemption: parts.append(try row(try await PointsRedemption.find(t.id, on: db)))
            case .approval: parts.append(try row(try await Approval.find(t.id, on: db)))
            }
            for path in reads {
                let res = try await admin.api(.GET, path)
                // Key order is not fixed: compare the JSON, not its text.
                let json = try? JSONSerialization.jsonObject(with: Data(res.body.readableBytesView))
                let canonical = json.flatMap {
                    try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])
                }
                parts.append(
                    "\(res.status.code) \(canonical.map { String(decoding: $0, as: UTF8.self) } ?? res.body.string)")
            }
            return parts.joined(separator: "\n")
        }
    }
}
