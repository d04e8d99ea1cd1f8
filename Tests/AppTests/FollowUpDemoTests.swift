@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing

@Suite("The follow-up demo and the city-scale follow-up")
struct FollowUpDemoTests {
    @Test("The demo: real budget years without invented dates, examples of every decision kind, marked")
    func demoDecisions() async throws {
        try await withTestApp { app in
            let summary = try #require(try await DemoFollowUp.load(on: app.db))
            #expect(summary.hasPrefix("Follow-up: 3 budget years, 9 periods"))
            let years = try await BudgetYear.query(on: app.db).sort(\.$year).all()
            #expect(years.map(\.year) == [2017, 2018, 2019])
            // The sources give no decision dates or diary numbers for the budgets.
            #expect(years.allSatisfy { !$0.example && $0.decidedOn == nil && $0.diaryNumber == nil })
            #expect(try await FollowUpPeriod.query(on: app.db).count() == 9)
            let decisions = try await BudgetDecision.query(on: app.db).all()
            #expect(Set(decisions.map(\.kind)) == Set(BudgetDecisionKind.allCases.map(\.rawValue)))
            #expect(decisions.allSatisfy { $0.example && ($0.text ?? "").hasPrefix("Exempel") })
            // The change of body is its own decision: it ended Stockholm Business Region's assignment.
            let moved = try await Assignment.query(on: app.db).filter(\.$measure == "dold-potential-a-2-1-1")
                .filter(\.$budgetYear == 2018).all()
            #expect(moved.first { $0.body == "stockholm-business-region" }?.$endedBy.id != nil)
            #expect(moved.first { $0.body == "arbetsmarknadsnamnden" }?.$endedBy.id == nil)
            // Loaded twice, nothing changes.
            #expect(try await DemoFollowUp.load(on: app.db) == nil)
            #expect(try await BudgetDecision.query(on: app.db).count() == decisions.count)
        }
    }

    @Test("The demo reports: published, corrected, submitted and draft, all examples; the fund is marked too")
    func demoReports() async throws {
        try await withTestApp { app in
            _ = try await DemoFollowUp.load(on: app.db)
            let reports = try await FollowUpReport.query(on: app.db).all()
            #expect(reports.allSatisfy { $0.example })
            let states = Dictionary(grouping: reports, by: \.state).mapValues(\.count)
            #expect(states["published", default: 0] >= 15)
            #expect(states["submitted", default: 0] >= 1 && states["draft", default: 0] >= 1)
            let publications = try await FollowUpPublication.query(on: app.db).all()
            #expect(publications.allSatisfy { ($0.narrative ?? "").hasPrefix("Exempel") })
            // One report was corrected: two revisions, the first kept, published a week apart.
            let corrected = Dictionary(grouping: publications, by: { $0.$report.id }).values.filter { $0.count == 2 }
            let history = try #require(corrected.first).sorted { $0.revision < $1.revision }
            #expect(corrected.count == 1)
            #expect(history.map(\.status) == ["delayed", "inProgress"])
            #expect(history[1].publishedAt.timeIntervalSince(history[0].publishedAt) == 7 * 86_400)
            let fund = try await FundYear.query(on: app.db).all()
            #expect(fund.count == 3 && fund.allSatisfy { ($0.note ?? "").hasPrefix("Exempel") })
            let projects = try await FundProject.query(on: app.db).all()
            #expect(projects.count == 2 && projects.allSatisfy { $0.example && $0.title.hasPrefix("Exempel") })
        }
    }

    @Test("The indicators the demo reports link to are the ones the demo loads, without ../shared")
    func demoIndicators() async throws {
        try await withTestApp { app in
            _ = try await DemoFollowUp.load(on: app.db)
            _ = try await DemoCommand.loadStatistics(.extract, on: app.db)
            _ = try await DemoCommand.loadFigures(on: app.db)
            let codes = Set(try await Indicator.query(on: app.db).all().map(\.code))
            let linked = Set(
                try await FollowUpPublication.query(on: app.db).all().flatMap { FollowUpStore.list($0.indicators) })
            #expect(linked.count == 3)
            #expect(linked.isSubset(of: codes))
        }
    }

    /// The generated measures as `CityScale` makes them: 40 reports of 20 measures, from 2015 to 2022.
    static var cityMeasures: [CityScaleFollowUp.Measure] {
        (1...CityScale.reports).flatMap { r in
            (0..<CityScale.measuresPerReport).map { m in
                CityScaleFollowUp.Measure(id: "genererad-rapport-\(r)-\(m)", reportYear: 2015 + r % 8)
            }
        }
    }

