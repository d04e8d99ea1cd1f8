import Foundation
import SkillnadCore

/// A follow-up period (uppföljningsperiod): the roll-up per body from the reports published for
/// it, the reports that are late (the deadline has passed and the body has neither submitted nor
/// published one) and those missing from the public record (no published report yet), per body.
struct FollowUpPeriodPage: Encodable, Sendable {
    struct Missing: Encodable, Sendable {
        let body: FollowUpView.BodyRef
        let measures: [Item]
    }

    struct Item: Encodable, Sendable {
        let measure: FollowUpView.MeasureRef
        let href: String
        /// Handed in, waiting to be published.
        let submitted: Bool
    }

    let name: LocalText
    let year: String
    let asOf: String
    let deadline: String
    let deadlinePassed: Bool
    let rollupHeaders: [String]
    let rollups: [FollowUpView.RollupTable]
    let late: [Missing]
    let lateCount: String
    let missing: [Missing]
    let missingCount: String
    let overviewHref: String
    let periodsHref: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, period: FollowUpQueries.Period,
        assignments: [FollowUpQueries.AssignmentReports], today: Day
    ) -> PageContext<FollowUpPeriodPage> {
        let s = Texts(lang)
        let active = assignments.filter { $0.covers(period) }
        let passed = Day(period.deadline).map { $0 < today } ?? false
        let bodyIDs = Set(active.map(\.body)).sorted {
            FollowUpView.body($0, index, lang).text < FollowUpView.body($1, index, lang).text
        }
        let rows = bodyIDs.map { body in
            FollowUpView.RollupRow.make(
                FollowUpView.body(body, index, lang), href: SiteURL.FollowUp.body(.value(body)).link(lang),
                FollowUpQueries.periodRollup(active.filter { $0.body == body }, period: period), lang)
        }
        func item(_ a: FollowUpQueries.AssignmentReports) -> Item {
            Item(
                measure: .make(a.measure, index, lang),
                href: SiteURL.FollowUp.report(.value(period.slug), .value(a.measure), .value(a.body)).link(lang),
                submitted: a.handedIn(period.id))
        }
        func perBody(_ list: [FollowUpQueries.AssignmentReports]) -> [Missing] {
            bodyIDs.compactMap { body in
                let mine = list.filter { $0.body == body }
                return mine.isEmpty ? nil : Missing(body: .make(body, index, lang), measures: mine.map(item))
            }
        }
        let late = passed ? active.filter { !$0.handedIn(period.id) } : []
        let missing = active.filter { $0.published[period.id] == nil }
        let page = FollowUpPeriodPage(
            name: FollowUpView.period(period, lang), year: String(period.year), asOf: period.asOf,
            deadline: period.deadline, deadlinePassed: passed, rollupHeaders: FollowUpView.rollupHeaders(s),
            rollups: rows.isEmpty
                ? [] : [FollowUpView.RollupTable(id: "rollup-bodies", heading: s[.fuRollupBodies], rows: rows)],
            late: perBody(late),
            lateCount: s.count(late.count, FollowUpPageText.fuReportOne, FollowUpPageText.fuReportMany),
            missing: perBody(missing),
            missingCount: s.count(missing.count, FollowUpPageText.fuReportOne, FollowUpPageText.fuReportMany),
            overviewHref: SiteURL.FollowUp.overview.link(lang, query: [("year", String(period.year))]),
            periodsHref: SiteURL.FollowUp.periods.link(lang))
        let meta = PageMeta.make(
            lang, title: page.name.text, description: Strings.fill(s[.fuPeriodDescription], page.name.text),
            section: SiteURL.FollowUp.overview, route: SiteURL.FollowUp.period(.value(period.slug)),
            crumbs: [(s[.followUp], SiteURL.FollowUp.overview), (s[.fuPeriods], SiteURL.FollowUp.periods)])
        return PageContext(meta: meta, t: s, page: page)
    }
}
