@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing

/// PC-Axis and JSON-stat files imported end to end, against the CSV of the same numbers.
@Suite("Importing PC-Axis and JSON-stat", .serialized)
struct StatisticsFormatTests {
    static let areas = Fixture.areasLater
    static let years = ["2020", "2022"]
    static let sexes = [("T", "totalt"), ("K", "kvinnor"), ("M", "män")]

    /// Voters and the eligible, by area and sex, per year: the numbers of `Fixture.csv()`.
    static func numbers(area: Int, year: Int, sex: Int) -> (voters: Int, eligible: Int) {
        let total = 1000 + 10 * area
        let rate = area == 0 ? 50 - 5 * (year + 1) : 70 + area / 2
        let best = area == 1 ? 80 + 5 * (year + 1) : rate
        let eligible = Int(Double(total) * (sex == 0 ? 1.0 : 0.5))
        return (eligible * best / 100, eligible)
    }

    static func quoted(_ values: [String]) -> String { values.map { "\"\($0)\"" }.joined(separator: ",") }

    /// The numbers as Statistics Sweden publishes a table: areas and sex in the stub, contents and
    /// years in the heading; Rinkeby-Kista's women in 2022 withheld as "..".
    static func px() -> String {
        var data: [String] = []
        for area in areas.indices {
            for sex in sexes.indices {
                var cells: [String] = []
                for content in 0..<2 {
                    for year in years.indices {
                        let found = numbers(area: area, year: year, sex: sex)
                        if area == 0 && sex == 1 && year == 1 {
                            cells.append("\"..\"")
                        } else {
                            cells.append(String(content == 0 ? found.voters : found.eligible))
                        }
                    }
                }
                data.append(cells.joined(separator: " "))
            }
        }
        return """
            CHARSET="ANSI";
            CODEPAGE="utf-8";
            LANGUAGE="sv";
            MATRIX="TEST01";
            SUBJECT-CODE="ME";
            SUBJECT-AREA="Demokrati";
            TITLE="Röstande och röstberättigade efter område, kön och år";
            CONTENTS="Röstande och röstberättigade";
            UNITS="antal";
            STUB="område","kön";
            HEADING="tabellinnehåll","år";
            CONTVARIABLE="tabellinnehåll";
            VALUES("område")=\(quoted(areas));
            VALUES("kön")=\(quoted(sexes.map(\.1)));
            CODES("kön")=\(quoted(sexes.map(\.0)));
            ELIMINATION("kön")="totalt";
            VALUES("tabellinnehåll")="Röstande","Röstberättigade";
            VALUES("år")=\(quoted(years));
            TIMEVAL("år")=TLIST(A1),\(quoted(years));
            SOURCE="Testkälla";
            DATA=
            \(data.joined(separator: "\n"));

            """
    }

    /// The same numbers as the PxWeb API answers in JSON-stat 2.0 (dimensions in another order).
    static func jsonStat() throws -> Data {
        var values: [Any] = []
        for year in years.indices {
            for area in areas.indices {
                for sex in sexes.indices {
                    let found = numbers(area: area, year: year, sex: sex)
                    let withheld = area == 0 && sex == 1 && year == 1
                    values.append(withheld ? NSNull() : found.voters)
                    values.append(withheld ? NSNull() : found.eligible)
                }
            }
        }
        func index(_ codes: [String]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        }
        let dataset: [String: Any] = [
            "class": "dataset", "version": "2.0", "label": "Röstande", "source": "Testkälla",
            "id": ["Tid", "Region", "Kon", "ContentsCode"], "size": [2, areas.count, 3, 2],
            "role": ["time": ["Tid"], "metric": ["ContentsCode"]],
            "dimension": [
                "Tid": ["label": "år", "category": ["index": index(years)]],
                "Region": [
                    "label": "region",
                    "category": [
                        "index": index(areas.indices.map { "R\($0)" }),
                        "label": Dictionary(uniqueKeysWithValues: areas.enumerated().map { ("R\($0)", $1) }),
                    ],
                ],
                "Kon": [
                    "label": "kön",
                    "category": [
                        "index": ["1+2", "2", "1"],
                        "label": ["1+2": "totalt", "2": "kvinnor", "1": "män"],
                    ],
                ],
                "ContentsCode": [
                    "label": "tabellinnehåll",
                    "category": [
                        "index": ["ME01", "ME02"], "label": ["ME01": "Röstande", "ME02": "Röstberättigade"],
                    ],
                ],
            ],
            "value": values,
        ]
        return try JSONSerialization.data(withJSONObject: dataset)
    }

