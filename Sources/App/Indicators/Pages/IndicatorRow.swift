import Fluent
import Foundation
import SkillnadCore

/// One indicator in lists: its latest gap and where the gap is heading.
struct IndicatorRow: Encodable, Sendable {
    let name: LocalText
    let href: String
    let unit: String
    let direction: String
    let level: String
    let latestPeriod: String
    let cityValue: String
    let best: String
    let worst: String
    let gap: String
    let trend: String
    let trendClass: String
    let periods: String

    /// Widening first, then stable, narrowing, and those without a trend.
    let sortKey: Int
    let slope: Double

    static func make(
        _ info: IndicatorInfo, summaries: [IndicatorQueries.SummaryRow], city: [String: Double]? = nil,
        index: CatalogueIndex, lang: Lang
    ) -> IndicatorRow? {
        let s = Texts(lang)
        let d = info.definition
        let levels = Set(summaries.map(\.level))
        guard let level = IndicatorQueries.defaultLevel(levels) else {
            guard let city, let latest = city.keys.max() else { return nil }
            return IndicatorRow(
                name: lang.pick(d.name, d.nameEn), href: SiteURL.Indicators.indicator(.value(d.code)).link(lang),
                unit: s.unit(d.unit), direction: s.label(d.direction), level: s[.cityWhole], latestPeriod: latest,
                cityValue: NumberText.value(city[latest], unit: d.unit, lang), best: "–", worst: "–", gap: "–",
                trend: s[.onlyCityValues], trendClass: "none",
                periods: s.count(city.count, IndicatorText.periodCount, .periodsCount), sortKey: 4, slope: 0)
        }
        let series = summaries.filter { $0.level == level }
        guard let last = series.last else { return nil }
        if d.kindOrQuantity == .categorical {
            return IndicatorRow(
                name: lang.pick(d.name, d.nameEn), href: SiteURL.Indicators.indicator(.value(d.code)).link(lang),
                unit: s[.classesUnit], direction: s.label(d.direction), level: s.areaKind(level),
                latestPeriod: last.period, cityValue: "–", best: "–", worst: "–", gap: "–",
                trend: s[.categoricalNoGap], trendClass: "none",
                periods: s.count(series.count, IndicatorText.periodCount, .periodsCount), sortKey: 5, slope: 0)
        }
        let trend = Disparity.trend(series.map { ($0.period, $0.difference ?? .nan) })
        func area(_ id: String?, _ v: Double?) -> String {
            guard let id else { return "–" }
            let a = index.areaByID[id]
            return "\(a.map { lang.pick($0.name, $0.nameEn).text } ?? id) (\(NumberText.value(v, unit: d.unit, lang)))"
        }
        let order: [Disparity.Trend.Classification: Int] = [.widening: 0, .stable: 1, .narrowing: 2, .notEnoughData: 3]
        return IndicatorRow(
            name: lang.pick(d.name, d.nameEn), href: SiteURL.Indicators.indicator(.value(d.code)).link(lang),
            unit: s.unit(d.unit), direction: s.label(d.direction), level: s.areaKind(level),
            latestPeriod: last.period, cityValue: NumberText.value(city?[last.period] ?? last.mean, unit: d.unit, lang),
            best: area(last.best_area, last.best_value), worst: area(last.worst_area, last.worst_value),
            gap: NumberText.gap(last.difference, unit: d.unit, lang), trend: s.label(trend.classification),
            trendClass: trend.classification.rawValue,
            periods: s.count(series.count, IndicatorText.periodCount, .periodsCount),
            sortKey: order[trend.classification] ?? order.count, slope: trend.slope ?? 0)
    }
}
