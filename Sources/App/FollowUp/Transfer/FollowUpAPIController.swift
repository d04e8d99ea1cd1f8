import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The follow-up in the JSON API: budget years, decisions, periods, published reports with their
/// history, a measure's life and the roll-ups (read by anyone); a report written by its body's
/// editors, a CSV imported all or nothing, a decision recorded by administrators (with a
/// read-write token).
enum FollowUpAPIController {
    // MARK: Reads

    static func budgetYears(_ req: Request) async throws -> ListResponse<API.FollowUpBudgetYear> {
        let paging = try Paging(req)
        return paging.page(try await FollowUpQueries.budgetYears(on: req.db).map(API.FollowUpBudgetYear.init))
    }

    static func periods(_ req: Request) async throws -> ListResponse<API.FollowUpPeriod> {
        let paging = try Paging(req)
        var periods = try await FollowUpQueries.periods(on: req.db)
        if let year = try yearFilter(req) { periods = periods.filter { $0.year == year } }
        return paging.page(periods.map(API.FollowUpPeriod.init))
    }

    static func decisions(_ req: Request) async throws -> ListResponse<API.FollowUpDecision> {
        let paging = try Paging(req)
        let year = try yearFilter(req)
        let decisions: [FollowUpQueries.Decision]
        if let measure = try req.filter("measure") {
            guard try await req.catalogue().index.measureByPublicID[measure] != nil else {
                throw CatalogueAPIController.unknown("measure", "measure", String(measure.prefix(80)))
            }
            decisions = try await FollowUpQueries.decisions(measure: measure, on: req.db).filter {
                year == nil || $0.budgetYear == year
            }
        } else if let year {
            decisions = try await FollowUpQueries.decisions(year: year, on: req.db)
        } else {
            var all: [FollowUpQueries.Decision] = []
            for y in try await FollowUpQueries.budgetYears(on: req.db) {
                all += try await FollowUpQueries.decisions(year: y.year, on: req.db)
            }
            decisions = all
        }
        return paging.page(decisions.map(API.FollowUpDecision.init))
    }

    /// Published reports, oldest period first, then by measure and body.
    static func reports(_ req: Request) async throws -> ListResponse<API.FollowUpReport> {
        let paging = try Paging(req)
        let index = try await req.catalogue().index
        let measure = try req.filter("measure")
        let body = try req.filter("body")
        let periodSlug = try req.filter("period")
        let periods = try await FollowUpQueries.periods(on: req.db)
        if let measure, index.measureByPublicID[measure] == nil {
            throw CatalogueAPIController.unknown("measure", "measure", String(measure.prefix(80)))
        }
        if let body, index.bodyByID[body] == nil {
            throw CatalogueAPIController.unknown("body", "body", String(body.prefix(80)))
        }
        var shown = periods
        if let periodSlug {
            shown = periods.filter { $0.slug == periodSlug }
            if shown.isEmpty {
                throw CatalogueAPIController.unknown("period", "follow-up period", String(periodSlug.prefix(80)))
            }
        }
        let assignments: [FollowUpQueries.AssignmentReports]
        if let measure {
            assignments = try await FollowUpQueries.assignments(.measure(measure), withText: true, on: req.db)
        } else if let body {
            assignments = try await FollowUpQueries.assignments(.body(body), withText: true, on: req.db)
        } else {
            var all: [FollowUpQueries.AssignmentReports] = []
            for year in Set(shown.map(\.year)).sorted() {
                all += try await FollowUpQueries.assignments(.year(year), withText: true, on: req.db)
            }
            assignments = all
        }
        let kept = assignments.filter { a in body.map { a.body == $0 } ?? true }
        var items: [API.FollowUpReport] = []
        for period in shown {
            for a in kept where a.budgetYear == period.year {
                guard let p = a.published[period.id] else { continue }
                items.append(API.FollowUpReport(period: period.slug, measure: a.measure, body: a.body, p))
            }
        }
        return paging.page(items)
    }

