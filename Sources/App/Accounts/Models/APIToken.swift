import Fluent
import Foundation
import Vapor

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
