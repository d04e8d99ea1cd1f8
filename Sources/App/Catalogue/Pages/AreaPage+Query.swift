import Fluent
import Foundation
import SkillnadCore

extension AreaPage {
    /// For each indicator with a value for an area: the area's latest value and the city's then.
    struct IndicatorReading: Sendable {
        let info: IndicatorInfo
        let latest: IndicatorQueries.ObservationRow
        let cityValue: Double?
    }

    /// Reads every indicator's latest value for the area and the citywide value of that period.
    static func query(area: AreaRecord, on db: any Database) async throws -> [IndicatorReading] {
        var out: [IndicatorReading] = []
        for info in try await IndicatorQueries.all(on: db) {
            let rows = try await IndicatorQueries.observations(
                info.id, area: area.id, group: ObservationGroup.total, on: db)
            guard let latest = rows.last else { continue }
            let areaLevel = area.kind == .city ? nil : area.kind.rawValue
            let summaries = try await IndicatorQueries.summaries(info.id, level: areaLevel, on: db)
            let level = areaLevel ?? IndicatorQueries.defaultLevel(Set(summaries.map(\.level)))
            var city: [String: Double] = [:]
            if let level {
                city = try await IndicatorQueries.cityValues(info.id, summaries: summaries, level: level, on: db)
            }
            out.append(IndicatorReading(info: info, latest: latest, cityValue: city[latest.period]))
        }
        return out
    }
}

extension AreaPage.IndicatorValue {
    /// Every indicator with a value for the area, as the page shows it.
    static func all(_ readings: [AreaPage.IndicatorReading], _ lang: Lang) -> [AreaPage.IndicatorValue] {
        readings.map { reading in
            let definition = reading.info.definition
            return .init(
                name: lang.pick(definition.name, definition.nameEn),
                href: SiteURL.Indicators.indicator(.value(definition.code)).link(lang),
                period: reading.latest.period,
                value: NumberText.value(reading.latest.value, unit: definition.unit, lang),
                city: NumberText.value(reading.cityValue, unit: definition.unit, lang),
                preliminary: reading.latest.preliminary)
        }
    }
}
