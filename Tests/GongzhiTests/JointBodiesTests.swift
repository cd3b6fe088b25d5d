import Fluent
import Foundation
import GongzhiCore
import Testing
import VaporTesting

@testable import Gongzhi

@Suite("F2 joint bodies")
struct JointBodiesTests {
    /// The demo big committee of the secretary's community.
    static func communityBody(_ app: Application) async throws -> JointBody {
        let c = try await Fixtures.node(app, code: "QH-S1-C1")
        return try #require(
            try await JointBody.query(on: app.db).filter(\.$nodeID == c.id!).filter(\.$kind == .communityCommittee)
                .first())
    }

    static func today() -> String { AppClock.live.today.description }

    /// A person of the secretary's community who holds no seat in the body.
    static func unseated(_ app: Application, _ body: JointBody) async throws -> Person {
        let seated = Set(try await Appointment.query(on: app.db).filter(\.$bodyID == body.id!).all().map(\.personID))
        let people = try await Person.query(on: app.db).filter(\.$path =~ body.path).filter(\.$archived == false)
            .sort(\.$id).limit(200).all()
        return try #require(people.first { !seated.contains($0.id!) })
    }

    @Test func demoBodiesHaveMembersSeatsAndACompleteTriad() async throws {
        try await withTestApp { app in
            let bodies = try await JointBody.query(on: app.db).all()
            let communities = try await OrgNode.query(on: app.db).filter(\.$kind == .communityCommittee).count()
            #expect(bodies.filter { $0.kind == .communityCommittee }.count == communities)
            #expect(bodies.contains { $0.kind == .streetCommittee })
            let secretary = try await Client.api(app, as: "secretary")
            let body = try await Self.communityBody(app)
            let res = try await secretary.api(.GET, "/api/v1/joint-bodies/\(body.id!)")
            #expect(res.status == .ok)
            let json = try res.json()
            let triad = try #require(json["triad"] as? [String: Any])
            #expect(triad["complete"] as? Bool == true, "\(triad)")
            let figures = try #require(json["figures"] as? [String: Any])
            // The figures are the records: active members and part-time seats counted straight from the tables.
            let members = try await BodyMembership.query(on: app.db).filter(\.$bodyID == body.id!).all()
                .filter { $0.days.contains(app.clock.today) }
            #expect(figures["memberUnits"] as? Int == Set(members.map(\.unitID)).count)
            #expect((figures["memberUnits"] as? Int ?? 0) >= 5)
            let partTime = try await Appointment.query(on: app.db).filter(\.$bodyID == body.id!)
                .filter(\.$hostUnitID == nil).filter(\.$position == .partTimeMember).all()
                .filter { $0.days.contains(app.clock.today) }
            #expect(figures["partTimeMembers"] as? Int == Set(partTime.map(\.personID)).count)
            #expect((figures["crossAppointedUnits"] as? Int ?? 0) >= 1)
            #expect(figures["lead"] as? Int == 1, "the 1 of 1+N+X")
            // A cross appointment is for one of the body's people: someone with no seat in it is refused.
            let seated = Set(
                try await Appointment.query(on: app.db).filter(\.$bodyID == body.id!).all().map(\.personID))
            let stranger = try #require(
                try await PeopleQueries.pickable(DataScope(own: TreePath(body.path)), limit: 200, on: app.db)
                    .first { !seated.contains($0.id) })
            let unit = try #require(members.first?.unitID)
            let refused = try await secretary.api(
                .POST, JointBodiesRoute.apiCrossSeats(.value(body.id!)),
                json: [
                    "personId": stranger.id, "hostUnitId": unit, "position": "member",
                    "from": app.clock.today.description,
                ])
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            #expect(refused.errorMessage?.contains("交叉任职") == true)
        }
    }

    @Test func seatsAreDatedAndOneHolderAtATime() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let body = try await Self.communityBody(app)
            let seats = try await Appointment.query(on: app.db).filter(\.$bodyID == body.id!).all()
            let chair = try #require(seats.first { $0.position == .chair && $0.toDay == nil })
            let person = try await Self.unseated(app, body)
            // A second chair at once: refused, in Chinese, naming the holder; nothing saved.
            let clash = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: ["personId": person.id!, "position": "chair", "from": Self.today()])
            #expect(clash.status == .unprocessableEntity)
            #expect(clash.errorMessage?.contains("请先终止") == true, "\(clash.body.string)")
            #expect(try await Appointment.query(on: app.db).filter(\.$bodyID == body.id!).count() == seats.count)
            // A triad with two property companies: refused.
            let property = try #require(seats.first { $0.position == .triadPropertyCompany })
            let triad = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: [
                    "personId": person.id!, "position": "triadPropertyCompany", "unitId": property.unitID!,
                    "from": Self.today(),
                ])
            #expect(triad.status == .unprocessableEntity)
            #expect(try triad.json().description.contains("三方"))
            // End the chair yesterday, then the new chair takes over today; as of last month the old one holds it.
            let yesterday = app.clock.today.adding(days: -1).description
            let end = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats/\(chair.id!)/end", json: ["on": yesterday])
            #expect(end.status == .ok, "\(end.body.string)")
            let again = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: ["personId": person.id!, "position": "chair", "from": Self.today()])
            #expect(again.status == .created, "\(again.body.string)")
            let lastMonth = app.clock.today.adding(days: -30).description
            let then = try await secretary.api(.GET, "/api/v1/joint-bodies/\(body.id!)?asOf=\(lastMonth)").json()
            let chairs = (then["seats"] as? [[String: Any]] ?? []).filter {
                $0["position"] as? String == "chair" && $0["active"] as? Bool == true
            }
            #expect(chairs.map { $0["personId"] as? Int } == [chair.personID])
            let now = try await JointBodiesQueries.roster(bodyID: body.id!, on: app.clock.today, db: app.db)
            #expect(now.filter { $0.position == .chair }.map(\.personID) == [person.id!])
            // Ending twice is refused; the end is audited with before and after.
            let twice = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats/\(chair.id!)/end", json: ["on": yesterday])
            #expect(twice.status == .unprocessableEntity)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityType == "appointment")
                .filter(\.$entityID == chair.id!).all()
            #expect(audit.count == 1 && audit.first?.beforeJSON?.contains("\"toDay\"") == false)
        }
    }

    @Test func membersFollowOnePlusNPlusX() async throws {
        try await withTestApp { app in
            let secretary = try await Client.api(app, as: "secretary")
            let body = try await Self.communityBody(app)
            let member = try #require(try await BodyMembership.query(on: app.db).filter(\.$bodyID == body.id!).first())
            let twice = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/members",
                json: ["unitId": member.unitID, "role": "inner", "from": Self.today()])
            #expect(twice.status == .unprocessableEntity)
            // A unit of another street is neither in scope nor above the body: refused on the field, logged.
            let other = try await Fixtures.node(app, code: "QH-S2-C1")
            let far = try #require(
                try await UnitsQueries.bodyUnits(locatedAt: [other.id!], on: app.db).first)
            let refused = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/members",
                json: ["unitId": far.id, "role": "outer", "from": Self.today()])
            #expect(refused.status == .unprocessableEntity)
            #expect(!(try await Fixtures.accessLog(app, .forbiddenChange)).isEmpty)
            // A department of the street above: the "X" sunk down, accepted.
            let street = try await Fixtures.node(app, code: "QH-S1")
            let departments = try await UnitsQueries.bodyUnits(locatedAt: [street.id!], on: app.db)
            let current = Set(
                try await BodyMembership.query(on: app.db).filter(\.$bodyID == body.id!).all().map(\.unitID))
            let fresh = try #require(departments.first { !current.contains($0.id) })
            let ok = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/members",
                json: ["unitId": fresh.id, "role": "outer", "from": Self.today()])
            #expect(ok.status == .created, "\(ok.body.string)")
            #expect(try ok.json()["figures"].map { ($0 as? [String: Any])?["outer"] as? Int ?? 0 } ?? 0 >= 1)
        }
    }

    @Test func scopeLiaisonAndBadInput() async throws {
        try await withTestApp { app in
            let body = try await Self.communityBody(app)
            // Another community's secretary neither sees nor changes the body.
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.GET, "/api/v1/joint-bodies/\(body.id!)").status == .notFound)
            let list = try await other.api(.GET, "/api/v1/joint-bodies").jsonArray()
            #expect(!list.contains { $0["id"] as? Int == body.id })
            let doc = try await other.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/documents",
                json: ["title": "规则", "text": "正文", "adoptedOn": Self.today()])
            #expect([.forbidden, .notFound].contains(doc.status))
            // The unit liaison sees the body its unit is a member of, and may not change it.
            let liaison = try await Client.api(app, as: "unit")
            let units = try await UnitsQueries.unitIDs(
                withPartyOrg: (try await Fixtures.user(app, "unit")).orgNodeID, on: app.db)
            let memberOf = Set(
                try await BodyMembership.query(on: app.db).filter(\.$unitID ~~ units).all().map(\.bodyID))
            let seen = Set(
                try await liaison.api(.GET, "/api/v1/joint-bodies").jsonArray().compactMap { $0["id"] as? Int })
            #expect(!memberOf.isEmpty && seen == memberOf)
            let change = try await liaison.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/documents",
                json: ["title": "规则", "text": "正文", "adoptedOn": Self.today()])
            #expect(change.status == .forbidden)
            // Bad input: unknown fields, bad dates, an end before the start, a kind on the wrong organisation.
            let secretary = try await Client.api(app, as: "secretary")
            let c = try await Fixtures.node(app, code: "QH-S1-C1")
            let wrongKind = try await secretary.api(
                .POST, "/api/v1/joint-bodies", json: ["name": "大工委", "kind": "streetCommittee", "nodeId": c.id!])
            #expect(wrongKind.status == .unprocessableEntity)
            let badDate = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/documents",
                json: ["title": "规则", "text": "正文", "adoptedOn": "2026-02-30"])
            #expect(badDate.status == .unprocessableEntity)
            let person = try await Fixtures.personInScope(app)
            let backwards = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: ["personId": person.id!, "position": "member", "from": "2026-05-01", "to": "2026-04-01"])
            #expect(backwards.status == .unprocessableEntity)
            let outsider = try await Fixtures.personOutOfScope(app)
            let far = try await secretary.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: ["personId": outsider.id!, "position": "member", "from": Self.today()])
            #expect(far.status == .unprocessableEntity)
            let english = try await Client.api(app, as: "secretary")
            english.language = "en"
            let noUnit = try await english.api(
                .POST, "/api/v1/joint-bodies/\(body.id!)/seats",
                json: ["personId": person.id!, "position": "partTimeMember", "from": Self.today()])
            #expect(noUnit.errorMessage == "A part-time or triad seat needs the unit it sits for.")
        }
    }

    @Test func pagesFormsAndExport() async throws {
        try await withTestApp { app in
            let body = try await Self.communityBody(app)
            let secretary = try await Client.page(app, as: "secretary")
            let list = try await secretary.get("/joint-bodies")
            #expect(list.status == .ok && list.body.string.contains(body.name))
            let page = try await secretary.get("/joint-bodies/\(body.id!)")
            #expect(page.status == .ok && page.body.string.contains("三方齐全"))
            #expect(page.body.string.contains("id=\"add-seat\""))
            // A refused form comes back as the page with the message.
            let refused = try await secretary.post(
                "/joint-bodies/\(body.id!)/documents", [("title", ""), ("text", "x"), ("adoptedOn", Self.today())])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("请填写此项"))
            let saved = try await secretary.post(
                "/joint-bodies/\(body.id!)/documents",
                [("title", "议事规则修订"), ("text", "每季度召开一次。"), ("adoptedOn", Self.today())])
            #expect(saved.status == .seeOther)
            let after = try await secretary.get("/joint-bodies/\(body.id!)")
            #expect(after.body.string.contains("议事规则修订"))
            let csv = try await secretary.get("/joint-bodies/export.csv")
            #expect(csv.status == .ok && csv.body.string.contains(body.name))
            // The party-building map's layer: member units in the body's colour, linking to the body.
            let map = try await secretary.get("/map?node=\(body.nodeID)&layer=jointBodies")
            #expect(map.status == .ok && map.body.string.contains("#6d28d9"))
            #expect(map.body.string.contains("/joint-bodies/\(body.id!)"))
            // The liaison's desk shows the body read-only.
            let liaison = try await Client.page(app, as: "unit")
            let seen = try await liaison.get("/joint-bodies")
            #expect(seen.status == .ok && !seen.body.string.contains("id=\"new-body\""))
            // No export link for a liaison, who may not export.
            #expect(!seen.body.string.contains("/joint-bodies/export.csv"))
            #expect(list.body.string.contains("/joint-bodies/export.csv"))
        }
    }
}
