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

    static func build(_ lang: Lang, email: String, next: String?, error: String?, csrf: String) -> PageContext<
        LoginPage
    > {
        let s = Texts(lang)
        let meta = PageMeta.make(
            lang, title: s[.login], description: s[.login], section: nil, route: SiteURL.Accounts.login)
        return PageContext(
            meta: meta, t: s,
            page: LoginPage(
                email: email, next: next, error: error, csrf: csrf,
                action: SiteURL.Accounts.login.link(lang)))
    }
}
