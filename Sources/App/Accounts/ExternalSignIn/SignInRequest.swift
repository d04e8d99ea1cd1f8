import Fluent
import Foundation
import SQLKit
import Vapor

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

    /// Marks the request used and returns it, or nil when it is unknown, lapsed or used: one
    /// statement, so two answers for the same request cannot both take it.
    static func take(_ handle: String, method: String, on db: any Database) async throws -> SignInRequest? {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let now = Date()
        let taken = try await sql.update(SignInRequest.schema)
            .set("used_at", to: now)
            .where("handle", .equal, handle)
            .where("method", .equal, method)
            .where("used_at", .is, SQLLiteral.null)
            .where("created_at", .greaterThan, now.addingTimeInterval(-SignInRequest.lifetime))
            .returning("id")
            .all()
        guard let row = taken.first, let id = try? row.decode(column: "id", as: UUID.self) else { return nil }
        return try await SignInRequest.find(id, on: db)
    }

    /// Records a new request, after dropping the lapsed ones.
    static func open(
        method: String, handle: String, nonce: String? = nil, codeVerifier: String? = nil, next: String?,
        on db: any Database
    ) async throws -> SignInRequest {
        try await SignInRequest.query(on: db).filter(\.$createdAt < Date().addingTimeInterval(-lifetime)).delete()
        let request = SignInRequest()
        request.method = method
        request.handle = handle
        request.nonce = nonce
        request.codeVerifier = codeVerifier
        request.next = next
        request.createdAt = Date()
        try await request.create(on: db)
        return request
    }
}
