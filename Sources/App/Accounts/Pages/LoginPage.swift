import Fluent
import Foundation
import Vapor

/// The sign-in form. Keeps the e-mail typed, never the password.
struct LoginPage: Encodable, Sendable {
    let email: String
    let next: String?
    let error: String?
    let csrf: String
    let action: String
    /// Whether staff may use passwords (`SKILLNAD_LOCAL_PASSWORDS`); when not, the form is
    /// for association administrators only, and says so.
    let localPasswords: Bool
    /// The municipality's identity providers, each a link that begins signing in there.
    let providers: [ProviderLink]

    struct ProviderLink: Encodable, Sendable {
        let label: String
        let href: String
    }

    static func build(
        _ lang: Lang, email: String, next: String?, error: String?, csrf: String, signIn: SignInSettings
    ) -> PageContext<LoginPage> {
        let s = Texts(lang)
        let meta = PageMeta.make(
            lang, title: s[.login], description: s[.login], section: nil, route: SiteURL.Accounts.login)
        return PageContext(
            meta: meta, t: s,
            page: LoginPage(
                email: email, next: next, error: error, csrf: csrf,
                action: SiteURL.Accounts.login.link(lang), localPasswords: signIn.localPasswords,
                providers: providers(lang, next: next, signIn: signIn)))
    }

    private static func providers(_ lang: Lang, next: String?, signIn: SignInSettings) -> [ProviderLink] {
        let query = next.map { [("next", $0)] } ?? []
        var links: [ProviderLink] = []
        if signIn.oidc != nil {
            links.append(
                .init(label: Texts(lang)[.signInWithOIDC], href: SiteURL.Accounts.oidcStart.link(lang, query: query)))
        }
        if signIn.saml != nil {
            let label = Texts(lang)[signIn.oidc == nil ? .signInWithOIDC : .signInWithSAML]
            links.append(.init(label: label, href: SiteURL.Accounts.samlStart.link(lang, query: query)))
        }
        return links
    }
}
