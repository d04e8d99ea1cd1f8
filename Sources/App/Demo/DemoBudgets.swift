import Fluent
import Foundation
import SkillnadCore

/// The demo's participatory budgets, both examples: one in Järva with voting open around the
/// day the demo is loaded (so it can be tried with the codes the command prints), and one in
/// Skärholmen from 2025 that has been voted on and is being built. Loaded after the areas and
/// bodies. Run twice, it changes nothing.
enum DemoBudgets {
    struct Idea {
        let area: String
        let title: String
        let description: String
        let place: String
        let cost: Int
    }

    static let open = "medborgarbudget-jarva-exempel"
    static let finished = "medborgarbudget-skarholmen-2025-exempel"
    static let proposing = "ungas-budget-rinkeby-kista-exempel"

    static func load(on db: any Database) async throws -> [String] {
        guard try await BudgetStore.budget(open, on: db) == nil else { return [] }
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let owners = ["rinkeby-kista-stadsdelsnamnd", "skarholmen-stadsdelsnamnd"]
        let areas = ["rinkeby-kista", "spanga-tensta", "bredang", "satra", "stadsdel-skarholmen", "varberg"]
        guard owners.allSatisfy({ index.bodyByID[$0] != nil }), areas.allSatisfy({ index.areaByID[$0] != nil }) else {
            return []
        }
        let day = today()
        var lines: [String] = []
        func shifted(_ days: Int) -> String {
            let date = Date().addingTimeInterval(Double(days) * 86_400)
            return String(date.formatted(.iso8601.year().month().day()).prefix(10))
        }
        let rules =
            "Exempel: invånare föreslår vad som ska göras för pengarna, stadsdelsförvaltningen prövar om förslagen går att genomföra och vad de kostar, och sedan röstar invånarna. Förslagen ska vara konkreta och avgränsade, till exempel mötesplatser och parker, och gå att genomföra inom ett år."
        let rulesEn =
            "Example: residents propose what the money should be spent on, the district administration reviews whether the proposals can be carried out and what they cost, and then residents vote. Proposals must be concrete and bounded, such as meeting places and parks, and possible to carry out within a year."
        let eligibility =
            "Alla från 12 år som bor, arbetar eller studerar i området. Många unga studerar i ett annat område än där de bor: de får rösta i det område de väljer, en gång."
        let eligibilityEn =
            "Everyone from the age of 12 who lives, works or studies in the area. Many young people study in a different area from where they live: they may vote in the area they choose, once."
        let jarva = BudgetDefinition(
            slug: open, title: "Medborgarbudget Järva (exempel)", titleEn: "Participatory budget Järva (example)",
            owner: owners[0], rules: rules, rulesEn: rulesEn, eligibility: eligibility, eligibilityEn: eligibilityEn,
            minimumAge: 12, rule: "knapsack", minimumShare: nil, maximumProjects: nil, minimumProjects: nil,
            proposalsFrom: shifted(-60), reviewFrom: shifted(-30), votingFrom: shifted(-3), votingUntil: shifted(25),
            implementationFrom: nil,
            headings: [
                .init(area: "rinkeby-kista", amount: 1_500_000, population: 48_000),
                .init(area: "spanga-tensta", amount: 1_000_000, population: 39_000),
            ], example: true)
        let skarholmen = BudgetDefinition(
            slug: finished, title: "Medborgarbudget Skärholmen 2025 (exempel)",
            titleEn: "Participatory budget Skärholmen 2025 (example)", owner: owners[1], rules: rules,
            rulesEn: rulesEn, eligibility: eligibility, eligibilityEn: eligibilityEn, minimumAge: 12, rule: "approval",
            minimumShare: nil, maximumProjects: 3, minimumProjects: nil, proposalsFrom: "2025-02-01",
            reviewFrom: "2025-03-15", votingFrom: "2025-05-01", votingUntil: "2025-05-31",
            implementationFrom: "2025-09-01",
            headings: [
                .init(area: "bredang", amount: 250_000, population: 10_700),
                .init(area: "satra", amount: 200_000, population: 7_500),
                .init(area: "stadsdel-skarholmen", amount: 200_000, population: 9_200),
                .init(area: "varberg", amount: 150_000, population: 9_600),
            ], example: true)
        let youth = BudgetDefinition(
            slug: proposing, title: "Ungas budget Rinkeby-Kista (exempel)",
            titleEn: "Young people's budget Rinkeby-Kista (example)", owner: owners[0],
            rules:
                "Exempel: unga föreslår vad som ska göras för unga i Rinkeby-Kista. Förslagen prövas av förvaltningen tillsammans med fritidsgårdarna innan omröstningen.",
            rulesEn:
                "Example: young people propose what should be done for young people in Rinkeby-Kista. The administration reviews the proposals with the youth centres before the vote.",
            eligibility:
                "Unga från 12 till 25 år som bor, arbetar eller studerar i Rinkeby-Kista, också de som bara går i skolan här.",
            eligibilityEn:
                "Young people from 12 to 25 who live, work or study in Rinkeby-Kista, including those who only go to school here.",
            minimumAge: 12, rule: "approval", minimumShare: nil, maximumProjects: 2, minimumProjects: nil,
            proposalsFrom: shifted(-10), reviewFrom: shifted(20), votingFrom: shifted(40), votingUntil: shifted(60),
            implementationFrom: nil, headings: [.init(area: "rinkeby-kista", amount: 400_000, population: 14_000)],
            example: true)
        try await jarva.create(index: index, by: .system("demo"), on: db)
        try await youth.create(index: index, by: .system("demo"), on: db)
        if let budget = try await BudgetStore.budget(proposing, on: db) {
            for idea in youthIdeas {
                let input = BudgetStore.Proposing(
                    heading: idea.area, title: idea.title, description: idea.description, place: idea.place,
                    cost: String(idea.cost), author: "")
                _ = try await BudgetStore.propose(input, to: budget, today: day, on: db)
            }
            lines.append("Demo participatory budget \(proposing): \(youthIdeas.count) proposals, taking more.")
        }
        try await skarholmen.create(index: index, by: .system("demo"), on: db)
        var rng = CityScale.Random(state: 2_025)
        for (slug, ideas, proposingDay, votingDay, ballots, castAt) in [
            (open, jarvaIdeas, Day(shifted(-45)) ?? day, day, 140, Date().addingTimeInterval(-2 * 86_400)),
            (
                finished, skarholmenIdeas, Day("2025-02-20") ?? day, Day("2025-05-10") ?? day, 420,
                Date(timeIntervalSince1970: 1_746_086_400)
            ),
        ] {
            guard let budget = try await BudgetStore.budget(slug, on: db) else { continue }
            for idea in ideas {
                let input = BudgetStore.Proposing(
                    heading: idea.area, title: idea.title, description: idea.description, place: idea.place,
                    cost: String(idea.cost), author: "")
                _ = try await BudgetStore.propose(input, to: budget, today: proposingDay, on: db)
            }
            try await review(budget, index: index, day: proposingDay, on: db)
            let headings = try await BudgetStore.headings(budget.id, on: db)
            let proposals = try await BudgetStore.proposals(budget.id, on: db)
            let (_, codes) = try await BallotBox.issueCodes(ballots + 60, budget: budget, on: db)
            var cast = 0
            // Skärholmen's ballots lean to the districts with better conditions, as the
            // commission feared participation does, so that its reach has something to show.
            let leaning = headings.flatMap { Array(repeating: $0, count: leanings[$0.area] ?? 1) }
            for code in codes.prefix(ballots) {
                let heading = leaning[rng.next(leaning.count)]
                let choices = ballotFor(heading, proposals: proposals, budget: budget, rng: &rng)
                guard !choices.isEmpty, let normalised = VotingCode.normalised(code) else { continue }
                _ = try await BallotBox.vote(
                    budget, code: normalised, receipt: nil, heading: heading.slug, choices: choices,
                    headings: headings, proposals: proposals, today: votingDay,
                    at: castAt.addingTimeInterval(Double(cast) * 97), on: db)
                cast += 1
            }
            if slug == finished { try await build(budget, index: index, day: proposingDay, on: db) }
            lines.append("Demo participatory budget \(slug): \(ideas.count) proposals, \(cast) ballots.")
            if slug == open {
                lines.append(
                    "Unused voting codes to try it with: "
                        + codes.suffix(5).joined(separator: ", "))
            }
        }
        return lines
    }

