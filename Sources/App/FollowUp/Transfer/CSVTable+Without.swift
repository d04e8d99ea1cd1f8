import SkillnadCore

extension CSVTable {
    /// The table without the rows that start on `lines`.
    func without(_ lines: Set<Int>) -> CSVTable {
        let kept = rows.indices.filter { !lines.contains(lineNumbers[$0]) }
        return CSVTable(
            delimiter: delimiter, header: header, rows: kept.map { rows[$0] },
            lineNumbers: kept.map { lineNumbers[$0] },
            headerLine: headerLine)
    }
}
