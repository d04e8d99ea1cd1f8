import Fluent

/// Joint answers need the other body's confirmation (`ReferralJointConfirmation`).
struct AddJointConfirmations: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.AddJointConfirmations" }

    func prepare(on db: any Database) async throws {
        try await db.schema(ReferralJointConfirmation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("answer_id", .uuid, .required, .references("referral_answers", "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("confirmed_at", .datetime, .required)
            .field("confirmed_by", .string, .required)
            .unique(on: "answer_id", "body")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ReferralJointConfirmation.schema).delete()
    }
}
