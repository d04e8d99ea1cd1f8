import Foundation
import SkillnadCore

/// The follow-up overview (uppföljningsöversikt): a budget year's assignments × its periods, each
/// cell the published status and progress, filtered by report, body, target area and status, with
/// the roll-ups the annual report is written from. The print view shows the same for paper.
struct FollowUpOverviewPage: Encodable, Sendable {
    /// The overview's filters as read from the address, checked against the catalogue.
    struct Filters: Sendable, Equatable {
        var year: Int?
        var report: String?
        var body: String?
        var targetArea: String?
        /// A `FollowUpStatus`, or `unreported`.
        var status: String?

        static let unreported = "unreported"

        /// The address's query for these filters (the year only when chosen).
        var query: [(String, String)] {
            [
                ("year", year.map(String.init)), ("report", report), ("body", body), ("targetArea", targetArea),
                ("status", status),
            ]
            .compactMap { name, value in value.map { (name, $0) } }
        }

        /// Reads the filters; an unknown value is the reader's to correct (400), never ignored.
        static func read(
            year: String?, report: String?, body: String?, targetArea: String?, status: String?,
            index: CatalogueIndex
        ) throws -> Filters {
            func given(_ value: String?) -> String? {
                let trimmed = value?.trimmingCharacters(in: .whitespaces) ?? ""
                return trimmed.isEmpty ? nil : String(trimmed.prefix(200))
            }
            var filters = Filters()
            if let y = given(year) {
                guard let number = Int(y), (1900...2200).contains(number) else {
                    throw ParameterError(parameter: "year", message: "expected a year such as 2018, got '\(y)'")
                }
                filters.year = number
            }
            if let r = given(report) {
                guard index.reportByID[r] != nil else {
                    throw ParameterError(parameter: "report", message: "no report has the id '\(r)'")
                }
                filters.report = r
            }
            if let b = given(body) {
                guard index.bodyByID[b] != nil else {
                    throw ParameterError(parameter: "body", message: "no body has the id '\(b)'")
                }
                filters.body = b
            }
            if let t = given(targetArea) {
                guard index.document.roadmap?.targetAreas.contains(where: { $0.id == t }) == true else {
                    throw ParameterError(parameter: "targetArea", message: "no target area has the id '\(t)'")
                }
                filters.targetArea = t
            }
            if let st = given(status) {
                guard FollowUpStatus(rawValue: st) != nil || st == unreported else {
                    let known = (FollowUpStatus.allCases.map(\.rawValue) + [unreported]).joined(separator: ", ")
                    throw ParameterError(parameter: "status", message: "expected one of \(known), got '\(st)'")
                }
                filters.status = st
            }
            return filters
        }
    }

    struct PeriodHead: Encodable, Sendable {
        let name: LocalText
        let href: String
        let deadline: String
    }

    struct Cell: Encodable, Sendable {
        let href: String
        let status: FollowUpView.Status?
        let progress: String
        /// For screen readers: the period the cell belongs to.
        let period: String
    }

    /// One assignment: a measure given to a body. A measure given to two bodies has two rows.
    struct Row: Encodable, Sendable {
        let measure: FollowUpView.MeasureRef
        let body: FollowUpView.BodyRef
        /// Moved to another body by a later decision.
        let ended: Bool
        let cells: [Cell]
    }

    struct Select: Encodable, Sendable {
        let name: String
        let label: String
        let options: [FollowUpView.Option]
    }

    let year: String?
    let title: String
    let selects: [Select]
    let periods: [PeriodHead]
    let rows: [Row]
    let rowCount: String
    /// Which rows of how many the screen page shows ("1–100 av 729"); nil when it shows all.
    let range: String?
    let previousHref: String?
    let nextHref: String?
    let rollupHeaders: [String]
    let rollups: [FollowUpView.RollupTable]
    let filtered: Bool
    let resetHref: String
    let printHref: String
    let screenHref: String
    let csvHref: String
    let csvExcelHref: String
    /// The import of reports from a spreadsheet, for editors and administrators.
    let importHref: String
    let budgetYearHref: String?
    let overviewHref: String
    let budgetYearsHref: String
    let periodsHref: String
    let fundHref: String
    let printedOn: String

