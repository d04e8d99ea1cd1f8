@testable import App
import Fluent
import Foundation
import SQLKit
import SkillnadCore
import Testing
import Vapor

/// The follow-up's public pages: what each shows of budget years, decisions and reports, that
/// drafts never show, that the roll-ups weigh right, late and missing reports, 404 and 400.
@Suite("Follow-up pages")
struct FollowUpPageTests {
    static let shared = "stad-i-samverkan-4-1-1"
    static let single = "en-skola-dar-alla-ska-lyckas-6-4-4"
    static let actor = AuditActor.system("test")
    static let nbsp = "\u{00A0}"

    struct Seeded {
        let assigned: UUID
        let financed: UUID
    }

    /// Empties the follow-up (the demo may have its own), then: budget 2018 with Stockholm's
    /// periods; measure 4.1.1 assigned to two bodies (the second weighs 3) and financed; 6.4.4
    /// assigned to one. Reports: 4.1.1/socialnämnden published at 30, corrected and published
    /// at 40, then a draft at 99; 4.1.1/utbildningsnämnden published at 80; 6.4.4 a draft in T1
    /// and submitted (not published) in T2.
    static func seed(_ app: Application, indicator: String? = nil) async throws -> Seeded {
        let sql = try app.db.sql()
        for table in [
            "follow_up_publications", "follow_up_attachments", "follow_up_reports", "assignments",
            "budget_decisions", "budget_years", "follow_up_periods", "fund_grants", "fund_projects", "fund_years",
        ] {
            try await sql.raw("DELETE FROM \(unsafeRaw: table)").run()
        }
        let db = app.db
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        try await FollowUpStore.saveBudgetYear(
            year: 2018, title: "Budget 2018", decidedOn: Day("2017-11-27"), decidingBody: "kommunfullmaktige",
            diaryNumber: "KS 2017/0001", example: false, by: actor, on: db)
        try await FollowUpStore.savePeriods(FollowUpStore.stockholmPeriods(2018), by: actor, on: db)
        let day = Day("2017-11-27") ?? .epoch
        let assigned = try await FollowUpStore.recordDecision(
            BudgetDecisionValues(
                budgetYear: 2018, measure: shared, kind: .assigned, decidedOn: day, decidingBody: "kommunfullmaktige",
                diaryNumber: "KS 2017/0002", bodies: ["socialnamnden", "utbildningsnamnden"],
                text: "Utred samverkan."), index: index, by: actor, on: db)
        let financed = try await FollowUpStore.recordDecision(
            BudgetDecisionValues(
                budgetYear: 2018, measure: shared, kind: .financed, decidedOn: day, decidingBody: "kommunfullmaktige",
                amount: SwedishAmount(kronor: 1_000_000), funding: .socialInvestmentFund), index: index, by: actor,
            on: db)
        try await FollowUpStore.recordDecision(
            BudgetDecisionValues(
                budgetYear: 2018, measure: single, kind: .assigned, decidedOn: day, decidingBody: "kommunfullmaktige",
                bodies: ["utbildningsnamnden"]), index: index, by: actor, on: db)
        let second = try await assignment(shared, "utbildningsnamnden", on: db)
        second.weight = 3
        try await second.save(on: db)
        let admin = FollowUpStore.Reporter.system("test")
        func report(
            _ measure: String, _ body: String, _ period: String, _ status: FollowUpStatus, _ progress: Int,
            _ narrative: String, _ action: FollowUpStore.ReportAction, indicators: [String] = []
        ) async throws {
            let a = try await assignment(measure, body, on: db)
            guard let p = try await FollowUpPeriod.query(on: db).filter(\.$slug == period).first() else {
                throw Abort(.notFound)
            }
            let stored = try await FollowUpReport.query(on: db).filter(\.$assignment.$id == a.requireID())
                .filter(\.$period.$id == p.requireID()).first()
            try await FollowUpStore.saveReport(
                assignment: a.requireID(), period: p.requireID(),
                values: FollowUpReportValues(
                    status: status, progress: progress, narrative: narrative, indicators: indicators),
                action: action, version: stored?.version ?? 0, reporter: admin, on: db)
        }
        try await report(shared, "socialnamnden", "2018-t1", .inProgress, 30, "Första versionen.", .publish)
        try await report(
            shared, "socialnamnden", "2018-t1", .inProgress, 40, "Publicerad rättelse om samverkan.", .publish,
            indicators: indicator.map { [$0] } ?? [])
        try await report(shared, "socialnamnden", "2018-t1", .inProgress, 99, "HEMLIGT UTKAST", .save)
        try await report(shared, "utbildningsnamnden", "2018-t1", .inProgress, 80, "Skolorna samverkar.", .publish)
        try await report(single, "utbildningsnamnden", "2018-t1", .delayed, 10, "EJ INLÄMNAT UTKAST", .save)
        try await report(single, "utbildningsnamnden", "2018-t2", .delayed, 15, "INLÄMNAD EJ PUBLICERAD", .submit)
        app.catalogue.invalidate()
        return Seeded(assigned: assigned, financed: financed)
    }

