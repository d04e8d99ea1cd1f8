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
        /// `oidc <issuer>`.
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
        let key: String
        switch oidc.match {
        case .email:
            guard let email else { throw SignInRefusal(.invalidToken, "the ID token has no email claim to match on") }
            key = email
        case .subject:
            guard let subject = string("sub") else { throw SignInRefusal(.invalidToken, "the ID token has no sub") }
            key = subject
        case .personalIdentityNumber:
            guard let number = string(OIDCSettings.personalIdentityNumberClaim), let identityKey else {
                throw SignInRefusal(.invalidToken, "the ID token has no personal identity number claim")
            }
            key = Secrets.keyedHash(number.filter(\.isNumber), key: identityKey)
        }
        var groups: [String]?
        switch claims[oidc.groupsClaim] {
        case .array(let values)?: groups = values.compactMap { if case .string(let s) = $0 { s } else { nil } }
        case .string(let one)?: groups = [one]
        default: groups = nil
        }
        var verified = true
        if case .bool(let flag)? = claims["email_verified"] { verified = flag }
        return Person(
            provider: "oidc \(oidc.issuer)", subjectKey: key, email: email, emailVerified: verified,
            name: string("name"), groups: groups)
    }

    /// Signs `person` in, or refuses with the reason.
    static func signIn(_ req: Request, _ person: Person, method: String, next: String) async throws -> Response {
        let settings = req.application.signInSettings
        let user = try await req.db.transaction { tx in
            try await account(for: person, settings: settings, on: tx)
        }
        guard user.active, let userID = user.id else {
            throw SignInRefusal(.disabled, "the account is switched off", who: user.email)
        }
        return try await AccountController.startSession(req, user: user, userID: userID, next: next, method: method)
    }

    /// The user the person signs in as, linked, made and given their groups' role as needed.
    private static func account(for person: Person, settings: SignInSettings, on db: any Database) async throws
        -> User
    {
        var grant: GroupRoleMap.Grant?
        if let table = settings.groups {
            guard let found = table.grant(for: person.groups ?? []) else {
                throw SignInRefusal(
                    .noGroup, "none of the groups (\((person.groups ?? []).joined(separator: ", "))) gives a role",
                    who: person.email)
            }
            grant = found
        }
        let actor = AuditActor.system("sign-in")
        let identity = try await ExternalIdentity.query(on: db)
            .filter(\.$provider == person.provider).filter(\.$subjectKey == person.subjectKey)
            .with(\.$user).first()
        var user = identity?.user
        if user == nil, let email = person.email, person.emailVerified {
            user = try await User.query(on: db).filter(\.$email == email).first()
        }
        if user == nil {
            guard settings.createUsers else {
                throw SignInRefusal(.noAccount, "no account matches and none is made just in time", who: person.email)
            }
            let email = person.email ?? "\(person.subjectKey.prefix(24))@users.invalid"
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
            let known = try await Body.query(on: db).filter(\.$slug ~~ grant.bodies).all().map(\.slug).sorted()
            if user.roleValue != role || bodies != known {
                try await UserAdmin.update(
                    user, name: nil, role: role, bodies: known, active: user.active, by: actor, on: db)
            }
        }
        if identity == nil {
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
        return user
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
