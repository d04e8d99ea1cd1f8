import Foundation
import SkillnadCore

/// One budget year: the council's decision, every decision on a measure grouped by measure, the
/// year's roll-up, and the money financed per source.
struct BudgetYearPage: Encodable, Sendable {
    struct MeasureDecisions: Encodable, Sendable {
        let measure: FollowUpView.MeasureRef
        let decisions: [MeasureLifeSection.Decision]
    }

    struct Money: Encodable, Sendable {
        let source: String
        let amount: String
    }

    let year: String
    let title: String
    let decidedOn: String?
    let decidingBody: LocalText
    let diaryNumber: String?
    let example: Bool
    let measures: [MeasureDecisions]
    let rollupHeaders: [String]
    let rollups: [FollowUpView.RollupTable]
    let money: [Money]
    let moneyTotal: String?
    let overviewHref: String
    let budgetYearsHref: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, year: FollowUpQueries.BudgetYearRow,
        decisions: [FollowUpQueries.Decision], assignments: [FollowUpQueries.AssignmentReports],
        periods: [FollowUpQueries.Period]
    ) -> PageContext<BudgetYearPage> {
        let s = Texts(lang)
        let order = Dictionary(
            index.document.measures.enumerated().map { ($1.publicID, $0) }, uniquingKeysWith: { first, _ in first })
        let measures = Dictionary(grouping: decisions, by: \.measure)
            .sorted { (order[$0.key] ?? Int.max, $0.key) < (order[$1.key] ?? Int.max, $1.key) }
            .map { id, list in
                MeasureDecisions(
                    measure: .make(id, index, lang),
                    decisions: list.map { MeasureLifeSection.decision($0, index, lang) })
            }
        var bySource: [FundingSource: Int64] = [:]
        for d in decisions where d.kind == .financed {
            if let source = d.funding, let amount = d.amount {
                bySource[source] = SwedishAmount.total([bySource[source] ?? 0, amount.ore])
            }
        }
        let money = FundingSource.allCases.compactMap { source in
            bySource[source].map { Money(source: s.label(source), amount: FollowUpView.amount(.init(ore: $0), lang)) }
        }
        let total = SwedishAmount.total(bySource.values)
        let yearPeriods = periods.filter { $0.year == year.year }
        let page = BudgetYearPage(
            year: String(year.year), title: year.title, decidedOn: year.decidedOn,
            decidingBody: FollowUpView.body(year.decidingBody, index, lang), diaryNumber: year.diaryNumber,
            example: year.example, measures: measures, rollupHeaders: FollowUpView.rollupHeaders(s),
            rollups: FollowUpOverviewPage.rollups(index, lang, assignments, periods: yearPeriods, year: year.year),
            money: money, moneyTotal: money.isEmpty ? nil : FollowUpView.amount(.init(ore: total), lang),
            overviewHref: SiteURL.FollowUp.overview.link(lang, query: [("year", String(year.year))]),
            budgetYearsHref: SiteURL.FollowUp.budgetYears.link(lang))
        let meta = PageMeta.make(
            lang, title: year.title, description: Strings.fill(s[.fuBudgetYearDescription], String(year.year)),
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.budgetYear(.value(String(year.year))),
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview), (s[.fuBudgetYears], SiteURL.FollowUp.budgetYears)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
