import Fluent
import SQLKit

/// Grants to associations (föreningsbidrag): the bodies' schemes, the associations' applications
/// with every step and message, and the documents the associations attach.
struct CreateGrants: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateGrants" }

    func prepare(on db: any Database) async throws {
        try await db.schema("grant_schemes")
            .id()
            .field("slug", .string, .required)
            .field("body", .string, .required)
            // The whole scheme as `GrantScheme` encodes it; the columns beside it are what queries use.
            .field("scheme", .string, .required)
            .field("opens", .string, .required)
            .field("closes", .string, .required)
            .field("last_day", .string, .required)
            .field("decides", .string, .required)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .field("version", .int, .required)
            .unique(on: "slug")
            .create()
        try await db.schema("grant_applications")
            .id()
            .field("scheme_id", .uuid, .required, .references("grant_schemes", "id", onDelete: .restrict))
            .field("association_id", .uuid, .required, .references("associations", "id", onDelete: .restrict))
            .field("status", .string, .required)
            // What is asked, as `GrantRequest` encodes it, and its amount where sums are taken.
            .field("request", .string, .required)
            .field("amount_requested", .int)
            .field("amount_granted", .int)
            .field("late", .bool, .required)
            .field("sent_on", .string)
            .field("decided_on", .string)
            .field("diary_number", .string)
            .field("decision_rule", .string)
            .field("decision_reason", .string)
            .field("paid_on", .string)
            .field("report_due", .string)
            .field("report_received_on", .string)
            .field("report", .string)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .field("version", .int, .required)
            .unique(on: "scheme_id", "association_id")
            .create()
        // Each step and message on an application, in order: what the applicant follows.
        try await db.schema("grant_application_events")
            .id()
            .field("application_id", .uuid, .required, .references("grant_applications", "id", onDelete: .cascade))
            // The event's place in the application's order: several may share a second.
            .field("position", .int, .required)
            .field("at", .string, .required)
            .field("side", .string, .required)
            .field("actor", .string, .required)
            .field("status", .string)
            .field("message", .string)
            .create()
        // An association's documents: its own (statutes, annual report …) with no application,
        // the latest of each kind counting; the others with the application they belong to.
        try await db.schema("association_documents")
            .id()
            .field("association_id", .uuid, .required, .references("associations", "id", onDelete: .cascade))
            .field("application_id", .uuid, .references("grant_applications", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("added_at", .string, .required)
            .create()
        for statement in [
            "CREATE INDEX grant_schemes_by_body ON grant_schemes (body, closes)",
            "CREATE INDEX grant_applications_by_scheme ON grant_applications (scheme_id, status)",
            "CREATE INDEX grant_applications_by_association ON grant_applications (association_id)",
            // Where the support goes reads the awarded grants of some years from this index alone.
            """
            CREATE INDEX grant_applications_awarded ON grant_applications \
            (decided_on, association_id, status, amount_granted, scheme_id)
            """,
            "CREATE UNIQUE INDEX grant_application_events_by_application ON grant_application_events (application_id, position)",
            "CREATE INDEX association_documents_by_owner ON association_documents (association_id, kind, added_at)",
            "CREATE INDEX association_documents_by_application ON association_documents (application_id)",
        ] {
            try await db.sql().raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: any Database) async throws {
        for table in ["association_documents", "grant_application_events", "grant_applications", "grant_schemes"] {
            try await db.schema(table).delete()
        }
    }
}
