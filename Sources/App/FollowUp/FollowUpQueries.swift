import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// The reads of the follow-up (uppföljning) that pages and the API share: budget years, periods,
/// decisions, assignments with their latest published report, and the roll-ups. Only published
/// revisions (`FollowUpPublication`) are read as reports; a draft never leaves the database here.
/// Each read is one query, or a handful, however many reports there are.
enum FollowUpQueries {
    struct BudgetYearRow: Sendable, Equatable {
        let id: UUID
        let year: Int
        let title: String
        let decidedOn: String?
        let decidingBody: String
        let diaryNumber: String?
        let example: Bool
    }

    struct Period: Sendable, Equatable {
        let id: UUID
        let slug: String
        let year: Int
        let kind: String
        let name: String
        let nameEn: String?
        /// The day the report describes.
        let asOf: String
        let deadline: String
    }

    struct Decision: Sendable {
        let id: UUID
        let budgetYear: Int
        let measure: String
        let kind: BudgetDecisionKind?
        let rawKind: String
        let decidedOn: String
        let decidingBody: String
        let diaryNumber: String?
        let bodies: [String]
        let text: String?
        let amount: SwedishAmount?
        let funding: FundingSource?
        let postponedTo: Int?
        let weight: Double?
        let example: Bool
        let recordedAt: Date
    }

    /// A published revision of a report: what the public reads.
    struct Publication: Sendable, Equatable {
        let periodID: UUID
        let status: FollowUpStatus
        let progress: Int
        let revision: Int
        let narrative: String?
        let spentOre: Int64?
        let indicators: [String]
    }

    /// An assignment (uppdrag) with its reports: the working copy's state per period (whether the
    /// body has handed it in; never its content) and the latest publication per period.
    struct AssignmentReports: Sendable {
        let id: UUID
        let budgetYear: Int
        let measure: String
        let body: String
        let text: String?
        let weight: Double
        /// Moved to another body by a decision (`changedBody`).
        let ended: Bool
        /// The day of the decision that gave the assignment, and of the one that moved it.
        var assignedOn: String = ""
        var endedOn: String?
        /// The measure's weight in its budget year relative to the other measures of a group (a
        /// report, a strategy, the year): the latest decision that set one, else 1.
        var measureWeight: Double = 1
        var states: [UUID: ReportState] = [:]
        var published: [UUID: Publication] = [:]

        /// Whether the body held the assignment on the day the period describes: given before it,
        /// and not yet moved to another body. A body is not late for a period before its assignment.
        func covers(_ period: Period) -> Bool {
            assignedOn <= period.asOf && (endedOn.map { $0 > period.asOf } ?? true)
        }

        /// The latest published report among `periods` (ordered oldest first).
        func latest(in periods: [Period]) -> (period: Period, publication: Publication)? {
            for period in periods.reversed() {
                if let p = published[period.id] { return (period, p) }
            }
            return nil
        }

        /// Submitted or published: the body has done its part.
        func handedIn(_ period: UUID) -> Bool {
            published[period] != nil || states[period] == .submitted || states[period] == .published
        }
    }

    // MARK: Reads

    static func budgetYears(on db: any Database) async throws -> [BudgetYearRow] {
        try await BudgetYear.query(on: db).sort(\.$year).all().compactMap { y in
            guard let id = y.id else { return nil }
            return BudgetYearRow(
                id: id, year: y.year, title: y.title, decidedOn: y.decidedOn, decidingBody: y.decidingBody,
                diaryNumber: y.diaryNumber, example: y.example)
        }
    }

    /// Every period, oldest first (by year, then the day it describes).
    static func periods(on db: any Database) async throws -> [Period] {
        try await FollowUpPeriod.query(on: db).all().compactMap { p in
            guard let id = p.id else { return nil }
            return Period(
                id: id, slug: p.slug, year: p.year, kind: p.kind, name: p.name, nameEn: p.nameEn, asOf: p.asOf,
                deadline: p.deadline)
        }
        .sorted { ($0.year, $0.asOf, $0.slug) < ($1.year, $1.asOf, $1.slug) }
    }

