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

    struct Held: Decodable {
        let id: UUID
        let starts_on: String
        let participants: Int?
    }

    struct Link: Decodable {
        let dialogue_id: UUID
        let area: String
    }

    static func compute(
        fromYear: Int, toYear: Int, indicatorCode: String?, index: CatalogueIndex, on db: any Database
    ) async throws -> Result {
        let sql = try db.sql()
        let held = try await sql.raw(
            """
            SELECT id, starts_on, participants FROM dialogues
            WHERE status <> 'cancelled' AND starts_on >= \(bind: "\(fromYear)-01-01")
            AND starts_on <= \(bind: "\(toYear)-12-31")
            """
        ).all(decoding: Held.self)
        let links = try await sql.raw(
            """
            SELECT l.dialogue_id AS dialogue_id, l.area AS area FROM dialogue_areas l
            JOIN dialogues d ON d.id = l.dialogue_id
            WHERE d.status <> 'cancelled' AND d.starts_on >= \(bind: "\(fromYear)-01-01")
            AND d.starts_on <= \(bind: "\(toYear)-12-31")
            """
        ).all(decoding: Link.self)
        let areasOf = Dictionary(grouping: links, by: \.dialogue_id)
        let districts = index.document.areas.filter { $0.kind == .district }
        var districtsOf: [String: [String]] = [:]
        func covered(_ area: String) -> [String] {
            if let known = districtsOf[area] { return known }
            var found: [String] = []
            if let record = index.areaByID[area] {
                if record.kind == .district {
                    found = [area]
                } else if let children = index.childAreas[area], !children.isEmpty {
                    found = children.flatMap { covered($0.id) }
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
            districtsOf[area] = found
            return found
        }
        var dialogues: [Int: [String: Int]] = [:]
        var participants: [Int: [String: Double]] = [:]
        for dialogue in held {
            guard let year = Int(dialogue.starts_on.prefix(4)) else { continue }
            let reached = Set((areasOf[dialogue.id] ?? []).flatMap { covered($0.area) })
            guard !reached.isEmpty else { continue }
            let population = reached.map { index.areaByID[$0]?.population ?? 0 }.reduce(0, +)
            for district in reached {
                dialogues[year, default: [:]][district, default: 0] += 1
                guard let count = dialogue.participants else { continue }
                let share =
                    population > 0
                    ? (index.areaByID[district]?.population ?? 0) / population : 1 / Double(reached.count)
                participants[year, default: [:]][district, default: 0] += Double(count) * share
            }
        }
        let info = try await IndicatorQueries.one(indicatorCode ?? defaultIndicator, on: db)
        var ordering: [String: Double] = [:]
        if let info {
            let rows = try await IndicatorQueries.observations(
                info.id, group: ObservationGroup.total, kind: AreaKind.district.rawValue, on: db)
            for row in rows.sorted(by: { $0.period < $1.period }) {
                if let value = row.value { ordering[row.slug] = value }
            }
        }
        func counts(_ years: ClosedRange<Int>) -> [DialogueReach.AreaCount] {
            districts.map { district in
                DialogueReach.AreaCount(
                    id: district.id, dialogues: years.reduce(0) { $0 + (dialogues[$1]?[district.id] ?? 0) },
                    participants: Int(years.reduce(0.0) { $0 + (participants[$1]?[district.id] ?? 0) }.rounded()),
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
