import Fluent
import SQLKit

/// The fatigue check reads only the area links: each carries its dialogue's id in addresses, last
/// day (the last session's, else the first's) and feedback day besides the first day and status of
/// `AddDialogueReachColumns`. Two partial indexes hold just what the check's two questions read (on
/// a shared topic within the window; still awaiting feedback), so neither joins the dialogues.
/// `DialogueStore.writeLinks` keeps them with the dialogue.
struct AddDialogueFatigueColumns: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddDialogueFatigueColumns" }

    func prepare(on db: any Database) async throws {
        // One column a statement: SQLite adds no more at a time.
        try await db.schema("dialogue_areas").field("slug", .string).update()
        try await db.schema("dialogue_areas").field("last_on", .string).update()
        try await db.schema("dialogue_areas").field("feedback_on", .string).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await Self.backfill(sql)
        try await sql.raw(
            """
            CREATE INDEX dialogue_areas_by_last ON dialogue_areas
            (area, last_on, starts_on, status, slug, feedback_on, dialogue_id) WHERE status <> 'cancelled'
            """
        ).run()
        try await sql.raw(
            """
            CREATE INDEX dialogue_areas_waiting ON dialogue_areas (area, last_on, status, slug, starts_on)
            WHERE feedback_on IS NULL AND status IN ('planned', 'open', 'awaitingFeedback')
            """
        ).run()
    }

    /// The columns from the dialogues, for the links stored before they existed.
    static func backfill(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE dialogue_areas SET
            slug = (SELECT d.slug FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id),
            last_on = (SELECT COALESCE(d.ends_on, d.starts_on) FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id),
            feedback_on = (SELECT d.feedback_on FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id)
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX dialogue_areas_waiting").run()
            try await sql.raw("DROP INDEX dialogue_areas_by_last").run()
        }
        for field in ["slug", "last_on", "feedback_on"] {
            try await db.schema("dialogue_areas").deleteField(.key(.string(field))).update()
        }
    }
}
