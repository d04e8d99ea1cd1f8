@testable import App
import Fluent
import Foundation
import SkillnadCore
import Testing
import Vapor

/// The follow-up's forms as officials use them: budget years, periods and decisions by the city
/// executive office, reports by a body's editors with submit, approval, correction and conflict.
@Suite("Follow-up forms")
struct FollowUpFormTests {
    static let measure = "dold-potential-a-2-3-1"
    static let body = "rinkeby-kista-stadsdelsnamnd"
    static let reportPath = "/follow-up/periods/2031-t1/\(measure)/\(body)"

    /// An administrator and an editor of Rinkeby-Kista, a budget year 2031 with its periods and an
    /// assignment of the measure to Rinkeby-Kista, all made through the forms.
    static func prepare(_ app: Application) async throws -> (admin: Browser, editor: Browser) {
        try await app.makeUser("admin@stockholm.se", role: .admin)
        try await app.makeUser("editor@stockholm.se", role: .editor, bodies: [body])
        let admin = try await app.signIn("admin@stockholm.se")
        let editor = try await app.signIn("editor@stockholm.se")
        let year = try await app.post(
            "/follow-up/budget/new", ["year": "2031", "decidedOn": "2030-11-20", "diaryNumber": "KS 2030/1"],
            as: admin)
        #expect(year.status == .seeOther, "\(year.body.prefix(400))")
        let periods = try await app.post("/follow-up/periods", ["form": "standard", "year": "2031"], as: admin)
        #expect(periods.status == .seeOther, "\(periods.body.prefix(400))")
        let decision = try await app.post(
            "/follow-up/decisions/new",
            [
                "budgetYear": "2031", "measure": measure, "kind": "assigned", "decidedOn": "2030-11-20",
                "decidingBody": "kommunfullmaktige", "bodies[]": body, "text": "Stärk språkstödet i förskolan.",
            ], as: admin)
        #expect(decision.status == .seeOther, "\(decision.body.prefix(600))")
        return (admin, editor)
    }

    static func report(_ app: Application) async throws -> FollowUpReport? {
        try await FollowUpReport.query(on: app.db).first()
    }

    @Test("An administrator records a budget year, a year's periods and a decision that assigns a body")
    func recordsDecision() async throws {
        try await withTestApp { app in
            _ = try await Self.prepare(app)
            let year = try await BudgetYear.query(on: app.db).filter(\.$year == 2031).first()
            #expect(year?.diaryNumber == "KS 2030/1")
            let periods = try await FollowUpPeriod.query(on: app.db).filter(\.$year == 2031).sort(\.$asOf).all()
            #expect(periods.map(\.slug) == ["2031-t1", "2031-t2", "2031-vb"])
            #expect(periods.first?.asOf == "2031-04-30")
            let assignment = try await Assignment.query(on: app.db).filter(\.$budgetYear == 2031).first()
            #expect(assignment?.measure == Self.measure)
            #expect(assignment?.body == Self.body)
            let page = try await app.get(Self.reportPath)
            #expect(page.status == .ok)
            #expect(page.body.contains("Stärk språkstödet i förskolan."))
        }
    }

