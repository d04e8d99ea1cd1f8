import Foundation
import SkillnadCore
import Vapor

/// How people sign in (inloggningsinställningar): local passwords, the municipality's OpenID
/// Connect provider or SAML identity provider, and what their groups give. Read from the
/// environment once at start; a setting that cannot work stops the start with every problem named.
struct SignInSettings: Sendable {
    /// Passwords kept by Skillnad (`SKILLNAD_LOCAL_PASSWORDS=off` switches them off).
    var localPasswords = true
    /// Make an account for a person the provider vouches for who has none yet (just in time).
    var createUsers = false
    /// The site's address as people reach it, without a trailing slash: the provider sends
    /// them back to it.
    var publicURL = ""
    /// Roles and bodies from the provider's groups; nil leaves them to an administrator.
    var groups: GroupRoleMap?
    /// The key of the hash kept in place of a personal identity number.
    var identityKey: String?
    var oidc: OIDCSettings?
    var saml: SAMLSettings?

    var hasProvider: Bool { oidc != nil || saml != nil }

    /// A setting that cannot work, named by its variable.
    struct Problems: Error, CustomStringConvertible {
        let problems: [String]
        var description: String { "Sign-in settings: " + problems.joined(separator: "; ") }
    }

    /// Reads the settings from `environment` (the process's, or a test's).
    static func read(_ environment: [String: String]) throws -> SignInSettings {
        var settings = SignInSettings()
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func flag(_ name: String, default fallback: Bool) -> Bool {
            guard let text = value(name)?.lowercased() else { return fallback }
            if ["on", "true", "1", "yes"].contains(text) { return true }
            if ["off", "false", "0", "no"].contains(text) { return false }
            problems.append("\(name) must be on or off, not '\(text)'")
            return fallback
        }
        settings.localPasswords = flag("SKILLNAD_LOCAL_PASSWORDS", default: true)
        settings.createUsers = flag("SKILLNAD_SIGN_IN_CREATE_USERS", default: false)
        settings.identityKey = value("SKILLNAD_IDENTITY_KEY")
        if let url = value("SKILLNAD_PUBLIC_URL") {
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            if !isAcceptable(URL(string: settings.publicURL)) {
                problems.append("SKILLNAD_PUBLIC_URL must be an https address, not '\(url)'")
            }
        }
        if let path = value("SKILLNAD_SIGN_IN_GROUPS") {
            do {
                settings.groups = try GroupRoleMap.read(try String(contentsOfFile: path, encoding: .utf8))
            } catch let error as GroupRoleMap.Problems {
                problems += error.problems.map { "SKILLNAD_SIGN_IN_GROUPS \(path) \($0)" }
            } catch {
                problems.append("SKILLNAD_SIGN_IN_GROUPS: cannot read \(path)")
            }
        }
        settings.oidc = OIDCSettings.read(value, problems: &problems)
        settings.saml = SAMLSettings.read(value, problems: &problems)
        let wantsProvider = value("SKILLNAD_OIDC_ISSUER") != nil || value("SKILLNAD_SAML_IDP_METADATA") != nil
        if wantsProvider && settings.publicURL.isEmpty {
            problems.append(
                "SKILLNAD_PUBLIC_URL is needed to sign in through a provider (e.g. https://skillnad.example.se)")
        }
        if !settings.localPasswords && !wantsProvider {
            problems.append("SKILLNAD_LOCAL_PASSWORDS=off needs an OIDC or SAML provider, or nobody can sign in")
        }
        let matchesIdentityNumber = [value("SKILLNAD_OIDC_MATCH"), value("SKILLNAD_SAML_MATCH")]
            .contains(IdentityMatch.personalIdentityNumber.rawValue)
        if matchesIdentityNumber && (settings.identityKey?.count ?? 0) < 32 {
            problems.append(
                "SKILLNAD_IDENTITY_KEY (32 characters or more) is needed to match on the personal identity number, "
                    + "which is kept only as a keyed hash")
        }
        guard problems.isEmpty else { throw Problems(problems: problems) }
        return settings
    }

    /// A provider's address must be https, except on this machine (tests, a provider beside it).
    static func isAcceptable(_ url: URL?) -> Bool {
        guard let url, let host = url.host else { return false }
        return url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
    }
}

/// Which claim or attribute says who a person is.
enum IdentityMatch: String, Sendable {
    case email
    /// OIDC's `sub`, SAML's NameID.
    case subject
    /// The Swedish personal identity number (personnummer); only its keyed hash is kept.
    case personalIdentityNumber = "personal-identity-number"
}

/// The municipality's OpenID Connect provider (ADFS, Entra ID, …).
struct OIDCSettings: Sendable {
    /// The issuer exactly as the provider names itself (tokens must carry it so); discovery is at
    /// `<issuer without a trailing slash>/.well-known/openid-configuration`.
    let issuer: String
    let clientID: String
    let clientSecret: String
    let match: IdentityMatch
    let groupsClaim: String
    let scopes: String
    /// Whether the provider's `email` is the person's own without an `email_verified` (the
    /// municipality's directory, as with Entra ID and ADFS, which do not send that claim).
    var trustEmail = false

    /// The claim that holds a personal identity number (Sweden Connect's OIDC profile).
    static let personalIdentityNumberClaim = "https://id.oidc.se/claim/personalIdentityNumber"

    static func read(_ value: (String) -> String?, problems: inout [String]) -> OIDCSettings? {
        guard let issuer = value("SKILLNAD_OIDC_ISSUER") else { return nil }
        if !SignInSettings.isAcceptable(URL(string: issuer)) {
            problems.append("SKILLNAD_OIDC_ISSUER must be an https address, not '\(issuer)'")
        }
        let clientID = value("SKILLNAD_OIDC_CLIENT_ID")
        let secret = value("SKILLNAD_OIDC_CLIENT_SECRET")
        if clientID == nil { problems.append("SKILLNAD_OIDC_CLIENT_ID is needed with SKILLNAD_OIDC_ISSUER") }
        if secret == nil { problems.append("SKILLNAD_OIDC_CLIENT_SECRET is needed with SKILLNAD_OIDC_ISSUER") }
        let matchText = value("SKILLNAD_OIDC_MATCH") ?? "email"
        let match = IdentityMatch(rawValue: matchText == "sub" ? "subject" : matchText)
        if match == nil {
            problems.append("SKILLNAD_OIDC_MATCH must be email, sub or personal-identity-number, not '\(matchText)'")
        }
        guard let clientID, let secret, let match else { return nil }
        let trust = value("SKILLNAD_OIDC_TRUST_EMAIL")?.lowercased()
        if let trust, !["on", "off"].contains(trust) {
            problems.append("SKILLNAD_OIDC_TRUST_EMAIL must be on or off, not '\(trust)'")
        }
        return OIDCSettings(
            issuer: issuer, clientID: clientID, clientSecret: secret, match: match,
            groupsClaim: value("SKILLNAD_OIDC_GROUPS_CLAIM") ?? "groups",
            scopes: value("SKILLNAD_OIDC_SCOPES") ?? "openid email profile", trustEmail: trust == "on")
    }
}

extension Application {
    private struct SignInSettingsKey: StorageKey { typealias Value = SignInSettings }

    /// How people sign in; local passwords only until `AccountsCapability` reads the environment.
    var signInSettings: SignInSettings {
        get { storage[SignInSettingsKey.self] ?? SignInSettings() }
        set { storage[SignInSettingsKey.self] = newValue }
    }
}
