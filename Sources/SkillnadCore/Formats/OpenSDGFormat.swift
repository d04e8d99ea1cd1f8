import Foundation

/// The data CSV of Open SDG, the open-source platform behind national and local SDG reporting
/// sites (open-sdg.org), one file per indicator (`indicator_1-2-1.csv`).
///
/// The shape, as sdg-build checks and reads it (open-sdg/sdg-build `sdg/check_csv.py`: the first
/// column must be called `Year`, the last `Value`, and Value must be numeric; `sdg/data.py`:
/// `Units` and `Series` are special columns, and a row whose other columns are all empty is the
/// headline; `sdg/outputs/OutputGeoJson.py`: the region id column defaults to `GeoCode`), with
/// sample data in open-sdg/open-sdg-data-starter `data/indicator_*.csv`:
///
///     Year,GeoCode,Sex,Age,Value
///     2022,,,,33.7              ← headline: the whole reporting area, everyone
///     2022,,Female,,32.7
///     2022,E05000001,,15-24,36.5
///
/// Every column besides Year, GeoCode and Value is a disaggregation and becomes a group dimension
/// (header lowercased: `Sex` → `sex`), `Units` and `Series` included, so two units of one
/// indicator never merge into one value. Reading is forgiving where `CSVTable` is (delimiter,
/// header case, decimal comma); `write` produces the strict shape.
public enum OpenSDGFormat {
    /// Reads observations. Year and Value are required; rows without a GeoCode (or with no such
    /// column) are for the whole reporting area and have `areaCode` and `areaName` nil: the caller
    /// maps them to the city. An empty Value is not computable; `..` / `x` are suppressed.
    public static func read(_ table: CSVTable) -> Result<[ReadObservation], ObservationProblems> {
        var problems: [ObservationProblem] = []
        func find(_ name: String, required: Bool) -> Int? {
            do {
                if let i = try table.column(name) { return i }
                if required {
                    problems.append(
                        ObservationProblem(
                            line: nil, column: name,
                            .openSDGColumnMissing(name: name, columns: table.header.joined(separator: ", "))))
                }
            } catch {
                problems.append(ObservationProblem(line: nil, column: name, .detail(error.message)))
            }
            return nil
        }
        let year = find("Year", required: true)
        let value = find("Value", required: true)
        let geo = find("GeoCode", required: false)
        guard let year, let value, problems.isEmpty else { return .failure(ObservationProblems(problems)) }

        let special: Set<Int> = [year, value, geo].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
        let dimensions = table.header.indices.filter { !special.contains($0) }
            .map { (index: $0, name: table.columnName($0).lowercased()) }
        let decimal = table.decimalSeparator(column: value)
        let valueName = table.columnName(value)

        var out: [ReadObservation] = []
        out.reserveCapacity(table.rows.count)
        for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            let period = row[year].trimmingCharacters(in: .whitespaces)
            if period.isEmpty {
                problems.append(ObservationProblem(line: line, column: table.columnName(year), .yearEmpty))
            }
            var number: Double?
            var suppressed = false
            switch CSVNumber.parse(row[value], decimal: decimal) {
            case .success(.value(let x)): number = x
            case .success(.missing): break
            case .success(.suppressed): suppressed = true
            case .failure(let p):
                problems.append(
                    ObservationProblem(
                        line: line, column: valueName, .number(p, value: row[value], decimal: String(decimal))))
                continue
            }
            guard !period.isEmpty else { continue }
            let code = geo.map { row[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            let group = ObservationGroup.key(dimensions.map { (dimension: $0.name, value: row[$0.index]) })
            out.append(
                ReadObservation(
                    line: line, areaCode: code, areaName: nil, period: period, group: group,
                    value: number, suppressed: suppressed))
        }
        return problems.isEmpty ? .success(out) : .failure(ObservationProblems(problems))
    }

    /// Writes rows of one indicator as an Open SDG data file: `Year,GeoCode,<dimensions>,Value`,
    /// dimensions in alphabetical order with the first letter capitalised (Open SDG matches `Units`
    /// and `Series` by exact name), comma-delimited, decimal point, LF, no byte-order mark, RFC
    /// 4180 quoting. `read` gives the rows back.
    ///
    /// GeoCode is the area code, or the area id when there is none (each area must stay apart);
    /// `city` rows leave it empty, because in Open SDG that is the reporting area itself. Not
    /// computable and suppressed values are an empty Value; Open SDG has no column for
    /// preliminary, numerator or denominator, so those are not written.
    public static func write(_ rows: [ExportRow]) -> String {
        var writer = Writer(groups: rows.map(\.group))
        for row in rows { writer.append(row) }
        return writer.csv.text()
    }

    /// Writes an Open SDG file in chunks: the columns come from every group key the rows will
    /// have (known before the first row), then rows are appended and taken from `csv`.
    public struct Writer: Sendable {
        public var csv = CSVWriter(.rfc4180)
        /// Lowercased dimension names in column order, with their written names.
        let keys: [String]

        public init<S: Sequence>(groups: S) where S.Element == String {
            // Dimension names merged without regard to case, so `Sex` and `sex` do not become two columns.
            var headers: [String: String] = [:]
            for group in groups {
                for d in ObservationGroup.dimensions(group) {
                    let key = d.dimension.lowercased()
                    if headers[key] == nil {
                        headers[key] = d.dimension.prefix(1).uppercased() + d.dimension.dropFirst()
                    }
                }
            }
            keys = headers.keys.sorted()
            csv.row(["Year", "GeoCode"] + keys.map { headers[$0] ?? $0 } + ["Value"])
        }

        public mutating func append(_ row: ExportRow) {
            var cells: [String: String] = [:]
            for d in ObservationGroup.dimensions(row.group) { cells[d.dimension.lowercased()] = d.value }
            let geo = row.areaKind == AreaKind.city.rawValue ? "" : (row.areaCode ?? row.areaID)
            let value = row.suppressed ? "" : row.value.map { CSVText.number($0) } ?? ""
            csv.row([row.period, geo] + keys.map { cells[$0] ?? "" } + [value])
        }
    }
}
