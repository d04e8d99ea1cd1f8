import Fluent

/// Referral rounds, their distribution lists and deadlines, and the answers with positions per
/// measure, earlier revisions and attachments.
struct CreateReferrals: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateReferrals" }

    func prepare(on db: any Database) async throws {
        try await db.schema("referral_rounds")
            .id()
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("sender", .string, .required)
            .field("sender_diary_number", .string)
            .field("sent_on", .string, .required)
            .field("deadline", .string, .required)
            .field("reports", .string, .required)
            .field("questions", .string, .required)
            .field("note", .string)
            .field("version", .int, .required)
            .create()
        try await db.schema("referral_deadlines")
            .field("id", .int, .identifier(auto: true))
            .field("round_id", .uuid, .required, .references("referral_rounds", "id", onDelete: .cascade))
            .field("deadline", .string, .required)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .string, .required)
            .field("reason", .string)
            .create()
        try await db.schema("referral_recipients")
            .field("id", .int, .identifier(auto: true))
            .field("round_id", .uuid, .required, .references("referral_rounds", "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("comment_reports", .string, .required)
            .field("required", .string, .required)
            .field("invited", .string, .required)
            .field("position", .int, .required)
            .unique(on: "round_id", "body")
            .create()
        try await db.schema("referral_answers")
            .id()
            .field("round_id", .uuid, .required, .references("referral_rounds", "id", onDelete: .cascade))
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("revision", .int, .required)
            .field("diary_number", .string)
            .field("diary_issuer", .string)
            .field("prepared_by", .string)
            .field("decided_on", .string)
            .field("submitted_on", .string)
            .field("summary", .string)
            .field("proposed_decision", .string)
            .field("question_answers", .string, .required)
            .field("further_challenges", .string)
            .field("joint_with", .string, .required)
            .field("decline_reason", .string)
            .field("example", .bool, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "round_id", "body")
            .create()
        try await db.schema("referral_positions")
            .field("id", .int, .identifier(auto: true))
            .field("answer_id", .uuid, .required, .references("referral_answers", "id", onDelete: .cascade))
            .field("measure", .string, .required)
            .field("position", .string, .required)
            .field("already_works", .bool)
            .field("prerequisites", .string)
            .field("text", .string)
            .unique(on: "answer_id", "measure")
            .create()
        try await db.schema("referral_answer_revisions")
            .field("id", .int, .identifier(auto: true))
            .field("answer_id", .uuid, .required, .references("referral_answers", "id", onDelete: .cascade))
            .field("revision", .int, .required)
            .field("snapshot", .string, .required)
            .field("replaced_at", .datetime, .required)
            .create()
        try await db.schema("referral_attachments")
            .id()
            .field("answer_id", .uuid, .required, .references("referral_answers", "id", onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("added_at", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        for table in [
            "referral_attachments", "referral_answer_revisions", "referral_positions", "referral_answers",
            "referral_recipients", "referral_deadlines", "referral_rounds",
        ] {
            try await db.schema(table).delete()
        }
    }
}
