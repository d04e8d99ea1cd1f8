import Fluent
import Foundation
import SkillnadCore
import Vapor

/// What happens once the identity provider has vouched for a person (extern inloggning): who
/// they are here, found by their identity, linked by their e-mail address or made just in time;
/// their role and bodies from their groups when the municipality keeps a table of them; then a
/// session as after a password.
enum ExternalSignIn {
    /// The person as the provider describes them.
    struct Person: Sendable {
        /// `oidc <issuer>` or `saml <entity id>`.
        let provider: String
        /// The identifying value, or its keyed hash for a personal identity number.
        let subjectKey: String
        let email: String?
        /// Whether the provider says the e-mail address is the person's own (`email_verified`).
        let emailVerified: Bool
        let name: String?
        /// The groups claim, when the provider sent one.
        let groups: [String]?
    }

    /// The cookie that ties the provider's answer to the browser that asked (`state` for OIDC).
    static let cookieName = "skillnad_sign_in"

    /// Reads the person from an ID token's verified claims.
    static func person(_ claims: [String: JSONValue], _ oidc: OIDCSettings, identityKey: String?) throws -> Person {
        func string(_ name: String) -> String? {
            if case .string(let value)? = claims[name], !value.isEmpty { return value }
            return nil
        }
        let email = string("email")?.lowercased()
        // Entra ID and ADFS send no `email_verified`: the address comes from the municipality's own
        // directory, which `SKILLNAD_OIDC_TRUST_EMAIL` says. Otherwise only a provider's `true` counts.
        let verified = oidc.trustEmail || claims["email_verified"] == .bool(true)
        let key: String
        switch oidc.match {
        case .email:
            guard let email else { throw SignInRefusal(.invalidToken, "the ID token has no email claim to match on") }
            guard verified else {
                throw SignInRefusal(.invalidToken, "the ID token's e-mail address is not verified", who: email)
            }
            key = email
        case .subject:
            guard let subject = string("sub") else { throw SignInRefusal(.invalidToken, "the ID token has no sub") }
            key = subject
        case .personalIdentityNumber:
            key = try subjectKey(
                personalIdentityNumber: string(OIDCSettings.personalIdentityNumberClaim), from: "the ID token's claim",
                identityKey: identityKey)
        }
        var groups: [String]?
        switch claims[oidc.groupsClaim] {
        case .array(let values)?: groups = values.compactMap { if case .string(let s) = $0 { s } else { nil } }
        case .string(let one)?: groups = [one]
        default: groups = nil
        }
        return Person(
            provider: "oidc \(oidc.issuer)", subjectKey: key, email: email, emailVerified: verified,
            name: string("name"), groups: groups)
    }

    /// Reads the person from a verified SAML assertion.
    static func person(
        _ assertion: SAMLResponseReader.Assertion, _ saml: SAMLSettings, entityID: String, identityKey: String?
    ) throws -> Person {
        func first(_ name: String) -> String? {
            assertion.attributes[name]?.first { !$0.isEmpty }
        }
        let email = first(saml.emailAttribute)?.lowercased()
        let key: String
        switch saml.match {
        case .email:
            guard let email else {
                throw SignInRefusal(.invalidToken, "the assertion has no \(saml.emailAttribute) attribute to match on")
            }
            guard saml.trustEmail else {
                throw SignInRefusal(
                    .invalidToken, "matching on e-mail needs SKILLNAD_SAML_TRUST_EMAIL=on", who: email)
            }
            key = email
        case .subject:
            guard let nameID = assertion.nameID, !nameID.isEmpty else {
                throw SignInRefusal(.invalidToken, "the assertion has no NameID")
            }
            key = nameID
        case .personalIdentityNumber:
            key = try subjectKey(
                personalIdentityNumber: first(SAMLSettings.personalIdentityNumberAttribute),
                from: "the assertion's attribute", identityKey: identityKey)
        }
        return Person(
            provider: "saml \(entityID)", subjectKey: key, email: email, emailVerified: saml.trustEmail,
            name: first(SAMLSettings.nameAttribute), groups: assertion.attributes[saml.groupsAttribute])
    }

