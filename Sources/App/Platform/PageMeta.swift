import SkillnadCore
import Vapor

/// The layout's data: language, titles for the head, navigation, the other-language link.
struct PageMeta: Encodable, Sendable {
    let lang: String
    let title: String
    let description: String
    let canonical: String
    let otherLangLink: String
    let otherLang: String
    let nav: [NavItem]
    let crumbs: [Crumb]
    let homeLink: String
    let searchLink: String
    let apiLink: String
    let cssLink: String
    let query: String
    let accessibilityLink: String
    /// Set for signed-in users, whose pages are never cached.
    var user: UserMeta? = nil
    /// Edit and history links of the object a page shows, for those who may use them.
    var editLink: String? = nil
    var historyLink: String? = nil
    var createLink: String? = nil
    var loginLink: String = SiteURL.Accounts.login.path

    struct UserMeta: Encodable, Sendable {
        let name: String
        let accountLink: String
        let logoutAction: String
        let csrf: String
        /// What the person's role allows, so pages show only the actions they may use.
        let mayAdminister: Bool
        let mayEdit: Bool
    }

    struct NavItem: Encodable, Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Crumb: Encodable, Sendable {
        let label: String
        let href: String
    }

    /// - Parameters:
    ///   - section: the navigation item this page belongs under.
    ///   - route: the page's own address (for canonical and language links).
    static func make(
        _ lang: Lang, title: String, description: String, section: (any SiteRoute)?, route: any SiteRoute,
        query: [(String, String)] = [], crumbs: [(String, any SiteRoute)] = [], searchQuery: String = ""
    ) -> PageMeta {
        let s = Texts(lang)
        let sections: [(String, any SiteRoute)] =
            [(s[.home], SiteURL.home)]
            + Capabilities.navigation.map { ($0.label(s), $0.route) } + [(s[.search], SiteURL.search)]
        return PageMeta(
            lang: lang.rawValue,
            title: title,
            description: description,
            canonical: route.link(lang, query: query),
            otherLangLink: route.path + "?"
                + (query + [("lang", lang.other.rawValue)])
                .map { "\(SiteURL.encode($0.0))=\(SiteURL.encode($0.1))" }.joined(separator: "&"),
            otherLang: lang.other.rawValue,
            nav: sections.map { NavItem(label: $0.0, href: $0.1.link(lang), current: $0.1.isSame(as: section)) },
            crumbs: ([(s[.home], SiteURL.home as any SiteRoute)] + crumbs).map {
                Crumb(label: $0.0, href: $0.1.link(lang))
            },
            homeLink: SiteURL.home.link(lang),
            searchLink: SiteURL.search.path,
            apiLink: APIURL.openapi.path,
            cssLink: SiteURL.stylesheet.path + "?v=" + StaticFiles.version,
            query: searchQuery,
            accessibilityLink: SiteURL.accessibility.link(lang),
            loginLink: SiteURL.Accounts.login.link(lang))
    }
}
