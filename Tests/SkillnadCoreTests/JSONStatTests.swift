import Foundation
import Testing

@testable import SkillnadCore

@Suite("Reading JSON-stat 2.0, as the PxWeb API answers")
struct JSONStatTests {
    /// A response as PxWeb API v2 writes it (`outputFormat=json-stat2`), cut down to 12 cells:
    /// Region (index as object, geo, a total by elimination) × Kon (index as array) ×
    /// ContentsCode (metric) × Tid (time).
    static let pxWeb = """
        {
          "version": "2.0", "class": "dataset",
          "href": "https://api.scb.se/OV0104/v2beta/api/v2/tables/TAB638/data?lang=sv",
          "label": "Folkmängd efter region, kön och år",
          "source": "SCB", "updated": "2024-02-21T07:00:00Z",
          "note": ["Uppgifterna avser förhållandena den 31 december."],
          "role": {"time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"]},
          "id": ["Region", "Kon", "ContentsCode", "Tid"],
          "size": [3, 2, 1, 2],
          "dimension": {
            "Region": {
              "label": "region",
              "category": {
                "index": {"00": 0, "0180": 1, "0114": 2},
                "label": {"00": "Riket", "0180": "Stockholm", "0114": "Upplands Väsby"}
              },
              "extension": {"elimination": true, "eliminationValueCode": "00", "show": "value"}
            },
            "Kon": {
              "label": "kön",
              "category": {"index": ["1", "2"], "label": {"1": "män", "2": "kvinnor"}},
              "extension": {"elimination": true, "show": "value"}
            },
            "ContentsCode": {
              "label": "tabellinnehåll",
              "category": {
                "index": {"BE0101N1": 0},
                "label": {"BE0101N1": "Folkmängd"},
                "unit": {"BE0101N1": {"base": "antal", "decimals": 0}}
              }
            },
            "Tid": {"label": "år", "category": {"index": {"2022": 0, "2023": 1}, "label": {"2022": "2022"}}}
          },
          "extension": {"px": {"tableid": "TAB638", "decimals": 0}},
          "value": [5216480, 5234735, 5236233, 5264296, 489720.5, 494216, null, 496436,
                    23081, 23453, -1.25e3, 2.5E-1],
          "status": {"6": "..", "11": "p"}
        }
        """

    static func read(_ json: String) throws(ObservationProblems) -> StatisticsCube {
        try JSONStat.read(Data(json.utf8))
    }

    /// The problems a text is refused with; empty when it is read.
    static func problems(_ json: String) -> [ObservationProblem] {
        do {
            _ = try read(json)
            return []
        } catch {
            return error.problems
        }
    }

    /// A dataset of one dimension `A` with the given parts, for the small cases.
    static func dataset(
        index: String = #"["a", "b", "c"]"#, size: String = "[3]", value: String = "[1, 2, 3]", status: String? = nil
    ) -> String {
        """
        {"version": "2.0", "class": "dataset", "id": ["A"], "size": \(size),
         "dimension": {"A": {"category": {"index": \(index)}}},
         "value": \(value)\(status.map { #", "status": "# + $0 } ?? "")}
        """
    }

