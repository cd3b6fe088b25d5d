import Fluent
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// Every test gets a fresh application on its own database: in-memory SQLite, or a schema of its own
/// on the PostgreSQL server that DATABASE_URL names. Tests never share state and run in parallel.
func withTestApp(_ body: (Application) async throws -> Void) async throws {
    // Every app migrates and loads the demo district on its own database; hundreds at once on two cores made
    // PostgreSQL's connection requests time out. At most a few run at a time; the rest wait their turn.
    await TestAppGate.shared.enter()
    do {
        try await withTestAppUngated(body)
        await TestAppGate.shared.leave()
    } catch {
        await TestAppGate.shared.leave()
        throw error
    }
}

/// Bounds how many test applications are open at once (`GONGZHI_TEST_APPS`, default 6).
actor TestAppGate {
    static let shared = TestAppGate(
        limit: Int(ProcessInfo.processInfo.environment["GONGZHI_TEST_APPS"] ?? "") ?? 6)
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the first waiting app, or frees it.
    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

private func withTestAppUngated(_ body: (Application) async throws -> Void) async throws {
    let database: AppConfig.DatabaseChoice
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
        database = .postgres(
            url: url,
            searchPath: "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20))
    } else {
        database = .sqliteMemory
    }
    let config = AppConfig(database: database, loadDemo: true, demoScale: .small, bcryptCost: 4)
    try await withApp(
        configure: { app in
            app.logger.logLevel = .warning
            try await configure(app, config)
            // Test calendars for the years after the shipped ones, so deadlines computed "now" keep working whenever
            // the suite runs; tests of a missing year use 2099.
            for year in 2027...2040 {
                let d = CalendarDay()
                d.year = year
                d.date = "\(year)-01-01"
                d.kind = "holiday"
                d.name = "元旦（测试日历）"
                d.source = "test"
                try await d.create(on: app.db)
            }
        }, body)
}

let demoPassword = AppConfig.defaultDemoPassword

/// A user agent: keeps cookies and the CSRF token for pages, a bearer token for the API.
final class Client: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?
    var token: String?
    var language: String?

    init(_ app: Application) { self.app = app }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws
        -> TestingHTTPResponse
    {
        var h = headers
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookieHeader) }
        if let token { h.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
        if let language { h.replaceOrAdd(name: .acceptLanguage, value: language) }
        let res = try await app.testing().sendRequest(method, path, headers: h, body: body)
        for value in res.headers[.setCookie] {
            guard let pair = value.split(separator: ";").first, let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq])
            let v = String(pair[pair.index(after: eq)...])
            if value.contains("Max-Age=0") || value.lowercased().contains("expires=thu, 01 jan 1970") {
                cookies[name] = nil
            } else {
                cookies[name] = v
            }
        }
        if let token = Self.csrfToken(in: res.body.string) { csrf = token }
        return res
    }

    static func csrfToken(in html: String) -> String? {
        guard let r = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// A form post as a browser sends it, with the session's CSRF token unless told otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf include: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var all = fields
        if include, let csrf { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: h, body: ByteBuffer(string: body))
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    /// JSON to the API with the bearer token.
    @discardableResult
    func api(_ method: HTTPMethod, _ path: String, json: Any? = nil, raw: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var h = HTTPHeaders()
        var body: ByteBuffer?
        if let json {
            h.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        } else if let raw {
            h.contentType = .json
            body = ByteBuffer(string: raw)
        }
        return try await send(method, path, headers: h, body: body)
    }

    /// Signs in through the login page.
    static func page(_ app: Application, as username: String) async throws -> Client {
        let c = Client(app)
        try await c.get("/login")
        let res = try await c.post("/login", [("login", username), ("password", demoPassword), ("next", "/")])
        #expect(res.status == .seeOther, "login of \(username) answered \(res.status)")
        try await c.get("/account")  // a page with forms, for a CSRF token
        return c
    }

    /// Signs in through the API.
    static func api(_ app: Application, as username: String, password: String = demoPassword) async throws -> Client {
        let c = Client(app)
        let res = try await c.api(.POST, "/api/v1/auth/token", json: ["login": username, "password": password])
        #expect(res.status == .created, "token for \(username) answered \(res.status): \(res.body.string)")
        c.token = try res.json()["token"] as? String
        return c
    }
}

extension TestingHTTPResponse {
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }
    func jsonArray() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] ?? []
    }
    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { ((try? json())?["error"] as? [String: Any])?["message"] as? String }
}

/// Looks things up in the test database directly, to check what a request did or did not change.
enum Fixtures {
    static func node(_ app: Application, code: String) async throws -> OrgNode {
        try #require(try await OrgNode.query(on: app.db).filter(\.$code == code).first())
    }
    static func user(_ app: Application, _ username: String) async throws -> User {
        try #require(try await User.query(on: app.db).filter(\.$username == username).first())
    }
    static func accessLog(_ app: Application, _ kind: AccessLogEntry.Kind) async throws -> [AccessLogEntry] {
        try await AccessLogEntry.query(on: app.db).filter(\.$kind == kind).all()
    }
    /// A person of the first community's grid (in "secretary"'s scope) and one of the other street (not).
    static func personInScope(_ app: Application) async throws -> Person {
        let grid = try await node(app, code: "QH-S1-C1-G1")
        return try #require(
            try await Person.query(on: app.db).filter(\.$orgNodeID == grid.id!).filter(\.$isResident == true).sort(
                \.$id
            ).first())
    }
    static func personOutOfScope(_ app: Application) async throws -> Person {
        let grid = try await node(app, code: "QH-S2-C1-G1")
        return try #require(
            try await Person.query(on: app.db).filter(\.$orgNodeID == grid.id!).filter(\.$inService == false).sort(
                \.$id
            ).first())
    }
}
