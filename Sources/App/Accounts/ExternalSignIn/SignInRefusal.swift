import Vapor

/// Why a sign-in through the identity provider was refused (nekad inloggning): said to the person
/// in their language, and recorded with its reason in the audit trail.
struct SignInRefusal: Error, Sendable {
    enum Kind: String, Sendable {
        /// The answer is not for a sign-in this browser began (state or cookie missing or wrong).
        case notThisBrowser = "not-this-browser"
        /// The sign-in request is unknown, lapsed or already used.
        case usedOrLapsed = "used-or-lapsed"
        /// The provider said no, or refused the code.
        case providerRefused = "provider-refused"
        /// The provider cannot be reached or answers nonsense.
        case providerUnavailable = "provider-unavailable"
        /// The token or assertion fails a check (signature, issuer, audience, time, nonce).
        case invalidToken = "invalid-token"
        /// The person has no account here and none is made for them.
        case noAccount = "no-account"
        /// None of the person's groups gives a role.
        case noGroup = "no-group"
        /// The account is switched off.
        case disabled
    }

    let kind: Kind
    /// What exactly failed, in English, for the audit trail and the log; never shown as is.
    let reason: String
    /// Who the provider said it was, when known (an e-mail address), for the audit trail.
    var who: String?

    init(_ kind: Kind, _ reason: String, who: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.who = who
    }

    /// The HTTP status of the page that says so.
    var status: HTTPResponseStatus {
        switch kind {
        case .notThisBrowser, .usedOrLapsed, .invalidToken: .badRequest
        case .providerRefused, .noAccount, .noGroup, .disabled: .forbidden
        case .providerUnavailable: .badGateway
        }
    }
}
