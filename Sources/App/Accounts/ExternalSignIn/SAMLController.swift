import Foundation
import SkillnadCore
import Vapor

/// Signing in through the municipality's SAML identity provider (Web Browser SSO): an
/// AuthnRequest over HTTP-Redirect, the signed answer posted back to the assertion consumer
/// service, and the service provider's own metadata for the provider's administrators.
enum SAMLController {
    static func entityID(_ settings: SignInSettings) -> String {
        settings.publicURL + SiteURL.Accounts.samlMetadata.path
    }
    static func consumer(_ settings: SignInSettings) -> String {
        settings.publicURL + SiteURL.Accounts.samlConsumer.path
    }

    /// `GET /login/saml`: sends the person to the identity provider.
    static func start(_ req: Request) async throws -> Response {
        guard let provider = req.application.samlProvider else { throw Abort(.notFound) }
        try req.chargeUncachedWork()
        let settings = req.application.signInSettings
        let idp: SAMLIdentityProviderMetadata
        do {
            idp = try await provider.metadata(using: req.client)
        } catch let refusal as SignInRefusal {
            return try await ExternalSignIn.refuse(req, refusal, method: "saml")
        }
        // An XML ID must not begin with a digit or a hyphen.
        let request = try await SignInRequest.open(
            method: "saml", handle: "_" + Secrets.random(),
            next: AccountController.safeNext(req.query[String.self, at: "next"]), on: req.db)
        let xml = authnRequest(
            id: request.handle, issuer: entityID(settings), destination: idp.singleSignOn,
            consumer: consumer(settings), at: Date())
        guard var components = URLComponents(string: idp.singleSignOn) else { throw Abort(.internalServerError) }
        let existing = components.queryItems ?? []
        components.queryItems =
            existing + [
                URLQueryItem(name: "SAMLRequest", value: Data(RawDeflate.stored(Array(xml.utf8))).base64EncodedString())
            ]
        // `+` and `/` of base64 must reach the provider as themselves.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let address = components.url?.absoluteString else { throw Abort(.internalServerError) }
        let res = req.redirect(to: address, redirectType: .normal)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        res.cookies[ExternalSignIn.cookieName] = ExternalSignIn.requestCookie(req, request.handle, postedBack: true)
        return res
    }

    struct ConsumerForm: Content {
        var SAMLResponse: String?
        var RelayState: String?
    }

    /// `POST /login/saml/acs`: the identity provider's signed answer.
    static func consume(_ req: Request) async throws -> Response {
        guard let provider = req.application.samlProvider else { throw Abort(.notFound) }
        try req.chargeUncachedWork()
        return try await ExternalSignIn.refusing(req, method: "saml") { try await finish(req, provider: provider) }
    }

    private static func finish(_ req: Request, provider: SAMLIdentityProvider) async throws -> Response {
        let settings = req.application.signInSettings
        guard let saml = settings.saml else { throw Abort(.notFound) }
        let form = try req.content.decode(ConsumerForm.self)
        guard let encoded = form.SAMLResponse, encoded.count <= 1 << 20,
            let response = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
        else {
            throw SignInRefusal(.invalidToken, "the post holds no SAMLResponse in base64")
        }
        if let status = SAMLResponseReader.status(response), status != "urn:oasis:names:tc:SAML:2.0:status:Success" {
            throw SignInRefusal(.providerRefused, "the identity provider answered \(status.prefix(120))")
        }
        let idp = try await provider.metadata(using: req.client)
        let assertion = try SAMLResponseReader.read(response, certificates: idp.certificates)
        let cookie = req.cookies[ExternalSignIn.cookieName]?.string ?? ""
        // Login CSRF: the signed answer must be to the request this browser sent.
        guard let answering = assertion.inResponseTo, !cookie.isEmpty, Secrets.constantTimeEqual(answering, cookie)
        else {
            throw SignInRefusal(.notThisBrowser, "the assertion answers no request of this browser")
        }
        try SAMLResponseReader.check(
            assertion, issuer: idp.entityID, audience: entityID(settings), recipient: consumer(settings))
        guard let request = try await SignInRequest.take(answering, method: "saml", on: req.db) else {
            throw SignInRefusal(.usedOrLapsed, "the sign-in request is unknown, lapsed or already used")
        }
        request.assertionID = assertion.id
        try await request.save(on: req.db)
        let person = try ExternalSignIn.person(
            assertion, saml, entityID: idp.entityID, identityKey: settings.identityKey)
        let res = try await ExternalSignIn.signIn(
            req, person, method: "saml", next: request.next ?? SiteURL.Accounts.account.link(Lang.of(req)))
        res.cookies[ExternalSignIn.cookieName] = ExternalSignIn.expiredCookie(req)
        return res
    }

    /// `GET /login/saml/metadata`: Skillnad as a service provider, for the identity provider's administrators.
    static func metadata(_ req: Request) async throws -> Response {
        guard req.application.samlProvider != nil else { throw Abort(.notFound) }
        let settings = req.application.signInSettings
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="\(escaped(entityID(settings)))">
              <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" \
            protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" \
            Location="\(escaped(consumer(settings)))" index="0" isDefault="true"/>
              </md:SPSSODescriptor>
            </md:EntityDescriptor>

            """
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/samlmetadata+xml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    static func authnRequest(id: String, issuer: String, destination: String, consumer: String, at time: Date) -> String
    {
        let instant = ISO8601DateFormatter().string(from: time)
        return """
            <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
            xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="\(escaped(id))" Version="2.0" \
            IssueInstant="\(instant)" Destination="\(escaped(destination))" \
            AssertionConsumerServiceURL="\(escaped(consumer))" \
            ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">\
            <saml:Issuer>\(escaped(issuer))</saml:Issuer>\
            <samlp:NameIDPolicy AllowCreate="true"/></samlp:AuthnRequest>
            """
    }

    /// Text for the XML Skillnad writes, escaped as every XML writer of the project escapes it.
    static func escaped(_ text: String) -> String { AtomFeedWriter.escape(text) }
}

/// DEFLATE (RFC 1951) without compression: stored blocks, which every inflater reads. The
/// HTTP-Redirect binding asks for deflated requests; an AuthnRequest is a few hundred bytes.
enum RawDeflate {
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        repeat {
            let length = min(65535, bytes.count - start)
            let final: UInt8 = start + length >= bytes.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff)]
            out += bytes[start..<(start + length)]
            start += length
        } while start < bytes.count
        return out
    }
}
