import Fluent
import Foundation
import SQLKit
import SkillnadCore

extension AreaPage {
    /// For each indicator with a value for an area: the area's latest value, the city's then,
    /// and the area's place among the areas of its level.
    struct IndicatorReading: Sendable {
        let info: IndicatorInfo
        let latest: IndicatorQueries.ObservationRow
        let cityValue: Double?
        /// How many areas of the same level have a better value, and how many have one.
        let betterCount: Int?
        let levelCount: Int
    }

    /// Reads every indicator's latest value for the area, the citywide value of that period and,
    /// for quantities, the area's rank among the areas of its kind.
    static func query(area: AreaRecord, on db: any Database) async throws -> [IndicatorReading] {
        var out: [IndicatorReading] = []
        for info in try await IndicatorQueries.all(on: db) {
            let rows = try await IndicatorQueries.observations(
                info.id, area: area.id, group: ObservationGroup.total, on: db)
            guard let latest = rows.last else { continue }
            let categorical = info.definition.kindOrQuantity == .categorical
            guard !categorical, area.kind != .city else {
                out.append(
                    IndicatorReading(info: info, latest: latest, cityValue: nil, betterCount: nil, levelCount: 0))
                continue
            }
            let areaLevel = area.kind.rawValue
            let summaries = try await IndicatorQueries.summaries(info.id, level: areaLevel, on: db)
            let city = try await IndicatorQueries.cityValues(
                info.id, summaries: summaries, level: areaLevel, on: db)
            let rank = try await rank(info, latest: latest, kind: area.kind, on: db)
            out.append(
                IndicatorReading(
                    info: info, latest: latest, cityValue: city[latest.period], betterCount: rank.better,
                    levelCount: rank.count))
        }
        return out
    }

    /// How many areas of a kind have a better value than `latest` in its period (by the
    /// indicator's direction), and how many have a value at all: one aggregate over the period.
    static func rank(
        _ info: IndicatorInfo, latest: IndicatorQueries.ObservationRow, kind: AreaKind, on db: any Database
    ) async throws -> (better: Int?, count: Int) {
        guard let value = latest.value else { return (nil, 0) }
        struct Row: Decodable {
            let total: Int?
            let better: Int?
        }
        let comparison = info.direction == .lowerIsBetter ? "<" : ">"
        let row = try await db.sql().raw(
            """
            SELECT COUNT(*) AS total, SUM(CASE WHEN o.value \(unsafeRaw: comparison) \(bind: value) THEN 1 ELSE 0 END) AS better
            FROM \(ident: Observation.schema) o
            JOIN \(ident: Area.schema) a ON a.number = o.area_no
            WHERE o.indicator_no = \(Observation.number(ofIndicator: info.id))
              AND o.period = \(bind: latest.period) AND o.group_key = \(bind: ObservationGroup.total)
              AND a.kind = \(bind: kind.rawValue) AND o.value IS NOT NULL
            """
        ).first(decoding: Row.self)
        return (row?.better ?? 0, row?.total ?? 0)
    }
}
