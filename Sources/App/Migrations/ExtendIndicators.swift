import Fluent
import SQLKit

/// Indicators gain their metadata and links, areas their population, and observations an
/// integer key: a UUID per row doubled the size of a table that holds millions of rows and gave
/// it a second index; nothing refers to an observation from outside. A table of precomputed
/// disparity measures per indicator, period and area level lets the differences overview read a
/// few thousand rows instead of millions.
struct ExtendIndicators: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.ExtendIndicators" }

    func prepare(on db: any Database) async throws {
        try await db.schema("areas").field("population", .double).update()
        try await db.schema("indicators").field("definition_en", .string).update()
        try await db.schema("indicators").field("source_url", .string).update()
        // JSON lists of target area and strategy ids in the roadmap.
        try await db.schema("indicators").field("target_areas", .string).update()
        try await db.schema("indicators").field("strategies", .string).update()
        // The import specification last used (mapping file), so the next import can reuse it.
        try await db.schema("indicators").field("import_spec", .string).update()
        try await db.schema("indicators").field("updated_at", .string).update()

        try await db.schema("observations_v2")
            .field("id", .int, .identifier(auto: true))
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("area_id", .uuid, .required, .references("areas", "id", onDelete: .restrict))
            .field("period", .string, .required)
            .field("group_key", .string, .required)
            .field("value", .double)
            .field("numerator", .double)
            .field("denominator", .double)
            .field("weight", .double)
            .field("preliminary", .bool, .required)
            .field("suppressed", .bool, .required)
            .unique(on: "indicator_id", "period", "group_key", "area_id", name: "uq_observations_key")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO observations_v2 (indicator_id, area_id, period, group_key, value, numerator, denominator, weight, preliminary, suppressed)
            SELECT indicator_id, area_id, period, group_key, value, numerator, denominator, weight, preliminary, suppressed FROM observations
            """
        ).run()
        try await db.schema("observations").delete()
        try await sql.raw("ALTER TABLE observations_v2 RENAME TO observations").run()

        try await db.schema("indicator_summaries")
            .field("id", .int, .identifier(auto: true))
            .field("indicator_id", .uuid, .required, .references("indicators", "id", onDelete: .cascade))
            .field("period", .string, .required)
            .field("level", .string, .required)
            .field("area_count", .int, .required)
            .field("mean", .double)
            .field("weighted", .bool, .required)
            .field("difference", .double)
            .field("ratio", .double)
            .field("best_area", .string)
            .field("best_value", .double)
            .field("worst_area", .string)
            .field("worst_value", .double)
            /// Every measure, as the disparity API returns it.
            .field("result", .string, .required)
            .unique(on: "indicator_id", "level", "period", name: "uq_indicator_summaries_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("indicator_summaries").delete()
        for f in ["definition_en", "source_url", "target_areas", "strategies", "import_spec", "updated_at"] {
            try await db.schema("indicators").deleteField(.string(f)).update()
        }
        try await db.schema("areas").deleteField("population").update()
    }
}
