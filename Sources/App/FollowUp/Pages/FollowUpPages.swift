import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The follow-up's public pages: the overview and its print view, budget years and decisions, a
/// period, a body's assignments, the social investment fund. Everything is read inside the
/// renderer's `build`, so a page served from the cache reads nothing.
enum FollowUpPages {
    static func register(_ app: Application) throws {
        app.get(SiteURL.FollowUp.overview, use: overview)
        app.get(SiteURL.FollowUp.overviewPrint, use: overviewPrint)
        app.get(SiteURL.FollowUp.budgetYears, use: budgetYears)
        app.get(SiteURL.FollowUp.budgetYear(.key), use: budgetYear)
        app.get(SiteURL.FollowUp.decision(.key), use: decision)
        app.get(SiteURL.FollowUp.period(.key), use: period)
        app.get(SiteURL.FollowUp.body(.key), use: body)
        app.get(SiteURL.FollowUp.fund, use: fund)
        app.get(SiteURL.FollowUp.fundProject(.key), use: fundProject)
    }

    static func overview(_ req: Request) async throws -> Response {
        try await overviewPage(req, print: false)
    }

    /// The overview for paper (A4 landscape), cached like the screen page.
    static func overviewPrint(_ req: Request) async throws -> Response {
        try await overviewPage(req, print: true)
    }

    static func overviewPage(_ req: Request, print: Bool) async throws -> Response {
        let template = print ? "FollowUp/overview-print" : "FollowUp/overview"
        return try await PageRenderer.render(req, template: template) {
            index, lang -> PageContext<FollowUpOverviewPage>? in
            // A page of rows on screen; the print view has them all.
            let limit = print ? Int.max : try Paging.int(req, "limit", default: 100, range: 1...Paging.maxLimit)
            let offset = print ? 0 : try Paging.int(req, "offset", default: 0, range: 0...Int(Int32.max))
            let filters = try FollowUpOverviewPage.Filters.read(
                year: req.query[String.self, at: "year"], report: req.query[String.self, at: "report"],
                body: req.query[String.self, at: "body"], targetArea: req.query[String.self, at: "targetArea"],
                status: req.query[String.self, at: "status"], index: index)
            let periods = try await FollowUpQueries.periods(on: req.db)
            let years = try await FollowUpQueries.budgetYears(on: req.db)
            let year = filters.year ?? FollowUpQueries.defaultYear(periods: periods)
            var assignments: [FollowUpQueries.AssignmentReports] = []
            if let year { assignments = try await FollowUpQueries.assignments(.year(year), on: req.db) }
            return FollowUpOverviewPage.build(
                index, lang, filters: filters, periods: periods, assignments: assignments, budgetYears: years,
                print: print, today: today(), limit: limit, offset: offset)
        }
    }

