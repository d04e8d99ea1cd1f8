import Fluent
import Foundation

/// A sign-in sent to the identity provider and not yet back (inloggningsbegäran). Used once: the
/// answer that comes back for it marks it used, so neither a replayed answer nor one made for
/// another browser's request signs anyone in.
final class SignInRequest: Model, @unchecked Sendable {
    static let schema = "sign_in_requests"

    /// How long a person has at the provider before the request lapses.
    static let lifetime: TimeInterval = 10 * 60

    @ID(key: .id) var id: UUID?
    /// `oidc` or `saml`.
    @Field(key: "method") var method: String
    /// OIDC's `state`, SAML's AuthnRequest ID: random, and also kept in the browser's cookie.
    @Field(key: "handle") var handle: String
    @OptionalField(key: "nonce") var nonce: String?
    @OptionalField(key: "code_verifier") var codeVerifier: String?
    @OptionalField(key: "next") var next: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "assertion_id") var assertionID: String?

    init() {}
}
