import Fluent
import Foundation
import SkillnadCore

/// A body's follow-up: its assignments (uppdrag) year by year, the published status of each per
/// period, and what it must report next and by when. The catalogue's body page shows the latest
/// year; the follow-up's body page shows every year.
struct BodyFollowUpSection: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        let period: String
        let href: String
        let status: FollowUpView.Status?
        let progress: String
    }

    struct Assignment: Encodable, Sendable {
        let measure: FollowUpView.MeasureRef
        let text: String?
        let ended: Bool
        let cells: [Cell]
    }

    struct Year: Encodable, Sendable {
        let year: String
        let href: String
        let periods: [LocalText]
        let assignments: [Assignment]
        let progress: String
    }

    /// A report the body still owes: the period's deadline, and the assignment.
    struct Due: Encodable, Sendable {
        let period: LocalText
        let deadline: String
        let measure: FollowUpView.MeasureRef
        let href: String
        let submitted: Bool
    }

    let years: [Year]
    let due: [Due]
    let pageHref: String
    let overviewHref: String

    /// A body's deadlines still to come: each period of its assignments' years that is not yet due.
    struct Deadline: Sendable {
        let period: FollowUpQueries.Period
        let assignments: [FollowUpQueries.AssignmentReports]
    }

    static func deadlines(
        _ assignments: [FollowUpQueries.AssignmentReports], periods: [FollowUpQueries.Period], today: Day
    ) -> [Deadline] {
        periods.compactMap { period in
            guard let deadline = Day(period.deadline), deadline >= today else { return nil }
            let owed = assignments.filter { !$0.ended && $0.budgetYear == period.year }
            return owed.isEmpty ? nil : Deadline(period: period, assignments: owed)
        }
        .sorted { $0.period.deadline < $1.period.deadline }
    }

    static func load(
        _ body: String, index: CatalogueIndex, lang: Lang, latestOnly: Bool, today: Day, on db: any Database
    ) async throws -> BodyFollowUpSection? {
        let assignments = try await FollowUpQueries.assignments(.body(body), on: db)
        guard !assignments.isEmpty else { return nil }
        let periods = try await FollowUpQueries.periods(on: db)
        return build(
            index, lang, body: body, assignments: assignments, periods: periods, latestOnly: latestOnly, today: today)
    }

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, body: String, assignments: [FollowUpQueries.AssignmentReports],
        periods: [FollowUpQueries.Period], latestOnly: Bool, today: Day
    ) -> BodyFollowUpSection {
        let s = Texts(lang)
        var yearNumbers = Set(assignments.map(\.budgetYear)).sorted(by: >)
        if latestOnly { yearNumbers = Array(yearNumbers.prefix(1)) }
        let years = yearNumbers.map { year -> Year in
            let yearPeriods = periods.filter { $0.year == year }
            let mine = assignments.filter { $0.budgetYear == year }
            return Year(
                year: String(year), href: SiteURL.FollowUp.budgetYear(.value(String(year))).link(lang),
                periods: yearPeriods.map { FollowUpView.period($0, lang) },
                assignments: mine.map { a in
                    Assignment(
                        measure: .make(a.measure, index, lang), text: a.text, ended: a.ended,
                        cells: yearPeriods.map { p in
                            let published = a.published[p.id]
                            return Cell(
                                period: FollowUpView.period(p, lang).text,
                                href: SiteURL.FollowUp.report(.value(p.slug), .value(a.measure), .value(body)).link(
                                    lang),
                                status: published.map { .make($0.status, s) },
                                progress: published.map { FollowUpView.percent($0.progress, lang) }
                                    ?? s[.fuNotReported])
                        })
                },
                progress: FollowUpView.percent(
                    FollowUpQueries.bodyRollup(mine, periods: yearPeriods).rollup.percent, lang))
        }
        let due = deadlines(assignments, periods: periods, today: today).prefix(latestOnly ? 1 : 3).flatMap {
            deadline in
            deadline.assignments.map { a in
                Due(
                    period: FollowUpView.period(deadline.period, lang), deadline: deadline.period.deadline,
                    measure: .make(a.measure, index, lang),
                    href: SiteURL.FollowUp.report(.value(deadline.period.slug), .value(a.measure), .value(body)).link(
                        lang),
                    submitted: a.handedIn(deadline.period.id))
            }
        }
        return BodyFollowUpSection(
            years: years, due: Array(due), pageHref: SiteURL.FollowUp.body(.value(body)).link(lang),
            overviewHref: SiteURL.FollowUp.overview.link(lang, query: [("body", body)]))
    }
}
