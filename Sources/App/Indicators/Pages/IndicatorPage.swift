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
    let series: [LineChartView]
    let gapSeries: [LineChartView]
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

        var facts: [Fact] = [
            Fact(label: s[.unit], value: s.unit(d.unit)),
            Fact(label: s[.directionLabel], value: s.label(d.direction)),
        ]
        var bars: [BarChartView] = []
        var series: [LineChartView] = []
        var gapSeries: [LineChartView] = []
        var maps: [MapView] = []
        var groups: DataTable?
        var trendText: String?
        var preliminary = false
        let cityValues = data.cityValues
        let cityLabel = s[.cityWhole]
        if let level, let period, let summary = atLevel.first(where: { $0.period == period }) {
            let levelName = s.areaKind(level)
            let rows = data.rows
            let total = data.total
            preliminary = total.contains { $0.preliminary }
            func areaName(_ id: String) -> String {
                index.areaByID[id].map { lang.pick($0.name, $0.nameEn).text } ?? id
            }
            let city = cityValues[period]
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
                (
                    id: o.slug, label: areaName(o.slug), value: o.value,
                    href: SiteURL.Catalogue.area(.value(o.slug)).link(lang)
                )
            }
            bars.append(
                BarChartView.make(
                    id: "bars", title: "\(name.text), \(levelName), \(period)",
                    desc: Strings.fill(s[.barsDesc], levelName, NumberText.value(city, unit: d.unit, lang)),
                    items: items, unit: d.unit, reference: city, referenceLabel: cityLabel,
                    table: allAreas
                        ? .allOpen
                        : .drawn(
                            linkToAll: route.link(lang, query: query(level: level, period: period) + [("table", "all")])
                                + "#h-areas"),
                    lang: lang))
            // The map: the chosen level when its areas have shapes, else the district areas.
            let mapLevel = data.mapLevel ?? level
            let mapRows = data.mapRows
            if let map = MapView.make(
                id: "map", title: "\(name.text), \(s.areaKind(mapLevel)), \(period)", desc: s[.mapDesc],
                items: mapRows.map { o in
                    (
                        id: o.slug, label: areaName(o.slug), geometry: index.areaByID[o.slug]?.geometry, value: o.value,
                        href: SiteURL.Catalogue.area(.value(o.slug)).link(lang)
                    )
                },
                unit: d.unit, direction: d.direction, lang: lang)
            {
                maps.append(map)
            }
            // Groups: each group's (weighted) mean over the level's areas, and the city's own value when given.
            let byGroup = Dictionary(grouping: rows.filter { $0.group_key != ObservationGroup.total }, by: \.group_key)
            if !byGroup.isEmpty {
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
        if let level, !atLevel.isEmpty {
            let ps = atLevel.map(\.period)
            series.append(
                LineChartView.make(
                    id: "city", title: "\(name.text): \(cityLabel)", desc: s[.seriesDesc], periods: ps,
                    series: [(cityLabel, ps.map { cityValues[$0] }, { NumberText.value($0, unit: d.unit, lang) })],
                    lang: lang))
            gapSeries.append(
                LineChartView.make(
                    id: "gap", title: "\(name.text): \(s[.gapDifference]) (\(s.areaKind(level)))",
                    desc: s[.gapSeriesDesc], periods: ps,
                    series: [
                        (s[.gapDifference], atLevel.map(\.difference), { NumberText.gap($0, unit: d.unit, lang) })
                    ], lang: lang))
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
            bars: bars, series: series, gapSeries: gapSeries, maps: maps, groups: groups.map { [$0] } ?? [],
            downloads: downloads,
            apiHref: APIURL.Indicators.indicator(.value(code)).path, methodsLink: SiteURL.Indicators.methods.link(lang))
        let meta = PageMeta.make(
            lang, title: name.text, description: d.definition ?? name.text, section: SiteURL.Indicators.list,
            route: route,
            query: query(level: wantedLevel, period: wantedPeriod) + (allAreas ? [("table", "all")] : []),
            crumbs: [(s[.indicators], SiteURL.Indicators.list)])
        return PageContext(meta: meta, t: s, page: page)
    }

    /// `kon=K;alder=16-24` → "kön: K, ålder: 16-24".
    static func groupLabel(_ key: String, _ s: Texts) -> String {
        ObservationGroup.dimensions(key).map { s.dimension($0.dimension, value: $0.value) }
            .joined(separator: ", ")
    }
}
