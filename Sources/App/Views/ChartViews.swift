import SkillnadCore

/// A chart's or map's data table: its text alternative, always on the page.
struct DataTable: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        let label: String
        let href: String?
        let cells: [String]
    }
    let caption: String
    let headers: [String]
    let rows: [Row]
}

/// A coordinate as SVG text, to two decimals. Views hand Leaf text rather than numbers: Leaf
/// 4 converts every number it prints through a table of converters that it rebuilds each time,
/// which made the numbers of a 600-bar chart most of the page's rendering time.
func svg(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
    return String(r)
}

/// A horizontal bar chart as the template draws it: every number already placed and written.
struct BarChartView: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        let label: String
        let valueText: String
        let x, y, width, height, labelY, valueX: String
        let missing: Bool
        let highlight: Bool
    }
    struct Tick: Encodable, Sendable { let x: String; let label: String }

    let id: String
    let title: String
    let desc: String
    let width, height, plotX, plotY, plotHeight, zeroX: String
    /// Where the axis ends, the tick labels stand and the area names end: placed here, not in the template.
    let plotBottom, tickY, labelX: String
    let referenceX: String?
    let referenceLabel: String?
    let bars: [Bar]
    /// The row between the highest and the lowest bars of a long chart: what it says and where.
    let omitted: String?
    let omittedY: String?
    let ticks: [Tick]
    /// The data table, as a list of one so that the template can hand it to the table partial.
    let tables: [DataTable]
    /// Where a shortened table links to the table of every area.
    let fullTable: FullTable?
    /// The table is shown open: the reader asked for the full one.
    let tableOpen: Bool
    struct FullTable: Encodable, Sendable { let text: String; let href: String }

    /// Which areas the data table lists.
    enum TableChoice {
        /// Every area, in a table shown on request.
        case all
        /// Every area, shown open: the reader asked for it.
        case allOpen
        /// For a shortened chart, the areas drawn, with a link to the same page with every area.
        case drawn(linkToAll: String)
    }

    /// Longer lists draw their highest and lowest values only (`BarChartLayout`'s `maxBars`).
    static let maxBars = 50

    /// - Parameters:
    ///   - highlight: an area id drawn in another colour (the one the reader came from).
    ///   - table: which areas the table lists. With `.drawn` a shortened chart's table lists the
    ///     areas drawn, as the chart's text alternative, and links to every area. (A table of 600
    ///     rows was a third of the page's rendering time.)
    ///   `desc` is for a chart of every area; a shortened chart says so in its own description.
    static func make(id: String, title: String, desc: String, items: [(id: String, label: String, value: Double?, href: String)],
                     unit: String, reference: Double?, referenceLabel: String, highlight: String? = nil, table choice: TableChoice = .all,
                     lang: Lang) -> BarChartView {
        let layout = BarChartLayout(items: items.map { .init(id: $0.id, label: $0.label, value: $0.value) }, width: 680,
                                    rowHeight: 20, labelWidth: 230, reference: reference, maxBars: maxBars)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let bars = layout.bars.map { b in
            Bar(label: b.label, valueText: NumberText.value(b.value, unit: unit, lang), x: svg(b.x), y: svg(b.y), width: svg(b.width), height: svg(b.height),
                labelY: svg(b.labelY), valueX: svg(b.valueX), missing: b.missing, highlight: b.id == highlight)
        }
        let s = Strings.table(lang)
        var fullTableHref: String?
        if case .drawn(let href) = choice { fullTableHref = href }
        let shortTable = layout.omitted != nil && fullTableHref != nil
        let tableItems = shortTable ? layout.bars.map { BarChartLayout.Item(id: $0.id, label: $0.label, value: $0.value) } : layout.sorted
        let table = DataTable(caption: shortTable ? Strings.fill(s["tableShortened"]!, title, "\(maxBars / 2)", "\(layout.sorted.count)") : title,
                              headers: [s["area"]!, s["value"]!],
                              rows: tableItems.map { b in .init(label: b.label, href: hrefs[b.id], cells: [NumberText.value(b.value, unit: unit, lang)]) })
        let fullTable = fullTableHref.flatMap { shortTable ? FullTable(text: Strings.fill(s["fullTable"]!, "\(layout.sorted.count)"), href: $0) : nil }
        let fullDesc = layout.omitted.map { desc + " " + Strings.fill(s["barsDescShortened"]!, "\(maxBars / 2)", "\($0.count)") } ?? desc
        return BarChartView(id: id, title: title, desc: fullDesc, width: svg(layout.width), height: svg(layout.height), plotX: svg(layout.plotX),
                            plotY: svg(layout.plotY), plotHeight: svg(layout.plotHeight), zeroX: svg(layout.zeroX),
                            plotBottom: svg(layout.plotY + layout.plotHeight), tickY: svg(layout.plotY - 6), labelX: svg(layout.plotX - 8),
                            referenceX: layout.referenceX.map(svg),
                            referenceLabel: reference.map { "\(referenceLabel): \(NumberText.value($0, unit: unit, lang))" },
                            bars: bars, omitted: layout.omitted.map { Strings.fill(s["barsOmitted"]!, "\($0.count)") },
                            omittedY: layout.omitted.map { svg($0.labelY) }, ticks: layout.ticks.map { .init(x: svg($0.x), label: NumberText.tick($0.label, lang)) }, tables: [table],
                            fullTable: fullTable, tableOpen: { if case .allOpen = choice { true } else { false } }())
    }
}

