import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Platform: errors, limits, health, metrics, API document, languages, layouts")
struct PlatformTests {
    @Test func clientMistakesGetJSONErrorsNever500() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "street")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let malformed = try await api.api(.POST, "/api/v1/org/nodes", raw: "{\"kind\": ")
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "bad_request")
            let unknownField = try await api.api(
                .POST, "/api/v1/org/nodes",
                json: ["kind": "gridBranch", "name": "x", "parentId": c1.id!, "colour": "red"])
            #expect(unknownField.status == .badRequest)
            #expect(unknownField.errorMessage == "不认识的字段：colour")
            let unknownEnum = try await api.api(
                .POST, "/api/v1/org/nodes", json: ["kind": "galaxy", "name": "x", "parentId": c1.id!])
            #expect(unknownEnum.status == .badRequest)
            #expect(unknownEnum.errorMessage?.contains("kind") == true)
            let wrongType = try await api.api(
                .POST, "/api/v1/org/nodes", json: ["kind": "gridBranch", "name": 5, "parentId": c1.id!])
            #expect(wrongType.status == .badRequest)
            let array = try await api.api(.POST, "/api/v1/org/nodes", raw: "[1,2]")
            #expect(array.status == .badRequest)
            var h = HTTPHeaders()
            h.contentType = .plainText
            let notJSON = try await api.send(
                .POST, "/api/v1/org/nodes", headers: h, body: ByteBuffer(string: "kind=x"))
            #expect(notJSON.status == .unsupportedMediaType)
            let badID = try await api.api(.PATCH, "/api/v1/org/nodes/-3", json: ["name": "x"])
            #expect(badID.status == .badRequest)
            let huge = try await api.api(
                .POST, "/api/v1/org/nodes", raw: "{\"name\": \"" + String(repeating: "x", count: 2_000_000) + "\"}")
            #expect(huge.status == .payloadTooLarge)
            #expect(huge.errorCode == "payload_too_large")
            let missing = try await api.api(.GET, "/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.errorCode == "not_found")
        }
    }

    @Test func healthMetricsAndStaticFiles() async throws {
        try await withTestApp { app in
            let c = Client(app)
            let health = try await c.get("/healthz")
            #expect(health.status == .ok)
            #expect(try health.json()["database"] as? String == "ok")
            try await c.get("/login")
            let metrics = try await c.get("/metrics")
            #expect(metrics.body.string.contains("gongzhi_http_requests_total"))
            #expect(metrics.body.string.contains("gongzhi_http_request_duration_seconds_bucket"))
            let css = try await c.get("/static/app.css")
            #expect(css.headers.first(name: .contentType)?.hasPrefix("text/css") == true)
        }
    }

    /// Every API route is in the document, and the document lists no route the server lacks.
    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        try await withTestApp { app in
            let res = try await Client(app).get("/api/openapi.json")
            let doc = try res.json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, ops) in paths {
                for method in ops.keys where ["get", "post", "patch", "put", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            var served = Set<String>()
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                if path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics" {
                    served.insert("\(route.method.rawValue) \(path)")
                }
            }
            #expect(served.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(served).sorted() == [], "documented routes the server lacks")
        }
    }

    /// Keys named in code are typed (`Text` members, checked by the compiler) and each table pairs both languages
    /// per key; what is left are keys that arrive as data: every label of every enumerated value exists in both.
    /// Keys named at call sites are typed (`Text` members, checked by the compiler) and each table pairs both
    /// languages per key. Keys that still travel as strings (enum labels, GongzhiCore's message keys, a few
    /// helpers' parameters) are checked here: every label of every enumerated value, and every key-shaped literal
    /// left in the sources, exists in both languages.
    @Test func everyKeyThatTravelsAsAStringExists() throws {
        var used = Set<String>()
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let regex = try Regex(#""([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)""#)
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" && !url.lastPathComponent.hasSuffix("Strings.swift") {
            for m in try String(contentsOf: url, encoding: .utf8).matches(of: regex) {
                let key = String(m.output[1].substring!)
                // File names and form coordinates (an image button's "pt.x") are not string keys.
                let files = [".css", ".csv", ".json", ".sqlite", ".geojson", ".js", ".svg", ".ico", ".ics"]
                if files.contains(where: { key.hasSuffix($0) }) || key.split(separator: ".").last?.count == 1 {
                    continue
                }
                used.insert(key)
            }
        }
        used.formUnion(
            OrgNodeKind.allCases.map(\.labelKey) + PersonFacet.allCases.map(\.labelKey) + Role.allCases.map(\.labelKey)
                + UnitKind.allCases.map(\.labelKey) + MemberStatus.allCases.map(\.labelKey)
                + AccessLogEntry.Kind.allCases.map(\.labelKey)
                + AuditAction.allCases.map(\.labelKey) + RequestState.allCases.map(\.labelKey)
                + RequestKind.allCases.map(\.labelKey)
                + RequestChannel.allCases.map(\.labelKey) + Rating.allCases.map(\.labelKey)
                + EscalationLevel.allCases.map(\.labelKey)
                + RequestAction.allCases.map(\.labelKey) + GridFigures.Measure.allCases.map(\.labelKey)
                + GridSizing.Flag.allCases.map(\.labelKey)
                + GridDuty.Duty.allCases.map(\.labelKey) + GridDepartment.Role.allCases.map(\.labelKey)
                + MapPages.Layer.allCases.map(\.labelKey) + RequestMetric.allCases.map(\.labelKey)
                + RequestMetric.allCases.map(\.definitionKey) + Permission.allCases.map(\.labelKey))
        #expect(used.count > 100)
        #expect(used.subtracting(Strings.zhHans.keys).sorted() == [], "keys missing in zh-Hans")
        #expect(used.subtracting(Strings.en.keys).sorted() == [], "keys missing in en")
    }

    @Test func phoneLayoutForResidentsDeskLayoutForStaff() async throws {
        try await withTestApp { app in
            let resident = try await Client.page(app, as: "resident")
            let home = try await resident.get("/")
            #expect(home.body.string.contains("class=\"phone\""))
            #expect(home.body.string.contains("我的社区"))
            #expect(!home.body.string.contains("href=\"/org\""))
            let community = try await resident.get("/community")
            #expect(community.status == .ok)
            #expect(community.body.string.contains("网格员 · 陈刚"))
            let me = try await resident.get("/me")
            #expect(me.body.string.contains("李华"))
            #expect(try await resident.get("/org").status == .forbidden)
            let staff = try await Client.page(app, as: "secretary")
            let desk = try await staff.get("/")
            #expect(desk.body.string.contains("class=\"desk\""))
            #expect(desk.body.string.contains("href=\"/org\""))
            #expect(!desk.body.string.contains("href=\"/import\"") == false)
            // Every link on the desk menu opens.
            let v = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "secretary").id!, on: app.db))
            for href in Layout.deskMenu.filter({ $0.shows(for: v) }).map(\.link.path) {
                #expect(try await staff.get(href).status == .ok, "\(href)")
            }
        }
    }

    /// The desk home's figures are the sizes of the lists they link to.
    @Test func homeFiguresMatchTheRecordsBehindThem() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "secretary")
            let home = try await c.get("/").body.string
            let api = try await Client.api(app, as: "secretary")
            for query in [
                "facet=partyMember&relation=organised", "facet=partyMember&relation=reporting", "facet=resident",
                "facet=volunteer", "facet=communityWorker",
            ] {
                let total = try await api.api(.GET, "/api/v1/people?\(query)").json()["total"] as? Int ?? -1
                let href = "/people?" + query.replacingOccurrences(of: "&", with: "&amp;")
                let link = "href=\"\(href)\"><strong class=\"num\" data-count=\"\(total)\">\(total)</strong>"
                #expect(home.contains(link), "figure for \(query)")
            }
            // One definition of a party member count: the tree counts the secretary's community the same.
            let organised = try await api.api(.GET, "/api/v1/people?facet=partyMember&relation=organised").json()
            let v = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "secretary").id!, on: app.db))
            let counts = try await OrgQueries.memberCounts(for: [v.node], on: app.db)
            #expect(organised["total"] as? Int == counts[v.node.id!] ?? 0)
            let grids = try await api.api(.GET, "/api/v1/org/nodes?kind=gridBranch").jsonArray().count
            let figure = "<strong class=\"num\" data-count=\"\(grids)\">\(grids)</strong>"
            #expect(home.contains("href=\"/org/list?kind=gridBranch\">" + figure))
        }
    }

    @Test func pagesNeedSignInAndKeepTheTarget() async throws {
        try await withTestApp { app in
            let c = Client(app)
            let res = try await c.get("/people")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/login?next=/people")
            try await c.get("/login?next=/people")
            let login = try await c.post(
                "/login", [("login", "secretary"), ("password", demoPassword), ("next", "/people")])
            #expect(login.headers.first(name: .location) == "/people")
            try await c.get("/")  // the CSRF token is renewed at sign-in
            let evil = try await c.post(
                "/login", [("login", "secretary"), ("password", demoPassword), ("next", "//evil.example/")])
            #expect(evil.headers.first(name: .location) == "/")
        }
    }

    @Test func demoDataIsDeterministicAndHasEveryRole() async throws {
        var fingerprints: [String] = []
        for _ in 0..<2 {
            try await withTestApp { app in
                let names = try await Person.query(on: app.db).sort(\.$id).limit(20).all().map {
                    "\($0.name)\($0.idNumber ?? "")"
                }
                fingerprints.append(names.joined())
                let roles = Set(try await User.query(on: app.db).all().map(\.role))
                #expect(roles == Set(Role.allCases))
                for p in try await Person.query(on: app.db).all() {
                    if let idn = p.idNumber { #expect((try? IDNumber(idn)) != nil) }
                    if let phone = p.phone { #expect((try? MobileNumber(phone)) != nil) }
                }
            }
        }
        #expect(fingerprints[0] == fingerprints[1])
    }
}

@Suite("The API document follows the code")
struct APIDocumentTests {
    /// `gongzhi openapi` writes the checked-in copy; it must be what the server serves.
    @Test func checkedInDocumentIsTheBuiltOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = try String(
            contentsOf: root.appendingPathComponent(OpenAPICommand.defaultPath), encoding: .utf8)
        #expect(
            file == OpenAPIBuilder.printed,
            "openapi.json is stale: DATABASE_URL=sqlite::memory: GONGZHI_DEMO=0 swift run gongzhi openapi")
    }

    /// Every input's list of accepted fields is exactly what it decodes.
    @Test func strictInputsListTheFieldsTheyDecode() throws {
        let recorder = APISchemaRecorder()
        var inputs = 0
        let doc = try OpenAPIBuilder.document()
        guard case .object(let schemas)? = doc["components"]?["schemas"] else {
            Issue.record("no schemas")
            return
        }
        for (name, schema) in schemas where schema["additionalProperties"] == false {
            inputs += 1
            guard case .object(let properties)? = schema["properties"] else { continue }
            #expect(!properties.keys.contains { $0.hasSuffix("ID") || $0.hasSuffix("IDs") }, "\(name)")
        }
        #expect(inputs > 20)
        for type in Self.inputs {
            let decoded = Set(try recorder.keys(type).map(APIJSON.swiftName))
            #expect(decoded == type.fields, "\(type)")
        }
    }

    static let inputs: [any StrictInput.Type] = [
        AccountsAPI.TokenInput.self, AccountsAPI.PasswordInput.self, AccountAdmin.CreateInput.self,
        AccountAdmin.UpdateInput.self, AccountAdminAPI.ShareInput.self, AccountAdminAPI.ResetInput.self,
        OrgAPI.CreateInput.self, OrgAPI.UpdateInput.self, OrgAPI.MoveInput.self, OrgAPI.MergeInput.self,
        PersonInput.self, UnitInput.self, ContactsAPI.CreateInput.self, PlacesCommands.GridUpdate.self,
        PlacesCommands.DutyInput.self, PlacesCommands.DepartmentInput.self, PlacesCommands.BuildingInput.self,
        PlacesCommands.HouseholdInput.self, PlacesCommands.MemberInput.self, PlacesCommands.LinkInput.self,
        PlacesCommands.ResidentInput.self, RequestService.RaiseInput.self, RequestService.ActionInput.self,
        RequestsAPI.CategoryInput.self, MeetingsAPI.CreateInput.self, CalendarAPI.YearInput.self,
        APIKeysAPI.CreateInput.self, NotificationsAPI.Preferences.self, VisitsAPI.PlanInput.self,
        VisitsAPI.VisitInput.self, MeetingsService.ScheduleInput.self, MeetingsService.AgendaInput.self,
        MeetingsService.InviteeInput.self, MeetingsService.CheckInInput.self, MeetingsService.DecisionInput.self,
        MeetingsService.CancelInput.self, MeetingsService.DoneInput.self, ReportingService.UnitReportInput.self,
        ReportingService.MemberReportInput.self, ReportingService.EndInput.self, ReportingService.PostInput.self,
        ReportingService.ClaimInput.self, ReportingService.ServiceInput.self,
    ]

    @Test func oneKeyStyle() {
        #expect(APIJSON.jsonKey("gridID") == "gridId")
        #expect(APIJSON.jsonKey("householdIDs") == "householdIds")
        #expect(APIJSON.jsonKey("sharedNodeIDs") == "sharedNodeIds")
        #expect(APIJSON.jsonKey("idNumber") == "idNumber")
        #expect(APIJSON.jsonKey("gridId") == "gridId")
        #expect(APIJSON.jsonKey("IDNumber") == "IDNumber")
        #expect(APIJSON.swiftName("gridId") == "gridID")
        #expect(APIJSON.swiftName("unitIds") == "unitIDs")
        #expect(APIJSON.swiftName("idNumber") == "idNumber")
        #expect(APIJSON.swiftName("isIdle") == "isIdle")
    }

    /// Services take a `Caller`, not a web request: a job or a command calls them with a viewer it loaded, and the
    /// same scope rules, access log and audit apply; the system caller has no one's permissions.
    @Test func servicesRunWithoutAWebRequest() async throws {
        try await withTestApp { app in
            let grid = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let worker = try await Fixtures.user(app, "gridworker")
            let secretary = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "secretary").id!, on: app.db))
            let input = VisitsAPI.PlanInput(
                gridID: grid.id!, visitorUserID: worker.id!, due: app.clock.today.adding(days: 10).description,
                householdIDs: nil)
            let plan = try await VisitsAPI.createPlan(Caller(viewer: secretary, app: app), input)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == AuditKind.visitPlan.rawValue)
                .filter(\.$entityID == plan.id).first()
            #expect(audit?.actorID == secretary.user.id)
            await #expect(throws: AppError.self) {
                _ = try await VisitsAPI.createPlan(.system(app), input)
            }
            let outside = try await PlacesRouteTests.grid(app, "QH-S2-C1-G1")
            let denied = try await AccessLogEntry.query(on: app.db).count()
            await #expect(throws: AppError.self) {
                _ = try await VisitsAPI.createPlan(
                    Caller(viewer: secretary, app: app),
                    .init(
                        gridID: outside.id!, visitorUserID: worker.id!,
                        due: app.clock.today.adding(days: 10).description, householdIDs: nil))
            }
            #expect(try await AccessLogEntry.query(on: app.db).count() == denied + 1)
        }
    }

    /// Every page names an icon that the server answers, so browsers do not ask for a missing one.
    @Test func pagesHaveAnIcon() async throws {
        try await withTestApp { app in
            let page = try await Client.page(app, as: "resident").get("/").body.string
            #expect(page.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/static/favicon.svg\">"))
            let anon = try await Client.page(app, as: "resident")
            for path in ["/static/favicon.svg", "/favicon.ico"] {
                let icon = try await anon.get(path)
                #expect(icon.status == .ok && icon.headers.contentType?.subType == "svg+xml", "\(path)")
            }
        }
    }

    /// A phone's tabs are its holder's day: a resident's requests and community; a grid worker's to-dos and grid.
    @Test func phoneTabsFitTheRole() async throws {
        try await withTestApp { app in
            func tabs(_ role: String) async throws -> String {
                let page = try await Client.page(app, as: role).get("/").body.string
                let nav = try #require(page.range(of: "<nav class=\"tabs\""))
                return String(page[nav.lowerBound...].prefix { $0 != "\u{0}" }.split(separator: "</nav>")[0])
            }
            let resident = try await tabs("resident")
            #expect(resident.contains("我的诉求") && resident.contains("我的社区"))
            #expect(!resident.contains("待办"))
            let worker = try await tabs("gridworker")
            #expect(worker.contains("待办") && worker.contains(">网格<") && !worker.contains("我的诉求"))
            // At most five tabs for every phone role; every other phone entry is on its home, under a group.
            for role in ["resident", "member", "gridworker"] {
                let bar = try await tabs(role)
                #expect(bar.components(separatedBy: "<a ").count - 1 <= 5, "\(role): \(bar)")
                let home = try await Client.page(app, as: role).get(PlatformRoute.home).body.string
                let v = try #require(
                    try await Viewer.load(userID: try await Fixtures.user(app, role).id!, on: app.db))
                for entry in Layout.phoneMenu where entry.shows(for: v) {
                    #expect(home.contains("href=\"\(entry.link)\""), "\(role) reaches \(entry.link) from home")
                }
            }
            // The desk menu stands under the PC terminal's groups.
            let desk = try await Client.page(app, as: "secretary").get(PlatformRoute.home).body.string
            #expect(desk.contains("class=\"menu-group\""))
            #expect(desk.contains("智慧管理") && desk.contains("智慧服务"))
        }
    }

    /// The organisation picker lists the viewer's nodes in tree order, indented by depth, with a box to narrow it.
    @Test func organisationPickerInTreeOrder() async throws {
        try await withTestApp { app in
            let v = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "street").id!, on: app.db))
            let choices = try await OrgQueries.pickerChoices(v.scope, on: app.db)
            let nodes = try await OrgQueries.nodesInScope(v.scope, on: app.db)
            #expect(choices.first?.id == v.node.id && !choices.first!.name.hasPrefix("　"))
            for (i, n) in nodes.enumerated().dropFirst() {
                // Each node comes after its parent, indented one step more.
                let parent = try #require(nodes.firstIndex { $0.id == n.parentID })
                #expect(parent < i)
                let indent = { (s: String) in s.prefix { $0 == "　" }.count }
                #expect(indent(choices[i].name) == indent(choices[parent].name) + 1)
            }
            let form = try await Client.page(app, as: "street").get("/people/new").body.string
            #expect(form.contains("data-filter=\"orgNodeId\""))
        }
    }
}
