import Foundation
import SkillnadCore

/// The follow-up's own page of a body: every year of its assignments.
struct FollowUpBodyPage: Encodable, Sendable {
    let name: LocalText
    let bodyHref: String
    let calendarHref: String
    /// The body's follow-up, when it has assignments: a list of one, for the template's loop.
    let sections: [BodyFollowUpSection]
    /// Winning projects of participatory budgets the body builds.
    let budgetProjects: [BudgetFollowUp.Row]

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, body: String, section: BodyFollowUpSection?,
        budgetProjects: [BudgetFollowUp.Item]
    ) -> PageContext<FollowUpBodyPage>? {
        guard index.bodyByID[body] != nil else { return nil }
        let s = Texts(lang)
        let name = FollowUpView.body(body, index, lang)
        let page = FollowUpBodyPage(
            name: name, bodyHref: SiteURL.Catalogue.body(.value(body)).link(lang),
            calendarHref: SiteURL.Referrals.bodyCalendar(.value(body)).path,
            sections: section.map { [$0] } ?? [],
            budgetProjects: BudgetFollowUp.rows(budgetProjects, index: index, lang: lang))
        let meta = PageMeta.make(
            lang, title: "\(s[.followUp]): \(name.text)", description: Strings.fill(s[.fuBodyDescription], name.text),
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.body(.value(body)),
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
