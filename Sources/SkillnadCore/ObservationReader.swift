import Foundation

/// Which columns of a statistics file hold what: the column mapping an analyst gives the import
/// (on the command line or in a saved mapping file).
public struct ObservationMapping: Sendable, Codable, Equatable {
    public var areaCode: String?
    public var areaName: String?
    /// Rates are computed from numerator and denominator when both are mapped.
    public var numerator: String?
    public var denominator: String?
    /// A ready value, when there is no numerator and denominator.
    public var value: String?
    /// The column with the period, or a fixed period for the whole file.
    public var periodColumn: String?
    public var period: String?
    /// Only rows whose column equals the value (`KOMMUNKOD` = `180`), e.g. one municipality.
    public var filters: [String: String]
    /// Rate = numerator / denominator × `per` (100 for percent, 1000 for per mille).
    public var per: Double

    public init(areaCode: String? = nil, areaName: String? = nil, numerator: String? = nil, denominator: String? = nil,
                value: String? = nil, periodColumn: String? = nil, period: String? = nil, filters: [String: String] = [:], per: Double = 100) {
        self.areaCode = areaCode; self.areaName = areaName; self.numerator = numerator; self.denominator = denominator
        self.value = value; self.periodColumn = periodColumn; self.period = period; self.filters = filters; self.per = per
    }
}

/// One observation read from a file (observation: a value for an area and a period).
public struct ReadObservation: Sendable, Equatable {
    public let line: Int
    public let areaCode: String?
    public let areaName: String?
    public let period: String
    public let numerator: Double?
    public let denominator: Double?
    /// nil when not computable (denominator 0 or missing) or suppressed: shown as such, never as 0.
    public let value: Double?
    public let suppressed: Bool

    public var computable: Bool { value != nil }
}

/// A row or a mapping that cannot be read, with where.
public struct ObservationProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int?
    public let column: String?
    public let message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            + (line == nil && column == nil ? "" : ": ") + message
    }
}

/// All the problems of one file, thrown together so that nothing is written.
public struct ObservationProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [ObservationProblem]
    public init(_ problems: [ObservationProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Reads observations out of a parsed table with a mapping. Every problem is collected (with
/// line and column) so that an import can refuse the whole file and say all that is wrong.
public enum ObservationReader {
    public static func read(_ table: CSVTable, mapping m: ObservationMapping) -> Result<[ReadObservation], ObservationProblems> {
        var problems: [ObservationProblem] = []
        func col(_ name: String?, _ role: String) -> Int? {
            guard let name else { return nil }
            do {
                if let i = try table.column(name) { return i }
                problems.append(ObservationProblem(line: nil, column: name,
                    message: "the \(role) column is not in the file (columns: \(table.header.joined(separator: ", ")))"))
            } catch {
                problems.append(ObservationProblem(line: nil, column: name, message: "\(error)"))
            }
            return nil
        }
        let code = col(m.areaCode, "area code"), name = col(m.areaName, "area name")
        let num = col(m.numerator, "numerator"), den = col(m.denominator, "denominator"), val = col(m.value, "value")
        let per = col(m.periodColumn, "period")
        let filters = m.filters.map { (col($0.key, "filter"), $0.value) }
        if m.areaCode == nil && m.areaName == nil { problems.append(ObservationProblem(line: nil, column: nil, message: "map an area code or an area name column")) }
        if (m.numerator == nil) != (m.denominator == nil) { problems.append(ObservationProblem(line: nil, column: nil, message: "map both numerator and denominator, or neither")) }
        if m.numerator == nil && m.value == nil { problems.append(ObservationProblem(line: nil, column: nil, message: "map a value column, or numerator and denominator")) }
        if m.periodColumn == nil && (m.period ?? "").isEmpty { problems.append(ObservationProblem(line: nil, column: nil, message: "give the period, or map a period column")) }
        guard problems.isEmpty else { return .failure(ObservationProblems(problems)) }

        func decimal(_ i: Int?) -> Character { i.map { table.decimalSeparator(column: $0) } ?? "." }
        let dNum = decimal(num), dDen = decimal(den), dVal = decimal(val)
        var out: [ReadObservation] = []
        rows: for (r, row) in table.rows.enumerated() {
            let line = table.lineNumbers[r]
            for (c, wanted) in filters {
                guard let c else { continue }
                if row[c].trimmingCharacters(in: .whitespaces) != wanted { continue rows }
            }
            func number(_ i: Int?, _ d: Character) -> (Double?, Bool) {
                guard let i else { return (nil, false) }
                switch CSVNumber.parse(row[i], decimal: d) {
                case .success(.value(let x)): return (x, false)
                case .success(.missing): return (nil, false)
                case .success(.suppressed): return (nil, true)
                case .failure(let p):
                    problems.append(ObservationProblem(line: line, column: table.columnName(i), message: p.message(value: row[i], decimal: d)))
                    return (nil, false)
                }
            }
            let (n, sn) = number(num, dNum), (d, sd) = number(den, dDen), (v, sv) = number(val, dVal)
            let value: Double?
            if num != nil {
                // A denominator of 0 or none: not computable, kept as such.
                if let n, let d, d > 0 { value = n / d * m.per } else { value = nil }
            } else {
                value = v
            }
            let period = per.map { row[$0].trimmingCharacters(in: .whitespaces) } ?? m.period ?? ""
            out.append(ReadObservation(line: line, areaCode: code.map { row[$0].trimmingCharacters(in: .whitespaces) },
                                       areaName: name.map { row[$0].trimmingCharacters(in: .whitespaces) }, period: period,
                                       numerator: n, denominator: d, value: value, suppressed: sn || sd || sv))
        }
        return problems.isEmpty ? .success(out) : .failure(ObservationProblems(problems))
    }
}

/// What an import found, for the person who ran it: how many values, the lowest and highest
/// area and the gap between them.
public struct ObservationSummary: Sendable, Equatable {
    public let computable: Int
    public let notComputable: Int
    public let lowest: ReadObservation?
    public let highest: ReadObservation?
    public var difference: Double? { (highest?.value).flatMap { h in (lowest?.value).map { h - $0 } } }

    public init(_ rows: [ReadObservation]) {
        let values = rows.filter(\.computable)
        computable = values.count
        notComputable = rows.count - values.count
        lowest = values.min { $0.value! < $1.value! }
        highest = values.max { $0.value! < $1.value! }
    }
}
