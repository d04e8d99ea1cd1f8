import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// The follow-up at city scale, for benchmarks (part of `skillnad demo --scale city`): 10 budget
/// years (2017–2026) with Stockholm's 3 periods each; every generated measure taken up, assigned
/// to a body year after year from its first budget year (some postponed, rejected or kept in
/// ordinary operations first, some financed, some moved to another body), about 20,000 follow-up
/// reports (mostly published, some submitted or drafts, a few corrected), and fund projects.
/// Planned in memory and deterministic (`CityScale.Random`), then written with multi-row INSERTs
/// in one transaction, since tens of thousands of Fluent creates one by one would take minutes.
/// Everything is named "Genererad …" and marked as an example.
enum CityScaleFollowUp {
    static let firstYear = 2017, years = 10, fundProjects = 20
    static var lastYear: Int { firstYear + years - 1 }
    static let narrative = "Genererad rapport för prestandamätning."

    /// A generated measure: its public id and the year of the report that proposed it (no
    /// decision on it is dated before that year).
    struct Measure: Sendable {
        var id: String
        var reportYear: Int
    }

    /// What the generator writes, rows as planned.
    struct Plan: Sendable {
        struct Decision: Sendable {
            var id = UUID()
            var year: Int
            var measure: String
            var kind: BudgetDecisionKind
            var decidedOn: Day
            var bodies: [String] = []
            var text: String
            var amountOre: Int64?
            var funding: FundingSource?
            var postponedTo: Int?
        }

        struct Assignment: Sendable {
            var id = UUID()
            var year: Int
            var measure: String
            var body: String
            var decision: UUID
            var endedBy: UUID?
        }

        struct Report: Sendable {
            var id = UUID()
            var assignment: UUID
            /// The period's slug.
            var period: String
            var status: FollowUpStatus
            var progress: Int
            var spentOre: Int64?
            var state: ReportState
            /// How many times it was published (each one a publication).
            var revision: Int
        }

        struct Project: Sendable {
            var id = UUID()
            var slug: String
            var title: String
            var body: String
            var measure: String
            var startYear: Int
            var grants: [(year: Int, amountOre: Int64)]
        }

