import Fluent
import Vapor

/// Signing in and out, one's own password and API tokens.
enum AccountController {
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let minPasswordLength = 12

    // MARK: Sign in

    static func loginPage(_ req: Request) async throws -> Response {
        try await render(
            req, "Accounts/login",
            LoginPage.build(
                Lang.of(req), email: "", next: safeNext(req.query[String.self, at: "next"]),
                error: nil, csrf: CSRF.token(for: req), signIn: req.application.signInSettings))
    }

    struct LoginForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    /// The longest e-mail address there is (RFC 5321), and a generous bound for a password.
    static let maxEmailLength = 254
    static let maxPasswordLength = 1024

    static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let lang = Lang.of(req)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let next = safeNext(form.next)
        func fail(_ message: String, status: HTTPResponseStatus, email shown: String) async throws -> Response {
            let page = LoginPage.build(
                lang, email: shown, next: next, error: message, csrf: CSRF.token(for: req),
                signIn: req.application.signInSettings)
            return try await render(req, "Accounts/login", page, status: status)
        }

        // Nothing this long is an account; refused before anything is read or written.
        guard email.count <= maxEmailLength, (form.password ?? "").count <= maxPasswordLength else {
            return try await fail(Texts(lang)[.loginTooLong], status: .unprocessableEntity, email: "")
        }
        let address = req.clientAddress
        try req.chargeUncachedWork()
        try await SignInThrottle.purge(on: req.db)
        // The attempt counts as a failure from the start, so that parallel attempts see each
        // other; it is removed again if the password is right or the attempt is refused.
        let attempt = SignInFailure()
        attempt.email = email
        attempt.address = address
        attempt.at = Date()
        try await attempt.create(on: req.db)
        let attemptID = try attempt.requireID()
        let decision = try await SignInThrottle.decision(
            email: email, address: address, excluding: attemptID, on: req.db)
        if let wait = decision.refuseFor {
            try await attempt.delete(on: req.db)
            // One audit row per client and window, however often it knocks.
            if req.application.throttleRecorded.firstInWindow("throttled\n" + email + "\n" + address) {
                try await Audit.record("sign-in-throttled", email: email, address: address, on: req.db)
            }
            let message = Strings.fill(Texts(lang)[.loginThrottled], String(Int((wait / 60).rounded(.up))))
            let res = try await fail(message, status: .tooManyRequests, email: email)
            res.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return res
        }
        if decision.delay > 0, req.application.sleepsSignInDelays {
            try await Task.sleep(for: .milliseconds(Int(decision.delay * 1000)))
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let ok: Bool
        if let user, user.active, let password = form.password, !password.isEmpty {
            ok = try await req.password.async.verify(password, created: user.passwordHash)
        } else {
            ok = false
        }
        guard ok, let user, let userID = user.id else {
            // Failures are counted in full above; the audit trail gets the first per account,
            // address and window, and none for addresses that are no account.
            if user != nil, req.application.throttleRecorded.firstInWindow("failed\n" + email + "\n" + address) {
                try await Audit.record("sign-in-failed", email: email, address: address, on: req.db)
            }
            return try await fail(Texts(lang)[.loginFailed], status: .unauthorized, email: email)
        }
        try await attempt.delete(on: req.db)
        // With passwords switched off, staff sign in through the municipality's provider only;
        // association administrators, whom no municipal provider knows, keep theirs.
        if !req.application.signInSettings.localPasswords && user.roleValue != .association {
            try await Audit.record(
                "sign-in-refused", email: email, address: address,
                after: "{\"method\":\"password\",\"kind\":\"passwords-off\"}", on: req.db)
            return try await fail(Texts(lang)[.localPasswordsOff], status: .forbidden, email: email)
        }
        return try await startSession(
            req, user: user, userID: userID, next: next ?? SiteURL.Accounts.account.link(lang))
    }

