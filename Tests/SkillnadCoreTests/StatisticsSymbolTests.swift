import Foundation
import Testing

@testable import SkillnadCore

@Suite("One rule for the symbols of \"no value\" in CSV, PC-Axis and JSON-stat")
struct StatisticsSymbolTests {
    /// Every symbol of the rule, in the spellings files use.
    static let symbols: [(text: String, symbol: StatisticsSymbol)] = [
        ("", .missing),
        (".", .missing),
        ("...", .missing),
        ("....", .missing),
        (".....", .missing),
        ("......", .missing),
        (".......", .missing),
        ("-", .missing),
        ("–", .missing),
        ("—", .missing),
        ("..", .suppressed),
        ("x", .suppressed),
        ("X", .suppressed),
        ("c", .suppressed),
        ("C", .suppressed),
        (":", .suppressed),
        ("confidential", .suppressed),
        ("Confidential", .suppressed),
        ("CONFIDENTIAL", .suppressed),
    ]

    /// Texts that look like symbols and are none.
    static let others = [
        "0", "12", "-3", "9,2", "1.5", "xx", "x.", ". .", ".-", "--", "−", "p", "e", "n/a", "NA", "c.", "confidentia",
        "confidentiality", "–5", "+", "e5", "a",
    ]

    @Test("The rule: each symbol missing or suppressed, as text and as bytes, with spaces around or not")
    func rule() {
        for (text, symbol) in Self.symbols {
            #expect(StatisticsSymbol.classify(text) == symbol, "\"\(text)\"")
            #expect(StatisticsSymbol.classify(utf8: Array(text.utf8)) == symbol, "\"\(text)\" as bytes")
            #expect(StatisticsSymbol.classify(" \(text)\t") == symbol, "\"\(text)\" with spaces")
            #expect(StatisticsSymbol.classify(utf8: Array(" \(text) ".utf8)) == symbol, "\"\(text)\" bytes, spaces")
        }
        for text in Self.others {
            #expect(StatisticsSymbol.classify(text) == nil, "\"\(text)\"")
            #expect(StatisticsSymbol.classify(utf8: Array(text.utf8)) == nil, "\"\(text)\" as bytes")
        }
        #expect(StatisticsSymbol.classify("\u{A0}..\u{A0}") == .suppressed)
    }

    /// What a CSV cell says as a symbol: nil for a number or text.
    static func csvSymbol(_ text: String, decimal: Character) -> StatisticsSymbol? {
        switch CSVNumber.parse(text, decimal: decimal) {
        case .success(.missing): .missing
        case .success(.suppressed): .suppressed
        case .success(.value), .failure: nil
        }
    }