    /// One published report and its history; 404 until it is published.
    static func report(_ req: Request) async throws -> API.FollowUpReportHistory {
        let subject = try await subject(req)
        guard let reportID = subject.report?.id, subject.report?.revision ?? 0 > 0 else {
            throw Abort(.notFound, reason: "The report is not published.")
        }
        let revisions = try await FollowUpPublication.query(on: req.db).filter(\.$report.$id == reportID)
            .sort(\.$revision, .descending).all()
        guard let latest = revisions.first, let status = FollowUpStatus(rawValue: latest.status) else {
            throw Abort(.notFound, reason: "The report is not published.")
        }
        let indicators = FollowUpStore.list(latest.indicators)
        let publication = FollowUpQueries.Publication(
            periodID: subject.period.id, status: status, progress: latest.progress, revision: latest.revision,
            narrative: latest.narrative, spentOre: latest.spentOre, indicators: indicators)
        let formatter = ISO8601DateFormatter()
        return API.FollowUpReportHistory(
            report: API.FollowUpReport(
                period: subject.period.slug, measure: subject.measure, body: subject.body, publication),
            unpublishedChanges: subject.report?.state != ReportState.published.rawValue,
            history: revisions.map { r in
                API.FollowUpRevision(
                    revision: r.revision, status: r.status, progress: r.progress, narrative: r.narrative,
                    spentOre: r.spentOre, spent: r.spentOre.map { SwedishAmount(ore: $0).plain(decimalComma: false) },
                    indicators: FollowUpStore.list(r.indicators), publishedAt: formatter.string(from: r.publishedAt))
            })
    }

    static func measure(_ req: Request) async throws -> API.FollowUpMeasureLife {
        let id = try req.parameters.require(APIURL.idKey)
        let index = try await req.catalogue().index
        guard let measure = index.measureByPublicID[id] else {
            throw Abort(.notFound, reason: "No measure has the id '\(id.prefix(80))'.")
        }
        let decisions = try await FollowUpQueries.decisions(measure: id, on: req.db)
        let assignments = try await FollowUpQueries.assignments(.measure(id), withText: true, on: req.db)
        let periods = assignments.isEmpty ? [] : try await FollowUpQueries.periods(on: req.db)
        let rollup = FollowUpQueries.measureRollups(assignments, periods: periods)[id]
        return API.FollowUpMeasureLife(
            measure: id, report: measure.report, decisions: decisions.map(API.FollowUpDecision.init),
            assignments: assignments.map { a in
                API.FollowUpAssignment(
                    budgetYear: a.budgetYear, body: a.body, text: a.text, weight: a.weight, ended: a.ended,
                    reports: periods.compactMap { period in
                        a.published[period.id].map {
                            API.FollowUpReport(period: period.slug, measure: id, body: a.body, $0)
                        }
                    })
            }, rollup: rollup.map { API.FollowUpRollupEntry(id, $0) },
            url: SiteURL.Catalogue.measure(.value(id)).path)
    }

