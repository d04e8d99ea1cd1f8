import Foundation

/// A choropleth map of areas laid out for a template: SVG path data per area, a class per value
/// and a legend, as plain strings and numbers.
///
/// Classes are ordered worst (0) to best, whichever way the indicator is good, so one light-to-dark
/// palette reads the same on every map. Values are classed by equal counts (quantiles) so each
/// colour covers about as many areas, which keeps a skewed indicator from painting nearly every
/// area the same.
public struct MapLayout: Sendable, Codable, Equatable {
    /// One area to draw; `geometry` is a GeoJSON `Polygon` or `MultiPolygon` in WGS 84.
    public struct Item: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let geometry: JSONValue?
        /// `nil` when the value could not be computed: drawn without a class.
        public let value: Double?

        public init(id: String, label: String, geometry: JSONValue?, value: Double?) {
            self.id = id
            self.label = label
            self.geometry = geometry
            self.value = value
        }
    }

    /// One mapped area: `path` is the `d` attribute of one `<path>` (a subpath per ring, outer
    /// rings and holes wound in opposite directions so both fill rules show the holes), `classIndex`
    /// picks the colour, `labelX`/`labelY` is a point inside the area for its name or a marker.
    public struct Region: Sendable, Codable, Equatable {
        public let id: String
        public let label: String
        public let value: Double?
        public let path: String
        /// 0 = worst … `classCount - 1` = best; `nil` when there is no value.
        public let classIndex: Int?
        public let labelX: Double
        public let labelY: Double
    }

    /// The values in one class: `lower…upper` are the smallest and largest value of its areas.
    public struct LegendEntry: Sendable, Codable, Equatable {
        public let classIndex: Int
        public let lower: Double
        public let upper: Double
    }

    /// Size of the whole SVG: `width` as asked, `height` from the areas' aspect ratio.
    public let width: Double
    public let height: Double
    /// Areas with a drawable geometry, in input order.
    public let regions: [Region]
    /// Ids of areas whose geometry is missing or not a readable polygon, to be listed beside the map.
    public let unmapped: [String]
    /// One entry per class, worst first. Fewer than asked when there are fewer distinct values.
    public let legend: [LegendEntry]
    public let classCount: Int

    /// Empty space around the areas.
    static let margin = 8.0

    /// Lays out `items` on a map `width` pixels wide (no taller than `maxHeight` when given) with
    /// up to `classes` quantile classes. Points closer than `minDistance` pixels to the previous
    /// one are dropped from the paths, which keeps detailed boundaries from bloating the page.
    public init(
        items: [Item], width: Double = 560, classes: Int = 5, higherIsBetter: Bool,
        maxHeight: Double? = nil, minDistance: Double = 0.7, categories: [Double]? = nil
    ) {
        let shapes = items.map { $0.geometry.flatMap { GeoShape(geometry: $0) } }
        let projection = Projection(boxes: shapes.compactMap { $0?.boundingBox }, width: width, maxHeight: maxHeight)
        let values = items.compactMap(\.value).filter(\.isFinite)
        let classing =
            categories.map { Classing(categories: $0, higherIsBetter: higherIsBetter) }
            ?? Classing(values: values, classes: classes, higherIsBetter: higherIsBetter)
        var regions: [Region] = []
        var unmapped: [String] = []
        for (item, shape) in zip(items, shapes) {
            guard let shape, let projection else {
                unmapped.append(item.id)
                continue
            }
            let label = projection.point(shape.representativePoint)
            regions.append(
                Region(
                    id: item.id, label: item.label, value: item.value.flatMap { $0.isFinite ? $0 : nil },
                    path: Self.path(shape, projection, minDistance: minDistance),
                    classIndex: item.value.flatMap(classing.classIndex),
                    labelX: ChartNumber.round1(label.x), labelY: ChartNumber.round1(label.y)))
        }
        self.width = ChartNumber.round1(width)
        self.height = ChartNumber.round1(projection?.height ?? 0)
        self.regions = regions
        self.unmapped = unmapped
        self.legend = classing.legend
        self.classCount = classing.legend.count
    }

    /// Light to dark blue hex colours for `classes` classes, for `classIndex` 0…classes-1: the
    /// ColorBrewer "Blues" scheme (by Cynthia Brewer, Apache License 2.0), single-hue so it reads
    /// for colour-blind readers and in greyscale, with its near-white lightest shade left out.
    public static func palette(classes: Int) -> [String] {
        let blues9 = [
            "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
        ]
        switch classes {
        case ..<1: return []
        case 1: return ["#4292c6"]
        case 2: return ["#9ecae1", "#3182bd"]
        case 3: return ["#bdd7e7", "#6baed6", "#2171b5"]
        case 4: return ["#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
        case 5: return ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
        case 6: return ["#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"]
        case 7: return ["#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"]
        case 8: return Array(blues9.dropFirst())
        default:
            // More classes than the scheme has: interpolate along it in RGB.
            let stops = blues9.dropFirst().map { hex in
                stride(from: 1, to: 7, by: 2).map { Double(Int(hex.dropFirst($0).prefix(2), radix: 16) ?? 0) }
            }
            return (0..<classes).map { i in
                let t = Double(i) / Double(classes - 1) * Double(stops.count - 1)
                let k = min(Int(t), stops.count - 2)
                let f = t - Double(k)
                let rgb = (0..<3).map { Int((stops[k][$0] * (1 - f) + stops[k + 1][$0] * f).rounded()) }
                return "#" + rgb.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            }
        }
    }

    /// SVG path data for every ring of `shape`, in pixels with one decimal.
    static func path(_ shape: GeoShape, _ projection: Projection, minDistance: Double) -> String {
        var d = ""
        func ring(_ points: [(x: Double, y: Double)], clockwise: Bool, thin: Bool) -> Bool {
            var kept: [(x: Double, y: Double)] = []
            for p in points {
                let q = (x: ChartNumber.round1(p.x), y: ChartNumber.round1(p.y))
                if let last = kept.last, thin, hypot(q.x - last.x, q.y - last.y) < minDistance { continue }
                kept.append(q)
            }
            if thin, kept.count > 1, let first = kept.first, let last = kept.last,
                hypot(first.x - last.x, first.y - last.y) < minDistance
            {
                kept.removeLast()
            }
            guard kept.count >= 3 else { return false }
            // Shoelace in screen coordinates (y down): positive means clockwise on screen.
            let area = zip(kept, kept.dropFirst() + kept.prefix(1)).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }
            if (area > 0) != clockwise { kept.reverse() }
            d += "M" + kept.map { ChartNumber.text($0.x) + " " + ChartNumber.text($0.y) }.joined(separator: "L") + "Z"
            return true
        }
        for polygon in shape.polygons {
            let rings = polygon.rings.map { $0.map(projection.point) }
            // A polygon too small to see keeps no rings; its holes go with it.
            guard ring(rings[0], clockwise: true, thin: true) else { continue }
            for hole in rings.dropFirst() { _ = ring(hole, clockwise: false, thin: true) }
        }
        if d.isEmpty, let largest = shape.polygons.max(by: { $0.area < $1.area }) {
            // Every part is tiny: draw the largest unthinned rather than lose the area.
            _ = ring(largest.outer.map(projection.point), clockwise: true, thin: false)
        }
        return d
    }
}

