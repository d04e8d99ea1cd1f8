import Vapor

/// Who may use a route. Every route that writes carries one (`RoutesBuilder.on(_:_:rule:use:)`);
/// a write route without a rule is refused, and a test fails, so no write slips through.
enum Rule: String, Sendable, CaseIterable {
    /// Anyone, signed in or not (signing in itself).
    case anyone
    /// Any signed-in user, for their own account.
    case signedIn
    /// The city's own people (administrators, editors and readers), not the association
    /// administrators who sign up themselves: the edit history names officials.
    case staff
    /// Editors and administrators (importing statistics, writing answers).
    case editor
    /// Administrators only.
    case admin
    /// Associations' administrators, for their own associations (the route checks which), and
    /// administrators.
    case association
    /// Anyone, in a post that the identity provider's page makes the browser send (SAML's
    /// assertion consumer): it cannot carry Skillnad's CSRF token, and needs none, since what it
    /// carries is signed and answers a request this browser made.
    case identityProvider

    static let userInfoKey = "skillnad.rule"
    /// The largest body a route takes, when it is not the default.
    static let bodyLimitKey = "skillnad.bodyLimit"

    func allows(_ p: Principal?) -> Bool {
        switch self {
        case .anyone, .identityProvider: return true
        case .signedIn: return p != nil
        case .staff: return p.map { $0.role != .association } ?? false
        case .editor: return p.map { $0.isAdmin || $0.role == .editor } ?? false
        case .admin: return p?.isAdmin ?? false
        case .association: return p.map { $0.isAdmin || $0.role == .association } ?? false
        }
    }
}

extension Route {
    var rule: Rule? { userInfo[Rule.userInfoKey] as? Rule }
}

extension RoutesBuilder {
    /// Registers a route with the rule that guards it.
    @discardableResult
    func on<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: [PathComponent], rule: Rule, body: HTTPBodyStreamStrategy = .collect,
        use handler: @Sendable @escaping (Request) async throws -> R
    ) -> Route {
        let route = on(method, path, body: body, use: handler)
        route.userInfo[Rule.userInfoKey] = rule
        if case .collect(let max?) = body { route.userInfo[Rule.bodyLimitKey] = max.value }
        return route
    }
}

extension Request {
    /// Served over TLS, directly or behind a trusted proxy that says so.
    var isSecure: Bool {
        application.http.server.configuration.tlsConfiguration != nil
            || (application.trustedProxies.trusts(remoteAddress?.ipAddress)
                && headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https")
    }
}
