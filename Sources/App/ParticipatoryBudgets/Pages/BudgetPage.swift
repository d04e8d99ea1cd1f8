import Fluent
import Foundation
import SkillnadCore

/// A budget's page: where it stands, its rules, its areas and amounts, what residents can do now,
/// the proposals by area, and once voted, what is being built.
struct BudgetPage: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        let label: String
        let day: String
        let current: Bool
    }

    struct Heading: Encodable, Sendable {
        let area: LocalText
        let amount: String
        let population: String
        let proposals: [ProposalLine]
    }

    struct Link: Encodable, Sendable {
        let label: String
        let href: String
    }

    let title: LocalText
    let example: Bool
    let owner: String
    let phase: String
    let steps: [Step]
    let rules: LocalText
    let eligibility: LocalText
    let ballotRule: [String]
    let headings: [Heading]
    let actions: [Link]
    let officialLinks: [Link]
    let winners: [ProposalLine]

    static func build(_ loaded: BudgetPages.Loaded, principal: Principal?, on db: any Database) async throws
        -> BudgetPage
    {
        let lang = loaded.lang
        let s = Texts(lang)
        let budget = loaded.budget
        let slug = budget.slug
        let phase = loaded.phase
        let schedule = budget.schedule
        var steps: [(BudgetPhase, String, Day?)] = [
            (.proposals, s[.pbProposalsFrom], schedule.proposalsFrom), (.review, s[.pbReviewFrom], schedule.reviewFrom),
            (.voting, s[.pbVotingFrom], schedule.votingFrom), (.results, s[.pbVotingUntil], schedule.votingUntil),
        ]
        if let implementation = schedule.implementationFrom {
            steps.append((.implementation, s[.pbImplementationFrom], implementation))
        }
        var actions: [Link] = []
        switch phase {
        case .proposals:
            actions.append(Link(label: s[.pbPropose], href: SiteURL.Budgets.propose(.value(slug)).link(lang)))
        case .voting:
            actions.append(Link(label: s[.pbVote], href: SiteURL.Budgets.vote(.value(slug)).link(lang)))
            actions.append(Link(label: s[.pbCheckReceipt], href: SiteURL.Budgets.receipt(.value(slug)).link(lang)))
        case .results, .implementation:
            actions.append(Link(label: s[.pbResults], href: SiteURL.Budgets.results(.value(slug)).link(lang)))
            actions.append(Link(label: s[.pbCheckReceipt], href: SiteURL.Budgets.receipt(.value(slug)).link(lang)))
        case .announced, .review: break
        }
        actions.append(Link(label: s[.pbTrail], href: SiteURL.Budgets.trail(.value(slug)).link(lang)))
        var officialLinks: [Link] = []
        if loaded.mayManage(principal) {
            officialLinks = [
                Link(label: s[.pbCodes], href: SiteURL.Budgets.codes(.value(slug)).link(lang)),
                Link(label: s[.pbPaper], href: SiteURL.Budgets.paper(.value(slug)).link(lang)),
            ]
        }
        var votes: [UUID: Int] = [:]
        var won: Set<UUID> = []
        if phase >= .results {
            let tally = try await BallotBox.tally(budget, on: db)
            votes = tally.votes
            won = BudgetResultsPage.winners(loaded, tally: tally)
        }
        let headings = loaded.headings.map { heading in
            Heading(
                area: loaded.areaName(heading), amount: s.kronor(heading.amount),
                population: heading.population.map { NumberText.plain(Double($0), decimals: 0, lang) } ?? "–",
                proposals: loaded.proposals.filter { $0.heading_id == heading.id }.map {
                    ProposalLine.make($0, loaded, votes: phase >= .results ? votes[$0.id] ?? 0 : nil, won: won)
                })
        }
        let winners = loaded.proposals.filter { won.contains($0.id) }.map {
            ProposalLine.make($0, loaded, votes: votes[$0.id] ?? 0, won: won)
        }
        return BudgetPage(
            title: loaded.title, example: budget.example,
            owner: loaded.index.bodyByID[budget.owner]?.name ?? budget.owner,
            phase: s.label(phase),
            steps: steps.map { Step(label: $0.1, day: $0.2?.description ?? "–", current: $0.0 == phase) },
            rules: lang.pick(budget.rules, budget.rules_en),
            eligibility: lang.pick(budget.eligibility, budget.eligibility_en),
            ballotRule: ballotRule(budget, loaded.headings, s), headings: headings, actions: actions,
            officialLinks: officialLinks, winners: winners)
    }

    /// The ballot rule and the winners' rule in plain language.
    static func ballotRule(_ budget: ParticipatoryBudget, _ headings: [BudgetHeadingRow], _ s: Texts) -> [String] {
        var lines: [String] = []
        switch budget.rule {
        case .knapsack(let share):
            let amounts = headings.map { s.kronor($0.amount) }.joined(separator: ", ")
            lines.append(Strings.fill(s[.pbRuleKnapsack], amounts))
            if let share, share > 0 {
                lines.append(
                    Strings.fill(s[.pbRuleMinimumShare], NumberText.value(share * 100, unit: "percent", s.lang)))
            }
        case .approval(let maximum, let minimum):
            if let minimum {
                lines.append(Strings.fill(s[.pbRuleApprovalMinimum], String(minimum), String(maximum)))
            } else {
                lines.append(Strings.fill(s[.pbRuleApproval], String(maximum)))
            }
        }
        lines.append(s[.pbRuleWinners])
        if let age = budget.minimum_age { lines.append(Strings.fill(s[.pbMinimumAge], String(age))) }
        return lines
    }
}

/// A proposal as listed: its number, title, cost, the review's finding, and once voted its votes.
struct ProposalLine: Encodable, Sendable {
    let number: Int
    let title: String
    let href: String
    let cost: String
    let feasibility: String
    /// "Proposal 4 is hidden: …", in place of the title.
    let hidden: String?
    let merged: String?
    let onBallot: Bool
    let votes: Int?
    let won: Bool
    let progress: Int?

    static func make(_ proposal: BudgetProposal, _ loaded: BudgetPages.Loaded, votes: Int?, won: Set<UUID>)
        -> ProposalLine
    {
        let s = Texts(loaded.lang)
        return ProposalLine(
            number: proposal.number, title: proposal.title,
            href: SiteURL.Budgets.proposal(.value(loaded.budget.slug), .value(String(proposal.number)))
                .link(loaded.lang),
            cost: s.kronor(proposal.ballotCost), feasibility: s.label(proposal.review),
            hidden: proposal.hidden_reason.map { Strings.fill(s[.pbHiddenNote], String(proposal.number), $0) },
            merged: proposal.merged_into.map { Strings.fill(s[.pbMergedNote], String($0)) },
            onBallot: proposal.onBallot, votes: votes, won: won.contains(proposal.id), progress: proposal.progress)
    }
}
