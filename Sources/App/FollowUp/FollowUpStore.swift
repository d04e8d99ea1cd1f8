import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Vapor

/// Writes the follow-up: budget years, periods, decisions and the assignments they give, and the
/// bodies' reports (one at a time from the form or the API, or a whole file at once). Every write
/// is one transaction; a report saved from an older version than the stored one is refused.
enum FollowUpStore {
    /// Who writes, and for which bodies they report.
    struct Reporter: Sendable {
        let actor: AuditActor
        let isAdmin: Bool
        let bodies: Set<String>

        init(actor: AuditActor, isAdmin: Bool, bodies: Set<String>) {
            self.actor = actor
            self.isAdmin = isAdmin
            self.bodies = bodies
        }

        init(_ req: Request) {
            let p = req.principal
            self.init(
                actor: req.auditActor, isAdmin: p?.isAdmin ?? false, bodies: p?.role == .editor ? p?.bodies ?? [] : [])
        }

        static func system(_ name: String) -> Reporter { Reporter(actor: .system(name), isAdmin: true, bodies: []) }

        func mayReport(for body: String) -> Bool { isAdmin || bodies.contains(body) }
    }

    /// The report changed since the editor opened it (`stored` is its version now).
    struct Conflict: AbortError {
        let stored: Int
        var status: HTTPResponseStatus { .conflict }
        var reason: String { "The report was changed by someone else since you opened it (now version \(stored))." }
    }

    enum ReportAction: String, Sendable, CaseIterable {
        /// Keep as a draft (a published report's correction starts as one).
        case save
        /// Hand in to the city executive office.
        case submit
        /// Approve and publish as a public record (administrators).
        case publish
        /// Send a submitted report back to its body (administrators).
        case returnToDraft
    }

    // MARK: Budget years and periods

    static func saveBudgetYear(
        year: Int, title: String, decidedOn: Day?, decidingBody: String, diaryNumber: String?, example: Bool,
        by actor: AuditActor, on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let row = try await BudgetYear.query(on: tx).filter(\.$year == year).first() ?? BudgetYear()
            let created = row.id == nil
            row.year = year
            row.title = title
            row.decidedOn = decidedOn?.description
            row.decidingBody = decidingBody
            row.diaryNumber = diaryNumber
            row.example = example
            row.version = (created ? 0 : row.version) + 1
            try await row.save(on: tx)
            try await Audit.record(
                created ? "create" : "update", objectType: "budgetYear", objectID: String(year), by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
        }
    }

    /// A follow-up period as configured.
    struct PeriodValues: Sendable, Equatable {
        var slug: String
        var year: Int
        var kind: String
        var name: String
        var nameEn: String?
        var asOf: Day
        var deadline: Day
    }

