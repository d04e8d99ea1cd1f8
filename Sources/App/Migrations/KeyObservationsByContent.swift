import Fluent
import FluentSQLiteDriver
import SQLKit

/// Observations are keyed by what they are (indicator, period, group, area) instead of by a row
/// number: the table is then one B-tree instead of a table plus a unique index, which halves the
/// work of writing millions of rows and the space they take. On SQLite that is a `WITHOUT ROWID`
/// table; PostgreSQL gets the same primary key. Nothing refers to an observation by number.
struct KeyObservationsByContent: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.KeyObservationsByContent" }

    func prepare(on db: any Database) async throws {
        try await rebuild(keyedByContent: true, on: db)
    }

    /// Back to a numbered table with a unique index, as `ExtendIndicators` made it.
    func revert(on db: any Database) async throws {
        try await rebuild(keyedByContent: false, on: db)
    }

    private func rebuild(keyedByContent: Bool, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let sqlite = db is any SQLiteDatabase
        let real = sqlite ? "DOUBLE" : "DOUBLE PRECISION"
        let flag = sqlite ? "INTEGER" : "BOOLEAN"
        let number = !keyedByContent ? (sqlite ? "id INTEGER PRIMARY KEY," : "id BIGSERIAL PRIMARY KEY,") : ""
        let key = keyedByContent ? "CONSTRAINT pk_observations PRIMARY KEY" : "CONSTRAINT uq_observations_key UNIQUE"
        try await sql.raw(
            SQLQueryString(
                """
                CREATE TABLE observations_v3 (\(unsafeRaw: number)
                    indicator_id UUID NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
                    area_id UUID NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
                    period TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    value \(unsafeRaw: real),
                    numerator \(unsafeRaw: real),
                    denominator \(unsafeRaw: real),
                    weight \(unsafeRaw: real),
                    preliminary \(unsafeRaw: flag) NOT NULL,
                    suppressed \(unsafeRaw: flag) NOT NULL,
                    \(unsafeRaw: key) (indicator_id, period, group_key, area_id)
                )\(unsafeRaw: sqlite && keyedByContent ? " WITHOUT ROWID" : "")
                """)
        ).run()
        try await sql.raw(
            """
            INSERT INTO observations_v3 (indicator_id, area_id, period, group_key, value, numerator, denominator, weight, preliminary, suppressed)
            SELECT indicator_id, area_id, period, group_key, value, numerator, denominator, weight, preliminary, suppressed FROM observations
            """
        ).run()
        try await sql.raw("DROP TABLE observations").run()
        try await sql.raw("ALTER TABLE observations_v3 RENAME TO observations").run()
    }

}
