@testable import App
import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Runs a test against a real database: a new SQLite file per test, or, when `DATABASE_URL` is
/// set (as `.ci/run` does), a new schema in that PostgreSQL database per test, so tests can run
/// in parallel on both.
func withTestApp(demo: Bool = true, environment: Environment = .testing, _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(environment)
    var cleanup: (@Sendable () async -> Void)? = nil
    do {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            var config = try SQLPostgresConfiguration(url: url)
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            config.searchPath = [schema]
            try await configure(app, database: .postgres(config, connectionsPerLoop: 2))
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            cleanup = { [app] in try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("skillnad-test-\(UUID().uuidString).sqlite").path
            try await configure(app, database: .sqlite(path: path))
            cleanup = {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        try await app.asyncBoot() // as the server and the commands do, before touching the database
        try await app.autoMigrate()
        if demo { _ = try await DemoCommand.load(on: app.db) }
        try await test(app)
    } catch {
        await cleanup?()
        try? await app.asyncShutdown()
        throw error
    }
    await cleanup?()
    try await app.asyncShutdown()
}

extension Application {
    /// GET a path and return status, headers and body text.
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> (status: HTTPStatus, headers: HTTPHeaders, body: String) {
        var result: (HTTPStatus, HTTPHeaders, String) = (.internalServerError, [:], "")
        try await testing().test(.GET, path, headers: headers) { res in
            result = (res.status, res.headers, res.body.string)
        }
        return result
    }

    func getJSON(_ path: String) async throws -> (status: HTTPStatus, json: [String: Any]) {
        let r = try await get(path)
        let obj = (try? JSONSerialization.jsonObject(with: Data(r.body.utf8))) as? [String: Any] ?? [:]
        return (r.status, obj)
    }
}

/// The real public data beside the project, as the README of `../shared/data` asks.
enum SharedData {
    static var root: URL {
        if let p = ProcessInfo.processInfo.environment["SKILLNAD_SHARED"] { return URL(fileURLWithPath: p) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }
}
