import Foundation
import Testing
@testable import SkillnadCore

/// The follow-up's one CSV format, the Swedish amounts it carries and the check of a report's
/// values: what people type in Sweden is read, anything ambiguous is refused with its field.
@Suite("Follow-up CSV, amounts and report values")
struct FollowUpCSVTests {
    // MARK: SwedishAmount

    @Test(
        "Amounts as Swedes and spreadsheets write them are read exactly, in öre",
        arguments: [
            ("1 234 567,50 kr", Int64(123_456_750)), ("1\u{00A0}234\u{00A0}567,50\u{00A0}kr", 123_456_750),
            ("1\u{202F}234\u{202F}567,50", 123_456_750), ("1\u{2009}234,5", 123_450), ("1234567.50", 123_456_750),
            ("1234567,50", 123_456_750), ("1 234 567 SEK", 123_456_700), ("SEK 1234", 123_400), ("12 kronor", 1200),
            ("0", 0), ("7,05", 705), ("99:-", 9900),
        ])
    func amountsRead(text: String, ore: Int64) throws {
        #expect(try SwedishAmount.parse(text).get() == SwedishAmount(ore: ore))
    }

    @Test(
        "Other currencies, both separators, negatives and too many decimals are refused with the reason",
        arguments: [
            ("1 234 €", SwedishAmount.Problem.otherCurrency("€")), ("$12", .otherCurrency("$")),
            ("12 EUR", .otherCurrency("EUR")), ("1,234,567.50", .ambiguousSeparators),
            ("1.234.567,50", .ambiguousSeparators), ("-5 kr", .negative), ("1,234", .tooManyDecimals),
            ("12,3,4", .notANumber), ("tolv", .notANumber), ("kr", .notANumber),
            ("1234567890123456", .tooLarge),
        ])
    func amountsRefused(text: String, problem: SwedishAmount.Problem) {
        #expect(throws: problem) { try SwedishAmount.parse(text).get() }
    }

    @Test("An amount is written as Swedish, English and as a spreadsheet reads it back")
    func amountsWritten() throws {
        let amount = SwedishAmount(ore: 123_456_705)
        #expect(amount.formatted(english: false) == "1\u{00A0}234\u{00A0}567,05\u{00A0}kr")
        #expect(amount.formatted(english: true) == "SEK\u{00A0}1,234,567.05")
        #expect(SwedishAmount(kronor: 12).formatted(english: false) == "12\u{00A0}kr")
        #expect(amount.plain(decimalComma: true) == "1234567,05")
        #expect(amount.plain(decimalComma: false) == "1234567.05")
        // What the export writes, the import reads back to the öre, in both variants.
        for comma in [true, false] {
            #expect(try SwedishAmount.parse(amount.plain(decimalComma: comma)).get() == amount)
        }
    }

    // MARK: FollowUpReportValues.read

    static func read(
        status: String? = "inProgress", progress: String? = "40", spent: String? = nil, narrative: String? = nil,
        indicators: [String] = [], known: Set<String>? = ["valdeltagande"]
    ) -> Result<FollowUpReportValues, FollowUpProblems> {
        FollowUpReportValues.read(
            status: status, progress: progress, narrative: narrative, spent: spent, indicators: indicators,
            knownIndicators: known, line: 7)
    }

    static func problems(_ result: Result<FollowUpReportValues, FollowUpProblems>) -> [FollowUpProblem] {
        if case .failure(let p) = result { return p.problems }
        return []
    }

