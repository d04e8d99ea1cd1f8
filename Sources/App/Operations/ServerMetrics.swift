import Fluent
import Metrics
import NIOCore
import Prometheus
import SQLKit
import Vapor

/// The server's measurements (mätvärden) for `/metrics`, in Prometheus' text format.
///
/// Vapor records every request by route pattern, method and status with its duration; Skillnad
/// adds page-cache lookups, catalogue loads, imports and exports (`TimedWork`), and the database
/// pool: its size and how long a connection takes to get and answer at the moment of the scrape.
///
/// swift-metrics takes one factory per process, so the registry is set up once, on first use,
/// however many applications a process makes (the tests make hundreds).
enum ServerMetrics {
    static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Makes the registry the process's metrics factory, once.
    static func bootstrap() {
        _ = bootstrapped
    }

    /// The token `SKILLNAD_METRICS_TOKEN` sets, or nil when `/metrics` is not served (the default).
    static var configuredToken: String? {
        guard let token = Environment.get("SKILLNAD_METRICS_TOKEN"), !token.isEmpty else { return nil }
        return token
    }

    /// The registry in Prometheus' text format, after sampling the values that are read, not counted.
    static func exposition(on app: Application, db: any Database) async -> String {
        let usage = app.catalogue.pageCacheUsage
        gauge("page_cache", "entries", "", "Pages and API answers kept").set(Double(usage.count))
        gauge("page_cache", "bytes", "", "Bytes of the kept pages and answers").set(Double(usage.bytes))
        if let pool = app.storage[DatabaseChoice.Key.self]?.poolSize(loops: app.eventLoopGroup) {
            gauge("database_pool", "max", "connections", "Connections the database pool may open").set(Double(pool))
        }
        let probeHelp = "Time to get a pooled connection and run SELECT 1 at this scrape (-1: no answer)"
        gauge("database", "probe", "seconds", probeHelp).set(await probe(db))
        return registry.emitToString()
    }

    private static func gauge(_ subsystem: String, _ name: String, _ unit: String, _ help: String) -> Prometheus.Gauge {
        registry.makeGauge(
            descriptor: .init(
                namespace: "skillnad", subsystem: subsystem, metricName: name, unitName: unit, helpText: help))
    }

    /// Seconds to get a connection and run `SELECT 1`; -1 when the database does not answer.
    private static func probe(_ db: any Database) async -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        guard let sql = db as? any SQLDatabase else { return -1 }
        do {
            _ = try await sql.raw("SELECT 1").all()
        } catch {
            return -1
        }
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

extension DatabaseChoice {
    /// The most connections the pool opens: the per-loop limit times the event loops.
    func poolSize(loops: any EventLoopGroup) -> Int {
        let count = loops.makeIterator().reduce(0) { total, _ in total + 1 }
        switch self {
        // fluent-sqlite-driver keeps one connection per event loop.
        case .sqlite: return count
        case .postgres(_, let connectionsPerLoop): return count * connectionsPerLoop
        }
    }
}

extension Application {
    private struct MetricsTokenKey: StorageKey { typealias Value = String }

    /// The token `/metrics` asks for; nil serves no metrics.
    var metricsToken: String? {
        get { storage[MetricsTokenKey.self] }
        set { storage[MetricsTokenKey.self] = newValue }
    }
}
