@testable import App
import Fluent
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

/// A signed-in browser in tests: the session cookie and the CSRF token of its forms.
struct Browser {
    var cookie: String
    var csrf: String
}

extension Application {
    /// Makes a user directly (as `skillnad user add` does) and returns its password.
    @discardableResult
    func makeUser(_ email: String, role: User.Role, bodies: [String] = [], password: String = "correct horse battery") async throws -> String {
        let hash = try await self.password.async(on: threadPool, hopTo: eventLoopGroup.any()).hash(password)
        _ = try await UserAdmin.create(email: email, name: email.components(separatedBy: "@")[0], role: role, bodies: bodies,
                                       passwordHash: hash, by: .system("test"), on: db)
        return password
    }

    /// Signs in through the real form: fetches the page for its CSRF cookie, posts the form.
    func signIn(_ email: String, _ password: String = "correct horse battery") async throws -> Browser {
        let attempt = try await loginAttempt(email, password)
        let prefix = AuthMiddleware.cookieName + "="
        let session = attempt.setCookie.components(separatedBy: "; ").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? ""
        var csrf = ""
        try await testing().test(.GET, "/account", headers: ["Cookie": "\(AuthMiddleware.cookieName)=\(session)"]) { res in
            csrf = Self.hiddenCSRF(res.body.string)
        }
        return Browser(cookie: session, csrf: csrf)
    }

    static func hiddenCSRF(_ html: String) -> String {
        guard let r = html.range(of: "name=\"_csrf\" value=\"") else { return "" }
        let rest = html[r.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    /// POSTs a form as a signed-in browser (or anonymously), with the CSRF token unless told otherwise.
    func post(_ path: String, _ fields: [String: String], as browser: Browser?, csrf: Bool = true) async throws -> (status: HTTPStatus, body: String, location: String?) {
        var result: (HTTPStatus, String, String?) = (.internalServerError, "", nil)
        var form = fields
        if csrf, let b = browser { form["_csrf"] = b.csrf }
        try await testing().test(.POST, path, beforeRequest: { req in
            if let b = browser { req.headers.replaceOrAdd(name: .cookie, value: "\(AuthMiddleware.cookieName)=\(b.cookie)") }
            try req.content.encode(form, as: .urlEncodedForm)
        }, afterResponse: { res in
            result = (res.status, res.body.string, res.headers.first(name: .location))
        })
        return result
    }

    func get(_ path: String, as browser: Browser) async throws -> (status: HTTPStatus, body: String) {
        let r = try await get(path, headers: ["Cookie": "\(AuthMiddleware.cookieName)=\(browser.cookie)"])
        return (r.status, r.body)
    }

    /// Sends JSON with a bearer token.
    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, headers: HTTPHeaders = [:]) async throws -> (status: HTTPStatus, body: String, json: [String: Any]) {
        var result: (HTTPStatus, String, [String: Any]) = (.internalServerError, "", [:])
        var h = headers
        if let token { h.bearerAuthorization = .init(token: token) }
        if json != nil { h.contentType = .json }
        try await testing().test(method, path, headers: h, body: json.map { ByteBuffer(string: $0) }) { res in
            let body = res.body.string
            result = (res.status, body, ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]) ?? [:])
        }
        return result
    }
}