    @Test("A PxWeb v2 dataset: dimensions with labels, roles and the total, every cell in row-major order")
    func pxWebDataset() throws {
        let cube = try Self.read(Self.pxWeb)
        #expect(cube.title == "Folkmängd efter region, kön och år")
        #expect(cube.source == "SCB")
        #expect(cube.dimensions.map(\.id) == ["Region", "Kon", "ContentsCode", "Tid"])
        #expect(cube.dimensions.map(\.label) == ["region", "kön", "tabellinnehåll", "år"])
        #expect(cube.dimensions.map(\.role) == [.geo, .other, .content, .time])
        let region = cube.dimensions[0]
        #expect(region.codes == ["00", "0180", "0114"])
        #expect(region.labels == ["Riket", "Stockholm", "Upplands Väsby"])
        #expect(region.total == 0)
        #expect(cube.dimensions[1].codes == ["1", "2"])
        #expect(cube.dimensions[1].labels == ["män", "kvinnor"])
        #expect(cube.dimensions[1].total == nil)
        // A category without a label is named by its code.
        #expect(cube.dimensions[3].labels == ["2022", "2023"])
        #expect(cube.cellCount == 12)
        let expected: [Double?] = [
            5_216_480, 5_234_735, 5_236_233, 5_264_296, 489_720.5, 494_216, nil, 496_436, 23081, 23453, -1250, 0.25,
        ]
        #expect(cube.values.count == 12)
        for region in 0..<3 {
            for sex in 0..<2 {
                for year in 0..<2 {
                    let cell = (region * 2 + sex) * 2 + year
                    let value = cube.values[cell]
                    #expect(value.isNaN ? expected[cell] == nil : value == expected[cell], "cell \(cell)")
                    let status: StatisticsCube.CellStatus =
                        cell == 6 ? .suppressed : expected[cell] == nil ? .missing : .value
                    #expect(cube.status(at: cell) == status, "cell \(cell)")
                }
            }
        }
        // `..` is suppressed (Statistics Sweden's "too uncertain to be given", `StatisticsSymbol`);
        // `p` (preliminary) keeps its value.
        #expect(cube.status?[6] == .suppressed)
        #expect(cube.values[11] == 0.25)
    }

