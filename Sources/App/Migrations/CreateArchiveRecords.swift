import Fluent

/// What has been delivered to the e-archive, one row per record and revision.
struct CreateArchiveRecords: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateArchiveRecords" }

    func prepare(on db: any Database) async throws {
        try await db.schema("archive_records")
            .id()
            .field("object_type", .string, .required)
            // No foreign key: what was archived stays recorded whatever becomes of the record.
            .field("object_id", .uuid, .required)
            .field("revision", .int, .required)
            .field("package_id", .string, .required)
            .field("exported_at", .datetime, .required)
            // Two exports at once cannot both archive the same revision: the second one's insert fails.
            .unique(on: "object_type", "object_id", "revision")
            .unique(on: "package_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("archive_records").delete()
    }
}
