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
    /// for quantities, the area's rank among the areas of its kind. The values come in one query
    /// and the city's in another, whatever the number of indicators; only the ranks are one each.
    static func query(area: AreaRecord, on db: any Database) async throws -> [IndicatorReading] {
        let infos = try await IndicatorQueries.all(on: db)
        if area.kind == .city { return try await cityReadings(infos, area: area, on: db) }
        let level = area.kind.rawValue
        let values = try await areaValues(area.id, level: level, on: db)
        let summaries = Dictionary(
            grouping: try await IndicatorQueries.summaries(level: level, on: db), by: \.indicator_id)
        var cityValues: [UUID: [String: Double]] = [:]
        for (id, list) in summaries {
            for row in list { if let mean = row.mean { cityValues[id, default: [:]][row.period] = mean } }
        }
        for row in try await IndicatorQueries.summarisedCityValues(on: db) {
            cityValues[row.indicator_id, default: [:]][row.period] = row.value
        }
        let latest = infos.compactMap { info in
            values[info.id]?.max(by: { $0.period < $1.period }).map { (info: info, latest: $0) }
        }
        let ranks = try await ranks(
            latest.filter { $0.info.definition.kindOrQuantity == .quantity }, kind: area.kind, on: db)
        return latest.map { info, latest in
            guard info.definition.kindOrQuantity == .quantity else {
                return IndicatorReading(info: info, latest: latest, cityValue: nil, betterCount: nil, levelCount: 0)
            }
            let rank = ranks[info.id]
            return IndicatorReading(
                info: info, latest: latest, cityValue: cityValues[info.id]?[latest.period],
                betterCount: latest.value == nil ? nil : rank?.better ?? 0, levelCount: rank?.count ?? 0)
        }
    }

    /// For each indicator, how many areas of a kind have a better value than the area's latest (by
    /// the indicator's direction) in that period, and how many have a value at all: one query for
    /// every indicator, the area's values handed in as a table of (indicator, period, value, lower
    /// is better).
    static func ranks(
        _ readings: [(info: IndicatorInfo, latest: IndicatorQueries.ObservationRow)], kind: AreaKind,
        on db: any Database
    ) async throws -> [UUID: (better: Int, count: Int)] {
        let valued = readings.compactMap { reading in reading.latest.value.map { (reading, $0) } }
        guard !valued.isEmpty else { return [:] }
        struct Row: Decodable {
            let indicator_id: UUID
            let total: Int
            let better: Int?
        }
        let table = SQLList(
            valued.map { reading, value in
                SQLGroupExpression([
                    SQLBind(reading.info.id), SQLBind(reading.latest.period), SQLBind(value),
                    SQLBind(reading.info.direction == .lowerIsBetter ? 1 : 0),
                ])
            })
        // A VALUES table's columns are column1, column2, … in both SQLite and PostgreSQL.
        let rows = try await db.sql().raw(
            """
            SELECT k.column1 AS indicator_id, COUNT(*) AS total,
                   SUM(CASE WHEN (k.column4 = 1 AND o.value < k.column3) OR (k.column4 = 0 AND o.value > k.column3)
                       THEN 1 ELSE 0 END) AS better
            FROM (VALUES \(table)) AS k
            JOIN \(ident: Indicator.schema) i ON i.id = k.column1
            JOIN \(ident: Observation.schema) o
              ON o.indicator_no = i.number AND o.period = k.column2 AND o.group_key = \(bind: ObservationGroup.total)
            JOIN \(ident: Area.schema) a ON a.number = o.area_no
            WHERE a.kind = \(bind: kind.rawValue) AND o.value IS NOT NULL
            GROUP BY k.column1
            """
        ).all(decoding: Row.self)
        return Dictionary(
            rows.map { ($0.indicator_id, (better: $0.better ?? 0, count: $0.total)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The city's own page: its values, indicator by indicator (a city has no rank).
    static func cityReadings(_ infos: [IndicatorInfo], area: AreaRecord, on db: any Database) async throws
        -> [IndicatorReading]
    {
        var out: [IndicatorReading] = []
        for info in infos {
            let rows = try await IndicatorQueries.observations(
                info.id, area: area.id, group: ObservationGroup.total, on: db)
            guard let latest = rows.last else { continue }
            out.append(IndicatorReading(info: info, latest: latest, cityValue: nil, betterCount: nil, levelCount: 0))
        }
        return out
    }

    /// The area's values for everyone (group `T`) of every indicator, by indicator. Each period an
    /// area of this kind has a value in has a summary at this level, so the summaries name every
    /// (indicator, period) to seek in the observations' key, instead of reading all of them.
    static func areaValues(_ areaID: String, level: String, on db: any Database) async throws
        -> [UUID: [IndicatorQueries.ObservationRow]]
    {
        struct Row: Decodable {
            let indicator_id: UUID
            let period: String
            let value: Double?
            let numerator: Double?
            let denominator: Double?
            let weight: Double?
            let preliminary: Bool
            let suppressed: Bool
        }
        let rows = try await db.sql().raw(
            """
            SELECT k.indicator_id, o.period, o.value, o.numerator, o.denominator, o.weight, o.preliminary,
                   o.suppressed
            FROM (SELECT DISTINCT s.indicator_id, i.number AS indicator_no, s.period
                  FROM \(ident: IndicatorSummary.schema) s JOIN \(ident: Indicator.schema) i ON i.id = s.indicator_id
                  WHERE s.level = \(bind: level)) k
            JOIN \(ident: Observation.schema) o
              ON o.indicator_no = k.indicator_no AND o.period = k.period
             AND o.group_key = \(bind: ObservationGroup.total)
             AND o.area_no = (SELECT number FROM \(ident: Area.schema) WHERE slug = \(bind: areaID))
            """
        ).all(decoding: Row.self)
        var out: [UUID: [IndicatorQueries.ObservationRow]] = [:]
        for row in rows {
            out[row.indicator_id, default: []].append(
                IndicatorQueries.ObservationRow(
                    slug: areaID, period: row.period, group_key: ObservationGroup.total, value: row.value,
                    numerator: row.numerator, denominator: row.denominator, weight: row.weight,
                    preliminary: row.preliminary, suppressed: row.suppressed))
        }
        return out
    }

}
