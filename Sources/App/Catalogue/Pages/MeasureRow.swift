import SkillnadCore

struct MeasureRow: Encodable, Sendable {
    let code: String
    let title: LocalText
    let href: String
    let reportTitle: LocalText?
    let leads: [BodyLink]
    let note: String?

    static func make(
        _ m: MeasureRecord, index: CatalogueIndex, lang: Lang, withReport: Bool = false, note: String? = nil
    ) -> MeasureRow {
        let year = index.reportByID[m.report]?.year ?? 0
        let leads = ([m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? [])).map {
            BodyLink.make($0, index: index, year: year, lang: lang)
        }
        return MeasureRow(
            code: m.code, title: lang.pick(m.title, m.titleEn),
            href: SiteURL.Catalogue.measure(.value(measureID(m))).link(lang),
            reportTitle: withReport ? index.reportByID[m.report].map { LocalText(text: $0.title, lang: "sv") } : nil,
            leads: leads, note: note)
    }
}
