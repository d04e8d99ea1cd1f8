import Fluent
import SQLKit

/// Photos of participatory budget proposals and of the milestones of what was built: the picture
/// itself, its text alternative (required), and the milestone's day when it shows one.
struct AddBudgetPhotos: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddBudgetPhotos" }

    func prepare(on db: any Database) async throws {
        try await db.schema("budget_photos")
            .id()
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("proposal_id", .uuid, .required, .references("budget_proposals", "id", onDelete: .cascade))
            .field("milestone_day", .string)
            .field("alt", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("added_at", .string, .required)
            .create()
        try await db.sql().raw("CREATE INDEX budget_photos_by_proposal ON budget_photos (proposal_id, added_at)").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("budget_photos").delete()
    }
}