    /// Stockholm's cycle for a year: T1 per 30 April, T2 per 31 August with the interim accounts,
    /// the annual report per 31 December; each due a few weeks after.
    static func stockholmPeriods(_ year: Int) -> [PeriodValues] {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d) ?? .epoch }
        return [
            PeriodValues(
                slug: "\(year)-t1", year: year, kind: "t1", name: "Tertialrapport 1 \(year)",
                nameEn: "Tertial report 1 \(year)", asOf: day(year, 4, 30), deadline: day(year, 5, 15)),
            PeriodValues(
                slug: "\(year)-t2", year: year, kind: "t2", name: "Tertialrapport 2 \(year)",
                nameEn: "Tertial report 2 \(year)", asOf: day(year, 8, 31), deadline: day(year, 9, 15)),
            PeriodValues(
                slug: "\(year)-vb", year: year, kind: "annual", name: "Verksamhetsberättelse \(year)",
                nameEn: "Annual report \(year)", asOf: day(year, 12, 31), deadline: day(year + 1, 2, 1)),
        ]
    }

    static func savePeriods(_ periods: [PeriodValues], by actor: AuditActor, on db: any Database) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            for p in periods {
                let row = try await FollowUpPeriod.query(on: tx).filter(\.$slug == p.slug).first() ?? FollowUpPeriod()
                // Moving a period with reports to another year would part them from their assignments.
                if let id = row.id, row.year != p.year,
                    try await FollowUpReport.query(on: tx).filter(\.$period.$id == id).count() > 0
                {
                    throw FollowUpProblems([.init(field: "budgetYear", .periodHasReports(p.slug))])
                }
                row.slug = p.slug
                row.year = p.year
                row.kind = p.kind
                row.name = p.name
                row.nameEn = p.nameEn
                row.asOf = p.asOf.description
                row.deadline = p.deadline.description
                try await row.save(on: tx)
            }
            try await Audit.record(
                "update", objectType: "followUpPeriods", objectID: periods.map(\.slug).joined(separator: " "),
                by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
        }
    }

    // MARK: Decisions

    /// Records a decision and the assignments it gives or ends. A change of body ends the
    /// measure's assignments in the budget year whose bodies are not among the new ones.
    @discardableResult
    static func recordDecision(
        _ v: BudgetDecisionValues, example: Bool = false, index: CatalogueIndex, by actor: AuditActor,
        on db: any Database
    ) async throws -> UUID {
        let years = Set(try await BudgetYear.query(on: db).all().map(\.year))
        let problems = v.problems(index, budgetYears: years)
        if !problems.isEmpty { throw FollowUpProblems(problems) }
        return try await CatalogueEditor.transaction(on: db) { tx -> UUID in
            guard let year = try await BudgetYear.query(on: tx).filter(\.$year == v.budgetYear).first(),
                let yearID = year.id
            else { throw FollowUpProblems([FollowUpProblem(field: "budgetYear", .unknownBudgetYear(v.budgetYear))]) }
            let d = BudgetDecision()
            d.$budgetYear.id = yearID
            d.measure = v.measure
            d.kind = v.kind.rawValue
            d.decidedOn = v.decidedOn.description
            d.decidingBody = v.decidingBody
            d.diaryNumber = v.diaryNumber
            d.bodies = jsonList(v.bodies)
            d.text = v.text
            d.amountOre = v.amount?.ore
            d.funding = v.funding?.rawValue
            d.postponedTo = v.postponedTo
            d.weight = v.weight
            d.example = example
            d.recordedAt = Date()
            d.recordedBy = actor.label
            try await d.create(on: tx)
            let decisionID = try d.requireID()
            if v.kind.assigns {
                let current = try await Assignment.query(on: tx).filter(\.$budgetYear == v.budgetYear)
                    .filter(\.$measure == v.measure).all()
                if v.kind == .changedBody {
                    for old in current where old.$endedBy.id == nil && !v.bodies.contains(old.body) {
                        old.$endedBy.id = decisionID
                        try await old.save(on: tx)
                    }
                }
                for body in v.bodies {
                    if let existing = current.first(where: { $0.body == body }) {
                        // Assigned again (after a change back, say): the assignment resumes.
                        existing.$endedBy.id = nil
                        existing.$decision.id = decisionID
                        existing.text = v.text ?? existing.text
                        try await existing.save(on: tx)
                    } else {
                        let a = Assignment()
                        a.budgetYear = v.budgetYear
                        a.measure = v.measure
                        a.body = body
                        a.$decision.id = decisionID
                        a.text = v.text
                        a.weight = 1
                        try await a.create(on: tx)
                    }
                }
            }
            try await Audit.record(
                "create", objectType: "budgetDecision", objectID: "\(v.budgetYear)/\(v.measure)",
                after: String(data: try JSONEncoder().encode(v), encoding: .utf8), by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
            return decisionID
        }
    }

    // MARK: Reports

    /// Saves a body's report on `assignment` for `period` with `action`, based on `version` (0: no
    /// report yet). Returns the new version.
    @discardableResult
    static func saveReport(
        assignment assignmentID: UUID, period periodID: UUID, values: FollowUpReportValues, action: ReportAction,
        version: Int, attachment: AnswerStore.NewAttachment? = nil, example: Bool = false, reporter: Reporter,
        on db: any Database
    ) async throws -> Int {
        guard let assignment = try await Assignment.find(assignmentID, on: db),
            let period = try await FollowUpPeriod.find(periodID, on: db)
        else { throw Abort(.notFound, reason: "No such assignment or period.") }
        var problems: [FollowUpProblem] = []
        if !reporter.mayReport(for: assignment.body) {
            problems.append(.init(field: "body", .notYourBody(assignment.body)))
        }
        if period.year != assignment.budgetYear || assignment.$endedBy.id != nil {
            problems.append(
                .init(
                    field: "period", .notAssigned(measure: assignment.measure, body: assignment.body, year: period.year)
                ))
        }
        if (action == .publish || action == .returnToDraft) && !reporter.isAdmin {
            problems.append(.init(field: "action", .onlyAdminsPublish))
        }
        var fileType: String?
        if let attachment {
            switch AnswerStore.attachmentType(attachment) {
            case .success(let type): fileType = type
            case .failure(let problem):
                problems.append(.init(field: "attachment", .attachment(problem.text(Texts(.en)))))
            }
        }
        if !problems.isEmpty { throw FollowUpProblems(problems) }
        let type = fileType
        return try await CatalogueEditor.transaction(on: db) { tx -> Int in
            let sql = try tx.sql()
            // One moment for the report, its publication and its attachment: a file sent with
            // "publish" belongs to that publication and is public with it.
            let now = Date()
            let report: FollowUpReport
            if let existing = try await FollowUpReport.query(on: tx).filter(\.$assignment.$id == assignmentID)
                .filter(\.$period.$id == periodID).first()
            {
                let id = try existing.requireID()
                // Claim the version the editor saw: a second editor's older form is refused, not merged.
                try await sql.update(FollowUpReport.schema).set("version", to: SQLColumn("version"))
                    .where("id", .equal, SQLBind(id)).where("version", .equal, SQLBind(version)).run()
                guard let fresh = try await FollowUpReport.find(id, on: tx) else { throw Abort(.notFound) }
                guard fresh.version == version else { throw Conflict(stored: fresh.version) }
                report = fresh
            } else {
                guard version == 0 else { throw Conflict(stored: 0) }
                guard action != .returnToDraft else {
                    throw FollowUpProblems([.init(field: "action", .required)])
                }
                report = FollowUpReport()
                report.$assignment.id = assignmentID
                report.$period.id = periodID
                report.revision = 0
                report.version = 0
                report.example = example
            }
            if action != .returnToDraft {
                report.status = values.status.rawValue
                report.progress = values.progress
                report.narrative = values.narrative
                report.spentOre = values.spent?.ore
                report.indicators = jsonList(values.indicators)
            }
            switch action {
            case .save, .returnToDraft: report.state = ReportState.draft.rawValue
            case .submit: report.state = ReportState.submitted.rawValue
            case .publish:
                report.state = ReportState.published.rawValue
                report.revision += 1
            }
            report.version += 1
            report.updatedAt = now
            report.updatedBy = reporter.actor.label
            try await report.save(on: tx)
            let reportID = try report.requireID()
            if action == .publish {
                let p = FollowUpPublication()
                p.$report.id = reportID
                p.revision = report.revision
                p.status = report.status
                p.progress = report.progress
                p.narrative = report.narrative
                p.spentOre = report.spentOre
                p.indicators = report.indicators
                p.publishedAt = now
                p.publishedBy = reporter.actor.label
                try await p.create(on: tx)
            }
            if let attachment, let type {
                let f = FollowUpAttachment()
                f.$report.id = reportID
                f.filename = attachment.filename
                f.contentType = type
                f.size = attachment.data.count
                f.data = attachment.data
                f.addedAt = now
                try await f.create(on: tx)
            }
            try await Audit.record(
                action.rawValue, objectType: "followUpReport",
                objectID: "\(period.slug)/\(assignment.measure)/\(assignment.body)",
                by: reporter.actor, on: tx)
            try await CatalogueState.advance(on: tx)
            return report.version
        }
    }

    static func jsonList(_ list: [String]) -> String {
        (try? String(data: JSONEncoder().encode(list), encoding: .utf8)) ?? "[]"
    }

    static func list(_ json: String?) -> [String] {
        guard let data = json?.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }
}