    static func spec(_ format: IndicatorImportSpec.Format, code: String) -> IndicatorImportSpec {
        var spec = Fixture.spec
        spec.format = format
        spec.indicator.code = code
        spec.indicator.name = "Deltagande \(code)"
        spec.mapping = ObservationMapping(
            areaName: format == .px ? "område" : "region", numerator: "Röstande", denominator: "Röstberättigade",
            groups: ["kon": "kön"])
        return spec
    }

    /// Every value of an indicator as `area period group value`, sorted.
    static func values(_ code: String, on db: any Database) async throws -> [String] {
        let indicator = try #require(try await IndicatorQueries.one(code, on: db))
        var out: [String] = []
        for group in ["T", "kon=kvinnor", "kon=män"] {
            for row in try await IndicatorQueries.observations(indicator.id, group: group, on: db) {
                out.append("\(row.slug) \(row.period) \(group) \(row.value.map { String(format: "%.4f", $0) } ?? "–")")
            }
        }
        return out.sorted()
    }

    @Test("A PC-Axis and a JSON-stat file of the same numbers give the same values as the CSV")
    func sameValues() async throws {
        try await withTestApp { app in
            let px = try await IndicatorImporter.run(
                Data(Self.px().utf8), Self.spec(.px, code: "px"), by: .system("test"), on: app.db)
            #expect(px.written == Self.areas.count * 3 * 2)
            #expect(px.periods == Self.years)
            #expect(px.summary.notComputable == 1)
            #expect(px.matches.map(\.rows).reduce(0, +) == Self.areas.count)
            let json = try await IndicatorImporter.run(
                try Self.jsonStat(), Self.spec(.jsonstat, code: "js"), by: .system("test"), on: app.db)
            #expect(json.written == px.written)
            let fromPX = try await Self.values("px", on: app.db)
            let fromJSON = try await Self.values("js", on: app.db)
            #expect(fromPX == fromJSON)
            #expect(fromPX.count == px.written)
            // Rinkeby-Kista's women in 2022 are withheld: no value, never 0.
            #expect(fromPX.contains("rinkeby-kista 2022 kon=kvinnor –"))
            // The CSV's totals for the same years.
            var csvSpec = Fixture.spec
            csvSpec.indicator.code = "csv"
            csvSpec.indicator.name = "Deltagande csv"
            csvSpec.mapping.filters = ["År": "2020"]
            _ = try await IndicatorImporter.run(Data(Fixture.csv().utf8), csvSpec, by: .system("test"), on: app.db)
            let fromCSV = try await Self.values("csv", on: app.db).filter { $0.contains(" T ") }
            #expect(fromCSV == fromPX.filter { $0.contains(" 2020 T ") })
            #expect(fromCSV.count == Self.areas.count)
        }
    }

    @Test("Bad cubes are refused with where, and nothing is written; a dry run writes nothing")
    func badCubes() async throws {
        try await withTestApp { app in
            let before = try await Observation.count(on: app.db)
            let long = Self.px().replacingOccurrences(of: "DATA=\n", with: "DATA=\n1 ")
            await #expect(throws: ObservationProblems.self) {
                _ = try await IndicatorImporter.run(
                    Data(long.utf8), Self.spec(.px, code: "px"), by: .system("test"), on: app.db)
            }
            var unmapped = Self.spec(.px, code: "px")
            unmapped.mapping.groups = [:]
            unmapped.mapping.numerator = nil
            unmapped.mapping.denominator = nil
            do {
                _ = try await IndicatorImporter.run(Data(Self.px().utf8), unmapped, by: .system("test"), on: app.db)
                Issue.record("a cube of two contents imported with none mapped")
            } catch let problems as ObservationProblems {
                #expect(problems.description.contains("several contents"))
            }
            let preview = try await IndicatorImporter.run(
                try Self.jsonStat(), Self.spec(.jsonstat, code: "js"), preview: true, by: .system("test"), on: app.db)
            #expect(preview.preview?.newValues == Self.areas.count * 6)
            #expect(try await Observation.count(on: app.db) == before)
            #expect(try await Indicator.query(on: app.db).filter(\.$code == "px").count() == 0)
        }
    }
}
