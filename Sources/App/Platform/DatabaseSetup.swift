import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOCore
import SQLKit
import Vapor

/// Where the database is, and what to do once per file.
enum DatabaseSetup {
    static let defaultSQLitePath = "skillnad.sqlite"

    static var sqlitePath: String {
        Environment.get("SKILLNAD_DB").flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath
    }

    static var postgresURL: String? {
        Environment.get("DATABASE_URL").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The name to show people: a file path or the PostgreSQL host and database.
    static var description: String {
        if let url = postgresURL, let u = URL(string: url) {
            return "PostgreSQL \(u.host ?? "")\(u.path)"
        }
        return "SQLite \(sqlitePath)"
    }

    /// WAL lets readers go on while a writer writes; it is a property of the file, set once.
    struct Pragmas: LifecycleHandler {
        func didBootAsync(_ app: Application) async throws {
            guard let sql = sqlite(app) else { return }
            check(try await sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self), app)
        }

        /// Synchronous boot (Vapor's test client); the server and commands use `didBootAsync`.
        func didBoot(_ app: Application) throws {
            guard let sql = sqlite(app) else { return }
            check(try sql.raw("PRAGMA journal_mode=WAL").first(decoding: Mode.self).wait(), app)
        }

        private struct Mode: Decodable { let journal_mode: String }

        /// SQLite answers with the mode it is in: say so when the switch did not take.
        private func check(_ mode: Mode?, _ app: Application) {
            if mode?.journal_mode.lowercased() != "wal" {
                app.logger.warning("SQLite stays in journal mode \(mode?.journal_mode ?? "unknown"), not WAL")
            }
        }

        private func sqlite(_ app: Application) -> (any SQLDatabase)? {
            guard app.storage[DatabaseChoice.Key.self]?.isSQLite ?? false else { return nil }
            return app.db as? any SQLDatabase
        }
    }
}
