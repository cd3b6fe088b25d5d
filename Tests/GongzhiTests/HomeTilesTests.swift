import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// A figure on a home page is the total of the list it opens: for every demo account, every desk tile with a
/// figure is followed and the list's stated total (`data-total`, the one pager every list uses) compared with it.
@Suite("Home tiles equal their lists")
struct HomeTilesTests {
    static func number(_ attribute: String, in html: String) -> Int? {
        guard let r = html.range(of: "\(attribute)=\"") else { return nil }
        return Int(html[r.upperBound...].prefix { $0.isNumber })
    }

    @Test(arguments: DemoData.accounts.map(\.username))
    func everyTileCountsWhatItsListShows(_ username: String) async throws {
        try await withTestApp { app in
            let user = try await Fixtures.user(app, username)
            let viewer = try #require(try await Viewer.load(userID: user.id!, on: app.db))
            let client = try await Client.page(app, as: username)
            let home = try await client.get(PlatformRoute.home).body.string
            let model = try await HomeModel.query(viewer, now: app.clock.now, on: app.db)
            var compared = 0
            for tile in model.tiles {
                guard let figure = tile.figure else { continue }
                #expect(home.contains("data-count=\"\(figure)\""), "\(username): the home shows \(tile.key.key)")
                let page = try await client.get(tile.link)
                #expect(page.status == .ok, "\(username): \(tile.link) answers \(page.status)")
                let total = Self.number("data-total", in: page.body.string)
                #expect(
                    total == figure, "\(username): \(tile.key.key) says \(figure), \(tile.link) lists \(total ?? -1)")
                compared += 1
            }
            if !viewer.role.usesPhoneLayout {
                #expect(compared > 0, "\(username) has figures on the desk home")
            }
        }
    }
}
