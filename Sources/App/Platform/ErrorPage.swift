import SkillnadCore
import Vapor

/// The page for errors, above all the 404 that helps the visitor on.
struct ErrorPage: Encodable, Sendable {
    let status: Int
    let heading: String
    let text: String
    let isNotFound: Bool

    static func build(status: HTTPResponseStatus, detail: String?, lang: Lang, path: String) -> PageContext<ErrorPage> {
        let s = Texts(lang)
        let notFound = status.code == 404
        let heading = notFound ? s[.notFoundTitle] : status.code == 400 ? s[.badRequestTitle] : s[.errorTitle]
        let text = notFound ? s[.notFoundText] : (detail ?? s[.errorTitle])
        let meta = PageMeta.make(lang, title: heading, description: heading, section: nil, route: SiteURL.home)
        return PageContext(
            meta: meta, t: s,
            page: ErrorPage(status: Int(status.code), heading: heading, text: text, isNotFound: notFound))
    }
}
