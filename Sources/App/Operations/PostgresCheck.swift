import Fluent
import SQLKit

/// The check of a PostgreSQL database after `pg_restore`: every table of the schema counted and
/// the migrations read, as `SQLiteBackup.verify` does for a file. PostgreSQL enforces foreign
/// keys on restore, so what remains to see is that the tables and the migrations are there.
enum PostgresCheck {
    static func verify(on db: any Database) async throws -> BackupReport {
        let sql = try db.sql()
        struct Name: Decodable { let name: String }
        let tables = try await sql.raw(
            """
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """
        ).all(decoding: Name.self).map(\.name)
        guard tables.contains("_fluent_migrations") else {
            throw BackupFailure("the database is not a Skillnad database: it has no record of migrations")
        }
        var rows: [String: Int] = [:]
        struct Count: Decodable { let n: Int }
        for table in tables {
            rows[table] =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(decoding: Count.self)?.n ?? 0
        }
        let migrations = try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, created_at, name")
            .all(decoding: Name.self).map(\.name)
        return BackupReport(rows: rows, migrations: migrations)
    }
}
