import SkillnadCore

/// Every report of the commission, newest first.
struct ReportsPage: Encodable, Sendable {
    let reports: [ReportRow]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<ReportsPage> {
        let s = Texts(lang)
        let rows = index.document.reports.sorted { ($0.year, $0.title) > ($1.year, $1.title) }.map {
            ReportRow.make($0, index: index, lang: lang)
        }
        let meta = PageMeta.make(
            lang, title: s[.reports], description: s[.reportsIntro], section: SiteURL.Catalogue.reports,
            route: SiteURL.Catalogue.reports,
            crumbs: [])
        return PageContext(meta: meta, t: s, page: ReportsPage(reports: rows))
    }
}
