import Vapor

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
                if isAPI {
                    throw Abort(
                        .unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                        reason: "Sign in with an API token (Authorization: Bearer …).")
                }
                if !isWrite {
                    return req.redirect(to: SiteURL.Accounts.login.path + "?next=" + SiteURL.encode(req.url.string))
                }
                throw Abort(.unauthorized, reason: "Sign in first.")
            }
            throw Abort(.forbidden, reason: "Your role (\(p.role.rawValue)) may not do this.")
        }
        if isWrite {
            if isAPI {
                // The API is written to with tokens only: a browser's cookie must not be enough.
                if rule != .anyone {
                    guard let token = p?.token else {
                        throw Abort(
                            .unauthorized, headers: ["WWW-Authenticate": "Bearer"],
                            reason: "API writes need an API token (Authorization: Bearer …).")
                    }
                    guard token.scope == .readWrite else {
                        throw Abort(.forbidden, reason: "The API token is read-only.")
                    }
                }
            } else {
                // The token is in the body, which a browser may still be sending: collect it here,
                // up to the route's own limit, before the route would.
                if req.body.data == nil {
                    let limit =
                        route.userInfo[Rule.bodyLimitKey] as? Int ?? req.application.routes.defaultMaxBodySize.value
                    _ = try await req.body.collect(max: limit).get()
                }
                try RequestLimitsMiddleware.checkFormBody(req)
                if rule != .identityProvider { try await CSRF.verify(req) }
            }
        }
        return try await next.respond(to: req)
    }
}
