import Foundation

/// A horizontal bar chart of areas, laid out here so the template only places rectangles and text
/// at given coordinates: one row per area, best-to-worst by value, labels on the left, a value axis
/// on top, and optionally a vertical line for the citywide value.
///
/// Areas without a value keep their row (at the bottom) with no bar and `missing == true`, so the
/// page says "ej beräkningsbar" instead of silently dropping the area or drawing a zero.
public struct BarChartLayout: Sendable, Codable, Equatable {
    /// One area to draw.
    public struct Item: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        /// `nil` when the value could not be computed.
        public let value: Double?

        public init(id: String, label: String, value: Double?) {
            self.id = id
            self.label = label
            self.value = value
        }
    }

    /// One row: the bar rectangle (`x`, `y`, `width`, `height`), the baseline for the area's name
    /// (`labelY`, written right-aligned just left of `plotX`) and where to write the value
    /// (`valueX`, `labelY`), just past the bar's end; for a missing value, at the plot's left edge
    /// where "ej beräkningsbar" has room.
    public struct Bar: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let value: Double?
        public let x: Double
        public let y: Double
        /// 0 for a missing value.
        public let width: Double
        public let height: Double
        public let labelY: Double
        public let valueX: Double
        public let missing: Bool
    }

    /// A value axis tick: a vertical grid line at `x` labelled `label` (Swedish number format).
    public struct Tick: Sendable, Codable, Equatable {
        public let value: Double
        public let x: Double
        public let label: String
    }

    /// Size of the whole SVG.
    public let width: Double
    public let height: Double
    /// The plotting area: bars and grid lines live in `plotX…plotX+plotWidth` ×
    /// `plotY…plotY+plotHeight`; tick labels go above `plotY`, area names left of `plotX`.
    public let plotX: Double
    public let plotY: Double
    public let plotWidth: Double
    public let plotHeight: Double
    /// Where value 0 is: every bar starts here, so a zero axis line belongs here too.
    public let zeroX: Double
    public let bars: [Bar]
    public let ticks: [Tick]
    /// The citywide reference line, when a reference value was given.
    public let referenceX: Double?
    /// Areas left out of a long chart (see `maxBars`): how many, and the baseline of the row
    /// between the highest and the lowest where the chart says so. Nil when every area is drawn.
    public let omitted: Omitted?
    /// Every item in the chart's order, drawn or not: for the data table.
    public let sorted: [Item]
    public struct Omitted: Sendable, Codable, Equatable {
        public let count: Int
        public let labelY: Double
    }
    /// The scale behind the x coordinates, for anything else the template wants to place.
    public let scale: ChartScale

    /// Space above the bars for the tick labels.
    static let axisHeight = 20.0
    /// Space right of the plot for the value written past the longest bar.
    static let valueRoom = 56.0

    /// Lays out `items` sorted by value, highest first (missing values last, ties by label then id).
    /// The axis always includes 0 and the `reference` value. With more than `maxBars` items only
    /// the `maxBars / 2` highest and as many lowest values are drawn, with a row between them
    /// for the rest: six hundred bars make a chart no one can read, and its data table lists all.
    public init(
        items: [Item], width: Double = 640, rowHeight: Double = 22, labelWidth: Double = 200,
        reference: Double? = nil, maxBars: Int? = nil
    ) {
        // A NaN or infinite value is as uncomputable as a missing one.
        let items = items.map { Item(id: $0.id, label: $0.label, value: $0.value.flatMap { $0.isFinite ? $0 : nil }) }
        let sorted = items.sorted { a, b in
            switch (a.value, b.value) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.label, a.id) < (b.label, b.id)
            }
        }
        var drawn = sorted
        var omittedCount = 0
        var gapIndex: Int?
        if let maxBars, sorted.count > maxBars {
            let valued = sorted.filter { $0.value != nil }
            let half = Swift.max(maxBars / 2, 1)
            let top = Array(valued.prefix(half))
            let bottom = valued.count > half ? Array(valued.suffix(Swift.min(half, valued.count - half))) : []
            drawn = top + bottom
            omittedCount = sorted.count - drawn.count
            gapIndex = top.count
        }
        let rows = drawn.count + (gapIndex == nil ? 0 : 1)
        let values = items.compactMap(\.value) + (reference.map { [$0] } ?? [])
        let scale = ChartScale(values: values, includeZero: true)
        let plotX = labelWidth
        let plotY = Self.axisHeight
        let plotWidth = Swift.max(width - labelWidth - Self.valueRoom, 1)
        let plotHeight = Double(rows) * rowHeight
        func x(_ v: Double) -> Double { scale.position(of: v, from: plotX, to: plotX + plotWidth) }
        let zero = x(0)
        let barHeight = (rowHeight * 0.7).rounded()
        let r = ChartNumber.round1

        self.bars = drawn.enumerated().map { i, item in
            // Bars after the gap row move down by one row.
            let row = gapIndex.map { i >= $0 ? i + 1 : i } ?? i
            let top = plotY + Double(row) * rowHeight
            let y = top + (rowHeight - barHeight) / 2
            // The text baseline sits a little below the row's middle so the glyphs look centred.
            let labelY = top + rowHeight / 2 + 4
            guard let v = item.value else {
                return Bar(
                    id: item.id, label: item.label, value: nil, x: r(zero), y: r(y), width: 0,
                    height: r(barHeight), labelY: r(labelY), valueX: r(plotX + 4), missing: true)
            }
            let start = Swift.min(zero, x(v))
            let end = Swift.max(zero, x(v))
            return Bar(
                id: item.id, label: item.label, value: v, x: r(start), y: r(y), width: r(end - start),
                height: r(barHeight), labelY: r(labelY), valueX: r(end + 4), missing: false)
        }
        self.width = r(width)
        self.height = r(plotY + plotHeight + 6)
        self.plotX = r(plotX)
        self.plotY = r(plotY)
        self.plotWidth = r(plotWidth)
        self.plotHeight = r(plotHeight)
        self.zeroX = r(zero)
        self.ticks = scale.ticks.map { Tick(value: $0, x: r(x($0)), label: scale.label($0)) }
        self.referenceX = reference.flatMap { $0.isFinite ? r(x($0)) : nil }
        self.sorted = sorted
        self.omitted = gapIndex.map {
            Omitted(count: omittedCount, labelY: r(plotY + Double($0) * rowHeight + rowHeight / 2 + 4))
        }
        self.scale = scale
    }
}
