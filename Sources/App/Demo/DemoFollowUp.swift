import Fluent
import Foundation
import SkillnadCore

/// The follow-up demo (`Resources/Demo/follow-up.json`), loaded through `FollowUpStore` as an
/// official would record it: the budget years 2017–2019 as the city's records state them (no
/// date or diary number, since the sources give none), and example decisions, periods, reports
/// (some published, one corrected, one submitted, one draft) and the social investment fund, each
/// marked as an example and saying "Exempel" so that no reader takes it for a record.
enum DemoFollowUp {
    /// The file's shape: amounts, progress and years as text, read by the same checks as a form.
    struct File: Decodable {
        struct BudgetYearEntry: Decodable {
            var year: Int
            var title: String
            var decidingBody: String
            var decidedOn: Day?
            var diaryNumber: String?
            var example: Bool?
        }

        struct DecisionEntry: Decodable {
            var budgetYear: Int
            var measure: String
            var kind: String
            var decidedOn: String
            var decidingBody: String
            var diaryNumber: String?
            var bodies: [String]?
            var text: String?
            var amount: String?
            var funding: String?
            var postponedTo: String?
        }

        /// One save of a report: its action and the values typed.
        struct Revision: Decodable {
            var action: String
            var status: String
            var progress: String?
            var narrative: String?
            var spent: String?
            var indicators: [String]?
        }

        struct ReportEntry: Decodable {
            var period: String
            var measure: String
            var body: String
            var revisions: [Revision]
        }

        struct CapitalEntry: Decodable {
            var year: Int
            var amount: String
            var note: String?
        }

        struct ProjectEntry: Decodable {
            var slug: String
            var title: String
            var titleEn: String?
            var body: String
            var measures: [String]
            var startYear: Int
            var endYear: Int
            /// Amount per year, keyed by the year.
            var grants: [String: String]
            var expectedEffects: String?
            var evaluationPlan: String?
            var evaluation: String?
            var evaluatedOn: Day?
        }

        struct Fund: Decodable {
            var capital: [CapitalEntry]
            var projects: [ProjectEntry]
        }

        var budgetYears: [BudgetYearEntry]
        var periodYears: [Int]
        var decisions: [DecisionEntry]
        var reports: [ReportEntry]
        var fund: Fund
    }

