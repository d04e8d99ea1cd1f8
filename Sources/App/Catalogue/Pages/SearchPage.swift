import SkillnadCore
import Vapor

/// Search results over reports, measures and bodies.
struct SearchPage: Encodable, Sendable {
    struct Hit: Encodable, Sendable {
        let title: LocalText
        let href: String
        let detail: String?
    }

    let query: String
    let hasQuery: Bool
    let total: Int
    let reports: [Hit]
    let measures: [MeasureTable]
    let bodies: [Hit]

    static func build(_ index: CatalogueIndex, _ lang: Lang, query: String, results: SearchResults) -> PageContext<
        SearchPage
    > {
        let s = Texts(lang)
        let page = SearchPage(
            query: query, hasQuery: !query.isEmpty,
            total: results.reports.count + results.measures.count + results.bodies.count,
            reports: results.reports.compactMap { index.reportByID[$0] }.map { r in
                Hit(
                    title: LocalText(text: r.subtitle.map { "\(r.title) – \($0)" } ?? r.title, lang: "sv"),
                    href: SiteURL.Catalogue.report(.value(r.id)).link(lang), detail: String(r.year))
            },
            measures: [
                MeasureTable(
                    heading: s[.measures],
                    rows: results.measures.map { MeasureRow.make($0, index: index, lang: lang, withReport: true) })
            ]
            .filter { !$0.rows.isEmpty },
            bodies: results.bodies.compactMap { index.bodyByID[$0] }.map {
                Hit(
                    title: lang.pick($0.name, $0.nameEn), href: SiteURL.Catalogue.body(.value($0.id)).link(lang),
                    detail: s.label($0.kind))
            })
        let title = query.isEmpty ? s[.search] : "\(s[.searchResults]): \(query)"
        let meta = PageMeta.make(
            lang, title: title, description: s[.searchLabel], section: SiteURL.search, route: SiteURL.search,
            query: query.isEmpty ? [] : [("q", query)], searchQuery: query)
        return PageContext(meta: meta, t: s, page: page)
    }
}

/// Ids of what a search found, best first.
struct SearchResults: Sendable {
    var reports: [String] = []
    var measures: [MeasureRecord] = []
    var bodies: [String] = []
}
