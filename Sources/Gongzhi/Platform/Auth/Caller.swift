import Fluent
import Vapor

/// What a service needs from whoever asks: the viewer (nil when the system acts), the database, the language,
/// the logger, the server's settings and what was asked, for the access log.
///
/// Handlers pass `req.caller`; background jobs and tests build one with `Caller.system(_:)` or
/// `Caller(viewer:app:)`, so no service needs a Vapor `Request`.
struct Caller: Sendable {
    var viewer: Viewer?
    var db: any Database
    var logger: Logger
    var lang: Lang
    /// The running server: settings kept in its storage, the places index, the thread pool.
    var application: Application
    /// What was asked, as the access log records it.
    var method: String
    var path: String
    /// The client's address ("-" when the system acts): what limits on guessing count by, with the account.
    var address = "-"

    /// The system acting on its own (sweeps, imports from the command line): no viewer, no scope.
    static func system(_ app: Application, path: String = "system") -> Caller {
        Caller(
            viewer: nil, db: app.db, logger: app.logger, lang: .zhHans, application: app, method: "SYSTEM", path: path)
    }

    /// A person acting outside a web request: a command, a job run on someone's behalf, a test.
    init(viewer: Viewer, app: Application, lang: Lang = .zhHans, path: String = "system") {
        self.init(
            viewer: viewer, db: app.db, logger: app.logger, lang: lang, application: app, method: "SYSTEM", path: path)
    }

    init(
        viewer: Viewer?, db: any Database, logger: Logger, lang: Lang, application: Application, method: String,
        path: String
    ) {
        self.viewer = viewer
        self.db = db
        self.logger = logger
        self.lang = lang
        self.application = application
        self.method = method
        self.path = path
    }

    /// The same caller working in a transaction.
    func on(_ db: any Database) -> Caller {
        var copy = self
        copy.db = db
        return copy
    }

    /// The time, from the application's clock: live on a server, moved by a test.
    var now: Date { application.clock.now }

    /// Today in Asia/Shanghai, from the same clock.
    var today: LocalDate { application.clock.today }

    func t(_ text: Text, _ args: String...) -> String { lang.format(text.key, args) }

    func t(key: String, _ args: String...) -> String { lang.format(key, args) }

    /// CPU-heavy work (reading an upload, checking shapes, drawing a map, writing a CSV) runs on the thread pool.
    func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await application.threadPool.runIfActive(work)
    }

    func requireViewer() throws -> Viewer {
        guard let v = viewer else { throw AppError.unauthorized() }
        return v
    }

    /// The permission or a logged 403.
    @discardableResult
    func require(_ permission: Permission) async throws -> Viewer {
        let v = try requireViewer()
        guard v.can(permission) else {
            // A refused read is logged as a read, a refused change as a change.
            let kind: AccessLogEntry.Kind = ["GET", "HEAD"].contains(method) ? .outOfScopeRead : .forbiddenChange
            await AccessLog.write(self, kind, detail: "missing permission \(permission.rawValue)")
            throw AppError.forbidden()
        }
        return v
    }

    /// The permission for a district-wide setting, or a logged 403 (see `Viewer.maySetDistrictSettings`).
    @discardableResult
    func requireDistrictSettings(_ what: String) async throws -> Viewer {
        let v = try await require(.manageAccounts)
        guard v.maySetDistrictSettings else {
            throw await forbidden("change district-wide \(what)", scopePath: v.node.path)
        }
        return v
    }

    /// A logged 403 for a change outside the viewer's scope.
    func forbidden(_ detail: String, scopePath: String? = nil) async -> AppError {
        await AccessLog.write(self, .forbiddenChange, detail: detail, scopePath: scopePath)
        return AppError.forbidden()
    }

    /// A logged 404 for a record that exists but lies outside the viewer's scope.
    func outOfScope(_ detail: String, scopePath: String? = nil) async -> AppError {
        await AccessLog.write(self, .outOfScopeRead, detail: detail, scopePath: scopePath)
        return AppError.notFound()
    }
}

extension Request {
    /// This request as a service sees it. Built after authentication, so it carries the viewer.
    var caller: Caller {
        var c = Caller(
            viewer: viewer, db: db, logger: logger, lang: lang, application: application, method: method.rawValue,
            path: url.path)
        c.address = clientAddress
        return c
    }

    /// The client's address: the socket's, or behind a reverse proxy on the same machine (nginx on loopback, as a
    /// district installs it) the first address of `X-Forwarded-For`, so that limits count people, not the proxy.
    var clientAddress: String {
        let socket = remoteAddress?.ipAddress ?? "-"
        guard socket == "127.0.0.1" || socket == "::1",
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first
        else { return socket }
        let first = forwarded.trimmingCharacters(in: .whitespaces)
        return first.isEmpty ? socket : String(first.prefix(64))
    }

    func requireViewer() throws -> Viewer { try caller.requireViewer() }

    @discardableResult
    func require(_ permission: Permission) async throws -> Viewer { try await caller.require(permission) }

    func forbidden(_ detail: String, scopePath: String? = nil) async -> AppError {
        await caller.forbidden(detail, scopePath: scopePath)
    }

    func outOfScope(_ detail: String, scopePath: String? = nil) async -> AppError {
        await caller.outOfScope(detail, scopePath: scopePath)
    }
}
