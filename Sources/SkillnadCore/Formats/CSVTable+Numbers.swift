import Foundation

extension CSVTable {
    /// The decimal separator (*decimaltecken*) column `column` uses: `","` (decimal comma, as Swedish
    /// Excel writes) or `"."`, decided by a vote of its non-empty values. Values that cannot tell,
    /// like integers or `80.625` / `1,234` (a decimal or a thousands separator?), do not vote; they
    /// are read with the separator the others chose, and `numbers(column:)` then reports a
    /// `1,234` in a decimal-point column as a thousands separator rather than guessing 1234.
    /// When no value decides, the file's convention does: a comma-delimited file cannot use
    /// decimal commas without quoting every number, so `"."`; semicolon or tab, `","`.
    /// A column that mixes both is decided by the majority; the minority is reported by `numbers`.
    public func decimalSeparator(column: Int) -> Character {
        var commas = 0
        var dots = 0
        for row in rows where column < row.count {
            switch CSVNumber.evidence(row[column]) {
            case CSVNumber.comma?: commas += 1
            case CSVNumber.dot?: dots += 1
            default: break
            }
        }
        if commas > dots { return "," }
        if dots > commas { return "." }
        return delimiter == .comma ? "." : ","
    }

    /// Every value of column `column` as a number, read with `decimalSeparator(column:)`.
    /// - Throws: `CSVError` `.notANumber` for the first cell that is not a number, with its line and
    ///   the column's name.
    public func numbers(column: Int) throws(CSVError) -> [CSVValue] {
        let decimal = decimalSeparator(column: column)
        var values: [CSVValue] = []
        values.reserveCapacity(rows.count)
        for index in rows.indices {
            values.append(try number(row: index, column: column, decimal: decimal))
        }
        return values
    }

    /// The value at `row` (an index into `rows`) and `column` as a number with the given decimal
    /// separator; take it from `decimalSeparator(column:)` once per column, not per cell.
    public func number(row: Int, column: Int, decimal: Character) throws(CSVError) -> CSVValue {
        let text = rows[row][column]
        switch CSVNumber.parse(text, decimal: decimal) {
        case .success(let value):
            return value
        case .failure(let problem):
            throw CSVError(
                .notANumber(value: text, problem: problem), line: lineNumbers[row], column: columnName(column),
                message: problem.message(value: text, decimal: decimal))
        }
    }
}