    @Test("At city scale: 10 budget years, about 20,000 reports, mostly published, every kind of decision")
    func cityPlan() {
        let bodies = (1...70).map { "genererad-namnd-\($0)" }
        let plan = CityScaleFollowUp.plan(measures: Self.cityMeasures, bodies: bodies)
        #expect(Self.cityMeasures.count == 800)
        #expect((19_000...23_000).contains(plan.reports.count))
        #expect(Set(plan.decisions.map(\.year)).count == 10)
        let kinds = Set(plan.decisions.map(\.kind))
        #expect(kinds == Set(BudgetDecisionKind.allCases).subtracting([.changedTarget]))
        let published = plan.reports.filter { $0.state == .published }.count
        #expect(published > plan.reports.count * 8 / 10)
        #expect(plan.reports.contains { $0.state == .draft } && plan.reports.contains { $0.revision == 2 })
        #expect(plan.reports.allSatisfy { !$0.status.contradicts(progress: $0.progress) })
        #expect(plan.projects.count == CityScaleFollowUp.fundProjects)
        // The same on every run.
        let again = CityScaleFollowUp.plan(measures: Self.cityMeasures, bodies: bodies)
        #expect(again.reports.map(\.progress) == plan.reports.map(\.progress))
        #expect(again.assignments.map(\.body) == plan.assignments.map(\.body))
    }

    @Test("The city-scale generator writes what it plans, in bulk, on top of the demo's follow-up")
    func cityWrite() async throws {
        try await withTestApp { app in
            _ = try await DemoFollowUp.load(on: app.db)
            let demoReports = try await FollowUpReport.query(on: app.db).count()
            let demoPublications = try await FollowUpPublication.query(on: app.db).count()
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            // The measures the demo has no decision on (an assignment is one per year, measure and body).
            let decided = Set(try await BudgetDecision.query(on: app.db).all().map(\.measure))
            let measures = index.document.measures.filter { !decided.contains($0.publicID) }.map {
                CityScaleFollowUp.Measure(id: $0.publicID, reportYear: index.reportByID[$0.report]?.year ?? 2015)
            }
            #expect(measures.count > 10)
            let bodies = index.document.bodies.filter { $0.kind == .districtCouncil }.map(\.id)
            let plan = CityScaleFollowUp.plan(measures: measures, bodies: bodies)
            let summary = try await CityScaleFollowUp.load(measures: measures, bodies: bodies, on: app.db)
            #expect(summary.contains("\(plan.reports.count) reports"))
            #expect(try await BudgetYear.query(on: app.db).count() == 10)
            #expect(try await FollowUpPeriod.query(on: app.db).count() == 30)
            #expect(try await FollowUpReport.query(on: app.db).count() == demoReports + plan.reports.count)
            #expect(
                try await FollowUpPublication.query(on: app.db).count() == demoPublications + plan.publications)
            // The demo's real budget years stay as they were; the new ones are named as generated.
            let years = try await BudgetYear.query(on: app.db).sort(\.$year).all()
            #expect(years.prefix(3).allSatisfy { $0.title.hasPrefix("Budget ") && !$0.example })
            #expect(years.dropFirst(3).allSatisfy { $0.title.hasPrefix("Genererad budget ") && $0.example })
            let ended = try await Assignment.query(on: app.db).filter(\.$endedBy.$id != nil).count()
            #expect(ended == 1 + plan.assignments.filter { $0.endedBy != nil }.count)
            // A second run writes nothing.
            #expect(
                try await CityScaleFollowUp.load(measures: measures, bodies: bodies, on: app.db).contains("already"))
            #expect(try await FollowUpReport.query(on: app.db).count() == demoReports + plan.reports.count)
        }
    }

    @Test("A body is not late for periods before its assignment, and the body it replaced still counts for them")
    func changeOfBodyAndPeriods() async throws {
        try await withTestApp { app in
            // In the demo, A.2.1.1 moves from Stockholm Business Region to arbetsmarknadsnämnden on 2018-10-15.
            _ = try await DemoFollowUp.load(on: app.db)
            let moved = "/follow-up/periods/2018-t1/dold-potential-a-2-1-1/arbetsmarknadsnamnden"
            let (status, _, t1) = try await app.get("/follow-up/periods/2018-t1")
            #expect(status == .ok)
            let late =
                t1.components(separatedBy: "id=\"fu-late-h\"").last?
                .components(separatedBy: "id=\"fu-missing-h\"").first ?? ""
            #expect(!late.contains(moved), "arbetsmarknadsnämnden had no assignment on 30 April")
            #expect(!t1.contains(moved))
            let rollup = t1.components(separatedBy: "id=\"rollup-bodies").dropFirst().joined()
            #expect(rollup.contains("Stockholm Business Region"), "its published T1 report still counts")
            let annual = try await app.get("/follow-up/periods/2018-vb").body
            #expect(!annual.contains("/follow-up/periods/2018-vb/dold-potential-a-2-1-1/stockholm-business-region"))
        }
    }
}