    /// The roll-ups of `?year=` (every year without): per budget year, report, target area,
    /// strategy and body; each measure counts once in a group, its assignments at their relative weights.
    static func rollup(_ req: Request) async throws -> API.FollowUpRollup {
        let index = try await req.catalogue().index
        let year = try yearFilter(req)
        let periods = try await FollowUpQueries.periods(on: req.db)
        let known = Set(try await FollowUpQueries.budgetYears(on: req.db).map(\.year)).union(periods.map(\.year))
        if let year, !known.contains(year) {
            throw ParameterError(parameter: "year", message: "no budget year \(year)", status: .notFound)
        }
        var perYear: [(Int, [FollowUpQueries.AssignmentReports])] = []
        for y in known.sorted() where year == nil || y == year {
            perYear.append((y, try await FollowUpQueries.assignments(.year(y), on: req.db)))
        }
        let assignments = perYear.flatMap(\.1)
        let byMeasure = FollowUpQueries.measureRollups(assignments, periods: periods)
        func group(_ ids: [String]) -> FollowUpQueries.Rollup {
            FollowUpQueries.groupRollup(ids.compactMap { byMeasure[$0] })
        }
        let years = perYear.map { y, list in
            API.FollowUpRollupEntry(
                String(y),
                FollowUpQueries.groupRollup(
                    Array(FollowUpQueries.measureRollups(list, periods: periods).values)))
        }
        let reports = index.document.reports.compactMap { r -> API.FollowUpRollupEntry? in
            let ids = byMeasure.keys.filter { index.measureByPublicID[$0]?.report == r.id }
            return ids.isEmpty ? nil : API.FollowUpRollupEntry(r.id, group(ids))
        }
        var areas: [API.FollowUpRollupEntry] = []
        var strategies: [API.FollowUpRollupEntry] = []
        for area in index.document.roadmap?.targetAreas ?? [] {
            let strategyIDs = Set(area.strategies.map(\.id))
            let inArea = byMeasure.keys.filter { id in
                (index.measureByPublicID[id]?.strategies ?? []).contains { strategyIDs.contains($0) }
            }
            guard !inArea.isEmpty else { continue }
            areas.append(API.FollowUpRollupEntry(area.id, group(inArea)))
            for strategy in area.strategies {
                let ids = inArea.filter { (index.measureByPublicID[$0]?.strategies ?? []).contains(strategy.id) }
                if !ids.isEmpty { strategies.append(API.FollowUpRollupEntry(strategy.id, group(ids))) }
            }
        }
        let bodies = Dictionary(grouping: assignments.filter { !$0.ended }, by: \.body).sorted { $0.key < $1.key }
            .map { body, list in API.FollowUpRollupEntry(body, FollowUpQueries.bodyRollup(list, periods: periods)) }
        return API.FollowUpRollup(
            year: year, total: API.FollowUpRollupEntry("total", group(Array(byMeasure.keys))), budgetYears: years,
            reports: reports, targetAreas: areas, strategies: strategies, bodies: bodies)
    }

    // MARK: CSV

    static func exportCSV(_ req: Request) async throws -> Response {
        try await FollowUpExport.response(req)
    }

