import Fluent

/// Statements (tjänsteutlåtanden) read into answers: the file as uploaded and its text as read,
/// kept from the upload until an editor saves the reviewed answer, then with that answer.
struct CreateReferralStatements: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateReferralStatements" }

    func prepare(on db: any Database) async throws {
        try await db.schema("referral_statements")
            .id()
            .field("round_id", .uuid, .required, .references("referral_rounds", "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("answer_id", .uuid, .references("referral_answers", "id", onDelete: .setNull))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("format", .string, .required)
            .field("document", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("referral_statements").delete()
    }
}
