import Fluent
import Foundation
import SkillnadCore

/// Winning projects as items of the follow-up (uppföljningen): once a budget's voting has
/// closed, each project that won goes to the body responsible for building it (the budget's
/// owner when the review named none), with a status read from its progress and its latest
/// milestone, so that residents find what was built where the city's other work is followed up.
enum BudgetFollowUp {
    struct Item: Sendable {
        let budget: ParticipatoryBudget
        let proposal: BudgetProposal
        let heading: BudgetHeadingRow
        let latest: BudgetStore.Milestone?

        /// Not started until some progress is reported, done at 100 %.
        var status: FollowUpStatus {
            switch proposal.progress ?? 0 {
            case ...0: .notStarted
            case 100...: .done
            default: .inProgress
            }
        }
    }

    /// The winners the body is responsible for, the latest vote first, by proposal number.
    static func items(responsible body: String, index: CatalogueIndex, today: Day, on db: any Database) async throws
        -> [Item]
    {
        var items: [Item] = []
        for budget in try await BudgetStore.budgets(on: db) where budget.phase(on: today) >= .results {
            let headings = try await BudgetStore.headings(budget.id, on: db)
            let proposals = try await BudgetStore.proposals(budget.id, on: db)
            let mine = proposals.filter { ($0.responsible ?? budget.owner) == body }
            guard !mine.isEmpty else { continue }
            let loaded = BudgetPages.Loaded(
                budget: budget, headings: headings, proposals: proposals, index: index, lang: .sv, today: today)
            let winners = BudgetResultsPage.winners(loaded, tally: try await BallotBox.tally(budget, on: db))
            let milestones = try await BudgetStore.milestones(budget.id, on: db)
            for proposal in mine where winners.contains(proposal.id) {
                guard let heading = loaded.heading(proposal.heading_id) else { continue }
                items.append(
                    Item(
                        budget: budget, proposal: proposal, heading: heading,
                        latest: milestones[proposal.id]?.max { $0.day < $1.day }))
            }
        }
        return items
    }

    /// A winner as a row of the follow-up's table.
    struct Row: Encodable, Sendable {
        let budget: LocalText
        let budgetHref: String
        let project: String
        let projectHref: String
        let area: LocalText
        let cost: String
        let status: String
        let progress: String
        let latest: String
    }

    static func rows(_ items: [Item], index: CatalogueIndex, lang: Lang) -> [Row] {
        let s = Texts(lang)
        return items.map { item in
            let slug = item.budget.slug
            let area = index.areaByID[item.heading.area]
            return Row(
                budget: lang.pick(item.budget.title, item.budget.title_en),
                budgetHref: SiteURL.Budgets.budget(.value(slug)).link(lang),
                project: "\(item.proposal.number). \(item.proposal.title)",
                projectHref: SiteURL.Budgets.proposal(.value(slug), .value(String(item.proposal.number))).link(lang),
                area: area.map { lang.pick($0.name, $0.nameEn) } ?? LocalText(text: item.heading.area, lang: "sv"),
                cost: s.kronor(item.proposal.ballotCost), status: s.label(item.status),
                progress: "\(item.proposal.progress ?? 0) %",
                latest: item.latest.map { "\($0.day) \($0.text)" } ?? "–")
        }
    }
}
