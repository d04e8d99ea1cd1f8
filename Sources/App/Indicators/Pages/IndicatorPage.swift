import Fluent
import Foundation
import SkillnadCore

/// One indicator: definition, key figures, the areas as a bar chart, the citywide value and
/// the gap over time, a map, the groups, and downloads.
struct IndicatorPage: Encodable, Sendable {
    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }
    struct Choice: Encodable, Sendable {
        let label: String
        let href: String
        let current: Bool
    }
    struct Link: Encodable, Sendable {
        let label: LocalText
        let href: String
    }
    struct Download: Encodable, Sendable {
        let label: String
        let href: String
    }
    struct ClassAreas: Encodable, Sendable {
        let label: String
        let areas: [AreaLink]
    }
    struct AreaLink: Encodable, Sendable {
        let name: String
        let href: String
    }

    let name: LocalText
    let code: String
    let definition: LocalText?
    let source: String?
    let sourceURL: String?
    let unit: String
    let direction: String
    let updated: String?
    let links: [Link]
    let milestones: [MilestoneStatusRow]
    let levels: [Choice]
    let periods: [Choice]
    let period: String?
    let levelName: String?
    let facts: [Fact]
    let trend: String?
    let preliminary: Bool
    let bars: [BarChartView]
    /// Sentences under the chart that say which values are added up from smaller areas, and how.
    let aggregationNotes: [String]
    /// A categorical indicator's areas and residents per class, and its areas listed by class.
    let distribution: [DataTable]
    let areasByClass: [ClassAreas]
    let series: [LineChartView]
    let gapSeries: [LineChartView]
    /// Said instead of a chart over time when there is one period only.
    let onePeriod: String?
    let maps: [MapView]
    let groups: [DataTable]
    let downloads: [Download]
    let apiHref: String
    let methodsLink: String

    /// - Parameters:
    ///   - query: what the page reads (`IndicatorPage.query`), for the level and period it chose.
    ///   - allAreas: the table under the bar chart lists every area, not only those drawn.
    static func build(
        _ index: CatalogueIndex, _ lang: Lang, code: String, level wantedLevel: String?, period wantedPeriod: String?,
        allAreas: Bool = false, query data: Query
    ) -> PageContext<IndicatorPage> {
        let info = data.info
        let s = Texts(lang)
        let d = info.definition
        let name = lang.pick(d.name, d.nameEn)
        let summaries = data.summaries
        let levelsPresent = Set(summaries.map(\.level))
        let level = data.level
        let atLevel = data.atLevel
        let periodsAtLevel = atLevel.map(\.period)
        let period = data.period
        let route = SiteURL.Indicators.indicator(.value(code))
        func query(level l: String?, period p: String?) -> [(String, String)] {
            [("level", l), ("period", p)].compactMap { k, v in v.map { (k, $0) } }
        }
        let levels = IndicatorQueries.levelOrder.map(\.rawValue).filter(levelsPresent.contains).map { l in
            Choice(
                label: s.areaKind(l), href: route.link(lang, query: query(level: l, period: nil)), current: l == level)
        }
        let periods = periodsAtLevel.reversed().map { p in
            Choice(label: p, href: route.link(lang, query: query(level: level, period: p)), current: p == period)
        }

        let kind = d.kindOrQuantity
        let classes = d.classes ?? []
        let english = lang == .en
        var facts: [Fact] = [
            Fact(label: s[.directionLabel], value: s.label(d.direction))
        ]
        if kind == .categorical, let first = classes.first, let last = classes.last {
            facts.insert(
                Fact(
                    label: s[.unit],
                    value: Strings.fill(
                        s[.classesFact], "\(classes.count)",
                        "\(first.value) (\(english ? first.labelEn ?? first.label : first.label))",
                        "\(last.value) (\(english ? last.labelEn ?? last.label : last.label))")), at: 0)
        } else {
            facts.insert(Fact(label: s[.unit], value: s.unit(d.unit)), at: 0)
        }
        let unitLabel = s.unit(d.unit)
        var bars: [BarChartView] = []
        var distribution: [DataTable] = []
        var areasByClass: [ClassAreas] = []
        var series: [LineChartView] = []
        var gapSeries: [LineChartView] = []
        var onePeriod: String?
        var maps: [MapView] = []
        var groups: DataTable?
        var trendText: String?
        var preliminary = false
        let cityValues = data.cityValues
        let cityLabel = s[.cityWhole]
        func areaName(_ id: String) -> String {
            index.areaByID[id].map { lang.pick($0.name, $0.nameEn).text } ?? id
        }
        func areaLink(_ id: String) -> String { SiteURL.Catalogue.area(.value(id)).link(lang) }
        if let level, let period, let summary = atLevel.first(where: { $0.period == period }) {
            let levelName = s.areaKind(level)
            let rows = data.rows
            let total = data.total
            preliminary = total.contains { $0.preliminary }
            let city = cityValues[period]
            if kind == .categorical {
                facts.append(Fact(label: s[.areaCount], value: "\(summary.area_count) (\(levelName))"))
                let counts = ClassCount.distribution(
                    total.compactMap { o in o.value.map { ($0, index.areaByID[o.slug]?.population) } },
                    classes: classes)
                let people = counts.compactMap(\.population).reduce(0, +)
                distribution.append(
                    DataTable(
                        caption: Strings.fill(s[.distributionCaption], name.text, levelName, period),
                        headers: [s[.classLabel], s[.areasInClass], s[.population], s[.populationShare]],
                        rows: zip(classes, counts).map { cls, count in
                            .init(
                                label: "\(cls.value) – \(english ? cls.labelEn ?? cls.label : cls.label)", href: nil,
                                cells: [
                                    "\(count.areas)", NumberText.value(count.population, unit: "count", lang),
                                    NumberText.value(
                                        count.population.map { people > 0 ? $0 / people * 100 : .nan },
                                        unit: "percent", lang),
                                ])
                        }))
                let byValue = Dictionary(grouping: total.filter { $0.value != nil }) { $0.value ?? 0 }
                areasByClass = classes.map { cls in
                    ClassAreas(
                        label: "\(cls.value) – \(english ? cls.labelEn ?? cls.label : cls.label)",
                        areas: (byValue[Double(cls.value)] ?? []).map {
                            AreaLink(name: areaName($0.slug), href: areaLink($0.slug))
                        }
                        .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
                }
            } else {
                facts += [
                    Fact(label: "\(cityLabel) \(period)", value: NumberText.value(city, unit: d.unit, lang)),
                    Fact(
                        label: s[.bestArea],
                        value: summary.best_area.map {
                            "\(areaName($0)): \(NumberText.value(summary.best_value, unit: d.unit, lang))"
                        } ?? "–"),
                    Fact(
                        label: s[.worstArea],
                        value: summary.worst_area.map {
                            "\(areaName($0)): \(NumberText.value(summary.worst_value, unit: d.unit, lang))"
                        } ?? "–"),
                    Fact(label: s[.gapDifference], value: NumberText.gap(summary.difference, unit: d.unit, lang)),
                    Fact(label: s[.gapRatio], value: NumberText.ratio(summary.ratio, lang)),
                    Fact(label: s[.areaCount], value: "\(summary.area_count) (\(levelName))"),
                ]
                let items = total.map { o in
                    (id: o.slug, label: areaName(o.slug), value: o.value, href: areaLink(o.slug))
                }
                let chart =
                    BarChartView.make(
                        id: "bars", title: "\(name.text), \(levelName), \(period) (\(unitLabel))",
                        desc: Strings.fill(s[.barsDesc], levelName, NumberText.value(city, unit: d.unit, lang)),
                        items: items, unit: d.unit, unitLabel: unitLabel, reference: city, referenceLabel: cityLabel,
                        table: allAreas
                            ? .allOpen
                            : .drawn(
                                linkToAll: route.link(
                                    lang, query: query(level: level, period: period) + [("table", "all")])
                                    + "#h-areas"),
                        lang: lang)
                bars.append(marked(chart, total, href: areaLink, s))
            }
            // The map: the chosen level when its areas have shapes, else the district areas.
            let mapLevel = data.mapLevel ?? level
            let mapRows = data.mapRows
            if let map = MapView.make(
                id: "map", title: "\(name.text), \(s.areaKind(mapLevel)), \(period)",
                desc: kind == .categorical ? s[.mapDescClasses] : s[.mapDesc],
                items: mapRows.map { o in
                    (
                        id: o.slug, label: areaName(o.slug), geometry: index.areaByID[o.slug]?.geometry,
                        value: o.value, href: areaLink(o.slug)
                    )
                },
                unit: d.unit,
                legendTitle: kind == .categorical ? name.text : "\(name.text) (\(unitLabel))",
                direction: d.direction,
                classes: kind == .categorical
                    ? classes.map { (value: $0.value, label: english ? $0.labelEn ?? $0.label : $0.label) } : nil,
                lang: lang)
            {
                maps.append(map)
            }
            // Groups: each group's (weighted) mean over the level's areas, and the city's own value when given.
            let byGroup = Dictionary(grouping: rows.filter { $0.group_key != ObservationGroup.total }, by: \.group_key)
            if kind == .quantity, !byGroup.isEmpty {
                let populations = Dictionary(
                    index.document.areas.map { ($0.id, $0.population) }, uniquingKeysWith: { a, _ in a })
                groups = DataTable(
                    caption: Strings.fill(s[.groupsCaption], levelName, period),
                    headers: [s[.group], s[.value], s[.areaCount]],
                    rows: byGroup.keys.sorted().map { g in
                        let list = (byGroup[g] ?? []).compactMap { o in
                            o.value.map {
                                DisparityInput(id: o.slug, value: $0, weight: o.weight ?? populations[o.slug] ?? nil)
                            }
                        }
                        let r = Disparity.compute(list, direction: d.direction)
                        return .init(
                            label: groupLabel(g, s), href: nil,
                            cells: [NumberText.value(r.mean?.value, unit: d.unit, lang), "\(r.areaCount)"])
                    })
            }
        }
        // Over time: a line needs two periods at least; with one, the page says so.
        let periodsShown = level.map { _ in atLevel.map(\.period) } ?? cityValues.keys.sorted()
        if periodsShown.count == 1, let only = periodsShown.first {
            onePeriod = Strings.fill(s[.onePeriodOnly], only)
        }
        if level == nil, let latest = periodsShown.last {
            facts.append(
                Fact(label: "\(cityLabel) \(latest)", value: NumberText.value(cityValues[latest], unit: d.unit, lang)))
        }
        if kind == .quantity, periodsShown.count > 1 {
            let ps = periodsShown
            series.append(
                LineChartView.make(
                    id: "city", title: Strings.fill(s[.overTimeCity], name.text), desc: s[.seriesDesc],
                    unitLabel: unitLabel, periods: ps,
                    series: [(cityLabel, ps.map { cityValues[$0] }, { NumberText.value($0, unit: d.unit, lang) })],
                    lang: lang))
            if let level {
                gapSeries.append(
                    LineChartView.make(
                        id: "gap", title: "\(name.text): \(s[.gapDifference]) (\(s.areaKind(level)))",
                        desc: s[.gapSeriesDesc], unitLabel: unitLabel, periods: ps,
                        series: [
                            (s[.gapDifference], atLevel.map(\.difference), { NumberText.gap($0, unit: d.unit, lang) })
                        ], lang: lang))
            }
        }
        if kind == .quantity, level != nil, !atLevel.isEmpty {
            let trend = Disparity.trend(atLevel.map { ($0.period, $0.difference ?? .nan) })
            trendText = s.label(trend.classification)
        }
        var links: [Link] = []
        for t in d.targetAreas ?? [] {
            if let ta = index.document.roadmap?.targetAreas.first(where: { $0.id == t }) {
                links.append(
                    Link(label: lang.pick(ta.name, ta.nameEn), href: SiteURL.Catalogue.roadmap.link(lang) + "#" + t))
            }
        }
        for st in d.strategies ?? [] {
            if let (_, strategy) = index.strategyByID[st] {
                links.append(
                    Link(
                        label: lang.pick(strategy.title, strategy.titleEn),
                        href: SiteURL.Catalogue.roadmap.link(lang) + "#" + st))
            }
        }
        let milestones = MilestoneStatusRow.all(index, lang, indicator: code, query: data.milestones)
        let base = SiteURL.Indicators.data(.value(code))
        let downloads = [
            Download(label: s[.downloadCSV], href: base.path + "?format=csv"),
            Download(label: s[.downloadExcel], href: base.path + "?format=csv-sv"),
            Download(label: s[.downloadJSON], href: base.path + "?format=json"),
            Download(label: s[.downloadOpenSDG], href: base.path + "?format=opensdg"),
        ]
        let page = IndicatorPage(
            name: name, code: code, definition: d.definition.map { lang.pick($0, d.definitionEn) }, source: d.source,
            sourceURL: d.sourceURL,
            unit: s.unit(d.unit), direction: s.label(d.direction),
            updated: info.updatedAt.map { String($0.prefix(10)) },
            links: links, milestones: milestones, levels: levels, periods: Array(periods), period: period,
            levelName: level.map { s.areaKind($0) }, facts: facts, trend: trendText, preliminary: preliminary,
            bars: bars, aggregationNotes: data.provenance.map { s.aggregationNotes($0) } ?? [],
            distribution: distribution, areasByClass: areasByClass, series: series, gapSeries: gapSeries,
            onePeriod: onePeriod, maps: maps, groups: groups.map { [$0] } ?? [],
            downloads: downloads,
            apiHref: APIURL.Indicators.indicator(.value(code)).path, methodsLink: SiteURL.Indicators.methods.link(lang))
        let meta = PageMeta.make(
            lang, title: name.text, description: d.definition ?? name.text, section: SiteURL.Indicators.list,
            route: route,
            query: query(level: wantedLevel, period: wantedPeriod) + (allAreas ? [("table", "all")] : []),
            crumbs: [(s[.indicators], SiteURL.Indicators.list)])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// The chart with each added-up value marked in its table ("64,3 % (summerat)"), so that a
    /// reader of the table, or of a screen reader, can tell it from a measured one.
    static func marked(
        _ chart: BarChartView, _ rows: [IndicatorQueries.ObservationRow], href: (String) -> String, _ s: Texts
    ) -> BarChartView {
        var marks: [String: String] = [:]
        for row in rows {
            if let mark = s.aggregationMark(row.origin) { marks[href(row.slug)] = mark }
        }
        guard !marks.isEmpty else { return chart }
        let tables = chart.tables.map { table in
            DataTable(
                caption: table.caption, headers: table.headers,
                rows: table.rows.map { row in
                    guard let href = row.href, let mark = marks[href], let first = row.cells.first else { return row }
                    return DataTable.Row(
                        label: row.label, href: row.href, cells: ["\(first) (\(mark))"] + row.cells.dropFirst())
                })
        }
        return BarChartView(
            id: chart.id, title: chart.title, desc: chart.desc, unitLabel: chart.unitLabel,
            referenceX: chart.referenceX, referenceLabel: chart.referenceLabel, top: chart.top,
            omitted: chart.omitted, bottom: chart.bottom, zeroX: chart.zeroX, ticks: chart.ticks, tables: tables,
            fullTable: chart.fullTable, tableOpen: chart.tableOpen)
    }

    /// `kon=K;alder=16-24` → "kön: K, ålder: 16-24".
    static func groupLabel(_ key: String, _ s: Texts) -> String {
        ObservationGroup.dimensions(key).map { s.dimension($0.dimension, value: $0.value) }
            .joined(separator: ", ")
    }
}
