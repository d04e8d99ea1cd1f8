import Fluent
import FluentSQLiteDriver
import SQLKit

/// Indicators belong to a body (`indicators.owner_body`), and the values an import replaces are
/// kept so that they can be restored: `observation_archive` (the same columns as
/// `observations`) and `indicator_archives` (the definition, when and by whom), one earlier
/// import per indicator.
struct AddIndicatorOwnership: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddIndicatorOwnership" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let sqlite = db is any SQLiteDatabase
        let real = sqlite ? "DOUBLE" : "DOUBLE PRECISION"
        let flag = sqlite ? "INTEGER" : "BOOLEAN"
        try await sql.raw("ALTER TABLE indicators ADD COLUMN owner_body TEXT").run()
        try await sql.raw(
            SQLQueryString(
                """
                CREATE TABLE observation_archive (
                    indicator_no BIGINT NOT NULL,
                    area_no BIGINT NOT NULL,
                    period TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    value \(unsafeRaw: real),
                    numerator \(unsafeRaw: real),
                    denominator \(unsafeRaw: real),
                    weight \(unsafeRaw: real),
                    preliminary \(unsafeRaw: flag) NOT NULL,
                    suppressed \(unsafeRaw: flag) NOT NULL
                )
                """)
        ).run()
        try await sql.raw("CREATE INDEX ix_observation_archive_indicator ON observation_archive (indicator_no)").run()
        try await sql.raw(
            """
            CREATE TABLE indicator_archives (
                indicator_no BIGINT PRIMARY KEY,
                definition TEXT NOT NULL,
                observations BIGINT NOT NULL,
                archived_at TEXT NOT NULL,
                archived_by TEXT NOT NULL
            )
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP TABLE indicator_archives").run()
        try await sql.raw("DROP TABLE observation_archive").run()
        try await sql.raw("ALTER TABLE indicators DROP COLUMN owner_body").run()
    }
}
