import Fluent
import Foundation
import SkillnadCore

/// A roadmap milestone with the status its indicator shows.
struct MilestoneStatusRow: Encodable, Sendable {
    let id: String
    let text: String
    let indicator: String?
    let indicatorCode: String?
    let indicatorHref: String?
    let baseline: String
    let target: String
    let latest: String
    let status: String
    let statusClass: String
    let explanation: String?

    /// The indicators the milestones follow, each with its latest citywide value.
    struct Query: Sendable {
        struct Latest: Sendable {
            let info: IndicatorInfo
            let year: Int?
            let value: Double?
        }
        let latest: [String: Latest]
    }

    /// The roadmap's milestones, or only those that follow one indicator (its page).
    static func milestones(_ index: CatalogueIndex, indicator: String?) -> [MilestoneRecord] {
        (index.document.roadmap?.targetAreas ?? []).flatMap { $0.milestones ?? [] }
            .filter { milestone in indicator.map { milestone.indicator == $0 } ?? true }
    }

    /// - Parameter query: the followed indicators' latest values (`MilestoneStatusRow.query`).
    static func all(_ index: CatalogueIndex, _ lang: Lang, indicator: String? = nil, query: Query)
        -> [MilestoneStatusRow]
    {
        let s = Texts(lang)
        let milestones = milestones(index, indicator: indicator)
        guard !milestones.isEmpty else { return [] }
        var out: [MilestoneStatusRow] = []
        for m in milestones {
            let latest = m.indicator.flatMap { query.latest[$0] }
            let info = latest?.info
            func value(_ x: Double?, _ year: Int?) -> String {
                guard let x else { return "–" }
                // The indicator's unit when it exists, else the milestone's own unit text ("%").
                let text =
                    info.map { NumberText.value(x, unit: $0.definition.unit, lang) }
                    ?? NumberText.free(x, unit: m.unit, lang)
                return text + (year.map { " (\($0))" } ?? "")
            }
            let latestValue = latest?.value
            let latestYear = latest?.year
            let a = MilestoneProgress.assess(
                baselineValue: m.baseline, baselineYear: m.baselineYear, latestValue: latestValue,
                latestYear: latestYear, targetValue: m.targetValue, targetYear: m.targetYear,
                direction: info?.direction ?? .higherIsBetter)
            let explanation: String? = a.progressRatio.map {
                Strings.fill(s[.milestoneRatio], NumberText.plain($0 * 100, decimals: 0, lang))
            }
            out.append(
                MilestoneStatusRow(
                    id: m.id, text: m.text,
                    indicator: info.map { lang.pick($0.definition.name, $0.definition.nameEn).text } ?? m.indicator,
                    indicatorCode: info?.code,
                    indicatorHref: info.map { SiteURL.Indicators.indicator(.value($0.code)).link(lang) },
                    baseline: value(m.baseline, m.baselineYear), target: value(m.targetValue, m.targetYear),
                    latest: value(latestValue, latestYear), status: s.label(a.status),
                    statusClass: a.status.rawValue, explanation: explanation))
        }
        return out
    }
}
