import Fluent
import Foundation
import Vapor

/// One's own account: who one is, password change, API tokens.
struct AccountPage: Encodable, Sendable {
    struct TokenRow: Encodable, Sendable {
        let name: String
        let prefix: String
        let scope: String
        let expires: String
        let state: String
        let revokeAction: String?
    }

    let name: String
    let email: String
    let role: String
    let bodies: [String]
    let csrf: String
    let message: String?
    let errors: [String: String]
    let newToken: String?
    let tokens: [TokenRow]
    let passwordAction: String
    let tokenAction: String
    let logoutAction: String
    let isAdmin: Bool
    let adminLink: String

    /// - Parameter tokens: the user's API tokens, newest first (`AccountPage.load` reads them).
    static func build(
        _ req: Request, tokens: [APIToken], message: String?, errors: [String: String],
        newToken: String?
    ) throws -> PageContext<AccountPage> {
        let lang = Lang.of(req)
        let s = Texts(lang)
        guard let p = req.principal else { throw Abort(.unauthorized) }
        let now = Date()
        let page = AccountPage(
            name: p.name, email: p.email, role: s.label(p.role), bodies: p.bodies.sorted(), csrf: CSRF.token(for: req),
            message: message, errors: errors, newToken: newToken,
            tokens: tokens.map { t in
                let state =
                    t.revokedAt != nil ? s[.tokenRevoked] : t.expiresAt < now ? s[.tokenExpired] : s[.tokenActive]
                let revoke = t.id.map { SiteURL.Accounts.revokeToken(.value($0.uuidString)).link(lang) }
                return TokenRow(
                    name: t.name, prefix: t.prefix + "…",
                    scope: t.scope == APIToken.Scope.read.rawValue ? s[.scopeRead] : s[.scopeReadWrite],
                    expires: day(t.expiresAt), state: state,
                    revokeAction: t.revokedAt == nil && t.expiresAt > now ? revoke : nil)
            },
            passwordAction: SiteURL.Accounts.password.link(lang), tokenAction: SiteURL.Accounts.tokens.link(lang),
            logoutAction: SiteURL.Accounts.logout.link(lang), isAdmin: p.isAdmin,
            adminLink: SiteURL.Accounts.users.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.account], description: s[.account], section: nil, route: SiteURL.Accounts.account)
        return PageContext(meta: meta, t: s, page: page)
    }
}
