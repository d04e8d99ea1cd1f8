import SkillnadCore

/// One report with its measures grouped by chapter.
struct ReportPage: Encodable, Sendable {
    let title: String
    let subtitle: String?
    let year: Int
    let letter: String?
    let area: LocalText?
    let summary: String?
    let link: String?
    let measureCount: Int
    let chapters: [MeasureTable]
    let apiHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, id: String) -> PageContext<ReportPage>? {
        guard let r = index.reportByID[id] else { return nil }
        let s = Texts(lang)
        let measures = index.measuresByReport[id] ?? []
        let titles = Dictionary((r.chapters ?? []).map { ($0.number, $0.title) }, uniquingKeysWith: { a, _ in a })
        var chapters: [MeasureTable] = []
        var current: (Int, [MeasureRow])? = nil
        for m in measures {
            let ch = index.code(of: m)?.chapter ?? 0
            if current?.0 != ch {
                if let c = current { chapters.append(chapter(c.0, c.1, titles, s)) }
                current = (ch, [])
            }
            current?.1.append(MeasureRow.make(m, index: index, lang: lang))
        }
        if let c = current { chapters.append(chapter(c.0, c.1, titles, s)) }
        let page = ReportPage(
            title: r.title, subtitle: r.subtitle, year: r.year, letter: r.letter,
            area: r.commissionArea.flatMap { index.commissionAreaByID[$0] }.map { lang.pick($0.name, $0.nameEn) },
            summary: r.summary, link: r.link, measureCount: measures.count, chapters: chapters,
            apiHref: APIURL.Catalogue.report(.value(r.id)).path)
        let title = r.subtitle.map { "\(r.title) – \($0)" } ?? r.title
        let meta = PageMeta.make(
            lang, title: title, description: r.summary ?? title, section: SiteURL.Catalogue.reports,
            route: SiteURL.Catalogue.report(.value(id)),
            crumbs: [(s[.reports], SiteURL.Catalogue.reports)])
        return PageContext(meta: meta, t: s, page: page)
    }

    private static func chapter(_ n: Int, _ rows: [MeasureRow], _ titles: [Int: String], _ s: Texts) -> MeasureTable {
        let heading = titles[n].map { "\(n). \($0)" } ?? "\(s[.chapter]) \(n)"
        return MeasureTable(heading: heading, rows: rows)
    }
}
