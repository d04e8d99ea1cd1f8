@testable import App
import Fluent
import Foundation
import JWTKit
import SkillnadCore
import Testing
import Vapor
import VaporTesting

/// Signing in through a real OpenID Connect provider (`oidc-provider-mock`), end to end: the
/// browser's steps are made as requests, the provider's answers are its own.
@Suite("Signing in through the municipality's OpenID Connect provider", .enabled(if: OIDCTestProvider.isAvailable))
struct OIDCSignInTests {
    static let publicURL = "http://127.0.0.1:8089"
    static let clientID = "skillnad-test"

    static func settings(
        _ provider: OIDCTestProvider, match: IdentityMatch = .email, createUsers: Bool = false,
        groups: GroupRoleMap? = nil, localPasswords: Bool = true, trustEmail: Bool = true
    ) -> SignInSettings {
        var settings = SignInSettings()
        settings.publicURL = publicURL
        settings.createUsers = createUsers
        settings.groups = groups
        settings.localPasswords = localPasswords
        settings.identityKey = String(repeating: "k", count: 40)
        settings.oidc = OIDCSettings(
            issuer: provider.issuer, clientID: clientID, clientSecret: "secret", match: match, groupsClaim: "groups",
            scopes: "openid email profile", trustEmail: trustEmail)
        return settings
    }

    /// The app set up to sign in at `provider`; the provider's redirects are read, not followed.
    static func use(_ settings: SignInSettings, on app: Application) {
        app.http.client.configuration.redirectConfiguration = .disallow
        app.signInSettings = settings
        app.oidcProvider = settings.oidc.map { OIDCProvider(settings: $0) }
    }

    /// Sets the claims the provider gives `sub`.
    static func setClaims(_ provider: OIDCTestProvider, _ sub: String, _ claims: [String: JSONValue], app: Application)
        async throws
    {
        let response = try await app.client.put(URI(string: provider.issuer + "/users/" + sub)) { request in
            try request.content.encode(claims, as: .json)
        }
        #expect(response.status == .noContent)
    }

    /// A sign-in up to the provider's answer: Skillnad's redirect, the provider's consent for
    /// `sub`, and the callback path with the cookie the browser holds.
    struct Answer {
        let callback: String
        let cookie: String
    }

    static func begin(_ app: Application, sub: String, next: String = "/account") async throws -> Answer {
        var location = ""
        var cookie = ""
        try await app.testing().test(.GET, "/login/oidc?next=" + next) { res in
            #expect(res.status == .seeOther)
            location = res.headers.first(name: .location) ?? ""
            cookie = res.headers.setCookie?[ExternalSignIn.cookieName]?.string ?? ""
        }
        #expect(location.contains("code_challenge_method=S256") && location.contains("nonce="))
        let consent = try await app.client.post(URI(string: location)) { request in
            try request.content.encode(["sub": sub], as: .urlEncodedForm)
        }
        let back = consent.headers.first(name: .location) ?? ""
        #expect(back.hasPrefix(publicURL + "/login/oidc/callback?"))
        return Answer(callback: String(back.dropFirst(publicURL.count)), cookie: cookie)
    }

    static func finish(_ app: Application, _ answer: Answer, cookie: String? = nil) async throws
        -> (status: HTTPStatus, location: String?, session: String?, body: String)
    {
        var result: (HTTPStatus, String?, String?, String) = (.internalServerError, nil, nil, "")
        let headers: HTTPHeaders = ["Cookie": "\(ExternalSignIn.cookieName)=\(cookie ?? answer.cookie)"]
        try await app.testing().test(.GET, answer.callback, headers: headers) { res in
            result = (
                res.status, res.headers.first(name: .location),
                res.headers.setCookie?[AuthMiddleware.cookieName]?.string,
                res.body.string
            )
        }
        return result
    }

    static func parameter(_ name: String, in path: String) -> String? {
        URLComponents(string: path)?.queryItems?.first { $0.name == name }?.value
    }

    static func lastAudit(_ app: Application, _ action: String) async throws -> AuditEvent? {
        try await AuditEvent.query(on: app.db).filter(\.$action == action).sort(\.$at, .descending).first()
    }

