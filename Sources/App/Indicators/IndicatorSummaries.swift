import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// The disparity measures of an indicator per period and area level, stored when it is imported
/// so that the differences overview and the indicator page read a few rows, not every observation.
enum IndicatorSummaries {
    struct Point: Decodable, Sendable {
        let period: String
        let value: Double
        let weight: Double?
        let slug: String
        let kind: String
        let population: Double?
    }

    /// The values of the whole population (group `T`) by area, for one indicator.
    static func points(
        _ indicatorID: UUID, period: String? = nil, group: String = ObservationGroup.total,
        on db: any Database
    ) async throws -> [Point] {
        // Naming the periods lets the database seek (indicator, period, group) in the primary key
        // instead of reading every group's rows: 2.5 s against 0.1 s for 5 million observations.
        var periods = period.map { [$0] } ?? []
        if period == nil { periods = try await IndicatorQueries.periods(indicatorID, on: db) }
        guard !periods.isEmpty else { return [] }
        let q = try IndicatorQueries.observationQuery(
            indicatorID, area: nil, periods: periods, group: group, kind: nil,
            on: db
        )
        .column(SQLColumn("period", table: "o")).column(SQLColumn("value", table: "o")).column(
            SQLColumn("weight", table: "o")
        )
        .column(SQLColumn("slug", table: "a")).column(SQLColumn("kind", table: "a")).column(
            SQLColumn("population", table: "a")
        )
        .where(SQLColumn("value", table: "o"), .isNot, SQLLiteral.null)
        return try await q.all(decoding: Point.self)
    }

    /// The inputs of the disparity measures: the weight is the observation's (its denominator or
    /// population column) or else the area's population.
    static func inputs(_ points: [Point]) -> [DisparityInput] {
        points.map { DisparityInput(id: $0.slug, value: $0.value, weight: $0.weight ?? $0.population) }
    }

    static func recompute(_ indicator: Indicator, on db: any Database) async throws {
        let direction = Direction(rawValue: indicator.direction) ?? .higherIsBetter
        // Class numbers are labels in order, not amounts: no mean, gap or ratio is kept for them.
        let categorical = indicator.kind == IndicatorKind.categorical.rawValue
        let indicatorID = try indicator.requireID()
        try await IndicatorSummary.query(on: db).filter(\.$indicator.$id == indicatorID).delete()
        let points = try await points(indicatorID, on: db)
        let byLevel = Dictionary(grouping: points.filter { $0.kind != AreaKind.city.rawValue }) {
            "\($0.kind)|\($0.period)"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (key, list) in byLevel {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let r = Disparity.compute(categorical ? [] : inputs(list), direction: direction)
            let s = IndicatorSummary()
            s.$indicator.id = indicatorID
            s.level = parts[0]
            s.period = parts[1]
            s.areaCount = categorical ? list.count : r.areaCount
            s.mean = r.mean?.value
            s.weighted = r.weighted
            s.difference = r.difference?.value
            s.ratio = r.ratio?.value
            s.bestArea = r.best?.id
            s.bestValue = r.best?.value
            s.worstArea = r.worst?.id
            s.worstValue = r.worst?.value
            s.result = String(decoding: try encoder.encode(r), as: UTF8.self)
            try await s.create(on: db)
        }
    }
}