    /// POST reports.csv: the body is the file; 200 with the counts, or 422 with every problem.
    static func importCSV(_ req: Request) async throws -> Response {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw Abort(.badRequest, reason: "The request has no CSV body.")
        }
        do {
            let outcome = try await FollowUpImport.run(
                Data(buffer: buffer), reporter: FollowUpStore.Reporter(req), index: try await req.catalogue().index,
                on: req.db)
            req.application.catalogue.invalidate()
            return try await API.FollowUpImportResult(outcome).encodeResponse(for: req)
        } catch let e as FollowUpProblems {
            return problems(
                req, e.problems, detail: "Nothing was written: \(e.problems.count) problem(s) in the file.",
                pointer: { p in "/lines/\(p.line ?? 0)/\(p.field)" })
        } catch let e as CSVError {
            let pointer = "/lines/\(e.line ?? 0)" + (e.column.map { "/" + $0 } ?? "")
            return SiteErrorMiddleware.problem(
                .unprocessableEntity, detail: "Nothing was written: the body is not a readable CSV file.",
                parameter: nil, headers: [:], request: req,
                errors: [ProblemItem(pointer: pointer, detail: e.description)])
        }
    }

    // MARK: Writes

    /// The period, measure and body a report path names, with the assignment and the working copy.
    struct Subject: Sendable {
        let period: FollowUpQueries.Period
        let measure: String
        let body: String
        let assignment: Assignment?
        let report: FollowUpReport?
    }

    static func subject(_ req: Request) async throws -> Subject {
        let slug = try req.parameters.require(SiteURL.FollowUp.periodKey)
        let measure = try req.parameters.require(SiteURL.FollowUp.measureKey)
        let body = try req.parameters.require(SiteURL.bodyKey)
        let index = try await req.catalogue().index
        guard let period = try await FollowUpQueries.periods(on: req.db).first(where: { $0.slug == slug }) else {
            throw Abort(.notFound, reason: "No follow-up period has the id '\(slug.prefix(80))'.")
        }
        guard index.measureByPublicID[measure] != nil else {
            throw Abort(.notFound, reason: "No measure has the id '\(measure.prefix(80))'.")
        }
        guard index.bodyByID[body] != nil else {
            throw Abort(.notFound, reason: "No body has the id '\(body.prefix(80))'.")
        }
        let assignment = try await Assignment.query(on: req.db).filter(\.$budgetYear == period.year)
            .filter(\.$measure == measure).filter(\.$body == body).first()
        var report: FollowUpReport?
        if let id = assignment?.id {
            report = try await FollowUpReport.query(on: req.db).filter(\.$assignment.$id == id)
                .filter(\.$period.$id == period.id).first()
        }
        return Subject(period: period, measure: measure, body: body, assignment: assignment, report: report)
    }

    /// PUT a report: saved, handed in or published from the version it was based on.
    static func saveReport(_ req: Request) async throws -> Response {
        let object = try CatalogueWriteAPIController.body(req)
        try refuseNUL(.object(object))
        let version = try CatalogueWriteAPIController.expectedVersion(req, object)
        let subject = try await subject(req)
        func text(_ key: String) throws -> String? { try scalar(object, key) }
        let indicators = try texts(object, "indicators")
        var action = FollowUpStore.ReportAction.save
        if let raw = try text("action") {
            guard let a = FollowUpStore.ReportAction(rawValue: raw) else {
                let actions = FollowUpStore.ReportAction.allCases.map(\.rawValue).joined(separator: ", ")
                throw ParameterError(
                    parameter: "action",
                    message: "expected one of \(actions), got '\(raw.prefix(40))'")
            }
            action = a
        }
        let read = FollowUpReportValues.read(
            status: try text("status"), progress: try text("progress"), narrative: try text("narrative"),
            spent: try text("spent"),
            indicators: indicators, knownIndicators: try await FollowUpImport.knownIndicators(on: req.db))
        let values: FollowUpReportValues
        switch read {
        case .success(let v): values = v
        case .failure(let found): return Self.problems(req, found.problems, detail: nil)
        }
        guard let assignment = subject.assignment, let assignmentID = assignment.id, assignment.$endedBy.id == nil
        else {
            return Self.problems(
                req,
                [
                    FollowUpProblem(
                        field: "period",
                        .notAssigned(measure: subject.measure, body: subject.body, year: subject.period.year))
                ], detail: nil)
        }
        do {
            let saved = try await FollowUpStore.saveReport(
                assignment: assignmentID, period: subject.period.id, values: values, action: action,
                version: version, reporter: FollowUpStore.Reporter(req), on: req.db)
            req.application.catalogue.invalidate()
            guard
                let report = try await FollowUpReport.query(on: req.db).filter(\.$assignment.$id == assignmentID)
                    .filter(\.$period.$id == subject.period.id).first()
            else { throw Abort(.notFound) }
            let res = try await API.FollowUpWorkingCopy(
                period: subject.period.slug, measure: subject.measure, body: subject.body, status: report.status,
                progress: report.progress, narrative: report.narrative, spentOre: report.spentOre,
                spent: report.spentOre.map { SwedishAmount(ore: $0).plain(decimalComma: false) },
                indicators: FollowUpStore.list(report.indicators), state: report.state, revision: report.revision,
                version: report.version
            ).encodeResponse(for: req)
            res.headers.replaceOrAdd(name: .eTag, value: "\"\(saved)\"")
            return res
        } catch let e as FollowUpProblems {
            return Self.problems(req, e.problems, detail: nil)
        }
    }

    /// POST a decision (administrators): the fields as the form has them, strings or numbers.
    static func recordDecision(_ req: Request) async throws -> Response {
        let object = try CatalogueWriteAPIController.body(req)
        try refuseNUL(.object(object))
        func text(_ key: String) throws -> String? { try scalar(object, key) }
        let bodies = try texts(object, "bodies")
        let read = BudgetDecisionValues.read(
            budgetYear: try text("budgetYear"), measure: try text("measure"), kind: try text("kind"),
            decidedOn: try text("decidedOn"), decidingBody: try text("decidingBody"),
            diaryNumber: try text("diaryNumber"), bodies: bodies, text: try text("text"), amount: try text("amount"),
            funding: try text("funding"), postponedTo: try text("postponedTo"), weight: try text("weight"))
        let values: BudgetDecisionValues
        switch read {
        case .success(let v): values = v
        case .failure(let found): return Self.problems(req, found.problems, detail: nil)
        }
        do {
            let id = try await FollowUpStore.recordDecision(
                values, index: try await req.catalogue().index, by: req.auditActor, on: req.db)
            req.application.catalogue.invalidate()
            guard let decision = try await FollowUpQueries.decision(id, on: req.db) else { throw Abort(.notFound) }
            return try await API.FollowUpDecision(decision).encodeResponse(status: .created, for: req)
        } catch let e as FollowUpProblems {
            return Self.problems(req, e.problems, detail: nil)
        }
    }

    // MARK: Parts

    /// A field that is text, or a number taken as its text (a progress, an amount, a year); absent
    /// or null is nil; anything else is malformed.
    static func scalar(_ object: [String: JSONValue], _ key: String) throws -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case .number(let n)?: return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default: throw ParameterError(parameter: key, message: "expected a text or a number")
        }
    }

    /// A list of texts (indicator codes, body ids); absent or null is empty; anything else is malformed.
    static func texts(_ object: [String: JSONValue], _ key: String) throws -> [String] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let list)?:
            return try list.map { item in
                guard case .string(let text) = item else {
                    throw ParameterError(parameter: key, message: "expected a list of texts")
                }
                return text
            }
        default: throw ParameterError(parameter: key, message: "expected a list of texts")
        }
    }

    /// `?year=`, a budget year.
    static func yearFilter(_ req: Request) throws -> Int? {
        guard let raw = try req.filter("year") else { return nil }
        guard let year = Int(raw), (1900...2200).contains(year) else {
            throw ParameterError(
                parameter: "year", message: "expected a year from 1900 to 2200, got '\(raw.prefix(20))'")
        }
        return year
    }

    /// No stored text holds a NUL (PostgreSQL cannot store one): refused before anything is read.
    static func refuseNUL(_ value: JSONValue) throws {
        switch value {
        case .string(let s) where s.contains("\u{0}"):
            throw Abort(.badRequest, reason: "A text in the body contains a NUL character, which no field may hold.")
        case .array(let list): for item in list { try refuseNUL(item) }
        case .object(let object): for item in object.values { try refuseNUL(item) }
        default: break
        }
    }

    /// Problems as problem+json: 403 when every one is about the caller's rights, else 422. Each
    /// names its field (and its line, from a file).
    static func problems(
        _ req: Request, _ problems: [FollowUpProblem], detail: String?,
        pointer: (FollowUpProblem) -> String = { "/" + $0.field }
    ) -> Response {
        let rights = problems.allSatisfy { p in
            if case .notYourBody = p.reason { return true }
            if case .onlyAdminsPublish = p.reason { return true }
            return false
        }
        let texts = Texts(.en)
        let status: HTTPResponseStatus =
            rights && detail == nil && !problems.isEmpty ? .forbidden : .unprocessableEntity
        return SiteErrorMiddleware.problem(
            status, detail: detail ?? "Not saved: \(problems.count) problem(s).", parameter: nil, headers: [:],
            request: req, errors: problems.map { ProblemItem(pointer: pointer($0), detail: texts.describe($0)) })
    }
}
