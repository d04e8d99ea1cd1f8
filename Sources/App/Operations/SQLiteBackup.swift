import Foundation
import VaporCSQLite

/// Backups of the embedded database (säkerhetskopior) through SQLite's online backup API: pages
/// are copied under SQLite's own locks, so a backup taken while the server writes is one
/// consistent moment of the database, and a restore replaces every page at once.
enum SQLiteBackup {
    /// Writes a copy of `database` to `file`, which must not exist, and verifies it. The copy is
    /// written beside `file` under another name and renamed only once verified, so `file` is
    /// either a whole, verified backup or absent.
    @discardableResult
    static func create(from database: String, to file: String) throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw BackupFailure("\(file) exists already: a backup never overwrites a file")
        }
        guard FileManager.default.fileExists(atPath: database) else {
            throw BackupFailure("there is no database at \(database)")
        }
        let partial = file + ".partial-\(UUID().uuidString.prefix(8))"
        do {
            try copy(from: database, to: partial)
            let report = try verify(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: file)
            return report
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Replaces the contents of `database` with the backup in `file`, after verifying the backup
    /// and saving what is replaced beside the database (`saved`, unless there was no database).
    /// The restored database is verified against the backup's own report.
    static func restore(from file: String, into database: String, saved: String) throws -> BackupReport {
        let expected = try verify(file)
        if FileManager.default.fileExists(atPath: database) {
            try create(from: database, to: saved)
        }
        try copy(from: file, to: database)
        let restored = try verify(database)
        guard restored == expected else {
            throw BackupFailure("the restored database at \(database) does not hold what the backup holds")
        }
        return restored
    }

    /// Checks a database file whole: SQLite's integrity check, every foreign key, and that it is a
    /// Skillnad database (its migrations are recorded). Counts the rows of every table.
    static func verify(_ file: String) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: file) else { throw BackupFailure("there is no file at \(file)") }
        let db = try open(file, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(db) }
        let integrity = try column(db, "PRAGMA integrity_check")
        guard integrity == ["ok"] else {
            throw BackupFailure("\(file) is damaged: " + integrity.prefix(5).joined(separator: "; "))
        }
        let orphans = try column(db, "SELECT \"table\" FROM pragma_foreign_key_check")
        guard orphans.isEmpty else {
            throw BackupFailure(
                "\(file) has rows whose references are missing, in: " + Set(orphans).sorted().joined(separator: ", "))
        }
        let tables = try column(
            db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        guard tables.contains("_fluent_migrations") else {
            throw BackupFailure("\(file) is not a Skillnad database: it has no record of migrations")
        }
        var rows: [String: Int] = [:]
        for table in tables {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            rows[table] = Int(try column(db, "SELECT COUNT(*) FROM \(quoted)").first ?? "") ?? 0
        }
        let migrations = try column(db, "SELECT name FROM _fluent_migrations ORDER BY batch, created_at, name")
        return BackupReport(rows: rows, migrations: migrations)
    }

    /// Copies every page of `source` into `destination` in one step, which holds a read lock on the
    /// source for the copy: writers go on in WAL mode, and the copy is the moment it began.
    private static func copy(from source: String, to destination: String) throws {
        let from = try open(source, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite_nio_sqlite3_close_v2(from) }
        let to = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite_nio_sqlite3_close_v2(to) }
        guard let backup = sqlite_nio_sqlite3_backup_init(to, "main", from, "main") else {
            throw BackupFailure("cannot copy \(source) to \(destination): " + message(to))
        }
        var status: Int32
        var waits = 0
        repeat {
            status = sqlite_nio_sqlite3_backup_step(backup, -1)
            if status == SQLITE_BUSY || status == SQLITE_LOCKED {
                waits += 1
                sqlite_nio_sqlite3_sleep(50)
            }
        } while (status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED) && waits < 600
        let finished = sqlite_nio_sqlite3_backup_finish(backup)
        guard status == SQLITE_DONE, finished == SQLITE_OK else {
            let reason = waits >= 600 ? "the database stayed locked for 30 seconds" : message(to)
            throw BackupFailure("copying \(source) to \(destination) failed: \(reason)")
        }
    }

    private static func open(_ path: String, flags: Int32) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map(message) ?? "error \(status)"
            sqlite_nio_sqlite3_close_v2(handle)
            throw BackupFailure("cannot open \(path): \(reason)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        return handle
    }

    /// The first column of every row of `sql`, as text.
    private static func column(_ db: OpaquePointer, _ sql: String) throws -> [String] {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw BackupFailure("\(sql): " + message(db))
        }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        var values: [String] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw BackupFailure("\(sql): " + message(db)) }
            values.append(sqlite_nio_sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
        }
        return values
    }

    private static func message(_ db: OpaquePointer) -> String {
        String(cString: sqlite_nio_sqlite3_errmsg(db))
    }
}
