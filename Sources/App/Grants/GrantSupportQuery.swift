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
        // Where each association is: its activities' areas, else its registers' district areas.
        // Ids are read as text: they are only keys here, and parsing thousands of UUIDs costs. Rows
        // are read by the thousand, so column by column (`SQLRow.value`), not through a Decoder.
        struct Place {
            let association_id: String
            let area: String
        }
        func places(_ rows: [any SQLRow]) throws -> [Place] {
            try rows.map { Place(association_id: try $0.value("association_id"), area: try $0.value("area")) }
        }
        let activities = try places(
            try await sql.raw(
                "SELECT DISTINCT CAST(association_id AS TEXT) AS association_id, area FROM association_activities"
            ).all())
        let registers = try places(
            try await sql.raw(
                """
                SELECT CAST(r.association_id AS TEXT) AS association_id, r.area AS area FROM association_registers r
                JOIN associations a ON a.id = r.association_id WHERE \(AssociationStore.registered(on: today))
                """
            ).all())
        // The registers asked for count only for associations that list no activity.
        let asked = try places(
            try await sql.raw(
                """
                SELECT CAST(r.association_id AS TEXT) AS association_id, r.area AS area FROM association_registers r
                WHERE NOT EXISTS (SELECT 1 FROM association_activities t WHERE t.association_id = r.association_id)
                """
            ).all())
        var coverage = DialogueReachQuery.Coverage(index: index)
        var reach: [String: Set<String>] = [:]
        for place in activities { reach[place.association_id, default: []].formUnion(coverage.districts(place.area)) }
        for (association, places) in Dictionary(grouping: asked, by: \.association_id)
        where (reach[association] ?? []).isEmpty {
            reach[association] = Set(places.flatMap { coverage.districts($0.area) })
        }
        // Many associations reach the same districts: each set is named once, and sums are
        // gathered per set before they are spread over its districts.
        var setOf: [String: Int] = [:]
        var sets: [[String]] = []
        var setByDistricts: [Set<String>: Int] = [:]
        for (association, districts) in reach where !districts.isEmpty {
            if let known = setByDistricts[districts] {
                setOf[association] = known
            } else {
                setByDistricts[districts] = sets.count
                setOf[association] = sets.count
                sets.append(districts.sorted())
            }
        }
        var associationsBySet = [Int](repeating: 0, count: sets.count)
        for association in Set(registers.map(\.association_id)) {
            if let set = setOf[association] { associationsBySet[set] += 1 }
        }
        var associations: [String: Int] = [:]
        for (set, count) in associationsBySet.enumerated() where count > 0 {
            for district in sets[set] { associations[district, default: 0] += count }
        }
        // The money: summed per association and year in SQL, per set and year here, then shared
        // among the set's districts by population.

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
        let awardRows = try await sql.raw(
            """
            SELECT CAST(a.association_id AS TEXT) AS association_id, substr(a.decided_on, 1, 4) AS year,
            CAST(SUM(a.amount_granted) AS BIGINT) AS kronor
            FROM \(from) WHERE \(filter)
            GROUP BY a.association_id, substr(a.decided_on, 1, 4)
            """
        ).all()
        var bySet: [Int: [Int: Double]] = [:]
        var unplaced = 0.0
        for row in awardRows {
            let amount = Double(try row.value("kronor", as: Int.self))
            guard let year = Int(try row.value("year", as: String.self)) else { continue }
            guard let set = setOf[try row.value("association_id", as: String.self)] else {
                unplaced += amount
                continue
            }
            bySet[year, default: [:]][set, default: 0] += amount
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