@Suite("Accounts, sessions and tokens")
struct AccountTests {
    @Test("Sign in, see the account, sign out; the cookie is HttpOnly and SameSite=Lax")
    func signInAndOut() async throws {
        try await withTestApp { app in
            try await app.makeUser("anna@stockholm.se", role: .admin)
            let first = try await app.loginAttempt("Anna@Stockholm.se", "correct horse battery")
            #expect(first.status == .seeOther)
            let setCookie = first.setCookie
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.lowercased().contains("samesite=lax"))
            let b = try await app.signIn("anna@stockholm.se")
            let account = try await app.get("/account", as: b)
            #expect(account.status == .ok)
            #expect(account.body.contains("anna@stockholm.se"))
            #expect(account.body.contains("administratör"))
            let home = try await app.get("/", as: b)
            #expect(home.body.contains("Inloggad som"))
            let out = try await app.post("/logout", [:], as: b)
            #expect(out.status == .seeOther)
            let after = try await app.get("/account", as: b)
            #expect(after.status == .seeOther, "the session is gone")
            let events = try await AuditEvent.query(on: app.db).all().map(\.action)
            #expect(events.contains("sign-in") && events.contains("sign-out"))
        }
    }

    @Test("A wrong password fails with a clear message, keeps the e-mail and is audited")
    func wrongPassword() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("bo@stockholm.se", role: .editor)
            let r = try await app.loginAttempt("bo@stockholm.se", "wrong")
            #expect(r.status == .unauthorized)
            #expect(r.body.contains("Fel e-post eller lösenord"))
            #expect(r.body.contains("value=\"bo@stockholm.se\""))
            #expect(!r.body.contains("wrong\""))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-failed").count() == 1)
        }
    }

    @Test("Five failures from one address refuse that address for the account, never the owner elsewhere nor others behind it")
    func throttling() async throws {
        try await withTestApp(demo: false) { app in
            // The in-memory client has no socket address: trust it as a proxy to name addresses.
            app.trustedProxies = TrustedProxies(addresses: ["unknown"])
            try await app.makeUser("cecilia@stockholm.se", role: .editor)
            for _ in 0..<5 {
                let r = try await app.loginAttempt("cecilia@stockholm.se", "not it", from: "198.51.100.7")
                #expect(r.status == .unauthorized)
            }
            let blocked = try await app.loginAttempt("cecilia@stockholm.se", "correct horse battery", from: "198.51.100.7")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.contains("För många misslyckade inloggningar"))
            #expect(blocked.body.contains("minuter"))
            // The owner, with the right password from another address, gets in (only delayed).
            let owner = try await app.loginAttempt("cecilia@stockholm.se", "correct horse battery", from: "203.0.113.20")
            #expect(owner.status == .seeOther)
            // Another account from the same address is not locked (a city's shared address).
            try await app.makeUser("david@stockholm.se", role: .editor)
            let other = try await app.loginAttempt("david@stockholm.se", "correct horse battery", from: "198.51.100.7")
            #expect(other.status == .seeOther)
            // An administrator sees the throttle and clears it; then the address may try again.
            let entries = try await SignInThrottle.current(on: app.db)
            #expect(entries.contains { $0.kind == "account" && $0.value == "cecilia@stockholm.se" && $0.refused })
            try await SignInThrottle.clear(kind: "account", value: "cecilia@stockholm.se", on: app.db)
            let again = try await app.loginAttempt("cecilia@stockholm.se", "correct horse battery", from: "198.51.100.7")
            #expect(again.status == .seeOther)
        }
    }

    @Test("The throttle's policy: the pair is refused for a doubling while, account and address are only delayed")
    func throttlePolicy() {
        let now = Date()
        let five = (0..<5).map { now.addingTimeInterval(-Double($0) * 10) }
        let refused = SignInThrottle.decide(pairFailures: five, accountFailures: 5, addressFailures: 5, now: now)
        #expect(refused.refuseFor.map { $0 > 50 && $0 <= 60 } == true)
        let seven = (0..<7).map { now.addingTimeInterval(-Double($0)) }
        #expect(SignInThrottle.decide(pairFailures: seven, accountFailures: 7, addressFailures: 7, now: now).refuseFor.map { $0 > 200 } == true)
        // Forty failures for an account from forty addresses: never refused, delayed at most maxDelay.
        let spread = SignInThrottle.decide(pairFailures: [now], accountFailures: 40, addressFailures: 1, now: now)
        #expect(spread.refuseFor == nil && spread.delay == SignInThrottle.maxDelay)
        // A busy shared address: delayed from the 20th failure, never refused.
        #expect(SignInThrottle.decide(pairFailures: [], accountFailures: 0, addressFailures: 19, now: now).delay == 0)
        #expect(SignInThrottle.decide(pairFailures: [], accountFailures: 0, addressFailures: 25, now: now).delay > 0)
        // Old failures do not count.
        let old = (0..<5).map { now.addingTimeInterval(-SignInThrottle.window - Double($0)) }
        #expect(SignInThrottle.decide(pairFailures: old, accountFailures: 0, addressFailures: 0, now: now).refuseFor == nil)
    }

    @Test("A throttled client adds one audit row per window, however often it knocks, and an overlong e-mail none")
    func throttledAuditIsBounded() async throws {
        try await withTestApp(demo: false) { app in
            try await app.makeUser("erik@stockholm.se", role: .editor)
            for _ in 0..<5 { _ = try await app.loginAttempt("erik@stockholm.se", "not it") }
            for _ in 0..<10 {
                #expect(try await app.loginAttempt("erik@stockholm.se", "not it").status == .tooManyRequests)
            }
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-throttled").count() == 1)
            let before = try await AuditEvent.query(on: app.db).count()
            let long = String(repeating: "a", count: 300_000) + "@example.org"
            let r = try await app.loginAttempt(long, "x")
            #expect(r.status == .unprocessableEntity)
            #expect(!r.body.contains(String(repeating: "a", count: 300)))
            #expect(try await AuditEvent.query(on: app.db).count() == before)
        }
    }

    @Test("A form without the CSRF token is refused and changes nothing")
    func csrfRefused() async throws {
        try await withTestApp { app in
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let b = try await app.signIn("admin@stockholm.se")
            let noToken = try await app.post("/bodies/kommunstyrelsen/edit", ["name": "Hackad", "kind": "executiveBoard", "version": "1"], as: b, csrf: false)
            #expect(noToken.status == .forbidden)
            let wrong = try await app.post("/bodies/kommunstyrelsen/edit", ["name": "Hackad", "kind": "executiveBoard", "version": "1", "_csrf": "x"], as: b, csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await Body.query(on: app.db).filter(\.$slug == "kommunstyrelsen").first()?.name == "Kommunstyrelsen")
            let login = try await app.post("/login", ["email": "admin@stockholm.se", "password": "correct horse battery"], as: nil)
            #expect(login.status == .forbidden, "the sign-in form needs its token too")
        }
    }

    @Test("Passwords and tokens never appear in the log output, pages or API responses")
    func secretsStaySecret() async throws {
        let capture = LogCapture.shared
        let issued = LockedBox("")
        try await withTestApp { app in
            let password = "Hemligt-Lösenord-4711"
            try await app.makeUser("eva@stockholm.se", role: .admin, password: password)
            let b = try await app.signIn("eva@stockholm.se", password)
            let page = try await app.post("/account/tokens", ["name": "skript", "scope": "read-write", "days": "30"], as: b)
            let token = try #require(page.body.range(of: "skl_").map { String(page.body[$0.lowerBound...].prefix { $0 != "<" }) })
            issued.set(token)
            let later = try await app.get("/account", as: b)
            #expect(!later.body.contains(token), "a token is shown once only")
            let me = try await app.api(.GET, "/api/v1/bodies/kommunstyrelsen", token: token)
            #expect(me.status == .ok)
            #expect(!me.body.contains(token))
            let audit = try await AuditEvent.query(on: app.db).all()
            for e in audit {
                #expect(!(e.before ?? "").contains(password) && !(e.after ?? "").contains(password))
                #expect(!(e.after ?? "").contains(token))
            }
            let users = try await User.query(on: app.db).all()
            #expect(users.allSatisfy { !$0.passwordHash.contains(password) && $0.passwordHash.hasPrefix("$2") })
        }
        let logged = capture.text
        #expect(!logged.contains("Hemligt-Lösenord-4711"))
        #expect(!issued.get().isEmpty && !logged.contains(issued.get()))
        #expect(logged.contains("POST /login"), "the log must have captured the sign-in request, or this test proves nothing")
    }
}

