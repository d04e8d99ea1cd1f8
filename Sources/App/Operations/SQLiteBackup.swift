import Foundation
import VaporCSQLite

/// Backups of the embedded database (säkerhetskopior) through SQLite's online backup API: pages
/// are copied under SQLite's own locks, so a backup taken while the server writes is one
/// consistent moment of the database, and a restore replaces every page at once.
enum SQLiteBackup {
    /// Writes a copy of `database` to `file`, which must not exist, and verifies it. The copy is
    /// written beside `file` under another name and renamed only once verified, so `file` is
    /// either a whole, verified backup or absent. A backup is one file (journal mode DELETE), so
    /// it can be moved, and verified read-only, on its own.
    @discardableResult
    static func create(from database: String, to file: String) throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw BackupFailure("\(file) exists already: a backup never overwrites a file")
        }
        guard holdsTables(database) else { throw BackupFailure("there is no database at \(database)") }
        let partial = file + ".partial-\(UUID().uuidString.prefix(8))"
        do {
            try copy(from: database, to: partial, standalone: true)
            let report: BackupReport
            do {
                report = try verify(partial, readOnly: true)
            } catch let failure as BackupFailure {
                throw BackupFailure(
                    "the database at \(database) cannot be backed up as it is: "
                        + failure.description.replacingOccurrences(of: partial, with: "its copy"))
            }
            try FileManager.default.moveItem(atPath: partial, toPath: file)
            return report
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Replaces the contents of `database` with the backup in `file`. The backup is verified before
    /// anything is touched; what the database held is copied to `saved` as it is, damaged or not
    /// (unless it held nothing); then the backup is copied in and the database verified against
    /// the backup's own report. Run it with the server stopped: writes between the saving and the
    /// copying would be in neither.
    /// `verified`: the backup's report when the caller has just verified it, so that a large file is
    /// not read whole twice.
    static func restore(
        from file: String, into database: String, saved: String, verified: BackupReport? = nil
    ) throws -> BackupReport {
        let expected = try verified ?? verify(file, readOnly: true)
        var kept: String?
        if holdsTables(database) {
            guard !FileManager.default.fileExists(atPath: saved) else {
                throw BackupFailure("\(saved) exists already: it would have kept what the database holds now")
            }
            do {
                try copy(from: database, to: saved, standalone: true)
            } catch let failure as BackupFailure where failure.locked {
                throw BackupFailure("\(database) is in use: stop the server before restoring", locked: true)
            } catch {
                // A database SQLite cannot read page by page is kept as its files are, then removed:
                // SQLite will not write pages into it either.
                try? FileManager.default.removeItem(atPath: saved)
                try FileManager.default.copyItem(atPath: database, toPath: saved)
                if FileManager.default.fileExists(atPath: database + "-wal") {
                    try FileManager.default.copyItem(atPath: database + "-wal", toPath: saved + "-wal")
                }
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
                    try FileManager.default.removeItem(atPath: database + suffix)
                }
            }
            kept = saved
        }
        try copy(from: file, to: database, standalone: false)
        let restored = try verify(database)
        guard restored == expected else {
            throw BackupFailure(
                "the database at \(database) was replaced but does not hold what \(file) holds"
                    + (kept.map { "; what it held before is in \($0)" } ?? ""))
        }
        return restored
    }

    /// Whether `database` holds anything: SQLite creates an empty file where the server or a
    /// command merely opened a path. A file SQLite cannot read counts as holding something.
    static func holdsTables(_ database: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: database)
        guard let size = attributes?[.size] as? Int, size > 0 else { return false }
        guard let db = try? open(database, flags: SQLITE_OPEN_READWRITE) else { return true }
        defer { sqlite_nio_sqlite3_close_v2(db) }
        guard let tables = try? column(db, "SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1") else {
            return true
        }
        return !tables.isEmpty
    }

    /// Checks a database file whole: SQLite's integrity check, every foreign key, and that it is a
    /// Skillnad database (its migrations are recorded). Counts the rows of every table.
    /// `readOnly` for a backup, which is one file: the check then writes nothing beside it.
    static func verify(_ file: String, readOnly: Bool = false) throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: file) else { throw BackupFailure("there is no file at \(file)") }
        let db = try open(file, flags: readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
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
    /// source for the copy: writers go on in WAL mode, and the copy is the moment it began. Where
    /// either is locked, it tries again every 50 ms for 30 seconds. `standalone` leaves the copy
    /// in journal mode DELETE, one file; otherwise the destination keeps its own mode.
    private static func copy(from source: String, to destination: String, standalone: Bool) throws {
        let from = try open(source, flags: SQLITE_OPEN_READWRITE, busyMilliseconds: 0)
        defer { sqlite_nio_sqlite3_close_v2(from) }
        let to = try open(destination, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busyMilliseconds: 0)
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
            let locked = waits >= 600
            let reason = locked ? "the database stayed locked for 30 seconds" : message(to)
            throw BackupFailure("copying \(source) to \(destination) failed: \(reason)", locked: locked)
        }
        if standalone {
            sqlite_nio_sqlite3_busy_timeout(to, 10_000)
            guard try column(to, "PRAGMA journal_mode=DELETE") == ["delete"] else {
                throw BackupFailure("\(destination) could not be made one file (journal mode DELETE)")
            }
        }
    }

    private static func open(_ path: String, flags: Int32, busyMilliseconds: Int32 = 10_000) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map(message) ?? "error \(status)"
            sqlite_nio_sqlite3_close_v2(handle)
            throw BackupFailure("cannot open \(path): \(reason)")
        }
        sqlite_nio_sqlite3_busy_timeout(handle, busyMilliseconds)
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
