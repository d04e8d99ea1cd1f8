@testable import App
import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Participatory budgets end to end through the pages: proposing, review, codes, voting and
/// changing a ballot, paper ballots entered twice, the results, and every refusal the issue names.
@Suite("Participatory budgets")
struct ParticipatoryBudgetTests {
    static let slug = "test-budget"
    static let owner = "rinkeby-kista-stadsdelsnamnd"

    /// A budget in the given phase today, with two areas: 1,000,000 kr and 500,000 kr.
    static func definition(phase: BudgetPhase, slug: String = slug, rule: String = "knapsack") -> BudgetDefinition {
        func day(_ offset: Int) -> String {
            String(
                Date().addingTimeInterval(Double(offset) * 86_400).formatted(.iso8601.year().month().day()).prefix(10))
        }
        let (proposals, review, voting, until): (Int, Int, Int, Int) =
            switch phase {
            case .proposals: (-5, 10, 20, 30)
            case .voting: (-30, -20, -2, 10)
            case .results: (-60, -40, -30, -1)
            default: (10, 20, 30, 40)
            }
        return BudgetDefinition(
            slug: slug, title: "Testbudget", titleEn: "Test budget", owner: owner, rules: "Regler.", rulesEn: nil,
            eligibility: "Alla från 12 år.", eligibilityEn: nil, minimumAge: 12, rule: rule, minimumShare: nil,
            maximumProjects: rule == "approval" ? 2 : nil, minimumProjects: nil, proposalsFrom: day(proposals),
            reviewFrom: day(review), votingFrom: day(voting), votingUntil: day(until), implementationFrom: nil,
            headings: [
                .init(area: "rinkeby-kista", amount: 1_000_000, population: 10_000),
                .init(area: "spanga-tensta", amount: 500_000, population: 5_000),
            ], example: false)
    }

    /// Makes a budget whose proposals were taken and found feasible at the given costs, then
    /// moves it into `phase`.
    static func budget(
        _ app: Application, phase: BudgetPhase, slug: String = slug, costs: [(String, Int)] = defaultCosts,
        rule: String = "knapsack"
    ) async throws -> ParticipatoryBudget {
        let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
        try await definition(phase: .proposals, slug: slug, rule: rule).create(
            index: index, by: .system("test"), on: app.db)
        var budget = try #require(try await BudgetStore.budget(slug, on: app.db))
        for (number, (area, cost)) in costs.enumerated() {
            let input = BudgetStore.Proposing(
                heading: area, title: "Förslag \(number + 1)", description: "Beskrivning.", place: "",
                cost: String(cost), author: "")
            _ = try await BudgetStore.propose(input, to: budget, today: today(), on: app.db)
        }
        for proposal in try await BudgetStore.proposals(budget.id, on: app.db) {
            let input = BudgetStore.Reviewing(
                feasibility: .feasible, explanation: "", cost: "", costExplanation: "", responsible: "",
                mergedInto: "", hiddenReason: "", progress: "", implementation: "", version: proposal.version)
            try await BudgetStore.review(proposal, input, budget: budget, index: index, by: .system("test"), on: app.db)
        }
        let days = definition(phase: phase, slug: slug)
        try await app.db.sql().update("budgets").set("proposals_from", to: SQLBind(days.proposalsFrom))
            .set("review_from", to: SQLBind(days.reviewFrom)).set("voting_from", to: SQLBind(days.votingFrom))
            .set("voting_until", to: SQLBind(days.votingUntil)).where("slug", .equal, slug).run()
        budget = try #require(try await BudgetStore.budget(slug, on: app.db))
        return budget
    }

    /// Proposals 1–3 in Rinkeby-Kista (400,000, 350,000, 300,000 kr), 4 in Spånga-Tensta.
    static let defaultCosts = [
        ("rinkeby-kista", 400_000), ("rinkeby-kista", 350_000), ("rinkeby-kista", 300_000), ("spanga-tensta", 200_000),
    ]

    static let csrf = String(repeating: "c", count: 40)

