import FluentPostgresDriver
import Foundation
import Logging

/// Removes the templates this test process made once. Swift Testing has no hook that runs after
/// the last test, so the C library's `atexit` runs this when the test process exits.
enum TemplateCleanup {
    private static let files = LockedBox<[String]>([])
    private static let databases = LockedBox<[String]>([])
    private static let server = LockedBox<SQLPostgresConfiguration?>(nil)
    private static let registered: Void = {
        _ = atexit { TemplateCleanup.run() }
    }()

    static func removeFileAtExit(_ path: String) {
        _ = registered
        files.update { $0.append(path) }
    }

    static func dropDatabaseAtExit(_ name: String, on server: SQLPostgresConfiguration) {
        _ = registered
        self.server.set(server)
        databases.update { $0.append(name) }
    }

    /// Runs outside any task, as the process exits, so it waits for PostgreSQL by blocking.
    private static func run() {
        for path in files.get() {
            SQLiteFile.remove(path)
        }
        let names = databases.get()
        guard !names.isEmpty, let server = server.get() else { return }
        let logger = Logger(label: "skillnad.tests.template-cleanup")
        let connecting = PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(),
            configuration: server.coreConfiguration,
            id: 0,
            logger: logger
        )
        guard let connection = try? connecting.wait() else { return }
        for name in names {
            let drop = PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            _ = try? connection.query(drop, logger: logger).wait()
        }
        try? connection.close().wait()
    }
}