    static func budgetYears(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "FollowUp/budget-years") {
            index, lang -> PageContext<BudgetYearsPage>? in
            let years = try await FollowUpQueries.budgetYears(on: req.db)
            struct Count: Decodable {
                let budget_year_id: UUID
                let n: Int
            }
            let counts = try await req.db.sql().raw(
                "SELECT budget_year_id, COUNT(*) AS n FROM budget_decisions GROUP BY budget_year_id"
            ).all(decoding: Count.self)
            let yearOf = Dictionary(years.map { ($0.id, $0.year) }, uniquingKeysWith: { first, _ in first })
            var byYear: [Int: Int] = [:]
            for c in counts { if let y = yearOf[c.budget_year_id] { byYear[y] = c.n } }
            return BudgetYearsPage.build(index, lang, years: years, decisionCounts: byYear)
        }
    }

    static func budgetYear(_ req: Request) async throws -> Response {
        let raw = try req.parameters.require(SiteURL.idKey)
        guard let number = Int(raw) else { throw Abort(.notFound, reason: "No budget year '\(raw.prefix(40))'.") }
        return try await PageRenderer.render(req, template: "FollowUp/budget-year") {
            index, lang -> PageContext<BudgetYearPage>? in
            guard let year = try await FollowUpQueries.budgetYears(on: req.db).first(where: { $0.year == number })
            else { return nil }
            let decisions = try await FollowUpQueries.decisions(year: number, on: req.db)
            let assignments = try await FollowUpQueries.assignments(.year(number), on: req.db)
            let periods = try await FollowUpQueries.periods(on: req.db)
            return BudgetYearPage.build(
                index, lang, year: year, decisions: decisions, assignments: assignments, periods: periods)
        }
    }

    static func decision(_ req: Request) async throws -> Response {
        let raw = try req.parameters.require(SiteURL.idKey)
        guard let id = UUID(uuidString: raw) else { throw Abort(.notFound, reason: "No decision '\(raw.prefix(40))'.") }
        return try await PageRenderer.render(req, template: "FollowUp/decision") {
            index, lang -> PageContext<DecisionPage>? in
            guard let decision = try await FollowUpQueries.decision(id, on: req.db) else { return nil }
            let others = try await FollowUpQueries.decisions(measure: decision.measure, on: req.db)
            let positions = try await ReferralStore.submittedPositions(on: decision.measure, on: req.db)
            return DecisionPage.build(index, lang, decision: decision, others: others, positions: positions)
        }
    }

    static func period(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require(SiteURL.FollowUp.periodKey)
        return try await PageRenderer.render(req, template: "FollowUp/period") {
            index, lang -> PageContext<FollowUpPeriodPage>? in
            guard let period = try await FollowUpQueries.periods(on: req.db).first(where: { $0.slug == slug }) else {
                return nil
            }
            let assignments = try await FollowUpQueries.assignments(.year(period.year), on: req.db)
            return FollowUpPeriodPage.build(index, lang, period: period, assignments: assignments, today: today())
        }
    }

    static func body(_ req: Request) async throws -> Response {
        let id = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "FollowUp/body") {
            index, lang -> PageContext<FollowUpBodyPage>? in
            guard index.bodyByID[id] != nil else { return nil }
            let section = try await BodyFollowUpSection.load(
                id, index: index, lang: lang, latestOnly: false, today: today(), on: req.db)
            let projects = try await BudgetFollowUp.items(responsible: id, index: index, today: today(), on: req.db)
            return FollowUpBodyPage.build(index, lang, body: id, section: section, budgetProjects: projects)
        }
    }

    static func fund(_ req: Request) async throws -> Response {
        try await PageRenderer.render(req, template: "FollowUp/fund") { index, lang in
            FundPage.build(index, lang, fund: try await FollowUpQueries.fund(on: req.db))
        }
    }

    static func fundProject(_ req: Request) async throws -> Response {
        let slug = try req.parameters.require(SiteURL.idKey)
        return try await PageRenderer.render(req, template: "FollowUp/fund-project") {
            index, lang -> PageContext<FundProjectPage>? in
            guard let project = try await FollowUpQueries.fund(slug: slug, on: req.db).projects.first else {
                return nil
            }
            return FundProjectPage.build(index, lang, project: project)
        }
    }

    // MARK: Hooks for other capabilities' pages

    /// The body's follow-up deadlines still to come, for its iCalendar feed.
    static func calendarEvents(body: String, host: String, scheme: String, on db: any Database) async throws
        -> [ICalendarWriter.Event]
    {
        let assignments = try await FollowUpQueries.assignments(.body(body), on: db)
        guard !assignments.isEmpty else { return [] }
        let periods = try await FollowUpQueries.periods(on: db)
        return BodyFollowUpSection.deadlines(assignments, periods: periods, today: today()).compactMap { deadline in
            guard let day = Day(deadline.period.deadline) else { return nil }
            return ICalendarWriter.Event(
                uid: "follow-up-\(deadline.period.slug)-\(body)@\(host)", start: LocalMoment(day: day),
                summary: "Uppföljning, sista dag: \(deadline.period.name) (\(deadline.assignments.count) uppdrag)",
                url: "\(scheme)://\(host)\(SiteURL.FollowUp.body(.value(body)).path)")
        }
    }
}
