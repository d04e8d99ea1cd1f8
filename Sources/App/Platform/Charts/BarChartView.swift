import SkillnadCore

/// A horizontal bar chart drawn in HTML: each row is the area's name and value as text, with a
/// bar whose position is given in percent of the plot. Text stays legible at every width (an
/// SVG chart scaled to a phone shrank its labels to 6 px), and the rows stack on a narrow screen.
struct BarChartView: Encodable, Sendable {
    struct Bar: Encodable, Sendable {
        let label: String
        let href: String
        let valueText: String
        /// Start and width of the bar, in percent of the plot.
        let x, width: String
        let missing: Bool
        let highlight: Bool
    }
    struct Tick: Encodable, Sendable {
        let x: String
        let label: String
        /// `start`, `middle` or `end`: the first and last tick labels stay inside the plot.
        let anchor: String
    }

    let id: String
    let title: String
    let desc: String
    /// The axis's unit, written with the ticks.
    let unitLabel: String
    let referenceX: String?
    let referenceLabel: String?
    /// The rows above the left-out areas, the note saying how many were left out, the rows below.
    let top: [Bar]
    let omitted: String?
    let bottom: [Bar]
    let zeroX: String
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
        unit: String, unitLabel: String, reference: Double?, referenceLabel: String, highlight: String? = nil,
        table choice: TableChoice = .all,
        lang: Lang
    ) -> BarChartView {
        // A plot 100 wide from 0: every x the layout gives is a percentage.
        let layout = BarChartLayout(
            items: items.map { .init(id: $0.id, label: $0.label, value: $0.value) }, width: 100 + 56,
            rowHeight: 20, labelWidth: 0, reference: reference, maxBars: maxBars)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let bars = layout.bars.map { b in
            Bar(
                label: b.label, href: hrefs[b.id] ?? "", valueText: NumberText.value(b.value, unit: unit, lang),
                x: svg(b.x), width: svg(b.width), missing: b.missing, highlight: b.id == highlight)
        }
        let topCount = layout.omitted.map { gap in layout.bars.filter { $0.labelY < gap.labelY }.count } ?? bars.count
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
        let lastTick = layout.ticks.count - 1
        return BarChartView(
            id: id, title: title, desc: fullDesc, unitLabel: unitLabel,
            referenceX: layout.referenceX.map(svg),
            referenceLabel: reference.map { "\(referenceLabel): \(NumberText.value($0, unit: unit, lang))" },
            top: Array(bars.prefix(topCount)),
            omitted: layout.omitted.map { Strings.fill(s[.barsOmitted], "\($0.count)") },
            bottom: Array(bars.dropFirst(topCount)),
            zeroX: svg(layout.zeroX),
            ticks: layout.ticks.enumerated().map { i, tick in
                .init(
                    x: svg(tick.x), label: NumberText.tick(tick.label, lang),
                    anchor: i == 0 ? "start" : (i == lastTick ? "end" : "middle"))
            },
            tables: [table], fullTable: fullTable, tableOpen: { if case .allOpen = choice { true } else { false } }())
    }
}
