import Fluent
import Foundation
import Vapor

/// Finds the user behind a request: `Authorization: Bearer` for machine clients, the session
/// cookie for browsers. A request with neither stays anonymous without touching the database.
struct AuthMiddleware: AsyncMiddleware {
    static let cookieName = "skillnad_session"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Tokens are for the API; pages know people by their session only.
        if let bearer = req.headers.bearerAuthorization, req.url.path.hasPrefix("/api/") {
            req.principal = try await Self.principal(forToken: bearer.token, on: req)
        } else if let cookie = req.cookies[Self.cookieName]?.string, !cookie.isEmpty {
            req.principal = try await Self.principal(forSession: cookie, on: req.db)
        }
        return try await next.respond(to: req)
    }

    /// A token that is unknown, revoked or expired is refused outright: a client that sends one
    /// expects to act as someone, and must learn that it does not.
    static func principal(forToken secret: String, on req: Request) async throws -> Principal {
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == Secrets.hash(secret)).with(\.$user)
                .first()
        else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "The API token is not valid.")
        }
        if token.revokedAt != nil {
            throw Abort(
                .unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""],
                reason: "The API token has been revoked.")
        }
        if token.expiresAt < Date() {
            throw Abort(
                .unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""],
                reason: "The API token expired on \(ISO8601DateFormatter().string(from: token.expiresAt)).")
        }
        guard token.user.active else { throw Abort(.unauthorized, reason: "The token's user is disabled.") }
        // When it was last used, so people can tell tokens in use from forgotten ones; at most once a minute.
        if token.lastUsedAt.map({ Date().timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = Date()
            try await token.save(on: req.db)
        }
        return try await Principal.load(
            token.user, session: nil,
            token: .init(id: try token.requireID(), prefix: token.prefix, scope: token.scopeValue), on: req.db)
    }

    /// An unknown or expired session is simply no session: the visitor is anonymous.
    static func principal(forSession secret: String, on db: any Database) async throws -> Principal? {
        guard
            let session = try await UserSession.query(on: db).filter(\.$tokenHash == Secrets.hash(secret)).with(\.$user)
                .first(),
            session.expiresAt > Date(), session.user.active
        else { return nil }
        return try await Principal.load(
            session.user, session: .init(id: try session.requireID(), csrf: session.csrfToken), token: nil, on: db)
    }
}
