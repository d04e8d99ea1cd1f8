import Foundation
import SkillnadCore

/// The roadmap: vision → target areas → strategies (with their linked measures) → milestones.
struct RoadmapPage: Encodable, Sendable {
    struct Target: Encodable, Sendable {
        let id: String
        let name: LocalText
        let strategies: [StrategyBlock]
        let milestones: [MilestoneRow]
    }
    struct StrategyBlock: Encodable, Sendable {
        let id: String
        let numeral: String
        let title: LocalText
        /// The linked measures as one table, or none.
        let tables: [MeasureTable]
    }
    struct MilestoneRow: Encodable, Sendable {
        let text: String
        let indicator: String?
        let baseline: String?
        let target: String?
    }

    let hasRoadmap: Bool
    let vision: LocalText?
    let visionText: String?
    let targetAreas: [Target]

    static func build(_ index: CatalogueIndex, _ lang: Lang) -> PageContext<RoadmapPage> {
        let s = Strings.table(lang)
        let roadmap = index.document.roadmap
        let page = RoadmapPage(
            hasRoadmap: roadmap != nil,
            vision: roadmap.map { lang.pick($0.vision.title, $0.vision.titleEn) },
            visionText: roadmap?.vision.text,
            targetAreas: (roadmap?.targetAreas ?? []).map { t in
                Target(id: t.id, name: lang.pick(t.name, t.nameEn),
                       strategies: t.strategies.map { st in
                           StrategyBlock(id: st.id, numeral: st.numeral, title: lang.pick(st.title, st.titleEn),
                                         tables: [MeasureTable(heading: s["linkedMeasures"]!, rows: (index.measuresByStrategy[st.id] ?? []).map {
                                             MeasureRow.make($0, index: index, lang: lang, withReport: true)
                                         })].filter { !$0.rows.isEmpty })
                       },
                       milestones: (t.milestones ?? []).map { m in
                           MilestoneRow(text: m.text, indicator: m.indicator,
                                        baseline: m.baseline.map { "\(formatNumber($0, lang))\(unitSuffix(m.unit))" + (m.baselineYear.map { " (\($0))" } ?? "") },
                                        target: m.targetValue.map { "\(formatNumber($0, lang))\(unitSuffix(m.unit))" + (m.targetYear.map { " (\($0))" } ?? "") })
                       })
            })
        let meta = PageMeta.make(lang, title: s["roadmap"]!, description: s["roadmapIntro"]!, section: .roadmap, route: .roadmap)
        return PageContext(meta: meta, t: s, page: page)
    }

    static func unitSuffix(_ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return "" }
        return unit == "%" ? "\u{a0}%" : "\u{a0}\(unit)"
    }
}

/// A number as Swedish or English readers write it: decimal comma in Swedish.
func formatNumber(_ x: Double, _ lang: Lang) -> String {
    let text = x.rounded() == x ? String(Int(x)) : String(format: "%.1f", x)
    return lang == .sv ? text.replacingOccurrences(of: ".", with: ",") : text
}
