import Fluent
import Foundation
import SkillnadCore
import Vapor

/// The participatory budgets' read API. Answers change with every ballot, so none is cached.
enum BudgetAPI {
    static func register(_ app: Application) {
        app.get(APIURL.Budgets.list, use: list)
        app.get(APIURL.Budgets.budget(.key), use: budget)
        app.get(APIURL.Budgets.results(.key), use: results)
    }

    struct Summary: Content {
        let id: String
        let url: String
        let title: String
        let titleEn: String?
        let owner: String
        let phase: String
        let rule: String
        let maximumProjects: Int?
        let minimumProjects: Int?
        let minimumShare: Double?
        let minimumAge: Int?
        let proposalsFrom: String
        let reviewFrom: String
        let votingFrom: String
        let votingUntil: String
        let implementationFrom: String?
        let amount: Int
        let example: Bool

        init(_ budget: ParticipatoryBudget, headings: [BudgetHeadingRow], today: Day) {
            id = budget.slug
            url = SiteURL.Budgets.budget(.value(budget.slug)).path
            title = budget.title
            titleEn = budget.title_en
            owner = budget.owner
            phase = budget.phase(on: today).rawValue
            rule = budget.rule_kind
            maximumProjects = budget.maximum_projects
            minimumProjects = budget.minimum_projects
            minimumShare = budget.minimum_share
            minimumAge = budget.minimum_age
            proposalsFrom = budget.proposals_from
            reviewFrom = budget.review_from
            votingFrom = budget.voting_from
            votingUntil = budget.voting_until
            implementationFrom = budget.implementation_from
            amount = headings.reduce(0) { $0 + $1.amount }
            example = budget.example
        }
    }

    struct Heading: Content {
        let id: String
        let area: String
        let amount: Int
        let population: Int?
    }

    /// A proposal as the public sees it: a hidden one has its number and reason only.
    struct Proposal: Content {
        let number: Int
        let url: String
        let heading: String
        let title: String?
        let description: String?
        let place: String?
        let author: String?
        let estimatedCost: Int
        let feasibility: String
        let explanation: String?
        let cost: Int?
        let costExplanation: String?
        let responsible: String?
        let mergedInto: Int?
        let hiddenReason: String?
        let onBallot: Bool
        let progress: Int?
        let implementation: String?
        let milestones: [BudgetStore.Milestone]
        /// A hidden proposal's photos are left out, as its words are.
        let photos: [Photo]
    }

    struct Photo: Content {
        let url: String
        let alt: String
        /// The day of the milestone it shows; absent for a photo of the proposal itself.
        let milestone: String?
    }

    struct Detail: Content {
        let budget: Summary
        let rules: String
        let eligibility: String
        let headings: [Heading]
        let proposals: [Proposal]
    }

    struct ResultLine: Content {
        let number: Int
        let cost: Int
        let votes: Int
        let won: Bool
    }

    struct HeadingResult: Content {
        let heading: String
        let area: String
        let amount: Int
        let spent: Int
        let population: Int?
        let ballots: Int
        let ballotsByChannel: [String: Int]
        /// Ballots per 1,000 residents; null without a population.
        let turnoutPer1000: Double?
        let lines: [ResultLine]
    }

    struct Results: Content {
        let budget: String
        let rule: String
        let headings: [HeadingResult]
        let awaitingConfirmation: Int
        let reach: Reach
    }

    struct ReachArea: Content {
        let heading: String
        let ballots: Int
        let population: Double
        let per1000: Double
        let value: Double?
        let pooled: Bool
    }

    /// Whom the budget reached (`BudgetReach`); the slope only when the indicator ranks the areas.
    /// Values that do not exist are left out, as elsewhere in the API.
    struct Reach: Content {
        let indicator: String?
        let areas: [ReachArea]
        let per1000: Double?
        let ratio: Double?
        let slopeIndexOfInequality: Double?
        let leftOut: [String]

        init(_ result: BudgetReachQuery.Result) {
            let reach = result.reach
            indicator = result.indicator?.code
            areas = reach.areas.map {
                ReachArea(
                    heading: $0.id, ballots: $0.ballots, population: $0.population, per1000: $0.per1000,
                    value: $0.ordering, pooled: result.pooled.contains($0.id))
            }
            per1000 = reach.total?.per1000
            ratio = reach.measures?.ratio?.value
            slopeIndexOfInequality =
                reach.measures?.ranking == .rankingVariable ? reach.measures?.slopeIndexOfInequality?.value : nil
            leftOut = reach.leftOut
        }
    }

