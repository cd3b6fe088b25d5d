import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Builds the application: database, sessions, middleware, migrations, demo data, routes.
public func configure(_ app: Application, _ config: AppConfig) async throws {
    // SQLite's calls, password hashes and offloaded work share this pool. Vapor's default has one thread per core
    // and is shared by every application in the process: one writer waiting for SQLite's lock and one map being
    // drawn would leave no thread for the transaction that holds the lock.
    app.threadPool = NIOThreadPool(numberOfThreads: AppConfig.blockingThreads)
    app.movableTime = config.movableTime
    try configureDatabase(app, config.database)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.storage[LoginService.DummyHashKey.self] = try Bcrypt.hash(UUID().uuidString, cost: config.bcryptCost)
    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "gongzhi-session"
    let secure = config.secureCookies
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = "1mb"

    // Outermost first: metrics see the final status, headers go on error pages too.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(metrics: app.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(app.sessions.middleware)
    _ = app.placesIndex  // created before requests share it
    app.storage[WebhookConfigKey.self] = WebhookConfig(url: config.webhookURL)
    app.storage[WorkflowSettingsKey.self] = WorkflowSettings(
        reopenLimit: config.reopenLimit, unratedAfterDays: config.unratedAfterDays)

    if case .postgres(_, let schema?) = config.database, let sql = app.db as? SQLDatabase {
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }
    try await SQLiteSettings.apply(app, durable: config.durableWrites && config.database != .sqliteMemory)
    for migration in Migrations.all { app.migrations.add(migration) }
    try await app.autoMigrate()

    if config.loadDemo, try await OrgNode.query(on: app.db).count() == 0 {
        let hash = try Bcrypt.hash(config.demoPassword, cost: config.bcryptCost)
        try await DemoData.load(on: app.db, passwordHash: hash, scale: config.demoScale, now: app.clock.now)
        app.logger.notice("Loaded the fictional demo district (演示数据, 虚构).")
    }

    for capability in Capability.all {
        for (name, command) in capability.commands { app.asyncCommands.use(command, as: name) }
        for handler in capability.lifecycle { app.lifecycle.use(handler) }
    }
    app.asyncCommands.use(OpenAPICommand(), as: "openapi")
    APIJSON.use()  // one JSON key style for every API body (gridId, not gridID)
    app.lifecycle.use(DrainBeforeShutdown())  // last in, first out: the server drains before anything else stops
    try routes(app)
    TestClockRoutes.register(app, enabled: config.testClockRoute)
}

enum Migrations {
    /// The platform's tables first, then each capability's in the order of `Capability.all`, then the logs'
    /// triggers. Each migration has a fixed name so it never runs twice.
    static var all: [any Migration] {
        [CreateOrgNodes(), CreateAccounts(), CreateAuditTables(), CreateImportBatches(), SessionRecord.migration]
            + Capability.all.flatMap(\.migrations)
            + [MakeLogsAppendOnly(), LetLogScopeFollowTheTree(), IndexAccessLogByKind()]
    }
}

func configureDatabase(_ app: Application, _ choice: AppConfig.DatabaseChoice) throws {
    switch choice {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let searchPath):
        var config = try SQLPostgresConfiguration(url: url)
        if let searchPath { config.searchPath = [searchPath] }
        app.databases.use(.postgres(configuration: config), as: .psql)
    }
}

func routes(_ app: Application) throws {
    OpsRoutes.register(app, metrics: app.metrics)
    let api = app.grouped(BearerViewerMiddleware())
    let pages = app.grouped(SessionViewerMiddleware()).grouped(CSRFMiddleware())
    // Text is checked after sign-in is: a stranger learns nothing from it but 401.
    let clean = CleanTextMiddleware()
    let builders = CapabilityRoutes(
        bare: app, publicAPI: api.grouped(clean), api: api.grouped(RequireViewerMiddleware()).grouped(clean),
        publicPages: pages.grouped(clean), pages: pages.grouped(RequireViewerMiddleware()).grouped(clean))
    for capability in Capability.all { capability.register(builders) }
}