    /// POSTs a form as a visitor who is not signed in (the CSRF cookie and field agree).
    static func post(_ app: Application, _ path: String, _ fields: [(String, String)], as browser: Browser? = nil)
        async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders)
    {
        var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
        let token = browser?.csrf ?? csrf
        let body = ([("_csrf", token)] + fields).map { name, value in
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        try await app.testing().test(
            .POST, path,
            beforeRequest: { req in
                req.headers.replaceOrAdd(
                    name: .cookie, value: browser?.sessionCookie ?? "\(CSRF.cookie)=\(csrf)")
                req.headers.contentType = .urlEncodedForm
                req.body = ByteBuffer(string: body)
            },
            afterResponse: { res in result = (res.status, res.body.string, res.headers) })
        return result
    }

    static func codes(_ app: Application, _ budget: ParticipatoryBudget, _ count: Int) async throws -> [String] {
        try await BallotBox.issueCodes(count, budget: budget, on: app.db).codes
    }

    static func receipt(in body: String) -> String? {
        guard let start = body.range(of: "id=\"pb-receipt\">") else { return nil }
        return String(body[start.upperBound...].prefix(12))
    }

    static func vote(
        _ app: Application, code: String, receipt: String? = nil, heading: String = "rinkeby-kista",
        projects: [String], slug: String = slug
    ) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var fields = [("step", "cast"), ("code", code), ("heading", heading), ("receipt", receipt ?? "")]
        fields += projects.map { ("projects[]", $0) }
        return try await post(app, "/budgets/\(slug)/vote", fields)
    }

    static func counted(_ app: Application, _ budget: ParticipatoryBudget) async throws -> [Int: Int] {
        let tally = try await BallotBox.tally(budget, on: app.db)
        let proposals = try await BudgetStore.proposals(budget.id, on: app.db)
        var votes: [Int: Int] = [:]
        for proposal in proposals { votes[proposal.number] = tally.votes[proposal.id] ?? 0 }
        return votes
    }

    @Test("A resident proposes; markup, a cost of -5 or 1e12 and a closed phase are refused with the reason")
    func proposing() async throws {
        try await withTestApp { app in
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            try await Self.definition(phase: .proposals).create(index: index, by: .system("test"), on: app.db)
            let path = "/budgets/\(Self.slug)/propose"
            let form = try await app.get(path)
            #expect(form.status == .ok)
            #expect(form.body.contains("name=\"cost\""))
            let good: [(String, String)] = [
                ("heading", "spanga-tensta"), ("title", "Utegym"), ("description", "Ett utegym för alla."),
                ("place", "Tensta allé"), ("cost", "250 000"), ("author", "Amina"),
            ]
            let sent = try await Self.post(app, path, good)
            #expect(sent.status == .ok)
            #expect(sent.body.contains("nummer 1"))
            for (field, value, expected) in [
                ("description", "<script>alert(1)</script>", "utan HTML-taggar"), ("cost", "-5", "större än noll"),
                ("cost", "1e12", "inget belopp"), ("title", "", "fyll i"),
            ] {
                let bad = good.map { $0.0 == field ? ($0.0, value) : $0 }
                let refused = try await Self.post(app, path, bad)
                #expect(refused.status == .unprocessableEntity, "\(field)=\(value)")
                #expect(refused.body.contains(expected), "\(field)=\(value)")
            }
            let budget = try #require(try await BudgetStore.budget(Self.slug, on: app.db))
            let stored = try await BudgetStore.proposals(budget.id, on: app.db)
            #expect(stored.map(\.title) == ["Utegym"], "nothing half-written from the refused ones")
            #expect(stored.first?.estimated_cost == 250_000)
            let page = try await app.get("/budgets/\(Self.slug)/proposals/1")
            #expect(page.body.contains("Föreslaget av Amina"))
            // Closed: the form says so and a POST is refused.
            try await app.db.sql().update("budgets").set("review_from", to: SQLBind("2000-01-01"))
                .set("proposals_from", to: SQLBind("2000-01-01")).where("slug", .equal, Self.slug).run()
            let closed = try await Self.post(app, path, good)
            #expect(closed.status == .unprocessableEntity)
            #expect(closed.body.contains("tas inte emot nu"))
        }
    }

    @Test("Officials review: not feasible needs a reason, a stale version is refused, hiding shows the reason")
    func reviewing() async throws {
        try await withTestApp { app in
            try await app.makeUser("pb@stockholm.se", role: .editor, bodies: [Self.owner])
            try await app.makeUser("other@stockholm.se", role: .editor, bodies: ["bromma-stadsdelsnamnd"])
            let editor = try await app.signIn("pb@stockholm.se")
            let outsider = try await app.signIn("other@stockholm.se")
            _ = try await Self.budget(app, phase: .review)
            let path = "/budgets/\(Self.slug)/proposals/2/review"
            #expect(try await app.get(path, as: outsider).status == .forbidden)
            let form = try await app.get(path, as: editor)
            #expect(form.status == .ok)
            let unexplained = try await Self.post(
                app, path, [("feasibility", "unfeasible"), ("explanation", ""), ("version", "2")], as: editor)
            #expect(unexplained.status == .unprocessableEntity)
            #expect(unexplained.body.contains("ska ha en motivering"))
            let hidden = try await Self.post(
                app, path,
                [
                    ("feasibility", "unfeasible"), ("explanation", "Marken är inte stadens."),
                    ("hiddenReason", "Pekade ut enskilda."), ("mergedInto", ""), ("version", "2"),
                ], as: editor)
            #expect(hidden.status == .seeOther)
            let stale = try await Self.post(
                app, path, [("feasibility", "feasible"), ("version", "2")], as: editor)
            #expect(stale.status == .conflict)
            let page = try await app.get("/budgets/\(Self.slug)/proposals/2")
            #expect(page.body.contains("Förslag 2 är dolt: Pekade ut enskilda."))
            #expect(!page.body.contains("Beskrivning."), "a hidden proposal's words are not shown")
            let budget = try await app.get("/budgets/\(Self.slug)")
            #expect(budget.body.contains("Förslag 2 är dolt"), "hidden, never silently deleted")
            // Once voting opens the ballot stands; only the implementation may change.
            try await app.db.sql().update("budgets").set("voting_from", to: SQLBind("2000-01-01"))
                .set("review_from", to: SQLBind("2000-01-01")).set("proposals_from", to: SQLBind("2000-01-01"))
                .where("slug", .equal, Self.slug).run()
            let locked = try await Self.post(
                app, "/budgets/\(Self.slug)/proposals/1/review",
                [
                    ("feasibility", "unfeasible"),
                    ("explanation", "Sent påkommet."), ("version", "2"),
                ], as: editor)
            #expect(locked.status == .unprocessableEntity)
            #expect(locked.body.contains("ligger fast"))
            let progress = try await Self.post(
                app, "/budgets/\(Self.slug)/proposals/1/review",
                [
                    ("feasibility", "feasible"), ("progress", "30"),
                    ("implementation", "Upphandlat."), ("version", "2"),
                ], as: editor)
            #expect(progress.status == .seeOther)
        }
    }

    @Test("A code votes once; used again it is refused and the first ballot stands; with its receipt it changes")
    func votingWithCodes() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 3)
            // Only hashes are stored.
            struct Row: Decodable { let hash: String }
            let stored = try await app.db.sql().select().column("hash").from("budget_codes").all(decoding: Row.self)
            #expect(stored.count == 3)
            #expect(!stored.contains { row in codes.contains { row.hash.contains(VotingCode.normalised($0) ?? "") } })
            // Step one shows the ballot for the area.
            let ballot = try await Self.post(
                app, "/budgets/\(Self.slug)/vote",
                [("step", "ballot"), ("code", codes[0]), ("heading", "rinkeby-kista")])
            #expect(ballot.status == .ok)
            #expect(ballot.body.contains("name=\"projects[]\" value=\"1\""))
            #expect(!ballot.body.contains("name=\"projects[]\" value=\"4\""), "another area's proposal is not offered")
            let first = try await Self.vote(app, code: codes[0].lowercased(), projects: ["1", "2"])
            #expect(first.status == .ok)
            #expect(first.body.contains("Din röst är räknad"))
            let receipt = try #require(Self.receipt(in: first.body))
            #expect(VotingCode.normalised(receipt) != nil)
            // The same code again without the receipt: refused, the first ballot intact.
            let again = try await Self.vote(app, code: codes[0], projects: ["3"])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("redan använts"))
            #expect(try await Self.counted(app, budget) == [1: 1, 2: 1, 3: 0, 4: 0])
            // With a wrong receipt: refused.
            let wrong = try await Self.vote(app, code: codes[0], receipt: codes[1], projects: ["3"])
            #expect(wrong.body.contains("Kvittot hör inte till"))
            // With its receipt: changed, and counted once.
            let changed = try await Self.vote(app, code: codes[0], receipt: receipt, projects: ["3"])
            #expect(changed.status == .ok)
            #expect(changed.body.contains("Din röst är ändrad"))
            #expect(try await Self.counted(app, budget) == [1: 0, 2: 0, 3: 1, 4: 0])
            // The receipt shows what counts.
            let check = try await Self.post(app, "/budgets/\(Self.slug)/receipt", [("receipt", receipt)])
            #expect(check.body.contains("är räknad"))
            #expect(check.body.contains("3. Förslag 3"))
            // The trail says what happened, not who or what.
            let trail = try await app.get("/budgets/\(Self.slug)/trail")
            #expect(trail.body.contains("Röst lagd"))
            #expect(trail.body.contains("Röst ändrad"))
            #expect(!trail.body.contains(receipt))
        }
    }

    @Test("Over the amount, another area's proposal, another budget's code, outside the phase: each refused")
    func refusals() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let other = try await Self.budget(app, phase: .voting, slug: "annan-budget")
            let codes = try await Self.codes(app, budget, 2)
            let otherCodes = try await Self.codes(app, other, 1)
            let over = try await Self.vote(app, code: codes[0], projects: ["1", "2", "3"])
            #expect(over.status == .unprocessableEntity)
            #expect(over.body.contains("mer än områdets"))
            #expect(over.body.contains("value=\"1\" checked"), "the ballot keeps what was chosen")
            let elsewhere = try await Self.vote(app, code: codes[0], projects: ["4"])
            #expect(elsewhere.body.contains("hör till ett annat område"))
            let foreign = try await Self.vote(app, code: otherCodes[0], projects: ["1"])
            #expect(foreign.body.contains("hör till en annan medborgarbudget"))
            let malformed = try await Self.vote(app, code: "not-a-code", projects: ["1"])
            #expect(malformed.body.contains("tio tecken"))
            #expect(try await Self.counted(app, budget).values.reduce(0, +) == 0, "nothing was counted")
            try await app.db.sql().update("budgets").set("voting_until", to: SQLBind("2000-01-02"))
                .where("slug", .equal, Self.slug).run()
            let late = try await Self.vote(app, code: codes[1], projects: ["1"])
            #expect(late.body.contains("Det går inte att rösta nu"))
            #expect(try await Self.counted(app, budget).values.reduce(0, +) == 0)
        }
    }

    @Test("Guessing codes is throttled per address, after ten wrong ones, and logged")
    func throttled() async throws {
        try await withTestApp { app in
            _ = try await Self.budget(app, phase: .voting)
            // The product's burst of ten, without its refill of one per six seconds: on a loaded CI
            // machine twelve requests took longer than that, and the twelfth found a fresh token.
            app.storage[VotingForm.AttemptsKey.self] = RateLimiter(rate: 1.0 / 86_400, burst: 10)
            var statuses: [HTTPStatus] = []
            var generator = SystemRandomNumberGenerator()
            for code in VotingCode.make(12, using: &generator) {
                statuses.append(try await Self.vote(app, code: code, projects: ["1"]).status)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == .unprocessableEntity })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test("Concurrent casts: each code counts once, and one code cast twice at once counts once")
    func concurrentCasts() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 20)
            let headings = try await BudgetStore.headings(budget.id, on: app.db)
            let proposals = try await BudgetStore.proposals(budget.id, on: app.db)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for code in codes + Array(repeating: codes[0], count: 5) {
                    group.addTask {
                        do {
                            _ = try await BallotBox.vote(
                                budget, code: VotingCode.normalised(code) ?? "", receipt: nil, heading: "rinkeby-kista",
                                choices: ["1"], headings: headings, proposals: proposals, today: today(), on: app.db)
                            return true
                        } catch let refusal as BallotBox.Refusal {
                            #expect(refusal == .codeUsed)
                            return false
                        }
                    }
                }
                var taken = 0
                for try await outcome in group where outcome { taken += 1 }
                return taken
            }
            #expect(outcomes == 20)
            #expect(try await Self.counted(app, budget)[1] == 20)
        }
    }

    @Test("A paper ballot counts once a second official has entered it the same way")
    func paperBallots() async throws {
        try await withTestApp { app in
            try await app.makeUser("first@stockholm.se", role: .editor, bodies: [Self.owner])
            try await app.makeUser("second@stockholm.se", role: .editor, bodies: [Self.owner])
            let first = try await app.signIn("first@stockholm.se")
            let second = try await app.signIn("second@stockholm.se")
            let budget = try await Self.budget(app, phase: .voting)
            let path = "/budgets/\(Self.slug)/paper"
            let ballot: [(String, String)] = [
                ("number", "P-17"), ("heading", "rinkeby-kista"), ("projects[]", "1"), ("projects[]", "3"),
            ]
            let entered = try await Self.post(app, path, ballot, as: first)
            #expect(entered.body.contains("väntar på en andra"))
            #expect(try await Self.counted(app, budget)[1] == 0, "not counted before it is confirmed")
            let same = try await Self.post(app, path, ballot, as: first)
            #expect(same.body.contains("En annan tjänsteperson"))
            let differs = try await Self.post(
                app, path, [("number", "P-17"), ("heading", "rinkeby-kista"), ("projects[]", "1")], as: second)
            #expect(differs.body.contains("skiljer sig"))
            let confirmed = try await Self.post(app, path, ballot, as: second)
            #expect(confirmed.body.contains("bekräftad och räknas"))
            #expect(try await Self.counted(app, budget) == [1: 1, 2: 0, 3: 1, 4: 0])
            let twice = try await Self.post(app, path, ballot, as: second)
            #expect(twice.status == .conflict)
            #expect(twice.body.contains("räknas en gång"))
            #expect(try await Self.counted(app, budget) == [1: 1, 2: 0, 3: 1, 4: 0])
        }
    }

    @Test("Results by the published rule once voting has closed, per area with turnout, and as CSV")
    func results() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 6)
            // 1 gets 3 votes, 2 and 3 two each: the tie goes to the cheaper 3 (300,000), after which 2 (350,000)
            // no longer fits in the 600,000 left after 1.
            for (code, projects) in zip(codes, [["1", "2"], ["1", "2"], ["1", "3"], ["3"]]) {
                #expect(try await Self.vote(app, code: code, projects: projects).status == .ok)
            }
            #expect(try await Self.vote(app, code: codes[4], heading: "spanga-tensta", projects: ["4"]).status == .ok)
            let during = try await app.get("/budgets/\(Self.slug)/results")
            #expect(during.body.contains("när omröstningen har stängt"))
            #expect(try await app.get("/budgets/\(Self.slug)/results.csv").status == .notFound)
            try await app.db.sql().update("budgets").set("voting_until", to: SQLBind("2000-01-02"))
                .set("voting_from", to: SQLBind("2000-01-01")).where("slug", .equal, Self.slug).run()
            let page = try await app.get("/budgets/\(Self.slug)/results")
            #expect(page.status == .ok)
            #expect(page.body.contains("0,4 per 1"), "4 ballots per 10,000 residents is 0.4 per 1,000")
            let csv = try await app.get("/budgets/\(Self.slug)/results.csv")
            #expect(csv.status == .ok)
            let lines = csv.body.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("heading,area,amount,number,title,cost,votes,won") == true)
            #expect(lines.contains { $0.hasPrefix("rinkeby-kista,rinkeby-kista,1000000,1,Förslag 1,400000,3,yes") })
            #expect(lines.contains { $0.hasPrefix("rinkeby-kista,rinkeby-kista,1000000,2,Förslag 2,350000,2,no") })
            #expect(lines.contains { $0.hasPrefix("rinkeby-kista,rinkeby-kista,1000000,3,Förslag 3,300000,2,yes") })
            #expect(lines.contains { $0.hasPrefix("spanga-tensta,spanga-tensta,500000,4,Förslag 4,200000,1,yes") })
            _ = budget
        }
    }

    @Test("Reach: turnout per 1,000 against an indicator, a district area pooled from its districts by population")
    func reach() async throws {
        try await withTestApp { app in
            try await app.db.transaction { tx in
                try await CatalogueImporter.add(
                    areas: [
                        AreaRecord(
                            id: "norra", name: "Norra", kind: .district, parent: "rinkeby-kista", population: 1000),
                        AreaRecord(
                            id: "sodra", name: "Södra", kind: .district, parent: "rinkeby-kista", population: 3000),
                        AreaRecord(
                            id: "vastra", name: "Västra", kind: .district, parent: "spanga-tensta", population: 2000),
                    ], in: tx, actor: .system("test"))
            }
            let spec = IndicatorImportSpec(
                indicator: IndicatorDefinition(
                    code: "omradestyp", name: "Områdestyp", unit: "count", direction: .higherIsBetter,
                    kind: .categorical, classes: DemoCommand.socioeconomicAreaTypes),
                mapping: ObservationMapping(areaName: "område", value: "typ", period: "2022"), areaKind: .district)
            let csv = "område;typ\nNorra;1\nSödra;2\nVästra;5\n"
            _ = try await IndicatorImporter.run(Data(csv.utf8), spec, by: .system("test"), on: app.db)
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 5)
            for code in codes.prefix(4) {
                #expect(try await Self.vote(app, code: code, projects: ["1"]).status == .ok)
            }
            #expect(try await Self.vote(app, code: codes[4], heading: "spanga-tensta", projects: ["4"]).status == .ok)
            let during = try await app.get("/budgets/\(Self.slug)/results?indicator=omradestyp")
            #expect(!during.body.contains("Räckvidd"), "the reach is shown with the results, once voting has closed")
            try await app.db.sql().update("budgets").set("voting_until", to: SQLBind("2000-01-02"))
                .set("voting_from", to: SQLBind("2000-01-01")).where("slug", .equal, Self.slug).run()
            // Rinkeby-Kista: 4 ballots over 10,000 residents, type (1 × 1,000 + 2 × 3,000) / 4,000 = 1.75;
            // Spånga-Tensta: 1 over 5,000, type 5. Ridits 1/3 and 5/6: the line falls 0.2 over 1/2.
            let api = try await app.getJSON("/api/v1/budgets/\(Self.slug)/results?indicator=omradestyp")
            #expect(api.status == .ok)
            let reach = try #require(api.json["reach"] as? [String: Any])
            let areas = try #require(reach["areas"] as? [[String: Any]])
            #expect(areas.map { $0["heading"] as? String } == ["rinkeby-kista", "spanga-tensta"])
            #expect(abs((areas[0]["value"] as? Double ?? 0) - 1.75) < 1e-9)
            #expect(areas.map { $0["pooled"] as? Bool } == [true, true])
            #expect(abs((areas[0]["per1000"] as? Double ?? 0) - 0.4) < 1e-9)
            #expect(abs((reach["ratio"] as? Double ?? 0) - 2) < 1e-9)
            #expect(abs((reach["slopeIndexOfInequality"] as? Double ?? 0) + 0.4) < 1e-9)
            let page = try await app.get("/budgets/\(Self.slug)/results?indicator=omradestyp")
            #expect(page.body.contains("Efter Områdestyp röstade de sämre ställda områdena mer"))
            #expect(page.body.contains("sjunker valdeltagandet med 0,4 per 1 000"))
            #expect(page.body.contains("1,8 *"), "a pooled value is marked and explained")
            let english = try await app.get("/budgets/\(Self.slug)/results?indicator=omradestyp&lang=en")
            #expect(english.body.contains("turnout falls by 0.4 per 1,000 residents"))
            #expect(try await app.get("/budgets/\(Self.slug)/results?indicator=finns-inte").status == .badRequest)
            let unknown = try await app.getJSON("/api/v1/budgets/\(Self.slug)/results?indicator=finns-inte")
            #expect(unknown.status == .notFound, "as the dialogues' reach answers")
        }
    }

    @Test("Winners become items of the follow-up of the body that builds them, with status and latest milestone")
    func winnersInTheFollowUp() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 3)
            for code in codes.prefix(2) {
                #expect(try await Self.vote(app, code: code, projects: ["1", "2"]).status == .ok)
            }
            #expect(try await Self.vote(app, code: codes[2], projects: ["3"]).status == .ok)
            let path = "/follow-up/bodies/\(Self.owner)"
            #expect(!(try await app.get(path).body.contains("Förslag 1")), "no winners while voting is open")
            try await app.db.sql().update("budgets").set("voting_until", to: SQLBind("2000-01-02"))
                .set("voting_from", to: SQLBind("2000-01-01")).where("slug", .equal, Self.slug).run()
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            // 1 (400,000) and 2 (350,000) win Rinkeby-Kista's 1,000,000; 3 (300,000) no longer fits.
            // 2 is built by another body, which the review names.
            for proposal in try await BudgetStore.proposals(budget.id, on: app.db) where proposal.number <= 2 {
                let input = BudgetStore.Reviewing(
                    feasibility: .feasible, explanation: "", cost: "", costExplanation: "",
                    responsible: proposal.number == 2 ? "trafiknamnden" : "", mergedInto: "", hiddenReason: "",
                    progress: proposal.number == 1 ? "40" : "", implementation: "",
                    milestones: proposal.number == 1 ? "2001-03-01 Upphandlat" : "", version: proposal.version)
                try await BudgetStore.review(
                    proposal, input, budget: budget, index: index, today: Day("2001-01-01") ?? today(),
                    by: .system("test"), on: app.db)
            }
            app.catalogue.invalidate()
            let owner = try await app.get(path).body
            #expect(owner.contains("Medborgarbudgetarnas vinnande förslag"))
            #expect(owner.contains("1. Förslag 1"))
            #expect(owner.contains("Pågår") && owner.contains("40 %") && owner.contains("2001-03-01 Upphandlat"))
            #expect(!owner.contains("2. Förslag 2"), "built by the body the review named")
            #expect(!owner.contains("3. Förslag 3"), "3 did not win")
            let builder = try await app.get("/follow-up/bodies/trafiknamnden").body
            #expect(builder.contains("2. Förslag 2") && builder.contains("Ej påbörjad"))
        }
    }

    /// A valid 1 × 1 PNG.
    static let png =
        Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
        ?? Data()

    /// POSTs a multipart form with a file, as a visitor (no session) or a signed-in browser.
    static func postPhoto(
        _ app: Application, _ path: String, _ fields: [(String, String)], photo: Data, as browser: Browser? = nil
    ) async throws -> (status: HTTPStatus, body: String) {
        var form = MultipartForm()
        for (name, value) in [("_csrf", browser?.csrf ?? csrf)] + fields { form.add(name, value) }
        form.addFile("photo", filename: "foto.png", contentType: "image/png", data: photo)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: browser?.sessionCookie ?? "\(CSRF.cookie)=\(csrf)")
        headers.contentType = form.contentType
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.POST, path, headers: headers, body: form.body) { res in
            result = (res.status, res.body.string)
        }
        return result
    }

    @Test("Photos: with their text alternative, of a proposal and of a milestone; wrong ones refused whole; hidden")
    func photos() async throws {
        try await withTestApp { app in
            try await app.makeUser("pb@stockholm.se", role: .editor, bodies: [Self.owner])
            let editor = try await app.signIn("pb@stockholm.se")
            let budget = try await Self.budget(app, phase: .proposals)
            let propose = "/budgets/\(Self.slug)/propose"
            let fields = [
                ("heading", "rinkeby-kista"), ("title", "Belysning"), ("description", "Mörkt."), ("cost", "90 000"),
            ]
            let alt = ("photoAlt", "Gångvägen en kväll i november")
            let noAlt = try await Self.postPhoto(app, propose, fields, photo: Self.png)
            #expect(noAlt.status == .unprocessableEntity)
            #expect(noAlt.body.contains("Vad fotot visar"))
            let text = try await Self.postPhoto(app, propose, fields + [alt], photo: Data("<svg/>".utf8))
            #expect(text.status == .unprocessableEntity)
            #expect(text.body.contains("JPEG, PNG eller WebP"))
            let large = Self.png + Data(count: BudgetPhotos.maxBytes)
            let tooLarge = try await Self.postPhoto(app, propose, fields + [alt], photo: large)
            #expect(tooLarge.status == .unprocessableEntity)
            #expect(tooLarge.body.contains("högst 5 MB"))
            #expect(try await BudgetStore.proposals(budget.id, on: app.db).count == 4, "nothing written")
            let sent = try await Self.postPhoto(app, propose, fields + [alt], photo: Self.png)
            #expect(sent.status == .ok)
            let page = try await app.get("/budgets/\(Self.slug)/proposals/5").body
            #expect(page.contains("alt=\"Gångvägen en kväll i november\""))
            let src = try #require(
                page.range(of: "src=\"/budgets/\(Self.slug)/photos/").map { range in
                    String(page[page.index(range.lowerBound, offsetBy: 5)...].prefix { $0 != "\"" })
                })
            let served = try await app.get(src)
            #expect(served.status == .ok)
            #expect(served.headers.contentType == .png)
            var bytes = Data()
            try await app.testing().test(.GET, src) { res in bytes = Data(buffer: res.body) }
            #expect(bytes == Self.png)
            // An official adds a photo of a milestone, which must be one the proposal has.
            let review = "/budgets/\(Self.slug)/proposals/1/review"
            let reviewFields = [("feasibility", "feasible"), ("milestones", "2001-02-03 Grävt")]
            let wrongDay = try await Self.postPhoto(
                app, review, reviewFields + [("version", "2"), alt, ("photoMilestone", "2001-09-09")], photo: Self.png,
                as: editor)
            #expect(wrongDay.status == .unprocessableEntity)
            #expect(wrongDay.body.contains("välj en av förslagets milstolpar"))
            let milestone = try await Self.postPhoto(
                app, review,
                reviewFields + [("version", "2"), ("photoAlt", "Schaktet"), ("photoMilestone", "2001-02-03")],
                photo: Self.png, as: editor)
            #expect(milestone.status == .seeOther)
            let first = try await app.get("/budgets/\(Self.slug)/proposals/1").body
            #expect(first.contains("Grävt</span><figure class=\"pb-photo\"><img src=\"/budgets/\(Self.slug)/photos/"))
            let api = try await app.getJSON("/api/v1/budgets/\(Self.slug)")
            let proposals = try #require(api.json["proposals"] as? [[String: Any]])
            let photos = proposals.map { ($0["photos"] as? [[String: Any]])?.count ?? -1 }
            #expect(photos == [1, 0, 0, 0, 1])
            #expect((proposals[0]["photos"] as? [[String: Any]])?.first?["milestone"] as? String == "2001-02-03")
            // Hidden, the proposal's photo is no longer served or listed.
            let hide = try await Self.post(
                app, "/budgets/\(Self.slug)/proposals/5/review",
                [("feasibility", "pending"), ("hiddenReason", "Pekade ut en person."), ("version", "1")], as: editor)
            #expect(hide.status == .seeOther)
            #expect(try await app.get(src).status == .notFound)
            let after = try await app.getJSON("/api/v1/budgets/\(Self.slug)")
            let hidden = (after.json["proposals"] as? [[String: Any]])?.last?["photos"] as? [[String: Any]]
            #expect(hidden?.isEmpty == true)
        }
    }

    @Test("Codes are issued to officials of the budget's body only, as CSV, once")
    func issuingCodes() async throws {
        try await withTestApp { app in
            try await app.makeUser("pb@stockholm.se", role: .editor, bodies: [Self.owner])
            try await app.makeUser("other@stockholm.se", role: .editor, bodies: ["bromma-stadsdelsnamnd"])
            let editor = try await app.signIn("pb@stockholm.se")
            let outsider = try await app.signIn("other@stockholm.se")
            _ = try await Self.budget(app, phase: .voting)
            let path = "/budgets/\(Self.slug)/codes"
            #expect(try await Self.post(app, path, [("count", "5")], as: outsider).status == .forbidden)
            let issued = try await Self.post(app, path, [("count", "5")], as: editor)
            #expect(issued.status == .ok)
            #expect(issued.headers.contentType?.subType == "csv")
            let codes = issued.body.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",").last.map(String.init) ?? ""
            }
            #expect(codes.count == 5)
            #expect(codes.allSatisfy { VotingCode.normalised($0) != nil })
            let vote = try await Self.vote(app, code: codes[0], projects: ["1"])
            #expect(vote.body.contains("Din röst är räknad"))
            #expect(try await Self.post(app, path, [("count", "0")], as: editor).status == .unprocessableEntity)
        }
    }
}