    static func build(
        _ index: CatalogueIndex, _ lang: Lang, filters given: Filters, periods allPeriods: [FollowUpQueries.Period],
        assignments: [FollowUpQueries.AssignmentReports], budgetYears: [FollowUpQueries.BudgetYearRow],
        print: Bool, today: Day, limit: Int = Int.max, offset: Int = 0
    ) -> PageContext<FollowUpOverviewPage> {
        let s = Texts(lang)
        var filters = given
        let year = filters.year ?? FollowUpQueries.defaultYear(periods: allPeriods)
        filters.year = given.year
        let periods = allPeriods.filter { $0.year == year }
        let measureOrder = Dictionary(
            index.document.measures.enumerated().map { ($1.publicID, $0) }, uniquingKeysWith: { first, _ in first })
        func targetAreas(_ measure: MeasureRecord?) -> Set<String> {
            Set((measure?.strategies ?? []).compactMap { index.strategyByID[$0]?.targetArea.id })
        }
        let shown = assignments.filter { a in
            let m = index.measureByPublicID[a.measure]
            if let r = filters.report, m?.report != r { return false }
            if let b = filters.body, a.body != b { return false }
            if let t = filters.targetArea, !targetAreas(m).contains(t) { return false }
            if let st = filters.status {
                let latest = a.latest(in: periods)?.publication.status.rawValue ?? Filters.unreported
                if latest != st { return false }
            }
            return true
        }
        .sorted {
            (measureOrder[$0.measure] ?? Int.max, $0.measure, $0.body) < (
                measureOrder[$1.measure] ?? Int.max, $1.measure, $1.body
            )
        }
        // The screen shows a page of rows (a city's year has hundreds); paper and the roll-ups take them all.
        let first = min(offset, shown.count)
        let last = limit >= shown.count - first ? shown.count : first + limit
        let rows = shown[first..<last].map { a in
            Row(
                measure: .make(a.measure, index, lang), body: .make(a.body, index, lang), ended: a.ended,
                cells: periods.map { p in
                    let published = a.published[p.id]
                    return Cell(
                        href: SiteURL.FollowUp.report(.value(p.slug), .value(a.measure), .value(a.body)).link(lang),
                        status: published.map { FollowUpView.Status.make($0.status, s) },
                        progress: published.map { FollowUpView.percent($0.progress, lang) } ?? s[.fuNotReported],
                        period: FollowUpView.period(p, lang).text)
                })
        }
        let rollups = Self.rollups(index, lang, shown, periods: periods, year: year)
        let query = filters.query
        let yearQuery = year.map { [("year", String($0))] } ?? []
        let page = FollowUpOverviewPage(
            year: year.map(String.init),
            title: year.map { Strings.fill(s[.fuOverviewOfYear], String($0)) } ?? s[.fuOverviewTitle],
            selects: selects(index, lang, filters: filters, year: year, periods: allPeriods),
            periods: periods.map {
                PeriodHead(
                    name: FollowUpView.period($0, lang), href: SiteURL.FollowUp.period(.value($0.slug)).link(lang),
                    deadline: $0.deadline)
            },
            rows: rows,
            rowCount: s.count(shown.count, FollowUpPageText.fuAssignmentOne, FollowUpPageText.fuAssignmentMany),
            range: first == 0 && last == shown.count
                ? nil
                : Strings.fill(
                    s[.fuRowsShown], NumberText.plain(Double(first + 1), decimals: 0, lang),
                    NumberText.plain(Double(last), decimals: 0, lang),
                    NumberText.plain(Double(shown.count), decimals: 0, lang)),
            previousHref: first > 0
                ? SiteURL.FollowUp.overview.link(
                    lang, query: query + [("limit", String(limit)), ("offset", String(max(0, first - limit)))])
                : nil,
            nextHref: last < shown.count
                ? SiteURL.FollowUp.overview.link(
                    lang, query: query + [("limit", String(limit)), ("offset", String(last))])
                : nil,
            rollupHeaders: FollowUpView.rollupHeaders(s), rollups: rollups,
            filtered: filters.report != nil || filters.body != nil || filters.targetArea != nil
                || filters.status != nil,
            resetHref: SiteURL.FollowUp.overview.link(lang, query: yearQuery),
            printHref: SiteURL.FollowUp.overviewPrint.link(lang, query: query),
            screenHref: SiteURL.FollowUp.overview.link(lang, query: query),
            csvHref: SiteURL.FollowUp.reportsCSV.path,
            csvExcelHref: SiteURL.FollowUp.reportsCSV.path + "?variant=excel",
            importHref: SiteURL.FollowUp.importReports.link(lang),
            budgetYearHref: year.flatMap { y in
                budgetYears.contains { $0.year == y } ? SiteURL.FollowUp.budgetYear(.value(String(y))).link(lang) : nil
            },
            overviewHref: SiteURL.FollowUp.overview.link(lang),
            budgetYearsHref: SiteURL.FollowUp.budgetYears.link(lang),
            periodsHref: SiteURL.FollowUp.periods.link(lang), fundHref: SiteURL.FollowUp.fund.link(lang),
            printedOn: today.description)
        let route: any SiteRoute = print ? SiteURL.FollowUp.overviewPrint : SiteURL.FollowUp.overview
        let meta = PageMeta.make(
            lang, title: page.title + (print ? " (\(s[.fuPrintView]))" : ""), description: s[.fuOverviewDescription],
            section: SiteURL.FollowUp.overview, route: route, query: query,
            crumbs: print ? [(s[.followUp], SiteURL.FollowUp.overview)] : [])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// Progress and status counts for the year, per report, per target area and strategy of the
    /// roadmap, and per body, from the assignments shown.
    static func rollups(
        _ index: CatalogueIndex, _ lang: Lang, _ assignments: [FollowUpQueries.AssignmentReports],
        periods: [FollowUpQueries.Period], year: Int?
    ) -> [FollowUpView.RollupTable] {
        let s = Texts(lang)
        let byMeasure = FollowUpQueries.measureRollups(assignments, periods: periods)
        guard !byMeasure.isEmpty else { return [] }
        func group(_ ids: [String]) -> FollowUpQueries.Rollup {
            FollowUpQueries.groupRollup(ids.compactMap { byMeasure[$0] })
        }
        let total = FollowUpView.RollupRow.make(
            LocalText(
                text: year.map { Strings.fill(s[.fuBudgetYearN], String($0)) } ?? s[.fuAllYears], lang: lang.rawValue),
            group(Array(byMeasure.keys)), lang)
        let reports = index.document.reports.compactMap { r -> FollowUpView.RollupRow? in
            let ids = byMeasure.keys.filter { index.measureByPublicID[$0]?.report == r.id }
            guard !ids.isEmpty else { return nil }
            return .make(
                LocalText(text: r.title, lang: "sv"), href: SiteURL.Catalogue.report(.value(r.id)).link(lang),
                group(ids), lang)
        }
        var areaRows: [FollowUpView.RollupRow] = []
        var strategyRows: [FollowUpView.RollupRow] = []
        for area in index.document.roadmap?.targetAreas ?? [] {
            let strategyIDs = Set(area.strategies.map(\.id))
            let inArea = byMeasure.keys.filter { id in
                (index.measureByPublicID[id]?.strategies ?? []).contains { strategyIDs.contains($0) }
            }
            guard !inArea.isEmpty else { continue }
            let areaName = lang.pick(area.name, area.nameEn)
            areaRows.append(
                .make(areaName, href: SiteURL.Catalogue.roadmap.link(lang) + "#" + area.id, group(inArea), lang))
            for strategy in area.strategies {
                let ids = inArea.filter { (index.measureByPublicID[$0]?.strategies ?? []).contains(strategy.id) }
                guard !ids.isEmpty else { continue }
                let title = lang.pick(strategy.title, strategy.titleEn)
                strategyRows.append(
                    .make(
                        LocalText(text: "\(areaName.text) \(strategy.numeral): \(title.text)", lang: title.lang),
                        href: SiteURL.Catalogue.roadmap.link(lang) + "#" + strategy.id, group(ids), lang))
            }
        }
        let bodies = Dictionary(grouping: assignments.filter { !$0.ended }, by: \.body)
            .map { body, list in (body, FollowUpQueries.bodyRollup(list, periods: periods)) }
            .map { body, rollup in
                (FollowUpView.body(body, index, lang), body, rollup)
            }
            .sorted { $0.0.text < $1.0.text }
            .map { name, body, rollup in
                FollowUpView.RollupRow.make(name, href: SiteURL.FollowUp.body(.value(body)).link(lang), rollup, lang)
            }
        return [
            FollowUpView.RollupTable(id: "rollup-year", heading: s[.fuRollupYear], rows: [total]),
            FollowUpView.RollupTable(id: "rollup-reports", heading: s[.fuRollupReports], rows: reports),
            FollowUpView.RollupTable(id: "rollup-areas", heading: s[.fuRollupTargetAreas], rows: areaRows),
            FollowUpView.RollupTable(id: "rollup-strategies", heading: s[.fuRollupStrategies], rows: strategyRows),
            FollowUpView.RollupTable(id: "rollup-bodies", heading: s[.fuRollupBodies], rows: bodies),
        ]
        .filter { !$0.rows.isEmpty }
    }

    static func selects(
        _ index: CatalogueIndex, _ lang: Lang, filters: Filters, year: Int?, periods: [FollowUpQueries.Period]
    ) -> [Select] {
        let s = Texts(lang)
        let any = FollowUpView.Option(value: "", label: s[.fuAll], lang: lang.rawValue, selected: false)
        func option(_ value: String, _ label: LocalText, _ chosen: String?) -> FollowUpView.Option {
            FollowUpView.Option(value: value, label: label.text, lang: label.lang, selected: chosen == value)
        }
        let years = Array(Set(periods.map(\.year))).sorted(by: >).map {
            option(String($0), LocalText(text: String($0), lang: lang.rawValue), year.map(String.init))
        }
        let reports = index.document.reports.map {
            option($0.id, LocalText(text: "\($0.title) (\($0.year))", lang: "sv"), filters.report)
        }
        let bodies = index.document.bodies.map { b in (b.id, lang.pick(b.name, b.nameEn)) }
            .sorted { $0.1.text < $1.1.text }
            .map { option($0.0, $0.1, filters.body) }
        let areas = (index.document.roadmap?.targetAreas ?? []).map {
            option($0.id, lang.pick($0.name, $0.nameEn), filters.targetArea)
        }
        let statuses =
            FollowUpStatus.allCases.map {
                option($0.rawValue, LocalText(text: s.label($0), lang: lang.rawValue), filters.status)
            }
            + [option(Filters.unreported, LocalText(text: s[.fuNotReported], lang: lang.rawValue), filters.status)]
        return [
            Select(name: "year", label: s[.fuFilterYear], options: years),
            Select(name: "report", label: s[.fuFilterReport], options: [any] + reports),
            Select(name: "body", label: s[.fuFilterBody], options: [any] + bodies),
            Select(name: "targetArea", label: s[.fuFilterTargetArea], options: [any] + areas),
            Select(name: "status", label: s[.fuFilterStatus], options: [any] + statuses),
        ]
    }
}
