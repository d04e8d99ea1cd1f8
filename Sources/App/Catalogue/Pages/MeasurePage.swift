import Fluent
import SQLKit
import SkillnadCore

/// All about one measure: its report, who leads and who collaborates (groups spelt out), its
/// place in the code hierarchy, and the roadmap strategies it serves.
struct MeasurePage: Encodable, Sendable {
    struct StrategyLink: Encodable, Sendable {
        let numeral: String
        let title: LocalText
        let targetArea: LocalText
        let href: String
    }

    let code: String
    let title: LocalText
    let description: String?
    /// Where the measure comes from and what the source leaves out (`SourceNote`), shown folded.
    let sourceNote: String?
    let report: ReportRow
    let leads: [BodyLink]
    let collaborating: [BodyLink]
    let parent: MeasureRow?
    /// Sub-measures, and measures with the same number in other reports.
    let tables: [MeasureTable]
    let strategies: [StrategyLink]
    let apiHref: String
    /// Every position a body took on the measure in a submitted answer, across rounds.
    let positions: [MeasurePosition]
    /// The measure's life in the budget and the follow-up: a list of one, for the template's loop.
    let followUp: [MeasureLifeSection]

    struct MeasurePosition: Encodable, Sendable {
        let round: String
        let roundHref: String
        let body: String
        /// `sv` when the body has no English name on an English page.
        let bodyLang: String
        let answerHref: String
        let position: String
        let cls: String
        let prerequisites: String?
        let text: String?
    }

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, id: String, positions: [MeasurePosition] = [],
        followUp: MeasureLifeSection? = nil
    ) -> PageContext<MeasurePage>? {
        guard let m = index.measureByPublicID[id], let r = index.reportByID[m.report] else { return nil }
        let s = Texts(lang)
        let bare = index.code(of: m)?.withoutLetter
        let sameCode = index.document.measures.filter { o in
            o.report != m.report && bare != nil && index.code(of: o)?.withoutLetter == bare
        }
        let described = SourceNote.split(m.description)
        let page = MeasurePage(
            code: m.code,
            title: lang.pick(m.title, m.titleEn),
            description: described.text,
            sourceNote: described.note,
            report: ReportRow.make(r, index: index, lang: lang),
            leads: ([m.leadBody].compactMap { $0 } + (m.jointLeadBodies ?? [])).map {
                BodyLink.make($0, index: index, year: r.year, lang: lang, expandGroups: true)
            },
            collaborating: (m.collaboratingBodies ?? []).map {
                BodyLink.make($0, index: index, year: r.year, lang: lang, expandGroups: true)
            },
            parent: index.parent(of: m).map { MeasureRow.make($0, index: index, lang: lang) },
            tables: [
                MeasureTable(
                    heading: s[.childMeasures],
                    rows: index.children(of: m).map { MeasureRow.make($0, index: index, lang: lang) }),
                MeasureTable(
                    heading: s[.sameCode],
                    rows: sameCode.map { MeasureRow.make($0, index: index, lang: lang, withReport: true) }),
            ]
            .filter { !$0.rows.isEmpty },
            strategies: (m.strategies ?? []).compactMap { sid in
                index.strategyByID[sid].map { t, st in
                    StrategyLink(
                        numeral: st.numeral, title: lang.pick(st.title, st.titleEn),
                        targetArea: lang.pick(t.name, t.nameEn),
                        href: SiteURL.Catalogue.roadmap.link(lang) + "#" + st.id)
                }
            },
            apiHref: APIURL.Catalogue.reportMeasure(.value(r.id), .value(m.code)).path, positions: positions,
            followUp: followUp.map { [$0] } ?? [])
        let meta = PageMeta.make(
            lang, title: "\(m.code) \(page.title.text)", description: described.text ?? page.title.text,
            section: SiteURL.Catalogue.reports, route: SiteURL.Catalogue.measure(.value(id)),
            crumbs: [(s[.reports], SiteURL.Catalogue.reports), (r.title, SiteURL.Catalogue.report(.value(r.id)))])
        return PageContext(meta: meta, t: s, page: page)
    }
}

extension MeasurePage.MeasurePosition {
    /// The submitted positions on a measure as the page shows them.
    /// - Parameter rows: `ReferralStore.submittedPositions`, newest round first.
    static func all(_ rows: [ReferralStore.SubmittedPosition], index: CatalogueIndex, lang: Lang) -> [MeasurePage
        .MeasurePosition]
    {
        let s = Texts(lang)
        return rows.map { r in
            let name = index.bodyByID[r.body].map { lang.pick($0.name, $0.nameEn) }
            return .init(
                round: r.title, roundHref: SiteURL.Referrals.round(.value(r.slug)).link(lang),
                body: name?.text ?? r.body, bodyLang: name?.lang ?? "sv",
                answerHref: SiteURL.Referrals.answer(.value(r.slug), .value(r.body)).link(lang),
                position: PositionKind(rawValue: r.position).map(s.label) ?? r.position, cls: r.position,
                prerequisites: r.prerequisites, text: r.text)
        }
    }
}
