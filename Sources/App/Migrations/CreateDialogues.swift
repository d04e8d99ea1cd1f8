import Fluent
import SQLKit

/// Citizen dialogues (medborgardialoger): one row per dialogue with the whole record as JSON and
/// the columns the portal filters and sorts on; its areas, topics and sessions in tables of their
/// own, indexed for the portal's filters, the calendar and the fatigue check.
struct CreateDialogues: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateDialogues" }

    func prepare(on db: any Database) async throws {
        try await db.schema("dialogues")
            .id()
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("title_en", .string)
            .field("organiser", .string, .required)
            .field("method", .string, .required)
            .field("level", .string, .required)
            .field("status", .string, .required)
            .field("digital", .bool, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("feedback_on", .string)
            .field("participants", .int)
            .field("record", .string, .required)
            .field("search", .string, .required)
            .field("example", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .create()
        try await db.schema("dialogue_areas")
            .field("dialogue_id", .uuid, .required, .references("dialogues", "id", onDelete: .cascade))
            .field("area", .string, .required)
            .unique(on: "dialogue_id", "area")
            .create()
        try await db.schema("dialogue_topics")
            .field("dialogue_id", .uuid, .required, .references("dialogues", "id", onDelete: .cascade))
            .field("topic", .string, .required)
            .field("label", .string, .required)
            .unique(on: "dialogue_id", "topic")
            .create()
        try await db.schema("dialogue_sessions")
            .field("dialogue_id", .uuid, .required, .references("dialogues", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("starts", .string, .required)
            .field("ends", .string)
            .field("place", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .unique(on: "dialogue_id", "position")
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX dialogue_areas_by_area ON dialogue_areas (area, dialogue_id)",
            "CREATE INDEX dialogue_topics_by_topic ON dialogue_topics (topic, dialogue_id)",
            // The portal's list of topics and their labels, read from the index alone.
            "CREATE INDEX dialogue_topics_labels ON dialogue_topics (topic, label)",
            "CREATE INDEX dialogue_sessions_by_start ON dialogue_sessions (starts)",
            // Whom the dialogues reach reads these columns from the index, not the wide rows.
            "CREATE INDEX dialogues_by_start ON dialogues (starts_on, status, id, participants)",
            "CREATE INDEX dialogues_by_organiser ON dialogues (organiser, starts_on)",
            "CREATE INDEX dialogues_by_status ON dialogues (status, starts_on)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["dialogue_sessions", "dialogue_topics", "dialogue_areas", "dialogues"] {
            try await db.schema(table).delete()
        }
    }
}
