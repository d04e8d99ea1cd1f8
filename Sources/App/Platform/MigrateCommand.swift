import Fluent
import Vapor

/// `skillnad migrate`: brings the database schema up to date. Asks first only when a person is
/// at a terminal; scripts and CI get no question (or pass `--yes`).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "yes", short: "y", help: "Do not ask for confirmation.")
        var yes: Bool
        @Flag(name: "revert", help: "Revert every migration (drops all Skillnad tables).")
        var revert: Bool
    }

    var help: String {
        "Creates or updates the database tables. Uses SQLite (SKILLNAD_DB or --db, default ./skillnad.sqlite) unless DATABASE_URL names a PostgreSQL database."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        context.console.info("Database: \(DatabaseSetup.description)")
        if signature.revert {
            guard confirm(context, signature.yes, "Revert all migrations and drop every Skillnad table?") else {
                return
            }
            try await app.autoRevert()
            context.console.success("Reverted.")
            return
        }
        guard confirm(context, signature.yes, "Apply pending migrations?") else { return }
        try await app.autoMigrate()
        context.console.success("Database is up to date.")
    }

    /// Only asks when standard input is a terminal and `--yes` was not given.
    func confirm(_ context: CommandContext, _ yes: Bool, _ question: String) -> Bool {
        if yes || isatty(STDIN_FILENO) == 0 { return true }
        let ok = context.console.confirm("\(question) [y/n]")
        if !ok { context.console.warning("Nothing done.") }
        return ok
    }
}
