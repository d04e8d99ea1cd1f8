import Foundation
import SkillnadCore

/// The budget years (budgetår), newest first, each with its council decision and how much was
/// decided in it.
struct BudgetYearsPage: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        let year: String
        let title: String
        let href: String
        let decidedOn: String?
        let diaryNumber: String?
        let decisions: String
        let example: Bool
    }

    let items: [Item]
    let newHref: String
    let overviewHref: String
    let periodsHref: String
    let fundHref: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, years: [FollowUpQueries.BudgetYearRow], decisionCounts: [Int: Int]
    ) -> PageContext<BudgetYearsPage> {
        let s = Texts(lang)
        let page = BudgetYearsPage(
            items: years.reversed().map { y in
                Item(
                    year: String(y.year), title: y.title,
                    href: SiteURL.FollowUp.budgetYear(.value(String(y.year))).link(lang), decidedOn: y.decidedOn,
                    diaryNumber: y.diaryNumber,
                    decisions: s.count(
                        decisionCounts[y.year] ?? 0, FollowUpPageText.fuDecisionOne, FollowUpPageText.fuDecisionMany),
                    example: y.example)
            },
            newHref: SiteURL.FollowUp.newBudgetYear.link(lang), overviewHref: SiteURL.FollowUp.overview.link(lang),
            periodsHref: SiteURL.FollowUp.periods.link(lang), fundHref: SiteURL.FollowUp.fund.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.fuBudgetYears], description: s[.fuBudgetYearsDescription],
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.budgetYears,
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
