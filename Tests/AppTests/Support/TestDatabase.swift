@testable import App
import Foundation
import Vapor

/// One test's own database, a copy of a template that was made once for the test process, and
/// how to remove it once the test's application has shut down.
struct TestDatabase: Sendable {
    let choice: DatabaseChoice
    let remove: @Sendable () async -> Void

    /// PostgreSQL when `DATABASE_URL` is set (as `.ci/run` does), otherwise a SQLite file.
    static func make(_ content: DatabaseContent) async throws -> TestDatabase {
        if let postgres = PostgresTemplates.shared {
            return try await postgres.copy(of: content)
        }
        return try await SQLiteTemplates.copy(of: content)
    }

    /// Fills a new template, a copy of its source template: runs every migration, or adds what
    /// the content adds to its source. The template's application is shut down before it
    /// returns, so that nothing holds the template open while it is copied.
    static func fill(_ choice: DatabaseChoice, with content: DatabaseContent) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: choice)
            try await app.asyncBoot()
            switch content {
            case .migrated:
                try await app.autoMigrate()
            case .demo:
                _ = try await DemoCommand.load(on: app.db)
            case .demoWithReferralsAndIndicator:
                try await app.loadDemoReferrals()
                _ = try await Fixture.load(app)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        if case .sqlite(let path) = choice {
            try await SQLiteFile.checkpoint(path)
        }
    }
}