    static func assignment(_ measure: String, _ body: String, on db: any Database) async throws -> Assignment {
        guard
            let a = try await Assignment.query(on: db).filter(\.$measure == measure).filter(\.$body == body).first()
        else { throw Abort(.notFound, reason: "no assignment \(measure) \(body)") }
        return a
    }

    /// The rows of the overview's matrix.
    static func matrixRows(_ html: String) -> [String] {
        guard let table = html.components(separatedBy: "class=\"list fu-matrix\"").dropFirst().first,
            let body = table.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>")
                .first
        else { return [] }
        return body.components(separatedBy: "</tr>").filter { $0.contains("<tr>") }
    }

    @Test("The overview: one row per assignment, published figures only, the roll-ups weighed relatively")
    func overview() async throws {
        try await withTestApp { app in
            _ = try await Self.seed(app)
            let (status, _, html) = try await app.get("/follow-up")
            #expect(status == .ok)
            #expect(html.contains("<h1>Uppföljning 2018</h1>"), "the latest year with periods by default")
            let rows = Self.matrixRows(html)
            #expect(rows.count == 3, "4.1.1 twice (two bodies), 6.4.4 once")
            #expect(rows.filter { $0.contains("/measures/\(Self.shared)") }.count == 2)
            #expect(html.contains("/follow-up/periods/2018-t1/\(Self.shared)/socialnamnden"))
            #expect(html.contains("Pågår</span> 40\(Self.nbsp)%"), "the latest publication, not the first")
            #expect(!html.contains("30\(Self.nbsp)%") && !html.contains("99\(Self.nbsp)%"), "neither old nor draft")
            #expect(!html.contains("HEMLIGT") && !html.contains("10\(Self.nbsp)%"))
            // The year: measure 4.1.1 at (40·1 + 80·3)/4 = 70; 6.4.4 has nothing published.
            let year = html.components(separatedBy: "id=\"rollup-year-h\"").last ?? ""
            #expect(year.contains("<td class=\"num\">70\(Self.nbsp)%</td>"))
            let bodies = html.components(separatedBy: "id=\"rollup-bodies-h\"").last ?? ""
            #expect(bodies.contains(">Socialnämnden</a></th><td class=\"num\">40\(Self.nbsp)%</td>"))
            #expect(bodies.contains(">Utbildningsnämnden</a></th><td class=\"num\">80\(Self.nbsp)%</td>"))
            #expect(html.contains("id=\"rollup-reports-h\"") && html.contains("id=\"rollup-areas-h\""))
            #expect(html.contains("href=\"/follow-up/print?year=2018\"") || html.contains("href=\"/follow-up/print\""))
            #expect(html.contains("<label for=\"f-status\">"))

            let filtered = try await app.get("/follow-up?year=2018&body=socialnamnden").body
            #expect(Self.matrixRows(filtered).count == 1)
            let unreported = try await app.get("/follow-up?year=2018&status=unreported").body
            #expect(Self.matrixRows(unreported).count == 1)
            #expect(Self.matrixRows(unreported).first?.contains(Self.single) == true)
            let area = try await app.get("/follow-up?year=2018&targetArea=uppvaxt-och-utbildning").body
            #expect(Self.matrixRows(area).count == 1)

            for bad in ["year=abc", "status=bogus", "report=finns-inte", "body=finns-inte", "targetArea=x"] {
                let answer = try await app.get("/follow-up?\(bad)")
                #expect(answer.status == .badRequest, "\(bad)")
            }

            let english = try await app.get("/follow-up?year=2018&lang=en").body
            #expect(english.contains("<h1>Follow-up 2018</h1>"))
            #expect(english.contains("In progress</span> 40%"))
            #expect(english.contains("lang=\"sv\">Socialnämnden") || english.contains("lang=\"en\">"))

            // The screen shows a page of rows and says which; the roll-ups still count every row.
            let paged = try await app.get("/follow-up?year=2018&limit=2").body
            #expect(Self.matrixRows(paged).count == 2)
            #expect(paged.contains("Rad 1–2 av 3"))
            #expect(paged.contains("href=\"/follow-up?year=2018&amp;limit=2&amp;offset=2\" rel=\"next\""))
            #expect(paged.contains("<td class=\"num\">70\(Self.nbsp)%</td>"))
            let rest = try await app.get("/follow-up?year=2018&limit=2&offset=2").body
            #expect(Self.matrixRows(rest).count == 1)
            #expect(rest.contains("rel=\"prev\"") && !rest.contains("rel=\"next\""))
            #expect(try await app.get("/follow-up?limit=0").status == .badRequest)

            let print = try await app.get("/follow-up/print?year=2018")
            #expect(print.status == .ok)
            #expect(print.body.contains("class=\"fu-print\"") && print.body.contains("Pågår</span> 40\(Self.nbsp)%"))
        }
    }

