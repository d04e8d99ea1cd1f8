import Fluent
import Foundation
import SkillnadCore

extension IndicatorPage {
    /// What an indicator page reads: the indicator, its summaries, the level and period shown (the
    /// wanted ones when they have values, else the default level and the latest period), the
    /// citywide values, the observations of that level and period, the map's, and the milestones.
    struct Query: Sendable {
        let info: IndicatorInfo
        let summaries: [IndicatorQueries.SummaryRow]
        let level: String?
        let period: String?
        let cityValues: [String: Double]
        /// Every observation of the level and period, groups included.
        let rows: [IndicatorQueries.ObservationRow]
        /// The level's totals: one value per area.
        let total: [IndicatorQueries.ObservationRow]
        /// The level the map shows: the chosen one when its areas have shapes, else the district areas.
        let mapLevel: String?
        let mapRows: [IndicatorQueries.ObservationRow]
        let milestones: MilestoneStatusRow.Query
        /// Which values of the period are added up from smaller areas, when any of the level's are.
        var provenance: IndicatorAggregation.Provenance? = nil

        var atLevel: [IndicatorQueries.SummaryRow] { summaries.filter { $0.level == level } }
    }

    /// Reads an indicator page's data; nil when no indicator has the code.
    static func query(
        _ index: CatalogueIndex, code: String, level wantedLevel: String?, period wantedPeriod: String?,
        on db: any Database
    ) async throws -> Query? {
        guard let info = try await IndicatorQueries.one(code, on: db) else { return nil }
        let summaries = try await IndicatorQueries.summaries(info.id, on: db)
        let levelsPresent = Set(summaries.map(\.level))
        let level =
            wantedLevel.flatMap { levelsPresent.contains($0) ? $0 : nil }
            ?? IndicatorQueries.defaultLevel(levelsPresent)
        let periodsAtLevel = summaries.filter { $0.level == level }.map(\.period)
        let period = wantedPeriod.flatMap { periodsAtLevel.contains($0) ? $0 : nil } ?? periodsAtLevel.last
        // The city's own values even without other areas: some indicators, such as a gap, exist only citywide.
        let cityValues = try await IndicatorQueries.cityValues(
            info.id, summaries: summaries, level: level ?? "", on: db)
        var rows: [IndicatorQueries.ObservationRow] = []
        var total: [IndicatorQueries.ObservationRow] = []
        var mapLevel: String?
        var mapRows: [IndicatorQueries.ObservationRow] = []
        if let level, let period, summaries.contains(where: { $0.level == level && $0.period == period }) {
            rows = try await IndicatorQueries.observations(info.id, period: period, kind: level, on: db)
            total = rows.filter { $0.group_key == ObservationGroup.total }
            let hasShapes = total.contains { index.areaByID[$0.slug]?.geometry != nil }
            let shownLevel = hasShapes ? level : AreaKind.districtArea.rawValue
            mapLevel = shownLevel
            if shownLevel == level {
                mapRows = total
            } else {
                mapRows = try await IndicatorQueries.observations(
                    info.id, period: period, group: ObservationGroup.total, kind: shownLevel, on: db)
            }
        }
        let milestones = try await MilestoneStatusRow.query(index, indicator: code, on: db)
        // Added-up values may be above the level shown (the city's, from voting districts): one
        // grouped count of the period's values says.
        var provenance: IndicatorAggregation.Provenance?
        if let period, level != nil {
            provenance = try await IndicatorAggregation.provenance(info.id, period: period, on: db)
        }
        return Query(
            info: info, summaries: summaries, level: level, period: period, cityValues: cityValues, rows: rows,
            total: total, mapLevel: mapLevel, mapRows: mapRows, milestones: milestones, provenance: provenance)
    }
}
