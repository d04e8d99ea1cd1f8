import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// Sums for "where the support goes" (`GrantSupport`), per district and year: each grant counts in
/// the year it was decided, its money shared by population among the districts the association is
/// active in (its activities' areas, or the district areas of the registers it is or asked to be
/// in when it lists none; money with neither is reported as not placed); each
/// association registered today counts once in every such district. Districts are ordered by an
/// indicator's latest value there (by default the socioeconomic area type), as for the dialogues.
enum GrantSupportQuery {
    struct Result: Sendable {
        let indicator: IndicatorInfo?
        let fromYear: Int
        let toYear: Int
        let support: GrantSupport.Support
        let years: [GrantSupport.Year]
        /// Kronor awarded in the period to associations with no district to place them in.
        let unplaced: Double
    }

    /// The statuses of a grant that was awarded (granted in full or in part, and every step after).
    static let awarded: [GrantStatus] = [.granted, .grantedInPart, .paid, .reportDue, .reportReceived, .closed]

    static func compute(
        fromYear: Int, toYear: Int, indicatorCode: String?, body: String?, index: CatalogueIndex, today: Day,
        on db: any Database
    ) async throws -> Result {
        let sql = try db.sql()
        let statuses: [any Encodable & Sendable] = awarded.map(\.rawValue)
        var filter: SQLQueryString = """
            a.amount_granted > 0 AND a.status IN (\(binds: statuses))
            AND a.decided_on >= \(bind: "\(fromYear)-01-01") AND a.decided_on <= \(bind: "\(toYear)-12-31")
            """
        // The schemes are joined only to filter by body.
        var from: SQLQueryString = "grant_applications a"
        if let body {
            from = "grant_applications a JOIN grant_schemes s ON s.id = a.scheme_id"
            filter = filter + " AND s.body = \(bind: body)"
        }
        // Everything is summed in SQL per place, the areas an association is active in written as
        // one text (its activities' areas, else the areas of the registers it is or asked to be in;
        // area ids are slugs, so a space separates them). A few hundred rows come back instead of one
        // per association and year: rows are what costs here, not SQLite's work. Money rows carry a
        // year; the count of associations registered today comes in rows without one.
        let rows = try await sql.raw(
            """
            WITH place AS MATERIALIZED (
                SELECT association_id, area FROM association_activities
                UNION
                SELECT r.association_id, r.area FROM association_registers r
                WHERE NOT EXISTS (SELECT 1 FROM association_activities t WHERE t.association_id = r.association_id)
            ), reach AS MATERIALIZED (
                SELECT association_id, string_agg(area, ' ' ORDER BY area) AS places FROM place GROUP BY association_id
            ), money AS (
                SELECT a.association_id, substr(a.decided_on, 1, 4) AS year, a.amount_granted AS kronor
                FROM \(from) WHERE \(filter)
            )
            SELECT reach.places AS places, money.year AS year, CAST(SUM(money.kronor) AS BIGINT) AS kronor,
            CAST(NULL AS BIGINT) AS registered
            FROM money LEFT JOIN reach ON reach.association_id = money.association_id
            GROUP BY reach.places, money.year
            UNION ALL
            SELECT reach.places, CAST(NULL AS TEXT), CAST(NULL AS BIGINT), COUNT(*)
            FROM reach JOIN associations a ON a.id = reach.association_id
            WHERE EXISTS (
                SELECT 1 FROM association_registers r
                WHERE r.association_id = a.id AND \(AssociationStore.registered(on: today))
            )
            GROUP BY reach.places
            """
        ).all()
        // Many associations reach the same districts: each set is named once, and sums are
        // gathered per set before they are spread over its districts.
        var coverage = DialogueReachQuery.Coverage(index: index)
        var sets: [[String]] = []
        var setByDistricts: [Set<String>: Int] = [:]
        var setByPlaces: [String: Int?] = [:]
        func set(_ places: String?) -> Int? {
            guard let places else { return nil }
            if let known = setByPlaces[places] { return known }
            let districts = Set(places.split(separator: " ").flatMap { coverage.districts(String($0)) })
            var found: Int?
            if !districts.isEmpty {
                found = setByDistricts[districts] ?? sets.count
                if found == sets.count {
                    setByDistricts[districts] = sets.count
                    sets.append(districts.sorted())
                }
            }
            setByPlaces[places] = found
            return found
        }
        var associations: [String: Int] = [:]
        var bySet: [Int: [Int: Double]] = [:]
        var unplaced = 0.0
        for row in rows {
            let places = try row.optional("places", as: String.self)
            if let registered = try row.optional("registered", as: Int.self) {
                guard let found = set(places) else { continue }
                for district in sets[found] { associations[district, default: 0] += registered }
                continue
            }
            guard let year = Int(try row.value("year", as: String.self)) else { continue }
            let amount = Double(try row.value("kronor", as: Int.self))
            guard let found = set(places) else {
                unplaced += amount
                continue
            }
            bySet[year, default: [:]][found, default: 0] += amount
        }
        var kronor: [Int: [String: Double]] = [:]
        for (year, sums) in bySet {
            for (set, sum) in sums {
                let districts = sets[set]
                let population = districts.map { index.areaByID[$0]?.population ?? 0 }.reduce(0, +)
                for district in districts {
                    let share =
                        population > 0
                        ? (index.areaByID[district]?.population ?? 0) / population : 1 / Double(districts.count)
                    kronor[year, default: [:]][district, default: 0] += sum * share
                }
            }
        }
        let districts = index.document.areas.filter { $0.kind == .district }
        let info = try await IndicatorQueries.one(indicatorCode ?? DialogueReachQuery.defaultIndicator, on: db)
        var ordering: [String: Double] = [:]
        if let info { ordering = try await IndicatorQueries.latestValues(info.id, kind: .district, on: db) }
        func counts(_ years: ClosedRange<Int>) -> [GrantSupport.AreaCount] {
            districts.map { district in
                GrantSupport.AreaCount(
                    id: district.id, kronor: years.reduce(0.0) { $0 + (kronor[$1]?[district.id] ?? 0) },
                    associations: associations[district.id] ?? 0, population: district.population,
                    ordering: ordering[district.id])
            }
        }
        let betterOff = info?.direction ?? .higherIsBetter
        let isClasses = info?.definition.kindOrQuantity == .categorical
        let range = fromYear...max(fromYear, toYear)
        let years = Dictionary(uniqueKeysWithValues: range.map { ($0, counts($0...$0)) })
        return Result(
            indicator: info, fromYear: fromYear, toYear: toYear,
            support: GrantSupport.analyse(counts(range), betterOff: betterOff, isClasses: isClasses),
            years: GrantSupport.series(years, betterOff: betterOff, isClasses: isClasses), unplaced: unplaced)
    }
}