extension Application {
    /// One sign-in through the real form: the page for its CSRF cookie, then the POST.
    func loginAttempt(_ email: String, _ password: String, from address: String? = nil) async throws -> (status: HTTPStatus, body: String, setCookie: String) {
        var csrfCookie = "", csrfField = ""
        try await testing().test(.GET, "/login") { res in
            csrfCookie = res.headers.setCookie?[CSRF.cookie]?.string ?? ""
            csrfField = Self.hiddenCSRF(res.body.string)
        }
        var out: (HTTPStatus, String, String) = (.internalServerError, "", "")
        try await testing().test(.POST, "/login", beforeRequest: { req in
            req.headers.cookie = ["skillnad_csrf": .init(string: csrfCookie)]
            if let address { req.headers.replaceOrAdd(name: .xForwardedFor, value: address) }
            try req.content.encode(["email": email, "password": password, "_csrf": csrfField], as: .urlEncodedForm)
        }, afterResponse: { res in out = (res.status, res.body.string, res.headers[.setCookie].joined(separator: "; ")) })
        return out
    }
}

/// Collects every log line, to search it for secrets. Installed once for the whole test process,
/// as the logging system can be set up only once.
final class LogCapture: LogHandler, @unchecked Sendable {
    static let shared: LogCapture = {
        let capture = LogCapture()
        LoggingSystem.bootstrap { _ in capture }
        return capture
    }()

    private let lock = NSLock()
    private var lines: [String] = []
    // One handler for every logger: keep the level and metadata fixed.
    var metadata: Logger.Metadata { get { [:] } set {} }
    var logLevel: Logger.Level { get { .trace } set {} }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lock.lock(); defer { lock.unlock() }
        lines.append("\(message) \(metadata ?? [:])")
    }
    var text: String { lock.lock(); defer { lock.unlock() }; return lines.joined(separator: "\n") }
}

/// A value a test closure can hand out.
final class LockedBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ v: T) { value = v }
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
}
