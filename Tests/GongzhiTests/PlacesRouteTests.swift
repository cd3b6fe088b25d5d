import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F3/F17 grids, places and the map")
struct PlacesRouteTests {
    static func grid(_ app: Application, _ code: String) async throws -> Grid {
        try #require(try await Grid.query(on: app.db).filter(\.$code == code).first())
    }

    @Test func locateInsideNearAndFar() async throws {
        try await withTestApp { app in
            let g = try await Self.grid(app, "QH-S1-C1-G1")
            let c = g.shape.bbox.center
            let api = try await Client.api(app, as: "resident")
            let inside = try await api.api(.GET, "/api/v1/places/locate?lat=\(c.lat)&lng=\(c.lng)")
            #expect(inside.status == .ok)
            let body = try inside.json()
            #expect((body["grid"] as? [String: Any])?["code"] as? String == "QH-S1-C1-G1")
            #expect((body["community"] as? [String: Any])?["code"] as? String == "QH-S1-C1")
            #expect((body["street"] as? [String: Any])?["code"] as? String == "QH-S1")
            #expect(body["inside"] as? Bool == true)
            // 100 m south of the district: the nearest grid, marked as such.
            let south = DemoPlaces.districtBox.minLat - 0.0009
            let near = try await api.api(.GET, "/api/v1/places/locate?lat=\(south)&lng=\(g.shape.bbox.center.lng)")
            #expect(try near.json()["inside"] as? Bool == false)
            #expect(((try near.json()["distanceMetres"] as? Double) ?? 0) > 90)
            let far = try await api.api(.GET, "/api/v1/places/locate?lat=30.0&lng=110.0")
            #expect(far.status == .unprocessableEntity)
            #expect(far.errorMessage == "该位置不在本区任何网格内，也不在网格附近。")
            #expect(try await api.api(.GET, "/api/v1/places/locate?lat=abc&lng=1").status == .badRequest)
            #expect(try await api.api(.GET, "/api/v1/places/locate?lat=91&lng=117").status == .badRequest)
            #expect(
                try await Client(app).api(.GET, "/api/v1/places/locate?lat=31.8&lng=117.2").status == .unauthorized)
        }
    }

    @Test func gridsAreScopedWithFiguresFromHouseholds() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let grids = try await api.api(.GET, "/api/v1/grids").jsonArray()
            #expect(!grids.isEmpty)
            #expect(grids.allSatisfy { ($0["code"] as? String)?.hasPrefix("QH-S1-C1-") == true })
            let g = try await Self.grid(app, "QH-S1-C1-G1")
            let households = try await Household.query(on: app.db).filter(\.$gridID == g.id!).all()
            let figures = try #require(grids.first { $0["id"] as? Int == g.id }?["figures"] as? [String: Any])
            #expect(figures["households"] as? Int == households.count)
            #expect(figures["population"] as? Int == households.reduce(0) { $0 + $1.population })
            // The small demo's grids hold 12 households: flagged, not refused.
            #expect(try await api.api(.GET, "/api/v1/grids?flagged=true").jsonArray().count == grids.count)
            let detail = try await api.api(.GET, "/api/v1/grids/\(g.id!)")
            let d = try detail.json()
            #expect((d["staff"] as? [[String: Any]])?.contains { $0["duty"] as? String == "gridWorker" } == true)
            #expect(
                (d["departments"] as? [[String: Any]])?.map { $0["role"] as? String ?? "" }.sorted() == [
                    "cityManagement", "legal", "police", "safety",
                ])
            #expect(!((d["contacts"] as? [Any]) ?? []).isEmpty)
            let other = try await Self.grid(app, "QH-S2-C1-G1")
            #expect(try await api.api(.GET, "/api/v1/grids/\(other.id!)").status == .notFound)
            #expect(try await api.api(.GET, "/api/v1/grids/\(other.id!)/households").status == .notFound)
            #expect(try await Fixtures.accessLog(app, .outOfScopeRead).count == 2)
            // A grid worker sees their own grid only.
            let worker = try await Client.api(app, as: "gridworker")
            #expect(
                try await worker.api(.GET, "/api/v1/grids").jsonArray().map { $0["code"] as? String } == [
                    "QH-S1-C1-G1"
                ]
            )
        }
    }

    @Test func householdChainFromEitherEnd() async throws {
        try await withTestApp { app in
            let member = try #require(
                try await Household.query(on: app.db).filter(\.$isMemberHousehold == true).sort(\.$id).first())
            let link = try #require(
                try await HouseholdLink.query(on: app.db).filter(\.$memberHouseholdID == member.id!).first())
            let api = try await Client.api(app, as: "street")
            let fromMember = try await api.api(.GET, "/api/v1/households/\(member.id!)").json()
            #expect(
                ((fromMember["linkedHouseholds"] as? [[String: Any]]) ?? []).contains {
                    $0["id"] as? Int == link.householdID
                })
            let fromNeighbour = try await api.api(.GET, "/api/v1/households/\(link.householdID)").json()
            #expect(
                ((fromNeighbour["memberHouseholds"] as? [[String: Any]]) ?? []).contains {
                    $0["id"] as? Int == member.id
                })
            #expect((fromNeighbour["buildingGroup"] as? [String: Any])?["id"] != nil)
            let list = try await api.api(.GET, "/api/v1/grids/\(member.gridID)/households")
            #expect(
                try list.jsonArray().count
                    == (try await Household.query(on: app.db).filter(\.$gridID == member.gridID).count()))
            let page = try await Client.page(app, as: "street")
            let html = try await page.get("/households/\(member.id!)").body.string
            #expect(html.contains("linked-households"))
            #expect(try await page.get("/households/\(link.householdID)").status == .ok)
            let outside = try await Client.api(app, as: "secretary2")
            if !(try await Grid.find(member.gridID, on: app.db)!.path.hasPrefix(
                try await Fixtures.node(app, code: "QH-S2-C1").path))
            {
                #expect(try await outside.api(.GET, "/api/v1/households/\(member.id!)").status == .notFound)
            }
        }
    }

    @Test func nearbyShowsNamesOnlyWithConsent() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "resident")
            let n = try await api.api(.GET, "/api/v1/nearby").json()
            let entries = try #require(n["memberHouseholds"] as? [[String: Any]])
            #expect(!entries.isEmpty)
            for e in entries {
                if e["agreed"] as? Bool == true {
                    #expect(e["name"] as? String != nil)
                } else {
                    #expect(e["name"] == nil || e["name"] is NSNull)
                }
            }
            let withheld = try #require(
                try await Household.query(on: app.db).filter(\.$isMemberHousehold == true).all().first)
            let person = try #require(try await Person.find(withheld.memberPersonID!, on: app.db))
            person.shownToNeighbours = false
            try await person.save(on: app.db)
            let again = try await api.api(.GET, "/api/v1/nearby").json()
            let names = (again["memberHouseholds"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(!names.contains(person.name))
            let page = try await Client.page(app, as: "resident")
            let html = try await page.get("/nearby")
            #expect(html.status == .ok)
            #expect(html.body.string.contains("nearby-members"))
            let list = html.body.string.components(separatedBy: "id=\"nearby-members\"").last ?? ""
            #expect(!list.contains("· \(person.name)"))
        }
    }

    @Test func contactAssignmentsShowOnTheCommunityAndAreScoped() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "street")
            let leader = try #require(
                try await Person.query(on: app.db).filter(
                    \.$orgNodeID == (try await Fixtures.node(app, code: "QH-S1")).id!
                ).first())
            let c2 = try await Fixtures.node(app, code: "QH-S1-C2")
            let created = try await api.api(
                .POST, "/api/v1/contact-assignments",
                json: ["leaderPersonId": leader.id!, "title": "街道办主任", "communityNodeId": c2.id!])
            #expect(created.status == .created)
            let list = try await api.api(.GET, "/api/v1/contact-assignments").jsonArray()
            #expect(list.contains { $0["title"] as? String == "街道办主任" })
            let g = try await Self.grid(app, "QH-S1-C2-G1")
            #expect(try await api.api(.GET, "/api/v1/grids/\(g.id!)").body.string.contains("街道办主任"))
            let both = try await api.api(
                .POST, "/api/v1/contact-assignments", json: ["leaderPersonId": leader.id!, "title": "x"])
            #expect(both.status == .unprocessableEntity)
            let secretary = try await Client.api(app, as: "secretary")
            let foreign = try await secretary.api(
                .POST, "/api/v1/contact-assignments",
                json: ["leaderPersonId": leader.id!, "title": "x", "communityNodeId": c2.id!])
            #expect(foreign.status == .notFound || foreign.status == .forbidden)
        }
    }

    @Test func exportEveryLevelAsGeoJSON() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "orgdept")
            for (level, count) in [("district", 1), ("street", 2), ("community", 3)] {
                let res = try await api.api(.GET, "/api/v1/places/export.geojson?level=\(level)")
                #expect(res.status == .ok)
                let doc = try res.json()
                #expect(doc["type"] as? String == "FeatureCollection")
                #expect((doc["features"] as? [Any])?.count == count, "\(level)")
            }
            let grids = try await api.api(.GET, "/api/v1/places/export.geojson").json()
            #expect(
                (grids["features"] as? [[String: Any]])?.first?["properties"].flatMap {
                    ($0 as? [String: Any])?["community"]
                } != nil)
            #expect(try await api.api(.GET, "/api/v1/places/export.geojson?level=planet").status == .badRequest)
            #expect(
                try await Client.api(app, as: "gridworker").api(.GET, "/api/v1/places/export.geojson").status
                    == .forbidden)
        }
    }

    func preview(_ c: Client, _ json: String) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .contentType, value: "application/geo+json")
        return try await c.send(.POST, "/api/v1/places/import/preview", headers: h, body: ByteBuffer(string: json))
    }

    static func feature(_ code: String, _ community: String, _ ring: [[Double]]) -> String {
        let coords = ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",")
        return
            #"{"type":"Feature","properties":{"code":"\#(code)","community":"\#(community)","#
            + #""name":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[[\#(coords)]]}}"#
    }

    @Test func importReportsBadRingsOverlapsGapsAndCommitsAllOrNothing() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let g1 = try await Self.grid(app, "QH-S1-C1-G1")
            let b = g1.shape.bbox
            // A new grid overlapping G1, one unclosed, one in another street's community.
            let overlapping = [
                [b.minLng, b.minLat], [b.maxLng, b.minLat], [b.maxLng, b.maxLat], [b.minLng, b.maxLat],
                [b.minLng, b.minLat],
            ]
            let unclosed = Array(overlapping.dropLast())
            let json =
                #"{"type":"FeatureCollection","features":["#
                + [
                    Self.feature("NEW-1", "QH-S1-C1", overlapping), Self.feature("NEW-2", "QH-S1-C1", unclosed),
                    Self.feature("NEW-3", "QH-S2-C1", overlapping),
                ].joined(separator: ",") + "]}"
            let res = try await preview(api, json)
            #expect(res.status == .ok)
            let rows = try #require(try res.json()["rows"] as? [[String: Any]])
            func messages(_ i: Int) -> [String] {
                (rows[i]["problems"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
            }
            #expect(messages(0).contains("与网格 QH-S1-C1-G1 重叠。"))
            #expect(messages(1).contains("第 1 个环没有闭合（首尾坐标不同）。"))
            #expect(messages(2).contains("该组织不在您的管理范围内。"))
            let batch = try #require(try res.json()["batchId"] as? Int)
            let before = try await Grid.query(on: app.db).count()
            #expect(try await api.api(.POST, "/api/v1/places/import/\(batch)/commit").status == .unprocessableEntity)
            #expect(try await Grid.query(on: app.db).count() == before)

            // Shrinking a grid leaves a gap between the community's grids? Only if enclosed; here G1 (at the
            // community's corner) shrinks to half its size about its centre, which opens onto the outside: no gap,
            // and the commit goes through.
            let c = b.center
            let half = c.lat + (b.maxLat - c.lat) / 2
            let smaller = g1.shape.polygons[0].outer.map {
                [c.lng + ($0.lng - c.lng) / 2, c.lat + ($0.lat - c.lat) / 2]
            }
            let ok = try await preview(
                api,
                #"{"type":"FeatureCollection","features":["# + Self.feature("QH-S1-C1-G1", "QH-S1-C1", smaller) + "]}")
            #expect(try ok.json()["canCommit"] as? Bool == true)
            let okBatch = try #require(try ok.json()["batchId"] as? Int)
            #expect(try await api.api(.POST, "/api/v1/places/import/\(okBatch)/commit").status == .ok)
            #expect(abs(try await Self.grid(app, "QH-S1-C1-G1").shape.bbox.maxLat - half) < 1e-6)
            // The lookup follows at once.
            let top = try await api.api(.GET, "/api/v1/places/locate?lat=\(b.maxLat - 0.0001)&lng=\(b.center.lng)")
                .json()
            #expect(
                ((top["grid"] as? [String: Any])?["code"] as? String) != "QH-S1-C1-G1"
                    || top["inside"] as? Bool == false)
            #expect(
                try await AuditEntry.query(on: app.db).filter(\.$entityType == "grid").filter(\.$entityID == g1.id!)
                    .count() == 1)
            let bad = try await preview(api, "{\"type\":\"Topology\"}")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.errorMessage == "文件应为 GeoJSON FeatureCollection 或 Feature。")
            #expect(try await preview(Client.api(app, as: "gridworker"), json).status == .forbidden)
        }
    }

    @Test func gcj02FileIsConvertedOnImport() async throws {
        try await withTestApp { app in
            let api = try await Client.api(app, as: "secretary")
            let g1 = try await Self.grid(app, "QH-S1-C1-G1")
            let ring = g1.shape.polygons[0].outer.map { GCJ02.fromWGS84($0) }.map { [$0.lng, $0.lat] }
            let json =
                #"{"type":"FeatureCollection","coordinateSystem":"GCJ-02","features":["#
                + Self.feature("QH-S1-C1-G1", "QH-S1-C1", ring) + "]}"
            let res = try await preview(api, json)
            #expect(try res.json()["encoding"] as? String == "gcj02")
            #expect(try res.json()["canCommit"] as? Bool == true)
            _ = try await api.api(.POST, "/api/v1/places/import/\(try res.json()["batchId"] as! Int)/commit")
            let stored = try await Self.grid(app, "QH-S1-C1-G1").shape.polygons[0].outer[0]
            #expect(Distance.metres(stored, g1.shape.polygons[0].outer[0]) < 0.05)
        }
    }

    @Test func mapPagesDrillDownFromDistrictToGrid() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "orgdept")
            let district = try await c.get("/map")
            #expect(district.status == .ok)
            let s1 = try await Fixtures.node(app, code: "QH-S1")
            #expect(district.body.string.contains("href=\"/map?node=\(s1.id!)&amp;colour=households\""))
            #expect(district.body.string.contains("<svg"))
            let street = try await c.get(
                "/map?node=\(s1.id!)&colour=partyMembers&layer=organisations&layer=memberHouseholds")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            #expect(
                street.body.string.contains(
                    "node=\(c1.id!)&amp;colour=partyMembers&amp;layer=memberHouseholds&amp;layer=organisations"))
            #expect(
                street.body.string.contains("class=\"marker org\"")
                    && street.body.string.contains("class=\"marker household\""))
            let community = try await c.get("/map?node=\(c1.id!)")
            let g1 = try await Self.grid(app, "QH-S1-C1-G1")
            #expect(community.body.string.contains("href=\"/grids/\(g1.id!)\""))
            let gridPage = try await c.get("/grids/\(g1.id!)")
            #expect(gridPage.status == .ok)
            #expect(
                gridPage.body.string.contains(
                    """
                    grid-staff
                    """) && gridPage.body.string.contains("户数少于 300 户"))
            let branch = try await Fixtures.node(app, code: "QH-S1-C1-G1")
            #expect(try await c.get("/map?node=\(branch.id!)").headers.first(name: .location) == "/grids/\(g1.id!)")
            // an unknown figure falls back to households
            #expect(try await c.get("/map?colour=nonsense").status == .ok)
            _ = try await RequestsTests.raise(try await Client.api(app, as: "resident"))
            #expect(
                try await c.get("/map?node=\(c1.id!)&layer=openRequests").body.string.contains(
                    "class=\"marker request\""))
            #expect(try await c.get("/map?node=abc").status == .badRequest)
            let secretary = try await Client.page(app, as: "secretary")
            #expect(try await secretary.get("/map?node=\(s1.id!)").status == .notFound)
            let other = try await Self.grid(app, "QH-S2-C1-G1")
            #expect(try await secretary.get("/grids/\(other.id!)").status == .notFound)
            #expect(try await c.get("/places/import").status == .ok)
        }
    }

    @Test func residentsSeeTheirGridOnThePhone() async throws {
        try await withTestApp { app in
            let c = try await Client.page(app, as: "resident")
            let page = try await c.get("/community")
            #expect(page.body.string.contains("my-grid"))
            let viewer = try #require(
                try await Viewer.load(userID: try await Fixtures.user(app, "resident").id!, on: app.db))
            let home = try #require(try await PlacesQueries.homeGrid(of: viewer, on: app.db))
            #expect(try await c.get("/grids/\(home.id!)").status == .ok)
            let other = try #require(try await Grid.query(on: app.db).filter(\.$id != home.id!).first())
            #expect(try await c.get("/grids/\(other.id!)").status != .ok)
        }
    }
}
