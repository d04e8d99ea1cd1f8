import Fluent
import Foundation
import SkillnadCore

/// How the disparity measures and the milestone status are computed, in words and formulas.
struct MethodsPage: Encodable, Sendable {
    let isEnglish: Bool

    static func build(_ lang: Lang) -> PageContext<MethodsPage> {
        let s = Texts(lang)
        let meta = PageMeta.make(
            lang, title: s[.methods], description: s[.methodsIntro], section: SiteURL.Indicators.list,
            route: SiteURL.Indicators.methods)
        return PageContext(meta: meta, t: s, page: MethodsPage(isEnglish: lang == .en))
    }
}
