import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F9 agreements")
struct AgreementsTests {
    static func demoAgreement(_ app: Application) async throws -> Agreement {
        let c = try await Fixtures.node(app, code: "QH-S1-C1")
        return try #require(try await Agreement.query(on: app.db).filter(\.$nodeID == c.id!).first())
    }

    @Test func lastYearsFulfilmentComesFromTheRecords() async throws {
        try await withTestApp { app in
            let a = try await Self.demoAgreement(app)
            let secretary = try await Client.api(app, as: "secretary")
            let year = app.clock.today.year - 1
            let json = try await secretary.api(.GET, "/api/v1/agreements/\(a.id!)?year=\(year)").json()
            let findings = try #require(json["commitments"] as? [[String: Any]])
            let projects = try await AgreementProject.query(on: app.db).filter(\.$agreementID == a.id!).all()
            let from = Date(timeIntervalSince1970: LocalDate(year: year, month: 1, day: 1)!.startInstant)
            let to = Date(timeIntervalSince1970: LocalDate(year: year, month: 12, day: 31)!.endInstant)
            for f in findings where f["measure"] as? String == "projects" {
                let unit = f["unitId"] as? Int
                let delivered = projects.filter {
                    $0.ownerUnitID == unit && $0.deliveredOn.flatMap(LocalDate.init)?.year == year
                }.count
                // A unit's closed action projects (the four lists) count too.
                let actions = try await ListsQueries.closedProjects(
                    unitIDs: unit.map { [$0] } ?? [], from: from, to: to, db: app.db)
                #expect(f["actual"] as? Int == delivered + (unit.flatMap { actions[$0] } ?? 0))
            }
            #expect(json["pairing"] as? String != nil)
            // Commitments counted from the other capabilities' records equal their published counts.
            for f in findings {
                guard let unit = f["unitId"] as? Int else { continue }
                switch f["measure"] as? String {
                case "services":
                    let n = try await ReportingQueries.verifiedServices(
                        unitIDs: [unit], from: from, to: to, db: app.db)
                    #expect(f["actual"] as? Int == n[unit] ?? 0)
                case "meetings":
                    let n = try await MeetingsQueries.attendance(unitIDs: [unit], from: from, to: to, db: app.db)
                    #expect(f["actual"] as? Int == n[unit] ?? 0)
                default: break
                }
            }
            #expect(findings.contains { $0["measure"] as? String == "services" })
            // Review the year: the findings are kept with the verdict; a second review of the year is refused.
            let review = try await secretary.api(
                .POST, "/api/v1/agreements/\(a.id!)/reviews",
                json: ["year": year, "verdict": "partly", "note": "部分单位未承办邻里节"])
            #expect(review.status == .created, "\(review.body.string)")
            let again = try await secretary.api(
                .POST, "/api/v1/agreements/\(a.id!)/reviews", json: ["year": year, "verdict": "honoured", "note": "x"])
            #expect(again.status == .unprocessableEntity)
            let list = try await secretary.api(.GET, "/api/v1/agreements").jsonArray()
            #expect(list.first { $0["id"] as? Int == a.id }?["lastVerdict"] as? String == "partly")
        }
    }

