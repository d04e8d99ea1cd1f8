import Fluent
import Foundation
import Vapor

/// A signed-in browser. The cookie holds a random secret; the database holds its SHA-256, so a
/// copy of the database does not let anyone sign in. Kept in the database so that several
/// server processes share them.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    /// The session's CSRF token, sent back in every form.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// `oidc` or `saml` when the session began at the municipality's identity provider, so that
    /// signing out can end the provider's session too; nil for a password.
    @OptionalField(key: "sign_in_method") var signInMethod: String?

    init() {}
}
