import Foundation
import SkillnadCore

/// The social investment fund (sociala investeringsfonden): its capital per year, what was granted
/// from it each year, what remains, and the projects it finances.
struct FundPage: Encodable, Sendable {
    struct Year: Encodable, Sendable {
        let year: String
        let capital: String
        let granted: String
        let remaining: String
        let note: String?
    }

    struct Project: Encodable, Sendable {
        let title: LocalText
        let href: String
        let body: FollowUpView.BodyRef
        let period: String
        let granted: String
        let evaluated: Bool
        let example: Bool
    }

    let years: [Year]
    let projects: [Project]
    let newProjectHref: String
    let capitalHref: String
    let overviewHref: String
    let budgetYearsHref: String
    let periodsHref: String
    let fundHref: String

    /// Overspent shows as a real minus before the amount, never inside its digits.
    static func remaining(_ ore: Int64, _ lang: Lang) -> String {
        let text = FollowUpView.amount(SwedishAmount(ore: ore.magnitude > Int64.max.magnitude ? 0 : abs(ore)), lang)
        return ore < 0 ? "−" + text : text
    }

    static func build(_ index: CatalogueIndex, _ lang: Lang, fund: FollowUpQueries.Fund) -> PageContext<FundPage> {
        let s = Texts(lang)
        let page = FundPage(
            years: fund.years.map { y in
                let granted = fund.granted(in: y.year)
                return Year(
                    year: String(y.year), capital: FollowUpView.amount(y.capital, lang),
                    granted: FollowUpView.amount(granted, lang),
                    remaining: remaining(SwedishAmount.difference(y.capital.ore, granted.ore), lang),
                    note: y.note)
            },
            projects: fund.projects.map { p in
                Project(
                    title: lang.pick(p.title, p.titleEn), href: SiteURL.FollowUp.fundProject(.value(p.slug)).link(lang),
                    body: .make(p.body, index, lang), period: "\(p.startYear)–\(p.endYear)",
                    granted: FollowUpView.amount(
                        SwedishAmount(ore: SwedishAmount.total(p.grants.map(\.amount.ore))), lang),
                    evaluated: p.evaluation != nil, example: p.example)
            },
            newProjectHref: SiteURL.FollowUp.newFundProject.link(lang),
            capitalHref: SiteURL.FollowUp.fundCapital.link(lang), overviewHref: SiteURL.FollowUp.overview.link(lang),
            budgetYearsHref: SiteURL.FollowUp.budgetYears.link(lang), periodsHref: SiteURL.FollowUp.periods.link(lang),
            fundHref: SiteURL.FollowUp.fund.link(lang))
        let meta = PageMeta.make(
            lang, title: s[.fuFund], description: s[.fuFundDescription], section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.fund, crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