    /// The key a personal identity number is matched by: its keyed hash, never the number, which is
    /// checked first (twelve digits with a valid check digit). `source` names where it came from.
    static func subjectKey(personalIdentityNumber value: String?, from source: String, identityKey: String?) throws
        -> String
    {
        guard let value, let identityKey else {
            throw SignInRefusal(.invalidToken, "\(source) gives no personal identity number")
        }
        guard let number = PersonalIdentityNumber.normalised(value) else {
            throw SignInRefusal(.invalidToken, "\(source) is not a personal identity number: twelve digits that check")
        }
        return Secrets.keyedHash(number, key: identityKey)
    }

    /// Signs `person` in, or refuses with the reason.
    static func signIn(_ req: Request, _ person: Person, method: String, next: String) async throws -> Response {
        let settings = req.application.signInSettings
        // A refusal that has written (an account switched off) comes back as a value, so that the
        // transaction keeps the write; any thrown error undoes everything.
        let outcome = try await req.db.transaction { tx in
            try await account(for: person, settings: settings, on: tx)
        }
        let user = try outcome.get()
        guard user.active, let userID = user.id else {
            throw SignInRefusal(.disabled, "the account is switched off", who: user.email)
        }
        return try await AccountController.startSession(req, user: user, userID: userID, next: next, method: method)
    }

    /// The user the person signs in as, linked, made and given their groups' role as needed.
    private static func account(for person: Person, settings: SignInSettings, on db: any Database) async throws
        -> Result<User, SignInRefusal>
    {
        var grant: GroupRoleMap.Grant?
        let actor = AuditActor.system("sign-in")
        let identity = try await ExternalIdentity.query(on: db)
            .filter(\.$provider == person.provider).filter(\.$subjectKey == person.subjectKey)
            .with(\.$user).first()
        if let table = settings.groups {
            guard let found = table.grant(for: person.groups ?? []) else {
                // Out of every group: an account the provider vouched for before is switched off
                // (its sessions end) until an administrator switches it on again.
                if let linked = identity?.user, linked.active {
                    try await UserAdmin.update(
                        linked, name: nil, role: linked.roleValue,
                        bodies: try await UserAdmin.bodySlugs(linked, on: db),
                        active: false, by: actor, on: db)
                }
                return .failure(
                    SignInRefusal(
                        .noGroup, "none of the groups (\((person.groups ?? []).joined(separator: ", "))) gives a role",
                        who: person.email))
            }
            grant = found
        }
        var user = identity?.user
        var linkedByEmail = false
        if user == nil, let email = person.email, person.emailVerified {
            user = try await User.query(on: db).filter(\.$email == email).first()
            linkedByEmail = user != nil
        }
        // Association administrators make their own accounts with any address they like: such an
        // account must never become a staff member's by a matching address.
        if linkedByEmail, let found = user, found.roleValue == .association {
            throw SignInRefusal(
                .noAccount, "the address belongs to an association administrator's own account", who: found.email)
        }
        let known = try await Body.query(on: db).filter(\.$slug ~~ (grant?.bodies ?? [])).all().map(\.slug).sorted()
        if user == nil {
            guard settings.createUsers else {
                throw SignInRefusal(.noAccount, "no account matches and none is made just in time", who: person.email)
            }
            // An address the provider does not vouch for is not given to a new account.
            let vouched = person.emailVerified ? person.email : nil
            let email = vouched ?? "\(person.subjectKey.prefix(24))@users.invalid"
            if try await User.query(on: db).filter(\.$email == email).count() > 0 {
                throw SignInRefusal(.noAccount, "the address \(email) belongs to another account", who: email)
            }
            // A password nobody knows: the account signs in through the provider only.
            let unusable = try Bcrypt.hash(Secrets.random(), cost: 4)
            user = try await UserAdmin.create(
                email: email, name: person.name ?? email,
                role: User.Role(rawValue: grant?.role.rawValue ?? "") ?? .reader,
                bodies: grant?.bodies ?? [], passwordHash: unusable, by: actor, on: db)
        }
        guard let user else { throw SignInRefusal(.noAccount, "no account") }
        if let grant, let role = User.Role(rawValue: grant.role.rawValue) {
            let bodies = try await UserAdmin.bodySlugs(user, on: db)
            // A body the table names that the catalogue does not have is left out, not an error.
            if user.roleValue != role || bodies != known {
                try await UserAdmin.update(
                    user, name: nil, role: role, bodies: known, active: user.active, by: actor, on: db)
            }
        }
        if identity == nil {
            if linkedByEmail {
                // From now on the provider vouches for this account: a password someone else may
                // know stops working, and sessions begun with it end.
                user.passwordHash = try Bcrypt.hash(Secrets.random(), cost: 4)
                try await user.save(on: db)
                try await UserSession.query(on: db).filter(\.$user.$id == user.requireID()).delete()
            }
            let link = ExternalIdentity()
            link.provider = person.provider
            link.subjectKey = person.subjectKey
            link.$user.id = try user.requireID()
            link.createdAt = ISO8601DateFormatter().string(from: Date())
            try await link.create(on: db)
            try await Audit.record(
                "sign-in-linked", objectType: "user", objectID: user.email,
                after: "{\"provider\":\(jsonString(person.provider))}", by: actor, on: db)
        }
        return .success(user)
    }

