import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Vapor

/// The import of follow-up reports (import av uppföljningsrapporter) from a file in the one CSV
/// format (`FollowUpCSV`), all or nothing: every row is checked against the database first and
/// every problem is reported with its line and column; only a file without problems is written,
/// in one transaction. The page, the command line and the API all import through `run`.
enum FollowUpImport {
    /// What an import did.
    struct Outcome: Content, Equatable {
        var created = 0
        var updated = 0
        /// Rows equal to the stored report: skipped.
        var unchanged = 0
        /// Rows with nothing filled in (the export's rows for reports not yet written): skipped.
        var blank = 0
        /// Of the created and updated rows, those published (each a new public revision).
        var published = 0
    }

    /// The columns a reporter fills in; a row with all of them (and the version) empty is blank.
    static let contentColumns = ["status", "progress", "spent", "narrative", "indicators", "version"]

    /// Rows written per INSERT: 14 values a row stays far below every database's limit of binds.
    static let batchSize = 500

    /// Imports `data`.
    /// - Throws: `CSVError` when the file cannot be read as a table; `FollowUpProblems` with every
    ///   problem of every row when any row is wrong (then nothing is written).
    static func run(
        _ data: Data, reporter: FollowUpStore.Reporter, index: CatalogueIndex, on db: any Database
    ) async throws -> Outcome {
        try await TimedWork.import.run("follow-up") {
            let (table, blank) = try prepared(try CSVTable.parse(data))
            let known = try await knownIndicators(on: db)
            var rows: [FollowUpCSV.Row] = []
            var unreadable: [FollowUpProblem] = []
            switch FollowUpCSV.rows(table, knownIndicators: known) {
            case .success(let found): rows = found
            case .failure(let problems):
                let lines = Set(problems.problems.compactMap(\.line))
                if lines.contains(table.headerLine) { throw problems }
                // The rows that could be read are checked against the database too, so that one
                // refusal names every problem of the file, not only the first kind.
                unreadable = problems.problems
                rows = (try? FollowUpCSV.rows(table.without(lines), knownIndicators: known).get()) ?? []
            }
            // Checked inside the transaction, so that nobody saves a report between the check and the
            // write; refusals are returned, not thrown, so the transaction never mistakes them for its own.
            let found = unreadable
            let checked = rows
            let result = try await CatalogueEditor.transaction(on: db) { tx -> Result<Outcome, FollowUpProblems> in
                switch try await plan(checked, reporter: reporter, index: index, on: tx) {
                case .failure(let problems): return .failure(inLineOrder(found + problems.problems))
                case .success where !found.isEmpty: return .failure(inLineOrder(found))
                case .success(var plan):
                    plan.outcome.blank = blank
                    try await write(plan, reporter: reporter, on: tx)
                    return .success(plan.outcome)
                }
            }
            return try result.get()
        }
    }

    /// Problems by line; those of one line in the order they were found.
    static func inLineOrder(_ problems: [FollowUpProblem]) -> FollowUpProblems {
        FollowUpProblems(
            problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
                .map(\.element))
    }

    /// The table without its blank rows (counted), and with the apostrophe that the Excel variant
    /// puts before a text a spreadsheet would run as a formula taken off again.
    static func prepared(_ table: CSVTable) throws -> (CSVTable, blank: Int) {
        let content = contentColumns.compactMap { try? table.column($0) }
        let excel = table.delimiter == .semicolon
        var rows: [[String]] = []
        var lines: [Int] = []
        rows.reserveCapacity(table.rows.count)
        lines.reserveCapacity(table.rows.count)
        var blank = 0
        for (number, cells) in table.rows.enumerated() {
            let isBlank = content.allSatisfy { column in
                column >= cells.count || cells[column].trimmingCharacters(in: .whitespaces).isEmpty
            }
            if isBlank {
                blank += 1
                continue
            }
            rows.append(excel ? cells.map(unneutralised) : cells)
            lines.append(table.lineNumbers[number])
        }
        let kept = CSVTable(
            delimiter: table.delimiter, header: table.header, rows: rows, lineNumbers: lines,
            headerLine: table.headerLine)
        return (kept, blank)
    }