extension ParticipatoryBudgetTests {
    @Test("The API's budgets, budget and results answer as the document says; hidden words stay out")
    func api() async throws {
        try await withTestApp { app in
            let budget = try await Self.budget(app, phase: .voting)
            let codes = try await Self.codes(app, budget, 2)
            #expect(try await Self.vote(app, code: codes[0], projects: ["1", "3"]).status == .ok)
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            let proposal = try #require(try await BudgetStore.proposal(budget.id, number: 2, on: app.db))
            let hide = BudgetStore.Reviewing(
                feasibility: .feasible, explanation: "", cost: "", costExplanation: "", responsible: "",
                mergedInto: "", hiddenReason: "Pekade ut enskilda.", progress: "", implementation: "",
                version: proposal.version)
            try await BudgetStore.review(
                proposal, hide, budget: budget, index: index, today: Day("2000-01-01") ?? .epoch, by: .system("test"),
                on: app.db)
            #expect(try await app.get("/api/v1/budgets/\(Self.slug)/results").status == .notFound)
            try await app.db.sql().update("budgets").set("voting_until", to: SQLBind("2000-01-02"))
                .set("voting_from", to: SQLBind("2000-01-01")).where("slug", .equal, Self.slug).run()
            let doc = try await app.getJSON("/api/v1/openapi.json").json
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for (path, schema) in [
                ("/api/v1/budgets", "BudgetSummaryList"), ("/api/v1/budgets/\(Self.slug)", "BudgetDetail"),
                ("/api/v1/budgets/\(Self.slug)/results", "BudgetResults"), ("/api/v1/budgets/nope", "Problem"),
            ] {
                let response = try await app.get(path)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.utf8))
                var errors: [String] = []
                SchemaCheck(schemas: schemas).check(
                    body, against: ["$ref": "#/components/schemas/\(schema)"], at: "$", &errors)
                #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
            }
            let detail = try await app.get("/api/v1/budgets/\(Self.slug)")
            #expect(detail.body.contains("Pekade ut enskilda."))
            #expect(!detail.body.contains("\"Förslag 2\""), "a hidden proposal's title is not given out")
            let results = try await app.getJSON("/api/v1/budgets/\(Self.slug)/results").json
            let headings = try #require(results["headings"] as? [[String: Any]])
            #expect(headings.first?["ballots"] as? Int == 1)
            #expect((headings.first?["ballotsByChannel"] as? [String: Int])?["code"] == 1)
        }
    }

    @Test("A budget definition with problems is refused whole, each problem naming its field")
    func definitionProblems() async throws {
        try await withTestApp { app in
            let index = CatalogueIndex(try await CatalogueLoader.load(from: app.db))
            var definition = Self.definition(phase: .voting, slug: "Fel slug")
            definition.owner = "ingen-namnd"
            definition.votingUntil = "2000-01-01"
            definition.headings.append(.init(area: "rinkeby-kista", amount: -1, population: nil))
            let problems = definition.problems(index: index)
            for expected in [
                "slug:", "owner: no body has the id 'ingen-namnd'", "votingUntil: must not come before votingFrom",
                "headings[2].area: 'rinkeby-kista' twice", "headings[2].amount",
            ] {
                #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) in \(problems)")
            }
            await #expect(throws: BudgetDefinition.Invalid.self) {
                try await definition.create(index: index, by: .system("test"), on: app.db)
            }
            #expect(try await BudgetStore.budgets(on: app.db).isEmpty)
        }
    }
}
