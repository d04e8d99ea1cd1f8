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

    // MARK: Wide tables

    /// Statistics Sweden's shape: one row per area, one column per year, decimal commas.
    static let wide = """
        Region;Medelvärde för samtliga, tkr 2020;Medelvärde för samtliga, tkr 2021;Antal 2021
        Stockholm (Rinkeby);"210,5";"220,25";1200
        Stockholm (Kista);..;300;900

        Stockholm (Akalla);250;"260,5";800
        """

    /// Every observation of a wide read, and the same from the streaming reader.
    static func readWide(_ text: String, _ mapping: ObservationMapping) throws -> [ReadObservation] {
        let whole = try ObservationReader.read(CSVTable.parse(Data(text.utf8)), mapping: mapping).get()
        var streamed: [ReadObservation] = []
        try ObservationReader.stream(Data(text.utf8), mapping: mapping) { streamed.append($0) }
        #expect(streamed == whole)
        return whole
    }

    /// The problems a mapping has with a file, from both readers.
    static func problems(_ text: String, _ mapping: ObservationMapping) throws -> [ObservationProblem] {
        guard case .failure(let found) = ObservationReader.read(try CSVTable.parse(Data(text.utf8)), mapping: mapping)
        else {
            Issue.record("should be refused")
            return []
        }
        do {
            try ObservationReader.stream(Data(text.utf8), mapping: mapping) { _ in }
            Issue.record("the stream should refuse it too")
        } catch let streamed as ObservationProblems {
            #expect(streamed.problems == found.problems)
        }
        return found.problems
    }

    @Test(
        "A wide table with a YEAR pattern: one observation per area and period column, the row's line, decimal commas")
    func widePattern() throws {
        let mapping = ObservationMapping(areaName: "Region", periodColumns: "Medelvärde * YEAR")
        let rows = try Self.readWide(Self.wide, mapping)
        #expect(rows.map(\.period) == ["2020", "2021", "2020", "2021", "2020", "2021"])
        #expect(rows.map(\.line) == [2, 2, 3, 3, 5, 5])
        #expect(
            rows.map(\.areaName) == [
                "Stockholm (Rinkeby)", "Stockholm (Rinkeby)", "Stockholm (Kista)",
                "Stockholm (Kista)", "Stockholm (Akalla)", "Stockholm (Akalla)",
            ])
        #expect(rows.map(\.value) == [210.5, 220.25, nil, 300, 250, 260.5])
        #expect(rows[2].suppressed && !rows[3].suppressed)
        #expect(rows.allSatisfy { $0.numerator == nil && $0.denominator == nil && $0.group == ObservationGroup.total })
        // `*YEAR` also takes `Antal 2021`: two columns for 2021, refused with their numbers.
        let both = try Self.problems(Self.wide, ObservationMapping(areaName: "Region", periodColumns: "*YEAR"))
        #expect(both.count == 1)
        #expect(
            both.first?.reason
                == .ambiguousColumn(
                    name: "*YEAR (2021)", headers: ["Medelvärde för samtliga, tkr 2021", "Antal 2021"], numbers: [3, 4])
        )
        #expect(both.first?.message.contains("map it as #3 or #4") == true)
        // Case and spaces are forgiven as in column names; `YEAR` does not match inside a longer number.
        let loose = try Self.readWide(
            "namn,MEDELVÄRDE  2019,medelvärde 12020\nA,1,2\n",
            ObservationMapping(areaName: "namn", periodColumns: "medelvärde YEAR"))
        #expect(loose.map(\.period) == ["2019"])
        // A school year is a period as written.
        let school = try Self.readWide(
            "namn,Läsår 2020/21,Läsår 2021/2022\nA,1,2\n",
            ObservationMapping(areaName: "namn", periodColumns: "Läsår YEAR"))
        #expect(school.map(\.period) == ["2020/21", "2021/2022"])
    }

    @Test("A wide table with a list of columns: by name (names may hold commas) or #N, the year ends each header")
    func wideList() throws {
        let byName = try Self.readWide(
            Self.wide,
            ObservationMapping(
                areaName: "region",
                periodColumns: "Medelvärde för samtliga, tkr 2021, Medelvärde för samtliga, tkr 2020"))
        #expect(byName.prefix(2).map(\.period) == ["2021", "2020"])
        #expect(byName.prefix(2).map(\.value) == [220.25, 210.5])
        let byNumber = try Self.readWide(Self.wide, ObservationMapping(areaName: "#1", periodColumns: "#2,#4"))
        #expect(byNumber.prefix(2).map(\.period) == ["2020", "2021"])
        #expect(byNumber.prefix(2).map(\.value) == [210.5, 1200])
        // A header without a year at its end is refused, naming it.
        let noYear = try Self.problems(Self.wide, ObservationMapping(areaName: "Region", periodColumns: "#1,#2"))
        #expect(noYear == [ObservationProblem(line: nil, column: "Region", .periodColumnNoYear(header: "Region"))])
        #expect(noYear.first?.description == "column Region: the column \"Region\" has no year in its header")
        let missing = try Self.problems(
            Self.wide, ObservationMapping(areaName: "Region", periodColumns: "#2, Saknas 2022"))
        #expect(missing.first?.column == "Saknas 2022")
        #expect(missing.first?.message.hasPrefix("the period column is not in the file") == true)
    }

    @Test("A wide table by a column range with periods: lengths must agree; past the header is refused")
    func wideRange() throws {
        let rows = try Self.readWide(
            Self.wide, ObservationMapping(areaName: "Region", periodColumns: "#2-#3=2018-2019"))
        #expect(rows.prefix(2).map(\.period) == ["2018", "2019"])
        let fromHeaders = try Self.readWide(Self.wide, ObservationMapping(areaName: "Region", periodColumns: "#2 - #3"))
        #expect(fromHeaders.prefix(2).map(\.period) == ["2020", "2021"])
        for text in ["#2-#4=2020-2021", "#3-#2=2020-2021", "#2-#3=20-21", "#2-#3=2020", "#a-#3"] {
            let refused = try Self.problems(Self.wide, ObservationMapping(areaName: "Region", periodColumns: text))
            #expect(
                refused == [ObservationProblem(line: nil, column: text, .periodColumnsFormat(got: text))], "\(text)")
        }
        let past = try Self.problems(
            Self.wide, ObservationMapping(areaName: "Region", periodColumns: "#3-#5=2020-2022"))
        #expect(past.first?.reason == .noColumnNumber(columns: 4, role: .period, name: "#5"))
    }

    @Test("Period columns with a period, a period column or a value column are refused, all problems at once")
    func wideConflicts() throws {
        let withPeriod = try Self.problems(
            Self.wide, ObservationMapping(areaName: "Region", period: "2020", periodColumns: "Medelvärde * YEAR"))
        #expect(withPeriod.map(\.reason) == [.periodColumnsAndPeriod])
        let withColumn = try Self.problems(
            Self.wide, ObservationMapping(areaName: "Region", periodColumn: "#4", periodColumns: "#2-#3"))
        #expect(withColumn.map(\.reason) == [.periodColumnsAndPeriod])
        let withValue = try Self.problems(
            Self.wide,
            ObservationMapping(
                areaName: "Region", numerator: "#2", denominator: "#4", value: "#3", periodColumns: "#1"))
        #expect(withValue.map(\.column) == ["#3", "#2", "#4", "Region"])
        #expect(withValue.last?.reason == .periodColumnNoYear(header: "Region"))
        // An empty mapping text is no form at all.
        let empty = try Self.problems(Self.wide, ObservationMapping(areaName: "Region", periodColumns: " "))
        #expect(empty.map(\.reason) == [.periodColumnsFormat(got: " ")])
    }

    @Test("The period columns vote on the decimal separator together; a bad cell is reported with its line and column")
    func wideNumbers() throws {
        // 2020 has only whole numbers and 1,250 could be a thousands separator; 2021 decides: decimal comma.
        let text = "namn;v 2020;v 2021\nA;1,250;2,5\nB;3;\"4,75\"\n"
        let rows = try Self.readWide(text, ObservationMapping(areaName: "namn", periodColumns: "v YEAR"))
        #expect(rows.map(\.value) == [1.25, 2.5, 3, 4.75])
        let bad = try Self.problems(
            "namn;v 2020;v 2021\nA;1;2\nB;3;tre\n", ObservationMapping(areaName: "namn", periodColumns: "v YEAR"))
        #expect(bad.count == 1)
        #expect(bad.first?.line == 3 && bad.first?.column == "v 2021")
    }

    @Test(
        "Socioeconomic area type per RegSO area (SCB): Stockholm's 127 areas by a prefix filter, 2022 from the header")
    func realWideFile() throws {
        let data = try Data(contentsOf: SharedData.file("scb/regso_socioekonomisk_index_2022.csv"))
        let mapping = ObservationMapping(
            areaName: "#1", periodColumns: "#2", filterPrefixes: ["#1": "Stockholm ("])
        let rows = try ObservationReader.read(try CSVTable.parse(data), mapping: mapping).get()
        #expect(rows.count == 127)
        #expect(rows.allSatisfy { $0.period == "2022" && $0.areaName?.hasPrefix("Stockholm (") == true })
        #expect(rows.filter { $0.value == 1 }.count == 3)
        #expect(rows.first { $0.areaName == "Stockholm (Rinkeby)" }?.value == 1)
        var streamed = 0
        try ObservationReader.stream(data, mapping: mapping) { _ in streamed += 1 }
        #expect(streamed == 127)
    }

    // MARK: Filters

    @Test("Filters as text: = equals, ^= starts with; values keep (, = and inner spaces; bad parts returned")
    func filterPairs() {
        let both = ObservationMapping.filterPairs("KOMMUNKOD=180, region^=Stockholm ( ,typ = a=b")
        #expect(both.equals == ["KOMMUNKOD": "180", "typ": "a=b"])
        #expect(both.prefixes == ["region": "Stockholm ("])
        #expect(both.malformed.isEmpty)
        let bad = ObservationMapping.filterPairs("kön, ^=x,=y, ,a^=")
        #expect(bad.equals.isEmpty)
        #expect(bad.prefixes == ["a": ""])
        #expect(bad.malformed == ["kön", " ^=x", "=y"])
        #expect(ObservationMapping.filterPairs("") == ([:], [:], []))
    }

    @Test("Whole numbers are equal without leading zeros (0180 = 180); other values and prefixes compare as written")
    func filterMatching() throws {
        let text =
            "kod;namn;värde\n0180;Stockholm (Kista);1\n180;stockholm (Akalla);2\n1800;Stockholm x;3\n 0180 ;Solna;4\n"
        func values(_ mapping: ObservationMapping) throws -> [Double?] {
            try Self.readWide(text, mapping).map(\.value)
        }
        var mapping = ObservationMapping(areaName: "namn", value: "värde", period: "2022", filters: ["kod": "180"])
        #expect(try values(mapping) == [1, 2, 4])
        mapping.filters = ["kod": "0180"]
        #expect(try values(mapping) == [1, 2, 4])
        mapping.filters = ["namn": "Stockholm x"]
        #expect(try values(mapping) == [3])
        mapping.filters = [:]
        mapping.filterPrefixes = ["namn": "Stockholm ("]
        #expect(try values(mapping) == [1], "case-sensitive")
        mapping.filters = ["kod": "180"]
        mapping.filterPrefixes = ["namn": "S"]
        #expect(try values(mapping) == [1, 4])
    }

    @Test("The election file kept by the code as Statistics Sweden writes it (0180): the same 598 rows")
    func realFileWithZeroPaddedCode() throws {
        var mapping = Self.turnout
        mapping.filters = ["KOMMUNKOD": "0180"]
        let rows = try ObservationReader.read(CSVTable.parse(Data(contentsOf: Self.electionFile)), mapping: mapping)
            .get()
        #expect(rows.count == 598)
        Self.check(ObservationSummary(rows))
    }

    @Test("A mapped name the header has twice is refused with the #N form; mapping by #N reads the file")
    func repeatedHeader() throws {
        let text = "LÄN;KOM;VALDISTRIKT;LÄN;KOMMUN;VALDISTRIKT;RÖSTER\n01;80;0180001;Stockholm;Stockholm;Nr 1;12\n"
        let refused = try Self.problems(
            text, ObservationMapping(areaCode: "valdistrikt", value: "RÖSTER", period: "2022"))
        #expect(
            refused == [
                ObservationProblem(
                    line: nil, column: "valdistrikt",
                    .ambiguousColumn(name: "valdistrikt", headers: ["VALDISTRIKT", "VALDISTRIKT"], numbers: [3, 6]))
            ])
        #expect(
            refused.first?.description
                == "column valdistrikt: the header has \"VALDISTRIKT\" twice (columns #3 and #6): map it as #3 or #6")
        let rows = try Self.readWide(
            text, ObservationMapping(areaCode: "#3", areaName: "#6", value: "RÖSTER", period: "2022"))
        #expect(rows.first?.areaCode == "0180001" && rows.first?.areaName == "Nr 1")
    }
}
