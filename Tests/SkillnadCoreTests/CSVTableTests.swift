import Foundation
import Testing
@testable import SkillnadCore

private func table(_ text: String, delimiter: CSVTable.Delimiter? = nil) throws -> CSVTable {
    try CSVTable.parse(Data(text.utf8), delimiter: delimiter)
}

/// The error a parse throws, or nil (and a test failure) when it does not throw.
private func parseError(
    _ data: Data, delimiter: CSVTable.Delimiter? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> CSVError? {
    do {
        let t = try CSVTable.parse(data, delimiter: delimiter)
        Issue.record(
            "expected an error, got \(t.rows.count) rows with header \(t.header)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CSVError? {
    parseError(Data(text.utf8), sourceLocation: sourceLocation)
}

@Suite("CSV table")
struct CSVTableTests {
    // MARK: Reading

    @Test func readsQuotedFieldsWithDelimitersEscapesAndLineBreaks() throws {
        let t = try table(
            #"""
            namn,antal,not
            "Täby 11 Ensta, Kullagränd",12,"sa ""hej"""
            "två
            rader",3,
            vanlig,4,"x"

            """#)
        #expect(t.delimiter == .comma)
        #expect(t.header == ["namn", "antal", "not"])
        #expect(
            t.rows == [
                ["Täby 11 Ensta, Kullagränd", "12", "sa \"hej\""],
                ["två\nrader", "3", ""],
                ["vanlig", "4", "x"],
            ])
        #expect(t.lineNumbers == [2, 3, 5])
        #expect(t.headerLine == 1)
    }

    @Test func takesBOMAndMixedLineEnds() throws {
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF] + Array("  Område ;Värde\r\nRinkeby;1\nKista;2\rAkalla;\"a\r\nb\"\r\n\r\n".utf8)
        let t = try CSVTable.parse(Data(bytes))
        #expect(t.delimiter == .semicolon)
        #expect(t.header == ["Område", "Värde"])
        #expect(t.rows == [["Rinkeby", "1"], ["Kista", "2"], ["Akalla", "a\nb"]])
        #expect(t.lineNumbers == [2, 3, 4])
    }

    @Test func blankLinesCarryNoRowAndKeepLineNumbers() throws {
        let t = try table("a,b\n\n1,2\n\n\n3,4\n\n")
        #expect(t.rows == [["1", "2"], ["3", "4"]])
        #expect(t.lineNumbers == [3, 6])
    }

    @Test func lastLineWithoutLineEnd() throws {
        let t = try table("a,b\n1,2")
        #expect(t.rows == [["1", "2"]])
    }

    @Test func trailingDelimiterIsToleratedWhenTheHeaderHasItToo() throws {
        let t = try table("år;antal;\n2022;5;\n2023;6;\n")
        #expect(t.header == ["år", "antal"])
        #expect(t.rows == [["2022", "5"], ["2023", "6"]])
        // Excel's "used range" can leave several.
        #expect(try table("a;b;;\n1;2;;\n").rows == [["1", "2"]])
    }

    @Test func trailingDelimiterWithoutOneInTheHeaderIsRagged() throws {
        let error = parseError("år;antal\n2022;5;\n2023;6;\n")
        #expect(error?.kind == .ragged(expected: 2, found: 3))
        #expect(error?.line == 2)
        #expect(
            error?.description
                == "line 2: 3 fields where the header has 2 (the line ends with a semicolon; that is allowed only when the header line ends with one too)"
        )
    }

    @Test func aValueUnderAnUnnamedTrailingColumnIsReported() throws {
        let error = parseError("a;b;\n1;2;\n3;4;5\n")
        #expect(error?.kind == .valueInUnnamedColumn)
        #expect(error?.line == 3)
    }

    @Test func headerNamesAreTrimmedButValuesAreNot() throws {
        let t = try table(" a , b \n 1 , x \n")
        #expect(t.header == ["a", "b"])
        #expect(t.rows == [[" 1 ", " x "]])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        #expect(try table("a,b\n\"12\"3,x\n").rows == [["123", "x"]])
    }

    // MARK: Delimiters

    @Test func detectsSemicolonWithDecimalCommas() throws {
        // Comma splits every line into 3 here too; semicolon is preferred.
        let t = try table("andel,x;kod\n9,2;1\n3,3;2\n")
        #expect(t.delimiter == .semicolon)
        #expect(t.header == ["andel,x", "kod"])
    }

    @Test func detectsTab() throws {
        let t = try table("a\tb\tc\n1,5\t2\t3\n")
        #expect(t.delimiter == .tab)
        #expect(t.rows == [["1,5", "2", "3"]])
    }

    @Test func detectsCommaWhenSemicolonsAreOnlyInText() throws {
        let t = try table("namn,not\nA,\"x; y\"\nB,z\n")
        #expect(t.delimiter == .comma)
    }

    @Test func aGivenDelimiterIsUsed() throws {
        let t = try table("a;b,c\n1;2,3\n", delimiter: .comma)
        #expect(t.header == ["a;b", "c"])
        // A single column is fine when the caller says what the delimiter is.
        #expect(try table("namn\nA\nB\n", delimiter: .semicolon).rows == [["A"], ["B"]])
    }

    @Test func oneBadRowAmongManyIsReportedAsRaggedNotAsNoTable() throws {
        var text = "a;b;c\n"
        for i in 0..<15 { text += "\(i);x;y\n" }
        text += "15;x;y;z\n"
        let error = parseError(text)
        #expect(error?.kind == .ragged(expected: 3, found: 4))
        #expect(error?.line == 17)
        #expect(
            error?.description
                == "line 17: 4 fields where the header has 3 (a semicolon inside a value that is not in quotes?)")
    }

    @Test func raggedRowBeyondTheSample() throws {
        var text = "a,b,c\n"
        for i in 0..<100 { text += "\(i),x,y\n" }
        text += "100,x\n"
        let error = parseError(text)
        #expect(error?.kind == .ragged(expected: 3, found: 2))
        #expect(error?.line == 102)
        #expect(error?.description == "line 102: 2 fields where the header has 3")
    }

    // MARK: Errors

    @Test func unterminatedQuote() throws {
        let error = parseError("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 3)
        #expect(error?.description == "line 3: a quoted field starts here and its closing quote (\") is missing")
    }

    @Test func unterminatedQuoteInTheHeader() throws {
        let error = parseError("a,\"b\n1,2\n")
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 1)
    }

    @Test func binaryData() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(parseError(Data(png))?.kind == .notText)
        #expect(parseError(Data(png))?.description == "this is a PNG image, not a CSV text file")
        let xlsx: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        #expect(parseError(Data(xlsx))?.description.contains("Excel workbook") == true)
        #expect(parseError(Data("a,b\n1,\0\n".utf8))?.kind == .notText)
        #expect(parseError(Data("%PDF-1.7\n".utf8))?.kind == .notText)
    }

    @Test func latin1IsRefusedNotGuessed() throws {
        // "Område;Värde\nSkärholmen;1" saved as Windows-1252.
        var bytes = Array("a;b\n".utf8)
        bytes += [0x53, 0x6B, 0xE4, 0x72, 0x68, 0x6F, 0x6C, 0x6D, 0x65, 0x6E] + Array(";1\n".utf8)
        let error = parseError(Data(bytes))
        #expect(error?.kind == .notUTF8)
        #expect(error?.line == 2)
        #expect(error?.description.hasPrefix("line 2: not UTF-8 text (save the file as UTF-8") == true)
    }

    @Test func utf16IsRefused() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "a\tb\n1\t2\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(parseError(Data(bytes))?.kind == .notUTF8)
    }

    @Test(arguments: [
        [UInt8](), [0xEF, 0xBB, 0xBF], Array(" \r\n\n\t ".utf8), [0xEF, 0xBB, 0xBF, 0x0A],
    ])
    func emptyFile(bytes: [UInt8]) throws {
        let error = parseError(Data(bytes))
        #expect(error?.kind == .empty)
        #expect(error?.description == "the file is empty")
    }

    @Test func headerWithoutRows() throws {
        let error = parseError("a;b\n")
        #expect(error?.kind == .empty)
        #expect(error?.description == "the file has a header line but no data rows")
    }

    @Test func jsonDocument() throws {
        let object = parseError("{\"type\": \"FeatureCollection\", \"features\": []}\n")
        #expect(object?.kind == .notDelimited)
        #expect(object?.description.contains("JSON") == true)
        let array = parseError("  [\n  {\"a\": 1, \"b\": 2},\n  {\"a\": 3, \"b\": 4}\n]\n")
        #expect(array?.kind == .notDelimited)
        #expect(array?.description.contains("JSON") == true)
    }

    @Test func htmlDocument() throws {
        let error = parseError("<!DOCTYPE html>\n<html><body>Not found, sorry</body></html>\n")
        #expect(error?.kind == .notDelimited)
        #expect(error?.description.contains("HTML") == true)
    }

    @Test func plainTextIsNotATable() throws {
        let text = """
            Stockholm is the capital of Sweden.
            It has about a million inhabitants, many islands, and
            a long history; the old town is called Gamla stan.
            """
        let error = parseError(text)
        #expect(error?.kind == .notDelimited)
        #expect(
            error?.description
                == "not a delimited table (no comma, semicolon or tab that splits the lines consistently)")
        #expect(parseError("just one column\nof words\n")?.kind == .notDelimited)
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SplitMix(seed: 20_240_611)
        let alphabet = Array("a;,\t\"\r\n1.ö ".utf8)
        for round in 0..<2_000 {
            let length = Int(generator.next() % 200)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0
                    ? UInt8(truncatingIfNeeded: generator.next())
                    : alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            if let t = try? CSVTable.parse(Data(bytes)) {
                #expect(t.rows.allSatisfy { $0.count == t.header.count })
                #expect(t.lineNumbers.count == t.rows.count)
                for c in t.header.indices { _ = try? t.numbers(column: c) }
            }
        }
    }

    // MARK: Columns

    @Test func findsColumnsCaseInsensitivelyWithSwedishLetters() throws {
        let t = try table("LÄNSKOD,ANTAL RÖSTBERÄTTIGADE,  ANTAL  RÖSTANDE ,Kön\n1,2,3,K\n")
        #expect(try t.column("antal röstande") == 2)
        #expect(try t.column("ANTAL RÖSTANDE") == 2)
        #expect(try t.column("  Antal Röstberättigade ") == 1)
        #expect(try t.column("länskod") == 0)
        // Decomposed ö (as macOS writes file names and sometimes text).
        #expect(try t.column("antal ro\u{308}stande") == 2)
        // Folded only when nothing matches exactly.
        #expect(try t.column("antal_rostande") == 2)
        #expect(try t.column("kon") == 3)
        #expect(try t.column("valdeltagande") == nil)
        #expect(try t.column("") == nil)
    }

    @Test func exactMatchWinsOverFolding() throws {
        let t = try table("Kön,Kon\nK,1\n")
        #expect(try t.column("kön") == 0)
        #expect(try t.column("KON") == 1)
    }

    @Test func ambiguousHeader() throws {
        let t = try table("Område,Antal,ANTAL \nA,1,2\n")
        #expect(throws: CSVError.self) { try t.column("antal") }
        do {
            _ = try t.column("antal")
        } catch {
            #expect(error.kind == .ambiguousColumn(name: "antal", matches: [1, 2]))
            #expect(
                error.description
                    == "more than one column matches \"antal\": Antal (#2) and ANTAL (#3): map it as #2 or #3")
        }
        #expect(try t.column("område") == 0)
    }

    @Test(
        "A header that repeats a name (as Valmyndigheten's does) is read; only asking for that name is refused, with #N"
    )
    func repeatedHeaderName() throws {
        let t = try table("LÄN;KOM;VALDISTRIKT;LÄN;KOMMUN;VALDISTRIKT\n01;80;0180001;Stockholm;Stockholm;Nr 1\n")
        #expect(t.header.count == 6)
        #expect(try t.column("KOMMUN") == 4)
        #expect(try t.column("kom") == 1)
        do {
            _ = try t.column("LÄN")
            Issue.record("a repeated name should be refused")
        } catch {
            #expect(error.kind == .ambiguousColumn(name: "LÄN", matches: [0, 3]))
            #expect(error.column == "LÄN")
            #expect(error.message == "the header has \"LÄN\" twice (columns #1 and #4): map it as #1 or #4")
        }
        let thrice = try table("a;A;a;a\n1;2;3;4\n")
        #expect(throws: CSVError.self) { try thrice.column("A") }
        do {
            _ = try thrice.column("a")
        } catch {
            #expect(
                error.message
                    == "more than one column matches \"a\": a (#1), A (#2), a (#3) and a (#4): map it as #1, #2, #3 or #4"
            )
        }
        let three = try table("x;b;b;b\n1;2;3;4\n")
        do {
            _ = try three.column("b")
        } catch {
            #expect(error.message == "the header has \"b\" three times (columns #2, #3 and #4): map it as #2, #3 or #4")
        }
    }

    // MARK: Numbers

    @Test(
        arguments: [
            ("12", ".", CSVValue.value(12)),
            ("-3", ",", .value(-3)),
            ("9,2", ",", .value(9.2)),
            ("9.2", ".", .value(9.2)),
            (" 7,25 ", ",", .value(7.25)),
            ("\u{A0}7\u{A0}", ",", .value(7)),
            ("+4", ".", .value(4)),
            ("\u{2212}4,5", ",", .value(-4.5)),
            (",5", ",", .value(0.5)),
            ("1,5E-05", ",", .value(1.5e-5)),
            ("2.5e3", ".", .value(2500)),
            ("1,234", ",", .value(1.234)),
            ("72.9564032697548", ".", .value(72.9564032697548)),
            ("123456789012345678", ".", .value(123_456_789_012_345_678)),
            ("", ".", .missing),
            ("   ", ",", .missing),
            (".", ",", .missing),
            ("-", ".", .missing),
            ("–", ".", .missing),
            ("..", ",", .suppressed),
            (" .. ", ".", .suppressed),
            ("x", ",", .suppressed),
        ] as [(String, Character, CSVValue)])
    func parsesNumbers(text: String, decimal: Character, expected: CSVValue) throws {
        #expect(try CSVNumber.parse(text, decimal: decimal).get() == expected)
    }

    @Test(
        arguments: [
            ("12a", ".", CSVNumber.Problem.notANumber),
            ("n/a", ",", .notANumber),
            ("12 %", ",", .notANumber),
            ("1.2.3", ".", .notANumber),
            ("--5", ".", .notANumber),
            ("inf", ".", .notANumber),
            ("nan", ".", .notANumber),
            ("0x1F", ".", .notANumber),
            ("12 34", ",", .notANumber),
            ("1e", ".", .notANumber),
            ("1 234", ",", .thousandsSeparator),
            (" 1 234 ", ".", .thousandsSeparator),
            ("1\u{A0}234,5", ",", .thousandsSeparator),
            ("12\u{202F}345", ",", .thousandsSeparator),
            ("1,234", ".", .thousandsSeparator),
            ("1,234,567", ".", .thousandsSeparator),
            ("1.234.567", ".", .thousandsSeparator),
            ("1,234.5", ".", .thousandsSeparator),
            ("1.234,5", ",", .thousandsSeparator),
            ("9,2", ".", .otherDecimalSeparator),
            ("9.25", ",", .otherDecimalSeparator),
        ] as [(String, Character, CSVNumber.Problem)])
    func refusesNonNumbers(text: String, decimal: Character, problem: CSVNumber.Problem) {
        #expect(throws: problem) { try CSVNumber.parse(text, decimal: decimal).get() }
    }

    @Test func notANumberNamesLineAndColumn() throws {
        let t = try table("OMRÅDE;ANTAL RÖSTANDE\nA;1\n\nB;12a\n")
        do {
            _ = try t.numbers(column: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notANumber(value: "12a", problem: .notANumber))
            #expect(error.line == 4)
            #expect(error.column == "ANTAL RÖSTANDE")
            #expect(error.description == "line 4, column ANTAL RÖSTANDE: \"12a\" is not a number")
        }
    }

    @Test func thousandsSeparatorIsReportedWithLineAndColumn() throws {
        let t = try table("område;befolkning\nRinkeby;16 000\nKista;1 234\n")
        do {
            _ = try t.numbers(column: 1)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notANumber(value: "16 000", problem: .thousandsSeparator))
            #expect(error.line == 2)
            #expect(error.column == "befolkning")
            #expect(
                error.description.hasPrefix(
                    "line 2, column befolkning: \"16 000\" has a thousands separator, which is not supported"))
        }
    }

    @Test func decimalSeparatorIsDecidedByTheColumnsValues() throws {
        let t = try table(
            """
            a;b;c;d;e;f
            9,2;9.2;1,234;80.625;12;1,234
            10;10;2,5;81.5;13;9.5
            """)
        #expect(t.delimiter == .semicolon)
        #expect(t.decimalSeparator(column: 0) == ",")
        #expect(t.decimalSeparator(column: 1) == ".")
        // "1,234" cannot tell; "2,5" can.
        #expect(t.decimalSeparator(column: 2) == ",")
        #expect(try t.numbers(column: 2) == [.value(1.234), .value(2.5)])
        #expect(t.decimalSeparator(column: 3) == ".")
        #expect(try t.numbers(column: 3) == [.value(80.625), .value(81.5)])
        // Integers only: the file's convention (semicolon file → decimal comma).
        #expect(t.decimalSeparator(column: 4) == ",")
        // "9.5" decides, so "1,234" in that column is a thousands separator and is reported.
        #expect(t.decimalSeparator(column: 5) == ".")
        #expect(throws: CSVError.self) { try t.numbers(column: 5) }
    }

    @Test func undecidedColumnsFollowTheFilesConvention() throws {
        let comma = try table("a,b\n\"1,234\",1\n")
        #expect(comma.decimalSeparator(column: 0) == ".")
        #expect(throws: CSVError.self) { try comma.numbers(column: 0) }
        let semicolon = try table("a;b\n1,234;1\n")
        #expect(semicolon.decimalSeparator(column: 0) == ",")
        #expect(try semicolon.numbers(column: 0) == [.value(1.234)])
    }

    @Test func aMixedColumnReportsTheMinority() throws {
        let t = try table("a;b\n1,5;x\n2,5;x\n3.5;x\n")
        #expect(t.decimalSeparator(column: 0) == ",")
        do {
            _ = try t.numbers(column: 0)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notANumber(value: "3.5", problem: .otherDecimalSeparator))
            #expect(
                error.description
                    == "line 4, column a: \"3.5\" has \".\" as decimal separator but this column uses \",\"")
        }
    }

    // MARK: Streaming

    @Test func forEachRowGivesTheSameAsParse() throws {
        let text = "\u{FEFF}a;b;\r\n1;\"x\r\ny\";\r\n\r\n2;z;\r\n"
        let whole = try table(text)
        var header: [String] = []
        var found: CSVTable.Delimiter?
        var rows: [[String]] = []
        var lines: [Int] = []
        try CSVTable.forEachRow(Data(text.utf8)) { names, delimiter in
            header = names
            found = delimiter
        } row: { fields, line in
            rows.append(fields)
            lines.append(line)
        }
        #expect(header == whole.header)
        #expect(found == whole.delimiter)
        #expect(rows == whole.rows)
        #expect(lines == whole.lineNumbers)
    }

    /// Some exports end lines with CR CR LF: one line end, not a line and a blank line.
    static let doubledCR = "Område;Antal\r\r\nRinkeby;1\r\r\n\"Kista\r\r\nby\";2\r\r\n\r\r\nAkalla;3\r\r\n"

    @Test("CR CR LF is one line end: line numbers as an editor counts rows, no empty rows, in every reader")
    func doubledCarriageReturn() throws {
        let t = try table(Self.doubledCR)
        #expect(t.header == ["Område", "Antal"])
        #expect(t.rows == [["Rinkeby", "1"], ["Kista\nby", "2"], ["Akalla", "3"]])
        #expect(t.lineNumbers == [2, 3, 6])
        var streamed: [[String]] = []
        var lines: [Int] = []
        try CSVTable.forEachRow(Data(Self.doubledCR.utf8)) { fields, line in
            streamed.append(fields)
            lines.append(line)
        }
        #expect(streamed == t.rows)
        #expect(lines == t.lineNumbers)
        var cells: [[String]] = []
        try CSVTable.forEachCell(Data(Self.doubledCR.utf8)) { names, _ in
            #expect(names == ["Område", "Antal"])
        } cell: { column, bytes in
            if column == 0 { cells.append([]) }
            cells[cells.count - 1].append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(cells == t.rows)
        // A row's error names its line as counted so: rows 2, 3, … are lines 2, 3, …
        let ragged = parseError("a;b\r\r\n" + String(repeating: "1;2\r\r\n", count: 5) + "3\r\r\n")
        #expect(ragged?.kind == .ragged(expected: 2, found: 1))
        #expect(ragged?.line == 7)
        var latin1 = Array("a;b\r\r\n1;2\r\r\n".utf8)
        latin1 += [0x53, 0x6B, 0xE4, 0x72] + Array(";1\r\r\n".utf8)
        #expect(parseError(Data(latin1))?.line == 3)
        // A bare CR still ends one line, and two bare CRs two.
        #expect(try table("a;b\r1;2\r\r3;4\r").lineNumbers == [2, 4])
    }

    @Test func forEachRowStopsAtTheCallersErrorAndReportsFileErrors() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try CSVTable.forEachRow(Data("a,b\n1,2\n3,4\n5,6\n".utf8)) { _, _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
        #expect(throws: CSVError.self) {
            try CSVTable.forEachRow(Data("a,b\n1,2\n3\n".utf8)) { _, _ in }
        }
        var column: Int?
        try CSVTable.forEachRow(Data("Område;Antal\n".utf8)) { names, _ in
            column = try CSVTable.column("antal", in: names)
        } row: { _, _ in
            Issue.record("no rows")
        }
        #expect(column == 1)
    }

    // MARK: Real data

    /// The 2022 municipal election per voting district (Valmyndigheten, `../shared/data`).
    /// Expected figures were counted with Python's csv module.
    @Test func electionResultsPerVotingDistrict() throws {
        let url = SharedData.file("valmyndigheten/kommun_2022.csv")
        let data = try Data(contentsOf: url)
        let t = try CSVTable.parse(data)
        #expect(t.delimiter == .comma)
        #expect(t.header.count == 24)
        #expect(t.rows.count == 6_578)
        #expect(t.header.contains("ANTAL RÖSTBERÄTTIGADE"))
        #expect(t.header.contains("VALDISTRIKTSNAMN"))
        #expect(t.lineNumbers.first == 2 && t.lineNumbers.last == 6_579)

        let voters = try #require(try t.column("antal röstande"))
        #expect(t.header[voters] == "ANTAL RÖSTANDE")
        let municipality = try #require(try t.column("kommunkod"))
        let eligible = try #require(try t.column("Antal röstberättigade"))
        let name = try #require(try t.column("valdistriktsnamn"))
        let turnout = try #require(try t.column("VALDELTAGANDE"))

        let stockholm = t.rows.indices.filter { t.rows[$0][municipality] == "180" }
        #expect(stockholm.count == 598)
        let eligibleCounts = try t.numbers(column: eligible)
        let voterCounts = try t.numbers(column: voters)
        let withVoters = stockholm.filter { (eligibleCounts[$0].double ?? 0) > 0 }
        #expect(withVoters.count == 592)
        let collection = stockholm.filter { eligibleCounts[$0] == .value(0) }
        #expect(collection.count == 6)
        // Collection districts for early votes (insamlingsdistrikt): no eligible voters, no turnout.
        #expect(
            collection.allSatisfy {
                t.rows[$0][name] == "Förtidsröster ej fördelade efter valdistrikt" && t.rows[$0][turnout] == ""
            })
        #expect(stockholm.reduce(0.0) { $0 + (eligibleCounts[$1].double ?? 0) } == 773_389)
        #expect(stockholm.reduce(0.0) { $0 + (voterCounts[$1].double ?? 0) } == 618_245)
        // Names with commas are quoted in the file.
        #expect(t.rows.contains { $0[name] == "Täby 11 Ensta, Kullagränd" })

        #expect(t.decimalSeparator(column: turnout) == ".")
        let turnouts = try t.numbers(column: turnout)
        #expect(turnouts.filter { $0 == .missing }.count == 314)
        #expect(turnouts.compactMap(\.double).count == 6_264)
        let first = try #require(stockholm.first)
        #expect(turnouts[first] == .value(81.5361890694239))

        // The same table as Swedish Excel writes it: semicolons, decimal commas, CRLF, BOM.
        let mp = try #require(try t.column("MP"))
        let decimalColumns: Set<Int> = [turnout, mp]
        func cell(_ s: String, _ column: Int) -> String {
            let v = decimalColumns.contains(column) ? s.replacingOccurrences(of: ".", with: ",") : s
            return v.contains(";") || v.contains("\"") || v.contains("\n")
                ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }
        var text = "\u{FEFF}" + t.header.enumerated().map { cell($1, $0) }.joined(separator: ";") + "\r\n"
        for row in t.rows { text += row.enumerated().map { cell($1, $0) }.joined(separator: ";") + "\r\n" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "skillnad-csv-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let excel = try CSVTable.parse(try Data(contentsOf: file))
        #expect(excel.delimiter == .semicolon)
        #expect(excel.header == t.header)
        #expect(excel.rows.count == t.rows.count)
        #expect(excel.lineNumbers == t.lineNumbers)
        #expect(excel.decimalSeparator(column: turnout) == ",")
        for column in t.header.indices {
            if let original = try? t.numbers(column: column) {
                #expect(try excel.numbers(column: column) == original, "\(t.header[column])")
            } else {
                #expect(excel.rows.map { $0[column] } == t.rows.map { $0[column] }, "\(t.header[column])")
            }
        }
    }
}

/// A small deterministic generator, so the random-bytes test fails the same way every time.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("CSV limits")
struct CSVLimitTests {
    @Test(
        "A line with more columns than any statistics file has is refused with its line, quickly and without keeping them"
    )
    func tooManyColumns() {
        let wide = (0..<(CSVRecordScanner.maxFields + 5)).map { "c\($0)" }.joined(separator: ";")
        let data = Data((wide + "\n" + wide + "\n").utf8)
        do {
            _ = try CSVTable.parse(data)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .tooManyColumns(found: CSVRecordScanner.maxFields + 5))
            #expect(error.line == 1)
            #expect(error.description.count < 200)
        }
    }
}
