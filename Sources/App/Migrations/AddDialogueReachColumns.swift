import Fluent
import SQLKit

/// Whom the dialogues reach counts dialogues per area and year over ten years of them: each
/// area link carries its dialogue's first day, status, participants and how many areas the
/// dialogue has (`spread`), so the count is one pass over an index of the links, not a join to the
/// dialogues and back for every one of them. `DialogueStore.writeLinks` keeps them with the dialogue.
struct AddDialogueReachColumns: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddDialogueReachColumns" }

    func prepare(on db: any Database) async throws {
        // One column a statement: SQLite adds no more at a time.
        try await db.schema("dialogue_areas").field("starts_on", .string).update()
        try await db.schema("dialogue_areas").field("status", .string, .required, .sql(.default("planned"))).update()
        try await db.schema("dialogue_areas").field("participants", .int).update()
        try await db.schema("dialogue_areas").field("spread", .int, .required, .sql(.default(1))).update()
        guard let sql = db as? any SQLDatabase else { return }
        try await Self.backfill(sql)
        try await sql.raw(
            """
            CREATE INDEX dialogue_areas_by_start ON dialogue_areas
            (starts_on, status, spread, area, participants, dialogue_id)
            """
        ).run()
    }

    /// The columns from the dialogues, for the links stored before they existed.
    static func backfill(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE dialogue_areas SET
            starts_on = (SELECT d.starts_on FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id),
            status = (SELECT d.status FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id),
            participants = (SELECT d.participants FROM dialogues d WHERE d.id = dialogue_areas.dialogue_id),
            spread = (SELECT COUNT(*) FROM dialogue_areas m WHERE m.dialogue_id = dialogue_areas.dialogue_id)
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase { try await sql.raw("DROP INDEX dialogue_areas_by_start").run() }
        for field in ["starts_on", "status", "participants", "spread"] {
            try await db.schema("dialogue_areas").deleteField(.key(.string(field))).update()
        }
    }
}
