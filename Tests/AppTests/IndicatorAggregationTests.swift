@testable import App
import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import SkillnadCore
import Testing
import Vapor

/// Values added up the area tree: counts summed (never rates averaged), measured values kept,
/// suppression passed up, rates with weights as weighted means, areas outside the city refused;
/// on the test's real database (SQLite, or PostgreSQL with `DATABASE_URL`).
@Suite("Adding values up the area tree")
struct IndicatorAggregationTests {
    /// stockholm ← innerstan (district area) ← {norr, soder} (districts) ← RegSO r1 (in norr), r2 (in
    /// soder) ← DeSO d1, d2 (in r1), d3 (in r2); and a RegSO r9 in no area, with its DeSO d9.
    static let areas = [
        AreaRecord(id: "stockholm", name: "Stockholm", kind: .city, code: "0180"),
        AreaRecord(id: "innerstan", name: "Innerstan", kind: .districtArea, parent: "stockholm"),
        AreaRecord(id: "norr", name: "Norr", kind: .district, parent: "innerstan"),
        AreaRecord(id: "soder", name: "Söder", kind: .district, parent: "innerstan"),
        AreaRecord(id: "r1", name: "R1", kind: .regso, code: "0180R001", parent: "norr"),
        AreaRecord(id: "r2", name: "R2", kind: .regso, code: "0180R002", parent: "soder"),
        AreaRecord(id: "d1", name: "0180C0001", kind: .deso, code: "0180C0001", parent: "r1"),
        AreaRecord(id: "d2", name: "0180C0002", kind: .deso, code: "0180C0002", parent: "r1"),
        AreaRecord(id: "d3", name: "0180C0003", kind: .deso, code: "0180C0003", parent: "r2"),
        AreaRecord(id: "r9", name: "R9", kind: .regso, code: "0180R009"),
        AreaRecord(id: "d9", name: "0180C0009", kind: .deso, code: "0180C0009", parent: "r9"),
    ]

    /// A measured row to store: area id, period, group and the numbers.
    struct Measured {
        var area: String
        var period = "2022"
        var group = ObservationGroup.total
        var value: Double? = nil
        var numerator: Double? = nil
        var denominator: Double? = nil
        var weight: Double? = nil
        var suppressed = false
    }

    /// A stored row as read back.
    struct Stored: Equatable, CustomStringConvertible {
        let area: String
        let period: String
        let group: String
        let value: Double?
        let numerator: Double?
        let denominator: Double?
        let weight: Double?
        let suppressed: Bool
        let aggregated: Int

        var description: String {
            "\(area) \(period) \(group): \(value.map { String($0) } ?? "–") (\(numerator.map { String($0) } ?? "–")/"
                + "\(denominator.map { String($0) } ?? "–"), w \(weight.map { String($0) } ?? "–"))"
                + "\(suppressed ? " suppressed" : "") origin \(aggregated)"
        }
    }

