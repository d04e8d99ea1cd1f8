import Fluent
import SQLKit

/// The roadmap is edited as a whole: its version lives on the vision's row.
struct AddRoadmapVersion: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddRoadmapVersion" }

    func prepare(on db: any Database) async throws {
        try await db.schema("visions").field("version", .int, .required, .sql(.default(1))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("visions").deleteField("version").update()
    }
}