    /// Reviews as officials would: most feasible, one not feasible with its reason, one merged,
    /// one hidden with a public reason; the finished budget's winners under way.
    static func review(_ budget: ParticipatoryBudget, index: CatalogueIndex, day: Day, on db: any Database)
        async throws
    {
        for proposal in try await BudgetStore.proposals(budget.id, on: db) {
            var input = BudgetStore.Reviewing(
                feasibility: .feasible, explanation: "",
                cost: String(proposal.estimated_cost / 10_000 * 10_000 + 20_000),
                costExplanation: "Förvaltningens uppskattning utifrån liknande arbeten.", responsible: budget.owner,
                mergedInto: "", hiddenReason: "", progress: "", implementation: "", version: proposal.version)
            switch proposal.number {
            case 3:
                input.feasibility = .unfeasible
                input.explanation = "Marken ägs inte av staden och fastighetsägaren har inte gett sitt tillstånd."
            case 5: input.mergedInto = budget.slug == open ? "1" : "4"
            case 7: input.hiddenReason = "Förslaget pekade ut enskilda personer."
            default: break
            }
            try await BudgetStore.review(
                proposal, input, budget: budget, index: index, today: day, by: .system("demo"), on: db)
        }
    }

    /// The finished budget's first two winners under way: one built, one begun.
    static func build(_ budget: ParticipatoryBudget, index: CatalogueIndex, day: Day, on db: any Database)
        async throws
    {
        let headings = try await BudgetStore.headings(budget.id, on: db)
        let proposals = try await BudgetStore.proposals(budget.id, on: db)
        let tally = try await BallotBox.tally(budget, on: db)
        var votes: [String: Int] = [:]
        for proposal in proposals { votes[String(proposal.number)] = tally.votes[proposal.id] ?? 0 }
        let projects = BallotBox.ballotProjects(proposals, headings: headings).values.sorted { $0.id < $1.id }
        let winners = BudgetResults.compute(headings: headings.map(\.core), projects: projects, votes: votes)
            .flatMap(\.lines).filter(\.won).compactMap { Int($0.project) }
        let notes = [
            (
                "100", "Klart och invigt.",
                "2025-06-15 Beställt\n2025-09-20 Arbetet började\n2025-10-25 Klart och invigt"
            ),
            ("40", "Upphandlat; arbetet på platsen börjar när tjälen har gått ur marken.", "2025-08-30 Upphandlat"),
        ]
        for (number, (progress, note, milestones)) in zip(winners, notes) {
            guard let proposal = proposals.first(where: { $0.number == number }) else { continue }
            let input = BudgetStore.Reviewing(
                feasibility: proposal.review, explanation: proposal.explanation ?? "",
                cost: proposal.cost.map(String.init) ?? "", costExplanation: proposal.cost_explanation ?? "",
                responsible: proposal.responsible ?? "", mergedInto: "", hiddenReason: "", progress: progress,
                implementation: note, milestones: milestones, version: proposal.version)
            try await BudgetStore.review(
                proposal, input, budget: budget, index: index, today: day, by: .system("demo"), on: db)
        }
    }

