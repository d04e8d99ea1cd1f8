import Fluent
import SQLKit

/// Signing in through the municipality's identity provider: who each outside identity is here,
/// the sign-ins under way (so none is used twice), and how each session began.
struct CreateExternalSignIn: AsyncMigration {
    /// Pinned: Fluent records a migration by this name, so moving or renaming the type must not change it.
    var name: String { "App.CreateExternalSignIn" }

    func prepare(on db: any Database) async throws {
        try await db.schema("external_identities")
            .id()
            // "oidc <issuer>" or "saml <entity id>".
            .field("provider", .string, .required)
            // The matching claim's value, or its keyed hash for a personal identity number.
            .field("subject_key", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .string, .required)
            .unique(on: "provider", "subject_key")
            .create()
        try await db.schema("sign_in_requests")
            .id()
            .field("method", .string, .required)
            // OIDC: the state; SAML: the AuthnRequest's ID.
            .field("handle", .string, .required)
            .field("nonce", .string)
            .field("code_verifier", .string)
            .field("next", .string)
            .field("created_at", .datetime, .required)
            .field("used_at", .datetime)
            // SAML: the assertion that used it, so the same assertion is never taken twice.
            .field("assertion_id", .string)
            .unique(on: "handle")
            .unique(on: "assertion_id")
            .create()
        try await db.schema("sessions")
            .field("sign_in_method", .string)
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sessions").deleteField("sign_in_method").update()
        try await db.schema("sign_in_requests").delete()
        try await db.schema("external_identities").delete()
    }
}
