import Fluent
import Foundation
import SkillnadCore

/// The figures for a budget's reach (`BudgetReach`): counted ballots per heading against the
/// heading's population, and each heading's area placed by an indicator's latest value there.
/// An area with no value of its own (a district area, whose statistics come per district) takes
/// its districts' values weighted by their population. By default the areas are placed by the
/// indicator the dialogues' reach uses, Statistics Sweden's socioeconomic area type.
enum BudgetReachQuery {
    struct Result: Sendable {
        let indicator: IndicatorInfo?
        let reach: BudgetReach.Reach
        /// Whether a heading's indicator value was pooled from the districts inside it.
        let pooled: Set<String>
        /// The indicators that can place the areas: those with values by district.
        let choices: [IndicatorInfo]
    }

    /// - Throws: `ParameterError` for an indicator code that names no indicator.
    static func compute(
        _ loaded: BudgetPages.Loaded, tally: BallotBox.Tally, indicatorCode: String?, on db: any Database
    ) async throws -> Result {
        let info = try await IndicatorQueries.one(indicatorCode ?? DialogueReachQuery.defaultIndicator, on: db)
        if let indicatorCode, info == nil {
            throw ParameterError(
                parameter: "indicator", message: "no indicator has the code '\(indicatorCode.prefix(80))'")
        }
        var districtValues: [String: Double] = [:]
        var ownValues: [String: Double] = [:]
        if let info {
            districtValues = try await IndicatorQueries.latestValues(info.id, kind: .district, on: db)
            for heading in loaded.headings where districtValues[heading.area] == nil {
                ownValues.merge(
                    try await IndicatorQueries.latestValues(info.id, area: heading.area, on: db)
                ) { first, _ in first }
            }
        }
        var coverage = DialogueReachQuery.Coverage(index: loaded.index)
        var pooled: Set<String> = []
        let areas = loaded.headings.map { heading -> BudgetReach.Area in
            var ordering = districtValues[heading.area] ?? ownValues[heading.area]
            if ordering == nil, info != nil {
                let parts = coverage.districts(heading.area).compactMap { district in
                    districtValues[district].map {
                        (value: $0, population: loaded.index.areaByID[district]?.population)
                    }
                }
                ordering = BudgetReach.pooledValue(parts)
                if ordering != nil { pooled.insert(heading.slug) }
            }
            return BudgetReach.Area(
                id: heading.slug, ballots: tally.ballots[heading.id]?.values.reduce(0, +) ?? 0,
                population: heading.population.map(Double.init), ordering: ordering)
        }
        return Result(
            indicator: info, reach: BudgetReach.analyse(areas, betterOff: info?.direction ?? .higherIsBetter),
            pooled: pooled, choices: try await DialogueReachQuery.districtIndicators(on: db))
    }
}
