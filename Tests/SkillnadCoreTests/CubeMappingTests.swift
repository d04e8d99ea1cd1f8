import Foundation
import SkillnadCore
import Testing

@Suite struct CubeMappingTests {
    /// region 2 × kön 3 (with a total) × innehåll 2 × år 2, the last varying fastest.
    static func cube() -> StatisticsCube {
        let dimensions = [
            StatisticsCube.Dimension(id: "region", codes: ["0180", "0114"], labels: ["Stockholm", "Upplands Väsby"]),
            StatisticsCube.Dimension(
                id: "kön", codes: ["1", "2", "1+2"], labels: ["män", "kvinnor", "totalt"], total: 2),
            StatisticsCube.Dimension(
                id: "tabellinnehåll", codes: ["rost", "ber"], labels: ["Röstande", "Röstberättigade"], role: .content),
            StatisticsCube.Dimension(id: "år", codes: ["2018", "2022"], role: .time),
        ]
        // The value of a cell tells where it is: region, kön, innehåll, år as digits.
        var values: [Double] = []
        for region in 0..<2 {
            for sex in 0..<3 {
                for content in 0..<2 {
                    for year in 0..<2 {
                        let voters = Double(100 + region * 10 + sex + year)
                        values.append(content == 0 ? voters : voters * 2)
                    }
                }
            }
        }
        return StatisticsCube(dimensions: dimensions, values: values)
    }

    static func observations(_ cube: StatisticsCube, _ mapping: ObservationMapping) throws -> [ReadObservation] {
        let resolved = try CubeMapping.resolve(cube, mapping).get()
        var out: [ReadObservation] = []
        resolved.forEachObservation(in: cube) { out.append($0) }
        return out
    }

    @Test func numeratorAndDenominatorAreContentsAndTheTimeDimensionIsThePeriod() throws {
        let mapping = ObservationMapping(
            areaCode: "region", numerator: "Röstande", denominator: "ber", groups: ["kon": "kön"])
        let rows = try Self.observations(Self.cube(), mapping)
        #expect(rows.count == 2 * 3 * 2)
        let men2022 = try #require(rows.first { $0.areaCode == "0114" && $0.group == "kon=män" && $0.period == "2022" })
        #expect(men2022.numerator == 111)
        #expect(men2022.denominator == 222)
        #expect(men2022.value == 50)
        #expect(men2022.areaName == "Upplands Väsby")
        // The total of kön is the group of everyone.
        #expect(rows.filter { $0.group == ObservationGroup.total }.count == 4)
    }

    @Test func anUnmappedDimensionKeepsItsTotal() throws {
        let mapping = ObservationMapping(areaName: "region", value: "Röstande")
        let rows = try Self.observations(Self.cube(), mapping)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.group == ObservationGroup.total })
        #expect(rows.first { $0.areaCode == "0180" && $0.period == "2018" }?.value == 102)
    }

    @Test func filtersKeepValuesByCodeOrLabelAndCodesOfDigitsIgnoreLeadingZeros() throws {
        var mapping = ObservationMapping(areaCode: "region", value: "rost", filters: ["region": "180", "år": "2022"])
        var rows = try Self.observations(Self.cube(), mapping)
        #expect(rows.map(\.areaCode) == ["0180"])
        #expect(rows.map(\.period) == ["2022"])
        mapping.filters = [:]
        mapping.filterPrefixes = ["region": "Upp"]
        rows = try Self.observations(Self.cube(), mapping)
        #expect(Set(rows.map(\.areaCode)) == ["0114"])
    }

    @Test func dimensionsAreNamedByIdLabelOrPosition() throws {
        let mapping = ObservationMapping(areaCode: "#1", value: "Röstande", periodColumn: "#4", groups: ["kon": "KÖN"])
        #expect(try Self.observations(Self.cube(), mapping).count == 12)
    }

    @Test func aDimensionOfSeveralValuesWithoutATotalMustBeMapped() {
        var cube = Self.cube()
        cube.dimensions[1].total = nil
        cube.dimensions[1].labels = ["män", "kvinnor", "båda"]
        cube.dimensions[1].codes = ["1", "2", "3"]
        let mapping = ObservationMapping(areaCode: "region", value: "Röstande")
        let problems = (try? CubeMapping.resolve(cube, mapping).get()) == nil
        #expect(problems)
        guard case .failure(let found) = CubeMapping.resolve(cube, mapping) else { return }
        #expect(found.problems.map(\.column) == ["kön"])
        #expect(found.description.contains("--group NAME=kön"))
    }

    @Test func severalContentsWithNoneMappedAreRefused() {
        let mapping = ObservationMapping(areaCode: "region")
        guard case .failure(let found) = CubeMapping.resolve(Self.cube(), mapping) else {
            Issue.record("resolved")
            return
        }
        #expect(found.description.contains("several contents (Röstande, Röstberättigade)"))
    }

    @Test func unknownNamesAndFiltersThatKeepNothingSayWhich() {
        let mapping = ObservationMapping(
            areaCode: "område", value: "Röstande", filters: ["år": "1999"], filterPrefixes: ["region": "Göte"])
        guard case .failure(let found) = CubeMapping.resolve(Self.cube(), mapping) else {
            Issue.record("resolved")
            return
        }
        let columns = found.problems.map(\.column)
        #expect(columns.contains("område"))
        #expect(columns.contains("år"))
        #expect(columns.contains("region"))
    }

    @Test func aCubeWithoutContentsIsItsValues() throws {
        let cube = StatisticsCube(
            dimensions: [
                .init(id: "område", codes: ["a", "b"]),
                .init(id: "tid", codes: ["2020"], role: .time),
            ],
            values: [1.5, .nan], status: [.value, .suppressed])
        let rows = try Self.observations(cube, ObservationMapping(areaName: "område"))
        #expect(rows.map(\.value) == [1.5, nil])
        #expect(rows.map(\.suppressed) == [false, true])
        #expect(rows.map(\.line) == [1, 2])
    }
}
