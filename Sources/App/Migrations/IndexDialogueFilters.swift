import Fluent
import SQLKit

/// The portal's filters (area by id, status, dates, method, organiser) and its order (first day,
/// id) read from one index, not from the wide rows that hold each dialogue's whole record: a list
/// over thousands of dialogues then touches only the rows it shows.
struct IndexDialogueFilters: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.IndexDialogueFilters" }

    func prepare(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            CREATE INDEX dialogues_by_id_filters ON dialogues
            (id, status, starts_on, ends_on, feedback_on, method, organiser, slug)
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX dialogues_by_id_filters").run()
    }
}
