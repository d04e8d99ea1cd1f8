@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor
import VaporTesting

/// The identity provider the SAML tests use, by its metadata's address.
enum SAMLTestIdP {
    static let metadata = ProcessInfo.processInfo.environment["SKILLNAD_SAML_IDP"]

    /// Its scheme, host and port, where its own pages are.
    static var origin: String {
        guard let url = metadata.flatMap({ URL(string: $0) }), let scheme = url.scheme, let host = url.host else {
            return ""
        }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}

/// Signing in through a real SAML identity provider: SimpleSAMLphp from Debian, which `.ci/run`
/// starts (`.ci/saml-idp/start-idp.sh`) and names by its metadata in `SKILLNAD_SAML_IDP`. The
/// browser's steps are made as requests; the provider's pages and signatures are its own.
@Suite("Signing in through the municipality's SAML identity provider", .enabled(if: SAMLTestIdP.metadata != nil))
struct SAMLSignInTests {
    static var idp: String? { SAMLTestIdP.metadata }
    static let publicURL = "http://127.0.0.1:8089"

    static func use(on app: Application, match: IdentityMatch = .email, groups: GroupRoleMap? = nil) {
        app.http.client.configuration.redirectConfiguration = .disallow
        var settings = SignInSettings()
        settings.publicURL = publicURL
        settings.createUsers = true
        settings.groups = groups
        settings.saml = SAMLSettings(
            metadata: idp ?? "", match: match, emailAttribute: "mail", groupsAttribute: "groups", trustEmail: true)
        app.signInSettings = settings
        app.samlProvider = settings.saml.map { SAMLIdentityProvider(settings: $0) }
    }

    /// The browser at the provider: Skillnad's redirect, the provider's login form, and the page
    /// that would post the answer back. Returns the answer and the cookie the browser holds.
    static func signInAtProvider(_ app: Application, user: String) async throws -> (response: String, cookie: String) {
        var location = ""
        var cookie = ""
        try await app.testing().test(.GET, "/login/saml") { res in
            #expect(res.status == .seeOther)
            location = res.headers.first(name: .location) ?? ""
            cookie = res.headers.setCookie?[ExternalSignIn.cookieName]?.string ?? ""
        }
        var jar: [String: String] = [:]
        func remember(_ response: ClientResponse) {
            for (name, value) in response.headers.setCookie?.all ?? [:] { jar[name] = value.string }
        }
        func headers() -> HTTPHeaders {
            HTTPHeaders([("Cookie", jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))])
        }
        // The provider's single sign-on address sends the browser to its login form.
        var page = try await app.client.get(URI(string: location), headers: headers())
        remember(page)
        var hops = 0
        while let next = page.headers.first(name: .location), hops < 5 {
            let absolute = next.hasPrefix("http") ? next : SAMLTestIdP.origin + next
            page = try await app.client.get(URI(string: absolute), headers: headers())
            remember(page)
            hops += 1
        }
        let form = page.body.map { String(buffer: $0) } ?? ""
        let state = try #require(hidden("AuthState", in: form))
        let posted = try await app.client.post(
            URI(string: SAMLTestIdP.origin + "/module.php/core/loginuserpass.php"), headers: headers()
        ) { request in
            try request.content.encode(
                ["username": user, "password": "password", "AuthState": state], as: .urlEncodedForm)
        }
        let answer = posted.body.map { String(buffer: $0) } ?? ""
        return (try #require(hidden("SAMLResponse", in: answer)), cookie)
    }

    static func hidden(_ name: String, in html: String) -> String? {
        let pattern = "name=\"\(name)\"\\s+value=\"([^\"]*)\""
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
            let range = Range(match.range(at: 1), in: html)
        else { return nil }
        return String(html[range]).replacingOccurrences(of: "&#43;", with: "+")
            .replacingOccurrences(of: "&#x2B;", with: "+").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&quot;", with: "\"")
    }

    static func post(_ app: Application, response: String, cookie: String) async throws
        -> (status: HTTPStatus, session: String?, body: String)
    {
        var result: (HTTPStatus, String?, String) = (.internalServerError, nil, "")
        try await app.testing().test(
            .POST, "/login/saml/acs", headers: ["Cookie": "\(ExternalSignIn.cookieName)=\(cookie)"],
            beforeRequest: { request in
                try request.content.encode(["SAMLResponse": response], as: .urlEncodedForm)
            },
            afterResponse: { res in
                result = (res.status, res.headers.setCookie?[AuthMiddleware.cookieName]?.string, res.body.string)
            })
        return result
    }

    static func lastRefusal(_ app: Application) async throws -> String? {
        try await AuditEvent.query(on: app.db).filter(\.$action == "sign-in-refused").sort(\.$at, .descending)
            .first()?.after
    }

    /// The decoded answer changed by `change`, encoded again as the browser would post it.
    static func altered(_ response: String, _ change: (String) -> String) -> String {
        let xml = String(decoding: Data(base64Encoded: response) ?? Data(), as: UTF8.self)
        return Data(change(xml).utf8).base64EncodedString()
    }