    /// Which assignments to read.
    enum Scope: Sendable {
        case year(Int)
        case measure(String)
        case body(String)
    }

    /// Assignments with their reports' states and latest publications, in one query: assignments
    /// joined to their reports and to the publication whose revision is the report's (the latest;
    /// a correction in progress keeps the revision it corrects). Ordered by year, measure, body.
    static func assignments(_ scope: Scope, withText: Bool = false, on db: any Database) async throws
        -> [AssignmentReports]
    {
        let text = withText ? ", p.narrative AS narrative, p.spent_ore AS spent_ore, p.indicators AS indicators" : ""
        let condition: SQLQueryString
        switch scope {
        case .year(let year): condition = "a.budget_year = \(bind: year)"
        case .measure(let measure): condition = "a.measure = \(bind: measure)"
        case .body(let body): condition = "a.body = \(bind: body)"
        }
        let query: SQLQueryString = """
            SELECT a.id AS id, a.budget_year AS budget_year, a.measure AS measure, a.body AS body, a.text AS text,
                   a.weight AS weight, a.ended_by AS ended_by, ad.decided_on AS assigned_on, ed.decided_on AS ended_on,
                   r.period_id AS period_id, r.state AS state,
                   p.status AS status, p.progress AS progress, p.revision AS revision\(unsafeRaw: text)
            FROM assignments a
            LEFT JOIN budget_decisions ad ON ad.id = a.decision_id
            LEFT JOIN budget_decisions ed ON ed.id = a.ended_by
            LEFT JOIN follow_up_reports r ON r.assignment_id = a.id
            LEFT JOIN follow_up_publications p ON p.report_id = r.id AND p.revision = r.revision
            WHERE \(condition)
            ORDER BY a.budget_year, a.measure, a.body
            """
        let rows = try await db.sql().raw(query).all()
        var out: [AssignmentReports] = []
        var position: [UUID: Int] = [:]
        for row in rows {
            let id: UUID = try row.value("id")
            if position[id] == nil {
                position[id] = out.count
                out.append(
                    AssignmentReports(
                        id: id, budgetYear: try row.value("budget_year"), measure: try row.value("measure"),
                        body: try row.value("body"), text: try row.optional("text"), weight: try row.value("weight"),
                        ended: try row.optional("ended_by", as: UUID.self) != nil,
                        assignedOn: try row.optional("assigned_on") ?? "", endedOn: try row.optional("ended_on")))
            }
            guard let at = position[id], let period = try row.optional("period_id", as: UUID.self) else { continue }
            if let state = try row.optional("state", as: String.self).flatMap(ReportState.init(rawValue:)) {
                out[at].states[period] = state
            }
            guard let raw = try row.optional("status", as: String.self), let status = FollowUpStatus(rawValue: raw)
            else { continue }
            out[at].published[period] = Publication(
                periodID: period, status: status, progress: try row.value("progress"),
                revision: try row.value("revision"),
                narrative: withText ? try row.optional("narrative") : nil,
                spentOre: withText ? try row.optional("spent_ore") : nil,
                indicators: withText ? FollowUpStore.list(try row.optional("indicators")) : [])
        }
        let weights = try await measureWeights(on: db)
        for at in out.indices {
            out[at].measureWeight = weights["\(out[at].budgetYear) \(out[at].measure)"] ?? 1
        }
        return out
    }

    /// The measures' weights by "year measure": only decisions that set one (few), the latest wins.
    static func measureWeights(on db: any Database) async throws -> [String: Double] {
        let rows = try await db.sql().raw(
            """
            SELECT y.year AS year, d.measure AS measure, d.weight AS weight
            FROM budget_decisions d JOIN budget_years y ON y.id = d.budget_year_id
            WHERE d.weight IS NOT NULL
            ORDER BY d.decided_on, d.recorded_at
            """
        ).all()
        var weights: [String: Double] = [:]
        for row in rows {
            let year: Int = try row.value("year")
            let measure: String = try row.value("measure")
            weights["\(year) \(measure)"] = try row.value("weight")
        }
        return weights
    }

    static func decisions(measure: String, on db: any Database) async throws -> [Decision] {
        try await decisions(BudgetDecision.query(on: db).filter(\.$measure == measure), on: db)
    }

