import Foundation

/// A time series chart laid out for a template: polyline point lists, markers, axis ticks and
/// period labels as plain numbers and strings.
///
/// A missing value breaks the line rather than being bridged or drawn as zero, because a line
/// across a gap claims a value nobody measured; a value with no neighbour is shown by its marker.
public struct LineChartLayout: Sendable, Codable, Equatable {
    /// One line: `values` are aligned with the chart's `periods` (`nil` = no value that period;
    /// missing trailing values count as `nil`).
    public struct Series: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let values: [Double?]

        public init(id: String, label: String, values: [Double?]) {
            self.id = id
            self.label = label
            self.values = values
        }
    }

    /// A dot for one value, with what it shows so the template can add a `<title>`.
    public struct Marker: Sendable, Codable, Equatable {
        public let x: Double
        public let y: Double
        public let period: String
        public let value: Double
    }

    /// One series laid out: each string in `segments` is the `points` attribute of one
    /// `<polyline>` ("x,y x,y …"), a run of at least two consecutive values.
    public struct SeriesLayout: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let segments: [String]
        public let markers: [Marker]
    }

    /// A value axis tick: a horizontal grid line at `y` labelled `label` (Swedish number format).
    public struct Tick: Sendable, Codable, Equatable {
        public let value: Double
        public let y: Double
        public let label: String
    }

    /// A period name written centred at `x` below the plot.
    public struct XLabel: Sendable, Codable, Equatable {
        public let period: String
        public let x: Double
    }

    /// Size of the whole SVG.
    public let width: Double
    public let height: Double
    /// The plotting area; y tick labels go left of `plotX`, period labels below
    /// `plotY + plotHeight`.
    public let plotX: Double
    public let plotY: Double
    public let plotWidth: Double
    public let plotHeight: Double
    public let series: [SeriesLayout]
    public let yTicks: [Tick]
    /// Every period's label, or with many periods the first, the last and evenly spaced ones
    /// between, so labels do not overlap.
    public let xLabels: [XLabel]
    /// The scale behind the y coordinates.
    public let scale: ChartScale

    static let margin = (left: 48.0, right: 16.0, top: 12.0, bottom: 28.0)

    /// Lays out `series` over `periods` (in display order). `includeZero` starts the axis at 0,
    /// which suits counts and shares where the size of change matters; the default zooms in on the
    /// data's range. At most `maxXLabels` period labels are kept.
    public init(
        periods: [String], series: [Series], width: Double = 640, height: Double = 280,
        includeZero: Bool = false, maxXLabels: Int = 10
    ) {
        let m = Self.margin
        let plotX = m.left
        let plotY = m.top
        let plotWidth = Swift.max(width - m.left - m.right, 1)
        let plotHeight = Swift.max(height - m.top - m.bottom, 1)
        let count = periods.count
        func value(_ s: Series, _ i: Int) -> Double? {
            guard i < s.values.count, let v = s.values[i], v.isFinite else { return nil }
            return v
        }
        let all = series.flatMap { s in (0..<count).compactMap { value(s, $0) } }
        let scale = ChartScale(values: all, includeZero: includeZero)
        func x(_ i: Int) -> Double {
            count == 1 ? plotX + plotWidth / 2 : plotX + Double(i) * plotWidth / Double(count - 1)
        }
        func y(_ v: Double) -> Double { scale.position(of: v, from: plotY + plotHeight, to: plotY) }
        let r = ChartNumber.round1

        self.series = series.map { s in
            var segments: [String] = []
            var run: [String] = []
            var markers: [Marker] = []
            func close() {
                if run.count >= 2 { segments.append(run.joined(separator: " ")) }
                run = []
            }
            for i in 0..<count {
                guard let v = value(s, i) else {
                    close()
                    continue
                }
                let px = x(i)
                let py = y(v)
                run.append(ChartNumber.text(px) + "," + ChartNumber.text(py))
                markers.append(Marker(x: r(px), y: r(py), period: periods[i], value: v))
            }
            close()
            return SeriesLayout(id: s.id, label: s.label, segments: segments, markers: markers)
        }
        self.width = r(width)
        self.height = r(height)
        self.plotX = r(plotX)
        self.plotY = r(plotY)
        self.plotWidth = r(plotWidth)
        self.plotHeight = r(plotHeight)
        self.yTicks = scale.ticks.map { Tick(value: $0, y: r(y($0)), label: scale.label($0)) }
        self.xLabels = Self.labelIndices(count: count, max: maxXLabels).map { XLabel(period: periods[$0], x: r(x($0))) }
        self.scale = scale
    }

    /// Which periods get a label: all when they fit; otherwise every `step`-th from the first, and
    /// the last, dropping a regular one that would crowd the last.
    static func labelIndices(count: Int, max: Int) -> [Int] {
        let max = Swift.max(max, 2)
        guard count > max else { return Array(0..<count) }
        let step = Int((Double(count - 1) / Double(max - 1)).rounded(.up))
        var kept = Array(stride(from: 0, to: count - 1, by: step))
        if let last = kept.last, last > 0, (count - 1 - last) * 2 <= step { kept.removeLast() }
        return kept + [count - 1]
    }
}
