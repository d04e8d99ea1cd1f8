@testable import App
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Users, sign-ins, sessions and tokens, made as the commands and the sign-in form make them.
extension Application {
    static let testPassword = "correct horse battery"

    /// Makes a user directly (as `skillnad user add` does) and returns its password.
    @discardableResult
    func makeUser(
        _ email: String,
        role: User.Role,
        bodies: [String] = [],
        password: String = testPassword
    ) async throws -> String {
        let hasher = self.password.async(on: threadPool, hopTo: eventLoopGroup.any())
        let hash = try await hasher.hash(password)
        let name = email.components(separatedBy: "@")[0]
        _ = try await UserAdmin.create(
            email: email, name: name, role: role, bodies: bodies,
            passwordHash: hash, by: .system("test"), on: db)
        return password
    }

    /// The user with that e-mail address; fails the test's step when there is none.
    func user(_ email: String) async throws -> User {
        guard let user = try await User.query(on: db).filter(\.$email == email).first() else {
            throw Abort(.notFound, reason: "no user \(email) in the test's database")
        }
        return user
    }

    /// Issues an API token to the user, valid for a day, as `skillnad token add` does.
    func issueToken(to email: String, scope: APIToken.Scope, name: String = "test") async throws -> String {
        let userID = try await user(email).requireID()
        return try await TokenIssuer.issue(
            for: userID, name: name, scope: scope, days: 1,
            by: .system("test"), on: db)
    }

    /// Signs in through the real form: fetches the page for its CSRF cookie, posts the form.
    func signIn(_ email: String, _ password: String = testPassword) async throws -> Browser {
        let attempt = try await loginAttempt(email, password)
        let prefix = AuthMiddleware.cookieName + "="
        let session =
            attempt.setCookie.components(separatedBy: "; ")
            .first { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) } ?? ""
        var csrf = ""
        try await testing().test(.GET, "/account", headers: ["Cookie": "\(prefix)\(session)"]) { res in
            csrf = HTMLForm.value(of: "_csrf", in: res.body.string)
        }
        return Browser(cookie: session, csrf: csrf)
    }

    /// One sign-in through the real form: the page for its CSRF cookie, then the POST.
    /// - Parameters:
    ///   - address: the client's address, sent as `X-Forwarded-For`.
    ///   - next: the page to go to afterwards, as the sign-in links send it.
    ///   - session: the session cookie the browser already has.
    func loginAttempt(
        _ email: String,
        _ password: String,
        from address: String? = nil,
        next: String? = nil,
        session: String? = nil
    ) async throws -> LoginAttempt {
        var pageHeaders = HTTPHeaders()
        if let session {
            pageHeaders.cookie = [AuthMiddleware.cookieName: .init(string: session)]
        }
        var csrfCookie = ""
        var csrfField = ""
        try await testing().test(.GET, "/login", headers: pageHeaders) { res in
            csrfCookie = res.headers.setCookie?[CSRF.cookie]?.string ?? ""
            csrfField = HTMLForm.value(of: "_csrf", in: res.body.string)
        }
        var fields = ["email": email, "password": password, "_csrf": csrfField]
        fields["next"] = next
        var attempt = LoginAttempt(status: .internalServerError, body: "", setCookies: [], location: nil)
        try await testing().test(
            .POST, "/login",
            beforeRequest: { req in
                var cookies: HTTPCookies = [CSRF.cookie: .init(string: csrfCookie)]
                if let session {
                    cookies[AuthMiddleware.cookieName] = .init(string: session)
                }
                req.headers.cookie = cookies
                if let address {
                    req.headers.replaceOrAdd(name: .xForwardedFor, value: address)
                }
                try req.content.encode(fields, as: .urlEncodedForm)
            },
            afterResponse: { res in
                attempt = LoginAttempt(
                    status: res.status, body: res.body.string,
                    setCookies: res.headers[.setCookie], location: res.headers.first(name: .location))
            })
        return attempt
    }

    /// A session stored directly in the database, as the sign-in stores one: hundreds of
    /// sign-ins through the form cost more than what some tests test.
    func storeSession(
        for user: User,
        secret: String = Secrets.random(),
        createdAt: Date = Date(),
        expiresAt: Date = Date().addingTimeInterval(3600)
    ) async throws -> Browser {
        let session = UserSession()
        session.tokenHash = Secrets.hash(secret)
        session.$user.id = try user.requireID()
        session.csrfToken = Secrets.random()
        session.createdAt = createdAt
        session.expiresAt = expiresAt
        try await session.create(on: db)
        return Browser(cookie: secret, csrf: session.csrfToken)
    }
}
