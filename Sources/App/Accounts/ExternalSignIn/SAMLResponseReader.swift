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
        let audiences: [String]
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
        guard let document = try? SAMLXML.document(response, what: "the SAML response") else { return nil }
        return SAMLXML.attribute(SAMLXML.elements(document, "StatusCode").first, "Value")
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

    private static func assertion(in signed: Data) throws -> Assertion {
        let document = try SAMLXML.document(signed, what: "the signed part of the SAML response")
        guard let root = document.rootElement() else { throw SignInRefusal(.invalidToken, "nothing was signed") }
        // The assertion itself was signed, or the whole response around exactly one assertion.
        let found = root.localName == "Assertion" ? [root] : SAMLXML.elements(root, "Assertion")
        guard found.count == 1, let assertion = found.first, assertion.uri == SAMLXML.assertionNamespace,
            let id = SAMLXML.attribute(assertion, "ID")
        else {
            throw SignInRefusal(.invalidToken, "the signed part holds no single assertion")
        }
        func child(_ parent: XMLElement?, _ name: String) -> XMLElement? {
            parent?.children?.compactMap { $0 as? XMLElement }.first { $0.localName == name }
        }
        let subject = child(assertion, "Subject")
        let confirmation = child(subject, "SubjectConfirmation")
        let data = child(confirmation, "SubjectConfirmationData")
        let conditions = child(assertion, "Conditions")
        var attributes: [String: [String]] = [:]
        for attribute in SAMLXML.elements(assertion, "Attribute") {
            guard let name = SAMLXML.attribute(attribute, "Name") else { continue }
            let values = (attribute.children ?? []).compactMap { $0 as? XMLElement }
                .filter { $0.localName == "AttributeValue" }.compactMap(SAMLXML.text)
            attributes[name, default: []] += values
        }
        return Assertion(
            id: id, issuer: SAMLXML.text(child(assertion, "Issuer")), nameID: SAMLXML.text(child(subject, "NameID")),
            audiences: SAMLXML.elements(conditions ?? assertion, "Audience").compactMap(SAMLXML.text),
            notBefore: date(SAMLXML.attribute(conditions, "NotBefore")),
            notOnOrAfter: date(SAMLXML.attribute(conditions, "NotOnOrAfter")),
            bearer: SAMLXML.attribute(confirmation, "Method") == "urn:oasis:names:tc:SAML:2.0:cm:bearer",
            recipient: SAMLXML.attribute(data, "Recipient"), inResponseTo: SAMLXML.attribute(data, "InResponseTo"),
            confirmationNotOnOrAfter: date(SAMLXML.attribute(data, "NotOnOrAfter")), attributes: attributes)
    }

    /// The checks the SAML web browser SSO profile asks of a service provider.
    static func check(
        _ assertion: Assertion, issuer: String, audience: String, recipient: String, now: Date = Date(),
        skew: TimeInterval = 120
    ) throws {
        guard assertion.issuer == issuer else {
            throw SignInRefusal(.invalidToken, "the assertion is from another issuer (\(assertion.issuer ?? "none"))")
        }
        guard assertion.audiences.contains(audience) else {
            throw SignInRefusal(.invalidToken, "the assertion is for another audience")
        }
        if let notBefore = assertion.notBefore, now.addingTimeInterval(skew) < notBefore {
            throw SignInRefusal(.invalidToken, "the assertion is not valid yet")
        }
        guard let notOnOrAfter = assertion.notOnOrAfter ?? assertion.confirmationNotOnOrAfter,
            now.addingTimeInterval(-skew) < notOnOrAfter,
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
