import Fluent
import Foundation
import Vapor

/// `skillnad backup create|verify|restore FILE`: backups of the embedded SQLite database, taken and
/// restored with SQLite's online backup API (`SQLiteBackup`). On PostgreSQL, `pg_dump` and
/// `pg_restore` do the copying; `verify` then checks the restored database.
struct BackupCommand: AsyncCommandGroup {
    var help: String { "Backs up, verifies and restores the database." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": BackupCreateCommand(), "verify": BackupVerifyCommand(), "restore": BackupRestoreCommand()]
    }

    /// The SQLite file the application uses, or a refusal that says what to do on PostgreSQL.
    static func sqlitePath(_ app: Application, doing what: String) throws -> String {
        guard case .sqlite(let path) = app.storage[DatabaseChoice.Key.self] else {
            throw BackupFailure(
                """
                \(what) is for the embedded SQLite database. On PostgreSQL, back up with
                  pg_dump --format=custom --file=skillnad.dump postgres://USER@HOST:PORT/DATABASE
                and restore into an empty database with
                  pg_restore --no-owner --dbname=postgres://USER@HOST:PORT/NEWDATABASE skillnad.dump
                (DATABASE_URL's address without its tlsmode, which libpq calls sslmode), then run
                `skillnad backup verify` with DATABASE_URL naming the restored database.
                """)
        }
        return path
    }

    static func file(_ context: inout CommandContext) throws -> String {
        guard context.input.arguments.count == 1, let file = context.input.arguments.first else {
            throw BackupFailure("name one backup file, and only one")
        }
        context.input.arguments = []
        return file
    }

    static func describe(_ report: BackupReport) -> String {
        let rows = report.rows.filter { !$0.key.hasPrefix("_") }.values.reduce(0, +)
        return "\(report.rows.count) tables, \(rows) rows, \(report.migrations.count) migrations"
    }

    /// Refuses a database migrated by a newer Skillnad than this one: its tables may hold what this
    /// version does not know how to keep.
    static func checkMigrations(_ report: BackupReport, of file: String) throws {
        let known = Set(Migrations.all.map(\.name))
        let unknown = report.migrations.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw BackupFailure(
                "\(file) comes from a newer Skillnad (migrations this version lacks: "
                    + unknown.prefix(3).joined(separator: ", ") + "); restore it with that version")
        }
    }
}

struct BackupCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String {
        "Writes a consistent copy of the SQLite database to FILE, which must not exist, while the server may run."
    }

    func run(using context: inout CommandContext) async throws {
        let database = try BackupCommand.sqlitePath(context.application, doing: "backup create")
        let file = try BackupCommand.file(&context)
        let report = try SQLiteBackup.create(from: database, to: file)
        context.console.success("Backed up \(database) to \(file): \(BackupCommand.describe(report)), verified.")
    }

    func run(using context: CommandContext, signature: Signature) async throws {}
}

struct BackupVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String {
        "Checks a backup FILE whole (SQLite's integrity check, foreign keys, migrations); on PostgreSQL, with no FILE, the database itself."
    }

    func run(using context: inout CommandContext) async throws {
        let app = context.application
        if case .postgres = app.storage[DatabaseChoice.Key.self] {
            guard context.input.arguments.isEmpty else {
                throw BackupFailure("on PostgreSQL, verify checks the database DATABASE_URL names: give no file")
            }
            let report = try await PostgresCheck.verify(on: app.db)
            try BackupCommand.checkMigrations(report, of: "the database")
            let missing = Migrations.all.count - report.migrations.count
            context.console.success(
                "The database is whole: \(BackupCommand.describe(report))"
                    + (missing > 0 ? "; \(missing) migrations to apply with `skillnad migrate`." : "."))
            return
        }
        let file = try BackupCommand.file(&context)
        let report = try SQLiteBackup.verify(file, readOnly: true)
        try BackupCommand.checkMigrations(report, of: file)
        context.console.success("\(file) is whole: \(BackupCommand.describe(report)).")
    }

    func run(using context: CommandContext, signature: Signature) async throws {}
}

struct BackupRestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Do not ask for confirmation.")
        var yes: Bool
    }
    var help: String {
        "Replaces the SQLite database with the backup in FILE after verifying it; what it replaces is saved beside it. Stop the server first."
    }

    func run(using context: inout CommandContext) async throws {
        let signature = try Signature(from: &context.input)
        let app = context.application
        let database = try BackupCommand.sqlitePath(app, doing: "backup restore")
        let file = try BackupCommand.file(&context)
        let backup = try SQLiteBackup.verify(file, readOnly: true)
        try BackupCommand.checkMigrations(backup, of: file)
        if !signature.yes && isatty(STDIN_FILENO) != 0 {
            guard context.console.confirm("Replace \(database) with \(file)? [y/n]") else {
                context.console.warning("Nothing done.")
                return
            }
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let saved = database + ".before-restore-\(stamp)"
        let report = try SQLiteBackup.restore(from: file, into: database, saved: saved, verified: backup)
        context.console.success("Restored \(file) into \(database): \(BackupCommand.describe(report)), verified.")
        if FileManager.default.fileExists(atPath: saved) {
            context.console.info("What it replaced is kept in \(saved).")
        }
        if report.migrations.count < Migrations.all.count {
            context.console.info("The backup is from an older version: run `skillnad migrate` before `serve`.")
        }
    }

    func run(using context: CommandContext, signature: Signature) async throws {}
}
