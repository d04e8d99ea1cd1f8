import Foundation
import Testing
@testable import SkillnadCore

@Suite("Reading observations from statistics files")
struct ObservationReaderTests {
    static var electionFile: URL { SharedData.file("valmyndigheten/kommun_2022.csv") }

    static let turnout = ObservationMapping(
        areaCode: "VALDISTRIKTSKOD", areaName: "VALDISTRIKTSNAMN", numerator: "ANTAL RÖSTANDE",
        denominator: "ANTAL RÖSTBERÄTTIGADE", period: "2022", filters: ["KOMMUNKOD": "180"])

    static func check(_ summary: ObservationSummary) {
        #expect(summary.computable == 592)
        #expect(summary.notComputable == 6)
        #expect(summary.lowest?.areaName == "Spånga 22 Rinkebysvängen Ö")
        #expect(summary.highest?.areaName == "Skarpnäck 7 Skarpnäcks trädgårds")
        #expect(String(format: "%.2f", summary.lowest?.value ?? 0) == "37.53")
        #expect(String(format: "%.2f", summary.highest?.value ?? 0) == "95.11")
        #expect(String(format: "%.2f", summary.difference ?? 0) == "57.58")
    }

    @Test(
        "Groups and filters as NAME=VALUE pairs: spaces trimmed, a value may hold '=', parts that are no pair returned")
    func namedPairs() {
        let ok = ObservationMapping.pairs(" kön = Kön , ålder=Ålder=16-24")
        #expect(ok.pairs == ["kön": "Kön", "ålder": "Ålder=16-24"] && ok.malformed.isEmpty)
        let bad = ObservationMapping.pairs("kön=Kön,ålder,=x")
        #expect(bad.pairs == ["kön": "Kön"])
        #expect(bad.malformed == ["ålder", "=x"])
        #expect(ObservationMapping.pairs("") == ([:], []))
    }

    @Test("Voter turnout 2022 in Stockholm: 592 computable districts, 6 not, 37.53–95.11 %")
    func realElectionFile() throws {
        let table = try CSVTable.parse(Data(contentsOf: Self.electionFile))
        let rows = try ObservationReader.read(table, mapping: Self.turnout).get()
        #expect(rows.count == 598)
        Self.check(ObservationSummary(rows))
        // Not computable rows keep their data and have no value, never 0.
        let early = try #require(rows.first { !$0.computable })
        #expect(early.value == nil && early.denominator == 0)
    }

    @Test("The same file as Swedish Excel writes it (semicolons, decimal commas, BOM, CRLF) gives the same figures")
    func swedishExcel() throws {
        let table = try CSVTable.parse(Data(contentsOf: Self.electionFile))
        let turnout = try #require(try table.column("VALDELTAGANDE"))
        func field(_ s: String) -> String {
            s.contains(";") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var text = "\u{FEFF}" + table.header.map(field).joined(separator: ";") + "\r\n"
        for row in table.rows {
            var r = row
            r[turnout] = r[turnout].replacingOccurrences(of: ".", with: ",")
            text += r.map(field).joined(separator: ";") + "\r\n"
        }
        let excel = try CSVTable.parse(Data(text.utf8))
        #expect(excel.delimiter == .semicolon)
        let rows = try ObservationReader.read(excel, mapping: Self.turnout).get()
        Self.check(ObservationSummary(rows))
    }

    @Test("A mapping to a missing column, and a non-numeric value, are reported with where; nothing is returned")
    func problems() throws {
        let table = try CSVTable.parse(Data("område;täljare;nämnare\nA;1;2\nB;12a;4\nC;3;0\n".utf8))
        let missing = ObservationReader.read(
            table,
            mapping: ObservationMapping(areaName: "område", numerator: "täljare", denominator: "saknas", period: "2024")
        )
        guard case .failure(let p1) = missing else {
            Issue.record("should fail")
            return
        }
        #expect(p1.problems.first?.column == "saknas")
        #expect(p1.description.contains("not in the file"))
        let bad = ObservationReader.read(
            table,
            mapping: ObservationMapping(
                areaName: "OMRÅDE", numerator: "Täljare", denominator: "nämnare", period: "2024"))
        guard case .failure(let p2) = bad else {
            Issue.record("should fail")
            return
        }
        #expect(p2.problems.count == 1)
        #expect(p2.problems[0].line == 3)
        #expect(p2.problems[0].column == "täljare")
    }

    @Test("Denominator 0 is not computable; a ready value column works without numerator and denominator")
    func valuesAndZeroDenominator() throws {
        let table = try CSVTable.parse(Data("område,år,andel\nA,2023,\"9,2\"\nB,2023,..\n".utf8))
        let rows = try ObservationReader.read(
            table, mapping: ObservationMapping(areaName: "område", value: "andel", periodColumn: "år")
        ).get()
        #expect(rows[0].value == 9.2 && rows[0].period == "2023")
        #expect(rows[1].value == nil && rows[1].suppressed)
    }
}
