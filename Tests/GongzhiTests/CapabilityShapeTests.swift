import Foundation
import Testing
import Vapor

@testable import Gongzhi

/// The shape every capability shares: its routes are registered where its links point, its menus and tiles
/// open, its strings are complete, its audit kinds are labelled.
@Suite("Capabilities: manifests, typed routes, strings, audit kinds")
struct CapabilityShapeTests {
    /// A pattern as the router sees it: parameters without their names.
    static func shape(_ components: [PathComponent]) -> String {
        "/"
            + components.map { c -> String in
                switch c {
                case .parameter: ":"
                case .catchall: "**"
                case .anything: "*"
                case .constant(let s): s
                }
            }.joined(separator: "/")
    }

    static func registered(_ app: Application) -> Set<String> {
        Set(app.routes.all.map { shape($0.path) })
    }

    /// Does a printed path match one of the registered patterns?
    static func resolves(_ path: String, _ patterns: Set<String>) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return patterns.contains { pattern in
            let p = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard p.count == parts.count else { return false }
            return zip(p, parts).allSatisfy { $0 == ":" || $0 == $1 }
        }
    }

    static var allPatterns: [(owner: String, components: [PathComponent])] {
        var out = PlatformRoute.patterns.map { ("Platform", $0.components) }
        for c in Capability.all {
            for type in c.routeTypes {
                out += patterns(of: type).map { (c.name, $0) }
            }
        }
        return out
    }

    static func patterns<R: AppRoute>(of type: R.Type) -> [[PathComponent]] { type.patterns.map(\.components) }

    @Test func everyRoutePatternIsRegistered() async throws {
        try await withTestApp { app in
            let served = Self.registered(app)
            let missing = Self.allPatterns.filter { !served.contains(Self.shape($0.components)) }
                .map { "\($0.owner) \(Self.shape($0.components))" }
            #expect(missing == [], "route cases no handler serves")
        }
    }

    @Test func everyPathIsDeclaredOnce() {
        var seen: [String: String] = [:]
        var twice: [String] = []
        for (owner, components) in Self.allPatterns {
            let s = Self.shape(components)
            if let first = seen[s] { twice.append("\(s): \(first) and \(owner)") }
            seen[s] = owner
        }
        #expect(twice == [])
    }

    @Test func menusAndTilesLinkToRegisteredPages() async throws {
        try await withTestApp { app in
            let served = Self.registered(app)
            let links =
                Capability.all.flatMap(\.navigation).map(\.link.path)
                + Capability.all.flatMap(\.homeTiles).map(\.link.path)
            #expect(links.count > 20)
            #expect(links.filter { !Self.resolves($0, served) } == [])
        }
    }

    /// A route printed with a value where its pattern has a parameter fills every parameter.
    @Test func printedLinksFillEveryParameter() {
        #expect(PlacesRoute.grid(.value(7)).path == "/grids/7")
        #expect(PlatformRoute.home.path == "/")
        #expect(PlatformRoute.language(.value("en")).path == "/lang/en")
        #expect(PlacesRoute.map.query([("colour", "members"), ("skip", nil)]).description == "/map?colour=members")
    }

    /// Completeness is checked over the tables' keys: each capability's table holds the same keys in both
    /// languages, none empty, and no key is declared by two owners.
    @Test func everyStringTableIsCompleteAndOwnsItsKeys() {
        var owners: [String: String] = [:]
        var twice: [String] = []
        for (owner, table) in Strings.tables {
            #expect(Set(table.zhHans.keys) == Set(table.en.keys), "\(owner): keys differ between languages")
            #expect(table.zhHans.values.allSatisfy { !$0.isEmpty }, "\(owner): empty zh-Hans string")
            #expect(table.en.values.allSatisfy { !$0.isEmpty }, "\(owner): empty English string")
            for key in table.zhHans.keys {
                if let other = owners[key] { twice.append("\(key): \(other) and \(owner)") }
                owners[key] = owner
            }
        }
        #expect(twice == [])
    }

    @Test func menusTilesAndAuditKindsHaveLabels() {
        let keys =
            Capability.all.flatMap(\.navigation).map(\.key.key)
            + Capability.all.flatMap(\.homeTiles).flatMap { [$0.key.key] + ($0.hint.map { [$0.key] } ?? []) }
            + AuditKind.all.map(\.labelKey)
        #expect(keys.filter { Strings.zhHans[$0] == nil || Strings.en[$0] == nil } == [])
        #expect(Set(AuditKind.all).count == AuditKind.all.count, "an audit kind declared twice")
    }

    /// Every kind the code writes to the audit log is one the log's filter offers.
    @Test func auditEntriesUseDeclaredKinds() async throws {
        try await withTestApp { app in
            let written = Set(try await AuditEntry.query(on: app.db).all().map(\.entityType))
            #expect(!written.isEmpty)
            #expect(written.subtracting(AuditKind.all.map(\.rawValue)).sorted() == [])
        }
    }

    /// API answers carry data, not interface labels: clients label enum values in their own language. Two fields
    /// stay: an audit entry's `entityLabel` (the record's name when it was written) and a request's
    /// `categoryLabel` (the district's own category name, stored in both languages).
    @Test func apiAnswersCarryNoInterfaceLabels() throws {
        let doc = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIBuilder.printed.utf8)) as? [String: Any])
        let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var labels: [String] = []
        for (name, schema) in schemas {
            let properties = ((schema as? [String: Any])?["properties"] as? [String: Any]) ?? [:]
            for key in properties.keys where key.hasSuffix("Label") || key.hasSuffix("Labels") {
                if !["entityLabel", "categoryLabel"].contains(key) { labels.append("\(name).\(key)") }
            }
        }
        #expect(schemas.count > 20)
        #expect(labels.sorted() == [])
    }

    /// Every link and form action on the pages each role reaches from its menus and home tiles (two clicks deep)
    /// points at a registered route: a route case left out of `patterns`, or a path built by hand, shows here.
    @Test func linksOnEveryRolesPagesOpenSomething() async throws {
        try await withTestApp { app in
            let served = Self.registered(app)
            let attribute = try Regex(##"(?:href|action|src)="(/[^"#?]*)"##)
            var broken: Set<String> = []
            var checked = 0
            for role in ["resident", "gridworker", "secretary", "street", "admin"] {
                let client = try await Client.page(app, as: role)
                var seen: Set<String> = []
                var frontier = ["/"]
                for _ in 0..<2 {
                    var next: [String] = []
                    for path in frontier where seen.insert(path).inserted && seen.count <= 120 {
                        let res = try await client.get(path)
                        guard res.headers.contentType?.subType == "html" else { continue }
                        for m in res.body.string.matches(of: attribute) {
                            let link = String(m.output[1].substring!).replacingOccurrences(of: "&amp;", with: "&")
                            checked += 1
                            if !Self.resolves(link, served) { broken.insert("\(role) \(path) -> \(link)") }
                            if res.status == .ok, !link.hasPrefix("/static") { next.append(link) }
                        }
                    }
                    frontier = next
                }
            }
            #expect(checked > 500)
            #expect(broken.sorted() == [])
        }
    }
}
