@testable import App
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import Vapor

/// Backups of the embedded database, on a real SQLite file whatever database the rest of the suite
/// uses: `backup create` is for SQLite (PostgreSQL has pg_dump).
@Suite("Backups of the embedded database")
struct BackupTests {
    /// Pairs written one transaction each; what a backup holds of them.
    struct Pairs: Equatable {
        let rows: Int
        let pairs: Int
        let highest: Int
    }

    static func pairs(in path: String) async throws -> Pairs {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        defer { _ = connection.close() }
        let rows = try await connection.query(
            "SELECT COUNT(*) AS n, COUNT(DISTINCT pair) AS pairs, COALESCE(MAX(pair), -1) AS highest FROM backup_probe")
        let row = try #require(rows.first)
        return Pairs(
            rows: row.column("n")?.integer ?? -1, pairs: row.column("pairs")?.integer ?? -1,
            highest: row.column("highest")?.integer ?? -2)
    }

    @Test("A backup taken during writes holds every change committed before it began, whole, and restores")
    func backupDuringWrites() async throws {
        let database = try await SQLiteTemplates.copy(of: .demo)
        guard case .sqlite(let path) = database.choice else { return }
        let backup = SQLiteFile.newPath("backup")
        let saved = SQLiteFile.newPath("saved")
        defer {
            for file in [backup, saved] { SQLiteFile.remove(file) }
        }
        let app = try await Application.make(.testing)
        try await configure(app, database: database.choice)
        try await app.asyncBoot()
        let sql = try app.db.sql()
        try await sql.raw("CREATE TABLE backup_probe (pair INTEGER NOT NULL, half INTEGER NOT NULL)").run()
        // Each transaction writes both halves of a pair: a backup must never hold one half alone.
        let committed = LockedBox(0)
        let stop = LockedBox(false)
        let writer = Task {
            var next = 0
            while !stop.get() {
                let pair = next
                try await app.db.transaction { tx in
                    try await tx.sql().raw("INSERT INTO backup_probe VALUES (\(bind: pair), 0)").run()
                    try await tx.sql().raw("INSERT INTO backup_probe VALUES (\(bind: pair), 1)").run()
                }
                next += 1
                committed.set(next)
            }
        }
        while committed.get() < 50 { try await Task.sleep(for: .milliseconds(5)) }
        // Until a write lands while the backup runs: on a busy machine a small database can be
        // copied between two writes, and then the backup proves nothing about writes during it.
        var before = 0
        var during = 0
        var taken: BackupReport?
        for _ in 0..<20 where during <= before {
            SQLiteFile.remove(backup)
            before = committed.get()
            // On a thread of its own, so that the writer is not starved of the test's few threads.
            taken = try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try SQLiteBackup.create(from: path, to: backup) }) }.start()
            }
            during = committed.get()
        }
        stop.set(true)
        try await writer.value
        #expect(during > before, "the backup was taken while the writes went on")
        let report = try #require(taken)

        let copy = try await Self.pairs(in: backup)
        #expect(copy.pairs >= before, "every pair committed before the backup began is in it")
        #expect(copy.rows == copy.pairs * 2, "no pair is half there")
        #expect(copy.highest == copy.pairs - 1, "the pairs are the first ones, none missing between")
        #expect(report.rows["backup_probe"] == copy.rows)
        #expect(report.migrations.count == Migrations.all.count)
        #expect(report.rows["measures"] ?? 0 > 0, "the demo's catalogue is in the backup")
        // A backup is one file, and checking it writes nothing beside it.
        #expect(try SQLiteBackup.verify(backup, readOnly: true) == report)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"))

        // A backup never overwrites a file, and a file that is no database is not one.
        #expect(throws: BackupFailure.self) { try SQLiteBackup.create(from: path, to: backup) }
        #expect(try await Self.pairs(in: backup) == copy)
        let broken = SQLiteFile.newPath("broken")
        defer { SQLiteFile.remove(broken) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: broken))
        #expect(throws: BackupFailure.self) { try SQLiteBackup.verify(broken) }

        try await app.asyncShutdown()
        // Restoring a broken backup touches nothing; restoring the good one brings back its moment
        // and keeps what it replaced.
        #expect(throws: BackupFailure.self) {
            try SQLiteBackup.restore(from: broken, into: path, saved: saved)
        }
        let total = committed.get()
        #expect(try await Self.pairs(in: path).pairs == total)
        let restored = try SQLiteBackup.restore(from: backup, into: path, saved: saved)
        #expect(restored == report)
        #expect(try await Self.pairs(in: path) == copy)
        #expect(try await Self.pairs(in: saved).pairs == total)
        await database.remove()

        // Onto a new machine: no database, or the empty file a first start leaves. Nothing to keep.
        let fresh = SQLiteFile.newPath("fresh")
        let empty = SQLiteFile.newPath("empty")
        let unused = SQLiteFile.newPath("unused")
        defer {
            for file in [fresh, empty, unused] { SQLiteFile.remove(file) }
        }
        FileManager.default.createFile(atPath: empty, contents: Data())
        // A damaged database is what a restore is for: it is replaced, and kept as it was.
        let damaged = SQLiteFile.newPath("damaged")
        let keptDamaged = SQLiteFile.newPath("kept-damaged")
        defer {
            for file in [damaged, keptDamaged] { SQLiteFile.remove(file) }
        }
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: damaged))
        #expect(try SQLiteBackup.restore(from: backup, into: damaged, saved: keptDamaged) == report)
        #expect(try await Self.pairs(in: damaged) == copy)
        #expect(FileManager.default.fileExists(atPath: keptDamaged))
        for target in [fresh, empty] {
            #expect(try SQLiteBackup.restore(from: backup, into: target, saved: unused) == report)
            #expect(try await Self.pairs(in: target) == copy)
            #expect(!FileManager.default.fileExists(atPath: unused))
        }
    }
}
