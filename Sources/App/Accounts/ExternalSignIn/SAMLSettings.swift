import Foundation

/// The municipality's SAML 2.0 identity provider (ADFS, Sweden Connect, …), as Skillnad is told
/// of it: its metadata, and which attribute says who a person is.
struct SAMLSettings: Sendable {
    /// A metadata file's path, or an https address to fetch it from.
    let metadata: String
    let match: IdentityMatch
    /// The attribute with the e-mail address (`mail`; Sweden Connect: `urn:oid:0.9.2342.19200300.100.1.3`).
    let emailAttribute: String
    let groupsAttribute: String
    /// Whether the e-mail attribute is the person's own (the municipality's directory).
    let trustEmail: Bool

    /// The attribute that holds a personal identity number in Sweden Connect's attribute profile.
    static let personalIdentityNumberAttribute = "urn:oid:1.2.752.29.4.13"
    static let nameAttribute = "displayName"

    static func read(_ value: (String) -> String?, problems: inout [String]) -> SAMLSettings? {
        guard let metadata = value("SKILLNAD_SAML_IDP_METADATA") else { return nil }
        if metadata.hasPrefix("http") {
            if !SignInSettings.isAcceptable(URL(string: metadata)) {
                problems.append("SKILLNAD_SAML_IDP_METADATA must be an https address or a file, not '\(metadata)'")
            }
        } else if !FileManager.default.isReadableFile(atPath: metadata) {
            problems.append("SKILLNAD_SAML_IDP_METADATA: cannot read \(metadata)")
        }
        let matchText = value("SKILLNAD_SAML_MATCH") ?? "email"
        let match = IdentityMatch(rawValue: matchText == "nameid" ? "subject" : matchText)
        if match == nil {
            problems.append("SKILLNAD_SAML_MATCH must be email, nameid or personal-identity-number, not '\(matchText)'")
        }
        let trust = value("SKILLNAD_SAML_TRUST_EMAIL")?.lowercased()
        if let trust, !["on", "off"].contains(trust) {
            problems.append("SKILLNAD_SAML_TRUST_EMAIL must be on or off, not '\(trust)'")
        }
        // Matching on an address the provider does not vouch for would refuse everyone: say so at start.
        if match == .email && trust != "on" {
            problems.append(
                "SKILLNAD_SAML_MATCH=email (the default) needs SKILLNAD_SAML_TRUST_EMAIL=on: SAML sends no "
                    + "verified flag, so set it when the e-mail attribute comes from the municipality's directory, "
                    + "or match on nameid or personal-identity-number")
        }
        guard let match else { return nil }
        return SAMLSettings(
            metadata: metadata, match: match, emailAttribute: value("SKILLNAD_SAML_EMAIL_ATTRIBUTE") ?? "mail",
            groupsAttribute: value("SKILLNAD_SAML_GROUPS_ATTRIBUTE") ?? "groups", trustEmail: trust == "on")
    }
}
