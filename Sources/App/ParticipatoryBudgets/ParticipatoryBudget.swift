import Foundation
import SkillnadCore

/// A participatory budget (medborgarbudget, measure D.2.1.1) as stored: a sum of money per area
/// (its headings), owned by a body, with its phases, ballot rule and who may take part.
struct ParticipatoryBudget: Decodable, Sendable {
    let id: UUID
    let slug: String
    let title: String
    let title_en: String?
    /// The body that runs it; its editors review, moderate and enter paper ballots.
    let owner: String
    let rules: String
    let rules_en: String?
    let eligibility: String
    let eligibility_en: String?
    let minimum_age: Int?
    let rule_kind: String
    let minimum_share: Double?
    let maximum_projects: Int?
    let minimum_projects: Int?
    let proposals_from: String
    let review_from: String
    let voting_from: String
    let voting_until: String
    let implementation_from: String?
    let example: Bool
    let version: Int

    static let columns = [
        "id", "slug", "title", "title_en", "owner", "rules", "rules_en", "eligibility", "eligibility_en",
        "minimum_age", "rule_kind", "minimum_share", "maximum_projects", "minimum_projects", "proposals_from",
        "review_from", "voting_from", "voting_until", "implementation_from", "example", "version",
    ]

    /// The ballot rule as Core checks it; an approval ballot without a maximum allows every project.
    var rule: BallotRule {
        rule_kind == "approval"
            ? .approval(maximum: maximum_projects ?? Int.max, minimum: minimum_projects)
            : .knapsack(minimumShare: minimum_share)
    }

    var schedule: BudgetSchedule {
        BudgetSchedule(
            proposalsFrom: Day(proposals_from) ?? .epoch, reviewFrom: Day(review_from) ?? .epoch,
            votingFrom: Day(voting_from) ?? .epoch, votingUntil: Day(voting_until) ?? .epoch,
            implementationFrom: implementation_from.flatMap(Day.init))
    }

    func phase(on day: Day) -> BudgetPhase { schedule.phase(on: day) }
}

/// A heading (budgetpost): one area's share of the budget, with the area's population for turnout.
struct BudgetHeadingRow: Decodable, Sendable {
    let id: UUID
    let budget_id: UUID
    let slug: String
    let area: String
    let amount: Int
    let population: Int?
    let position: Int

    var core: BudgetHeading { BudgetHeading(id: slug, area: area, amount: amount, population: population) }
}

/// A resident's proposal (förslag) with its moderation, the officials' review and, once it has
/// won, how far it has come.
struct BudgetProposal: Decodable, Sendable {
    let id: UUID
    let budget_id: UUID
    let heading_id: UUID
    /// The proposal's number within the budget, in the order proposals came in.
    let number: Int
    let title: String
    let description: String
    let place: String?
    let estimated_cost: Int
    /// The name the proposer chose to show, if any.
    let author: String?
    let submitted_at: String
    /// Hidden by a moderator: the public reason. Never deleted.
    let hidden_reason: String?
    let feasibility: String
    let explanation: String?
    let cost: Int?
    let cost_explanation: String?
    let responsible: String?
    /// The number of the proposal it was merged into.
    let merged_into: Int?
    let progress: Int?
    let implementation: String?
    let version: Int

    static let columns = [
        "id", "budget_id", "heading_id", "number", "title", "description", "place", "estimated_cost", "author",
        "submitted_at", "hidden_reason", "feasibility", "explanation", "cost", "cost_explanation", "responsible",
        "merged_into", "progress", "implementation", "version",
    ]

    var review: Feasibility { Feasibility(rawValue: feasibility) ?? .pending }

    /// On the ballot: found feasible, neither hidden nor merged into another.
    var onBallot: Bool { review == .feasible && hidden_reason == nil && merged_into == nil }

    /// The cost the ballot uses: the officials' estimate once made.
    var ballotCost: Int { cost ?? estimated_cost }
}

/// The officials' finding on a proposal (bedömning).
enum Feasibility: String, CaseIterable, Codable, Sendable {
    case pending, feasible, unfeasible, needsChange
}

/// How a ballot came in (kanal): a voting code, a paper ballot entered by officials, or a
/// resident signed in with the municipality's login.
enum BallotChannel: String, CaseIterable, Codable, Sendable {
    case code, paper, signedIn
}