        var decisions: [Decision] = []
        var assignments: [Assignment] = []
        var reports: [Report] = []
        var projects: [Project] = []
        var publications: Int { reports.reduce(0) { $0 + $1.revision } }
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day) ?? .epoch }

    /// The rows for `measures` assigned among `bodies`, the same on every run.
    static func plan(measures: [Measure], bodies: [String]) -> Plan {
        var rng = CityScale.Random(state: 2014)
        var plan = Plan()
        guard !bodies.isEmpty else { return plan }
        let kinds = ["t1", "t2", "annual"]
        for (number, measure) in measures.enumerated() {
            let earliest = max(firstYear, measure.reportYear + 1)
            let start = min(lastYear, earliest + number % 4)
            func other(than body: String) -> String {
                let here = bodies.firstIndex(of: body) ?? 0
                return bodies[(here + 1 + rng.next(max(1, bodies.count - 1))) % bodies.count]
            }
            let lead = bodies[rng.next(bodies.count)]
            // Every other measure is given to two bodies.
            var team = number % 2 == 0 ? [lead, other(than: lead)] : [lead]
            func decision(_ year: Int, _ kind: BudgetDecisionKind, on decided: Day? = nil, _ text: String) -> UUID {
                let d = Plan.Decision(
                    year: year, measure: measure.id, kind: kind, decidedOn: decided ?? day(year - 1, 11, 28),
                    text: text)
                plan.decisions.append(d)
                return d.id
            }
            if start > earliest {
                switch number % 4 {
                case 1:
                    _ = decision(earliest, .postponed, "Genererat beslut: skjuts upp.")
                    plan.decisions[plan.decisions.count - 1].postponedTo = start
                case 2: _ = decision(earliest, .ordinaryOperations, "Genererat beslut: ordinarie verksamhet.")
                default: _ = decision(earliest, .rejected, "Genererat beslut: avslås i år.")
                }
            }
            _ = decision(start, .takenUp, "Genererat beslut: tas upp i budgeten.")
            if number % 3 == 0 {
                _ = decision(start, .financed, "Genererat beslut: finansieras.")
                plan.decisions[plan.decisions.count - 1].amountOre = Int64(1 + rng.next(50)) * 10_000_000
                plan.decisions[plan.decisions.count - 1].funding = FundingSource.allCases[number % 4]
            }
            let total = (lastYear - start + 1) * kinds.count
            for year in start...lastYear {
                let given = decision(year, .assigned, "Genererat uppdrag.")
                plan.decisions[plan.decisions.count - 1].bodies = team
                var changed: [String] = []
                for body in team {
                    var assignment = Plan.Assignment(year: year, measure: measure.id, body: body, decision: given)
                    for (p, kind) in kinds.enumerated() {
                        // Every 20th measure (given to one body) moves to another after T1 of its second year.
                        if p == 1 && year == start + 1 && number % 20 == 5 {
                            let next = other(than: body)
                            let change = decision(
                                year, .changedBody, on: day(year, 6, 15), "Genererat beslut: nytt ansvar.")
                            plan.decisions[plan.decisions.count - 1].bodies = [next]
                            assignment.endedBy = change
                            plan.assignments.append(assignment)
                            assignment = Plan.Assignment(year: year, measure: measure.id, body: next, decision: change)
                        }
                        let step = (year - start) * kinds.count + p + 1
                        let slug = "\(year)-\(kind == "annual" ? "vb" : kind)"
                        plan.reports.append(report(assignment.id, slug, step, total, &rng))
                    }
                    plan.assignments.append(assignment)
                    changed.append(assignment.body)
                }
                team = changed
            }
        }
        if !measures.isEmpty {
            for k in 0..<fundProjects {
                let measure = measures[k * measures.count / fundProjects].id
                guard let first = plan.assignments.first(where: { $0.measure == measure }) else { continue }
                plan.projects.append(
                    Plan.Project(
                        slug: "genererat-fondprojekt-\(k + 1)", title: "Genererat fondprojekt \(k + 1)",
                        body: first.body,
                        measure: measure, startYear: first.year,
                        grants: (0..<3).map { (first.year + $0, Int64(10 + rng.next(20)) * 10_000_000) }))
            }
        }
        return plan
    }

    /// A report at `step` of `total` periods: progress grows to 100 at the last; mostly published.
    static func report(
        _ assignment: UUID, _ period: String, _ step: Int, _ total: Int, _ rng: inout CityScale.Random
    ) -> Plan.Report {
        var progress = step * 100 / total
        var status: FollowUpStatus = progress == 100 ? .done : rng.next(8) == 0 ? .delayed : .inProgress
        if step == 1 && rng.next(4) == 0 {
            status = .notStarted
            progress = 0
        } else if status != .done && rng.next(200) == 0 {
            status = .cancelled
        }
        let roll = rng.next(100)
        let state: ReportState = roll < 88 ? .published : roll < 94 ? .submitted : .draft
        // A few published reports were corrected once; half the drafts correct a published one.
        let revision =
            state == .published ? (rng.next(20) == 0 ? 2 : 1) : state == .draft && rng.next(2) == 0 ? 1 : 0
        let spent = status == .notStarted ? nil : Int64(rng.next(2_000)) * 100_000
        return Plan.Report(
            assignment: assignment, period: period, status: status, progress: progress, spentOre: spent,
            state: state, revision: revision)
    }

    /// The follow-up of the generated reports' measures (`genererad-rapport-…`), among `bodies`.
    static func load(index: CatalogueIndex, bodies: [String], on db: any Database) async throws -> String {
        let measures = (1...CityScale.reports).flatMap { r in
            let report = "genererad-rapport-\(r)"
            let year = index.reportByID[report]?.year ?? firstYear
            return (index.publicIDsByReport[report] ?? []).map { Measure(id: $0, reportYear: year) }
        }
        return try await load(measures: measures, bodies: bodies, on: db)
    }

    /// Writes the follow-up for `measures` unless it is there; a one-line summary.
    static func load(measures: [Measure], bodies: [String], on db: any Database) async throws -> String {
        if let first = measures.first,
            try await Assignment.query(on: db).filter(\.$measure == first.id).count() > 0
        {
            return "Follow-up already generated."
        }
        let plan = plan(measures: measures, bodies: bodies)
        try await db.transaction { tx in try await write(plan, on: tx) }
        return "Follow-up: \(years) budget years, \(years * 3) periods, \(plan.decisions.count) decisions, "
            + "\(plan.assignments.count) assignments, \(plan.reports.count) reports, "
            + "\(plan.publications) publications, \(plan.projects.count) fund projects."
    }

    static func write(_ plan: Plan, on tx: any Database) async throws {
        let sql = try tx.sql()
        let now = Date()
        let label = AuditActor.system("demo").label
        var yearIDs: [Int: UUID] = [:]
        for row in try await BudgetYear.query(on: tx).all() { yearIDs[row.year] = row.id }
        var newYears: [[any SQLExpression]] = []
        for year in firstYear...lastYear where yearIDs[year] == nil {
            let id = UUID()
            yearIDs[year] = id
            newYears.append([
                SQLBind(id), SQLBind(year), SQLBind("Genererad budget \(year)"),
                SQLBind(day(year - 1, 11, 28).description),
                SQLBind("kommunfullmaktige"), SQLBind(true), SQLBind(1),
            ])
        }
        try await insert(
            BudgetYear.schema, ["id", "year", "title", "decided_on", "deciding_body", "example", "version"], newYears,
            on: sql)
        var periodIDs: [String: UUID] = [:]
        for row in try await FollowUpPeriod.query(on: tx).all() { periodIDs[row.slug] = row.id }
        var newPeriods: [[any SQLExpression]] = []
        for p in (firstYear...lastYear).flatMap(FollowUpStore.stockholmPeriods) where periodIDs[p.slug] == nil {
            let id = UUID()
            periodIDs[p.slug] = id
            newPeriods.append([
                SQLBind(id), SQLBind(p.slug), SQLBind(p.year), SQLBind(p.kind), SQLBind(p.name), SQLBind(p.nameEn),
                SQLBind(p.asOf.description), SQLBind(p.deadline.description),
            ])
        }
        try await insert(
            FollowUpPeriod.schema, ["id", "slug", "year", "kind", "name", "name_en", "as_of", "deadline"], newPeriods,
            on: sql)
        try await insert(
            BudgetDecision.schema,
            [
                "id", "budget_year_id", "measure", "kind", "decided_on", "deciding_body", "bodies", "text",
                "amount_ore", "funding", "postponed_to", "example", "recorded_at", "recorded_by",
            ],
            try plan.decisions.map { d in
                guard let yearID = yearIDs[d.year] else { throw CatalogueCommandError("no budget year \(d.year)") }
                return [
                    SQLBind(d.id), SQLBind(yearID), SQLBind(d.measure), SQLBind(d.kind.rawValue),
                    SQLBind(d.decidedOn.description), SQLBind("kommunfullmaktige"),
                    SQLBind(FollowUpStore.jsonList(d.bodies)), SQLBind(d.text), SQLBind(d.amountOre),
                    SQLBind(d.funding?.rawValue), SQLBind(d.postponedTo), SQLBind(true), SQLBind(now), SQLBind(label),
                ]
            }, on: sql)
        try await insert(
            Assignment.schema, ["id", "budget_year", "measure", "body", "decision_id", "text", "weight", "ended_by"],
            plan.assignments.map { a in
                [
                    SQLBind(a.id), SQLBind(a.year), SQLBind(a.measure), SQLBind(a.body), SQLBind(a.decision),
                    SQLBind("Genererat uppdrag."), SQLBind(1.0), SQLBind(a.endedBy),
                ]
            }, on: sql)
        try await insert(
            FollowUpReport.schema,
            [
                "id", "assignment_id", "period_id", "status", "progress", "narrative", "spent_ore", "indicators",
                "state", "revision", "example", "updated_at", "updated_by", "version",
            ],
            try plan.reports.map { r in
                guard let periodID = periodIDs[r.period] else { throw CatalogueCommandError("no period \(r.period)") }
                return [
                    SQLBind(r.id), SQLBind(r.assignment), SQLBind(periodID), SQLBind(r.status.rawValue),
                    SQLBind(r.progress), SQLBind(narrative), SQLBind(r.spentOre), SQLBind("[]"),
                    SQLBind(r.state.rawValue), SQLBind(r.revision), SQLBind(true), SQLBind(now), SQLBind(label),
                    SQLBind(1 + r.revision),
                ]
            }, on: sql)
        var publications: [[any SQLExpression]] = []
        for r in plan.reports where r.revision > 0 {
            for revision in 1...r.revision {
                // A correction was published after an earlier status: one step of progress less.
                let older = revision < r.revision
                let status = older && r.status == .done ? FollowUpStatus.inProgress : r.status
                publications.append([
                    SQLBind(r.id), SQLBind(revision), SQLBind(status.rawValue),
                    SQLBind(older ? max(0, r.progress - 10) : r.progress), SQLBind(narrative), SQLBind(r.spentOre),
                    SQLBind("[]"), SQLBind(now), SQLBind(label),
                ])
            }
        }
        try await insert(
            FollowUpPublication.schema,
            [
                "report_id", "revision", "status", "progress", "narrative", "spent_ore", "indicators", "published_at",
                "published_by",
            ],
            publications, on: sql)
        var fundYears = Set(try await FundYear.query(on: tx).all().compactMap(\.id))
        var capital: [[any SQLExpression]] = []
        for year in firstYear...lastYear where fundYears.insert(year).inserted {
            capital.append([SQLBind(year), SQLBind(Int64(5_000_000_000)), SQLBind("Genererat kapital.")])
        }
        try await insert(FundYear.schema, ["year", "capital_ore", "note"], capital, on: sql)
        try await insert(
            FundProject.schema,
            ["id", "slug", "title", "body", "measures", "start_year", "end_year", "expected_effects", "example"],
            plan.projects.map { p in
                [
                    SQLBind(p.id), SQLBind(p.slug), SQLBind(p.title), SQLBind(p.body),
                    SQLBind(FollowUpStore.jsonList([p.measure])), SQLBind(p.startYear), SQLBind(p.startYear + 2),
                    SQLBind("Genererade förväntade effekter."), SQLBind(true),
                ]
            }, on: sql)
        try await insert(
            FundGrant.schema, ["project_id", "year", "amount_ore"],
            plan.projects.flatMap { p in p.grants.map { [SQLBind(p.id), SQLBind($0.year), SQLBind($0.amountOre)] } },
            on: sql)
        try await CatalogueState.advance(on: tx)
    }

    /// Multi-row INSERTs, as many rows a statement as keep the binds under SQLite's and
    /// PostgreSQL's limits.
    static func insert(
        _ table: String, _ columns: [String], _ rows: [[any SQLExpression]], on sql: any SQLDatabase
    ) async throws {
        let perStatement = max(1, 20_000 / max(1, columns.count))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            try await sql.insert(into: table).columns(columns).rows(Array(rows[start..<end])).run()
            start = end
        }
    }
}
