import SkillnadCore

/// A horizontal bar chart as the template draws it: every number already placed and written.
struct BarChartView: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        let label: String
        let valueText: String
        let x, y, width, height, labelY, valueX: String
        let missing: Bool
        let highlight: Bool
    }
    struct Tick: Encodable, Sendable {
        let x: String
        let label: String
    }

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
    struct FullTable: Encodable, Sendable {
        let text: String
        let href: String
    }

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
    static func make(
        id: String, title: String, desc: String, items: [(id: String, label: String, value: Double?, href: String)],
        unit: String, reference: Double?, referenceLabel: String, highlight: String? = nil,
        table choice: TableChoice = .all,
        lang: Lang
    ) -> BarChartView {
        let layout = BarChartLayout(
            items: items.map { .init(id: $0.id, label: $0.label, value: $0.value) }, width: 680,
            rowHeight: 20, labelWidth: 230, reference: reference, maxBars: maxBars)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let bars = layout.bars.map { b in
            Bar(
                label: b.label, valueText: NumberText.value(b.value, unit: unit, lang), x: svg(b.x), y: svg(b.y),
                width: svg(b.width), height: svg(b.height),
                labelY: svg(b.labelY), valueX: svg(b.valueX), missing: b.missing, highlight: b.id == highlight)
        }
        let s = Texts(lang)
        var fullTableHref: String?
        if case .drawn(let href) = choice { fullTableHref = href }
        let shortTable = layout.omitted != nil && fullTableHref != nil
        let tableItems =
            shortTable
            ? layout.bars.map { BarChartLayout.Item(id: $0.id, label: $0.label, value: $0.value) } : layout.sorted
        let table = DataTable(
            caption: shortTable
                ? Strings.fill(s[.tableShortened], title, "\(maxBars / 2)", "\(layout.sorted.count)") : title,
            headers: [s[.area], s[.value]],
            rows: tableItems.map { b in
                .init(label: b.label, href: hrefs[b.id], cells: [NumberText.value(b.value, unit: unit, lang)])
            })
        let fullTable = fullTableHref.flatMap {
            shortTable ? FullTable(text: Strings.fill(s[.fullTable], "\(layout.sorted.count)"), href: $0) : nil
        }
        let fullDesc =
            layout.omitted.map { desc + " " + Strings.fill(s[.barsDescShortened], "\(maxBars / 2)", "\($0.count)") }
            ?? desc
        return BarChartView(
            id: id, title: title, desc: fullDesc, width: svg(layout.width), height: svg(layout.height),
            plotX: svg(layout.plotX),
            plotY: svg(layout.plotY), plotHeight: svg(layout.plotHeight), zeroX: svg(layout.zeroX),
            plotBottom: svg(layout.plotY + layout.plotHeight), tickY: svg(layout.plotY - 6),
            labelX: svg(layout.plotX - 8),
            referenceX: layout.referenceX.map(svg),
            referenceLabel: reference.map { "\(referenceLabel): \(NumberText.value($0, unit: unit, lang))" },
            bars: bars, omitted: layout.omitted.map { Strings.fill(s[.barsOmitted], "\($0.count)") },
            omittedY: layout.omitted.map { svg($0.labelY) },
            ticks: layout.ticks.map { .init(x: svg($0.x), label: NumberText.tick($0.label, lang)) }, tables: [table],
            fullTable: fullTable, tableOpen: { if case .allOpen = choice { true } else { false } }())
    }
}
