@testable import App
import Foundation
import Testing
import Vapor

// Serialized: the two scrapes of one test must not see the other's requests to /metrics.
@Suite("Metrics for monitoring", .serialized)
struct MetricsTests {
    @Test("/metrics does not exist until a token is set, and asks for that token")
    func hiddenWithoutToken() async throws {
        try await withTestApp { app in
            app.metricsToken = nil
            #expect(try await app.get("/metrics").status == .notFound)
            app.metricsToken = "s3cret-token"
            let bare = try await app.get("/metrics")
            #expect(bare.status == .unauthorized)
            #expect(bare.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            #expect(!bare.body.contains("http_requests_total"))
            let wrong = try await app.get("/metrics", headers: ["Authorization": "Bearer s3cret-tokeN"])
            #expect(wrong.status == .unauthorized)
            let right = try await app.get("/metrics", headers: ["Authorization": "Bearer s3cret-token"])
            #expect(right.status == .ok)
            #expect(right.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
        }
    }

    @Test("Requests by route pattern and status, page-cache hits, exports and the database pool")
    func whatIsMeasured() async throws {
        try await withTestApp { app in
            app.metricsToken = "t"
            #expect(try await app.get("/api/v1/reports").status == .ok)
            #expect(try await app.get("/reports").status == .ok)
            #expect(try await app.get("/reports").status == .ok)
            #expect(try await app.get("/no-such-page-7f3a").status == .notFound)
            #expect(try await app.get("/follow-up/reports.csv").status == .ok)
            let response = try await app.get("/metrics", headers: ["Authorization": "Bearer t"])
            #expect(response.status == .ok)
            let lines = response.body.split(separator: "\n").map(String.init)
            func value(_ prefix: String, _ parts: [String]) -> Double? {
                lines.first { line in line.hasPrefix(prefix) && parts.allSatisfy { line.contains($0) } }
                    .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
            }
            #expect(
                (value("http_requests_total{", ["path=\"/api/v1/reports\"", "status=\"200\""]) ?? 0) >= 1)
            #expect(
                (value("http_request_duration_seconds_count{", ["path=\"/reports\"", "method=\"GET\""]) ?? 0) >= 2)
            #expect((value("http_requests_total{", ["vapor_route_undefined", "status=\"404\""]) ?? 0) >= 1)
            #expect(!response.body.contains("no-such-page-7f3a"), "an unknown address must not become a label")
            #expect((value("skillnad_page_cache_lookups_total{", ["result=\"hit\""]) ?? 0) >= 1)
            #expect(
                (value("skillnad_export_duration_seconds_count{", ["kind=\"/follow-up/reports.csv\""]) ?? 0) >= 1)
            #expect((value("skillnad_page_cache_entries", []) ?? 0) >= 1)
            #expect((value("skillnad_database_pool_max_connections", []) ?? 0) >= 1)
            #expect((value("skillnad_database_probe_seconds", []) ?? -1) >= 0)
            // Exactly this test's own scrape is counted by the next one: only this suite asks for /metrics.
            let first = value("http_requests_total{", ["path=\"/metrics\"", "status=\"200\""]) ?? 0
            let again = try await app.get("/metrics", headers: ["Authorization": "Bearer t"])
            let next = again.body.split(separator: "\n").first {
                $0.hasPrefix("http_requests_total{") && $0.contains("path=\"/metrics\"")
                    && $0.contains("status=\"200\"")
            }
            #expect(next.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) } == first + 1)
        }
    }

    @Test("A cold cache loads the catalogue once, however many requests arrive together")
    func oneLoadForManyRequests() async throws {
        try await withTestApp { app in
            let store = CatalogueStore()
            let db = app.db
            let generations = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<32 {
                    group.addTask { try await store.snapshot(on: db).generation }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(generations == [try await CatalogueStore.generation(on: db)])
            #expect(store.loadCount == 1)
            store.invalidate()
            _ = try await store.snapshot(on: db)
            #expect(store.loadCount == 2)
        }
    }
}