    @Test("A person the provider vouches for signs in as the account with that e-mail address, linked for next time")
    func signsInByEmail() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider), on: app)
            try await app.makeUser("anna@stockholm.se", role: .editor, bodies: ["rinkeby-kista-stadsdelsnamnd"])
            try await Self.setClaims(provider, "anna-sub", ["email": .string("Anna@Stockholm.se")], app: app)
            let done = try await Self.finish(app, try await Self.begin(app, sub: "anna-sub"))
            #expect(done.status == .seeOther)
            #expect(done.location == "/account")
            let session = try #require(done.session)
            let page = try await app.get("/account", headers: ["Cookie": "\(AuthMiddleware.cookieName)=\(session)"])
            #expect(page.status == .ok && page.body.contains("anna@stockholm.se"))
            let link = try await ExternalIdentity.query(on: app.db).first()
            #expect(link?.subjectKey == "anna@stockholm.se" && link?.provider == "oidc " + provider.issuer)
            #expect(try await Self.lastAudit(app, "sign-in")?.after == "{\"method\":\"oidc\"}")
            // Signing out ends the provider's session too.
            let browser = Browser(cookie: session, csrf: HTMLForm.value(of: "_csrf", in: page.body))
            let out = try await app.post("/logout", [:], as: browser)
            #expect(out.location?.hasPrefix(provider.issuer + "/oauth2/end_session?client_id=skillnad-test") == true)
        }
    }

    @Test("A replayed answer, an answer in another browser and a replayed code are refused and audited")
    func replaysAndForgeries() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider), on: app)
            try await app.makeUser("bo@stockholm.se", role: .reader)
            try await Self.setClaims(provider, "bo", ["email": .string("bo@stockholm.se")], app: app)
            let answer = try await Self.begin(app, sub: "bo")
            // Login CSRF: another browser (another cookie, or none) cannot finish this sign-in.
            let elsewhere = try await Self.finish(app, answer, cookie: "someone-else")
            #expect(elsewhere.status == .badRequest && elsewhere.session == nil)
            #expect(try await Self.lastAudit(app, "sign-in-refused")?.after?.contains("not-this-browser") == true)
            // The right browser still can, once.
            #expect(try await Self.finish(app, answer).status == .seeOther)
            let again = try await Self.finish(app, answer)
            #expect(again.status == .badRequest && again.session == nil)
            #expect(again.body.contains("redan använts"))
            #expect(try await Self.lastAudit(app, "sign-in-refused")?.after?.contains("used-or-lapsed") == true)
            // The spent code, slipped into a fresh sign-in, is refused by the provider.
            let fresh = try await Self.begin(app, sub: "bo")
            let spentCode = try #require(Self.parameter("code", in: answer.callback))
            let freshState = try #require(Self.parameter("state", in: fresh.callback))
            let forged = Answer(
                callback: "/login/oidc/callback?code=\(spentCode)&state=\(freshState)", cookie: fresh.cookie)
            let replayed = try await Self.finish(app, forged)
            #expect(replayed.status == .forbidden && replayed.session == nil)
            let audit = try #require(try await Self.lastAudit(app, "sign-in-refused"))
            #expect(audit.after?.contains("invalid_grant") == true)
        }
    }

    @Test("A sign-in left at the provider for more than ten minutes has lapsed")
    func lapsed() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider), on: app)
            try await app.makeUser("ulla@stockholm.se", role: .reader)
            try await Self.setClaims(provider, "ulla", ["email": .string("ulla@stockholm.se")], app: app)
            let answer = try await Self.begin(app, sub: "ulla")
            let request = try #require(try await SignInRequest.query(on: app.db).first())
            request.createdAt = Date().addingTimeInterval(-SignInRequest.lifetime - 5)
            try await request.save(on: app.db)
            let late = try await Self.finish(app, answer)
            #expect(late.status == .badRequest && late.session == nil)
            // The same, a minute younger, would have been taken: the comparison is what refused it.
            request.createdAt = Date().addingTimeInterval(-SignInRequest.lifetime + 60)
            try await request.save(on: app.db)
            #expect(try await Self.finish(app, answer).status == .seeOther)
        }
    }

    /// An ID token straight from the provider, for a client and nonce of the test's choosing.
    static func token(_ provider: OIDCTestProvider, app: Application, client: String, nonce: String) async throws
        -> String
    {
        let redirect = "http://127.0.0.1:8089/cb"
        var authorize = URLComponents(string: provider.issuer + "/oauth2/authorize")
        authorize?.queryItems = [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: client),
            .init(name: "redirect_uri", value: redirect), .init(name: "scope", value: "openid email"),
            .init(name: "nonce", value: nonce),
        ]
        let consent = try await app.client.post(URI(string: authorize?.url?.absoluteString ?? "")) { request in
            try request.content.encode(["sub": "eve@stockholm.se"], as: .urlEncodedForm)
        }
        let code = (consent.headers.first(name: .location) ?? "").components(separatedBy: "code=").last ?? ""
        let tokens = try await app.client.post(URI(string: provider.issuer + "/oauth2/token")) { request in
            request.headers.basicAuthorization = .init(username: client, password: "secret")
            try request.content.encode(
                ["grant_type": "authorization_code", "code": code, "redirect_uri": redirect], as: .urlEncodedForm)
        }
        struct Tokens: Decodable { let id_token: String }
        return try tokens.content.decode(Tokens.self, using: JSONDecoder()).id_token
    }

    static func refusal(_ body: () async throws -> Void) async -> SignInRefusal? {
        do {
            try await body()
            return nil
        } catch {
            return error as? SignInRefusal
        }
    }

    @Test(
        "ID tokens for another audience, expired, with another nonce, unsigned or signed with another key are refused")
    func forgedTokens() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider), on: app)
            let verifier = try #require(app.oidcProvider)
            let client = app.client
            let good = try await Self.token(provider, app: app, client: Self.clientID, nonce: "n-1")
            let claims = try await verifier.verify(good, nonce: "n-1", using: client)
            #expect(claims["sub"] == .string("eve@stockholm.se"))

            let other = try await Self.token(provider, app: app, client: "another-app", nonce: "n-1")
            let audience = await Self.refusal { _ = try await verifier.verify(other, nonce: "n-1", using: client) }
            #expect(audience?.reason.contains("another audience") == true)

            let expired = await Self.refusal {
                _ = try await verifier.verify(good, nonce: "n-1", using: client, now: Date().addingTimeInterval(7200))
            }
            #expect(expired?.reason == "the ID token has expired")

            let nonce = await Self.refusal { _ = try await verifier.verify(good, nonce: "n-2", using: client) }
            #expect(nonce?.reason.contains("nonce") == true)

            // alg none: the provider's own claims, no signature.
            let parts = good.split(separator: ".")
            let none =
                OIDCProvider.base64URLEncoded(Data("{\"alg\":\"none\",\"typ\":\"JWT\"}".utf8)) + "." + parts[1] + "."
            let unsigned = await Self.refusal { _ = try await verifier.verify(none, nonce: "n-1", using: client) }
            #expect(unsigned?.reason == "the ID token is signed with none, not RS256")

            // The same claims signed with a key of the attacker's.
            let keys = JWTKeyCollection()
            try await keys.add(rsa: try Insecure.RSA.PrivateKey(pem: Self.freshRSAKey()), digestAlgorithm: .sha256)
            let forged = try await keys.sign(
                ForgedClaims(
                    iss: provider.issuer, aud: Self.clientID, sub: "admin@stockholm.se",
                    exp: Date().addingTimeInterval(600).timeIntervalSince1970, nonce: "n-1"))
            let signature = await Self.refusal { _ = try await verifier.verify(forged, nonce: "n-1", using: client) }
            #expect(signature?.reason == "the ID token's signature does not match the provider's keys")
        }
    }

    struct ForgedClaims: JWTPayload {
        let iss: String
        let aud: String
        let sub: String
        let exp: Double
        let nonce: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A new 2048-bit RSA key, made by OpenSSL, as an attacker would make one.
    static func freshRSAKey() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pem = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: pem, as: UTF8.self)
    }

    @Test("After the provider changes its signing key, sign-ins go on with the new one")
    func keyRotation() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider), on: app)
            try await app.makeUser("cilla@stockholm.se", role: .reader)
            try await Self.setClaims(provider, "cilla", ["email": .string("cilla@stockholm.se")], app: app)
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "cilla")).status == .seeOther)
            provider.stop()
            try await provider.start()
            try await Self.setClaims(provider, "cilla", ["email": .string("cilla@stockholm.se")], app: app)
            let after = try await Self.finish(app, try await Self.begin(app, sub: "cilla"))
            #expect(after.status == .seeOther && after.session != nil)
        }
    }

    @Test("Groups give the role and bodies, accounts are made just in time, and nobody in no group gets in")
    func groupsAndJustInTime() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            let table = try GroupRoleMap.read(
                "Skillnad-Rinkeby;editor;rinkeby-kista-stadsdelsnamnd\nSkillnad-Admin;admin;\n")
            Self.use(Self.settings(provider, createUsers: true, groups: table), on: app)
            try await Self.setClaims(
                provider, "dan",
                [
                    "email": .string("dan@stockholm.se"), "name": .string("Dan D"),
                    "groups": .array([.string("Skillnad-Rinkeby")]),
                ],
                app: app)
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "dan")).status == .seeOther)
            let dan = try await app.user("dan@stockholm.se")
            #expect(dan.roleValue == .editor && dan.name == "Dan D")
            #expect(try await UserAdmin.bodySlugs(dan, on: app.db) == ["rinkeby-kista-stadsdelsnamnd"])
            // Moved to the administrators' group at the provider: the next sign-in says so here.
            try await Self.setClaims(
                provider, "dan", ["email": .string("dan@stockholm.se"), "groups": .array([.string("Skillnad-Admin")])],
                app: app)
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "dan")).status == .seeOther)
            #expect(try await app.user("dan@stockholm.se").roleValue == .admin)
            // Out of every group: refused.
            try await Self.setClaims(provider, "dan", ["email": .string("dan@stockholm.se")], app: app)
            let out = try await Self.finish(app, try await Self.begin(app, sub: "dan"))
            #expect(out.status == .forbidden && out.session == nil)
            #expect(out.body.contains("Ingen av dina grupper"))
            // And the account, admin until now, is switched off rather than left with its role.
            #expect(try await app.user("dan@stockholm.se").active == false)
        }
    }

    @Test("Matched by personal identity number, which is kept only as a keyed hash")
    func personalIdentityNumber() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider, match: .personalIdentityNumber, createUsers: true), on: app)
            let number = "198112189876"
            try await Self.setClaims(
                provider, "p1",
                [OIDCSettings.personalIdentityNumberClaim: .string(number), "email": .string("eva@stockholm.se")],
                app: app)
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "p1")).status == .seeOther)
            let link = try #require(try await ExternalIdentity.query(on: app.db).first())
            #expect(link.subjectKey == Secrets.keyedHash(number, key: String(repeating: "k", count: 40)))
            let audit = try await AuditEvent.query(on: app.db).all()
            let users = try await User.query(on: app.db).all()
            let stored = audit.map { "\($0.actor) \($0.objectID ?? "") \($0.after ?? "")" } + users.map(\.email)
            #expect(!stored.contains { $0.contains(number) })
            // The same number signs in as the same account again.
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "p1")).status == .seeOther)
            #expect(try await ExternalIdentity.query(on: app.db).count() == 1)
        }
    }

    @Test("With passwords switched off staff are refused a password; association administrators keep theirs")
    func passwordsOff() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            Self.use(Self.settings(provider, localPasswords: false), on: app)
            try await app.makeUser("gun@stockholm.se", role: .admin)
            try await app.makeUser("forening@example.org", role: .association)
            let page = try await app.get("/login")
            #expect(page.body.contains("/login/oidc") && page.body.contains("Föreningsadministratörer loggar in"))
            let staff = try await app.loginAttempt("gun@stockholm.se", Application.testPassword)
            #expect(staff.status == .forbidden)
            #expect(staff.body.contains("Kommunens medarbetare loggar in med kommunens konto"))
            #expect(!staff.setCookie.contains(AuthMiddleware.cookieName + "="))
            let association = try await app.loginAttempt("forening@example.org", Application.testPassword)
            #expect(association.status == .seeOther)
        }
    }

    @Test("An address is not taken over: unverified e-mail, or an association administrator's own account")
    func noTakeover() async throws {
        let provider = try await OIDCTestProvider()
        defer { provider.stop() }
        try await withTestApp { app in
            // A provider that does not vouch for addresses: only `email_verified: true` counts.
            Self.use(Self.settings(provider, createUsers: true, trustEmail: false), on: app)
            try await app.makeUser("hanna@stockholm.se", role: .admin)
            try await Self.setClaims(provider, "mallory", ["email": .string("hanna@stockholm.se")], app: app)
            let unverified = try await Self.finish(app, try await Self.begin(app, sub: "mallory"))
            #expect(unverified.status == .badRequest && unverified.session == nil)
            #expect(try await Self.lastAudit(app, "sign-in-refused")?.after?.contains("not verified") == true)
            // Someone signed up as an association administrator with a staff member's address
            // beforehand: the staff member's first sign-in does not land in that account.
            try await app.makeUser("nyanstalld@stockholm.se", role: .association)
            try await Self.setClaims(
                provider, "nyanstalld",
                ["email": .string("nyanstalld@stockholm.se"), "email_verified": .bool(true)], app: app)
            let squatted = try await Self.finish(app, try await Self.begin(app, sub: "nyanstalld"))
            #expect(squatted.status == .forbidden && squatted.session == nil)
            #expect(try await ExternalIdentity.query(on: app.db).count() == 0)
            // A verified address links to the staff account, and the password it had stops working.
            try await Self.setClaims(
                provider, "hanna", ["email": .string("hanna@stockholm.se"), "email_verified": .bool(true)], app: app)
            #expect(try await Self.finish(app, try await Self.begin(app, sub: "hanna")).status == .seeOther)
            let password = try await app.loginAttempt("hanna@stockholm.se", Application.testPassword)
            #expect(password.status == .unauthorized)
        }
    }

}

