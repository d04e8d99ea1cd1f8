import Fluent
import Foundation
import SkillnadCore

/// The measure's life (åtgärdens livslopp), a section of the measure page: proposed in a report →
/// the referral's positions → the budget decisions by year → the follow-up reports per period →
/// the gap between areas of the indicators those reports name, over the same years. One ordered
/// list, so a screen reader reads it as the sequence it is.
struct MeasureLifeSection: Encodable, Sendable {
    struct PositionCount: Encodable, Sendable {
        let label: String
        let cls: String
        let count: String
    }

    /// A body that named prerequisites (förutsättningar) for the measure.
    struct Prerequisite: Encodable, Sendable {
        let body: LocalText
        let position: String
        let text: String
        let round: String
        let compilationHref: String
    }

    struct Round: Encodable, Sendable {
        let title: String
        let compilationHref: String
    }

    struct Decision: Encodable, Sendable {
        let kind: String
        let decidedOn: String
        let decidingBody: LocalText
        let bodies: [FollowUpView.BodyRef]
        let amount: String?
        let funding: String?
        let href: String
        let year: String
        /// The decision the page is about, in a sequence of decisions.
        let current: Bool
    }

    struct DecisionYear: Encodable, Sendable {
        let year: String
        let href: String
        let decisions: [Decision]
    }

    struct Report: Encodable, Sendable {
        let period: LocalText
        let body: FollowUpView.BodyRef
        let status: FollowUpView.Status
        let progress: String
        let excerpt: String?
        let href: String
        /// "Revision 2" when the report was corrected after it was first published.
        let revision: String?
    }

    struct Gap: Encodable, Sendable {
        let id: String
        let name: LocalText
        let href: String
        let caption: String
        let rows: [GapRow]
        let charts: [LineChartView]
    }

    struct GapRow: Encodable, Sendable {
        let period: String
        let value: String
    }

    let reportTitle: String
    let reportYear: String
    let reportHref: String
    let positionCounts: [PositionCount]
    let positionTotal: String
    let prerequisites: [Prerequisite]
    let rounds: [Round]
    let decisionYears: [DecisionYear]
    let reports: [Report]
    let gaps: [Gap]
    let overviewHref: String
    /// The decision form started from this measure, for administrators.
    let newDecisionHref: String