    /// A plausible ballot: proposals of the heading drawn one by one while the rule allows.
    static func ballotFor(
        _ heading: BudgetHeadingRow, proposals: [BudgetProposal], budget: ParticipatoryBudget,
        rng: inout CityScale.Random
    ) -> [String] {
        var candidates = proposals.filter { $0.onBallot && $0.heading_id == heading.id }
        var chosen: [String] = []
        var spent = 0
        while !candidates.isEmpty {
            let pick = candidates.remove(at: rng.next(candidates.count))
            switch budget.rule {
            case .knapsack:
                if spent + pick.ballotCost <= heading.amount {
                    chosen.append(String(pick.number))
                    spent += pick.ballotCost
                }
            case .approval(let maximum, _):
                if chosen.count < maximum { chosen.append(String(pick.number)) }
            }
            if rng.next(3) == 0 { break }
        }
        return chosen
    }

    static let jarvaIdeas: [Idea] = [
        Idea(
            area: "rinkeby-kista", title: "Tak och bänkar vid Rinkeby torg",
            description: "Ett tak mot regn och fler bänkar där äldre och småbarnsföräldrar kan sitta och mötas.",
            place: "Rinkeby torg", cost: 350_000),
        Idea(
            area: "rinkeby-kista", title: "Belysning längs gångvägen till Husby gård",
            description: "Gångvägen är mörk på vinterkvällar. Bättre belysning gör att fler vågar gå där.",
            place: "Gångvägen mellan Husby centrum och Husby gård", cost: 420_000),
        Idea(
            area: "rinkeby-kista", title: "Konstgräs på bollplanen i Akalla",
            description: "Bollplanen blir lerig och går inte att använda halva året.", place: "Akalla bollplan",
            cost: 900_000),
        Idea(
            area: "rinkeby-kista", title: "Läxhjälpsrum med wifi i Kista",
            description: "Ett rum där unga kan göra läxor efter skolan, med wifi och vuxna som hjälper till.",
            place: "Kista", cost: 250_000),
        Idea(
            area: "rinkeby-kista", title: "Fler bänkar på torget",
            description: "Sittplatser runt torget, gärna i skugga.", place: "Rinkeby torg", cost: 80_000),
        Idea(
            area: "spanga-tensta", title: "Utegym i Tensta",
            description: "Ett utegym för alla åldrar med redskap som också passar nybörjare.", place: "Tensta allé",
            cost: 450_000),
        Idea(
            area: "spanga-tensta", title: "Odlingslotter vid Spånga",
            description: "Odlingslådor som grannar kan dela, med vatten och ett förråd för redskap.",
            place: "Spånga", cost: 150_000),
        Idea(
            area: "spanga-tensta", title: "Lekplats för de minsta i Hjulsta",
            description: "Den gamla lekplatsen är sliten. Gungor och en sandlåda för barn under sex år.",
            place: "Hjulsta", cost: 380_000),
    ]

