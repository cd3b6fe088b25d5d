import Fluent
import Vapor

/// The home page as data: the tiles the capabilities offer this viewer, each desk figure counted by its owner.
struct HomeModel: Sendable {
    struct Tile: Sendable {
        let link: Link
        let key: Text
        let hint: Text?
        let figure: Int?
    }

    let phone: Bool
    let greetingName: String
    let nodeName: String
    let tiles: [Tile]

    static func query(_ v: Viewer, now: Date, on db: any Database) async throws -> HomeModel {
        let phone = v.role.usesPhoneLayout
        let offered = Capability.all.flatMap(\.homeTiles)
            .filter { $0.layout == (phone ? .phone : .desk) && $0.shows(for: v) }
            .sorted { $0.order < $1.order }
        var tiles: [Tile] = []
        for t in offered {
            let figure = try await t.count?(v, db, now)
            tiles.append(Tile(link: t.link, key: t.key, hint: t.hint, figure: figure))
        }
        return HomeModel(phone: phone, greetingName: v.user.displayName, nodeName: v.node.name, tiles: tiles)
    }
}

/// The home page's view: a pure function of the model and the language.
enum HomeView {
    static func body(_ m: HomeModel, _ lang: Lang) -> HTML {
        if m.phone {
            let entries: [HTML] = m.tiles.map { t in
                """
                <a class=\"entry\" href=\"\(t.link)\">\(lang.t(t.key))<small>\(t.hint.map { lang.t($0) } ?? "")</sm\
                all></a>
                """
            }
            return """
                <h1>\(lang.t(.homeGreeting, m.greetingName))</h1>
                <p class="muted">\(m.nodeName)</p>
                <div class="entries" id="entries">\(entries)</div>
                """
        }
        let cards: [HTML] = m.tiles.map { t in
            // What the figure counts, in words, beside it (one definition per count, the same on every page).
            let definition: HTML = t.hint.map { "<small class=\"muted def\">\(lang.t($0))</small>" } ?? ""
            // A tile without a figure says nothing rather than 0; `data-count` is the figure its list must total.
            let figure: HTML = t.figure.map { "<strong class=\"num\" data-count=\"\($0)\">\($0)</strong>" } ?? ""
            return """
                <a class="entry" href="\(t.link)">\(figure)<small>\(lang.t(t.key))</small>\(definition)</a>
                """
        }
        return """
            <h1>\(lang.t(.homeDeskTitle, m.nodeName))</h1>
            <p class="muted">\(lang.t(.homeDeskHint))</p>
            <div class="entries figures" id="figures">\(cards)</div>
            """
    }
}