    static func list(_ req: Request) async throws -> ListResponse<Summary> {
        let paging = try Paging(req)
        let day = today()
        let budgets = try await BudgetStore.budgets(on: req.db)
        var items: [Summary] = []
        for budget in budgets.dropFirst(paging.offset).prefix(paging.limit) {
            items.append(Summary(budget, headings: try await BudgetStore.headings(budget.id, on: req.db), today: day))
        }
        return ListResponse(items: items, total: budgets.count, limit: paging.limit, offset: paging.offset)
    }

    static func loaded(_ req: Request) async throws -> BudgetPages.Loaded {
        do {
            return try await BudgetPages.load(req)
        } catch let error as Abort where error.status == .notFound {
            let slug = (try? req.parameters.require(APIURL.idKey)) ?? ""
            throw Abort(.notFound, reason: "No participatory budget has the id '\(slug.prefix(80))'.")
        }
    }

    static func budget(_ req: Request) async throws -> Detail {
        let loaded = try await loaded(req)
        let budget = loaded.budget
        let slugOf = Dictionary(uniqueKeysWithValues: loaded.headings.map { ($0.id, $0.slug) })
        let milestones = try await BudgetStore.milestones(budget.id, on: req.db)
        let photos = try await BudgetPhotos.photos(budget.id, on: req.db)
        return Detail(
            budget: Summary(budget, headings: loaded.headings, today: loaded.today), rules: budget.rules,
            eligibility: budget.eligibility,
            headings: loaded.headings.map {
                Heading(id: $0.slug, area: $0.area, amount: $0.amount, population: $0.population)
            },
            proposals: loaded.proposals.map { proposal in
                let shown = proposal.hidden_reason == nil
                return Proposal(
                    number: proposal.number,
                    url: SiteURL.Budgets.proposal(.value(budget.slug), .value(String(proposal.number))).path,
                    heading: slugOf[proposal.heading_id] ?? "", title: shown ? proposal.title : nil,
                    description: shown ? proposal.description : nil, place: shown ? proposal.place : nil,
                    author: shown ? proposal.author : nil, estimatedCost: proposal.estimated_cost,
                    feasibility: proposal.feasibility, explanation: proposal.explanation, cost: proposal.cost,
                    costExplanation: proposal.cost_explanation, responsible: proposal.responsible,
                    mergedInto: proposal.merged_into, hiddenReason: proposal.hidden_reason,
                    onBallot: proposal.onBallot, progress: proposal.progress, implementation: proposal.implementation,
                    milestones: milestones[proposal.id] ?? [],
                    photos: shown
                        ? (photos[proposal.id] ?? []).map {
                            Photo(
                                url: SiteURL.Budgets.photo(.value(budget.slug), .value($0.id.uuidString)).path,
                                alt: $0.alt, milestone: $0.milestone_day)
                        } : [])
            })
    }

    static func results(_ req: Request) async throws -> Results {
        let loaded = try await loaded(req)
        guard loaded.phase >= .results else {
            throw Abort(
                .notFound,
                reason:
                    "The results of '\(loaded.budget.slug)' are published when voting closes on \(loaded.budget.voting_until)."
            )
        }
        try req.refuseListParameter("indicator")
        let code = req.query[String.self, at: "indicator"]
        // As the dialogues' reach answers: an indicator that does not exist is not found.
        if let code, try await IndicatorQueries.one(code, on: req.db) == nil {
            throw Abort(.notFound, reason: "No indicator has the code '\(code.prefix(80))'.")
        }
        let tally = try await BallotBox.tally(loaded.budget, on: req.db)
        let computed = BudgetResultsPage.compute(loaded, tally: tally)
        let reach = try await BudgetReachQuery.compute(loaded, tally: tally, indicatorCode: code, on: req.db)
        return Results(
            budget: loaded.budget.slug, rule: loaded.budget.rule_kind,
            headings: zip(loaded.headings, computed).map { heading, result in
                let channels = tally.ballots[heading.id] ?? [:]
                let ballots = channels.values.reduce(0, +)
                return HeadingResult(
                    heading: heading.slug, area: heading.area, amount: heading.amount, spent: result.spent,
                    population: heading.population, ballots: ballots,
                    ballotsByChannel: Dictionary(uniqueKeysWithValues: channels.map { ($0.key.rawValue, $0.value) }),
                    turnoutPer1000: heading.population.flatMap { $0 > 0 ? Double(ballots) * 1000 / Double($0) : nil },
                    lines: result.lines.map {
                        ResultLine(number: Int($0.project) ?? 0, cost: $0.cost, votes: $0.votes, won: $0.won)
                    })
            }, awaitingConfirmation: tally.awaitingConfirmation, reach: Reach(reach))
    }
}
