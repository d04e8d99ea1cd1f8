import Foundation
import SkillnadCore

/// One budget decision (budgetbeslut) on a measure, with the weighing behind it: every position
/// the bodies took on the measure in the referral, and the measure's other decisions in order
/// (a change of body is a decision of its own, so the sequence shows who had it when).
struct DecisionPage: Encodable, Sendable {
    struct Position: Encodable, Sendable {
        let body: LocalText
        let position: String
        let cls: String
        let prerequisites: String?
        let text: String?
        let round: String
        let compilationHref: String
    }

    let kind: String
    let budgetYear: String
    let budgetYearHref: String
    let decidedOn: String
    let decidingBody: LocalText
    let diaryNumber: String?
    let bodies: [FollowUpView.BodyRef]
    let text: String?
    let amount: String?
    let funding: String?
    let postponedTo: String?
    /// The measure's weight in the budget year, when the decision set one.
    let weight: String?
    let example: Bool
    let measure: FollowUpView.MeasureRef
    let positions: [Position]
    let sequence: [MeasureLifeSection.Decision]

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, decision d: FollowUpQueries.Decision,
        others: [FollowUpQueries.Decision], positions: [ReferralStore.SubmittedPosition]
    ) -> PageContext<DecisionPage> {
        let s = Texts(lang)
        let kind = d.kind.map(s.label) ?? d.rawKind
        let measure = FollowUpView.MeasureRef.make(d.measure, index, lang)
        let page = DecisionPage(
            kind: kind, budgetYear: String(d.budgetYear),
            budgetYearHref: SiteURL.FollowUp.budgetYear(.value(String(d.budgetYear))).link(lang),
            decidedOn: d.decidedOn, decidingBody: FollowUpView.body(d.decidingBody, index, lang),
            diaryNumber: d.diaryNumber, bodies: d.bodies.map { .make($0, index, lang) }, text: d.text,
            amount: d.amount.map { FollowUpView.amount($0, lang) }, funding: d.funding.map(s.label),
            postponedTo: d.postponedTo.map(String.init),
            weight: d.weight.map { NumberText.plain($0, decimals: $0.rounded() == $0 ? 0 : 2, lang) },
            example: d.example, measure: measure,
            positions: positions.map { p in
                Position(
                    body: FollowUpView.body(p.body, index, lang),
                    position: PositionKind(rawValue: p.position).map(s.label) ?? p.position, cls: p.position,
                    prerequisites: p.prerequisites, text: p.text, round: p.title,
                    compilationHref: SiteURL.Referrals.compilation(.value(p.slug)).link(lang))
            },
            sequence: others.map { MeasureLifeSection.decision($0, index, lang, current: $0.id == d.id) })
        let meta = PageMeta.make(
            lang, title: "\(kind): \(measure.code) \(measure.title.text)",
            description: Strings.fill(s[.fuDecisionDescription], measure.code, String(d.budgetYear)),
            section: SiteURL.FollowUp.overview,
            route: SiteURL.FollowUp.decision(.value(d.id.uuidString.lowercased())),
            crumbs: [
                (s[.followUp], SiteURL.FollowUp.overview), (s[.fuBudgetYears], SiteURL.FollowUp.budgetYears),
                (String(d.budgetYear), SiteURL.FollowUp.budgetYear(.value(String(d.budgetYear)))),
            ])
        return PageContext(meta: meta, t: s, page: page)
    }
}