@Suite("The sign-in tests' provider")
struct OIDCProviderPresenceTests {
    @Test("Where CI requires the real provider, it is there: the sign-in tests must not skip silently")
    func presentWhenRequired() {
        if ProcessInfo.processInfo.environment["SKILLNAD_REQUIRE_PROVIDERS"] == "1" {
            #expect(OIDCTestProvider.isAvailable, "SKILLNAD_OIDC_PROVIDER must name oidc-provider-mock")
            #expect(SAMLTestIdP.metadata != nil, "SKILLNAD_SAML_IDP must name the SAML identity provider's metadata")
        }
    }
}

@Suite("Sign-in settings")
struct SignInSettingsTests {
    @Test("Every setting that cannot work is named at once, by its variable")
    func problemsNamed() {
        let environment = [
            "SKILLNAD_LOCAL_PASSWORDS": "maybe", "SKILLNAD_OIDC_ISSUER": "http://idp.example.se",
            "SKILLNAD_OIDC_MATCH": "personal-identity-number", "SKILLNAD_IDENTITY_KEY": "short",
        ]
        do {
            _ = try SignInSettings.read(environment)
            Issue.record("the settings were accepted")
        } catch let error as SignInSettings.Problems {
            let text = error.description
            for name in [
                "SKILLNAD_LOCAL_PASSWORDS must be on or off", "SKILLNAD_OIDC_ISSUER must be an https address",
                "SKILLNAD_OIDC_CLIENT_ID is needed", "SKILLNAD_OIDC_CLIENT_SECRET is needed",
                "SKILLNAD_PUBLIC_URL is needed", "SKILLNAD_IDENTITY_KEY",
            ] {
                #expect(text.contains(name), "\(name) is not named in: \(text)")
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("SAML matched on e-mail the provider does not vouch for would refuse everyone, so it stops the start")
    func samlEmailNeedsTrust() throws {
        let metadata = FileManager.default.temporaryDirectory.appendingPathComponent("idp-\(UUID().uuidString).xml")
        try Data("<EntityDescriptor/>".utf8).write(to: metadata)
        defer { try? FileManager.default.removeItem(at: metadata) }
        let environment = [
            "SKILLNAD_SAML_IDP_METADATA": metadata.path, "SKILLNAD_PUBLIC_URL": "https://skillnad.example.se",
        ]
        #expect {
            try SignInSettings.read(environment)
        } throws: { error in
            String(describing: error).contains("SKILLNAD_SAML_TRUST_EMAIL=on")
        }
        var trusted = environment
        trusted["SKILLNAD_SAML_TRUST_EMAIL"] = "on"
        #expect(try SignInSettings.read(trusted).saml?.trustEmail == true)
        var byNameID = environment
        byNameID["SKILLNAD_SAML_MATCH"] = "nameid"
        #expect(try SignInSettings.read(byNameID).saml?.match == .subject)
    }

    @Test("Passwords off with no provider would lock everyone out, so it is refused")
    func passwordsOffNeedsProvider() throws {
        #expect(throws: SignInSettings.Problems.self) { try SignInSettings.read(["SKILLNAD_LOCAL_PASSWORDS": "off"]) }
        #expect(try SignInSettings.read([:]).localPasswords)
    }
}
