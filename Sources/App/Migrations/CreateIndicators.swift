import Fluent

/// Indicators and their observations by area, period and group.
struct CreateIndicators: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateIndicators" }

    func prepare(on db: any Database) async throws {
        try await db.schema("indicators")
            .id()
            .field("code", .string, .required).unique(on: "code")
            .field("name", .string, .required)
            .field("name_en", .string)
            .field("unit", .string, .required)
            .field("direction", .string, .required)
            .field("definition", .string)
            .field("source", .string)
            .field("version", .int, .required)
            .create()
        try await db.schema("observations")
            .id()
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
            .unique(on: "indicator_id", "area_id", "period", "group_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("observations").delete()
        try await db.schema("indicators").delete()
    }
}
