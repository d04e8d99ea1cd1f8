import Fluent
import Foundation
import Vapor

/// A person who signs in (användare): an administrator at the city executive office, an editor
/// at a committee or district council, or a reader.
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    /// What a user may do. Enforced on the server for every write, in pages and API alike.
    enum Role: String, Codable, CaseIterable, Sendable {
        /// Everything: the catalogue, users, every body's texts.
        case admin
        /// Writes only what belongs to the bodies the user is editor for.
        case editor
        /// Sees unpublished drafts, writes nothing.
        case reader
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// A bcrypt hash; the password itself is never stored or logged.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "version") var version: Int

    init() {}

    var roleValue: Role { Role(rawValue: role) ?? .reader }
}

/// The bodies an editor writes for (one row per body).
final class UserBody: Model, @unchecked Sendable {
    static let schema = "user_bodies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "body_id") var body: Body

    init() {}
}

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

    init() {}
}

/// A token for machine clients (an API token), sent as `Authorization: Bearer …`. Shown once,
/// stored as its SHA-256, with a scope and an expiry, revocable.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    enum Scope: String, Codable, CaseIterable, Sendable {
        case read
        case readWrite = "read-write"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters, so a person can tell their tokens apart.
    @Field(key: "prefix") var prefix: String
    @Field(key: "scope") var scope: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    var scopeValue: Scope { Scope(rawValue: scope) ?? .read }
}

/// One entry of the audit trail (granskningslogg): who did what to which object, when, with the
/// values before and after. Append-only: the database refuses updates and deletes.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// Who, readable even after the user is gone: an e-mail, `cli`, `demo`.
    @Field(key: "actor") var actor: String
    /// `create`, `update`, `delete`, `sign-in`, `sign-in-failed`, `sign-out`, `password-change`, …
    @Field(key: "action") var action: String
    @OptionalField(key: "object_type") var objectType: String?
    @OptionalField(key: "object_id") var objectID: String?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// `web`, `api` (with the token's prefix), `cli`.
    @Field(key: "via") var via: String
    @OptionalField(key: "address") var address: String?

    init() {}
}

/// A failed sign-in, counted per account and per address for throttling.
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    init() {}
}

extension User: Versioned {}