    @Test(
        "A decision is refused with the field named: before the report, unknown measure, a postponement to an earlier year"
    )
    func refusesBadDecisions() async throws {
        try await withTestApp { app in
            let (admin, _) = try await Self.prepare(app)
            let early = try await app.post(
                "/follow-up/decisions/new",
                [
                    "budgetYear": "2031", "measure": Self.measure, "kind": "takenUp", "decidedOn": "2014-05-01",
                    "decidingBody": "kommunfullmaktige",
                ], as: admin)
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("Beslutsdatum: beslutet (2014-05-01) är daterat före rapporten"))
            let unknown = try await app.post(
                "/follow-up/decisions/new",
                [
                    "budgetYear": "2031", "measure": "no-such-measure", "kind": "postponed", "postponedTo": "2030",
                    "decidedOn": "2030-11-20", "decidingBody": "kommunfullmaktige",
                ], as: admin)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("ingen åtgärd har id ”no-such-measure”"))
            #expect(unknown.body.contains("Uppskjuten till år: 2030 är inte senare än budgetåret 2031"))
            let money = try await app.post(
                "/follow-up/decisions/new",
                [
                    "budgetYear": "2031", "measure": Self.measure, "kind": "financed", "decidedOn": "2030-11-20",
                    "decidingBody": "kommunfullmaktige", "amount": "€ 12 000", "funding": "stateGrant",
                ], as: admin)
            #expect(money.status == .unprocessableEntity)
            #expect(money.body.contains("Belopp per år: ”€ 12 000” är inte i kronor"))
            #expect(try await BudgetDecision.query(on: app.db).count() == 1)
        }
    }

    @Test(
        "An editor reports T1: a draft is not public, a submitted one neither; once approved it is, and a correction keeps it"
    )
    func reportLifecycle() async throws {
        try await withTestApp { app in
            let (admin, editor) = try await Self.prepare(app)
            let form = try await app.get(Self.reportPath, as: editor)
            #expect(form.body.contains("name=\"narrative\""))
            let draft = try await app.postMultipart(
                Self.reportPath,
                [
                    ("version", "0"), ("action", "save"), ("status", "inProgress"), ("progress", "40"),
                    ("narrative", "Språkombud anställda på två förskolor."), ("spent", "1 234 567,50 kr"),
                ], as: editor)
            #expect(draft.status == .seeOther, "\(draft.body.prefix(600))")
            var anonymous = try await app.get(Self.reportPath)
            #expect(!anonymous.body.contains("Språkombud anställda"))
            let stored = try #require(try await Self.report(app))
            #expect(stored.spentOre == 123_456_750)
            #expect(stored.state == "draft")
            let submit = try await app.postMultipart(
                Self.reportPath,
                [
                    ("version", String(stored.version)), ("action", "submit"), ("status", "inProgress"),
                    ("progress", "40"), ("narrative", "Språkombud anställda på två förskolor."),
                    ("spent", "1 234 567,50 kr"),
                ], as: editor)
            #expect(submit.status == .seeOther)
            // Only the city executive office publishes.
            let notAllowed = try await app.postMultipart(
                Self.reportPath,
                [("version", "2"), ("action", "publish"), ("status", "inProgress"), ("progress", "40")], as: editor)
            #expect(notAllowed.status == .unprocessableEntity)
            #expect(notAllowed.body.contains("bara stadsledningskontoret"))
            anonymous = try await app.get(Self.reportPath)
            #expect(!anonymous.body.contains("Språkombud anställda"))
            let publish = try await app.postMultipart(
                Self.reportPath,
                [
                    ("version", "2"), ("action", "publish"), ("status", "inProgress"), ("progress", "40"),
                    ("narrative", "Språkombud anställda på två förskolor."), ("spent", "1 234 567,50 kr"),
                ], as: admin)
            #expect(publish.status == .seeOther, "\(publish.body.prefix(600))")
            anonymous = try await app.get(Self.reportPath)
            #expect(anonymous.body.contains("Språkombud anställda"))
            #expect(anonymous.body.contains("1\u{00A0}234\u{00A0}567,50\u{00A0}kr"))
            // A correction is a new draft: the public keeps seeing the published revision.
            let correct = try await app.postMultipart(
                Self.reportPath,
                [
                    ("version", "3"), ("action", "submit"), ("status", "done"), ("progress", "100"),
                    ("narrative", "Alla förskolor har språkombud."),
                ], as: editor)
            #expect(correct.status == .seeOther)
            anonymous = try await app.get(Self.reportPath)
            #expect(anonymous.body.contains("Språkombud anställda"))
            #expect(!anonymous.body.contains("Alla förskolor har språkombud."))
            let second = try await app.postMultipart(
                Self.reportPath,
                [
                    ("version", "4"), ("action", "publish"), ("status", "done"), ("progress", "100"),
                    ("narrative", "Alla förskolor har språkombud."),
                ], as: admin)
            #expect(second.status == .seeOther)
            anonymous = try await app.get(Self.reportPath)
            #expect(anonymous.body.contains("Alla förskolor har språkombud."))
            // The earlier publication stays in the public history: the change of status is visible.
            #expect(anonymous.body.contains("Tidigare publicerade versioner"))
            #expect(anonymous.body.contains("Språkombud anställda"))
            #expect(try await FollowUpPublication.query(on: app.db).count() == 2)
        }
    }

    @Test(
        "Progress outside 0–100, done below 100 and a sum in euros are refused with the field named; nothing is written"
    )
    func refusesBadReports() async throws {
        try await withTestApp { app in
            let (_, editor) = try await Self.prepare(app)
            let tooMuch = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress"), ("progress", "120")], as: editor)
            #expect(tooMuch.status == .unprocessableEntity)
            #expect(tooMuch.body.contains("Genomfört (procent): 120 ligger utanför 0–100"))
            let done = try await app.postMultipart(
                Self.reportPath,
                [("version", "0"), ("status", "done"), ("progress", "80"), ("narrative", "Nästan klart")], as: editor)
            #expect(done.status == .unprocessableEntity)
            #expect(done.body.contains("status ”Klar” men genomfört 80 %"))
            // What the editor typed is kept.
            #expect(done.body.contains("Nästan klart"))
            let euros = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress"), ("spent", "100 €")], as: editor)
            #expect(euros.status == .unprocessableEntity)
            #expect(euros.body.contains("Förbrukade medel: ”100 €” är inte i kronor"))
            #expect(try await Self.report(app) == nil)
        }
    }

    @Test("Two editors saving the same report: the second gets the conflict page with what they typed kept")
    func conflict() async throws {
        try await withTestApp { app in
            let (_, editor) = try await Self.prepare(app)
            try await app.makeUser("other@stockholm.se", role: .editor, bodies: [Self.body])
            let other = try await app.signIn("other@stockholm.se")
            let first = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress"), ("narrative", "Först")], as: editor)
            #expect(first.status == .seeOther)
            let second = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "delayed"), ("narrative", "Andra texten")], as: other)
            #expect(second.status == .conflict)
            #expect(second.body.contains("Någon annan har sparat rapporten"))
            #expect(second.body.contains("Andra texten"))
            #expect(second.body.contains("Först"))
            // The form now carries the stored version, so saving again is a knowing choice.
            #expect(HTMLForm.value(of: "version", in: second.body) == "1")
            #expect(try await Self.report(app)?.narrative == "Först")
        }
    }

    @Test("An editor of another body cannot report, and sees no form")
    func otherBody() async throws {
        try await withTestApp { app in
            _ = try await Self.prepare(app)
            try await app.makeUser("skarholmen@stockholm.se", role: .editor, bodies: ["skarholmen-stadsdelsnamnd"])
            let stranger = try await app.signIn("skarholmen@stockholm.se")
            let page = try await app.get(Self.reportPath, as: stranger)
            #expect(page.status == .ok)
            #expect(!page.body.contains("name=\"narrative\""))
            let post = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress")], as: stranger)
            #expect(post.status == .forbidden)
            // A body without an assignment has no report page.
            let none = try await app.get("/follow-up/periods/2031-t1/\(Self.measure)/skarholmen-stadsdelsnamnd")
            #expect(none.status == .notFound)
            #expect(try await app.get("/follow-up/periods/1999-t9/\(Self.measure)/\(Self.body)").status == .notFound)
        }
    }

    @Test("An attachment of a draft is the body's; once the report is published it is public")
    func attachments() async throws {
        try await withTestApp { app in
            let (admin, editor) = try await Self.prepare(app)
            let pdf = Data("%PDF-1.4\n%test\n".utf8)
            let saved = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress")],
                file: ("attachment", "lagesrapport.pdf", pdf), as: editor)
            #expect(saved.status == .seeOther)
            let file = try #require(try await FollowUpAttachment.query(on: app.db).first())
            let path = "/follow-up/attachments/\(try file.requireID().uuidString.lowercased())"
            #expect(try await app.get(path).status == .notFound)
            #expect(try await app.get(path, as: editor).status == .ok)
            let fake = try await app.postMultipart(
                Self.reportPath, [("version", "1"), ("status", "inProgress")],
                file: ("attachment", "bild.pdf", Data("GIF89a".utf8)), as: editor)
            #expect(fake.status == .unprocessableEntity)
            let published = try await app.postMultipart(
                Self.reportPath, [("version", "1"), ("action", "publish"), ("status", "inProgress")], as: admin)
            #expect(published.status == .seeOther)
            #expect(try await app.get(path).status == .ok)
        }
    }

    @Test("The fund's capital and a project with grants per year, from the forms")
    func fund() async throws {
        try await withTestApp { app in
            let (admin, _) = try await Self.prepare(app)
            let capital = try await app.post(
                "/follow-up/fund/capital", ["year": "2031", "capital": "25 000 000 kr"], as: admin)
            #expect(capital.status == .seeOther, "\(capital.body.prefix(400))")
            #expect(try await FundYear.find(2031, on: app.db)?.capitalOre == 2_500_000_000)
            let project = try await app.post(
                "/follow-up/fund/new",
                [
                    "title": "Språkstöd i förskolan", "body": Self.body, "measures": Self.measure, "startYear": "2031",
                    "endYear": "2032", "grants": "2031: 1 500 000 kr\n2032: 1 000 000", "evaluationPlan": "Följs upp.",
                ], as: admin)
            #expect(project.status == .seeOther, "\(project.body.prefix(400))")
            let grants = try await FundGrant.query(on: app.db).sort(\.$year).all()
            #expect(grants.map(\.amountOre) == [150_000_000, 100_000_000])
            let bad = try await app.post(
                "/follow-up/fund/new",
                [
                    "title": "X", "body": Self.body, "startYear": "2032", "endYear": "2031",
                    "grants": "2031: tio kronor",
                ],
                as: admin)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("”tio kronor” är inget belopp"))
        }
    }

    @Test("A decision's weight makes a measure count more among its siblings; a weight that is no number is refused")
    func measureWeights() async throws {
        try await withTestApp { app in
            let (admin, _) = try await Self.prepare(app)
            let second = "dold-potential-a-2-3-2"
            let bad = try await app.post(
                "/follow-up/decisions/new",
                [
                    "budgetYear": "2031", "measure": second, "kind": "assigned", "decidedOn": "2030-11-20",
                    "decidingBody": "kommunfullmaktige", "bodies[]": Self.body, "weight": "tung",
                ], as: admin)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Vikt: ”tung” är ingen vikt"))
            let weighted = try await app.post(
                "/follow-up/decisions/new",
                [
                    "budgetYear": "2031", "measure": second, "kind": "assigned", "decidedOn": "2030-11-20",
                    "decidingBody": "kommunfullmaktige", "bodies[]": Self.body, "weight": "3",
                ], as: admin)
            #expect(weighted.status == .seeOther)
            let decision = try await app.get(weighted.location ?? "")
            #expect(decision.body.contains("<dt>Vikt</dt><dd>3</dd>"))
            for (measure, status, progress) in [(Self.measure, "done", "100"), (second, "inProgress", "20")] {
                let published = try await app.postMultipart(
                    "/follow-up/periods/2031-t1/\(measure)/\(Self.body)",
                    [("version", "0"), ("action", "publish"), ("status", status), ("progress", progress)], as: admin)
                #expect(published.status == .seeOther)
            }
            // (100 · 1 + 20 · 3) / 4 = 40; without the weight it would be 60.
            let overview = try await app.get("/follow-up?year=2031").body
            let year = overview.components(separatedBy: "id=\"rollup-year-h\"").last ?? ""
            #expect(year.contains("<td class=\"num\">40\u{00A0}%</td>"))
        }
    }

    @Test("A period with reports cannot move to another year, which would part them from their assignments")
    func periodKeepsItsYear() async throws {
        try await withTestApp { app in
            let (admin, editor) = try await Self.prepare(app)
            let saved = try await app.postMultipart(
                Self.reportPath, [("version", "0"), ("status", "inProgress")], as: editor)
            #expect(saved.status == .seeOther)
            let moved = try await app.post(
                "/follow-up/periods",
                [
                    "form": "custom", "slug": "2031-t1", "year": "2032", "kind": "t1", "name": "T1",
                    "asOf": "2032-04-30", "deadline": "2032-05-15",
                ], as: admin)
            #expect(moved.status == .unprocessableEntity)
            #expect(moved.body.contains("perioden 2031-t1 har rapporter"))
            #expect(try await FollowUpPeriod.query(on: app.db).filter(\.$slug == "2031-t1").first()?.year == 2031)
        }
    }
}