    @Test("A person signs in at the provider, with groups giving the role; a replayed answer is refused")
    func signsIn() async throws {
        try await withTestApp { app in
            let table = try GroupRoleMap.read("admins;admin;\nstaff;reader;\n")
            Self.use(on: app, groups: table)
            let (response, cookie) = try await Self.signInAtProvider(app, user: "anna")
            let done = try await Self.post(app, response: response, cookie: cookie)
            #expect(done.status == .seeOther && done.session != nil)
            let anna = try await app.user("anna@example.org")
            #expect(anna.roleValue == .admin && anna.name == "Anna Andersson")
            let link = try await ExternalIdentity.query(on: app.db).first()
            #expect(link?.provider == "saml " + SAMLTestIdP.origin + "/saml2/idp/metadata.php")
            let again = try await Self.post(app, response: response, cookie: cookie)
            #expect(again.status == .badRequest && again.session == nil)
            #expect(try await Self.lastRefusal(app)?.contains("used-or-lapsed") == true)
            // Skillnad's own metadata, for the provider's administrators.
            let metadata = try await app.get("/login/saml/metadata")
            #expect(metadata.body.contains("entityID=\"http://127.0.0.1:8089/login/saml/metadata\""))
        }
    }

    @Test("A tampered assertion, a wrapped one, another browser's answer are refused and audited")
    func forgeries() async throws {
        try await withTestApp { app in
            Self.use(on: app)
            let (response, cookie) = try await Self.signInAtProvider(app, user: "bob")
            // Tampered: the address changed after signing.
            let tampered = Self.altered(response) {
                $0.replacingOccurrences(of: "bob@example.org", with: "anna@example.org")
            }
            let one = try await Self.post(app, response: tampered, cookie: cookie)
            #expect(one.status == .badRequest && one.session == nil)
            #expect(try await Self.lastRefusal(app)?.contains("does not verify") == true)
            // Wrapped: a second, unsigned assertion for someone else beside the signed one.
            let wrapped = Self.altered(response) { xml in
                guard let start = xml.range(of: "<saml:Assertion"), let end = xml.range(of: "</saml:Assertion>") else {
                    return xml
                }
                let signed = String(xml[start.lowerBound..<end.upperBound])
                let evil = signed.replacingOccurrences(of: "bob@example.org", with: "anna@example.org")
                    .replacingOccurrences(of: "ID=\"", with: "ID=\"evil")
                return xml.replacingCharacters(in: start.lowerBound..<start.lowerBound, with: evil)
            }
            let two = try await Self.post(app, response: wrapped, cookie: cookie)
            #expect(two.status == .badRequest && two.session == nil)
            #expect(try await Self.lastRefusal(app)?.contains("exactly one Assertion") == true)
            // Another browser (no cookie, or another one) cannot use the genuine answer.
            let three = try await Self.post(app, response: response, cookie: "someone-else")
            #expect(three.status == .badRequest && three.session == nil)
            #expect(try await Self.lastRefusal(app)?.contains("not-this-browser") == true)
            // The genuine one, in the right browser, still works: nothing above used it up.
            #expect(try await Self.post(app, response: response, cookie: cookie).status == .seeOther)
        }
    }

    @Test("An assertion for another audience, expired, or not yet valid fails the profile's checks")
    func profileChecks() async throws {
        try await withTestApp { app in
            Self.use(on: app)
            let (response, _) = try await Self.signInAtProvider(app, user: "bob")
            let provider = try #require(app.samlProvider)
            let idp = try await provider.metadata(using: app.client)
            let assertion = try SAMLResponseReader.read(
                try #require(Data(base64Encoded: response)), certificates: idp.certificates)
            let audience = "http://127.0.0.1:8089/login/saml/metadata"
            let recipient = "http://127.0.0.1:8089/login/saml/acs"
            try SAMLResponseReader.check(assertion, issuer: idp.entityID, audience: audience, recipient: recipient)
            func reason(_ body: () throws -> Void) -> String? {
                do {
                    try body()
                    return nil
                } catch {
                    return (error as? SignInRefusal)?.reason
                }
            }
            #expect(
                reason {
                    try SAMLResponseReader.check(
                        assertion, issuer: idp.entityID, audience: "https://other.example/sp", recipient: recipient)
                } == "the assertion is for another audience")
            #expect(
                reason {
                    try SAMLResponseReader.check(
                        assertion, issuer: idp.entityID, audience: audience, recipient: recipient,
                        now: Date().addingTimeInterval(900))
                } == "the assertion has expired")
            #expect(
                reason {
                    try SAMLResponseReader.check(
                        assertion, issuer: idp.entityID, audience: audience, recipient: recipient,
                        now: Date().addingTimeInterval(-900))
                } == "the assertion is not valid yet")
            #expect(
                reason {
                    try SAMLResponseReader.check(
                        assertion, issuer: "https://evil.example/idp", audience: audience, recipient: recipient)
                }?.hasPrefix("the assertion is from another issuer") == true)
            // The provider's certificate is the only key: another certificate verifies nothing.
            let other = idp.certificates.map { $0.replacingOccurrences(of: "A", with: "B") }
            #expect(throws: SignInRefusal.self) {
                _ = try SAMLResponseReader.read(try #require(Data(base64Encoded: response)), certificates: other)
            }
        }
    }
}

extension SAMLSignInTests {
    @Test("The sign-in page offers the identity provider")
    func signInPage() async throws {
        try await withTestApp { app in
            Self.use(on: app)
            let page = try await app.get("/login")
            #expect(page.body.contains("href=\"/login/saml\""))
            #expect(page.body.contains("Logga in med kommunens konto"))
        }
    }
}