    @Test("Budget years, a budget year with its money per source, and a decision with its sequence")
    func budgetAndDecisions() async throws {
        try await withTestApp { app in
            let seeded = try await Self.seed(app)
            let list = try await app.get("/follow-up/budget")
            #expect(list.status == .ok)
            #expect(list.body.contains("href=\"/follow-up/budget/2018\""))
            #expect(!list.body.contains("/follow-up/budget/new"), "the add link is for administrators")
            try await app.makeUser("admin@stockholm.se", role: .admin)
            let admin = try await app.signIn("admin@stockholm.se")
            #expect(try await app.get("/follow-up/budget", as: admin).body.contains("/follow-up/budget/new"))

            let year = try await app.get("/follow-up/budget/2018")
            #expect(year.status == .ok)
            #expect(year.body.contains("KS 2017/0001"))
            #expect(year.body.contains("Sociala investeringsfonden"))
            #expect(year.body.contains("1\(Self.nbsp)000\(Self.nbsp)000\(Self.nbsp)kr"))
            #expect(year.body.contains("/follow-up/decisions/\(seeded.assigned.uuidString.lowercased())"))
            #expect(try await app.get("/follow-up/budget/1999").status == .notFound)
            #expect(try await app.get("/follow-up/budget/abc").status == .notFound)

            let decision = try await app.get("/follow-up/decisions/\(seeded.assigned.uuidString.lowercased())")
            #expect(decision.status == .ok)
            #expect(decision.body.contains("KS 2017/0002"))
            #expect(decision.body.contains("Utred samverkan."))
            #expect(decision.body.contains("aria-current=\"true\""), "the decision is marked in its sequence")
            #expect(decision.body.contains("/follow-up/decisions/\(seeded.financed.uuidString.lowercased())"))
            #expect(try await app.get("/follow-up/decisions/inte-ett-id").status == .notFound)
            #expect(try await app.get("/follow-up/decisions/\(UUID().uuidString)").status == .notFound)
            let english = try await app.get("/follow-up/decisions/\(seeded.financed.uuidString)?lang=en").body
            #expect(english.contains("SEK\(Self.nbsp)1,000,000") && english.contains("Financed"))
        }
    }

