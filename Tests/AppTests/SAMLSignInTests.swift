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

    @Test("Malformed posts are refused, and the server stays up")
    func malformed() async throws {
        try await withTestApp { app in
            Self.use(on: app)
            let (_, cookie) = try await Self.signInAtProvider(app, user: "bob")
            let bogus = Data("<?xml version='1.0' encoding='bogus'?><a/>".utf8).base64EncodedString()
            for body in ["", "AA==", "IA==", "YWJj", bogus, "not base64 at all!"] {
                let answer = try await Self.post(app, response: body, cookie: cookie)
                #expect(answer.status == .badRequest && answer.session == nil, "\(body)")
            }
            #expect(try await app.get("/healthz").status == .ok)
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
            // The provider's certificate is the only key: a real certificate of someone else's
            // loads, and verifies nothing.
            let other = try SAMLInputTests.freshCertificate()
            let refusal = reason {
                _ = try SAMLResponseReader.read(try #require(Data(base64Encoded: response)), certificates: [other])
            }
            #expect(refusal?.contains("signature invalid") == true, "\(refusal ?? "accepted")")
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

/// What reaches the SAML code from outside, read without a provider: nothing malformed crashes
/// the reader, and values are read the way ADFS and Entra ID write them.
@Suite("SAML input")
struct SAMLInputTests {
    /// A new self-signed certificate, made by OpenSSL.
    static func freshCertificate() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=someone-else",
            "-keyout", folder.appendingPathComponent("key.pem").path, "-out",
            folder.appendingPathComponent("cert.pem").path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try String(contentsOf: folder.appendingPathComponent("cert.pem"), encoding: .utf8)
    }

    @Test("Empty, binary, rootless and wrongly encoded bytes are refused, never crash")
    func malformedBytes() throws {
        let certificate = try Self.freshCertificate()
        let inputs: [Data] = [
            Data(), Data([0]), Data(" ".utf8), Data("abc".utf8),
            Data("<?xml version='1.0' encoding='bogus'?><a/>".utf8),
            Data("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>".utf8),
        ]
        for input in inputs {
            #expect(SAMLXML.check(input) != nil)
            #expect(SAMLResponseReader.status(input) == nil)
            #expect(throws: SignInRefusal.self) { try SAMLResponseReader.read(input, certificates: [certificate]) }
            #expect(throws: SignInRefusal.self) { try SAMLIdentityProviderMetadata.read(input) }
        }
    }

    static let defaultNamespace = """
        <Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0">\
        <Issuer>https://adfs.example.se/adfs/services/trust</Issuer>\
        <Subject><NameID>anna@example.se</NameID><SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
        <SubjectConfirmationData InResponseTo="_r1" NotOnOrAfter="2030-01-01T00:05:00Z" \
        Recipient="https://skillnad.example.se/login/saml/acs"/></SubjectConfirmation></Subject>\
        <Conditions NotBefore="2030-01-01T00:00:00Z" NotOnOrAfter="2030-01-01T01:00:00Z">\
        <AudienceRestriction><Audience>https://skillnad.example.se/login/saml/metadata</Audience></AudienceRestriction>\
        </Conditions><AttributeStatement><Attribute Name="mail"><AttributeValue>anna@example.se</AttributeValue>\
        </Attribute><Attribute Name="groups"><AttributeValue>a</AttributeValue><AttributeValue>b</AttributeValue>\
        </Attribute></AttributeStatement></Assertion>
        """

    @Test("An assertion in the default namespace, as ADFS and Entra ID write it, reads whole")
    func defaultNamespace() throws {
        let assertion = try SAMLResponseReader.assertion(in: Data(Self.defaultNamespace.utf8))
        #expect(assertion.id == "_a1" && assertion.inResponseTo == "_r1" && assertion.bearer)
        #expect(assertion.recipient == "https://skillnad.example.se/login/saml/acs")
        #expect(assertion.audienceRestrictions == [["https://skillnad.example.se/login/saml/metadata"]])
        #expect(assertion.attributes["groups"] == ["a", "b"] && assertion.attributes["mail"] == ["anna@example.se"])
        #expect(assertion.notOnOrAfter == SAMLResponseReader.date("2030-01-01T01:00:00Z"))
        try SAMLResponseReader.check(
            assertion, issuer: "https://adfs.example.se/adfs/services/trust",
            audience: "https://skillnad.example.se/login/saml/metadata",
            recipient: "https://skillnad.example.se/login/saml/acs",
            now: SAMLResponseReader.date("2030-01-01T00:01:00Z") ?? Date())
    }

    @Test("Only the conditions' audience restrictions count, every one of them")
    func audiences() throws {
        let audience = "https://skillnad.example.se/login/saml/metadata"
        let proxied = Self.defaultNamespace.replacingOccurrences(
            of: "<AudienceRestriction><Audience>\(audience)</Audience></AudienceRestriction>",
            with: "<AudienceRestriction><Audience>https://other.example</Audience></AudienceRestriction>"
                + "<ProxyRestriction><Audience>\(audience)</Audience></ProxyRestriction>")
        let twice = Self.defaultNamespace.replacingOccurrences(
            of: "</AudienceRestriction>",
            with:
                "</AudienceRestriction><AudienceRestriction><Audience>https://other.example</Audience></AudienceRestriction>"
        )
        for xml in [proxied, twice] {
            let assertion = try SAMLResponseReader.assertion(in: Data(xml.utf8))
            #expect(throws: SignInRefusal.self) {
                try SAMLResponseReader.check(
                    assertion, issuer: "https://adfs.example.se/adfs/services/trust", audience: audience,
                    recipient: "https://skillnad.example.se/login/saml/acs",
                    now: SAMLResponseReader.date("2030-01-01T00:01:00Z") ?? Date())
            }
        }
    }

    static func entity(_ id: String, certificate: String, use: String = "signing") -> String {
        """
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="\(id)">\
        <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\
        <md:KeyDescriptor use="\(use)"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>\
        <ds:X509Certificate>\(certificate)</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\
        <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" \
        Location="https://idp.example.se/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>
        """
    }

    @Test("Metadata of one identity provider reads; a federation's list, or only an encryption key, is refused")
    func metadata() throws {
        let one = try SAMLIdentityProviderMetadata.read(
            Data(Self.entity("https://idp.example.se", certificate: "QUJD").utf8))
        #expect(one.entityID == "https://idp.example.se" && one.singleSignOn == "https://idp.example.se/sso")
        #expect(one.certificates == [SAMLIdentityProviderMetadata.pem("QUJD")])
        let federation =
            "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
            + Self.entity("https://a.example", certificate: "QUJD")
            + Self.entity("https://b.example", certificate: "REVG")
            + "</md:EntitiesDescriptor>"
        #expect(throws: SignInRefusal.self) { try SAMLIdentityProviderMetadata.read(Data(federation.utf8)) }
        let encryption = Self.entity("https://idp.example.se", certificate: "QUJD", use: "encryption")
        #expect(throws: SignInRefusal.self) { try SAMLIdentityProviderMetadata.read(Data(encryption.utf8)) }
    }

    @Test("Only the assertion consumer takes posts without Skillnad's CSRF token")
    func identityProviderRule() async throws {
        try await withTestApp { app in
            let open = app.routes.all.filter { $0.rule == .identityProvider }.map { "\($0.method) \($0.path.string)" }
            #expect(open == ["POST login/saml/acs"])
        }
    }
}
