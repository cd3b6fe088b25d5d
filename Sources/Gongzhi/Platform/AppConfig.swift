import Vapor

/// Everything the server reads from its environment, in one place (documented in the README).
public struct AppConfig: Sendable {
    /// Threads for blocking work (SQLite, bcrypt, uploads, maps): mostly waiting, so more than the cores.
    public static let blockingThreads = 16

    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        /// `searchPath` puts each test in a schema of its own on one PostgreSQL database.
        case postgres(url: String, searchPath: String?)
    }

    public var database: DatabaseChoice
    public var loadDemo: Bool
    public var demoPassword: String
    public var demoScale: DemoScale
    public var bcryptCost: Int
    public var secureCookies: Bool
    /// Outbound webhook for notifications (the district's SMS or WeChat gateway).
    public var webhookURL: String?
    /// How often an unsatisfied resident can send a request back (GONGZHI_REOPEN_LIMIT, default 2).
    public var reopenLimit: Int = RequestWorkflow.defaultReopenLimit
    /// Days a resident has to rate before the request closes as unrated (GONGZHI_UNRATED_DAYS, default 7).
    public var unratedAfterDays: Int = 7
    /// SQLite waits for the disk at every commit; tests on a throw-away copy turn it off.
    public var durableWrites = true
    /// nil: the live time. A test passes its own, and moves it instead of sleeping; `GONGZHI_TEST_CLOCK=1`
    /// gives a server one that the browser tests move through `POST /test/clock` (see `TestClockRoutes`).
    public var movableTime: MovableTime?
    /// `GONGZHI_TEST_CLOCK=1`: the movable clock and its route (`TestClockRoutes`), for the browser tests only.
    public var testClockRoute = false

    public static let defaultDemoPassword = "Gongzhi-demo-2026"

    public init(
        database: DatabaseChoice, loadDemo: Bool = true, demoPassword: String = AppConfig.defaultDemoPassword,
        demoScale: DemoScale = .full, bcryptCost: Int = 12, secureCookies: Bool = false
    ) {
        self.database = database
        self.loadDemo = loadDemo
        self.demoPassword = demoPassword
        self.demoScale = demoScale
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    public struct Invalid: Error, CustomStringConvertible { public let description: String }

    /// `DATABASE_URL`: unset → ./gongzhi.sqlite; `sqlite:///abs/path.sqlite`; `postgres://user:pass@host:port/db`.
    public static func parseDatabaseURL(_ raw: String?) throws -> DatabaseChoice {
        guard let raw, !raw.isEmpty else { return .sqliteFile("gongzhi.sqlite") }
        if raw == "sqlite::memory:" { return .sqliteMemory }
        if raw.hasPrefix("sqlite://") {
            let path = String(raw.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw Invalid(description: "DATABASE_URL \(raw): no file path after sqlite://")
            }
            return .sqliteFile(path)
        }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            return .postgres(url: raw, searchPath: nil)
        }
        throw Invalid(description: "DATABASE_URL must start with sqlite:// or postgres:// (got \(raw.prefix(20))…)")
    }

    public static func fromEnvironment() throws -> AppConfig {
        let env = ProcessInfo.processInfo.environment
        var c = AppConfig(database: try parseDatabaseURL(env["DATABASE_URL"]))
        c.loadDemo = env["GONGZHI_DEMO"] != "0"
        if let p = env["GONGZHI_DEMO_PASSWORD"], !p.isEmpty {
            do { try PasswordPolicy.check(p) } catch {
                throw Invalid(
                    description: "GONGZHI_DEMO_PASSWORD does not meet the password policy (8+ characters of 3 kinds)")
            }
            c.demoPassword = p
        }
        if let cost = env["GONGZHI_BCRYPT_COST"].flatMap(Int.init) {
            guard (4...31).contains(cost) else { throw Invalid(description: "GONGZHI_BCRYPT_COST must be 4–31") }
            c.bcryptCost = cost
        }
        c.secureCookies = env["GONGZHI_SECURE_COOKIES"] == "1"
        if env["GONGZHI_TEST_CLOCK"] == "1" {
            c.movableTime = MovableTime()
            c.testClockRoute = true
        }
        if let raw = env["GONGZHI_REOPEN_LIMIT"] {
            guard let n = Int(raw), (0...10).contains(n) else {
                throw Invalid(description: "GONGZHI_REOPEN_LIMIT must be 0–10")
            }
            c.reopenLimit = n
        }
        if let raw = env["GONGZHI_UNRATED_DAYS"] {
            guard let n = Int(raw), (1...60).contains(n) else {
                throw Invalid(description: "GONGZHI_UNRATED_DAYS must be 1–60")
            }
            c.unratedAfterDays = n
        }
        if let hook = env["GONGZHI_WEBHOOK_URL"], !hook.isEmpty {
            guard hook.hasPrefix("http://") || hook.hasPrefix("https://") else {
                throw Invalid(description: "GONGZHI_WEBHOOK_URL must be an http(s) URL")
            }
            c.webhookURL = hook
        }
        return c
    }
}