    /// Reads what the section shows: a handful of queries on indexed columns, whatever the
    /// number of reports in the database.
    static func load(
        _ id: String, index: CatalogueIndex, lang: Lang, positions: [ReferralStore.SubmittedPosition],
        on db: any Database
    ) async throws -> MeasureLifeSection? {
        guard let measure = index.measureByPublicID[id], let report = index.reportByID[measure.report] else {
            return nil
        }
        let decisions = try await FollowUpQueries.decisions(measure: id, on: db)
        let assignments = try await FollowUpQueries.assignments(.measure(id), withText: true, on: db)
        let periods = assignments.isEmpty ? [] : try await FollowUpQueries.periods(on: db)
        let codes = assignments.flatMap { $0.published.values.flatMap(\.indicators) }
        var seen: Set<String> = []
        let gaps = try await FollowUpQueries.indicatorGaps(codes.filter { seen.insert($0).inserted }, on: db)
        return build(
            index, lang, id: id, report: report, positions: positions, decisions: decisions,
            assignments: assignments, periods: periods, gaps: gaps)
    }

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, id: String, report: ReportRecord,
        positions: [ReferralStore.SubmittedPosition], decisions: [FollowUpQueries.Decision],
        assignments: [FollowUpQueries.AssignmentReports], periods: [FollowUpQueries.Period],
        gaps: [FollowUpQueries.IndicatorGap]
    ) -> MeasureLifeSection {
        let s = Texts(lang)
        var counts: [PositionKind: Int] = [:]
        for p in positions { if let kind = PositionKind(rawValue: p.position) { counts[kind, default: 0] += 1 } }
        var rounds: [Round] = []
        for p in positions where !rounds.contains(where: { $0.title == p.title }) {
            rounds.append(
                Round(title: p.title, compilationHref: SiteURL.Referrals.compilation(.value(p.slug)).link(lang)))
        }
        let prerequisites = positions.compactMap { p -> Prerequisite? in
            guard let text = p.prerequisites, !text.isEmpty else { return nil }
            return Prerequisite(
                body: FollowUpView.body(p.body, index, lang),
                position: PositionKind(rawValue: p.position).map(s.label) ?? p.position, text: text, round: p.title,
                compilationHref: SiteURL.Referrals.compilation(.value(p.slug)).link(lang))
        }
        let years = Dictionary(grouping: decisions, by: \.budgetYear).sorted { $0.key < $1.key }.map { year, list in
            DecisionYear(
                year: String(year), href: SiteURL.FollowUp.budgetYear(.value(String(year))).link(lang),
                decisions: list.map { Self.decision($0, index, lang) })
        }
        var reports: [Report] = []
        for period in periods {
            for a in assignments {
                guard let p = a.published[period.id] else { continue }
                reports.append(
                    Report(
                        period: FollowUpView.period(period, lang), body: .make(a.body, index, lang),
                        status: .make(p.status, s), progress: FollowUpView.percent(p.progress, lang),
                        excerpt: FollowUpView.excerpt(p.narrative),
                        href: SiteURL.FollowUp.report(.value(period.slug), .value(id), .value(a.body)).link(lang),
                        revision: p.revision > 1 ? Strings.fill(s[.fuRevisionN], String(p.revision)) : nil))
            }
        }
        return MeasureLifeSection(
            reportTitle: report.title, reportYear: String(report.year),
            reportHref: SiteURL.Catalogue.report(.value(report.id)).link(lang),
            positionCounts: PositionKind.allCases.map {
                PositionCount(label: s.label($0), cls: $0.rawValue, count: String(counts[$0] ?? 0))
            },
            positionTotal: String(positions.count), prerequisites: prerequisites, rounds: rounds,
            decisionYears: years, reports: reports,
            gaps: gaps.enumerated().map { number, gap in Self.gap(gap, number: number, from: report.year, lang) },
            overviewHref: SiteURL.FollowUp.overview.link(lang),
            newDecisionHref: SiteURL.FollowUp.newDecision.link(lang, query: [("measure", id)]))
    }

    static func decision(
        _ d: FollowUpQueries.Decision, _ index: CatalogueIndex, _ lang: Lang, current: Bool = false
    ) -> Decision {
        let s = Texts(lang)
        return Decision(
            kind: d.kind.map(s.label) ?? d.rawKind, decidedOn: d.decidedOn,
            decidingBody: FollowUpView.body(d.decidingBody, index, lang),
            bodies: d.bodies.map { .make($0, index, lang) },
            amount: d.amount.map { FollowUpView.amount($0, lang) }, funding: d.funding.map(s.label),
            href: SiteURL.FollowUp.decision(.value(d.id.uuidString.lowercased())).link(lang),
            year: String(d.budgetYear), current: current)
    }

    /// The gap from the year the measure was proposed on: where it stood, and where it went.
    static func gap(_ gap: FollowUpQueries.IndicatorGap, number: Int, from year: Int, _ lang: Lang) -> Gap {
        let s = Texts(lang)
        let name = lang.pick(gap.name, gap.nameEn)
        let kept = gap.gaps.filter { (Int($0.period.prefix(4)) ?? 0) >= year }
        let format: (Double?) -> String = { NumberText.gap($0, unit: gap.unit, lang) }
        let caption = Strings.fill(s[.fuGapCaption], name.text)
        var charts: [LineChartView] = []
        if kept.count > 1 {
            charts.append(
                LineChartView.make(
                    id: "fu-gap-\(number)", title: caption, desc: s[.fuGapChartDesc],
                    unitLabel: "",
                    periods: kept.map(\.period),
                    series: [(s[.fuGapSeries], kept.map(\.difference), format)], lang: lang))
        }
        return Gap(
            id: "fu-gap-\(number)", name: name, href: SiteURL.Indicators.indicator(.value(gap.code)).link(lang),
            caption: caption, rows: kept.map { GapRow(period: $0.period, value: format($0.difference)) },
            charts: charts)
    }
}
