import Fluent
import FluentPostgresDriver
import Foundation
import Testing
import VaporTesting

@testable import Gongzhi

/// Every test gets a fresh application on a database of its own, copied from one template that is migrated and
/// loaded with the small demo district once per run: a SQLite file copied per test, or on the PostgreSQL server
/// that DATABASE_URL names a database created from the template and dropped after the test. A test's setup
/// costs a copy, whatever the number of capabilities; tests never share state and run in parallel.
/// Each application reads its own movable clock: `app.movableTime!.advance(by:)` jumps over a deadline.
func withTestApp(_ body: (Application) async throws -> Void) async throws {
    // Hundreds of apps at once on two cores made PostgreSQL's connection requests time out; a few at a time.
    // The template first, so that no test's setup counts the wait for it.
    try await TestDatabases.shared.readyTemplate()
    await TestAppGate.shared.enter()
    let started = ContinuousClock.now
    let copy: TestDatabases.Copy
    do {
        copy = try await TestDatabases.shared.copy()
    } catch {
        await TestAppGate.shared.leave()
        throw error
    }
    var failure: (any Error)?
    do { try await withTestAppUngated(copy, since: started, body) } catch { failure = error }
    // The copy goes after the place is handed on: dropping a database waits for PostgreSQL's checkpoint.
    await TestAppGate.shared.leave()
    await TestDatabases.shared.discard(copy)
    if let failure { throw failure }
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

/// `start`: when the test's place came, before its copy was made, so the setup counts the copy.
private func withTestAppUngated(
    _ copy: TestDatabases.Copy, since start: ContinuousClock.Instant, _ body: (Application) async throws -> Void
) async throws {
    let clock = ContinuousClock()
    var config = TestDatabases.config(copy.choice)
    config.movableTime = MovableTime()
    let ready = TestTimes.Mark()
    try await withApp(
        configure: { app in
            app.logger.logLevel = .warning
            try await configure(app, config)
            ready.set(clock.now)
        }, body)
    await TestTimes.shared.record(setup: (ready.value ?? start) - start, body: clock.now - (ready.value ?? start))
}

/// Each test's own seconds, without its wait for a place: the setup (the copy of the template and `configure`)
/// and the body, appended to the file GONGZHI_TEST_TIMES names. scripts/test lists the slowest tests and the mean
/// setup from it, so a setup that grows with the product shows in every run.
actor TestTimes {
    static let shared = TestTimes(path: ProcessInfo.processInfo.environment["GONGZHI_TEST_TIMES"])
    private let handle: FileHandle?

    private init(path: String?) {
        guard let path, !path.isEmpty else {
            handle = nil
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
    }

    func record(setup: Duration, body: Duration) {
        guard let handle else { return }
        let name = Test.current?.name ?? "?"
        let line = String(format: "%.3f %.3f ", Self.seconds(setup), Self.seconds(body)) + name + "\n"
        handle.write(Data(line.utf8))
    }

    /// The template's build, as a comment line the summary reads apart from the tests.
    func note(template: Duration) {
        handle?.write(Data(String(format: "# template %.3f\n", Self.seconds(template)).utf8))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// When the app was ready, set from inside `configure`.
    final class Mark: @unchecked Sendable {
        private let lock = NSLock()
        private var instant: ContinuousClock.Instant?
        var value: ContinuousClock.Instant? { lock.withLock { instant } }
        func set(_ i: ContinuousClock.Instant) { lock.withLock { instant = i } }
    }
}

/// The template each test's database is copied from, built once per process on the engine DATABASE_URL names.
actor TestDatabases {
    static let shared = TestDatabases()

    struct Copy: Sendable {
        var choice: AppConfig.DatabaseChoice
        /// The SQLite file or the PostgreSQL database to remove after the test.
        var name: String
    }

    private enum Engine {
        case sqlite(folder: String)
        case postgres(url: String, admin: PostgresConnection.Configuration)
    }

    private let engine: Engine
    private let run = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))
    private var template: Task<Void, any Error>?

    private init() {
        let url = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""
        if url.hasPrefix("postgres"), let admin = try? SQLPostgresConfiguration(url: url).coreConfiguration {
            engine = .postgres(url: url, admin: admin)
        } else {
            // A file system in memory where there is one: a copy per test then costs no disk.
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            engine = .sqlite(folder: (base as NSString).appendingPathComponent("gongzhi-tests-\(run)"))
        }
    }

    /// The settings every test app shares; the demo is in the template, so `configure` finds it and loads nothing.
    static func config(_ choice: AppConfig.DatabaseChoice) -> AppConfig {
        var config = AppConfig(database: choice, loadDemo: true, demoScale: .small, bcryptCost: 4)
        config.durableWrites = false
        return config
    }

    /// A database of the test's own, with the template's schema and demo.
    func copy() async throws -> Copy {
        try await readyTemplate()
        let name = "gz_\(run)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch engine {
        case .sqlite(let folder):
            let path = (folder as NSString).appendingPathComponent("\(name).sqlite")
            try FileManager.default.copyItem(atPath: Self.sqliteTemplate(folder), toPath: path)
            return Copy(choice: .sqliteFile(path), name: path)
        case .postgres(let url, let admin):
            try await Self.admin(admin, "CREATE DATABASE \(name) TEMPLATE \(templateName)")
            return Copy(choice: .postgres(url: Self.url(url, database: name), searchPath: nil), name: name)
        }
    }

    func discard(_ copy: Copy) async {
        switch engine {
        case .sqlite:
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.name + suffix) }
        case .postgres(_, let admin):
            try? await Self.admin(admin, "DROP DATABASE IF EXISTS \(copy.name) WITH (FORCE)")
        }
    }

    private var templateName: String { "gz_\(run)_template" }

    func readyTemplate() async throws {
        if let template { return try await template.value }
        let task = Task { try await buildTemplate() }
        template = task
        try await task.value
    }

    /// Runs every migration and loads the small demo once, with the test calendars: what every test paid
    /// before it had a template to copy, noted in the times file for comparison.
    private func buildTemplate() async throws {
        let started = ContinuousClock.now
        let choice: AppConfig.DatabaseChoice
        switch engine {
        case .sqlite(let folder):
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            choice = .sqliteFile(Self.sqliteTemplate(folder))
        case .postgres(let url, let admin):
            try await Self.admin(admin, "CREATE DATABASE \(templateName)")
            choice = .postgres(url: Self.url(url, database: templateName), searchPath: nil)
        }
        try await withApp(
            configure: { app in
                app.logger.logLevel = .warning
                try await configure(app, Self.config(choice))
                // Calendars for the years after the shipped ones, so deadlines computed "now" keep working
                // whenever the suite runs; tests of a missing year use 2099.
                for year in 2027...2040 {
                    let d = CalendarDay()
                    d.year = year
                    d.date = "\(year)-01-01"
                    d.kind = "holiday"
                    d.name = "元旦（测试日历）"
                    d.source = "test"
                    try await d.create(on: app.db)
                }
            }, { _ in })
        // The app is shut down: SQLite's WAL is folded into the file, and PostgreSQL's template has no session
        // left, which `CREATE DATABASE … TEMPLATE` requires.
        await TestTimes.shared.note(template: ContinuousClock.now - started)
    }

    private static func sqliteTemplate(_ folder: String) -> String {
        (folder as NSString).appendingPathComponent("template.sqlite")
    }

    private static func url(_ url: String, database: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        parts.path = "/" + database
        return parts.string ?? url
    }

    /// One statement on the server's maintenance database (CREATE and DROP DATABASE run outside a transaction).
    private static func admin(_ admin: PostgresConnection.Configuration, _ sql: String) async throws {
        var config = admin
        config.database = "postgres"
        let connection = try await PostgresConnection.connect(
            configuration: config, id: 1, logger: Logger(label: "gongzhi.tests.admin"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
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

    /// A page or operation by its route value, so a renamed route fails to compile here as it does in pages.
    func get(_ route: some AppRoute) async throws -> TestingHTTPResponse { try await send(.GET, route.path) }

    func get(_ link: Link) async throws -> TestingHTTPResponse { try await send(.GET, link.description) }

    @discardableResult
    func post(_ route: some AppRoute, _ fields: [(String, String)] = [], csrf include: Bool = true) async throws
        -> TestingHTTPResponse
    {
        try await post(route.path, fields, csrf: include)
    }

    @discardableResult
    func api(_ method: HTTPMethod, _ route: some AppRoute, json: Any? = nil) async throws -> TestingHTTPResponse {
        try await api(method, route.path, json: json)
    }

    @discardableResult
    func api(_ method: HTTPMethod, _ link: Link, json: Any? = nil) async throws -> TestingHTTPResponse {
        try await api(method, link.description, json: json)
    }

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