    @Test("A report's values are read with the status's default progress and a Swedish amount")
    func valuesRead() throws {
        let v = try Self.read(progress: " 40 % ", spent: "1 234 567,50 kr", indicators: ["valdeltagande"]).get()
        #expect(
            v
                == FollowUpReportValues(
                    status: .inProgress, progress: 40, spent: SwedishAmount(ore: 123_456_750),
                    indicators: ["valdeltagande"]))
        #expect(try Self.read(status: "delayed", progress: "").get().progress == FollowUpStatus.delayed.defaultProgress)
        #expect(try Self.read(status: "done", progress: nil).get().progress == 100)
        #expect(try Self.read(narrative: "  \n ").get().narrative == nil)
    }

    @Test(
        "Progress outside 0–100 or not a number is refused, naming the field and the line",
        arguments: [
            ("101", FollowUpProblem.Reason.progressOutOfRange(101)), ("-1", .progressOutOfRange(-1)),
            ("fyrtio", .progressNotANumber("fyrtio")), ("40.5", .progressNotANumber("40.5")),
        ])
    func progressRefused(progress: String, reason: FollowUpProblem.Reason) {
        #expect(Self.problems(Self.read(progress: progress)) == [FollowUpProblem(field: "progress", line: 7, reason)])
    }

    @Test("“Done” below 100 and “not started” above 0 are refused, not silently corrected")
    func contradictionsRefused() {
        #expect(
            Self.problems(Self.read(status: "done", progress: "90")) == [
                FollowUpProblem(field: "progress", line: 7, .statusContradictsProgress(status: .done, progress: 90))
            ])
        #expect(
            Self.problems(Self.read(status: "notStarted", progress: "10")) == [
                FollowUpProblem(
                    field: "progress", line: 7, .statusContradictsProgress(status: .notStarted, progress: 10))
            ])
        #expect(Self.problems(Self.read(status: "cancelled", progress: "30")).isEmpty)
    }

    @Test("Every problem of a row is found at once: status, amount, indicator, narrative")
    func everyProblemAtOnce() {
        let found = Self.problems(
            Self.read(
                status: "finished", progress: "40", spent: "1,234,567.50",
                narrative: String(repeating: "x", count: 20_001),
                indicators: ["okänd"]))
        #expect(found.map(\.field) == ["status", "spent", "narrative", "indicators"])
        #expect(found.allSatisfy { $0.line == 7 })
        #expect(found[1].reason == .amount(.ambiguousSeparators, value: "1,234,567.50"))
        #expect(Self.problems(Self.read(status: nil)) == [FollowUpProblem(field: "status", line: 7, .required)])
        #expect(
            Self.problems(Self.read(spent: "12 €")) == [
                FollowUpProblem(field: "spent", line: 7, .amount(.otherCurrency("€"), value: "12 €"))
            ])
    }

    // MARK: FollowUpCSV

    static func table(_ text: String) throws -> CSVTable { try CSVTable.parse(Data(text.utf8)) }

    @Test("An exported row reads back as the same row, in both variants, text with commas and quotes too")
    func roundTrip() throws {
        let values = FollowUpReportValues(
            status: .inProgress, progress: 45, narrative: "Klart; nästan, \"nästan\"\nny rad",
            spent: SwedishAmount(ore: 123_456_750), indicators: ["valdeltagande", "ohalsotal"])
        for variant in CSVWriter.Variant.allCases {
            var writer = CSVWriter(variant)
            writer.row(FollowUpCSV.header)
            writer.row(
                FollowUpCSV.cells(
                    period: "2018-t1", measure: "m-1", body: "kulturnamnden", values: values, state: .submitted,
                    version: 3, decimalComma: variant == .excel))
            let rows = try FollowUpCSV.rows(try CSVTable.parse(Data(writer.take())), knownIndicators: nil).get()
            #expect(
                rows == [
                    FollowUpCSV.Row(
                        line: 2, period: "2018-t1", measure: "m-1", body: "kulturnamnden", values: values,
                        state: .submitted, version: 3)
                ], "\(variant)")
        }
    }

    @Test("The optional columns may be left out; a missing required one is named at the header's line")
    func columns() throws {
        let rows = try FollowUpCSV.rows(
            Self.table("measure,period,body,status,progress\nm-1,2018-t1,b,done,\n"), knownIndicators: nil
        ).get()
        #expect(rows.count == 1)
        #expect(rows[0].state == .draft && rows[0].version == nil && rows[0].values.progress == 100)
        let missing = FollowUpCSV.rows(try Self.table("period,measure,progress\n2018-t1,m-1,5\n"), knownIndicators: nil)
        guard case .failure(let problems) = missing else {
            Issue.record("a file without body and status was accepted")
            return
        }
        #expect(
            problems.problems == [
                FollowUpProblem(field: "body", line: 1, .required),
                FollowUpProblem(field: "status", line: 1, .required),
            ])
    }

    @Test("Every bad row is reported by line and column; a report named twice is refused at its second line")
    func everyRowReported() throws {
        let text = """
            period,measure,body,status,progress,spent,state,version
            2018-t1,m-1,b,done,100,12 kr,published,1
            2018-t1,m-2,b,done,90,,draft,
            ,m-3,b,inProgress,50,,,
            2018-t1,m-4,b,inProgress,50,12 €,final,x
            2018-t1,m-1,b,inProgress,50,,,

            """
        guard case .failure(let found) = FollowUpCSV.rows(try Self.table(text), knownIndicators: nil) else {
            Issue.record("a file with bad rows was accepted")
            return
        }
        let described = found.problems.map { "\($0.line ?? 0) \($0.field)" }
        #expect(described == ["3 progress", "4 period", "5 state", "5 version", "5 spent", "6 measure"])
        #expect(found.problems.last?.reason == .duplicateRow(firstLine: 2))
    }
}