    @Test func signingNeedsCommitmentsOnBothSides() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let c = try await Fixtures.node(app, code: "QH-S1-C1")
            let units = try await UnitsQueries.bodyUnits(locatedAt: [c.id!], on: app.db).prefix(2).map(\.id)
            #expect(units.count == 2)
            let year = app.clock.today.year
            let created = try await secretary.api(
                .POST, "/api/v1/agreements",
                json: [
                    "title": "共建协议（测试）", "nodeId": c.id!, "unitIds": units, "startsOn": "\(year)-01-01",
                    "endsOn": "\(year + 1)-12-31",
                ])
            #expect(created.status == .created, "\(created.body.string)")
            let id = try #require(try created.json()["id"] as? Int)
            #expect(try created.json()["pairing"] as? String == "manyToOne")
            let today = app.clock.today.description
            let early = try await secretary.api(.POST, "/api/v1/agreements/\(id)/sign", json: ["on": today])
            #expect(early.status == .unprocessableEntity && early.errorMessage?.contains("党组织一方") == true)
            let org = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/commitments",
                json: ["side": "organisation", "category": "affairsConsultation", "text": "共商社区事务"])
            #expect(org.status == .created, "\(org.body.string)")
            let one = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/commitments",
                json: [
                    "side": "unit", "unitId": units[0], "category": "carrierCreation", "text": "承办邻里节",
                    "measure": "projects", "target": 1,
                ])
            #expect(one.status == .created)
            let half = try await secretary.api(.POST, "/api/v1/agreements/\(id)/sign", json: ["on": today])
            #expect(half.status == .unprocessableEntity && half.errorMessage?.contains("以下单位") == true)
            #expect(try await Agreement.find(id, on: app.db)?.state == .draft)
            _ = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/commitments",
                json: ["side": "unit", "unitId": units[1], "category": "resourceSharing", "text": "开放食堂"])
            // The organisation signs at the desk; the agreement waits for the units' own signatures.
            let orgSigned = try await secretary.api(.POST, "/api/v1/agreements/\(id)/sign", json: ["on": today])
            #expect(orgSigned.status == .ok)
            #expect(try orgSigned.json()["state"] as? String == "draft")
            let twice = try await secretary.api(.POST, "/api/v1/agreements/\(id)/sign", json: ["on": today])
            #expect(twice.status == .unprocessableEntity)
            // Once a side has signed, the text stays as it was signed: no commitment is added under a signature.
            let underSignature = try await secretary.api(
                .POST, AgreementsRoute.apiCommitments(.value(id)),
                json: ["side": "organisation", "category": "affairsConsultation", "text": "签署后再加"])
            #expect(underSignature.status == .conflict)
            // Each unit signs through its liaison; a liaison of neither unit cannot.
            let liaisonUnits = try await UnitsQueries.unitIDs(
                withPartyOrg: (try await Fixtures.user(app, "unit")).orgNodeID, on: app.db)
            let liaison = try await Client.api(app, as: "unit")
            // The unit without a liaison account first, so the liaison's signature is the last one.
            for unit in units.sorted(by: { !liaisonUnits.contains($0) && liaisonUnits.contains($1) }) {
                let party = try #require(
                    try await AgreementParty.query(on: app.db).filter(\.$agreementID == id).filter(\.$unitID == unit)
                        .first())
                if liaisonUnits.contains(unit) {
                    let res = try await liaison.api(.POST, "/api/v1/agreements/\(id)/sign", json: ["on": today])
                    #expect(res.status == .ok, "\(res.body.string)")
                } else {
                    // No liaison account for this unit in the demo: its signature is given as its liaison would.
                    party.signedOn = today
                    try await party.save(on: app.db)
                }
            }
            #expect(liaisonUnits.contains(units[0]) || liaisonUnits.contains(units[1]))
            let signed = try await secretary.api(.GET, "/api/v1/agreements/\(id)")
            #expect(try signed.json()["pairing"] as? String == "manyToOne")
            #expect(try await Agreement.find(id, on: app.db)?.state == .signed)
            // Signed commitments do not change; a project delivered counts toward the unit's commitment.
            let late = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/commitments",
                json: ["side": "organisation", "category": "affairsConsultation", "text": "再加一条"])
            #expect(late.status == .unprocessableEntity)
            let project = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/projects",
                json: ["title": "邻里节", "ownerUnitId": units[0], "due": "\(year)-12-31"])
            let pid = try #require((try project.json()["projects"] as? [[String: Any]])?.first?["id"] as? Int)
            let delivered = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/projects/\(pid)/deliver", json: ["on": today])
            let finding = (try delivered.json()["commitments"] as? [[String: Any]])?.first {
                $0["unitId"] as? Int == units[0]
            }
            #expect(finding?["fulfilmentPercent"] as? Int == 100)
            let reviewed = try await secretary.api(
                .POST, "/api/v1/agreements/\(id)/reviews",
                json: ["year": year, "verdict": "honoured", "note": "按约履行"])
            #expect(reviewed.status == .created || reviewed.status == .ok, "\(reviewed.body.string)")
            let renewed = try await secretary.api(.POST, "/api/v1/agreements/\(id)/renew")
            #expect(renewed.status == .created)
            #expect(try renewed.json()["state"] as? String == "draft")
            #expect((try renewed.json()["commitments"] as? [Any])?.count == 3)
            // The new term keeps the earlier term's reviews in view.
            let reviews = try renewed.json()["reviews"] as? [[String: Any]] ?? []
            #expect(reviews.contains { $0["agreementId"] as? Int == id && $0["note"] as? String == "按约履行" })
        }
    }

    @Test func scopeLiaisonPagesAndExport() async throws {
        try await withTestApp { app in
            let a = try await Self.demoAgreement(app)
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.GET, "/api/v1/agreements/\(a.id!)").status == .notFound)
            let end = try await other.api(.POST, "/api/v1/agreements/\(a.id!)/end", json: ["on": "2026-01-01"])
            #expect([.forbidden, .notFound].contains(end.status))
            let liaison = try await Client.api(app, as: "unit")
            let units = try await UnitsQueries.unitIDs(
                withPartyOrg: (try await Fixtures.user(app, "unit")).orgNodeID, on: app.db)
            let mine = Set(
                try await AgreementParty.query(on: app.db).filter(\.$unitID ~~ units).all().map(\.agreementID))
            let seen = Set(
                try await liaison.api(.GET, "/api/v1/agreements").jsonArray().compactMap { $0["id"] as? Int })
            #expect(!mine.isEmpty && seen == mine)
            // The liaison's own desk lists the unit's seats and commitments.
            let desk = try await Client.page(app, as: "unit")
            let mineDesk = try await desk.get("/my-unit")
            #expect(mineDesk.status == .ok && mineDesk.body.string.contains(a.title))
            #expect(mineDesk.body.string.contains("id=\"unit-seats\""))
            let page = try await Client.page(app, as: "secretary")
            #expect(try await page.get("/my-unit").status == .forbidden)
            let list = try await page.get("/agreements")
            #expect(list.status == .ok && list.body.string.contains(a.title))
            let detail = try await page.get("/agreements/\(a.id!)")
            #expect(detail.status == .ok && detail.body.string.contains("id=\"add-review\""))
            let refused = try await page.post(
                "/agreements/\(a.id!)/reviews", [("year", "1999"), ("verdict", "partly")])
            #expect(refused.status == .unprocessableEntity)
            let csv = try await page.get("/agreements/export.csv")
            #expect(csv.status == .ok && csv.body.string.contains(a.title))
        }
    }
}
