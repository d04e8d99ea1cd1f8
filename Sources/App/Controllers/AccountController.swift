import Fluent
import Vapor

/// Signing in and out, one's own password and API tokens.
enum AccountController {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let maxFailures = 5
    static let failureWindow: TimeInterval = 15 * 60
    static let minPasswordLength = 12

    // MARK: Sign in

    static func loginPage(_ req: Request) async throws -> Response {
        try await render(req, "login", LoginPage.build(Lang.of(req), email: "", next: safeNext(req.query[String.self, at: "next"]),
                                                         error: nil, csrf: CSRF.token(for: req)))
    }

    struct LoginForm: Content { var email: String?; var password: String?; var next: String? }

    static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let lang = Lang.of(req)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let next = safeNext(form.next)
        func fail(_ key: String, status: HTTPResponseStatus) async throws -> Response {
            let page = LoginPage.build(lang, email: email, next: next, error: Strings.get(key, lang), csrf: CSRF.token(for: req))
            return try await render(req, "login", page, status: status)
        }
        if let wait = try await throttled(email: email, address: req.clientAddress, on: req.db) {
            try await Audit.record("sign-in-throttled", email: email, address: req.clientAddress, on: req.db)
            let page = LoginPage.build(lang, email: email, next: next,
                                       error: String(format: Strings.get("loginThrottled", lang), Int((wait / 60).rounded(.up))),
                                       csrf: CSRF.token(for: req))
            return try await render(req, "login", page, status: .tooManyRequests)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let ok: Bool
        if let user, user.active, let password = form.password, !password.isEmpty {
            ok = try await req.password.async.verify(password, created: user.passwordHash)
        } else {
            ok = false
        }
        guard ok, let user else {
            let f = SignInFailure()
            f.email = email; f.address = req.clientAddress; f.at = Date()
            try await f.create(on: req.db)
            try await Audit.record("sign-in-failed", email: email, address: req.clientAddress, on: req.db)
            return try await fail("loginFailed", status: .unauthorized)
        }
        let secret = Secrets.random()
        let session = UserSession()
        session.tokenHash = Secrets.hash(secret)
        session.$user.id = user.id!
        session.csrfToken = Secrets.random()
        session.createdAt = Date()
        session.expiresAt = Date().addingTimeInterval(sessionLifetime)
        try await session.create(on: req.db)
        let principal = try await Principal.load(user, session: .init(id: session.id!, csrf: session.csrfToken), token: nil, on: req.db)
        try await Audit.record("sign-in", objectType: "user", objectID: user.email, by: .user(principal, address: req.clientAddress), on: req.db)
        let res = req.redirect(to: next ?? SiteURL.account.link(lang), redirectType: .normal)
        res.cookies[AuthMiddleware.cookieName] = HTTPCookies.Value(string: secret, expires: session.expiresAt, maxAge: Int(sessionLifetime),
                                                                   path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    /// Seconds to wait when an account or an address has failed too often, nil otherwise.
    static func throttled(email: String, address: String, on db: any Database) async throws -> TimeInterval? {
        let since = Date().addingTimeInterval(-failureWindow)
        let byAccount = try await SignInFailure.query(on: db).filter(\.$email == email).filter(\.$at > since).sort(\.$at).all()
        let byAddress = try await SignInFailure.query(on: db).filter(\.$address == address).filter(\.$at > since).sort(\.$at).all()
        let counted = [byAccount, byAddress].filter { $0.count >= maxFailures }
        guard !counted.isEmpty else { return nil }
        // Free again when the oldest failure that counts leaves the window.
        let oldest = counted.map { $0[$0.count - maxFailures].at }.max()!
        return max(60, oldest.addingTimeInterval(failureWindow).timeIntervalSinceNow)
    }

    /// Only paths on this site, so a link cannot send a person elsewhere after signing in.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }

    static func logout(_ req: Request) async throws -> Response {
        if let p = req.principal, let s = p.session {
            try await UserSession.query(on: req.db).filter(\.$id == s.id).delete()
            try await Audit.record("sign-out", objectType: "user", objectID: p.email, by: req.auditActor, on: req.db)
        }
        let res = req.redirect(to: SiteURL.home.link(Lang.of(req)), redirectType: .normal)
        res.cookies[AuthMiddleware.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                                                   isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    // MARK: Own account

    static func accountPage(_ req: Request) async throws -> Response {
        try await render(req, "account", AccountPage.build(req, message: nil, errors: [:], newToken: nil))
    }

    struct PasswordForm: Content { var current: String?; var new: String?; var confirm: String? }

    static func changePassword(_ req: Request) async throws -> Response {
        guard let p = req.principal, let user = try await User.find(p.userID, on: req.db) else { throw Abort(.unauthorized) }
        let form = try req.content.decode(PasswordForm.self)
        let lang = Lang.of(req)
        var errors: [String: String] = [:]
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = Strings.get("passwordWrong", lang)
        }
        if let e = passwordProblem(form.new, form.confirm, lang) { errors["new"] = e }
        guard errors.isEmpty else {
            return try await render(req, "account", AccountPage.build(req, message: nil, errors: errors, newToken: nil), status: .unprocessableEntity)
        }
        user.passwordHash = try await req.password.async.hash(form.new!)
        user.version += 1
        try await user.save(on: req.db)
        try await Audit.record("password-change", objectType: "user", objectID: user.email, by: req.auditActor, on: req.db)
        return try await render(req, "account", AccountPage.build(req, message: Strings.get("passwordChanged", lang), errors: [:], newToken: nil))
    }

    static func passwordProblem(_ new: String?, _ confirm: String?, _ lang: Lang) -> String? {
        guard let new, new.count >= minPasswordLength else { return String(format: Strings.get("passwordShort", lang), minPasswordLength) }
        guard new == confirm else { return Strings.get("passwordMismatch", lang) }
        return nil
    }

    struct TokenForm: Content { var name: String?; var scope: String?; var days: Int? }

    static func createToken(_ req: Request) async throws -> Response {
        guard let p = req.principal else { throw Abort(.unauthorized) }
        let form = try req.content.decode(TokenForm.self)
        let lang = Lang.of(req)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if name.isEmpty { errors["tokenName"] = Strings.get("required", lang) }
        let scope = APIToken.Scope(rawValue: form.scope ?? "")
        if scope == nil { errors["tokenScope"] = Strings.get("required", lang) }
        let days = form.days ?? 90
        if !(1...366).contains(days) { errors["tokenDays"] = Strings.get("tokenDaysRange", lang) }
        guard errors.isEmpty, let scope else {
            return try await render(req, "account", AccountPage.build(req, message: nil, errors: errors, newToken: nil), status: .unprocessableEntity)
        }
        let secret = try await TokenIssuer.issue(for: p.userID, name: name, scope: scope, days: days, by: req.auditActor, on: req.db)
        return try await render(req, "account", AccountPage.build(req, message: nil, errors: [:], newToken: secret))
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        guard let p = req.principal else { throw Abort(.unauthorized) }
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self),
              let token = try await APIToken.find(id, on: req.db), token.$user.id == p.userID || p.isAdmin else {
            throw Abort(.notFound)
        }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await token.save(on: req.db)
            try await Audit.record("token-revoke", objectType: "token", objectID: token.prefix, by: req.auditActor, on: req.db)
        }
        return req.redirect(to: SiteURL.account.link(Lang.of(req)), redirectType: .normal)
    }

    // MARK: Rendering

    /// Pages for one person: never cached, always with the CSRF cookie if one was made.
    static func render<P: Encodable & Sendable>(_ req: Request, _ template: String, _ context: PageContext<P>,
                                                status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = try await req.view.render(template, context)
        let res = PageRenderer.response(view.data, lang: Lang(rawValue: context.meta.lang) ?? .sv, status: status)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        CSRF.attachCookie(req, to: res)
        return res
    }
}

/// Makes API tokens: for oneself on the account page, for anyone by an administrator on the
/// command line. The secret is returned once and only its hash is kept.
enum TokenIssuer {
    static let prefixLength = 12

    static func issue(for userID: UUID, name: String, scope: APIToken.Scope, days: Int, by actor: AuditActor,
                      on db: any Database) async throws -> String {
        let secret = "skl_" + Secrets.random()
        let token = APIToken()
        token.$user.id = userID
        token.name = name
        token.tokenHash = Secrets.hash(secret)
        token.prefix = String(secret.prefix(prefixLength))
        token.scope = scope.rawValue
        token.createdAt = Date()
        token.expiresAt = Date().addingTimeInterval(TimeInterval(days) * 86400)
        try await token.create(on: db)
        try await Audit.record("token-create", objectType: "token", objectID: token.prefix,
                               after: "{\"name\":\(jsonString(name)),\"scope\":\"\(scope.rawValue)\",\"days\":\(days)}", by: actor, on: db)
        return secret
    }

    static func jsonString(_ s: String) -> String {
        (try? String(decoding: JSONEncoder().encode(s), as: UTF8.self)) ?? "\"\""
    }
}
