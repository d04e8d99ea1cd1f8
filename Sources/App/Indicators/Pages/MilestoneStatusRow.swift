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

    /// - Parameter indicator: only the milestones that follow this indicator (its page).
    static func all(_ index: CatalogueIndex, _ lang: Lang, indicator: String? = nil, on db: any Database) async throws -> [MilestoneStatusRow] {
        let s = Texts(lang)
        let milestones = (index.document.roadmap?.targetAreas ?? []).flatMap { $0.milestones ?? [] }.filter { m in indicator.map { m.indicator == $0 } ?? true }
        guard !milestones.isEmpty else { return [] }
        let infos = Dictionary(try await IndicatorQueries.all(on: db).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [MilestoneStatusRow] = []
        for m in milestones {
            let info = m.indicator.flatMap { infos[$0] }
            func value(_ x: Double?, _ year: Int?) -> String {
                guard let x else { return "–" }
                // The indicator's unit when it exists, else the milestone's own unit text ("%").
                let text = info.map { NumberText.value(x, unit: $0.definition.unit, lang) } ?? NumberText.free(x, unit: m.unit, lang)
                return text + (year.map { " (\($0))" } ?? "")
            }
            var latestValue: Double?, latestYear: Int?
            if let info {
                let summaries = try await IndicatorQueries.summaries(info.id, on: db)
                if let level = IndicatorQueries.defaultLevel(Set(summaries.map(\.level))) {
                    let city = try await IndicatorQueries.cityValues(info.id, summaries: summaries, level: level, on: db)
                    if let (p, v) = city.compactMap({ k, v in AreaMatcher.year(k).map { ($0, v) } }).max(by: { $0.0 < $1.0 }) {
                        latestYear = p; latestValue = v
                    }
                }
            }
            let a = MilestoneProgress.assess(baselineValue: m.baseline, baselineYear: m.baselineYear, latestValue: latestValue,
                                             latestYear: latestYear, targetValue: m.targetValue, targetYear: m.targetYear,
                                             direction: info?.direction ?? .higherIsBetter)
            let explanation: String? = a.progressRatio.map { Strings.fill(s[.milestoneRatio], NumberText.plain($0 * 100, decimals: 0, lang)) }
            out.append(MilestoneStatusRow(id: m.id, text: m.text, indicator: info.map { lang.pick($0.definition.name, $0.definition.nameEn).text } ?? m.indicator,
                                          indicatorCode: info?.code, indicatorHref: info.map { SiteURL.Indicators.indicator(.value($0.code)).link(lang) },
                                          baseline: value(m.baseline, m.baselineYear), target: value(m.targetValue, m.targetYear),
                                          latest: value(latestValue, latestYear), status: s.label(a.status),
                                          statusClass: a.status.rawValue, explanation: explanation))
        }
        return out
    }
}
