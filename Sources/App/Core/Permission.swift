import Vapor

/// Who may use a route. Every route that writes carries one (`RoutesBuilder.on(_:_:rule:use:)`);
/// a write route without a rule is refused, and a test fails, so no write slips through.
enum Rule: String, Sendable, CaseIterable {
    /// Anyone, signed in or not (signing in itself).
    case anyone
    /// Any signed-in user, for their own account.
    case signedIn
    /// Editors and administrators (importing statistics, writing answers).
    case editor
    /// Administrators only.
    case admin

    static let userInfoKey = "skillnad.rule"
    /// The largest body a route takes, when it is not the default.
    static let bodyLimitKey = "skillnad.bodyLimit"

    func allows(_ p: Principal?) -> Bool {
        switch self {
        case .anyone: return true
        case .signedIn: return p != nil
        case .editor: return p.map { $0.isAdmin || $0.role == .editor } ?? false
        case .admin: return p?.isAdmin ?? false
        }
    }
}

extension Route {
    var rule: Rule? { userInfo[Rule.userInfoKey] as? Rule }
}

extension RoutesBuilder {
    /// Registers a route with the rule that guards it.
    @discardableResult
    func on<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: [PathComponent], rule: Rule, body: HTTPBodyStreamStrategy = .collect,
                                       use handler: @Sendable @escaping (Request) async throws -> R) -> Route {
        let route = on(method, path, body: body, use: handler)
        route.userInfo[Rule.userInfoKey] = rule
        if case .collect(let max?) = body { route.userInfo[Rule.bodyLimitKey] = max.value }
        return route
    }
}

/// Enforces the rules: on every route that has one, and on every write (anything but GET and
/// HEAD), which without a rule is refused. Forms in the browser must carry the CSRF token; API
/// writes must come with a read-write token.
struct PermissionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let isWrite = req.method != .GET && req.method != .HEAD
        guard let route = req.route else { return try await next.respond(to: req) }
        guard let rule = route.rule else {
            if isWrite { throw Abort(.forbidden, reason: "This action has no permission rule, so it is refused.") }
            return try await next.respond(to: req)
        }
        let p = req.principal
        let isAPI = req.url.path.hasPrefix("/api/")
        if !rule.allows(p) {
            guard let p else {
                if isAPI { throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Sign in with an API token (Authorization: Bearer …).") }
                if !isWrite { return req.redirect(to: SiteURL.login.path + "?next=" + SiteURL.encode(req.url.string)) }
                throw Abort(.unauthorized, reason: "Sign in first.")
            }
            throw Abort(.forbidden, reason: "Your role (\(p.role.rawValue)) may not do this.")
        }
        if isWrite {
            if isAPI {
                // The API is written to with tokens only: a browser's cookie must not be enough.
                if rule != .anyone {
                    guard let token = p?.token else { throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "API writes need an API token (Authorization: Bearer …).") }
                    guard token.scope == .readWrite else { throw Abort(.forbidden, reason: "The API token is read-only.") }
                }
            } else {
                // The token is in the body, which a browser may still be sending: collect it here,
                // up to the route's own limit, before the route would.
                if req.body.data == nil {
                    let limit = route.userInfo[Rule.bodyLimitKey] as? Int ?? req.application.routes.defaultMaxBodySize.value
                    _ = try await req.body.collect(max: limit).get()
                }
                try RequestLimitsMiddleware.checkFormBody(req)
                try await CSRF.verify(req)
            }
        }
        return try await next.respond(to: req)
    }
}

/// Cross-site request forgery protection for forms: signed-in forms carry the session's token;
/// the sign-in form carries a token that must match a cookie set with the page
/// (double submit).
enum CSRF {
    static let field = "_csrf"
    static let cookie = "skillnad_csrf"

    /// The token a form on this page must carry; sets the cookie when the visitor has none.
    static func token(for req: Request) -> String {
        if let s = req.principal?.session { return s.csrf }
        if let c = req.cookies[cookie]?.string, c.count >= 32 { return c }
        let fresh = Secrets.random()
        req.storage[PendingCookie.self] = fresh
        return fresh
    }

    static func verify(_ req: Request) async throws {
        let sent = (try? req.content.get(String.self, at: field)) ?? ""
        let expected: String?
        if let s = req.principal?.session { expected = s.csrf } else { expected = req.cookies[cookie]?.string }
        guard let expected, !sent.isEmpty, Secrets.constantTimeEqual(sent, expected) else {
            throw Abort(.forbidden, reason: "The form has expired or did not come from this site. Reload the page and try again.")
        }
    }

    struct PendingCookie: StorageKey { typealias Value = String }

    /// Attaches a fresh CSRF cookie if `token(for:)` made one.
    static func attachCookie(_ req: Request, to res: Response) {
        guard let value = req.storage[PendingCookie.self] else { return }
        res.cookies[cookie] = HTTPCookies.Value(string: value, expires: nil, maxAge: 3600 * 12, path: "/",
                                                isSecure: req.isSecure, isHTTPOnly: true, sameSite: .strict)
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
