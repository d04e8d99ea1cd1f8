import Fluent
import Foundation
import SkillnadCore

/// The differences overview: every indicator's gap between best and worst area and its trend,
/// widening gaps first.
struct DifferencesPage: Encodable, Sendable {
    let rows: [IndicatorRow]
    /// Indicators of classes, which have no gap: named apart, with a link to their distribution.
    let categorical: [IndicatorPage.Link]
    let counts: [String: Int]
    let methodsLink: String

    /// - Parameter overview: every indicator and its summaries (`IndicatorQueries.overview`).
    static func build(_ index: CatalogueIndex, _ lang: Lang, overview: IndicatorQueries.Overview) -> PageContext<
        DifferencesPage
    > {
        let s = Texts(lang)
        let infos = overview.infos
        let summaries = overview.summaries
        let quantities = infos.filter { $0.definition.kindOrQuantity == .quantity }
        let rows = quantities.compactMap {
            IndicatorRow.make(
                $0, summaries: summaries[$0.id] ?? [], city: overview.city[$0.id], index: index, lang: lang)
        }
        .sorted { ($0.sortKey, -$0.slope, $0.name.text) < ($1.sortKey, -$1.slope, $1.name.text) }
        let categorical = infos.filter { $0.definition.kindOrQuantity == .categorical && summaries[$0.id] != nil }
            .map {
                IndicatorPage.Link(
                    label: lang.pick($0.definition.name, $0.definition.nameEn),
                    href: SiteURL.Indicators.indicator(.value($0.code)).link(lang))
            }
        let counts = Dictionary(grouping: rows, by: \.trendClass).mapValues(\.count)
        let meta = PageMeta.make(
            lang, title: s[.differences], description: s[.differencesIntro], section: SiteURL.Indicators.differences,
            route: SiteURL.Indicators.differences)
        return PageContext(
            meta: meta, t: s,
            page: DifferencesPage(
                rows: rows, categorical: categorical, counts: counts, methodsLink: SiteURL.Indicators.methods.link(lang)
            ))
    }
}