    /// Signs `user` in on this browser (a new sign-in replaces the session it had) and sends it
    /// on to `next`.
    /// - Parameter method: `oidc` or `saml` when the identity provider vouched for the person.
    static func startSession(
        _ req: Request, user: User, userID: UUID, next: String, method: String? = nil
    ) async throws -> Response {
        if let old = req.cookies[AuthMiddleware.cookieName]?.string, !old.isEmpty {
            try await UserSession.query(on: req.db).filter(\.$tokenHash == Secrets.hash(old)).delete()
        }
        // Expired sessions go.
        try await UserSession.query(on: req.db).filter(\.$expiresAt < Date()).delete()
        let secret = Secrets.random()
        let session = UserSession()
        session.tokenHash = Secrets.hash(secret)
        session.$user.id = userID
        session.csrfToken = Secrets.random()
        session.createdAt = Date()
        session.expiresAt = Date().addingTimeInterval(sessionLifetime)
        session.signInMethod = method
        try await session.create(on: req.db)
        guard let sessionID = session.id else { throw Abort(.internalServerError) }
        let principal = try await Principal.load(
            user, session: .init(id: sessionID, csrf: session.csrfToken), token: nil, on: req.db)
        try await Audit.record(
            "sign-in", objectType: "user", objectID: user.email,
            after: method.map { "{\"method\":\"\($0)\"}" }, by: .user(principal, address: req.clientAddress),
            on: req.db)
        let res = req.redirect(to: next, redirectType: .normal)
        res.cookies[AuthMiddleware.cookieName] = HTTPCookies.Value(
            string: secret, expires: session.expiresAt, maxAge: Int(sessionLifetime),
            path: "/", isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    /// Only paths on this site, so a link cannot send a person elsewhere after signing in.
    static func safeNext(_ next: String?) -> String? {
        HeaderValue.sameOriginPath(next)
    }

    static func logout(_ req: Request) async throws -> Response {
        var target = SiteURL.home.link(Lang.of(req))
        if let p = req.principal, let s = p.session {
            let session = try await UserSession.find(s.id, on: req.db)
            try await UserSession.query(on: req.db).filter(\.$id == s.id).delete()
            try await Audit.record("sign-out", objectType: "user", objectID: p.email, by: req.auditActor, on: req.db)
            // Single logout: a session that began at the provider ends there too, where it offers that.
            if session?.signInMethod == "oidc", let provider = req.application.oidcProvider,
                let ending = await OIDCController.endSessionURL(req, provider: provider)
            {
                target = ending
            }
        }
        let res = req.redirect(to: target, redirectType: .normal)
        res.cookies[AuthMiddleware.cookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    // MARK: Own account

    static func accountPage(_ req: Request) async throws -> Response {
        try await render(req, "Accounts/account", AccountPage.load(req, message: nil, errors: [:], newToken: nil))
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirm: String?
        var revokeTokens: String?
    }

    static func changePassword(_ req: Request) async throws -> Response {
        guard let p = req.principal, let user = try await User.find(p.userID, on: req.db) else {
            throw Abort(.unauthorized)
        }
        let form = try req.content.decode(PasswordForm.self)
        let lang = Lang.of(req)
        var errors: [String: String] = [:]
        if !(try await req.password.async.verify(form.current ?? "", created: user.passwordHash)) {
            errors["current"] = Texts(lang)[.passwordWrong]
        }
        if let e = passwordProblem(form.new, form.confirm, lang) { errors["new"] = e }
        guard errors.isEmpty else {
            return try await render(
                req, "Accounts/account", AccountPage.load(req, message: nil, errors: errors, newToken: nil),
                status: .unprocessableEntity)
        }
        guard let newPassword = form.new, let userID = user.id else { throw Abort(.unprocessableEntity) }
        user.passwordHash = try await req.password.async.hash(newPassword)
        user.version += 1
        try await user.save(on: req.db)
        // Whoever knew the old password is out: every other session ends, and on request the tokens too.
        var others = UserSession.query(on: req.db).filter(\.$user.$id == userID)
        if let current = p.session?.id { others = others.filter(\.$id != current) }
        try await others.delete()
        var revoked = 0
        if form.revokeTokens != nil {
            let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
                .all()
            for token in tokens {
                token.revokedAt = Date()
                try await token.save(on: req.db)
            }
            revoked = tokens.count
        }
        try await Audit.record(
            "password-change", objectType: "user", objectID: user.email,
            after: "{\"otherSessionsEnded\":true,\"tokensRevoked\":\(revoked)}", by: req.auditActor, on: req.db)
        let message =
            Texts(lang)[.passwordChanged] + " "
            + (revoked > 0 ? Texts(lang)[.passwordChangedTokens] : Texts(lang)[.passwordChangedSessions])
        return try await render(
            req, "Accounts/account", AccountPage.load(req, message: message, errors: [:], newToken: nil))
    }

    static func passwordProblem(_ new: String?, _ confirm: String?, _ lang: Lang) -> String? {
        guard let new, new.count >= minPasswordLength else {
            return Strings.fill(Texts(lang)[.passwordShort], String(minPasswordLength))
        }
        guard new.count <= maxPasswordLength else {
            return Strings.fill(Texts(lang)[.passwordLong], String(maxPasswordLength))
        }
        guard new == confirm else { return Texts(lang)[.passwordMismatch] }
        return nil
    }

    struct TokenForm: Content {
        var name: String?
        var scope: String?
        var days: Int?
    }

    static func createToken(_ req: Request) async throws -> Response {
        guard let p = req.principal else { throw Abort(.unauthorized) }
        let form = try req.content.decode(TokenForm.self)
        let lang = Lang.of(req)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if name.isEmpty { errors["tokenName"] = Texts(lang)[.required] }
        let scope = APIToken.Scope(rawValue: form.scope ?? "")
        if scope == nil { errors["tokenScope"] = Texts(lang)[.required] }
        let days = form.days ?? 90
        if !(1...366).contains(days) { errors["tokenDays"] = Texts(lang)[.tokenDaysRange] }
        guard errors.isEmpty, let scope else {
            return try await render(
                req, "Accounts/account", AccountPage.load(req, message: nil, errors: errors, newToken: nil),
                status: .unprocessableEntity)
        }
        let secret = try await TokenIssuer.issue(
            for: p.userID, name: name, scope: scope, days: days, by: req.auditActor, on: req.db)
        return try await render(
            req, "Accounts/account", AccountPage.load(req, message: nil, errors: [:], newToken: secret))
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        guard let p = req.principal else { throw Abort(.unauthorized) }
        guard let id = req.parameters.get(SiteURL.idKey, as: UUID.self),
            let token = try await APIToken.find(id, on: req.db), token.$user.id == p.userID || p.isAdmin
        else {
            throw Abort(.notFound)
        }
        if token.revokedAt == nil {
            token.revokedAt = Date()
            try await token.save(on: req.db)
            try await Audit.record(
                "token-revoke", objectType: "token", objectID: token.prefix, by: req.auditActor, on: req.db)
        }
        return req.redirect(to: SiteURL.Accounts.account.link(Lang.of(req)), redirectType: .normal)
    }

    // MARK: Rendering

    /// Pages for one person: never cached, always with the CSRF cookie if one was made.
    static func render<P: Encodable & Sendable>(
        _ req: Request, _ template: String, _ context: PageContext<P>,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let lang = Lang(rawValue: context.meta.lang) ?? .sv
        var context = context
        if let p = req.principal, p.session != nil {
            context.meta.user = .signedIn(p, req, lang)
        }
        let view = try await req.view.render(template, context)
        let res = PageRenderer.response(view.data, lang: lang, status: status)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        CSRF.attachCookie(req, to: res)
        return res
    }
}
