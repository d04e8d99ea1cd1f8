import SkillnadCore

/// A time series chart: one or more lines over the periods.
struct LineChartView: Encodable, Sendable {
    struct Marker: Encodable, Sendable {
        let x, y: String
        let text: String
    }
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
    struct XLabel: Encodable, Sendable {
        let x: String
        let label: String
    }

    let id: String
    let title: String
    let desc: String
    /// The value axis's unit, written above it.
    let unitLabel: String
    let width, height, plotX, plotY, plotWidth, plotHeight: String
    let plotRight, tickX, xLabelY: String
    let series: [Series]
    let yTicks: [Tick]
    let xLabels: [XLabel]
    /// The data table, as a list of one so that the template can hand it to the table partial.
    let tables: [DataTable]

    static func make(
        id: String, title: String, desc: String, unitLabel: String, periods: [String],
        series: [(label: String, values: [Double?], format: (Double?) -> String)], lang: Lang
    ) -> LineChartView {
        let layout = LineChartLayout(
            periods: periods,
            series: series.enumerated().map {
                .init(id: "s\($0.offset)", label: $0.element.label, values: $0.element.values)
            },
            width: 480, height: 240)
        let out = layout.series.enumerated().map { i, s in
            Series(
                label: s.label, style: i, segments: s.segments,
                markers: s.markers.map {
                    .init(x: svg($0.x), y: svg($0.y), text: "\($0.period): \(series[i].format($0.value))")
                })
        }
        let s = Texts(lang)
        let table = DataTable(
            caption: title, headers: [s[.period]] + series.map(\.label),
            rows: periods.indices.map { p in
                .init(label: periods[p], href: nil, cells: series.map { $0.format($0.values[p]) })
            })
        return LineChartView(
            id: id, title: title, desc: desc, unitLabel: unitLabel, width: svg(layout.width),
            height: svg(layout.height),
            plotX: svg(layout.plotX),
            plotY: svg(layout.plotY), plotWidth: svg(layout.plotWidth), plotHeight: svg(layout.plotHeight),
            plotRight: svg(layout.plotX + layout.plotWidth), tickX: svg(layout.plotX - 6),
            xLabelY: svg(layout.plotY + layout.plotHeight + 18),
            series: out,
            yTicks: layout.yTicks.map {
                .init(y: svg($0.y), label: NumberText.tick($0.label, lang), labelY: svg($0.y + 4))
            },
            xLabels: layout.xLabels.map { .init(x: svg($0.x), label: $0.period) }, tables: [table])
    }
}
