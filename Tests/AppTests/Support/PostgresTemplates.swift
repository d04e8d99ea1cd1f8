@testable import App
import FluentPostgresDriver
import Foundation
import Logging

/// The PostgreSQL template databases of this test process when `DATABASE_URL` is set: one per
/// kind of content, each made once, then copied by the server (`CREATE DATABASE … TEMPLATE`) into
/// a database of each test's own. `DATABASE_URL` names the database these statements run in;
/// no test writes there.
struct PostgresTemplates: Sendable {
    static let shared: PostgresTemplates? = DatabaseSetup.postgresURL.map { PostgresTemplates(url: $0) }

    private let url: String
    /// Part of every name this process gives a database, so two runs against one server, or a
    /// run and what a crashed one left behind, never meet.
    private let run = PostgresTemplates.randomName(8)
    private let builds = BuildOnce<DatabaseContent, String>()
    private static let logger = Logger(label: "skillnad.tests.postgres-templates")

    private init(url: String) {
        self.url = url
    }

    /// A new database for one test, copied from the template; dropped when the test is done.
    /// Copies need not wait for each other: no session ever connects to a finished template
    /// (the one condition under which PostgreSQL refuses to copy it).
    func copy(of content: DatabaseContent) async throws -> TestDatabase {
        let template = try await template(content)
        let server = try SQLPostgresConfiguration(url: url)
        let name = "skillnad_test_\(run)_\(Self.randomName(12))"
        try await Self.execute("CREATE DATABASE \(name) TEMPLATE \(template)", on: server)
        var own = server
        own.coreConfiguration.database = name
        return TestDatabase(choice: .postgres(own, connectionsPerLoop: 2)) {
            // A database left behind by a failed drop goes with the throwaway cluster of .ci/run.
            try? await Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
        }
    }

    /// The template's name, made on first use.
    func template(_ content: DatabaseContent) async throws -> String {
        try await builds.value(for: content) { try await build(content) }
    }

    /// Starts from a copy of the source template, so that each step runs once. The filling
    /// application is shut down before the template is closed to connections, and a template is
    /// copied only after that.
    private func build(_ content: DatabaseContent) async throws -> String {
        let server = try SQLPostgresConfiguration(url: url)
        let name = "skillnad_template_\(run)_\(content.rawValue.lowercased())"
        var source = ""
        if let sourceContent = content.source {
            source = " TEMPLATE \(try await template(sourceContent))"
        }
        try await Self.execute("CREATE DATABASE \(name)\(source)", on: server)
        TemplateCleanup.dropDatabaseAtExit(name, on: server)
        var own = server
        own.coreConfiguration.database = name
        try await TestDatabase.fill(.postgres(own, connectionsPerLoop: 2), with: content)
        try await Self.execute("ALTER DATABASE \(name) WITH ALLOW_CONNECTIONS false", on: server)
        return name
    }

    /// Runs one statement that cannot run in a transaction (CREATE and DROP DATABASE) in the
    /// database `DATABASE_URL` names, on a connection of its own.
    static func execute(_ statement: String, on server: SQLPostgresConfiguration) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: server.coreConfiguration,
            id: 0,
            logger: logger
        )
        do {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            for try await _ in rows {}
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// Lowercase letters and digits only: names that need no quoting.
    static func randomName(_ length: Int) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<length).compactMap { _ in characters.randomElement() })
    }
}
