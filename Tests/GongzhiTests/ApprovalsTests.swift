import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// Approvals as a step: the demo's hours entered by hand wait on the secretary's desk, who approves or refuses
/// them from the page; the home tile counts what the list shows.
@Suite("Approvals")
struct ApprovalsTests {
    @Test func theApproverDecidesFromTheDeskAndTheTileCountsTheList() async throws {
        try await withTestApp { app in
            let secretary = try await Fixtures.user(app, "secretary")
            let waiting = try await Approval.query(on: app.db).filter(\.$approverUserID == secretary.id!)
                .filter(\.$state == .pending).sort(\.$id).all()
            #expect(!waiting.isEmpty, "the demo leaves hours waiting for the secretary")
            let desk = try await Client.page(app, as: "secretary")
            let home = try await desk.get(PlatformRoute.home).body.string
            #expect(home.contains(ApprovalsRoute.page.path))
            let page = try await desk.get(ApprovalsRoute.page).body.string
            for a in waiting { #expect(page.contains("approval-\(a.id!)")) }
            #expect(page.contains(Lang.zhHans.format(Text.listTotal.key, [String(waiting.count), "1", "1"])))
            // A refusal without a reason comes back with the problem; with one it is recorded.
            let first = try #require(waiting.first)
            let bare = try await desk.post(ApprovalsRoute.refuse(.value(first.id!)), [("reason", "")])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.body.string.contains("驳回须写明理由"))
            #expect(try await Approval.find(first.id!, on: app.db)?.state == .pending)
            let hours = try await ServiceHour.query(on: app.db).count()
            if waiting.count > 1 {
                let second = waiting[1]
                let ok = try await desk.post(ApprovalsRoute.approve(.value(second.id!)), [])
                #expect(ok.status == .seeOther)
                #expect(try await Approval.find(second.id!, on: app.db)?.state == .approved)
                #expect(try await ServiceHour.query(on: app.db).count() == hours + 1)
            }
            let refused = try await desk.post(ApprovalsRoute.refuse(.value(first.id!)), [("reason", "时间不符")])
            #expect(refused.status == .seeOther)
            #expect(try await Approval.find(first.id!, on: app.db)?.reason == "时间不符")
            // Another street's secretary neither sees nor decides it.
            let other = try await Client.api(app, as: "secretary2")
            #expect(try await other.api(.POST, ApprovalsRoute.apiApprove(.value(first.id!))).status == .notFound)
            let theirs = try await other.api(.GET, ApprovalsRoute.api.query([("show", "all")])).jsonArray()
            #expect(!theirs.contains { $0["id"] as? Int == first.id })
        }
    }
}
