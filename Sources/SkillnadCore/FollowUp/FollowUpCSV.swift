import Foundation

/// The one CSV format of follow-up reports: an export reads back as an import with the same
/// columns, in RFC 4180 or as Swedish Excel writes it (semicolons, decimal comma), so a body can
/// fill its reports in a spreadsheet.
public enum FollowUpCSV {
    /// The columns, in order. `period`, `measure` and `body` name the report; `version` is the
    /// stored version the row was exported at (empty for a new report), so an import refuses a row
    /// that someone changed since.
    public static let header = [
        "period", "measure", "body", "status", "progress", "spent", "narrative", "indicators", "state", "version",
    ]

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var period: String
        public var measure: String
        public var body: String
        public var values: FollowUpReportValues
        public var state: ReportState
        public var version: Int?

        public init(
            line: Int, period: String, measure: String, body: String, values: FollowUpReportValues,
            state: ReportState, version: Int?
        ) {
            self.line = line
            self.period = period
            self.measure = measure
            self.body = body
            self.values = values
            self.state = state
            self.version = version
        }

        /// The report the row is about.
        public var key: String { period + "|" + measure + "|" + body }
    }

    /// One report as a row, in `header`'s order.
    public static func cells(
        period: String, measure: String, body: String, values: FollowUpReportValues, state: ReportState, version: Int,
        decimalComma: Bool
    ) -> [String] {
        [
            period, measure, body, values.status.rawValue, String(values.progress),
            values.spent?.plain(decimalComma: decimalComma) ?? "", values.narrative ?? "",
            values.indicators.joined(separator: " "), state.rawValue, String(version),
        ]
    }

    /// Every row of `table`, or every problem with its line and column. Rows naming the same
    /// report twice are refused (which one would win?).
    public static func rows(_ table: CSVTable, knownIndicators: Set<String>?) -> Result<[Row], FollowUpProblems> {
        var problems: [FollowUpProblem] = []
        var columns: [String: Int] = [:]
        for name in header {
            if let index = try? table.column(name) {
                columns[name] = index
            } else if !["spent", "narrative", "indicators", "state", "version"].contains(name) {
                problems.append(FollowUpProblem(field: name, line: table.headerLine, .required))
            }
        }
        guard problems.isEmpty else { return .failure(FollowUpProblems(problems)) }
        var out: [Row] = []
        out.reserveCapacity(table.rows.count)
        var seen: [String: Int] = [:]
        for (number, cells) in table.rows.enumerated() {
            let line = table.lineNumbers[number]
            func cell(_ name: String) -> String? {
                columns[name].flatMap { $0 < cells.count ? cells[$0].trimmingCharacters(in: .whitespaces) : nil }
            }
            var rowProblems: [FollowUpProblem] = []
            let ids = [
                ("period", cell("period") ?? ""), ("measure", cell("measure") ?? ""), ("body", cell("body") ?? ""),
            ]
            for (field, value) in ids where value.isEmpty {
                rowProblems.append(FollowUpProblem(field: field, line: line, .required))
            }
            let stateText = cell("state") ?? ""
            var state = ReportState.draft
            if !stateText.isEmpty {
                if let s = ReportState(rawValue: stateText) {
                    state = s
                } else {
                    rowProblems.append(
                        FollowUpProblem(field: "state", line: line, .unknownState(String(stateText.prefix(40)))))
                }
            }
            var version: Int?
            if let v = cell("version"), !v.isEmpty {
                if let n = Int(v), n >= 0 {
                    version = n
                } else {
                    rowProblems.append(
                        FollowUpProblem(field: "version", line: line, .versionNotANumber(String(v.prefix(40)))))
                }
            }
            let indicators = (cell("indicators") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(
                String.init)
            let values = FollowUpReportValues.read(
                status: cell("status"), progress: cell("progress"), narrative: cell("narrative"), spent: cell("spent"),
                indicators: indicators, knownIndicators: knownIndicators, line: line)
            switch values {
            case .failure(let found): rowProblems += found.problems
            case .success(let v) where rowProblems.isEmpty:
                let row = Row(
                    line: line, period: ids[0].1, measure: ids[1].1, body: ids[2].1, values: v, state: state,
                    version: version)
                if let first = seen[row.key] {
                    rowProblems.append(FollowUpProblem(field: "measure", line: line, .duplicateRow(firstLine: first)))
                } else {
                    seen[row.key] = line
                    out.append(row)
                }
            case .success: break
            }
            problems += rowProblems
        }
        return problems.isEmpty ? .success(out) : .failure(FollowUpProblems(problems))
    }
}