    /// `'=x` → `=x`: the inverse of `CSVWriter.neutralised` for a cell the Excel variant wrote.
    static func unneutralised(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "'") else { return cell }
        let second = bytes[bytes.index(after: bytes.startIndex)]
        let formula: Set<UInt8> = [
            UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
        ]
        return formula.contains(second) ? String(cell.dropFirst()) : cell
    }

    static func knownIndicators(on db: any Database) async throws -> Set<String> {
        let rows = try await db.sql().select().column("code").from(Indicator.schema).all()
        return Set(try rows.map { try $0.value("code", as: String.self) })
    }

    // MARK: Checking

    /// A stored working copy, as far as the import compares and writes it.
    struct StoredReport: Sendable {
        let id: UUID
        let status: String
        let progress: Int
        let narrative: String?
        let spentOre: Int64?
        let indicators: [String]
        let state: String
        let version: Int
        let revision: Int

        func equals(_ row: FollowUpCSV.Row) -> Bool {
            let v = row.values
            return status == v.status.rawValue && progress == v.progress && narrative == v.narrative
                && spentOre == v.spent?.ore && indicators == v.indicators && state == row.state.rawValue
        }
    }

    struct NewReport: Sendable {
        let id: UUID
        let assignment: UUID
        let period: UUID
        let row: FollowUpCSV.Row
    }

    struct Update: Sendable {
        let stored: StoredReport
        let row: FollowUpCSV.Row
    }

    /// What the import will write.
    struct Plan: Sendable {
        var inserts: [NewReport] = []
        var updates: [Update] = []
        var outcome = Outcome()
    }

    struct AssignmentKey: Hashable {
        let year: Int
        let measure: String
        let body: String
    }

    struct ReportKey: Hashable {
        let assignment: UUID
        let period: UUID
    }

    /// Checks every row against the database, in a few queries for the whole file.
    static func plan(
        _ rows: [FollowUpCSV.Row], reporter: FollowUpStore.Reporter, index: CatalogueIndex, on db: any Database
    ) async throws -> Result<Plan, FollowUpProblems> {
        let periods = try await FollowUpPeriod.query(on: db).all()
        var periodBySlug: [String: (id: UUID, year: Int)] = [:]
        for period in periods {
            if let id = period.id { periodBySlug[period.slug] = (id, period.year) }
        }
        let used = Set(rows.compactMap { periodBySlug[$0.period] }.map(\.id))
        let years = Set(rows.compactMap { periodBySlug[$0.period]?.year })
        let assignments = try await assignments(in: years, on: db)
        let stored = try await reports(in: used, on: db)
        var problems: [FollowUpProblem] = []
        var plan = Plan()
        for row in rows {
            var rowProblems: [FollowUpProblem] = []
            let period = periodBySlug[row.period]
            if period == nil {
                rowProblems.append(
                    .init(field: "period", line: row.line, .unknownPeriod(String(row.period.prefix(80)))))
            }
            if index.measureByPublicID[row.measure] == nil {
                rowProblems.append(
                    .init(field: "measure", line: row.line, .unknownMeasure(String(row.measure.prefix(80)))))
            }
            if index.bodyByID[row.body] == nil {
                rowProblems.append(.init(field: "body", line: row.line, .unknownBody(String(row.body.prefix(80)))))
            }
            guard rowProblems.isEmpty, let period else {
                problems += rowProblems
                continue
            }
            let key = AssignmentKey(year: period.year, measure: row.measure, body: row.body)
            let assignment = assignments[key]
            let existing = assignment.flatMap { stored[ReportKey(assignment: $0.id, period: period.id)] }
            // A row as stored is skipped, even of an assignment that has since moved to another body.
            if let existing, existing.equals(row) {
                plan.outcome.unchanged += 1
                continue
            }
            guard let assignment, !assignment.ended else {
                problems.append(
                    .init(
                        field: "measure", line: row.line,
                        .notAssigned(measure: row.measure, body: row.body, year: period.year)))
                continue
            }
            if !reporter.mayReport(for: row.body) {
                rowProblems.append(.init(field: "body", line: row.line, .notYourBody(row.body)))
            }
            if row.state == .published && !reporter.isAdmin {
                rowProblems.append(.init(field: "state", line: row.line, .onlyAdminsPublish))
            }
            let storedVersion = existing?.version ?? 0
            if (row.version ?? 0) != storedVersion {
                rowProblems.append(
                    .init(
                        field: "version", line: row.line, .changedSince(stored: storedVersion, given: row.version ?? 0))
                )
            }
            guard rowProblems.isEmpty else {
                problems += rowProblems
                continue
            }
            if let existing {
                plan.updates.append(Update(stored: existing, row: row))
                plan.outcome.updated += 1
            } else {
                plan.inserts.append(NewReport(id: UUID(), assignment: assignment.id, period: period.id, row: row))
                plan.outcome.created += 1
            }
            if row.state == .published { plan.outcome.published += 1 }
        }
        return problems.isEmpty ? .success(plan) : .failure(FollowUpProblems(problems))
    }

    /// The assignments of the budget years, by (year, measure, body).
    static func assignments(in years: Set<Int>, on db: any Database) async throws
        -> [AssignmentKey: (id: UUID, ended: Bool)]
    {
        guard !years.isEmpty else { return [:] }
        let rows = try await db.sql().select().columns("id", "budget_year", "measure", "body", "ended_by")
            .from(Assignment.schema).where("budget_year", .in, SQLBind.group(years.sorted())).all()
        var out: [AssignmentKey: (id: UUID, ended: Bool)] = [:]
        out.reserveCapacity(rows.count)
        for row in rows {
            let key = AssignmentKey(
                year: try row.value("budget_year"), measure: try row.value("measure"), body: try row.value("body"))
            out[key] = (try row.value("id"), try row.optional("ended_by", as: UUID.self) != nil)
        }
        return out
    }

    /// The working copies of the reports in the periods, by (assignment, period).
    static func reports(in periods: Set<UUID>, on db: any Database) async throws -> [ReportKey: StoredReport] {
        guard !periods.isEmpty else { return [:] }
        let rows = try await db.sql().select()
            .columns(
                "id", "assignment_id", "period_id", "status", "progress", "narrative", "spent_ore", "indicators",
                "state", "version", "revision"
            )
            .from(FollowUpReport.schema).where("period_id", .in, SQLBind.group(Array(periods))).all()
        var out: [ReportKey: StoredReport] = [:]
        out.reserveCapacity(rows.count)
        for row in rows {
            let key = ReportKey(assignment: try row.value("assignment_id"), period: try row.value("period_id"))
            out[key] = StoredReport(
                id: try row.value("id"), status: try row.value("status"), progress: try row.value("progress"),
                narrative: try row.optional("narrative"), spentOre: try row.optional("spent_ore"),
                indicators: FollowUpStore.list(try row.value("indicators", as: String.self)),
                state: try row.value("state"), version: try row.value("version"), revision: try row.value("revision"))
        }
        return out
    }

    // MARK: Writing

    static let reportColumns = [
        "id", "assignment_id", "period_id", "status", "progress", "narrative", "spent_ore", "indicators", "state",
        "revision", "example", "updated_at", "updated_by", "version",
    ]

    static let publicationColumns = [
        "report_id", "revision", "status", "progress", "narrative", "spent_ore", "indicators", "published_at",
        "published_by",
    ]

    /// A publication to write: the report, its new revision, and what is published.
    struct Publication {
        let report: UUID
        let revision: Int
        let values: FollowUpReportValues
    }

    static func write(_ plan: Plan, reporter: FollowUpStore.Reporter, on tx: any Database) async throws {
        let sql = try tx.sql()
        let now = Date()
        let by = reporter.actor.label
        var publications: [Publication] = []
        var start = 0
        while start < plan.inserts.count {
            let batch = plan.inserts[start..<min(start + batchSize, plan.inserts.count)]
            let rows: [[any SQLExpression]] = batch.map { new in
                let v = new.row.values
                let published = new.row.state == .published
                if published { publications.append(Publication(report: new.id, revision: 1, values: v)) }
                return [
                    SQLBind(new.id), SQLBind(new.assignment), SQLBind(new.period), SQLBind(v.status.rawValue),
                    SQLBind(v.progress), SQLBind(v.narrative), SQLBind(v.spent?.ore),
                    SQLBind(FollowUpStore.jsonList(v.indicators)), SQLBind(new.row.state.rawValue),
                    SQLBind(published ? 1 : 0), SQLBind(false), SQLBind(now), SQLBind(by), SQLBind(1),
                ]
            }
            try await sql.insert(into: FollowUpReport.schema).columns(reportColumns).rows(rows).run()
            start += batchSize
        }
        start = 0
        while start < plan.updates.count {
            let batch = plan.updates[start..<min(start + batchSize, plan.updates.count)]
            for update in batch where update.row.state == .published {
                publications.append(
                    Publication(
                        report: update.stored.id, revision: update.stored.revision + 1, values: update.row.values))
            }
            // Each row is written only at the version the check read: a save that came in between
            // (another server process, say) makes the import fail whole rather than overwrite it.
            let written = Set(
                try await sql.raw(updateStatement(batch, at: now, by: by)).all().map {
                    try $0.value("id", as: UUID.self)
                })
            let overtaken = batch.filter { !written.contains($0.stored.id) }
            if !overtaken.isEmpty {
                throw FollowUpProblems(
                    overtaken.map { update in
                        FollowUpProblem(
                            field: "version", line: update.row.line,
                            .changedSince(stored: update.stored.version + 1, given: update.stored.version))
                    })
            }
            start += batchSize
        }
        start = 0
        while start < publications.count {
            let batch = publications[start..<min(start + batchSize, publications.count)]
            let rows: [[any SQLExpression]] = batch.map { p in
                [
                    SQLBind(p.report), SQLBind(p.revision), SQLBind(p.values.status.rawValue),
                    SQLBind(p.values.progress), SQLBind(p.values.narrative), SQLBind(p.values.spent?.ore),
                    SQLBind(FollowUpStore.jsonList(p.values.indicators)), SQLBind(now), SQLBind(by),
                ]
            }
            try await sql.insert(into: FollowUpPublication.schema).columns(publicationColumns).rows(rows).run()
            start += batchSize
        }
        let summary = String(data: try JSONEncoder().encode(plan.outcome), encoding: .utf8)
        try await Audit.record("import", objectType: "followUpReports", after: summary, by: reporter.actor, on: tx)
        try await CatalogueState.advance(on: tx)
    }

    /// One UPDATE for many reports, the new values joined in from a VALUES list (whose columns
    /// SQLite and PostgreSQL both call column1, column2, …): a statement per row was most of an import.
    static func updateStatement(_ batch: ArraySlice<Update>, at now: Date, by: String) -> SQLQueryString {
        var sql: SQLQueryString = """
            UPDATE follow_up_reports SET status = v.column2, progress = v.column3, narrative = v.column4, \
            spent_ore = CAST(v.column5 AS BIGINT), indicators = v.column6, state = v.column7, revision = v.column8, \
            version = v.column9, updated_at = \(bind: now), updated_by = \(bind: by) FROM (VALUES
            """
        for (number, update) in batch.enumerated() {
            let v = update.row.values
            let published = update.row.state == .published
            sql += number > 0 ? ", " : " "
            sql += """
                (\(bind: update.stored.id), \(bind: v.status.rawValue), \(bind: v.progress), \(bind: v.narrative), \
                \(bind: v.spent?.ore), \(bind: FollowUpStore.jsonList(v.indicators)), \
                \(bind: update.row.state.rawValue), \(bind: update.stored.revision + (published ? 1 : 0)), \
                \(bind: update.stored.version + 1), \(bind: update.stored.version))
                """
        }
        sql += """
            ) AS v WHERE follow_up_reports.id = v.column1 AND follow_up_reports.version = v.column10 \
            RETURNING follow_up_reports.id AS id
            """
        return sql
    }
}
