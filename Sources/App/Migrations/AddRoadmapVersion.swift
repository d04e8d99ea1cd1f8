import Fluent
import SQLKit

/// The roadmap is edited as a whole: its version lives on the vision's row.
struct AddRoadmapVersion: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("visions").field("version", .int, .required, .sql(.default(1))).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("visions").deleteField("version").update()
    }
}
