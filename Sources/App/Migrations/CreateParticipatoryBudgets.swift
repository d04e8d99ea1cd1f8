import Fluent
import SQLKit

/// Participatory budgets (medborgarbudgetar): the budget with its phases and ballot rule, its
/// headings per area, the proposals with their moderation, review and milestones, the voting codes (hashes
/// only), the ballots with their choices, and a trail of ballot events that names no voter.
struct CreateParticipatoryBudgets: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateParticipatoryBudgets" }

    func prepare(on db: any Database) async throws {
        try await db.schema("budgets")
            .id()
            .field("slug", .string, .required).unique(on: "slug")
            .field("title", .string, .required)
            .field("title_en", .string)
            .field("owner", .string, .required)
            .field("rules", .string, .required)
            .field("rules_en", .string)
            .field("eligibility", .string, .required)
            .field("eligibility_en", .string)
            .field("minimum_age", .int)
            .field("rule_kind", .string, .required)
            .field("minimum_share", .double)
            .field("maximum_projects", .int)
            .field("minimum_projects", .int)
            .field("proposals_from", .string, .required)
            .field("review_from", .string, .required)
            .field("voting_from", .string, .required)
            .field("voting_until", .string, .required)
            .field("implementation_from", .string)
            .field("example", .bool, .required)
            .field("version", .int, .required)
            .create()
        try await db.schema("budget_headings")
            .id()
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("slug", .string, .required)
            .field("area", .string, .required)
            .field("amount", .int, .required)
            .field("population", .int)
            .field("position", .int, .required)
            .unique(on: "budget_id", "slug")
            .create()
        try await db.schema("budget_proposals")
            .id()
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("heading_id", .uuid, .required, .references("budget_headings", "id"))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("place", .string)
            .field("estimated_cost", .int, .required)
            .field("author", .string)
            .field("submitted_at", .string, .required)
            .field("hidden_reason", .string)
            .field("feasibility", .string, .required)
            .field("explanation", .string)
            .field("cost", .int)
            .field("cost_explanation", .string)
            .field("responsible", .string)
            .field("merged_into", .int)
            .field("progress", .int)
            .field("implementation", .string)
            .field("version", .int, .required)
            .unique(on: "budget_id", "number")
            .create()
        try await db.schema("budget_milestones")
            .field("proposal_id", .uuid, .required, .references("budget_proposals", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("day", .string, .required)
            .field("text", .string, .required)
            .unique(on: "proposal_id", "position")
            .create()
        try await db.schema("budget_codes")
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("hash", .string, .required)
            .field("batch", .int, .required)
            .unique(on: "hash")
            .create()
        try await db.schema("budget_ballots")
            .id()
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("heading_id", .uuid, .required, .references("budget_headings", "id"))
            .field("channel", .string, .required)
            .field("voter", .string, .required)
            .field("receipt", .string, .required)
            .field("counted", .bool, .required)
            .field("entered_by", .string)
            .field("cast_at", .string, .required)
            .field("changes", .int, .required)
            .unique(on: "budget_id", "voter")
            .unique(on: "receipt")
            .create()
        // The budget and whether the ballot counts, repeated from the ballot, so the count is read
        // from one index alone.
        try await db.schema("budget_choices")
            .field("ballot_id", .uuid, .required, .references("budget_ballots", "id", onDelete: .cascade))
            .field("proposal_id", .uuid, .required, .references("budget_proposals", "id"))
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("counted", .bool, .required)
            .unique(on: "ballot_id", "proposal_id")
            .create()
        try await db.schema("budget_ballot_events")
            .field("budget_id", .uuid, .required, .references("budgets", "id", onDelete: .cascade))
            .field("at", .string, .required)
            .field("action", .string, .required)
            .field("channel", .string, .required)
            .field("heading", .string, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX budget_proposals_by_heading ON budget_proposals (heading_id, number)",
            "CREATE INDEX budget_choices_counting ON budget_choices (budget_id, counted, proposal_id)",
            "CREATE INDEX budget_ballots_counted ON budget_ballots (budget_id, counted, heading_id, channel)",
            "CREATE INDEX budget_ballot_events_by_budget ON budget_ballot_events (budget_id, at)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in [
            "budget_ballot_events", "budget_choices", "budget_ballots", "budget_codes", "budget_milestones",
            "budget_proposals",
            "budget_headings", "budgets",
        ] {
            try await db.schema(table).delete()
        }
    }
}
