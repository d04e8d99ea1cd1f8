import Fluent
import Foundation
import SkillnadCore

extension MilestoneStatusRow {
    /// Reads, for each indicator a milestone follows, its latest citywide value at its default level.
    static func query(_ index: CatalogueIndex, indicator: String? = nil, on db: any Database) async throws -> Query {
        let followed = Set(milestones(index, indicator: indicator).compactMap(\.indicator))
        guard !followed.isEmpty else { return Query(latest: [:]) }
        var latest: [String: Query.Latest] = [:]
        for info in try await IndicatorQueries.all(on: db)
        where followed.contains(info.code) && latest[info.code] == nil {
            var year: Int?
            var value: Double?
            let summaries = try await IndicatorQueries.summaries(info.id, on: db)
            if let level = IndicatorQueries.defaultLevel(Set(summaries.map(\.level))) {
                let city = try await IndicatorQueries.cityValues(info.id, summaries: summaries, level: level, on: db)
                let byYear = city.compactMap { period, cityValue in AreaMatcher.year(period).map { ($0, cityValue) } }
                if let newest = byYear.max(by: { $0.0 < $1.0 }) {
                    year = newest.0
                    value = newest.1
                }
            }
            latest[info.code] = Query.Latest(info: info, year: year, value: value)
        }
        return Query(latest: latest)
    }
}
