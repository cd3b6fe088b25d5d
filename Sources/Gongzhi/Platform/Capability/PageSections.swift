import Fluent
import Vapor

/// A titled list of links one capability shows on another capability's page (a unit's page, an organisation
/// node's page, 我的社区, a request's page), so the page's owner names no other capability: it asks
/// `Capability.all` for the sections of its record and renders them. Each source checks what the caller may see
/// and returns nil when it has nothing to show.
struct PageSection: Sendable {
    typealias Source = @Sendable (_ id: Int, _ caller: Caller) async throws -> PageSection?

    struct Item: Sendable {
        let link: Link
        let label: String
        /// A line under the label (a day, a place, a figure).
        let detail: String
    }

    /// The section's HTML id, for tests and the browser checks.
    let id: String
    let title: String
    let items: [Item]
    /// Where the whole list is (shown as "more" under the items), if anywhere.
    var more: Link?

    /// The sections every capability shows for a unit.
    static func unit(_ id: Int, _ caller: Caller) async throws -> [PageSection] {
        var out: [PageSection] = []
        for source in Capability.all.compactMap(\.unitSections) {
            if let s = try await source(id, caller) { out.append(s) }
        }
        return out
    }

    /// The sections every capability shows for a node of the tree.
    static func node(_ id: Int, _ caller: Caller) async throws -> [PageSection] {
        var out: [PageSection] = []
        for source in Capability.all.compactMap(\.nodeSections) {
            if let s = try await source(id, caller) { out.append(s) }
        }
        return out
    }

    /// The sections every capability shows for a request of the five-step loop.
    static func request(_ id: Int, _ caller: Caller) async throws -> [PageSection] {
        var out: [PageSection] = []
        for source in Capability.all.compactMap(\.requestSections) {
            if let s = try await source(id, caller) { out.append(s) }
        }
        return out
    }

    static func view(_ sections: [PageSection], _ lang: Lang) -> HTML {
        sections.map { s in
            let items: [HTML] = s.items.map { i in
                "<li><a href=\"\(i.link)\">\(i.label)</a> <span class=\"muted\">\(i.detail)</span></li>"
            }
            let more: HTML = s.more.map { "<p><a href=\"\($0)\">\(lang.t(.sectionMore))</a></p>" } ?? ""
            return """
                <section class="card" id="\(s.id)"><h2>\(s.title)</h2><ul>\(items)</ul>\(more)</section>
                """
        }.joined()
    }
}