/// A time series chart: one or more lines over the periods.
struct LineChartView: Encodable, Sendable {
    struct Marker: Encodable, Sendable { let x, y: String; let text: String }
    struct Series: Encodable, Sendable {
        let label: String
        let style: Int
        let segments: [String]
        let markers: [Marker]
    }
    struct Tick: Encodable, Sendable {
        let y: String
        let label: String
        let labelY: String
    }
    struct XLabel: Encodable, Sendable { let x: String; let label: String }

    let id: String
    let title: String
    let desc: String
    let width, height, plotX, plotY, plotWidth, plotHeight: String
    let plotRight, tickX, xLabelY: String
    let series: [Series]
    let yTicks: [Tick]
    let xLabels: [XLabel]
    /// The data table, as a list of one so that the template can hand it to the table partial.
    let tables: [DataTable]

    static func make(id: String, title: String, desc: String, periods: [String],
                     series: [(label: String, values: [Double?], format: (Double?) -> String)], lang: Lang) -> LineChartView {
        let layout = LineChartLayout(periods: periods, series: series.enumerated().map { .init(id: "s\($0.offset)", label: $0.element.label, values: $0.element.values) },
                                     width: 640, height: 260)
        let out = layout.series.enumerated().map { i, s in
            Series(label: s.label, style: i, segments: s.segments,
                   markers: s.markers.map { .init(x: svg($0.x), y: svg($0.y), text: "\($0.period): \(series[i].format($0.value))") })
        }
        let s = Strings.table(lang)
        let table = DataTable(caption: title, headers: [s["period"]!] + series.map(\.label),
                              rows: periods.indices.map { p in .init(label: periods[p], href: nil, cells: series.map { $0.format($0.values[p]) }) })
        return LineChartView(id: id, title: title, desc: desc, width: svg(layout.width), height: svg(layout.height), plotX: svg(layout.plotX),
                             plotY: svg(layout.plotY), plotWidth: svg(layout.plotWidth), plotHeight: svg(layout.plotHeight),
                             plotRight: svg(layout.plotX + layout.plotWidth), tickX: svg(layout.plotX - 6), xLabelY: svg(layout.plotY + layout.plotHeight + 18),
                             series: out,
                             yTicks: layout.yTicks.map { .init(y: svg($0.y), label: NumberText.tick($0.label, lang), labelY: svg($0.y + 4)) },
                             xLabels: layout.xLabels.map { .init(x: svg($0.x), label: $0.period) }, tables: [table])
    }
}

/// A choropleth map of areas, coloured worst (lightest) to best (darkest).
struct MapView: Encodable, Sendable {
    struct Region: Encodable, Sendable {
        let label: String
        let text: String
        let path: String
        let fill: String
        let href: String
    }
    struct Legend: Encodable, Sendable { let fill: String; let text: String }

    let id: String
    let title: String
    let desc: String
    let width, height: String
    let regions: [Region]
    let legend: [Legend]
    let unmapped: [String]

    static let noData = "#ffffff"

    static func make(id: String, title: String, desc: String, items: [(id: String, label: String, geometry: JSONValue?, value: Double?, href: String)],
                     unit: String, direction: Direction, lang: Lang) -> MapView? {
        let layout = MapLayout(items: items.map { .init(id: $0.id, label: $0.label, geometry: $0.geometry, value: $0.value) }, width: 560,
                               classes: 5, higherIsBetter: direction == .higherIsBetter)
        guard !layout.regions.isEmpty else { return nil }
        let palette = MapLayout.palette(classes: layout.classCount)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let labels = Dictionary(items.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let s = Strings.table(lang)
        var legend = layout.legend.map { e in
            Legend(fill: palette[min(e.classIndex, palette.count - 1)],
                   text: "\(NumberText.value(e.lower, unit: unit, lang)) – \(NumberText.value(e.upper, unit: unit, lang))")
        }
        if layout.regions.contains(where: { $0.classIndex == nil }) { legend.append(Legend(fill: noData, text: s["notComputable"]!)) }
        return MapView(id: id, title: title, desc: desc, width: svg(layout.width), height: svg(layout.height),
                       regions: layout.regions.map { r in
                           Region(label: r.label, text: "\(r.label): \(NumberText.value(r.value, unit: unit, lang))", path: r.path,
                                  fill: r.classIndex.map { palette[min($0, palette.count - 1)] } ?? noData, href: hrefs[r.id] ?? "")
                       },
                       legend: legend, unmapped: layout.unmapped.compactMap { labels[$0] })
    }
}
