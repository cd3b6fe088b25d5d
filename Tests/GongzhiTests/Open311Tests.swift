import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("Open311 GeoReport v2")
struct Open311Tests {
    func form(_ c: Client, _ path: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        let body = fields.map { "\(Client.encode($0.0))=\(Client.encode($0.1))" }.joined(separator: "&")
        return try await c.send(.POST, path, headers: h, body: ByteBuffer(string: body))
    }

    @Test func aClientRaisesAndFollowsARequest() async throws {
        try await withTestApp { app in
            let c = Client(app)  // an Open311 client has no account, only the key
            let services = try await c.get("/open311/v2/services.json")
            let list =
                try JSONSerialization.jsonObject(with: Data(services.body.readableBytesView)) as? [[String: Any]] ?? []
            #expect(
                list.contains {
                    $0["service_code"] as? String == "environment" && $0["metadata"] as? String == "false"
                }
            )
            #expect(try await c.get("/open311/v2/services/environment.json").status == .ok)
            #expect(try await c.get("/open311/v2/services/unicorns.json").status == .notFound)

            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G2")
            let p = g.shape.bbox.center
            let created = try await form(
                c, "/open311/v2/requests.json",
                [
                    ("api_key", APIKey.demoKey), ("service_code", "environment"),
                    ("lat", String(p.lat)), ("long", String(p.lng)), ("description", "路口井盖松动"),
                    ("email", "someone@example.org"),
                ])
            #expect(created.status == .created)
            let answer =
                try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [[String: Any]] ?? []
            let id = try #require(answer.first?["service_request_id"] as? String)
            let token = try #require(answer.first?["token"] as? String)
            let stored = try #require(try await ServiceRequest.find(Int(id)!, on: app.db))
            #expect(stored.channel == .open311 && stored.gridID == g.id && stored.state == .raised)

            let one = try await c.get("/open311/v2/requests/\(id).json")
            let item = (try JSONSerialization.jsonObject(with: Data(one.body.readableBytesView)) as? [[String: Any]])?
                .first
            #expect(item?["status"] as? String == "open")
            #expect(item?["description"] as? String == "路口井盖松动")
            #expect(!one.body.string.contains("someone@example.org"))
            let byToken = try await c.get("/open311/v2/tokens/\(token).json")
            #expect(byToken.body.string.contains("\"service_request_id\":\"\(id)\""))
            let xml = try await c.get("/open311/v2/requests/\(id).xml")
            #expect(xml.headers.first(name: .contentType)?.hasPrefix("text/xml") == true)
            #expect(
                xml.body.string.contains("<service_requests><request><service_request_id>\(id)</service_request_id>"))
            #expect(xml.body.string.contains("<status>open</status>"))
            // Staff close it; the client sees "closed".
            let worker = try await Client.api(app, as: "worker")
            _ = try await RequestsTests.act(worker, Int(id)!, "take")
            _ = try await RequestsTests.act(worker, Int(id)!, "settle", ["note": "已加固"])
            stored.resolvedAt = Date().addingTimeInterval(-30 * 86_400)
            let fresh = try #require(try await ServiceRequest.find(Int(id)!, on: app.db))
            fresh.resolvedAt = stored.resolvedAt
            try await fresh.save(on: app.db)
            _ = try await RequestService.sweep(app)
            let closed = try await c.get("/open311/v2/requests.json?status=closed&service_code=environment")
            #expect(closed.body.string.contains("\"service_request_id\":\"\(id)\""))
        }
    }

    @Test func errorsInTheStandardsForm() async throws {
        try await withTestApp { app in
            let c = Client(app)
            let noKey = try await form(
                c, "/open311/v2/requests.json",
                [("service_code", "environment"), ("lat", "31.85"), ("long", "117.25"), ("description", "x")])
            #expect(noKey.status == .forbidden)
            let errors = try JSONSerialization.jsonObject(with: Data(noKey.body.readableBytesView)) as? [[String: Any]]
            #expect(errors?.first?["code"] as? String == "403")
            let wrongKey = try await form(
                c, "/open311/v2/requests.xml", [("api_key", "nope"), ("service_code", "environment")])
            #expect(wrongKey.status == .forbidden)
            #expect(wrongKey.body.string.contains("<errors><error><code>403</code>"))
            let far = try await form(
                c, "/open311/v2/requests.json",
                [
                    ("api_key", APIKey.demoKey), ("service_code", "environment"), ("lat", "30"), ("long", "110"),
                    ("description", "x"),
                ])
            #expect(far.status == .badRequest)
            #expect(try await c.get("/open311/v2/requests.json?status=maybe").status == .badRequest)
            #expect(try await c.get("/open311/v2/requests/123.txt").status == .notFound)
            // A resident's private request is not on Open311.
            let resident = try await Client.api(app, as: "resident")
            let privateID = try await RequestsTests.raise(resident, extra: ["isPublic": false])
            #expect(try await c.get("/open311/v2/requests/\(privateID).json").status == .notFound)
        }
    }

    @Test func administratorsIssueAndRevokeKeys() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "admin")
            let issued = try await admin.api(.POST, "/api/v1/api-keys", json: ["name": "区12345热线"])
            #expect(issued.status == .created)
            let key = try #require(try issued.json()["key"] as? String)
            let kid = try #require(try issued.json()["id"] as? Int)
            let c = Client(app)
            let g = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let fields = [
                ("api_key", key), ("service_code", "other"), ("lat", String(g.shape.bbox.center.lat)),
                ("long", String(g.shape.bbox.center.lng)), ("description", "热线转来"),
            ]
            #expect(try await form(c, "/open311/v2/requests.json", fields).status == .created)
            #expect(try await admin.api(.POST, "/api/v1/api-keys/\(kid)/revoke").status == .ok)
            #expect(try await form(c, "/open311/v2/requests.json", fields).status == .forbidden)
            #expect(try await admin.api(.GET, "/api/v1/api-keys").body.string.contains(key) == false)
            #expect(try await Client.api(app, as: "secretary").api(.GET, "/api/v1/api-keys").status == .forbidden)
        }
    }
}