    static let youthIdeas: [Idea] = [
        Idea(
            area: "rinkeby-kista", title: "Studieplatser som är öppna på kvällen",
            description: "Många av oss har inte lugn hemma. Ett ställe att plugga på till klockan 22 före prov.",
            place: "Kista bibliotek", cost: 150_000),
        Idea(
            area: "rinkeby-kista", title: "Futsal på vintern",
            description: "En hall två kvällar i veckan från november till mars, med en ledare.", place: "Husby",
            cost: 120_000),
    ]

    /// How many times more often a demo voter picks the area: Bredäng and Sätra are of area
    /// type 3, Skärholmen and Vårberg of type 2.
    static let leanings = ["bredang": 5, "satra": 5, "stadsdel-skarholmen": 3, "varberg": 3]

    static let skarholmenIdeas: [Idea] = [
        Idea(
            area: "bredang", title: "Mötesplats för unga i Bredäng",
            description: "En lokal där unga kan vara på kvällar och helger, med fritidsledare.", place: "Bredäng",
            cost: 200_000),
        Idea(
            area: "satra", title: "Ny belysning i Sätraskogen",
            description: "Motionsspåret är mörkt från oktober till mars.", place: "Sätraskogen", cost: 150_000),
        Idea(
            area: "stadsdel-skarholmen", title: "Scen i Skärholmsparken",
            description: "En liten scen för musik och föreningarnas evenemang på sommaren.", place: "Skärholmsparken",
            cost: 180_000),
        Idea(
            area: "satra", title: "Bänkar och papperskorgar längs Mälarstranden",
            description: "Fler platser att vila på längs vattnet.", place: "Mälarstranden vid Sätra", cost: 120_000),
        Idea(
            area: "satra", title: "Fler sittplatser vid vattnet",
            description: "Bänkar vid strandpromenaden.", place: "Sätra strand", cost: 60_000),
        Idea(
            area: "stadsdel-skarholmen", title: "Cykelverkstad för alla",
            description: "En plats med verktyg och pump där man kan laga sin cykel gratis.",
            place: "Skärholmen centrum",
            cost: 90_000),
        Idea(
            area: "varberg", title: "Hundrastgård i Vårberg",
            description: "En inhägnad hundrastgård med bänkar.", place: "Vårberg", cost: 100_000),
        Idea(
            area: "varberg", title: "Lekplats i Vårbergsparken",
            description: "Lekplatsen är sliten. Nya gungor, klätterställning och bänkar för föräldrarna.",
            place: "Vårbergsparken", cost: 110_000),
    ]
}
