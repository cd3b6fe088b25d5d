import Prometheus
import Vapor

/// Request counts and durations in Prometheus text at /metrics. One registry per application,
/// not the process-global MetricsSystem, so test apps do not share counters.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let duration: ValueHistogram

    init() {
        duration = registry.makeValueHistogram(
            descriptor: .init(
                namespace: "gongzhi", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer an HTTP request"),
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5])
    }

    func count(method: String, status: UInt) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "gongzhi", metricName: "http_requests", unitName: "total",
                helpText: "HTTP requests answered"
            ),
            labels: [("method", method), ("status", String(status))]
        ).increment()
    }
}

struct AppMetricsKey: StorageKey { typealias Value = AppMetrics }

extension Application {
    var metrics: AppMetrics {
        if let m = storage[AppMetricsKey.self] { return m }
        let m = AppMetrics()
        storage[AppMetricsKey.self] = m
        return m
    }
}

struct MetricsMiddleware: AsyncMiddleware {
    let metrics: AppMetrics
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - start
        metrics.duration.record(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        metrics.count(method: request.method.rawValue, status: response.status.code)
        return response
    }
}
