import Fluent
import Foundation
import SkillnadCore

/// Every indicator, by name.
struct IndicatorsPage: Encodable, Sendable {
    let rows: [IndicatorRow]
    let empty: [LocalText]
    let uploadLink: String
    let differencesLink: String
    let methodsLink: String

    /// - Parameter overview: every indicator and its summaries (`IndicatorQueries.overview`).
    static func build(_ index: CatalogueIndex, _ lang: Lang, overview: IndicatorQueries.Overview) -> PageContext<
        IndicatorsPage
    > {
        let s = Texts(lang)
        let infos = overview.infos
        let summaries = overview.summaries
        var rows: [IndicatorRow] = []
        var empty: [LocalText] = []
        for info in infos {
            if let r = IndicatorRow.make(
                info, summaries: summaries[info.id] ?? [], city: overview.city[info.id], index: index,
                lang: lang)
            {
                rows.append(r)
            } else {
                empty.append(lang.pick(info.definition.name, info.definition.nameEn))
            }
        }
        let meta = PageMeta.make(
            lang, title: s[.indicators], description: s[.indicatorsIntro], section: SiteURL.Indicators.list,
            route: SiteURL.Indicators.list)
        return PageContext(
            meta: meta, t: s,
            page: IndicatorsPage(
                rows: rows, empty: empty, uploadLink: SiteURL.Indicators.upload.link(lang),
                differencesLink: SiteURL.Indicators.differences.link(lang),
                methodsLink: SiteURL.Indicators.methods.link(lang)))
    }
}
