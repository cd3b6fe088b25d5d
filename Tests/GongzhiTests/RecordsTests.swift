import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F11 service records (网上纪实)")
struct RecordsTests {
    @Test func aMembersRecordIsGatheredFromTheRecords() async throws {
        try await withTestApp { app in
            let member = try await Fixtures.user(app, "member")
            let pid = try #require(member.personID)
            let client = try await Client.api(app, as: "member")
            let mine = try await client.api(.GET, "/api/v1/records/mine")
            #expect(mine.status == .ok, "\(mine.body.string)")
            let json = try mine.json()
            let entries = try #require(json["entries"] as? [[String: Any]])
            let hours = try await VolunteeringQueries.hours(personIDs: [pid], from: nil, to: nil, db: app.db)
            #expect(entries.filter { $0["kind"] as? String == "hours" }.count == hours.count)
            let totals = try #require(json["totals"] as? [String: Any])
            #expect(totals["pointsBalance"] as? Int == (try await PointsQueries.balance(personID: pid, db: app.db)))
            let services = try await ReportingQueries.memberServices(personIDs: [pid], db: app.db).filter(\.verified)
            #expect(totals["services"] as? Int == services.count)
            let summed = services.map(\.hours).reduce(0, +) + hours.map { Double($0.minutes) / 60 }.reduce(0, +)
            #expect(abs((totals["hours"] as? Double ?? -1) - summed) < 0.01)
            // Staff of the member's community read it; another community's secretary does not.
            let secretary = try await Client.api(app, as: "secretary")
            #expect(try await secretary.api(.GET, "/api/v1/records/people/\(pid)").status == .ok)
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.GET, "/api/v1/records/people/\(pid)").status == .notFound)
            let resident = try await Client.api(app, as: "resident")
            #expect(try await resident.api(.GET, "/api/v1/records/people/\(pid)").status == .forbidden)
            // The member downloads their own record, one line per entry.
            let own = try await Client.page(app, as: "member").get("/records/mine/export.csv")
            #expect(own.status == .ok && own.headers.contentType?.subType == "csv")
            #expect(own.body.string.split(whereSeparator: \.isNewline).count == 1 + entries.count)
        }
    }

    @Test func aUnitsRecordForItsLiaisonAndAsCSV() async throws {
        try await withTestApp { app in
            let liaison = try await Fixtures.user(app, "unit")
            let units = try await UnitsQueries.unitIDs(withPartyOrg: liaison.orgNodeID, on: app.db)
            let unit = try #require(units.first)
            let client = try await Client.page(app, as: "unit")
            let page = try await client.get("/records/units/\(unit)")
            #expect(page.status == .ok && page.body.string.contains("record-totals"))
            let csv = try await client.get("/records/units/\(unit)/export.csv")
            #expect(csv.status == .ok)
            let projects = try await ListsQueries.projects(unitID: unit, db: app.db)
            let lines = csv.body.string.split(whereSeparator: \.isNewline).count
            #expect(lines >= 1 + projects.count)
            // Another unit is not the liaison's.
            let others = try await UnitsQueries.activeReportingUnits(on: app.db).map(\.id).filter {
                !units.contains($0)
            }
            let away = try #require(others.last)
            #expect(try await client.get("/records/units/\(away)").status == .notFound)
            // Staff who see the unit but may not export get its page without the CSV.
            let grid = try await Client.page(app, as: "gridworker")
            let seen = try await grid.get("/records/units/\(unit)")
            if seen.status == .ok {
                #expect(!seen.body.string.contains("/records/units/\(unit)/export.csv"))
            }
            #expect(try await grid.get("/records/units/\(unit)/export.csv").status != .ok)
        }
    }
}
