import CSAMLVerify
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A SAML Response as Skillnad accepts it (SAML-svar): its signature verified by libxmlsec1 against
/// the identity provider's own certificate (never a key the document brings), exactly one
/// assertion, and every value read from the bytes that were signed, so nothing wrapped around the
/// signed assertion is ever read.
enum SAMLResponseReader {
    struct Assertion: Sendable {
        let id: String
        let issuer: String?
        let nameID: String?
        let hasConditions: Bool
        /// Each AudienceRestriction's audiences: Skillnad must be in every one.
        let audienceRestrictions: [[String]]
        let notBefore: Date?
        let notOnOrAfter: Date?
        let bearer: Bool
        let recipient: String?
        let inResponseTo: String?
        let confirmationNotOnOrAfter: Date?
        let attributes: [String: [String]]
    }

    /// What the identity provider said, read from the signed bytes.
    static func read(_ response: Data, certificates: [String]) throws -> Assertion {
        var failures: [String] = []
        for certificate in certificates {
            switch verify(response, certificate: certificate) {
            case .success(let signed): return try assertion(in: signed)
            case .failure(let reason): failures.append(reason)
            }
        }
        throw SignInRefusal(.invalidToken, "the SAML response does not verify: " + failures.joined(separator: "; "))
    }

    /// The response's status, which lies outside the signature: read only to refuse.
    static func status(_ response: Data) -> String? {
        var value = [CChar](repeating: 0, count: 256)
        let code = response.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return -1 }
            return saml_response_status(base, raw.count, &value, value.count)
        }
        guard code == 0 else { return nil }
        return String(decoding: value.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func verify(_ response: Data, certificate: String) -> Result<Data, String> {
        var result = saml_verify_result()
        defer { saml_xmlsec_result_free(&result) }
        let code = response.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.bindMemory(to: CChar.self).baseAddress else { return -1 }
            return certificate.utf8CString.withUnsafeBufferPointer { pem in
                guard let pemBase = pem.baseAddress else { return -1 }
                return saml_xmlsec_verify_response(base, raw.count, pemBase, pem.count - 1, &result)
            }
        }
        guard code == 0, result.ok == 1, let signed = result.signed_xml else {
            let reason = withUnsafeBytes(of: &result.error) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            return .failure(reason.isEmpty ? "not verified" : reason)
        }
        return .success(Data(bytes: signed, count: result.signed_xml_len))
    }

    /// The assertion in the bytes that were signed: the assertion itself, or the response
    /// around exactly one.
    static func assertion(in signed: Data) throws -> Assertion {
        let root = try SAMLXML.root(signed, what: "the signed part of the SAML response")
        let found = root.localName == "Assertion" ? [root] : SAMLXML.elements(root, "Assertion")
        guard found.count == 1, let assertion = found.first, assertion.uri == SAMLXML.assertionNamespace,
            let id = SAMLXML.attribute(assertion, "ID")
        else {
            throw SignInRefusal(.invalidToken, "the signed part holds no single assertion")
        }
        func child(_ parent: XMLElement?, _ name: String) -> XMLElement? {
            SAMLXML.children(parent, name).first
        }
        let subject = child(assertion, "Subject")
        let confirmation = child(subject, "SubjectConfirmation")
        let data = child(confirmation, "SubjectConfirmationData")
        let conditions = child(assertion, "Conditions")
        // Only Conditions/AudienceRestriction/Audience: not a ProxyRestriction's audiences.
        let restrictions = SAMLXML.children(conditions, "AudienceRestriction").map { restriction in
            SAMLXML.children(restriction, "Audience").compactMap(SAMLXML.text)
        }
        var attributes: [String: [String]] = [:]
        for statement in SAMLXML.children(assertion, "AttributeStatement") {
            for attribute in SAMLXML.children(statement, "Attribute") {
                guard let name = SAMLXML.attribute(attribute, "Name") else { continue }
                attributes[name, default: []] += SAMLXML.children(attribute, "AttributeValue").compactMap(SAMLXML.text)
            }
        }
        return Assertion(
            id: id, issuer: SAMLXML.text(child(assertion, "Issuer")), nameID: SAMLXML.text(child(subject, "NameID")),
            hasConditions: conditions != nil, audienceRestrictions: restrictions,
            notBefore: try time(SAMLXML.attribute(conditions, "NotBefore")),
            notOnOrAfter: try time(SAMLXML.attribute(conditions, "NotOnOrAfter")),
            bearer: SAMLXML.attribute(confirmation, "Method") == "urn:oasis:names:tc:SAML:2.0:cm:bearer",
            recipient: SAMLXML.attribute(data, "Recipient"), inResponseTo: SAMLXML.attribute(data, "InResponseTo"),
            confirmationNotOnOrAfter: try time(SAMLXML.attribute(data, "NotOnOrAfter")), attributes: attributes)
    }

    /// A time the assertion states; one it states but that cannot be read refuses the assertion.
    private static func time(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = date(text) else {
            throw SignInRefusal(.invalidToken, "the assertion has a time that cannot be read")
        }
        return date
    }

    /// The checks the SAML web browser SSO profile asks of a service provider.
    static func check(
        _ assertion: Assertion, issuer: String, audience: String, recipient: String, now: Date = Date(),
        skew: TimeInterval = 120
    ) throws {
        guard assertion.issuer == issuer else {
            throw SignInRefusal(.invalidToken, "the assertion is from another issuer (\(assertion.issuer ?? "none"))")
        }
        guard assertion.hasConditions, !assertion.audienceRestrictions.isEmpty,
            assertion.audienceRestrictions.allSatisfy({ $0.contains(audience) })
        else {
            throw SignInRefusal(.invalidToken, "the assertion is for another audience")
        }
        if let notBefore = assertion.notBefore, now.addingTimeInterval(skew) < notBefore {
            throw SignInRefusal(.invalidToken, "the assertion is not valid yet")
        }
        guard let notOnOrAfter = assertion.notOnOrAfter ?? assertion.confirmationNotOnOrAfter else {
            throw SignInRefusal(.invalidToken, "the assertion states no end of its validity")
        }
        guard now.addingTimeInterval(-skew) < notOnOrAfter,
            now.addingTimeInterval(-skew) < (assertion.confirmationNotOnOrAfter ?? notOnOrAfter)
        else {
            throw SignInRefusal(.invalidToken, "the assertion has expired")
        }
        guard assertion.bearer, assertion.recipient == recipient else {
            throw SignInRefusal(.invalidToken, "the assertion is not a bearer assertion for this service")
        }
    }

    static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
