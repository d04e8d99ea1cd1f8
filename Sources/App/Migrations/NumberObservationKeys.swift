import Fluent
import FluentSQLiteDriver
import SQLKit

/// Observations refer to their indicator and area by a small integer (`number`) instead of a
/// UUID. Two 36-character UUIDs made up two thirds of every row of a table that holds millions
/// of rows; with numbers a 5-million-row import writes a third of the bytes.
///
/// Areas and indicators get a `number` that the database assigns when a row is created, so the
/// Fluent models need not know of it: a sequence (PostgreSQL) or a trigger (SQLite).
///
/// PostgreSQL keeps real foreign keys on observations. SQLite does not: there a foreign key is
/// checked by a lookup in the parent table for every inserted row, which took a third of a bulk
/// import's insert time. The importer writes only numbers it has just read from the parent
/// tables in the same transaction; triggers keep the rules for deletes the same as the foreign
/// keys they replace (an area with observations cannot be deleted, and SQLite reports it with
/// the same message as a foreign-key failure; deleting an indicator deletes its observations).
struct NumberObservationKeys: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.NumberObservationKeys" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let sqlite = db is any SQLiteDatabase
        for table in ["areas", "indicators"] {
            if sqlite {
                try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN number INTEGER").run()
                try await sql.raw(
                    """
                    UPDATE \(ident: table) SET number = r.n
                    FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM \(ident: table)) AS r WHERE r.id = \(ident: table).id
                    """
                ).run()
                try await sql.raw("CREATE UNIQUE INDEX \(ident: "uq_\(table)_number") ON \(ident: table) (number)")
                    .run()
                // MAX + 1 may give a deleted row's number again; nothing refers to a deleted
                // row's number (see the delete triggers below), so that is harmless.
                try await sql.raw(
                    """
                    CREATE TRIGGER \(ident: "\(table)_number") AFTER INSERT ON \(ident: table) WHEN NEW.number IS NULL
                    BEGIN UPDATE \(ident: table) SET number = (SELECT IFNULL(MAX(number), 0) + 1 FROM \(ident: table)) WHERE id = NEW.id; END
                    """
                ).run()
            } else {
                try await sql.raw("ALTER TABLE \(ident: table) ADD COLUMN number BIGSERIAL UNIQUE").run()
            }
        }
        let references =
            sqlite
            ? ("", "")
            : (" REFERENCES indicators (number) ON DELETE CASCADE", " REFERENCES areas (number) ON DELETE RESTRICT")
        try await createTable("observations_v4", numbered: true, references: references, on: db)
        try await sql.raw(
            """
            INSERT INTO observations_v4 (indicator_no, area_no, period, group_key, value, numerator, denominator, weight, preliminary, suppressed)
            SELECT i.number, a.number, o.period, o.group_key, o.value, o.numerator, o.denominator, o.weight, o.preliminary, o.suppressed
            FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id
            """
        ).run()
        try await sql.raw("DROP TABLE observations").run()
        try await sql.raw("ALTER TABLE observations_v4 RENAME TO observations").run()
        if sqlite {
            try await sql.raw(
                """
                CREATE TRIGGER observations_area_restrict BEFORE DELETE ON areas
                WHEN EXISTS (SELECT 1 FROM observations WHERE area_no = OLD.number)
                BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed'); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER observations_indicator_cascade AFTER DELETE ON indicators
                BEGIN DELETE FROM observations WHERE indicator_no = OLD.number; END
                """
            ).run()
        }
    }

    /// Back to UUID references with foreign keys, as `KeyObservationsByContent` left them.
    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let sqlite = db is any SQLiteDatabase
        if sqlite {
            for trigger in [
                "observations_area_restrict", "observations_indicator_cascade", "areas_number", "indicators_number",
            ] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
        }
        try await createTable(
            "observations_v3", numbered: false,
            references: (" REFERENCES indicators (id) ON DELETE CASCADE", " REFERENCES areas (id) ON DELETE RESTRICT"),
            on: db)
        try await sql.raw(
            """
            INSERT INTO observations_v3 (indicator_id, area_id, period, group_key, value, numerator, denominator, weight, preliminary, suppressed)
            SELECT i.id, a.id, o.period, o.group_key, o.value, o.numerator, o.denominator, o.weight, o.preliminary, o.suppressed
            FROM observations o JOIN indicators i ON i.number = o.indicator_no JOIN areas a ON a.number = o.area_no
            """
        ).run()
        try await sql.raw("DROP TABLE observations").run()
        try await sql.raw("ALTER TABLE observations_v3 RENAME TO observations").run()
        for table in ["areas", "indicators"] {
            if sqlite { try await sql.raw("DROP INDEX \(ident: "uq_\(table)_number")").run() }
            try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN number").run()
        }
    }

    private func createTable(_ name: String, numbered: Bool, references: (String, String), on db: any Database)
        async throws
    {
        let sqlite = db is any SQLiteDatabase
        let real = sqlite ? "DOUBLE" : "DOUBLE PRECISION"
        let flag = sqlite ? "INTEGER" : "BOOLEAN"
        let (indicator, area) =
            numbered ? ("indicator_no BIGINT", "area_no BIGINT") : ("indicator_id UUID", "area_id UUID")
        let key = numbered ? "indicator_no, period, group_key, area_no" : "indicator_id, period, group_key, area_id"
        // PostgreSQL names the key's index after the constraint, and the old table still holds its name.
        let keyName = numbered ? "pk_observations_numbers" : "pk_observations"
        try await (db as! any SQLDatabase).raw(
            SQLQueryString(
                """
                CREATE TABLE \(ident: name) (
                    \(unsafeRaw: indicator) NOT NULL\(unsafeRaw: references.0),
                    \(unsafeRaw: area) NOT NULL\(unsafeRaw: references.1),
                    period TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    value \(unsafeRaw: real),
                    numerator \(unsafeRaw: real),
                    denominator \(unsafeRaw: real),
                    weight \(unsafeRaw: real),
                    preliminary \(unsafeRaw: flag) NOT NULL,
                    suppressed \(unsafeRaw: flag) NOT NULL,
                    CONSTRAINT \(unsafeRaw: keyName) PRIMARY KEY (\(unsafeRaw: key))
                )\(unsafeRaw: sqlite ? " WITHOUT ROWID" : "")
                """)
        ).run()
    }
}
