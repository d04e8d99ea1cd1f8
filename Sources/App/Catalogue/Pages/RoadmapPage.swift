import Foundation
import SkillnadCore

/// The roadmap: vision → target areas → strategies (with their linked measures) → milestones.
struct RoadmapPage: Encodable, Sendable {
    struct Target: Encodable, Sendable {
        let id: String
        let name: LocalText
        let strategies: [StrategyBlock]
        let milestones: [MilestoneStatusRow]
    }
    struct StrategyBlock: Encodable, Sendable {
        let id: String
        let numeral: String
        let title: LocalText
        /// The linked measures as one table, or none.
        let tables: [MeasureTable]
    }

    let hasRoadmap: Bool
    let vision: LocalText?
    let visionText: String?
    let targetAreas: [Target]

    /// - Parameter statuses: every milestone with its status (`MilestoneStatusRow.all`).
    static func build(_ index: CatalogueIndex, _ lang: Lang, statuses: [MilestoneStatusRow]) -> PageContext<RoadmapPage>
    {
        let s = Texts(lang)
        let roadmap = index.document.roadmap
        let page = RoadmapPage(
            hasRoadmap: roadmap != nil,
            vision: roadmap.map { lang.pick($0.vision.title, $0.vision.titleEn) },
            visionText: roadmap?.vision.text,
            targetAreas: (roadmap?.targetAreas ?? []).map { t in
                Target(
                    id: t.id, name: lang.pick(t.name, t.nameEn),
                    strategies: t.strategies.map { st in
                        StrategyBlock(
                            id: st.id, numeral: st.numeral, title: lang.pick(st.title, st.titleEn),
                            tables: [
                                MeasureTable(
                                    heading: s[.linkedMeasures],
                                    rows: (index.measuresByStrategy[st.id] ?? []).map {
                                        MeasureRow.make($0, index: index, lang: lang, withReport: true)
                                    })
                            ].filter { !$0.rows.isEmpty })
                    },
                    milestones: (t.milestones ?? []).compactMap { m in statuses.first { $0.id == m.id } })
            })
        let meta = PageMeta.make(
            lang, title: s[.roadmap], description: s[.roadmapIntro], section: SiteURL.Catalogue.roadmap,
            route: SiteURL.Catalogue.roadmap)
        return PageContext(meta: meta, t: s, page: page)
    }
}