    @Test("CSVNumber's own checks of the bytes agree with the rule for every symbol and non-symbol")
    func csvNumberAgrees() {
        for text in Self.symbols.map(\.text) + Self.others {
            for decimal: Character in [",", "."] {
                for spelled in [text, " \(text) ", "\u{A0}\(text)\u{202F}"] {
                    #expect(
                        Self.csvSymbol(spelled, decimal: decimal) == StatisticsSymbol.classify(spelled),
                        "\"\(spelled)\" decimal \(decimal)")
                }
            }
        }
    }

    /// A PC-Axis file of one variable whose cells are `cells`, as written (quoted or not).
    static func pcAxis(_ cells: [String], header: String = "") -> StatisticsCube? {
        let names = cells.indices.map { "\"\($0)\"" }.joined(separator: ",")
        let text = "\(header)STUB=\"x\";\nVALUES(\"x\")=\(names);\nDATA=\n\(cells.joined(separator: " "));\n"
        return try? PCAxis.read(Data(text.utf8))
    }

    @Test("PC-Axis: every symbol, quoted or bare, is the rule's missing or suppressed, and numbers stay")
    func pcAxisAgrees() throws {
        let quoted = Self.symbols.map { "\"\($0.text)\"" }
        let cube = try #require(Self.pcAxis(["1"] + quoted + ["2"]))
        let expected: [StatisticsCube.CellStatus] = [.value] + Self.symbols.map(Self.status) + [.value]
        #expect(cube.status == expected)
        #expect(cube.values.first == 1 && cube.values.last == 2)
        // Bare, as most files write them (an empty cell cannot be bare).
        let bare = Self.symbols.filter { !$0.text.isEmpty }
        let bareCube = try #require(Self.pcAxis(bare.map(\.text)))
        #expect(bareCube.status == bare.map(Self.status))
        #expect(bareCube.values.allSatisfy { $0.isNaN })
        // Words that are no symbol are refused, as before.
        for text in ["p", "n/a", "xx"] {
            #expect(Self.pcAxis(["1", text]) == nil, "\(text)")
        }
    }

    @Test("PC-Axis in Windows-1252: a dash of one byte is missing like the UTF-8 one")
    func pcAxisDashInWindows1252() throws {
        var data = Data("CODEPAGE=\"windows-1252\";\nSTUB=\"x\";\nVALUES(\"x\")=\"a\",\"b\",\"c\";\nDATA=\n".utf8)
        data.append(contentsOf: [0x96, 0x20, 0x22, 0x97, 0x22, 0x20])
        data.append(contentsOf: Array("x;\n".utf8))
        let cube = try PCAxis.read(data)
        #expect(cube.status == [.missing, .missing, .suppressed])
    }

    @Test("JSON-stat: every symbol as a status or as a text in `value` is the rule's; an empty status says nothing")
    func jsonStatAgrees() throws {
        let count = Self.symbols.count
        let statuses = Self.symbols.enumerated().map { "\"\($0.offset)\": \(Self.json($0.element.text))" }
        let values = [String](repeating: "1", count: count).joined(separator: ", ")
        let marked = try JSONStat.read(Data(Self.jsonStat(count: count, values: values, statuses: statuses).utf8))
        // The empty status leaves its number; every other symbol takes it away.
        let expected = Self.symbols.map { $0.text.isEmpty ? .value : Self.status($0) }
        #expect(marked.status == expected)
        #expect(marked.values[0] == 1)
        let texts = Self.symbols.map { Self.json($0.text) }.joined(separator: ", ")
        let inValue = try JSONStat.read(Data(Self.jsonStat(count: count, values: texts, statuses: []).utf8))
        #expect(inValue.status == Self.symbols.map(Self.status))
    }

    static func status(_ entry: (text: String, symbol: StatisticsSymbol)) -> StatisticsCube.CellStatus {
        entry.symbol == .suppressed ? .suppressed : .missing
    }

    static func json(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func jsonStat(count: Int, values: String, statuses: [String]) -> String {
        let codes = (0..<count).map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"version": "2.0", "class": "dataset", "id": ["x"], "size": [\(count)],
             "dimension": {"x": {"category": {"index": [\(codes)]}}},
             "value": [\(values)], "status": {\(statuses.joined(separator: ", "))}}
            """
    }

    // MARK: One table in three formats

    /// Four areas over two years, as Statistics Sweden would publish them, with `..`, `x`, `-`,
    /// `.`, `:` and `...` among the numbers: area, year, cell as written.
    static let table: [(area: String, year: String, cell: String)] = [
        ("A", "2022", "12"), ("A", "2023", ".."),
        ("B", "2022", "x"), ("B", "2023", "-"),
        ("C", "2022", "."), ("C", "2023", "7.5"),
        ("D", "2022", ":"), ("D", "2023", "..."),
    ]
    /// The table as a long CSV with decimal commas.
    static func csv() -> String {
        let rows = table.map { row in
            "\(row.area);\(row.year);\(row.cell.replacingOccurrences(of: "7.5", with: "7,5"))"
        }
        return (["region;år;värde"] + rows).joined(separator: "\n") + "\n"
    }

    /// The table as a PC-Axis file: regions in the stub, years in the heading, symbols quoted.
    static func pcAxis() -> String {
        let cells = table.map { row in Double(row.cell) == nil ? "\"\(row.cell)\"" : row.cell }
        return """
            CHARSET="ANSI";
            CODEPAGE="utf-8";
            STUB="region";
            HEADING="år";
            VALUES("region")="A","B","C","D";
            VALUES("år")="2022","2023";
            TIMEVAL("år")=TLIST(A1),"2022","2023";
            DATA=
            \(cells.joined(separator: " "));

            """
    }

    /// The table as the PxWeb API answers in JSON-stat: null values, the symbols in `status`.
    static func jsonStat() -> String {
        let values = table.map { row in Double(row.cell).map { String($0) } ?? "null" }
        var statuses: [String] = []
        for (position, row) in table.enumerated() where Double(row.cell) == nil {
            statuses.append("\"\(position)\": \"\(row.cell)\"")
        }
        return """
            {"version": "2.0", "class": "dataset", "id": ["region", "år"], "size": [4, 2],
             "role": {"time": ["år"]},
             "dimension": {"region": {"category": {"index": ["A", "B", "C", "D"]}},
                           "år": {"category": {"index": ["2022", "2023"]}}},
             "value": [\(values.joined(separator: ", "))],
             "status": {\(statuses.joined(separator: ", "))}}
            """
    }

    /// What an observation says, for comparing formats: area, period, value, suppressed.
    static func described(_ rows: [ReadObservation]) -> [String] {
        rows.map { row in
            let value = row.value.map { String($0) } ?? "none"
            return "\(row.areaName ?? "?") \(row.period) \(value)\(row.suppressed ? " suppressed" : "")"
        }.sorted()
    }

    static func observations(_ cube: StatisticsCube) throws -> [ReadObservation] {
        let resolved = try CubeMapping.resolve(cube, ObservationMapping(areaName: "region")).get()
        var rows: [ReadObservation] = []
        resolved.forEachObservation(in: cube) { rows.append($0) }
        return rows
    }

    @Test("The same table as CSV, PC-Axis and JSON-stat gives the same values and suppressed flags")
    func sameTableThreeFormats() throws {
        let mapping = ObservationMapping(areaName: "region", value: "värde", periodColumn: "år")
        let csv = Data(Self.csv().utf8)
        let fromCSV = try ObservationReader.read(CSVTable.parse(csv), mapping: mapping).get()
        var streamed: [ReadObservation] = []
        try ObservationReader.stream(csv, mapping: mapping) { streamed.append($0) }
        let fromPX = try Self.observations(PCAxis.read(Data(Self.pcAxis().utf8)))
        let fromJSON = try Self.observations(JSONStat.read(Data(Self.jsonStat().utf8)))
        let expected = [
            "A 2022 12.0", "A 2023 none suppressed", "B 2022 none suppressed", "B 2023 none",
            "C 2022 none", "C 2023 7.5", "D 2022 none suppressed", "D 2023 none",
        ]
        #expect(Self.described(fromCSV) == expected)
        #expect(Self.described(streamed) == expected)
        #expect(Self.described(fromPX) == expected)
        #expect(Self.described(fromJSON) == expected)
    }
}