    /// The areas, an indicator and its measured rows; returns the indicator's number.
    static func setUp(_ app: Application, rows: [Measured], areas: [AreaRecord] = areas) async throws -> Int64 {
        try await addAreas(areas, on: app.db)
        let indicator = Indicator()
        indicator.code = "andel"
        indicator.name = "Andel"
        indicator.unit = "percent"
        indicator.direction = Direction.higherIsBetter.rawValue
        indicator.version = 1
        try await indicator.save(on: app.db)
        let sql = try app.db.sql()
        let number = try #require(
            try await sql.select().column("number").from(Indicator.schema).where("code", .equal, "andel").first()?
                .value("number", as: Int64.self))
        try await insert(rows, indicator: number, on: app.db)
        return number
    }

    /// Adds the areas one at a time, each after its parent (`CatalogueImporter.add` links an
    /// area to a parent that exists already).
    static func addAreas(_ areas: [AreaRecord], on db: any Database) async throws {
        try await db.transaction { tx in
            for area in areas {
                try await CatalogueImporter.add(areas: [area], in: tx, actor: .system("test"))
            }
        }
    }

    static func insert(_ rows: [Measured], indicator: Int64, on db: any Database) async throws {
        let sql = try db.sql()
        for row in rows {
            let area = try #require(
                try await sql.select().column("number").from(Area.schema).where("slug", .equal, row.area).first()?
                    .value("number", as: Int64.self))
            try await sql.insert(into: Observation.schema).columns(Observation.columns)
                .values(
                    SQLBind(indicator), SQLBind(area), SQLBind(row.period), SQLBind(row.group), SQLBind(row.value),
                    SQLBind(row.numerator), SQLBind(row.denominator), SQLBind(row.weight), SQLBind(false),
                    SQLBind(row.suppressed)
                ).run()
        }
    }

    /// Every stored row of the indicator, by area, period and group.
    static func stored(_ indicator: Int64, on db: any Database) async throws -> [String: Stored] {
        let rows = try await db.sql().raw(
            """
            SELECT a.slug AS slug, o.period AS period, o.group_key AS group_key, o.value AS value,
                   o.numerator AS numerator, o.denominator AS denominator, o.weight AS weight,
                   o.suppressed AS suppressed, o.aggregated AS aggregated
            FROM observations o JOIN areas a ON a.number = o.area_no WHERE o.indicator_no = \(bind: indicator)
            """
        ).all()
        var out: [String: Stored] = [:]
        for row in rows {
            let stored = Stored(
                area: try row.decode(column: "slug", as: String.self),
                period: try row.decode(column: "period", as: String.self),
                group: try row.decode(column: "group_key", as: String.self),
                value: try row.decode(column: "value", as: Double?.self),
                numerator: try row.decode(column: "numerator", as: Double?.self),
                denominator: try row.decode(column: "denominator", as: Double?.self),
                weight: try row.decode(column: "weight", as: Double?.self),
                suppressed: try row.decode(column: "suppressed", as: Bool.self),
                aggregated: try row.decode(column: "aggregated", as: Int.self))
            out["\(stored.area) \(stored.period) \(stored.group)"] = stored
        }
        return out
    }

    static func refresh(_ indicator: Int64, aggregate: Bool = true, direct: Bool = true, on db: any Database)
        async throws -> Int
    {
        try await db.transaction { tx in
            try await IndicatorAggregation.refresh(
                indicatorNumber: indicator, per: 100, aggregate: aggregate, direct: direct, on: tx)
        }
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    static let counts = [
        Measured(area: "d1", numerator: 10, denominator: 20, weight: 20),
        Measured(area: "d2", numerator: 30, denominator: 40, weight: 40),
        Measured(area: "d3", numerator: 5, denominator: 10, weight: 10),
    ]

    @Test(
        "Counts are added up to every area above, up to the city: Σ numerators / Σ denominators, never a mean of rates")
    func countsAddedUp() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(app, rows: Self.counts)
            let written = try await Self.refresh(indicator, on: app.db)
            #expect(written == 6)
            let rows = try await Self.stored(indicator, on: app.db)
            let r1 = try #require(rows["r1 2022 T"])
            #expect(r1.numerator == 40 && r1.denominator == 60 && r1.weight == 60 && r1.aggregated == 1)
            #expect(Self.close(r1.value, 40.0 / 60 * 100))
            #expect(Self.close(rows["norr 2022 T"]?.value, 40.0 / 60 * 100))
            #expect(Self.close(rows["soder 2022 T"]?.value, 50))
            // 45 of 70 is 64.29 %; the mean of the rates 50, 75 and 50 would be 58.33 %.
            let city = try #require(rows["stockholm 2022 T"])
            #expect(Self.close(city.value, 45.0 / 70 * 100), "\(city)")
            #expect(city.numerator == 45 && city.denominator == 70 && city.aggregated == 1)
            #expect(Self.close(rows["innerstan 2022 T"]?.value, 45.0 / 70 * 100))
            // The measured rows are as they were.
            #expect(rows["d1 2022 T"]?.aggregated == 0)
            #expect(rows["d1 2022 T"]?.value == nil)
            #expect(rows.count == 9)
        }
    }

    @Test("An area's measured value is kept, and the areas above take it rather than the sum below it")
    func measuredWins() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(
                app, rows: Self.counts + [Measured(area: "norr", value: 99, numerator: 99, denominator: 100)])
            #expect(try await Self.refresh(indicator, on: app.db) == 5)
            let rows = try await Self.stored(indicator, on: app.db)
            let norr = try #require(rows["norr 2022 T"])
            #expect(norr.value == 99 && norr.aggregated == 0)
            // innerstan = norr's 99/100 + söder's 5/10.
            #expect(Self.close(rows["innerstan 2022 T"]?.value, 104.0 / 110 * 100))
            #expect(Self.close(rows["r1 2022 T"]?.value, 40.0 / 60 * 100))
        }
    }

    @Test("One suppressed area inside makes every area above it suppressed, without a value")
    func suppressionPassesUp() async throws {
        try await withTestApp(content: .migrated) { app in
            var rows = Self.counts
            rows[2] = Measured(area: "d3", suppressed: true)
            let indicator = try await Self.setUp(app, rows: rows)
            _ = try await Self.refresh(indicator, on: app.db)
            let stored = try await Self.stored(indicator, on: app.db)
            for area in ["r2", "soder", "innerstan", "stockholm"] {
                let row = try #require(stored["\(area) 2022 T"])
                #expect(row.suppressed && row.value == nil && row.numerator == nil, "\(row)")
            }
            let norr = try #require(stored["norr 2022 T"])
            #expect(!norr.suppressed && Self.close(norr.value, 40.0 / 60 * 100))
        }
    }

    @Test("Values with weights only: a population-weighted mean, marked as such")
    func weightedMean() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(
                app,
                rows: [
                    Measured(area: "d1", value: 200, weight: 100), Measured(area: "d2", value: 300, weight: 300),
                    Measured(area: "d3", value: 100, weight: 100),
                ])
            _ = try await Self.refresh(indicator, on: app.db)
            let rows = try await Self.stored(indicator, on: app.db)
            let r1 = try #require(rows["r1 2022 T"])
            #expect(Self.close(r1.value, 275) && r1.weight == 400 && r1.aggregated == 2 && r1.numerator == nil)
            let city = try #require(rows["stockholm 2022 T"])
            #expect(Self.close(city.value, (200.0 * 100 + 300 * 300 + 100 * 100) / 500) && city.aggregated == 2)
        }
    }

    @Test("Periods and groups are added up each on their own")
    func periodsAndGroups() async throws {
        try await withTestApp(content: .migrated) { app in
            var rows: [Measured] = []
            for (period, base) in [("2020", 10.0), ("2021", 20.0)] {
                for group in ["T", "kon=K", "kon=M"] {
                    for (index, area) in ["d1", "d2", "d3"].enumerated() {
                        rows.append(
                            Measured(
                                area: area, period: period, group: group, numerator: base + Double(index),
                                denominator: 100))
                    }
                }
            }
            let indicator = try await Self.setUp(app, rows: rows)
            #expect(try await Self.refresh(indicator, on: app.db) == 2 * 3 * 6)
            let stored = try await Self.stored(indicator, on: app.db)
            #expect(Self.close(stored["stockholm 2020 kon=K"]?.value, 33.0 / 300 * 100))
            #expect(Self.close(stored["stockholm 2021 T"]?.value, 63.0 / 300 * 100))
            #expect(Self.close(stored["r1 2021 kon=M"]?.value, 41.0 / 200 * 100))
        }
    }

    @Test("Values of an area in no other area are refused with that area, and nothing is written")
    func noParent() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(
                app, rows: Self.counts + [Measured(area: "d9", numerator: 1, denominator: 2)])
            do {
                _ = try await Self.refresh(indicator, on: app.db)
                Issue.record("a refresh over an area with no parent was not refused")
            } catch let problems as ObservationProblems {
                #expect(problems.problems == [ObservationProblem(line: nil, column: nil, .noParent(area: "r9"))])
                #expect(problems.description.contains("r9 has no parent"))
            }
            #expect(try await Self.stored(indicator, on: app.db).count == 4)
            // Once r9 lies in the city, its value is added up too.
            try await app.db.sql().raw(
                "UPDATE areas SET parent_id = (SELECT id FROM areas WHERE slug = 'stockholm') WHERE slug = 'r9'"
            ).run()
            _ = try await Self.refresh(indicator, on: app.db)
            let rows = try await Self.stored(indicator, on: app.db)
            #expect(Self.close(rows["stockholm 2022 T"]?.value, 46.0 / 72 * 100))
            #expect(Self.close(rows["r9 2022 T"]?.value, 50))
        }
    }

    @Test("A categorical indicator's classes are not added up: refused")
    func categoricalRefused() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(app, rows: [Measured(area: "d1", value: 2, weight: 10)])
            try await app.db.sql().raw("UPDATE indicators SET kind = 'categorical' WHERE code = 'andel'").run()
            await #expect(throws: ObservationProblems.self) { try await Self.refresh(indicator, on: app.db) }
            #expect(try await Self.refresh(indicator, aggregate: false, on: app.db) == 0)
        }
    }

    @Test("A refresh replaces what the last one wrote; without aggregation it only deletes")
    func refreshReplaces() async throws {
        try await withTestApp(content: .migrated) { app in
            let indicator = try await Self.setUp(app, rows: Self.counts)
            _ = try await Self.refresh(indicator, on: app.db)
            let first = try await Self.stored(indicator, on: app.db)
            // A changed value: the next refresh recomputes every area above it.
            try await app.db.sql().raw("UPDATE observations SET numerator = 20 WHERE numerator = 5").run()
            #expect(try await Self.refresh(indicator, on: app.db) == 6)
            let second = try await Self.stored(indicator, on: app.db)
            #expect(second.count == first.count)
            #expect(Self.close(second["stockholm 2022 T"]?.value, 60.0 / 70 * 100))
            // R2 moved from Söder to Norr: Söder has nothing left to add up, so its value goes.
            try await app.db.sql().raw(
                "UPDATE areas SET parent_id = (SELECT id FROM areas WHERE slug = 'norr') WHERE slug = 'r2'"
            ).run()
            #expect(try await Self.refresh(indicator, on: app.db) == 5)
            let moved = try await Self.stored(indicator, on: app.db)
            #expect(moved["soder 2022 T"] == nil)
            #expect(Self.close(moved["norr 2022 T"]?.value, 60.0 / 70 * 100))
            #expect(try await Self.refresh(indicator, aggregate: false, on: app.db) == 0)
            #expect(try await Self.stored(indicator, on: app.db).count == 3)
        }
    }

    @Test("SQLite's direct path and the portable path (PostgreSQL's) write the same rows")
    func directAndPortableAgree() async throws {
        try await withTestApp(content: .migrated) { app in
            var rows = Self.counts
            rows.append(Measured(area: "norr", period: "2021", value: 12, weight: 3))
            rows.append(Measured(area: "soder", period: "2021", value: 10, weight: 1))
            rows.append(Measured(area: "d1", period: "2021", group: "kon=K", suppressed: true))
            rows.append(Measured(area: "d2", period: "2021", group: "kon=K", numerator: 1, denominator: 0))
            let indicator = try await Self.setUp(app, rows: rows)
            let direct = try await Self.refresh(indicator, direct: true, on: app.db)
            let first = try await Self.stored(indicator, on: app.db)
            let portable = try await Self.refresh(indicator, direct: false, on: app.db)
            let second = try await Self.stored(indicator, on: app.db)
            #expect(direct == portable)
            #expect(first == second)
            #expect(Self.close(second["stockholm 2021 T"]?.value, 11.5))
            #expect(second["r1 2021 kon=K"]?.suppressed == true)
        }
    }

    @Test("The importer's aggregation: the page says which values are added up and marks them in the table")
    func importAndPage() async throws {
        try await withTestApp(content: .migrated) { app in
            try await Self.addAreas(Array(Self.areas.prefix(9)), on: app.db)
            let csv = "DeSO;Antal;Totalt\n0180C0001;10;20\n0180C0002;30;40\n0180C0003;5;10\n"
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "andel-deso", name: "Andel", nameEn: "Share", unit: "percent", direction: .higherIsBetter),
                mapping: ObservationMapping(
                    areaCode: "DeSO", numerator: "Antal", denominator: "Totalt", period: "2022"),
                areaKind: .deso, aggregate: true)
            let outcome = try await IndicatorImporter.run(Data(csv.utf8), spec, by: .system("test"), on: app.db)
            #expect(outcome.written == 3)
            #expect(try await Observation.count(on: app.db) == 9)
            let info = try #require(try await IndicatorQueries.one("andel-deso", on: app.db))
            let provenance = try #require(
                try await IndicatorAggregation.provenance(info.id, period: "2022", on: app.db))
            #expect(provenance.aggregated.map(\.kind) == ["regso", "district", "districtArea", "city"])
            #expect(provenance.measured == [.init(kind: "deso", areas: 3)])
            let page = try await app.get("/indicators/andel-deso?level=district").body
            #expect(page.contains("summerade från antalen i 3\u{00A0}DeSO-områden"))
            #expect(page.contains("summerat"))
            let english = try await app.get("/indicators/andel-deso?level=district&lang=en").body
            #expect(english.contains("added up from the counts of 3\u{00A0}DeSO areas"))
            // r1, r2, norr, soder, innerstan and stockholm.
            #expect(outcome.addedUp == 6)
            #expect(outcome.addingUpTime != nil)
            // Downloads and the API say which values are added up.
            let download = try await app.get("/indicators/andel-deso/data?format=csv").body
            let lines = download.split(separator: "\n")
            #expect(lines.first?.hasSuffix(",suppressed,origin") == true)
            #expect(lines.filter { $0.contains(",d1,0180C0001,") }.map { $0.hasSuffix(",measured") } == [true])
            #expect(lines.filter { $0.contains(",soder,,Söder,district,2022,T,50,5,10,") }.count == 1)
            #expect(lines.filter { $0.contains(",soder,") }.map { $0.hasSuffix(",summed") } == [true])
            let api = try await app.getJSON("/api/v1/indicators/andel-deso/observations?area=norr")
            let items = try #require(api.json["items"] as? [[String: Any]])
            #expect(items.map { $0["origin"] as? String } == ["summed"])
        }
    }

    @Test("A restore puts the measured values back and adds the areas above up again from them")
    func restoreAddsUpAgain() async throws {
        try await withTestApp(content: .migrated) { app in
            try await Self.addAreas(Array(Self.areas.prefix(9)), on: app.db)
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "andel-deso", name: "Andel", nameEn: "Share", unit: "percent", direction: .higherIsBetter),
                mapping: ObservationMapping(
                    areaCode: "DeSO", numerator: "Antal", denominator: "Totalt", period: "2022"),
                areaKind: .deso, aggregate: true)
            let first = "DeSO;Antal;Totalt\n0180C0001;10;20\n0180C0002;30;40\n0180C0003;5;10\n"
            _ = try await IndicatorImporter.run(Data(first.utf8), spec, by: .system("test"), on: app.db)
            let second = "DeSO;Antal;Totalt\n0180C0001;1;20\n0180C0002;3;40\n0180C0003;5;10\n"
            _ = try await IndicatorImporter.run(Data(second.utf8), spec, by: .system("test"), on: app.db)
            let indicator = try #require(
                try await app.db.sql().select().column("number").from(Indicator.schema)
                    .where("code", .equal, "andel-deso").first()?.value("number", as: Int64.self))
            #expect(try await Self.stored(indicator, on: app.db)["norr 2022 T"]?.numerator == 4)
            // The archive keeps the three measured values only, never the sums.
            let kept = try #require(try await IndicatorArchive.info("andel-deso", on: app.db))
            #expect(kept.observations == 3)
            let restored = try await IndicatorArchive.restore("andel-deso", by: .system("test"), on: app.db)
            #expect(restored == 9)
            let stored = try await Self.stored(indicator, on: app.db)
            #expect(stored["d1 2022 T"]?.numerator == 10 && stored["d1 2022 T"]?.aggregated == 0)
            #expect(stored["norr 2022 T"]?.numerator == 40 && stored["norr 2022 T"]?.aggregated == 1)
            #expect(stored["stockholm 2022 T"]?.numerator == 45 && stored["stockholm 2022 T"]?.denominator == 70)
            // And back again: the second import's values, added up anew.
            try await IndicatorArchive.restore("andel-deso", by: .system("test"), on: app.db)
            #expect(try await Self.stored(indicator, on: app.db)["norr 2022 T"]?.numerator == 4)
        }
    }

    /// The measurement the issue asks for: 6,000 DeSO areas × 15 periods × 56 groups (5,040,000
    /// values) in 1,200 RegSO areas, 120 districts, 14 district areas and the city, added up.
    /// Run it on a release build:
    /// `SKILLNAD_AGGREGATION_BENCH=1 swift test -c release -Xswiftc -enable-testing
    ///  --scratch-path /tmp/skillnad-release --filter IndicatorAggregationTests/fiveMillion`
    @Test(
        "5 million DeSO values added up to the city in under 5 seconds",
        .enabled(if: ProcessInfo.processInfo.environment["SKILLNAD_AGGREGATION_BENCH"] != nil))
    func fiveMillion() async throws {
        try await withTestApp(content: .migrated) { app in
            var levels: [[AreaRecord]] = [[AreaRecord(id: "stockholm", name: "Stockholm", kind: .city)]]
            for (kind, count) in [(AreaKind.districtArea, 14), (.district, 120), (.regso, 1_200), (.deso, 6_000)] {
                let above = levels[levels.count - 1]
                levels.append(
                    (0..<count).map { index in
                        AreaRecord(
                            id: "\(kind.rawValue)-\(index)", name: "\(kind.rawValue) \(index)", kind: kind,
                            code: "\(kind.rawValue)\(index)", parent: above[index % above.count].id)
                    })
            }
            let tree = levels
            try await app.db.transaction { tx in
                for level in tree { try await CatalogueImporter.add(areas: level, in: tx, actor: .system("bench")) }
            }
            let indicator = try await Self.setUp(app, rows: [], areas: [])
            try await app.db.sql().raw(
                """
                WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i < 14),
                  g(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM g WHERE j < 55)
                INSERT INTO observations (indicator_no, area_no, period, group_key, value, numerator, denominator,
                                          weight, preliminary, suppressed)
                SELECT \(bind: indicator), a.number, CAST(2010 + p.i AS TEXT), 'alder=' || CAST(g.j AS TEXT),
                       NULL, 100 + a.number % 50, 200 + a.number % 70, 200 + a.number % 70, FALSE, FALSE
                FROM p, g, areas a WHERE a.kind = 'deso' ORDER BY 1, 3, 4, 2
                """
            ).run()
            #expect(try await Observation.count(on: app.db) == 5_040_000)
            let clock = ContinuousClock()
            var written = 0
            let first = try await clock.measure {
                written = try await Self.refresh(indicator, on: app.db)
            }
            // Again with nothing changed: the time of reading and adding up alone, nothing written.
            let second = try await clock.measure {
                written = try await Self.refresh(indicator, on: app.db)
            }
            // One DeSO area's value changed in every period and group: its RegSO area, district,
            // district area and the city change (4 × 840 values updated).
            try await app.db.sql().raw(
                """
                UPDATE observations SET numerator = numerator + 1
                WHERE area_no = (SELECT MIN(number) FROM areas WHERE kind = 'deso')
                """
            ).run()
            let third = try await clock.measure {
                written = try await Self.refresh(indicator, on: app.db)
            }
            print(
                "aggregation of 5,040,000 DeSO values into \(written) added-up values: first refresh \(first), "
                    + "again unchanged \(second), after one area changed \(third)")
            #expect(written == (1_200 + 120 + 14 + 1) * 15 * 56)
        }
    }
}