// MARK: The social investment fund

extension FollowUpStore {
    /// A fund project as recorded.
    struct FundProjectValues: Sendable, Equatable {
        var slug: String
        var title: String
        var titleEn: String?
        var body: String
        var measures: [String]
        var startYear: Int
        var endYear: Int
        var grants: [Int: SwedishAmount]
        var expectedEffects: String?
        var evaluationPlan: String?
        var evaluation: String?
        var evaluatedOn: Day?
        var example: Bool = false
    }

    static func saveFundYear(
        year: Int, capital: SwedishAmount, note: String?, by actor: AuditActor, on db: any Database
    ) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let row = try await FundYear.find(year, on: tx) ?? FundYear()
            row.id = year
            row.capitalOre = capital.ore
            row.note = note
            try await row.save(on: tx)
            try await Audit.record("update", objectType: "fundYear", objectID: String(year), by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
        }
    }

    /// Creates or replaces a project (by slug) with its grants per year.
    static func saveFundProject(_ v: FundProjectValues, by actor: AuditActor, on db: any Database) async throws {
        try await CatalogueEditor.transaction(on: db) { tx in
            let row = try await FundProject.query(on: tx).filter(\.$slug == v.slug).first() ?? FundProject()
            let created = row.id == nil
            row.slug = v.slug
            row.title = v.title
            row.titleEn = v.titleEn
            row.body = v.body
            row.measures = jsonList(v.measures)
            row.startYear = v.startYear
            row.endYear = v.endYear
            row.expectedEffects = v.expectedEffects
            row.evaluationPlan = v.evaluationPlan
            row.evaluation = v.evaluation
            row.evaluatedOn = v.evaluatedOn?.description
            row.example = v.example
            try await row.save(on: tx)
            let projectID = try row.requireID()
            try await FundGrant.query(on: tx).filter(\.$project.$id == projectID).delete()
            for (year, amount) in v.grants.sorted(by: { $0.key < $1.key }) {
                let grant = FundGrant()
                grant.$project.id = projectID
                grant.year = year
                grant.amountOre = amount.ore
                try await grant.create(on: tx)
            }
            try await Audit.record(
                created ? "create" : "update", objectType: "fundProject", objectID: v.slug, by: actor, on: tx)
            try await CatalogueState.advance(on: tx)
        }
    }
}
