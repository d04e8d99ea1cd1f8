@testable import App
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// Runs a test against a real database: a new SQLite file per test, or, when `DATABASE_URL` is
/// set (as `.ci/run` does), a new schema in that PostgreSQL database per test, so tests can run
/// in parallel on both.
func withTestApp(
    demo: Bool = true,
    environment: Environment = .testing,
    _ test: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(environment)
    var cleanup: (@Sendable () async -> Void)? = nil
    do {
        if let url = DatabaseSetup.postgresURL {
            var config = try SQLPostgresConfiguration(url: url)
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            config.searchPath = [schema]
            try await configure(app, database: .postgres(config, connectionsPerLoop: 2))
            guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            cleanup = { try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        } else {
            let path = SQLiteFile.newPath("test")
            try await configure(app, database: .sqlite(path: path))
            cleanup = { SQLiteFile.remove(path) }
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
