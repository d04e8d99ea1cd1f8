import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Vapor

/// The export of follow-up reports in the one CSV format (`FollowUpCSV`), which the import reads
/// back. The public gets what is published; a body's editors get their working copies and an
/// empty row for each assignment still to report, so they can fill their period in a spreadsheet.
enum FollowUpExport {
    /// Which reports, and in what form.
    enum Scope: Sendable, Equatable {
        /// The latest publication of every published report, at its working copy's version.
        case published
        /// The working copies of the bodies' reports (nil: every body) and empty rows for the
        /// assignments of the periods without a report; only of assignments the bodies still
        /// hold, since those moved to another body can no longer be written.
        case workingCopies(bodies: Set<String>?)
    }

    struct Filter: Sendable, Equatable {
        var period: String?
        var body: String?
    }

    /// The scope of the one asking: editors and administrators, signed in or with a token, get
    /// their working copies; everyone else what is published.
    static func scope(_ req: Request) -> Scope {
        guard let p = req.principal else { return .published }
        if p.isAdmin { return .workingCopies(bodies: nil) }
        if p.role == .editor { return .workingCopies(bodies: p.bodies) }
        return .published
    }

    /// `?period=` and `?body=`, each checked: an unknown one is 404, not an empty file.
    static func filter(_ req: Request) async throws -> Filter {
        let period = try req.filter("period")
        let body = try req.filter("body")
        if let period, try await FollowUpPeriod.query(on: req.db).filter(\.$slug == period).first() == nil {
            throw ParameterError(
                parameter: "period", message: "no follow-up period has the id '\(period.prefix(80))'", status: .notFound
            )
        }
        if let body, try await req.catalogue().index.bodyByID[body] == nil {
            throw ParameterError(
                parameter: "body", message: "no body has the id '\(body.prefix(80))'", status: .notFound)
        }
        return Filter(period: period, body: body)
    }

    /// The download for the request: the public one made once per catalogue generation, a
    /// signed-in one made for the asker alone.
    static func response(_ req: Request) async throws -> Response {
        let variant = try CSVDownload.variant(req)
        let filter = try await filter(req)
        let scope = scope(req)
        let name =
            "follow-up"
            + [filter.period, filter.body].compactMap { $0.map { "-" + Slug.make($0) } }.joined()
            + (variant == .excel ? "-excel" : "") + ".csv"
        let db = req.db
        guard scope == .published else {
            var bytes: [UInt8] = []
            try await write(scope, filter: filter, variant: variant, on: db) { bytes += $0 }
            return CSVDownload.response(Data(bytes), filename: name)
        }
        // The filters are checked above, so the keys are as many as the periods and bodies.
        let key = "follow-up reports \(variant.rawValue) \([filter.period, filter.body].description)"
        return try await req.exportResponse(key, contentType: CSVDownload.contentType, filename: name) { sink in
            try await write(.published, filter: filter, variant: variant, on: db) { try await sink.write($0) }
        }
    }

    /// Writes the header and every row in chunks to `emit`.
    static func write(
        _ scope: Scope, filter: Filter, variant: CSVWriter.Variant, on db: any Database,
        emit: ([UInt8]) async throws -> Void
    ) async throws {
        var writer = CSVWriter(variant)
        writer.row(FollowUpCSV.header)
        let rows = try await db.sql().raw(query(scope, filter: filter)).all()
        let decimalComma = variant == .excel
        for row in rows {
            let period: String = try row.value("period")
            let measure: String = try row.value("measure")
            let body: String = try row.value("body")
            guard let status = try row.optional("status", as: String.self) else {
                // An assignment without a report: the row to fill in.
                writer.row([period, measure, body, "", "", "", "", "", ReportState.draft.rawValue, ""])
                continue
            }
            let values = FollowUpReportValues(
                status: FollowUpStatus(rawValue: status) ?? .notStarted, progress: try row.value("progress"),
                narrative: try row.optional("narrative"),
                spent: try row.optional("spent_ore", as: Int64.self).map { SwedishAmount(ore: $0) },
                indicators: FollowUpStore.list(try row.value("indicators", as: String.self)))
            let state = ReportState(rawValue: try row.value("state")) ?? .draft
            writer.row(
                FollowUpCSV.cells(
                    period: period, measure: measure, body: body, values: values, state: state,
                    version: try row.value("version"), decimalComma: decimalComma))
            if writer.count > 1 << 20 { try await emit(writer.take()) }
        }
        try await emit(writer.take())
    }

    /// One query for the whole file, ordered by period, measure and body.
    static func query(_ scope: Scope, filter: Filter) -> SQLQueryString {
        var sql: SQLQueryString
        switch scope {
        case .published:
            // A report's latest publication is the one at its revision (revision counts publications).
            sql = """
                SELECT p.slug AS period, a.measure AS measure, a.body AS body, u.status AS status, \
                u.progress AS progress, u.narrative AS narrative, u.spent_ore AS spent_ore, \
                u.indicators AS indicators, 'published' AS state, r.version AS version, p.as_of AS as_of \
                FROM follow_up_publications u \
                JOIN follow_up_reports r ON r.id = u.report_id AND r.revision = u.revision \
                JOIN assignments a ON a.id = r.assignment_id \
                JOIN follow_up_periods p ON p.id = r.period_id \
                WHERE 1 = 1
                """
        case .workingCopies(let bodies):
            sql = """
                SELECT p.slug AS period, a.measure AS measure, a.body AS body, r.status AS status, \
                r.progress AS progress, r.narrative AS narrative, r.spent_ore AS spent_ore, \
                r.indicators AS indicators, r.state AS state, r.version AS version, p.as_of AS as_of \
                FROM assignments a \
                JOIN follow_up_periods p ON p.year = a.budget_year \
                LEFT JOIN follow_up_reports r ON r.assignment_id = a.id AND r.period_id = p.id \
                WHERE a.ended_by IS NULL
                """
            if let bodies {
                // An editor of no body gets the header alone.
                let list = bodies.sorted()
                sql += list.isEmpty ? " AND 1 = 0" : " AND a.body IN \(SQLBind.group(list))"
            }
        }
        if let period = filter.period { sql += " AND p.slug = \(bind: period)" }
        if let body = filter.body { sql += " AND a.body = \(bind: body)" }
        sql += " ORDER BY as_of, period, measure, body"
        return sql
    }
}
