import Fluent
import SQLKit
import Vapor

/// Health, metrics and the API document: what operators and client developers read.
enum OpsRoutes {
    static func register(_ app: RoutesBuilder, metrics: AppMetrics) {
        app.get(PlatformRoute.health, use: health)
        app.get(PlatformRoute.metrics.components) { _ -> Response in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return Response(status: .ok, headers: headers, body: .init(string: metrics.registry.emitToString()))
        }
        app.get(PlatformRoute.apiDocument.components) { _ -> Response in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
            return Response(status: .ok, headers: headers, body: .init(string: OpenAPIBuilder.printed))
        }
        app.get(PlatformRoute.stylesheet.components) { _ in Stylesheet.serve() }
        app.get(PlatformRoute.script.components) { _ in Script.serve() }
        app.get(PlatformRoute.favicon.components) { _ in Favicon.serve() }
        app.get(PlatformRoute.faviconICO.components) { _ in Favicon.serve() }
    }

    struct Health: Content, APIFieldNotes {
        let status: String
        let database: String

        static let apiFieldNotes: [String: JSON] = ["status": ["enum": ["ok", "unavailable"]]]
    }

    @Sendable static func health(_ req: Request) async throws -> Response {
        var ok = false
        if let sql = req.db as? SQLDatabase {
            ok = (try? await sql.raw("SELECT 1 AS one").first()) != nil
        }
        let body = Health(status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable")
        return try await body.encodeResponse(status: ok ? .ok : .serviceUnavailable, for: req)
    }
}

/// On SIGTERM the HTTP server stops taking requests and lets those in flight finish (at most
/// `drainSeconds`) before the databases close: Vapor closes its storage, the serve command included, in no fixed
/// order, and a request reaching `req.db` after the databases closed would crash the process.
struct DrainBeforeShutdown: LifecycleHandler {
    static let drainSeconds: Int64 = 7

    func willBoot(_ app: Application) throws {
        app.http.server.configuration.shutdownTimeout = .seconds(Self.drainSeconds)
    }

    func shutdownAsync(_ app: Application) async {
        await app.server.shutdown()
    }
}