extension MapLayout {
    /// Equirectangular projection with longitude scaled by cos(mean latitude), so at Stockholm's 59° N
    /// a kilometre east is as long on screen as a kilometre north, fitted into the map with a margin.
    struct Projection {
        let minLon: Double, maxLat: Double, xScale: Double, scale: Double
        let offsetX: Double, offsetY: Double, height: Double

        init?(boxes: [GeoBoundingBox], width: Double, maxHeight: Double?) {
            guard let first = boxes.first else { return nil }
            let box = boxes.dropFirst().reduce(first) { $0.union($1) }
            guard box.minLon.isFinite, box.maxLon.isFinite, box.minLat.isFinite, box.maxLat.isFinite else { return nil }
            let margin = MapLayout.margin
            xScale = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
            let w = (box.maxLon - box.minLon) * xScale
            let h = box.maxLat - box.minLat
            let inner = max(width - 2 * margin, 1)
            var scale = w > 0 ? inner / w : (h > 0 ? inner / h : 1)
            if let maxHeight, h * scale + 2 * margin > maxHeight, h > 0 {
                scale = max(maxHeight - 2 * margin, 1) / h
            }
            self.scale = scale
            minLon = box.minLon
            maxLat = box.maxLat
            // Centre horizontally when the height limit made the areas narrower than the map.
            offsetX = (width - w * scale) / 2
            offsetY = margin
            height = h * scale + 2 * margin
        }