    /// A problem in the bundled file, named by its entry.
    struct FileError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = "follow-up.json: " + description }
    }

    static let actor = AuditActor.system("demo")
    static var url: URL { StaticFiles.resources.appendingPathComponent("Demo/follow-up.json") }

    /// Loads the demo follow-up when the database has no budget year; nil when it has one, or
    /// when the catalogue is not the demo's (a measure or body the file names is missing).
    static func load(on db: any Database) async throws -> String? {
        guard try await BudgetYear.query(on: db).count() == 0 else { return nil }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let named = file.decisions.map(\.measure) + file.reports.map(\.measure)
        guard named.allSatisfy({ index.measureByPublicID[$0] != nil }) else { return nil }
        for entry in file.budgetYears {
            try await FollowUpStore.saveBudgetYear(
                year: entry.year, title: entry.title, decidedOn: entry.decidedOn, decidingBody: entry.decidingBody,
                diaryNumber: entry.diaryNumber, example: entry.example ?? false, by: actor, on: db)
        }
        let periods = file.periodYears.flatMap(FollowUpStore.stockholmPeriods)
        try await FollowUpStore.savePeriods(periods, by: actor, on: db)
        let deadlines = Dictionary(periods.map { ($0.slug, $0.deadline) }, uniquingKeysWith: { first, _ in first })
        // In the order things happen: a report is filed by its period's deadline, so one filed
        // before a change of body is on the body that had the assignment then.
        let decisions = try file.decisions.enumerated().map { number, entry in
            (values: try decision(entry, number: number + 1), number: number)
        }.sorted { ($0.values.decidedOn, $0.number) < ($1.values.decidedOn, $1.number) }
        let reports = try file.reports.enumerated().map { number, entry in
            guard let deadline = deadlines[entry.period] else {
                throw FileError("report \(number + 1) names the period \(entry.period), which the file does not make")
            }
            return (entry: entry, deadline: deadline, number: number)
        }.sorted { ($0.deadline, $0.number) < ($1.deadline, $1.number) }
        var filed = 0
        var revisions = 0
        for decision in decisions {
            while filed < reports.count && reports[filed].deadline < decision.values.decidedOn {
                revisions += try await save(reports[filed].entry, number: reports[filed].number + 1, on: db)
                filed += 1
            }
            try await FollowUpStore.recordDecision(decision.values, example: true, index: index, by: actor, on: db)
        }
        for report in reports[filed...] {
            revisions += try await save(report.entry, number: report.number + 1, on: db)
        }
        for entry in file.fund.capital {
            try await FollowUpStore.saveFundYear(
                year: entry.year, capital: try amount(entry.amount, "fund capital \(entry.year)"), note: entry.note,
                by: actor, on: db)
        }
        for entry in file.fund.projects {
            var grants: [Int: SwedishAmount] = [:]
            for (year, text) in entry.grants {
                guard let y = Int(year) else { throw FileError("fund project \(entry.slug): the year \(year)") }
                grants[y] = try amount(text, "fund project \(entry.slug), \(year)")
            }
            try await FollowUpStore.saveFundProject(
                .init(
                    slug: entry.slug, title: entry.title, titleEn: entry.titleEn, body: entry.body,
                    measures: entry.measures, startYear: entry.startYear, endYear: entry.endYear, grants: grants,
                    expectedEffects: entry.expectedEffects, evaluationPlan: entry.evaluationPlan,
                    evaluation: entry.evaluation, evaluatedOn: entry.evaluatedOn, example: true),
                by: actor, on: db)
        }
        return "Follow-up: \(file.budgetYears.count) budget years, \(periods.count) periods, "
            + "\(file.decisions.count) example decisions, \(file.reports.count) example reports "
            + "(\(revisions) saves), \(file.fund.projects.count) example fund projects."
    }

    static func decision(_ entry: File.DecisionEntry, number: Int) throws -> BudgetDecisionValues {
        switch BudgetDecisionValues.read(
            budgetYear: String(entry.budgetYear), measure: entry.measure, kind: entry.kind,
            decidedOn: entry.decidedOn, decidingBody: entry.decidingBody, diaryNumber: entry.diaryNumber,
            bodies: entry.bodies ?? [], text: entry.text, amount: entry.amount, funding: entry.funding,
            postponedTo: entry.postponedTo)
        {
        case .success(let values): return values
        case .failure(let problems): throw FileError("decision \(number): \(problems)")
        }
    }

    static func amount(_ text: String, _ what: String) throws -> SwedishAmount {
        switch SwedishAmount.parse(text) {
        case .success(let value): return value
        case .failure(let problem): throw FileError("\(what): \(problem)")
        }
    }

    /// Saves a report's revisions in turn, each from the version the one before left; returns
    /// how many. A published report is dated as if published by its period's deadline, a
    /// correction a week later for each revision, so its history reads as the year went.
    static func save(_ entry: File.ReportEntry, number: Int, on db: any Database) async throws -> Int {
        guard let period = try await FollowUpPeriod.query(on: db).filter(\.$slug == entry.period).first(),
            let year = Int(entry.period.prefix(4)),
            let assignment = try await Assignment.query(on: db).filter(\.$budgetYear == year)
                .filter(\.$measure == entry.measure).filter(\.$body == entry.body).filter(\.$endedBy.$id == nil)
                .first()
        else {
            throw FileError("report \(number): \(entry.body) has no assignment on \(entry.measure) in \(entry.period)")
        }
        var version = 0
        for revision in entry.revisions {
            guard let action = FollowUpStore.ReportAction(rawValue: revision.action) else {
                throw FileError("report \(number): the action \(revision.action)")
            }
            let values: FollowUpReportValues
            switch FollowUpReportValues.read(
                status: revision.status, progress: revision.progress, narrative: revision.narrative,
                spent: revision.spent, indicators: revision.indicators ?? [], knownIndicators: nil)
            {
            case .success(let read): values = read
            case .failure(let problems): throw FileError("report \(number): \(problems)")
            }
            version = try await FollowUpStore.saveReport(
                assignment: try assignment.requireID(), period: try period.requireID(), values: values,
                action: action, version: version, example: true, reporter: .system("demo"), on: db)
        }
        try await backdate(assignment: try assignment.requireID(), period: period, on: db)
        return entry.revisions.count
    }

    static func backdate(assignment: UUID, period: FollowUpPeriod, on db: any Database) async throws {
        guard
            let report = try await FollowUpReport.query(on: db).filter(\.$assignment.$id == assignment)
                .filter(\.$period.$id == period.requireID()).first(),
            let deadline = Day(period.deadline),
            let noon = DateComponents(
                calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "Europe/Stockholm"),
                year: deadline.year, month: deadline.month, day: deadline.day, hour: 12
            ).date
        else { return }
        let publications = try await FollowUpPublication.query(on: db).filter(\.$report.$id == report.requireID())
            .all()
        for publication in publications {
            publication.publishedAt = noon.addingTimeInterval(Double(publication.revision - 1) * 7 * 86_400)
            try await publication.save(on: db)
        }
        report.updatedAt = publications.map(\.publishedAt).max() ?? noon
        try await report.save(on: db)
    }
}
