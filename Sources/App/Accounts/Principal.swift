import Fluent
import Foundation
import Vapor

/// The signed-in user behind a request, with what they may write for, and how they came in
/// (a browser session or an API token).
struct Principal: Sendable {
    struct SessionInfo: Sendable {
        let id: UUID
        let csrf: String
    }
    struct TokenInfo: Sendable {
        let id: UUID
        let prefix: String
        let scope: APIToken.Scope
    }

    let userID: UUID
    let email: String
    let name: String
    let role: User.Role
    /// Slugs of the bodies the user is editor for.
    let bodies: Set<String>
    let session: SessionInfo?
    let token: TokenInfo?

    var isAdmin: Bool { role == .admin }

    static func load(_ user: User, session: SessionInfo?, token: TokenInfo?, on db: any Database) async throws
        -> Principal
    {
        let userID = try user.requireID()
        let links = try await UserBody.query(on: db).filter(\.$user.$id == userID).with(\.$body).all()
        return Principal(
            userID: userID, email: user.email, name: user.name, role: user.roleValue,
            bodies: Set(links.map(\.body.slug)), session: session, token: token)
    }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// Set by `AuthMiddleware` when the request carries a valid session or token.
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The client's address: the socket's peer, or the address a trusted proxy forwarded
    /// (`SKILLNAD_TRUSTED_PROXIES`); a forwarded address from anyone else is ignored.
    var clientAddress: String {
        application.trustedProxies.client(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }

    var auditActor: AuditActor {
        if let p = principal { return .user(p, address: clientAddress) }
        return .system("anonymous")
    }
}