        func point(_ p: GeoPoint) -> (x: Double, y: Double) {
            (offsetX + (p.lon - minLon) * xScale * scale, offsetY + (maxLat - p.lat) * scale)
        }
    }

    /// Equal-count class breaks and the direction flip from ascending value order to worst…best.
    struct Classing {
        /// The smallest value of each class after the first, ascending.
        let starts: [Double]
        let higherIsBetter: Bool
        let legend: [MapLayout.LegendEntry]

        init(values: [Double], classes: Int, higherIsBetter: Bool) {
            let sorted = values.sorted()
            self.higherIsBetter = higherIsBetter
            let distinct = Set(sorted).count
            let k = min(max(classes, 1), distinct)
            // Class j starts at the value ranked j·n/k; equal values must share a class, so a start
            // that is not above the previous one is skipped, giving fewer classes.
            var starts: [Double] = []
            if k > 1 {
                for j in 1..<k {
                    let v = sorted[Int((Double(j * sorted.count) / Double(k)).rounded())]
                    if v > (starts.last ?? sorted[0]) { starts.append(v) }
                }
            }
            self.starts = starts
            let count = sorted.isEmpty ? 0 : starts.count + 1
            var ranges = [(lower: Double, upper: Double)?](repeating: nil, count: count)
            for v in sorted {
                let c = starts.filter { $0 <= v }.count
                ranges[c] = (ranges[c]?.lower ?? v, v)
            }
            let ascending = ranges.compactMap { $0 }
            let entries = ascending.enumerated().map { c, r in
                MapLayout.LegendEntry(
                    classIndex: higherIsBetter ? c : ascending.count - 1 - c, lower: r.lower, upper: r.upper)
            }
            legend = entries.sorted { $0.classIndex < $1.classIndex }
        }

        /// One class per category value (a categorical indicator's classes), each in the legend
        /// whether or not an area has it; a value that is no category gets no class.
        init(categories: [Double], higherIsBetter: Bool) {
            let ascending = Array(Set(categories.filter(\.isFinite))).sorted()
            self.higherIsBetter = higherIsBetter
            starts = Array(ascending.dropFirst())
            categorySet = Set(ascending)
            legend = ascending.enumerated().map { c, v in
                MapLayout.LegendEntry(classIndex: higherIsBetter ? c : ascending.count - 1 - c, lower: v, upper: v)
            }
            .sorted { $0.classIndex < $1.classIndex }
        }

        /// Set for categories: only these values have a class.
        var categorySet: Set<Double>? = nil

        /// 0 = worst … count-1 = best.
        func classIndex(_ value: Double) -> Int? {
            guard value.isFinite, !legend.isEmpty else { return nil }
            if let categorySet, !categorySet.contains(value) { return nil }
            let ascending = starts.filter { $0 <= value }.count
            return higherIsBetter ? ascending : legend.count - 1 - ascending
        }
    }
}