    /// Finishes a sign-in with `step`; whatever goes wrong is refused and recorded: a refusal with
    /// its own reason, anything else as the provider being unavailable.
    static func refusing(_ req: Request, method: String, _ step: () async throws -> Response) async throws
        -> Response
    {
        do {
            return try await step()
        } catch let refusal as SignInRefusal {
            return try await refuse(req, refusal, method: method)
        } catch {
            let refusal = SignInRefusal(.providerUnavailable, "internal: \(String(describing: error).prefix(200))")
            return try await refuse(req, refusal, method: method)
        }
    }

    /// Records a refusal in the audit trail and shows the sign-in page with what went wrong.
    static func refuse(_ req: Request, _ refusal: SignInRefusal, method: String) async throws -> Response {
        req.logger.warning("sign-in refused", metadata: ["method": "\(method)", "reason": "\(refusal.reason)"])
        try await Audit.record(
            "sign-in-refused", email: refusal.who ?? "-", address: req.clientAddress,
            after: "{\"method\":\(jsonString(method)),\"kind\":\(jsonString(refusal.kind.rawValue)),"
                + "\"reason\":\(jsonString(refusal.reason))}",
            on: req.db)
        let lang = Lang.of(req)
        let page = LoginPage.build(
            lang, email: "", next: nil, error: Texts(lang)[refusal.kind.textKey], csrf: CSRF.token(for: req),
            signIn: req.application.signInSettings)
        let res = try await AccountController.render(req, "Accounts/login", page, status: refusal.status)
        res.cookies[cookieName] = expiredCookie(req)
        return res
    }

    static func jsonString(_ text: String) -> String {
        (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "\"\""
    }

    /// The cookie that ties the answer to this browser.
    /// - Parameter postedBack: the answer comes as a POST from the provider's site (SAML): over
    ///   https the cookie must then be SameSite=None to come with it; over plain http (a provider
    ///   beside Skillnad, as in the tests) Lax does.
    static func requestCookie(_ req: Request, _ handle: String, postedBack: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: handle, expires: Date().addingTimeInterval(SignInRequest.lifetime),
            maxAge: Int(SignInRequest.lifetime), path: "/login", isSecure: req.isSecure, isHTTPOnly: true,
            sameSite: postedBack && req.isSecure ? HTTPCookies.SameSitePolicy.none : .lax)
    }

    static func expiredCookie(_ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/login",
            isSecure: req.isSecure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension SignInRefusal.Kind {
    var textKey: AccountText {
        switch self {
        case .notThisBrowser, .usedOrLapsed: .signInLapsed
        case .providerRefused: .signInProviderRefused
        case .providerUnavailable: .signInProviderUnavailable
        case .invalidToken: .signInInvalid
        case .noAccount: .signInNoAccount
        case .noGroup: .signInNoGroup
        case .disabled: .loginFailed
        }
    }
}