    @Test("A decision shows the referral's positions on its measure, with links to the compilation")
    func weighing() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            struct Row: Decodable {
                let measure: String
            }
            let rows = try await app.db.sql().raw(
                """
                SELECT p.measure AS measure FROM referral_positions p
                JOIN referral_answers a ON a.id = p.answer_id WHERE a.status = 'submitted'
                """
            ).all(decoding: Row.self)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            guard let measure = rows.map(\.measure).first(where: { index.measureByPublicID[$0] != nil }) else {
                Issue.record("the demo has no submitted position")
                return
            }
            _ = try await Self.seed(app)
            let id = try await FollowUpStore.recordDecision(
                BudgetDecisionValues(
                    budgetYear: 2018, measure: measure, kind: .takenUp, decidedOn: Day("2017-11-27") ?? .epoch,
                    decidingBody: "kommunfullmaktige"), index: index, by: Self.actor, on: app.db)
            app.catalogue.invalidate()
            let html = try await app.get("/follow-up/decisions/\(id.uuidString)").body
            let positions = try await ReferralStore.submittedPositions(on: measure, on: app.db)
            #expect(!positions.isEmpty)
            for p in positions { #expect(html.contains("/referrals/\(p.slug)/compilation")) }
            let life = try await app.get("/measures/\(measure)").body
            #expect(life.contains("Åtgärdens livslopp"))
            #expect(life.contains("class=\"fu-counts\""))
        }
    }

    @Test("A period: roll-up per body, late reports (deadline passed, nothing handed in) and missing ones")
    func period() async throws {
        try await withTestApp { app in
            _ = try await Self.seed(app)
            let t1 = try await app.get("/follow-up/periods/2018-t1")
            #expect(t1.status == .ok)
            let late =
                t1.body.components(separatedBy: "id=\"fu-late-h\"").last?
                .components(separatedBy: "id=\"fu-missing-h\"").first ?? ""
            #expect(late.contains(Self.single), "6.4.4 has only a draft after the deadline")
            #expect(!late.contains(Self.shared))
            let t2 = try await app.get("/follow-up/periods/2018-t2").body
            let lateT2 =
                t2.components(separatedBy: "id=\"fu-late-h\"").last?
                .components(separatedBy: "id=\"fu-missing-h\"").first ?? ""
            #expect(!lateT2.contains(Self.single), "handed in (submitted) is not late")
            #expect(lateT2.contains(Self.shared))
            let missingT2 = t2.components(separatedBy: "id=\"fu-missing-h\"").last ?? ""
            #expect(missingT2.contains(Self.single) && missingT2.contains("inlämnad, ej publicerad"))
            #expect(!t2.contains("INLÄMNAD EJ PUBLICERAD"), "a submitted report's text is not public")
            #expect(try await app.get("/follow-up/periods/2099-t9").status == .notFound)

            // Before the deadline nothing is late, though it is still missing.
            let periods = try await FollowUpQueries.periods(on: app.db)
            let assignments = try await FollowUpQueries.assignments(.year(2018), on: app.db)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            guard let first = periods.first(where: { $0.slug == "2018-t1" }) else {
                Issue.record("no period")
                return
            }
            let early = FollowUpPeriodPage.build(
                index, .sv, period: first, assignments: assignments, today: Day("2018-05-01") ?? .epoch
            ).page
            #expect(early.late.isEmpty && !early.deadlinePassed)
            #expect(early.missing.flatMap(\.measures).map(\.measure.id) == [Self.single])
        }
    }

    @Test("The measure's life: decisions, published reports only, and the linked indicator's gap")
    func measureLife() async throws {
        try await withTestApp(content: .demoWithReferralsAndIndicator) { app in
            let seeded = try await Self.seed(app, indicator: "deltagande")
            let html = try await app.get("/measures/\(Self.shared)").body
            #expect(html.contains("<h2 id=\"fu-life-h\">Åtgärdens livslopp</h2>"))
            #expect(html.contains("<ol class=\"fu-timeline\">"))
            #expect(html.contains("/follow-up/decisions/\(seeded.assigned.uuidString.lowercased())"))
            #expect(html.contains("Publicerad rättelse om samverkan."))
            #expect(html.contains("rättad, version 2"))
            #expect(!html.contains("HEMLIGT") && !html.contains("Första versionen."))
            #expect(html.contains("Skillnaden mellan områdena: Deltagande"))
            #expect(html.contains("<th scope=\"row\">2018</th>") && html.contains("<th scope=\"row\">2022</th>"))
            let english = try await app.get("/measures/\(Self.shared)?lang=en").body
            #expect(english.contains("The measure&#39;s life") || english.contains("The measure's life"))
            #expect(english.contains("<span lang=\"sv\" class=\"fu-excerpt\">Publicerad rättelse"))
        }
    }

    @Test("A body: its assignments on its page and the follow-up's, its deadlines in its calendar")
    func body() async throws {
        try await withTestApp { app in
            _ = try await Self.seed(app)
            let page = try await app.get("/bodies/utbildningsnamnden").body
            #expect(page.contains("class=\"fu-body\""))
            #expect(page.contains("/follow-up/periods/2018-t1/\(Self.single)/utbildningsnamnden"))
            let full = try await app.get("/follow-up/bodies/utbildningsnamnden")
            #expect(full.status == .ok && full.body.contains("Budgetår 2018"))
            #expect(try await app.get("/follow-up/bodies/finns-inte").status == .notFound)

            // A year still to come: its deadlines are in the body's calendar.
            let db = app.db
            let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
            try await FollowUpStore.saveBudgetYear(
                year: 2090, title: "Budget 2090", decidedOn: nil, decidingBody: "kommunfullmaktige", diaryNumber: nil,
                example: true, by: Self.actor, on: db)
            try await FollowUpStore.savePeriods(FollowUpStore.stockholmPeriods(2090), by: Self.actor, on: db)
            try await FollowUpStore.recordDecision(
                BudgetDecisionValues(
                    budgetYear: 2090, measure: Self.single, kind: .assigned, decidedOn: Day("2089-11-27") ?? .epoch,
                    decidingBody: "kommunfullmaktige", bodies: ["utbildningsnamnden"]), index: index, by: Self.actor,
                on: db)
            app.catalogue.invalidate()
            let calendar = try await app.get("/bodies/utbildningsnamnden/calendar.ics").body
            #expect(calendar.contains("follow-up-2090-t1-utbildningsnamnden"))
            #expect(calendar.contains("DTSTART;VALUE=DATE:20900515"))
            #expect(!calendar.contains("follow-up-2018"), "past deadlines are not announced")
            let next = try await app.get("/bodies/utbildningsnamnden").body
            #expect(next.contains("2090-05-15"))
        }
    }

    @Test("The fund: capital, granted and remaining per year; a project; 404 for an unknown one")
    func fund() async throws {
        try await withTestApp { app in
            _ = try await Self.seed(app)
            try await FollowUpStore.saveFundYear(
                year: 2018, capital: SwedishAmount(kronor: 10_000_000), note: nil, by: Self.actor, on: app.db)
            try await FollowUpStore.saveFundProject(
                .init(
                    slug: "samverkan", title: "Samverkan i skolan", titleEn: nil, body: "utbildningsnamnden",
                    measures: [Self.shared], startYear: 2018, endYear: 2020,
                    grants: [2018: SwedishAmount(kronor: 2_500_000), 2019: SwedishAmount(kronor: 1_000_000)],
                    expectedEffects: "Fler behöriga.", evaluationPlan: "Följs upp med betygsdata.", evaluation: nil,
                    evaluatedOn: nil), by: Self.actor, on: app.db)
            app.catalogue.invalidate()
            let fund = try await app.get("/follow-up/fund").body
            #expect(fund.contains("10\(Self.nbsp)000\(Self.nbsp)000\(Self.nbsp)kr"))
            #expect(fund.contains("7\(Self.nbsp)500\(Self.nbsp)000\(Self.nbsp)kr"), "remaining in 2018")
            #expect(fund.contains("href=\"/follow-up/fund/samverkan\""))
            #expect(!fund.contains("/follow-up/fund/new"))
            let project = try await app.get("/follow-up/fund/samverkan")
            #expect(project.status == .ok)
            #expect(project.body.contains("Fler behöriga.") && project.body.contains("3\(Self.nbsp)500\(Self.nbsp)000"))
            #expect(project.body.contains("/measures/\(Self.shared)"))
            #expect(try await app.get("/follow-up/fund/finns-inte").status == .notFound)
        }
    }

    @Test("The roll-up weighs a measure's assignments relative to each other, and measures equally")
    func rollupWeights() {
        let period = FollowUpQueries.Period(
            id: UUID(), slug: "2018-t1", year: 2018, kind: "t1", name: "T1", nameEn: nil, asOf: "2018-04-30",
            deadline: "2018-05-15")
        func assignment(_ measure: String, _ weight: Double, _ progress: Int?, ended: Bool = false)
            -> FollowUpQueries.AssignmentReports
        {
            var a = FollowUpQueries.AssignmentReports(
                id: UUID(), budgetYear: 2018, measure: measure, body: "b", text: nil, weight: weight, ended: ended)
            if let progress {
                a.published[period.id] = .init(
                    periodID: period.id, status: .inProgress, progress: progress, revision: 1, narrative: nil,
                    spentOre: nil, indicators: [])
            }
            return a
        }
        let list = [
            assignment("a", 1, 40), assignment("a", 3, 80), assignment("b", 10, 0), assignment("b", 1, nil),
            assignment("c", 1, 100, ended: true),
        ]
        let measures = FollowUpQueries.measureRollups(list, periods: [period])
        #expect(measures["a"]?.rollup.percent == 70)
        #expect(measures["b"]?.rollup.percent == 0 && measures["b"]?.unreported == 1)
        #expect(measures["c"] == nil, "an assignment moved to another body is not weighed")
        let year = FollowUpQueries.groupRollup(Array(measures.values))
        #expect(year.rollup.percent == 35, "(70 + 0) / 2: measures weigh equally, whatever their assignments")
        #expect(year.assignments == 4 && year.unreported == 1)
    }

    @Test("Cached pages are kept per Stockholm day, so a page that says what is late is not served the day after")
    func cacheKeptPerDay() {
        // 23:30 UTC on 1 December is 00:30 on 2 December in Stockholm (CET, UTC+1).
        let lateEvening = Date(timeIntervalSince1970: 1_796_167_800)
        let nextMorning = Date(timeIntervalSince1970: 1_796_205_600)
        let earlier = Date(timeIntervalSince1970: 1_796_160_600)
        #expect(PageRenderer.stockholmDay(lateEvening) == PageRenderer.stockholmDay(nextMorning))
        #expect(PageRenderer.stockholmDay(earlier) == PageRenderer.stockholmDay(lateEvening) - 1)
    }
}
