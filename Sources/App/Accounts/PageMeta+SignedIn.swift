import Vapor

extension PageMeta.UserMeta {
    /// The header of a signed-in person's page: their name, the way out, and what they may do.
    static func signedIn(_ principal: Principal, _ req: Request, _ lang: Lang) -> Self {
        .init(
            name: principal.name, accountLink: SiteURL.Accounts.account.link(lang),
            logoutAction: SiteURL.Accounts.logout.link(lang),
            csrf: CSRF.token(for: req),
            mayAdminister: Rule.admin.allows(principal),
            mayEdit: Rule.editor.allows(principal))
    }
}
