@testable import App
import Fluent
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

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

    @Test(
        "Five failures from one address refuse that address for the account, never the owner elsewhere nor others behind it"
    )
    func throttling() async throws {
        try await withTestApp(demo: false) { app in
            // The in-memory client has no socket address: trust it as a proxy to name addresses.
            app.trustedProxies = TrustedProxies(addresses: ["unknown"])
            try await app.makeUser("cecilia@stockholm.se", role: .editor)
            for _ in 0..<5 {
                let r = try await app.loginAttempt("cecilia@stockholm.se", "not it", from: "198.51.100.7")
                #expect(r.status == .unauthorized)
            }
            let blocked = try await app.loginAttempt(
                "cecilia@stockholm.se", "correct horse battery", from: "198.51.100.7")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.contains("För många misslyckade inloggningar"))
            #expect(blocked.body.contains("minuter"))
            // The owner, with the right password from another address, gets in (only delayed).
            let owner = try await app.loginAttempt(
                "cecilia@stockholm.se", "correct horse battery", from: "203.0.113.20")
            #expect(owner.status == .seeOther)
            // Another account from the same address is not locked (a city's shared address).
            try await app.makeUser("david@stockholm.se", role: .editor)
            let other = try await app.loginAttempt("david@stockholm.se", "correct horse battery", from: "198.51.100.7")
            #expect(other.status == .seeOther)
            // An administrator sees the throttle and clears it; then the address may try again.
            let entries = try await SignInThrottle.current(on: app.db)
            #expect(entries.contains { $0.kind == "account" && $0.value == "cecilia@stockholm.se" && $0.refused })
            try await SignInThrottle.clear(kind: "account", value: "cecilia@stockholm.se", on: app.db)
            let again = try await app.loginAttempt(
                "cecilia@stockholm.se", "correct horse battery", from: "198.51.100.7")
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
        #expect(
            SignInThrottle.decide(pairFailures: seven, accountFailures: 7, addressFailures: 7, now: now).refuseFor.map {
                $0 > 200
            } == true)
        // Forty failures for an account from forty addresses: never refused, delayed at most maxDelay.
        let spread = SignInThrottle.decide(pairFailures: [now], accountFailures: 40, addressFailures: 1, now: now)
        #expect(spread.refuseFor == nil && spread.delay == SignInThrottle.maxDelay)
        // A busy shared address: delayed from the 20th failure, never refused.
        #expect(SignInThrottle.decide(pairFailures: [], accountFailures: 0, addressFailures: 19, now: now).delay == 0)
        #expect(SignInThrottle.decide(pairFailures: [], accountFailures: 0, addressFailures: 25, now: now).delay > 0)
        // Old failures do not count.
        let old = (0..<5).map { now.addingTimeInterval(-SignInThrottle.window - Double($0)) }
        #expect(
            SignInThrottle.decide(pairFailures: old, accountFailures: 0, addressFailures: 0, now: now).refuseFor == nil)
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
            let noToken = try await app.post(
                "/bodies/kommunstyrelsen/edit", ["name": "Hackad", "kind": "executiveBoard", "version": "1"], as: b,
                csrf: false)
            #expect(noToken.status == .forbidden)
            let wrong = try await app.post(
                "/bodies/kommunstyrelsen/edit",
                ["name": "Hackad", "kind": "executiveBoard", "version": "1", "_csrf": "x"], as: b, csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(
                try await Body.query(on: app.db).filter(\.$slug == "kommunstyrelsen").first()?.name == "Kommunstyrelsen"
            )
            let login = try await app.post(
                "/login", ["email": "admin@stockholm.se", "password": "correct horse battery"], as: nil)
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
            let page = try await app.post(
                "/account/tokens", ["name": "skript", "scope": "read-write", "days": "30"], as: b)
            let token = try #require(
                page.body.range(of: "skl_").map { String(page.body[$0.lowerBound...].prefix { $0 != "<" }) })
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
        #expect(
            logged.contains("POST /login"),
            "the log must have captured the sign-in request, or this test proves nothing")
    }
}