    @Test("An index as an object may list its codes in any order: the positions give the order")
    func indexAsObject() throws {
        let cube = try Self.read(Self.dataset(index: #"{"c": 2, "a": 0, "b": 1}"#))
        #expect(cube.dimensions[0].codes == ["a", "b", "c"])
        #expect(cube.values == [1, 2, 3])
        // Without an index, one label is the single category.
        let single = try Self.read(
            #"{"class": "dataset", "id": ["A", "B"], "size": [1, 2], "dimension": {"A": {"category": "#
                + #"{"label": {"T": "Totalt"}}}, "B": {"category": {"index": ["x", "y"]}}}, "value": [4, 5]}"#)
        #expect(single.dimensions[0].codes == ["T"])
        #expect(single.dimensions[0].labels == ["Totalt"])
        #expect(single.values == [4, 5])
    }

    @Test("A sparse value object: the cells it does not list have no value")
    func sparseValues() throws {
        let cube = try Self.read(
            Self.dataset(index: #"["a", "b", "c", "d", "e"]"#, size: "[5]", value: #"{"4": 7.5, "1": 2, "2": null}"#))
        #expect(cube.values.count == 5)
        #expect(cube.values[1] == 2)
        #expect(cube.values[4] == 7.5)
        #expect([0, 2, 3].allSatisfy { cube.values[$0].isNaN })
        #expect(cube.status == nil)
        // Marks among the numbers, as Eurostat writes them.
        let marked = try Self.read(Self.dataset(value: #"{"0": "x", "2": 5}"#))
        #expect(marked.status == [.suppressed, .missing, .value])
        #expect(marked.values[2] == 5)
        #expect(
            Self.problems(Self.dataset(value: #"{"3": 1}"#))
                == [ObservationProblem(line: nil, column: "value.3", .jsonStatPosition(got: "\"3\"", last: 2))])
        #expect(
            Self.problems(Self.dataset(value: #"{"-1": 1, "x": 2}"#)) == [
                ObservationProblem(line: nil, column: "value.-1", .jsonStatPosition(got: "\"-1\"", last: 2)),
                ObservationProblem(line: nil, column: "value.x", .jsonStatPosition(got: "\"x\"", last: 2)),
            ])
    }

    @Test("A status as one string, an array or an object; suppressed cells get a status array")
    func status() throws {
        let all = try Self.read(Self.dataset(status: #""x""#))
        #expect(all.values.allSatisfy { $0.isNaN })
        #expect(all.status == [.suppressed, .suppressed, .suppressed])

        let array = try Self.read(Self.dataset(status: #"[null, "C", "."]"#))
        #expect(array.values[0] == 1)
        #expect(array.status == [.value, .suppressed, .missing])

        // `..` is suppressed as in the CSV and PC-Axis readers; an empty status says nothing.
        let dots = try Self.read(Self.dataset(status: #"["", "..", " "]"#))
        #expect(dots.status == [.value, .suppressed, .value])
        #expect(dots.values[0] == 1 && dots.values[2] == 3)

        let object = try Self.read(Self.dataset(value: "[1, null, 3]", status: #"{"2": "confidential", "1": "..."}"#))
        #expect(object.values[0] == 1)
        #expect(object.status == [.value, .missing, .suppressed])

        // Only missing marks: no status array, and the cells are NaN.
        let missing = try Self.read(Self.dataset(status: #"{"0": "-", "1": "e"}"#))
        #expect(missing.status == nil)
        #expect(missing.values[0].isNaN && missing.values[1] == 2)

        // One status in an array stands for every cell.
        let one = try Self.read(Self.dataset(status: #"[":"]"#))
        #expect(one.status == [.suppressed, .suppressed, .suppressed])

        // Marks written in `value` itself, and numbers written as text.
        let texts = try Self.read(Self.dataset(value: #"["x", "-", "12.5"]"#))
        #expect(texts.status == [.suppressed, .missing, .value])
        #expect(texts.values[2] == 12.5)

        #expect(
            Self.problems(Self.dataset(status: #"{"1": 3, "2": null}"#))
                == [ObservationProblem(line: nil, column: "status.1", .expectedString(got: "3"))])
        #expect(
            Self.problems(Self.dataset(status: #"{"1": "x", "7": "x"}"#))
                == [ObservationProblem(line: nil, column: "status.7", .jsonStatPosition(got: "\"7\"", last: 2))])
        #expect(
            Self.problems(Self.dataset(status: #"["x", 3, "x"]"#))
                == [ObservationProblem(line: nil, column: "status[1]", .expectedString(got: "3"))])
        #expect(
            Self.problems(Self.dataset(value: #"[1, "n/a", true]"#)) == [
                ObservationProblem(line: nil, column: "value[1]", .pxValueNotNumber("n/a")),
                ObservationProblem(line: nil, column: "value[2]", .pxValueNotNumber("true")),
            ])
    }

    @Test("A collection that embeds one dataset, and a JSON-stat 1.x bundle of one, are read; two are refused")
    func collectionAndBundle() throws {
        let collection = try Self.read(
            #"{"version": "2.0", "class": "collection", "label": "Tabeller", "link": {"item": ["#
                + Self.dataset() + "]}}")
        #expect(collection.dimensions.map(\.codes) == [["a", "b", "c"]])
        #expect(collection.values == [1, 2, 3])

        // 1.x: `id`, `size` and `role` inside `dimension`.
        let bundle = try Self.read(
            #"{"dataset": {"label": "Befolkning", "dimension": {"id": ["Tid"], "size": [2], "role": "#
                + #"{"time": ["Tid"]}, "Tid": {"category": {"index": {"2020": 0, "2021": 1}}}}, "value": [1, 2]}}"#)
        #expect(bundle.title == "Befolkning")
        #expect(bundle.dimensions[0].role == .time)
        #expect(bundle.values == [1, 2])

        #expect(
            Self.problems(
                #"{"class": "collection", "link": {"item": ["# + Self.dataset() + "," + Self.dataset() + "]}}")
                == [
                    ObservationProblem(
                        line: nil, column: "link.item",
                        .jsonStatNotDataset(got: "\"class\": \"collection\" with 2 datasets"))
                ])
        #expect(
            Self.problems(#"{"a": "# + Self.dataset() + #", "b": "# + Self.dataset() + "}")
                == [ObservationProblem(line: nil, column: nil, .jsonStatNotDataset(got: "2 datasets (a, b)"))])
        // A collection's problems carry the item's path.
        #expect(
            Self.problems(#"{"class": "collection", "link": {"item": ["# + Self.dataset(size: "[4]") + "]}}")
                == [
                    ObservationProblem(
                        line: nil, column: "link.item[0].size", .jsonStatSize(size: "[4]", dimensions: "3 (A)"))
                ])
    }

    @Test("A size that disagrees with the dimensions is refused at size")
    func sizeDisagrees() {
        let wrong = Self.pxWeb.replacingOccurrences(of: #""size": [3, 2, 1, 2]"#, with: #""size": [3, 2, 2, 2]"#)
        #expect(
            Self.problems(wrong) == [
                ObservationProblem(
                    line: nil, column: "size",
                    .jsonStatSize(
                        size: "[3 × 2 × 2 × 2]", dimensions: "3 (Region) × 2 (Kon) × 1 (ContentsCode) × 2 (Tid)"))
            ])
        #expect(
            Self.problems(Self.dataset(size: "[3, 1]"))
                == [
                    ObservationProblem(line: nil, column: "size", .jsonStatSize(size: "[3 × 1]", dimensions: "3 (A)"))
                ])
        #expect(
            Self.problems(Self.dataset(size: #""3""#))
                == [ObservationProblem(line: nil, column: "size", .expectedArray)])
    }

    @Test("A value array of another length than the cells is refused at value")
    func valueCountWrong() {
        #expect(
            Self.problems(Self.dataset(value: "[1, 2]"))
                == [ObservationProblem(line: nil, column: "value", .jsonStatValueCount(expected: 3, got: 2))])
        #expect(
            Self.problems(Self.dataset(value: #"[1, 2, "x", 4]"#))
                == [ObservationProblem(line: nil, column: "value", .jsonStatValueCount(expected: 3, got: 4))])
        #expect(
            Self.problems(Self.dataset(value: "12"))
                == [ObservationProblem(line: nil, column: "value", .expectedArray)])
    }

    @Test("Not a dataset: a dimension response, an array, an object with no dataset")
    func notADataset() {
        #expect(
            Self.problems(#"{"version": "2.0", "class": "dimension", "category": {"index": ["T"]}}"#)
                == [
                    ObservationProblem(
                        line: nil, column: "class", .jsonStatNotDataset(got: "\"class\": \"dimension\""))
                ])
        #expect(
            Self.problems("[1, 2]") == [
                ObservationProblem(line: nil, column: nil, .jsonStatNotDataset(got: "an array"))
            ])
        #expect(
            Self.problems(#"{"values": [1]}"#)
                == [
                    ObservationProblem(
                        line: nil, column: nil, .jsonStatNotDataset(got: "an object with no \"class\" and no dataset"))
                ])
        #expect(
            Self.problems(#"{"class": 2}"#)
                == [ObservationProblem(line: nil, column: "class", .expectedString(got: "2"))])
    }

    @Test("An index with a gap, a position twice or a code twice is refused with the member's path")
    func indexGap() {
        #expect(
            Self.problems(Self.dataset(index: #"{"a": 0, "b": 1, "c": 3}"#)) == [
                ObservationProblem(
                    line: nil, column: "dimension.A.category.index.c", .jsonStatPosition(got: "3", last: 2))
            ])
        #expect(
            Self.problems(Self.dataset(index: #"{"a": 0, "b": 0, "c": 1}"#)) == [
                ObservationProblem(
                    line: nil, column: "dimension.A.category.index.b", .jsonStatPosition(got: "0", last: 2))
            ])
        #expect(
            Self.problems(Self.dataset(index: #"{"a": 0, "b": "1", "c": 2}"#)) == [
                ObservationProblem(
                    line: nil, column: "dimension.A.category.index.b", .jsonStatPosition(got: "\"1\"", last: 2))
            ])
        #expect(
            Self.problems(Self.dataset(index: #"["a", "b", "a"]"#)) == [
                ObservationProblem(
                    line: nil, column: "dimension.A.category.index[2]",
                    .jsonStatPosition(got: "\"a\", also at 0", last: 2))
            ])
    }

    @Test("Missing parts and wrong types are refused with their JSON paths, all at once")
    func structure() {
        let json = """
            {"class": "dataset", "label": 5, "id": ["A", 7, "B"], "size": [1, 1],
             "role": {"time": "B"},
             "dimension": {"A": {"label": "a", "category": {"index": {"x": 0}, "label": {"x": 1}}},
                           "B": {"category": {"label": {"x": "X", "y": "Y"}}}},
             "value": [1]}
            """
        #expect(
            Self.problems(json) == [
                ObservationProblem(line: nil, column: "label", .expectedString(got: "5")),
                ObservationProblem(line: nil, column: "id[1]", .expectedString(got: "7")),
                ObservationProblem(line: nil, column: "role.time", .expectedArray),
                ObservationProblem(line: nil, column: "dimension.A.category.label.x", .expectedString(got: "1")),
                ObservationProblem(line: nil, column: "dimension.B.category.index", .missing),
            ])
        #expect(
            Self.problems(#"{"class": "dataset", "id": ["A"], "size": [1], "dimension": {"B": {}}, "value": [1]}"#)
                == [ObservationProblem(line: nil, column: "dimension.A", .missing)])
        #expect(
            Self.problems(#"{"class": "dataset", "id": ["A"], "dimension": {"A": {"category": []}}}"#) == [
                ObservationProblem(line: nil, column: "size", .missing),
                ObservationProblem(line: nil, column: "dimension.A.category", .expectedObject(got: "an array")),
            ])
        #expect(
            Self.problems(Self.dataset(index: "[]"))
                == [ObservationProblem(line: nil, column: "dimension.A.category.index", .isEmpty)])
    }

    @Test("Text that is not JSON is refused with the path it was reading and the line and column")
    func invalidJSON() {
        let broken = Self.dataset(value: "[1, 2 3]")
        #expect(
            Self.problems(broken) == [
                ObservationProblem(
                    line: nil, column: "value[1]",
                    .invalidJSON("expected ',' or ']' after the element at line 3, column 17"))
            ])
        #expect(
            Self.problems(#"{"class": "dataset", "dimension": {"A": {"label": "a}}}"#) == [
                ObservationProblem(
                    line: nil, column: "dimension.A.label",
                    .invalidJSON("expected the closing quote of the string that begins here at line 1, column 51"))
            ])
        #expect(
            Self.problems(#"{"value": [1, 01]}"#) == [
                ObservationProblem(
                    line: nil, column: "value[1]",
                    .invalidJSON("expected ',' or ']' after the element at line 1, column 16"))
            ])
        #expect(
            Self.problems("") == [
                ObservationProblem(
                    line: nil, column: nil, .invalidJSON("expected a value at the end of the text (line 1)"))
            ])
        #expect(
            Self.problems(#"{"a": 1} x"#) == [
                ObservationProblem(
                    line: nil, column: nil,
                    .invalidJSON("expected the end of the text after the JSON value at line 1, column 10"))
            ])
        #expect(
            Self.problems(#"{"a": tru}"#) == [
                ObservationProblem(line: nil, column: "a", .invalidJSON("expected true at line 1, column 7"))
            ])
        #expect(!Self.problems(String(repeating: "[", count: 10_000)).isEmpty)
    }

    @Test("Numbers read exactly as the standard library reads them, in every JSON form")
    func numbers() throws {
        var texts = [
            "0", "-0", "1", "-1", "0.1", "0.3", "2.675", "1e3", "1E-3", "-2.5e+2", "123456789012345678",
            "12345678901234567890123", "0.000001", "1.7976931348623157e308", "5e-324", "9007199254740993",
            "3.14159265358979323846", "1e22", "1e23", "1e-22", "1e-23", "4.35", "489720.5", "100000000000000000000",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let whole = Int.random(in: 0...9_999_999, using: &generator)
            let fraction = Int.random(in: 0...999_999, using: &generator)
            let digits = Int.random(in: 1...6, using: &generator)
            let text = "\(whole).\(String(String(fraction).prefix(digits)))"
            texts.append(Bool.random(using: &generator) ? "-" + text : text)
        }
        // Mantissas beyond 2^53, where a fast path would round twice.
        for _ in 0..<2000 {
            let digits = (0..<Int.random(in: 16...19, using: &generator)).map { _ in
                String(Int.random(in: 0...9, using: &generator))
            }
            let point = Int.random(in: 1..<digits.count, using: &generator)
            texts.append("1" + digits[..<point].joined() + "." + digits[point...].joined())
        }
        let cube = try Self.read(
            #"{"class": "dataset", "id": ["A"], "size": [\#(texts.count)], "#
                + #""dimension": {"A": {"category": {"index": ["#
                + texts.indices.map { "\"\($0)\"" }.joined(separator: ",") + "]}}}, \"value\": ["
                + texts.joined(separator: ",") + "]}")
        for (position, text) in texts.enumerated() {
            let expected = try #require(Double(text))
            #expect(cube.values[position].bitPattern == expected.bitPattern, "\(text)")
        }
        #expect(!Self.problems(Self.dataset(value: "[1, 2, 1e400]")).isEmpty)
        #expect(!Self.problems(Self.dataset(value: "[1, 2, -]")).isEmpty)
        #expect(!Self.problems(Self.dataset(value: "[1, 2, 1.]")).isEmpty)
        #expect(!Self.problems(Self.dataset(value: "[1, 2, .5]")).isEmpty)
    }

    @Test("Strings with escapes, Swedish letters, surrogate pairs and a byte-order mark")
    func strings() throws {
        let json =
            "\u{FEFF}"
            + #"{"class": "dataset", "label": "Folkm\u00e4ngd \"2023\"\n\ud83d\ude00 \/ \\ \t Å", "id": ["A"], "#
            + #""size": [1], "dimension": {"A": {"category": {"index": ["x"]}}}, "value": [1]}"#
        let cube = try Self.read(json)
        #expect(cube.title == "Folkmängd \"2023\"\n😀 / \\ \t Å")
        #expect(
            Self.problems("{\"label\": \"a\u{01}b\"}") == [
                ObservationProblem(
                    line: nil, column: "label",
                    .invalidJSON(
                        "expected no control character inside a string (write \\n, \\t) at line 1, column 13"))
            ])
    }

    /// Run with `JSONSTAT_BENCH=1 swift test -c release --filter JSONStatTests`: generates
    /// (once) a cube of Region 2000 × Tid 10 × Kon 50 = 1,000,000 cells, with decimals and some
    /// nulls, in /tmp/s20/jsonstat, and prints how long reading it takes.
    @Test(
        "A million cells are read in well under a second (release build)",
        .enabled(if: ProcessInfo.processInfo.environment["JSONSTAT_BENCH"] != nil))
    func millionCells() throws {
        let url = try Self.millionCellFile()
        let data = try Data(contentsOf: url)
        let start = ContinuousClock.now
        let cube = try JSONStat.read(data)
        let elapsed = ContinuousClock.now - start
        print("JSON-stat: \(cube.cellCount) cells, \(data.count) bytes read in \(elapsed)")
        #expect(cube.cellCount == 1_000_000)
        #expect(cube.values.count == 1_000_000)
        #expect(cube.values[1].isNaN == false)
        #expect(elapsed < .seconds(3))
    }

    static func millionCellFile() throws -> URL {
        let directory = URL(fileURLWithPath: "/tmp/s20/jsonstat")
        let url = directory.appendingPathComponent("million.json")
        if FileManager.default.fileExists(atPath: url.path) { return url }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func index(_ codes: [String]) -> String {
            "{" + codes.enumerated().map { "\"\($0.element)\": \($0.offset)" }.joined(separator: ", ") + "}"
        }
        let regions = (0..<2000).map { String(format: "%04d", $0) }
        let years = (2014..<2024).map(String.init)
        let groups = (0..<50).map { "G\($0)" }
        var text = """
            {"version": "2.0", "class": "dataset", "label": "Benchmark", "source": "generated",
             "role": {"time": ["Tid"], "geo": ["Region"]}, "id": ["Region", "Tid", "Kon"], "size": [2000, 10, 50],
             "dimension": {"Region": {"label": "region", "category": {"index": \(index(regions))}},
             "Tid": {"label": "år", "category": {"index": \(index(years))}},
             "Kon": {"label": "grupp", "category": {"index": \(index(groups))}}},
             "status": {"17": "..", "9999": "x"},
             "value": [
            """
        var cells: [String] = []
        cells.reserveCapacity(1_000_000)
        for cell in 0..<1_000_000 {
            if cell % 97 == 0 {
                cells.append("null")
            } else {
                cells.append(String(format: "%.1f", Double(cell % 100_000) * 1.37))
            }
        }
        text += cells.joined(separator: ",") + "]}"
        try Data(text.utf8).write(to: url)
        return url
    }
}
