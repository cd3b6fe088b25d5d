import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// An id a client sends is a claim: each is checked against the actor's scope, not merely for existence.
@Suite("Every id a client sends is checked against the actor's scope")
struct ClientIdsTests {
    @Test func dispatchOnlyToUnitsOfTheRequestsAreaOrTheViewersScope() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let id = try await RequestsTests.raise(resident)
            let worker = try await Client.api(app, as: "gridworker")
            #expect(try await RequestsTests.act(worker, id, "take").status == .ok)
            #expect(try await RequestsTests.act(worker, id, "forward", ["note": "需要共同处理"]).status == .ok)
            let secretary = try await Client.api(app, as: "secretary")
            let c1 = try await Fixtures.node(app, code: "QH-S1-C1")
            let meeting = try await secretary.api(
                .POST, "/api/v1/meetings",
                json: [
                    """
                    communityNodeId
                    """: c1.id!, "date": "2026-11-25", "host": "林晓", "attendees": "物业、居民代表",
                ])
            let meetingID = try #require(try meeting.json()["id"] as? Int)
            let s2 = try await Fixtures.node(app, code: "QH-S2")
            let foreign = try #require(
                try await ResidentUnit.query(on: app.db).filter(\.$path =~ s2.path).filter(\.$archived == false)
                    .first()
            )
            let logged = try await Fixtures.accessLog(app, .forbiddenChange).count
            let refused = try await RequestsTests.act(
                secretary, id, "decide",
                [
                    "meetingId": meetingID, "note": "交给另一街道的单位", "unitIds": [foreign.id!],
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await RequestAssignment.query(on: app.db).filter(\.$requestID == id).count() == 0)
            #expect(try await RequestsTests.state(app, id) == .meetingDecision)
            #expect(try await Fixtures.accessLog(app, .forbiddenChange).count == logged + 1)
            // The other street's liaison reads nothing of it.
            #expect(!(refused.body.string.contains(foreign.name)))
            // A unit of the community is fine.
            let own = try #require(
                try await ResidentUnit.query(on: app.db).filter(\.$path =~ c1.path).filter(\.$archived == false)
                    .first()
            )
            let decided = try await RequestsTests.act(
                secretary, id, "decide",
                [
                    "meetingId": meetingID, "note": "由驻区单位处理", "unitIds": [own.id!],
                ])
            #expect(decided.status == .ok, "\(decided.body.string)")
        }
    }

    @Test func aResidentRaisesOnlyForTheirOwnHousehold() async throws {
        try await withTestApp { app in
            let resident = try await Client.api(app, as: "resident")
            let me = try #require(
                try await Person.find(try await Fixtures.user(app, "resident").personID!, on: app.db))
            let other = try #require(
                try await Household.query(on: app.db).filter(\.$id != me.householdID ?? 0).sort(\.$id, .descending)
                    .first())
            let before = try await ServiceRequest.query(on: app.db).count()
            let res = try await resident.api(
                .POST, "/api/v1/requests",
                json: [
                    "kind": "help", "category": "facilities", "text": "楼道灯坏了", "householdId": other.id!,
                ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("householdId"))
            #expect(try await ServiceRequest.query(on: app.db).count() == before)
            // A staff member's grid and household ids are checked against their scope too.
            let secretary = try await Client.api(app, as: "secretary")
            let s2grid = try await PlacesRouteTests.grid(app, "QH-S2-C1-G1")
            let staff = try await secretary.api(
                .POST, "/api/v1/requests",
                json: [
                    "kind": "help", "category": "facilities", "text": "来电反映", "gridId": s2grid.id!,
                    "channel": "hotline",
                ])
            #expect(staff.status == .unprocessableEntity)
            #expect(try await ServiceRequest.query(on: app.db).count() == before)
        }
    }

    /// An optional parameter that is present but malformed is a 400 naming it, never silently "no".
    @Test func malformedOptionalParametersAreRefusedNotIgnored() async throws {
        try await withTestApp { app in
            let admin = try await Client.api(app, as: "admin")
            for path in [
                "/api/v1/grids?flagged=abc", "/api/v1/org/nodes?includeArchived=abc",
                "/api/v1/people?includeArchived=2",
                "/api/v1/people?inService=maybe", "/api/v1/people/export.csv?unmasked=2",
                "/api/v1/requests/similar?category=environment&lng=AAA&lat=31",
                "/api/v1/audit?entityType=Bogus%20type",
                "/api/v1/people?page=9223372036854775807",
            ] {
                let res = try await admin.api(.GET, path)
                #expect(res.status == .badRequest, "\(path) answered \(res.status)")
                #expect(res.errorCode == "bad_request", "\(path)")
            }
            #expect(try await admin.api(.GET, "/api/v1/grids?flagged=true").status == .ok)
            // The duty assignment's id is in the grid's answer, so a client can end it.
            let grid = try await PlacesRouteTests.grid(app, "QH-S1-C1-G1")
            let staff =
                try await admin.api(.GET, "/api/v1/grids/\(grid.id!)").json()["staff"] as? [[String: Any]] ?? []
            #expect(!staff.isEmpty && staff.allSatisfy { $0["dutyId"] is Int })
        }
    }
}
