import Fluent
import SQLKit

/// An indicator's kind (`indicators.kind`: `quantity` or `categorical`; empty reads as quantity)
/// and the labelled classes of a categorical one (`indicators.classes`, JSON).
struct AddIndicatorKind: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddIndicatorKind" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE indicators ADD COLUMN kind TEXT").run()
        try await sql.raw("ALTER TABLE indicators ADD COLUMN classes TEXT").run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("ALTER TABLE indicators DROP COLUMN classes").run()
        try await sql.raw("ALTER TABLE indicators DROP COLUMN kind").run()
    }
}