    static func decisions(year: Int, on db: any Database) async throws -> [Decision] {
        guard let yearID = try await BudgetYear.query(on: db).filter(\.$year == year).first()?.id else { return [] }
        return try await decisions(BudgetDecision.query(on: db).filter(\.$budgetYear.$id == yearID), on: db)
    }

    static func decision(_ id: UUID, on db: any Database) async throws -> Decision? {
        try await decisions(BudgetDecision.query(on: db).filter(\.$id == id), on: db).first
    }

    /// Decisions in the order they were taken (date, then the order they were recorded).
    private static func decisions(_ query: QueryBuilder<BudgetDecision>, on db: any Database) async throws
        -> [Decision]
    {
        let years = Dictionary(
            try await budgetYears(on: db).map { ($0.id, $0.year) }, uniquingKeysWith: { first, _ in first })
        return try await query.all().compactMap { d -> Decision? in
            guard let id = d.id else { return nil }
            return Decision(
                id: id, budgetYear: years[d.$budgetYear.id] ?? 0, measure: d.measure,
                kind: BudgetDecisionKind(rawValue: d.kind), rawKind: d.kind, decidedOn: d.decidedOn,
                decidingBody: d.decidingBody, diaryNumber: d.diaryNumber, bodies: FollowUpStore.list(d.bodies),
                text: d.text, amount: d.amountOre.map(SwedishAmount.init(ore:)),
                funding: d.funding.flatMap(FundingSource.init(rawValue:)), postponedTo: d.postponedTo,
                weight: d.weight, example: d.example, recordedAt: d.recordedAt)
        }
        .sorted { ($0.decidedOn, $0.recordedAt) < ($1.decidedOn, $1.recordedAt) }
    }

    /// The year the overview opens on: the latest budget year that has periods.
    static func defaultYear(periods: [Period]) -> Int? { periods.map(\.year).max() }

    // MARK: Roll-ups

    /// A roll-up with how many assignments have no published report yet (not weighed, not counted
    /// among the statuses).
    struct Rollup: Sendable {
        let rollup: ProgressRollup
        let unreported: Int
        let assignments: Int
        /// The measure's weight among its siblings when it is rolled up into a group.
        var weight: Double = 1
    }

    /// The leaf of an assignment: its latest published report among `periods`; nil when it has
    /// none or was moved to another body (the new body's assignment carries the measure on).
    static func leaf(_ a: AssignmentReports, periods: [Period]) -> ProgressRollup.Leaf? {
        guard !a.ended, let latest = a.latest(in: periods) else { return nil }
        return ProgressRollup.Leaf(
            progress: latest.publication.progress, status: latest.publication.status, weight: a.weight)
    }

    /// A measure's roll-up: its assignments weighed relative to each other.
    static func measureRollups(_ assignments: [AssignmentReports], periods: [Period]) -> [String: Rollup] {
        Dictionary(grouping: assignments.filter { !$0.ended }, by: \.measure).mapValues { list in
            let leaves = list.compactMap { leaf($0, periods: periods) }
            return Rollup(
                rollup: ProgressRollup(leaves), unreported: list.count - leaves.count, assignments: list.count,
                weight: list.first?.measureWeight ?? 1)
        }
    }

    /// Measures rolled up to a group (a report, a strategy, a target area, the year): each measure
    /// counts once at its weight relative to the others, whatever the number of its assignments.
    static func groupRollup(_ measures: [Rollup]) -> Rollup {
        Rollup(
            rollup: ProgressRollup(groups: measures.map { ($0.rollup, $0.weight) }),
            unreported: measures.reduce(0) { $0 + $1.unreported },
            assignments: measures.reduce(0) { $0 + $1.assignments })
    }

    /// A period's roll-up of the assignments that cover it, moved ones included: a report published
    /// before the body handed the measure on still counts for its period.
    static func periodRollup(_ assignments: [AssignmentReports], period: Period) -> Rollup {
        let covering = assignments.filter { $0.covers(period) }
        let leaves = covering.compactMap { a in
            a.published[period.id].map {
                ProgressRollup.Leaf(progress: $0.progress, status: $0.status, weight: a.weight)
            }
        }
        return Rollup(
            rollup: ProgressRollup(leaves), unreported: covering.count - leaves.count, assignments: covering.count)
    }

