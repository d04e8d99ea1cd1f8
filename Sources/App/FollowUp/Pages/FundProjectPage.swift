import Foundation
import SkillnadCore

/// A project financed from the social investment fund: its measures and body, the money granted
/// per year, its period, the effects expected, how it will be evaluated, and the evaluation.
struct FundProjectPage: Encodable, Sendable {
    struct Grant: Encodable, Sendable {
        let year: String
        let amount: String
    }

    let title: LocalText
    let body: FollowUpView.BodyRef
    let measures: [FollowUpView.MeasureRef]
    let period: String
    let grants: [Grant]
    let total: String
    let expectedEffects: String?
    let evaluationPlan: String?
    let evaluation: String?
    let evaluatedOn: String?
    let example: Bool
    let fundHref: String

    static func build(_ index: CatalogueIndex, _ lang: Lang, project p: FollowUpQueries.FundProjectRow)
        -> PageContext<FundProjectPage>
    {
        let s = Texts(lang)
        let page = FundProjectPage(
            title: lang.pick(p.title, p.titleEn), body: .make(p.body, index, lang),
            measures: p.measures.map { .make($0, index, lang) }, period: "\(p.startYear)–\(p.endYear)",
            grants: p.grants.map { Grant(year: String($0.year), amount: FollowUpView.amount($0.amount, lang)) },
            total: FollowUpView.amount(SwedishAmount(ore: SwedishAmount.total(p.grants.map(\.amount.ore))), lang),
            expectedEffects: p.expectedEffects, evaluationPlan: p.evaluationPlan, evaluation: p.evaluation,
            evaluatedOn: p.evaluatedOn, example: p.example, fundHref: SiteURL.FollowUp.fund.link(lang))
        let meta = PageMeta.make(
            lang, title: page.title.text, description: Strings.fill(s[.fuFundProjectDescription], page.title.text),
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.fundProject(.value(p.slug)),
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview), (s[.fuFund], SiteURL.FollowUp.fund)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
