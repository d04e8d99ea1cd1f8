@testable import App
import Foundation
import Vapor

/// Runs a test against a real database of its own: a copy of a SQLite file or, when
/// `DATABASE_URL` is set (as `.ci/run` does), a PostgreSQL database copied on the server. The
/// copies come from templates migrated (and given the demo) once per test process, so tests run
/// in parallel and none pays for the migrations.
func withTestApp(
    demo: Bool = true,
    environment: Environment = .testing,
    _ test: (Application) async throws -> Void
) async throws {
    try await withTestApp(content: demo ? .demo : .migrated, environment: environment, test)
}

/// Runs a test as `withTestApp(demo:)` does, on a copy of a template with that content.
func withTestApp(
    content: DatabaseContent,
    environment: Environment = .testing,
    _ test: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(environment)
    var database: TestDatabase?
    do {
        let own = try await TestDatabase.make(content)
        database = own
        try await configure(app, database: own.choice)
        try await app.asyncBoot()  // as the server and the commands do, before touching the database
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        await database?.remove()
        throw error
    }
    try await app.asyncShutdown()
    await database?.remove()
}
