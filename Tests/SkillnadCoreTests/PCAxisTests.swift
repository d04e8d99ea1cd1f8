import Foundation
import Testing

@testable import SkillnadCore

private func cube(_ text: String, language: String? = nil) throws -> StatisticsCube {
    try PCAxis.read(Data(text.utf8), language: language)
}

/// The problems a read throws, or none (and a test failure) when it reads.
private func problems(
    _ data: Data, language: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> [ObservationProblem] {
    do {
        let read = try PCAxis.read(data, language: language)
        Issue.record("expected problems, got a cube of \(read.values.count) cells", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.problems
    }
}

private func problems(
    _ text: String, language: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> [ObservationProblem] {
    problems(Data(text.utf8), language: language, sourceLocation: sourceLocation)
}

/// The index of a cell from one value index a dimension, the last dimension varying fastest.
private func cellIndex(_ cube: StatisticsCube, _ positions: [Int]) -> Int {
    var index = 0
    for (dimension, position) in zip(cube.dimensions, positions) {
        index = index * dimension.count + position
    }
    return index
}

@Suite("PC-Axis")
struct PCAxisTests {
    // MARK: Tables

    @Test func readsATableOfTwoVariables() throws {
        let table = try cube(
            #"""
            CHARSET="ANSI";
            AXIS-VERSION="2013";
            CODEPAGE="utf-8";
            LANGUAGE="sv";
            TITLE="Folkmängd efter region och år";
            SOURCE="SCB";
            STUB="region";
            HEADING="år";
            VALUES("region")="Stockholm","Uppsala","Södermanland";
            VALUES("år")="2022","2023";
            DECIMALS=0;
            UNITS="antal";
            DATA=
            984748 988943
            242140 245079
            301616 302252;

            """#)
        #expect(table.dimensions.map(\.id) == ["region", "år"])
        #expect(table.dimensions[0].labels == ["Stockholm", "Uppsala", "Södermanland"])
        #expect(table.dimensions[0].codes == ["Stockholm", "Uppsala", "Södermanland"])
        #expect(table.dimensions[0].label == "region")
        #expect(table.dimensions[1].codes == ["2022", "2023"])
        #expect(table.dimensions.map(\.role) == [.other, .other])
        #expect(table.values == [984748, 988943, 242140, 245079, 301616, 302252])
        #expect(table.title == "Folkmängd efter region och år")
        #expect(table.source == "SCB")
        #expect(table.status == nil)
        #expect(table.cellCount == 6)
    }

    /// Each cell's value is its position, `r k y` (1-based), so a wrong order shows which one.
    @Test func readsStubThenHeadingWithTheLastHeadingVariableFastest() throws {
        let table = try cube(
            #"""
            STUB="region","kön";
            HEADING="år","ålder";
            VALUES("region")="A","B";
            VALUES("kön")="1","2","T";
            VALUES("år")="2022","2023";
            VALUES("ålder")="0-17","18+";
            DATA=
            1111 1112 1121 1122
            1211 1212 1221 1222
            1311 1312 1321 1322
            2111 2112 2121 2122
            2211 2212 2221 2222
            2311 2312 2321 2322;
            """#)
        #expect(table.dimensions.map(\.id) == ["region", "kön", "år", "ålder"])
        #expect(table.dimensions.map(\.count) == [2, 3, 2, 2])
        #expect(table.values.count == 24)
        for region in 0..<2 {
            for sex in 0..<3 {
                for year in 0..<2 {
                    for age in 0..<2 {
                        let expected = Double((region + 1) * 1000 + (sex + 1) * 100 + (year + 1) * 10 + age + 1)
                        #expect(table.values[cellIndex(table, [region, sex, year, age])] == expected)
                    }
                }
            }
        }
        // One by hand: region B, kön T, 2022, 18+.
        #expect(table.values[cellIndex(table, [1, 2, 0, 1])] == 2312)
    }

    @Test func takesCodesFromCodesAndLabelsFromValues() throws {
        let table = try cube(
            #"""
            STUB="region";
            HEADING="kön";
            VALUES("region")="Stockholm","Uppsala";
            CODES("region")="0180","0380";
            VALUES("kön")="män","kvinnor";
            DATA=
            1 2
            3 4;
            """#)
        #expect(table.dimensions[0].codes == ["0180", "0380"])
        #expect(table.dimensions[0].labels == ["Stockholm", "Uppsala"])
        #expect(table.dimensions[1].codes == ["män", "kvinnor"])
        #expect(table.dimensions[1].labels == ["män", "kvinnor"])
    }

    @Test func marksTheTimeVariableFromTimevalInEitherTlistForm() throws {
        let range = try cube(
            #"""
            STUB="region";
            HEADING="år";
            VALUES("region")="Stockholm";
            VALUES("år")="2020","2021","2022";
            TIMEVAL("år")=TLIST(A1, "2020"-"2022");
            DATA=
            1 2 3;
            """#)
        #expect(range.dimensions.map(\.role) == [.other, .time])
        let listed = try cube(
            #"""
            STUB="region";
            HEADING="år";
            VALUES("region")="Stockholm";
            VALUES("år")="2020","2021";
            TIMEVAL("år")=TLIST(A1),"2020","2021";
            DATA=
            1 2;
            """#)
        #expect(listed.dimensions[1].role == .time)
        // Without VALUES the time list gives the periods.
        let onlyTimeval = try cube(
            #"""
            STUB="region";
            HEADING="år";
            VALUES("region")="Stockholm";
            TIMEVAL("år")=TLIST(A1, "2020"-"2022");
            DATA=
            1 2 3;
            """#)
        #expect(onlyTimeval.dimensions[1].codes == ["2020", "2021", "2022"])
        #expect(onlyTimeval.dimensions[1].role == .time)
        #expect(PCAxisHeader.periods(unit: "Q1", from: "20193", to: "20202") == ["20193", "20194", "20201", "20202"])
        #expect(
            PCAxisHeader.periods(unit: "M1", from: "201911", to: "202002") == ["201911", "201912", "202001", "202002"])
        #expect(PCAxisHeader.periods(unit: "H1", from: "20192", to: "20201") == ["20192", "20201"])
        #expect(PCAxisHeader.periods(unit: "A1", from: "2022", to: "2020") == nil)
    }

    @Test func marksTheContentVariableAndTheMapVariable() throws {
        let table = try cube(
            #"""
            CONTVARIABLE="tabellinnehåll";
            MAP("region")="Sweden_municipality";
            STUB="region","tabellinnehåll";
            HEADING="år";
            VALUES("region")="Stockholm";
            VALUES("tabellinnehåll")="Folkmängd","Antal födda";
            VALUES("år")="2023";
            TIMEVAL("år")=TLIST(A1),"2023";
            UNITS="antal";
            DATA=
            984748
            11023;
            """#)
        #expect(table.dimensions.map(\.role) == [.geo, .content, .time])
        #expect(table.values == [984748, 11023])
    }

    @Test func takesTheTotalFromElimination() throws {
        let table = try cube(
            #"""
            STUB="region","kön";
            HEADING="år";
            VALUES("region")="Stockholm","Uppsala";
            VALUES("kön")="män","kvinnor","totalt";
            CODES("kön")="1","2","1+2";
            VALUES("år")="2023";
            ELIMINATION("region")=YES;
            ELIMINATION("kön")="totalt";
            DATA=
            1 2 3 4 5 6;
            """#)
        #expect(table.dimensions[0].total == nil)
        #expect(table.dimensions[1].total == 2)
        #expect(table.dimensions[2].total == nil)
    }

    static let multilingual = #"""
        CHARSET="ANSI";
        CODEPAGE="utf-8";
        LANGUAGE="sv";
        LANGUAGES="sv","en";
        TITLE="Folkmängd efter region, kön och år";
        TITLE[en]="Population by region, sex and year";
        STUB="region","kön";
        STUB[en]="region","sex";
        HEADING="år";
        HEADING[en]="year";
        VALUES("region")="Stockholm","Uppsala";
        VALUES[en]("region")="Stockholm","Uppsala";
        CODES("region")="0180","0380";
        VALUES("kön")="män","kvinnor","totalt";
        VALUES[en]("sex")="men","women","total";
        CODES("kön")="1","2","1+2";
        VALUES("år")="2023";
        VALUES[en]("year")="2023";
        TIMEVAL("år")=TLIST(A1),"2023";
        ELIMINATION("kön")="totalt";
        ELIMINATION[en]("sex")="total";
        DATA=
        1 2 3
        4 5 6;
        """#

    @Test func readsAMultilingualFileInEachLanguage() throws {
        for language in [nil, "sv", "SV"] {
            let swedish = try cube(Self.multilingual, language: language)
            #expect(swedish.dimensions.map(\.id) == ["region", "kön", "år"])
            #expect(swedish.dimensions[1].labels == ["män", "kvinnor", "totalt"])
            #expect(swedish.title == "Folkmängd efter region, kön och år")
        }
        let english = try cube(Self.multilingual, language: "en")
        #expect(english.dimensions.map(\.id) == ["region", "sex", "year"])
        #expect(english.dimensions[1].labels == ["men", "women", "total"])
        // Codes and the time list are written once, for the Swedish names.
        #expect(english.dimensions[0].codes == ["0180", "0380"])
        #expect(english.dimensions[1].codes == ["1", "2", "1+2"])
        #expect(english.dimensions[2].role == .time)
        #expect(english.dimensions[1].total == 2)
        #expect(english.title == "Population by region, sex and year")
        #expect(english.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func refusesALanguageTheFileDoesNotHave() {
        let found = problems(Self.multilingual, language: "fi")
        #expect(found.count == 1)
        #expect(found.first?.line == 4)
        #expect(found.first?.column == "LANGUAGES")
        #expect(found.first?.reason == .pxSyntax(expected: "one of the file's languages (sv, en), got \"fi\""))
    }

    @Test func requiresTheValuesOfATranslatedVariable() {
        let text = Self.multilingual.replacingOccurrences(
            of: "VALUES[en](\"sex\")=\"men\",\"women\",\"total\";\n", with: "")
        let found = problems(text, language: "en")
        #expect(found.map(\.column) == ["VALUES[en](\"sex\")"])
        #expect(found.first?.line == 8)
        #expect(found.first?.reason == .pxKeywordMissing("VALUES[en](\"sex\")"))
    }

    // MARK: Code pages

    @Test func decodesTheCodePageTheFileNames() throws {
        let text = #"""
            CHARSET="ANSI";
            CODEPAGE="iso-8859-1";
            TITLE="Folkmängd i Södermanland";
            STUB="län";
            HEADING="kön";
            VALUES("län")="Södermanlands län","Jämtlands län","Örebro län";
            VALUES("kön")="män","kvinnor";
            DATA=
            1 2
            3 4
            5 6;
            """#
        let latin1 = try #require(text.data(using: .isoLatin1))
        #expect(latin1.count < Data(text.utf8).count)
        let table = try PCAxis.read(latin1)
        #expect(table.title == "Folkmängd i Södermanland")
        #expect(table.dimensions[0].id == "län")
        #expect(table.dimensions[0].labels == ["Södermanlands län", "Jämtlands län", "Örebro län"])
        #expect(table.dimensions[1].labels == ["män", "kvinnor"])

        // Without CODEPAGE, bytes that are not UTF-8 are read as Windows-1252.
        let unnamed = try #require(
            text.replacingOccurrences(of: "CODEPAGE=\"iso-8859-1\";\n", with: "").data(using: .isoLatin1))
        #expect(try PCAxis.read(unnamed).dimensions[0].labels[2] == "Örebro län")
    }

    @Test func decodesWindows1252AndLatin9() throws {
        // 0x96 is an en dash in Windows-1252; 0xA4 the euro sign in ISO-8859-15.
        var windows = Data(#"CODEPAGE="windows-1252";TITLE="Inkomst 2020"#.utf8)
        windows.append(0x96)
        windows.append(contentsOf: Data(#"2023";STUB="x";VALUES("x")="a";DATA=1;"#.utf8))
        #expect(try PCAxis.read(windows).title == "Inkomst 2020–2023")
        var latin9 = Data(#"CODEPAGE="iso-8859-15";TITLE="Belopp i "#.utf8)
        latin9.append(0xA4)
        latin9.append(contentsOf: Data(#"";STUB="x";VALUES("x")="a";DATA=1;"#.utf8))
        #expect(try PCAxis.read(latin9).title == "Belopp i €")
    }

    @Test func readsUTF8WithAByteOrderMark() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(#"STUB="kön";VALUES("kön")="män","kvinnor";DATA=1 2;"#.utf8))
        let table = try PCAxis.read(data)
        #expect(table.dimensions[0].id == "kön")
        #expect(table.values == [1, 2])
    }

    // MARK: Cells

    /// `StatisticsSymbol`'s rule: `..` is suppressed, the other dots and `-` missing.
    @Test func readsSymbolsQuotedAndBareAsMissingOrSuppressed() throws {
        let table = try cube(
            #"""
            STUB="region";
            HEADING="år";
            VALUES("region")="A","B","C";
            VALUES("år")="1","2","3","4";
            DATASYMBOL1="*";
            DATA=
            1 ".." "-" 4
            "." "..." .. -
            "...." "....." "......" *;
            """#)
        #expect(table.values[0] == 1)
        #expect(table.values[3] == 4)
        #expect(table.values.filter(\.isNaN).count == 10)
        let missing = StatisticsCube.CellStatus.missing
        // `*` is how the file shows `.`, which is missing.
        #expect(
            table.status == [
                .value, .suppressed, missing, .value, missing, missing, .suppressed, missing, missing, missing,
                missing, missing,
            ])
        // A file without a suppressed cell keeps no status.
        let plain = try cube("STUB=\"x\";\nVALUES(\"x\")=\"a\",\"b\",\"c\";\nDATA=\n1 \".\" -;\n")
        #expect(plain.status == nil)
        #expect(plain.status(at: 1) == .missing)
        #expect(plain.status(at: 0) == .value)
    }

    /// A file's DATASYMBOL keywords say how it shows the spec's symbols: the shown text decides
    /// where it is a symbol of the rule, else the spec's symbol does; the text itself in DATA
    /// counts as the symbol it shows.
    @Test func readsTheFilesOwnDataSymbolsByTheRule() throws {
        let table = try cube(
            #"""
            STUB="x";
            VALUES("x")="1","2","3","4","5","6","7","8";
            DATASYMBOL1="x";
            DATASYMBOL2="–";
            DATASYMBOL3="konfidentiellt";
            DATASYMBOL4="sekretess";
            DATASYMBOL4[en]="confidential";
            DATA=
            "." x ".." "..." konfidentiellt "...." "sekretess" 8;
            """#)
        #expect(
            table.status == [.suppressed, .suppressed, .missing, .missing, .missing, .suppressed, .suppressed, .value])
        #expect(table.values[7] == 8)
    }

    @Test func readsCellsSeparatedByTabsCommasAndLineEnds() throws {
        let header = "STUB=\"x\";\r\nVALUES(\"x\")=\"a\",\"b\",\"c\",\"d\",\"e\";\r\nDATA=\r\n"
        let table = try cube(header + "1,2\t-3.5\r\n\r\n 4.25e1\n0.001 ;\r\n")
        #expect(table.values == [1, 2, -3.5, 42.5, 0.001])
    }

    @Test func readsNumbersExactlyAsDoubleDoes() throws {
        var generator = SplitMix(seed: 20)
        var texts: [String] = []
        for _ in 0..<3000 {
            let integer = generator.next() % 1_000_000
            let fractionDigits = Int(generator.next() % 8)
            var text = (generator.next() % 5 == 0 ? "-" : "") + String(integer)
            if fractionDigits > 0 {
                var power: UInt64 = 1
                for _ in 0..<fractionDigits {
                    power *= 10
                }
                let fraction = String(generator.next() % power)
                text += "." + String(repeating: "0", count: fractionDigits - fraction.count) + fraction
            }
            texts.append(text)
        }
        texts += ["0.1", "0.3", "123456789012345", "1234567890123456789", "0.12345678901234567", "1e-5", "-0"]
        let file = """
            STUB="x";
            VALUES("x")=\(texts.indices.map { "\"\($0)\"" }.joined(separator: ","));
            DATA=
            \(texts.joined(separator: " "));
            """
        let table = try cube(file)
        #expect(table.values.count == texts.count)
        for (text, value) in zip(texts, table.values) {
            let expected = try #require(Double(text))
            #expect(value.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func joinsTextsSplitOverLines() throws {
        let table = try cube(
            #"""
            TITLE="Folkmängd efter region, "
            "kön och år";
            STUB="region";
            VALUES("region")="Stockholm",
            "Uppsala",
            "Söder"
            "manland";
            DATA=
            1 2 3;
            """#)
        #expect(table.title == "Folkmängd efter region, kön och år")
        #expect(table.dimensions[0].labels == ["Stockholm", "Uppsala", "Södermanland"])
    }

    @Test func readsSparseDataWithKeys() throws {
        let table = try cube(
            #"""
            STUB="region","kön";
            HEADING="år";
            VALUES("region")="Stockholm","Uppsala","Södermanland";
            CODES("region")="0180","0380","0480";
            VALUES("kön")="män","kvinnor";
            VALUES("år")="2022","2023";
            KEYS("region")=CODES;
            DATA=
            "0480",5 6 7 8
            "0180",1 2 3 ".." ;
            """#)
        #expect(table.values[0..<3] == [1, 2, 3])
        #expect(table.values[3].isNaN)
        #expect(table.status?[3] == .suppressed)
        #expect(table.status?[4] == .value)
        // Uppsala's row is left out: zeros, as the spec says.
        #expect(table.values[4..<8] == [0, 0, 0, 0])
        #expect(table.values[8..<12] == [5, 6, 7, 8])
    }

    @Test func refusesAKeyThatIsNoValue() {
        let found = problems(
            #"""
            STUB="region";
            HEADING="år";
            VALUES("region")="Stockholm";
            VALUES("år")="2022","2023";
            KEYS("region")=VALUES;
            DATA=
            "Stockholm",1 2
            "Göteborg",3 4
            "Stockholm",1;
            """#)
        #expect(found.map(\.line) == [8, 9])
        #expect(
            found.first?.reason == .pxSyntax(expected: "one of the VALUES of region as a row's key, got \"Göteborg\""))
        #expect(found.last?.reason == .pxDataCount(expected: 2, got: 1, sizes: "år 2"))
    }

    // MARK: Bad input

    static let twoByTwo = #"""
        CODEPAGE="utf-8";
        STUB="region";
        HEADING="år";
        VALUES("region")="Stockholm","Uppsala";
        VALUES("år")="2022","2023";
        DATA=

        """#

    @Test func refusesMoreCellsThanTheVariablesMake() {
        let found = problems(Self.twoByTwo + "1 2\n3 4\n5 6\n7;\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 9)
        #expect(found.first?.column == "DATA")
        #expect(found.first?.reason == .pxDataCount(expected: 4, got: 7, sizes: "region 2 × år 2"))
    }

    @Test func refusesFewerCellsThanTheVariablesMake() {
        let found = problems(Self.twoByTwo + "1 2\n3\n;\n")
        #expect(found.first?.line == 9)
        #expect(found.first?.reason == .pxDataCount(expected: 4, got: 3, sizes: "region 2 × år 2"))
        let unterminated = problems(Self.twoByTwo + "1 2\n3")
        #expect(unterminated.first?.line == 8)
    }

    @Test func refusesAnUnknownCodePage() {
        let found = problems(Self.twoByTwo.replacingOccurrences(of: "utf-8", with: "ibm-437") + "1 2 3 4;")
        #expect(found == [ObservationProblem(line: 1, column: "CODEPAGE", .pxUnknownCodepage("ibm-437"))])
    }

    @Test func refusesAFileWithNeitherStubNorHeading() {
        let found = problems("CODEPAGE=\"utf-8\";\nTITLE=\"x\";\nDATA=\n1;\n")
        #expect(found == [ObservationProblem(line: 3, column: "STUB", .pxKeywordMissing("STUB or HEADING"))])
    }

    @Test func refusesAVariableWithoutValues() {
        let found = problems(
            Self.twoByTwo.replacingOccurrences(of: "VALUES(\"år\")=\"2022\",\"2023\";\n", with: "") + "1 2;")
        #expect(found == [ObservationProblem(line: 3, column: "VALUES(\"år\")", .pxKeywordMissing("VALUES(\"år\")"))])
    }

    @Test func refusesAFileWithoutData() {
        let found = problems(Self.twoByTwo.replacingOccurrences(of: "DATA=\n", with: "NOTE=\"x\";\n"))
        #expect(found == [ObservationProblem(line: 6, column: "DATA", .pxKeywordMissing("DATA"))])
    }

    @Test func refusesCodesOfAnotherCountThanValues() {
        let found = problems(
            Self.twoByTwo.replacingOccurrences(of: "DATA=", with: "CODES(\"region\")=\"0180\";\nDATA=") + "1 2 3 4;")
        #expect(
            found == [
                ObservationProblem(
                    line: 6, column: "CODES(\"region\")", .pxCodesCount(variable: "region", values: 2, codes: 1))
            ])
    }

    @Test func refusesCellsThatAreNotNumbersUpToTwenty() {
        let found = problems(Self.twoByTwo + "1 2\n3 12a;")
        #expect(found == [ObservationProblem(line: 8, column: "DATA", .pxValueNotNumber("12a"))])
        // (`x` would be a symbol: suppressed.)
        let many = problems(Self.twoByTwo + String(repeating: "y ", count: 30) + "\n;")
        #expect(many.count == PCAxisDataReader.maxProblems)
        #expect(many.allSatisfy { $0.reason == .pxValueNotNumber("y") })
        // Text that Double reads but a statistics file does not have.
        #expect(
            problems(Self.twoByTwo + "1 2 nan inf;").map(\.reason) == [
                .pxValueNotNumber("nan"), .pxValueNotNumber("inf"),
            ])
    }

    @Test func refusesAnUnterminatedText() {
        let found = problems("STUB=\"region\";\nVALUES(\"region\")=\"Stockholm\",\"Uppsala;\nDATA=\n1 2;\n")
        #expect(
            found == [
                ObservationProblem(
                    line: 2, column: "VALUES(\"region\")",
                    .pxSyntax(expected: "a closing \" on the line the text starts on"))
            ])
        let inData = problems("STUB=\"region\";\nVALUES(\"region\")=\"A\",\"B\";\nDATA=\n1 \"..\n2;\n")
        #expect(inData.map(\.line) == [4])
    }

    @Test func refusesAnEmptyFile() {
        #expect(
            problems(Data()) == [
                ObservationProblem(line: 1, column: "STUB", .pxKeywordMissing("STUB or HEADING")),
                ObservationProblem(line: 1, column: "DATA", .pxKeywordMissing("DATA")),
            ])
    }

    @Test func readsAPartOfALargerBuffer() throws {
        let whole = Data(("xxxx" + #"STUB="kön";VALUES("kön")="män","kvinnor";DATA=1 2;"#).utf8)
        let part = whole[whole.index(whole.startIndex, offsetBy: 4)...]
        #expect(part.startIndex == 4)
        #expect(try PCAxis.read(part).values == [1, 2])
    }

    @Test func refusesAKeywordWithoutEquals() {
        let found = problems("STUB=\"region\";\nTITLE \"Folkmängd\";\nDATA=\n1;\n")
        #expect(found == [ObservationProblem(line: 2, column: "TITLE", .pxSyntax(expected: "= after TITLE"))])
    }

    @Test func refusesAValueWithoutSemicolon() {
        let found = problems("TITLE=\"Folkmängd\"\n\nSTUB=\"region\";\nDATA=\n1;\n")
        #expect(found == [ObservationProblem(line: 1, column: "TITLE", .pxSyntax(expected: "; at the end of TITLE"))])
        let atEnd = problems("STUB=\"region\";\nVALUES(\"region\")=\"A\",\n\"B\"\n")
        #expect(
            atEnd == [
                ObservationProblem(
                    line: 3, column: "VALUES(\"region\")", .pxSyntax(expected: "; at the end of VALUES(\"region\")"))
            ])
    }

    @Test func collectsTheHeadersProblemsTogether() {
        let found = problems(
            #"""
            CODEPAGE="ebcdic";
            STUB="region","kön";
            HEADING="år";
            VALUES("region")="Stockholm","Uppsala";
            CODES("region")="0180";
            VALUES("år")="2023";
            DATA=
            1 2;
            """#)
        #expect(found.map(\.line) == [1, 5, 2])
        #expect(found.map(\.column) == ["CODEPAGE", "CODES(\"region\")", "VALUES(\"kön\")"])
    }

    @Test func countsCarriageReturnLineEndsOnceInMessages() {
        let found = problems("STUB=\"region\";\r\r\nVALUES(\"region\")=\"A\",\"B\";\r\nDATA=\r\r\n1\r\n2\r\n3;\r\n")
        #expect(found.map(\.line) == [6])
        let oldMac = problems("STUB=\"region\";\rVALUES(\"region\")=\"A\";\rDATA=\r1\r2;")
        #expect(oldMac.map(\.line) == [5])
    }

    // MARK: Speed

    /// Reads a big file (`PX_BENCH=/path/file.px`) and prints cells a second; a measurement, not a check.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PX_BENCH"] != nil))
    func measuresABigFile() throws {
        let path = try #require(ProcessInfo.processInfo.environment["PX_BENCH"])
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        let clock = ContinuousClock()
        var table: StatisticsCube?
        let elapsed = try clock.measure {
            table = try PCAxis.read(data)
        }
        let cells = table?.values.count ?? 0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "PX_BENCH \(data.count) bytes, \(cells) cells in \(seconds) s: \(Int(Double(cells) / seconds)) cells/s, "
                + "\(Double(data.count) / seconds / 1e6) MB/s")
    }
}

/// A small, seeded generator: the same numbers on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
