import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Counts for "whom the dialogues reach" (`DialogueReach`), per district and year: a dialogue
/// counts once in every district it covers (its own districts, every district inside a district
/// area or the city it names, the district around a smaller area); its participants are shared
/// among those districts by population. Digital-only and cancelled dialogues count nowhere. Each
/// district is ordered by an indicator's latest value there (by default Statistics Sweden's
/// socioeconomic area type).
enum DialogueReachQuery {
    /// The indicator ordered by when none is asked for.
    static let defaultIndicator = "socioekonomisk-omradestyp"

    struct Result: Sendable {
        let indicator: IndicatorInfo?
        let fromYear: Int
        let toYear: Int
        let reach: DialogueReach.Reach
        let years: [DialogueReach.Year]
    }

    /// Dialogues and participants per year and district.
    struct Tally: Sendable, Equatable {
        var dialogues: [Int: [String: Int]] = [:]
        var participants: [Int: [String: Double]] = [:]

        /// Counts `count` dialogues with `people` participants once in each reached district, the
        /// participants shared by population (evenly when no district has one).
        mutating func add(year: Int, reached: Set<String>, count: Int, people: Int?, index: CatalogueIndex) {
            guard !reached.isEmpty else { return }
            let population = reached.map { index.areaByID[$0]?.population ?? 0 }.reduce(0, +)
            for district in reached {
                dialogues[year, default: [:]][district, default: 0] += count
                guard let people else { continue }
                let share =
                    population > 0
                    ? (index.areaByID[district]?.population ?? 0) / population : 1 / Double(reached.count)
                participants[year, default: [:]][district, default: 0] += Double(people) * share
            }
        }
    }

    /// The districts an area covers: itself, every district inside it, or the district around it.
    struct Coverage {
        let index: CatalogueIndex
        var known: [String: [String]] = [:]

        mutating func districts(_ area: String) -> [String] {
            if let found = known[area] { return found }
            var found: [String] = []
            if let record = index.areaByID[area] {
                if record.kind == .district {
                    found = [area]
                } else if let children = index.childAreas[area], !children.isEmpty {
                    found = children.flatMap { districts($0.id) }
                } else {
                    // A smaller area: the district around it.
                    var cursor = record.parent
                    while let parent = cursor, let above = index.areaByID[parent] {
                        if above.kind == .district {
                            found = [parent]
                            break
                        }
                        cursor = above.parent
                    }
                }
            }
            known[area] = found
            return found
        }
    }

    /// The counts of the dialogues held from `fromYear` to `toYear`, from the area links alone
    /// (`AddDialogueReachColumns`): those in one area counted in SQL per area and year (the share
    /// of participants is the same for all of them); only those in several areas read one by one.
    /// PostgreSQL sums a BIGINT column as NUMERIC, hence the cast.
    static func tally(fromYear: Int, toYear: Int, index: CatalogueIndex, on db: any Database) async throws -> Tally {
        let sql = try db.sql()
        let held: SQLQueryString = """
            l.starts_on >= \(bind: "\(fromYear)-01-01") AND l.starts_on <= \(bind: "\(toYear)-12-31")
            AND l.status <> 'cancelled'
            """
        struct Group: Decodable {
            let area: String
            let year: String
            let dialogues: Int
            let participants: Int?
        }
        let groups = try await sql.raw(
            """
            SELECT l.area AS area, substr(l.starts_on, 1, 4) AS year, COUNT(*) AS dialogues,
            CAST(SUM(l.participants) AS BIGINT) AS participants
            FROM dialogue_areas l WHERE \(held) AND l.spread = 1
            GROUP BY l.area, substr(l.starts_on, 1, 4)
            """
        ).all(decoding: Group.self)
        struct Link: Decodable {
            let dialogue_id: UUID
            let area: String
            let starts_on: String
            let participants: Int?
        }
        let links = try await sql.raw(
            """
            SELECT l.dialogue_id AS dialogue_id, l.area AS area, l.starts_on AS starts_on,
            l.participants AS participants
            FROM dialogue_areas l WHERE \(held) AND l.spread > 1
            """
        ).all(decoding: Link.self)
        var coverage = Coverage(index: index)
        var tally = Tally()
        for group in groups {
            guard let year = Int(group.year) else { continue }
            tally.add(
                year: year, reached: Set(coverage.districts(group.area)), count: group.dialogues,
                people: group.participants, index: index)
        }
        for (_, areas) in Dictionary(grouping: links, by: \.dialogue_id) {
            guard let first = areas.first, let year = Int(first.starts_on.prefix(4)) else { continue }
            let reached = Set(areas.flatMap { coverage.districts($0.area) })
            tally.add(year: year, reached: reached, count: 1, people: first.participants, index: index)
        }
        return tally
    }

    static func compute(
        fromYear: Int, toYear: Int, indicatorCode: String?, index: CatalogueIndex, on db: any Database
    ) async throws -> Result {
        let tally = try await tally(fromYear: fromYear, toYear: toYear, index: index, on: db)
        let districts = index.document.areas.filter { $0.kind == .district }
        let info = try await IndicatorQueries.one(indicatorCode ?? defaultIndicator, on: db)
        var ordering: [String: Double] = [:]
        if let info { ordering = try await IndicatorQueries.latestValues(info.id, kind: .district, on: db) }
        func counts(_ years: ClosedRange<Int>) -> [DialogueReach.AreaCount] {
            districts.map { district in
                DialogueReach.AreaCount(
                    id: district.id, dialogues: years.reduce(0) { $0 + (tally.dialogues[$1]?[district.id] ?? 0) },
                    participants: Int(years.reduce(0.0) { $0 + (tally.participants[$1]?[district.id] ?? 0) }.rounded()),
                    population: district.population, ordering: ordering[district.id])
            }
        }
        let order = DialogueReach.Ordering(
            betterOff: info?.direction ?? .higherIsBetter, isClasses: info?.definition.kindOrQuantity == .categorical)
        let range = fromYear...max(fromYear, toYear)
        let years = Dictionary(uniqueKeysWithValues: range.map { ($0, counts($0...$0)) })
        return Result(
            indicator: info, fromYear: fromYear, toYear: toYear,
            reach: DialogueReach.analyse(counts(range), ordering: order),
            years: DialogueReach.series(years, ordering: order))
    }

    /// The indicators with values by district, which the districts can be ordered by.
    static func districtIndicators(on db: any Database) async throws -> [IndicatorInfo] {
        let ids = Set(
            try await IndicatorQueries.summaries(level: AreaKind.district.rawValue, on: db).map(\.indicator_id))
        return try await IndicatorQueries.all(on: db).filter { ids.contains($0.id) }
    }
}
