import SkillnadCore

struct ReportRow: Encodable, Sendable {
    let title: String
    let subtitle: String?
    let year: Int
    let letter: String?
    let href: String
    let measureCount: Int
    /// The count with its noun: "1 åtgärd", "3 åtgärder".
    let measures: String
    let area: LocalText?

    static func make(_ r: ReportRecord, index: CatalogueIndex, lang: Lang) -> ReportRow {
        ReportRow(
            title: r.title, subtitle: r.subtitle, year: r.year, letter: r.letter,
            href: SiteURL.Catalogue.report(.value(r.id)).link(lang),
            measureCount: index.measuresByReport[r.id]?.count ?? 0,
            measures: Texts(lang).count(
                index.measuresByReport[r.id]?.count ?? 0, CatalogueText.countMeasure, .countMeasures),
            area: r.commissionArea.flatMap { index.commissionAreaByID[$0] }.map { lang.pick($0.name, $0.nameEn) })
    }
}