    /// A body's roll-up: its own assignments, each at its weight.
    static func bodyRollup(_ assignments: [AssignmentReports], periods: [Period]) -> Rollup {
        let active = assignments.filter { !$0.ended }
        let leaves = active.compactMap { leaf($0, periods: periods) }
        return Rollup(
            rollup: ProgressRollup(leaves), unreported: active.count - leaves.count, assignments: active.count)
    }

    // MARK: The fund

    struct FundYearRow: Sendable {
        let year: Int
        let capital: SwedishAmount
        let note: String?
    }

    struct FundProjectRow: Sendable {
        let id: UUID
        let slug: String
        let title: String
        let titleEn: String?
        let body: String
        let measures: [String]
        let startYear: Int
        let endYear: Int
        let expectedEffects: String?
        let evaluationPlan: String?
        let evaluation: String?
        let evaluatedOn: String?
        let example: Bool
        /// Granted per year, in year order.
        let grants: [(year: Int, amount: SwedishAmount)]
    }

    struct Fund: Sendable {
        let years: [FundYearRow]
        let projects: [FundProjectRow]

        func granted(in year: Int) -> SwedishAmount {
            SwedishAmount(
                ore: SwedishAmount.total(projects.flatMap(\.grants).filter { $0.year == year }.map(\.amount.ore)))
        }
    }

    static func fund(slug: String? = nil, on db: any Database) async throws -> Fund {
        let years = try await FundYear.query(on: db).sort(\.$id).all().compactMap { y in
            y.id.map { FundYearRow(year: $0, capital: SwedishAmount(ore: y.capitalOre), note: y.note) }
        }
        var query = FundProject.query(on: db).sort(\.$startYear).sort(\.$title)
        if let slug { query = query.filter(\.$slug == slug) }
        let projects = try await query.all()
        let ids = projects.compactMap(\.id)
        let grants = ids.isEmpty ? [] : try await FundGrant.query(on: db).filter(\.$project.$id ~~ ids).all()
        let byProject = Dictionary(grouping: grants, by: { $0.$project.id })
        return Fund(
            years: years,
            projects: projects.compactMap { p in
                guard let id = p.id else { return nil }
                return FundProjectRow(
                    id: id, slug: p.slug, title: p.title, titleEn: p.titleEn, body: p.body,
                    measures: FollowUpStore.list(p.measures), startYear: p.startYear, endYear: p.endYear,
                    expectedEffects: p.expectedEffects, evaluationPlan: p.evaluationPlan, evaluation: p.evaluation,
                    evaluatedOn: p.evaluatedOn, example: p.example,
                    grants: (byProject[id] ?? []).sorted { $0.year < $1.year }.map {
                        ($0.year, SwedishAmount(ore: $0.amountOre))
                    })
            })
    }

    // MARK: Indicators

    /// An indicator linked in a report, with its gap between areas (difference between the best-
    /// and the worst-off area at its finest summarised level) per period.
    struct IndicatorGap: Sendable {
        let code: String
        let name: String
        let nameEn: String?
        let unit: String
        let level: String?
        let gaps: [(period: String, difference: Double?)]
    }

    static func indicatorGaps(_ codes: [String], on db: any Database) async throws -> [IndicatorGap] {
        guard !codes.isEmpty else { return [] }
        let indicators = try await Indicator.query(on: db).filter(\.$code ~~ codes).all()
        var out: [IndicatorGap] = []
        for code in codes {
            guard let indicator = indicators.first(where: { $0.code == code }), let id = indicator.id else { continue }
            let summaries = try await IndicatorQueries.summaries(id, on: db)
            let level = IndicatorQueries.defaultLevel(Set(summaries.map(\.level)))
            out.append(
                IndicatorGap(
                    code: code, name: indicator.name, nameEn: indicator.nameEn, unit: indicator.unit, level: level,
                    gaps: summaries.filter { $0.level == level }.map { ($0.period, $0.difference) }))
        }
        return out
    }
}
