import SkillnadCore

/// A choropleth map of areas, coloured worst (lightest) to best (darkest). Each area is a link to
/// its page, so the map works from the keyboard and by touch; the larger areas carry their names.
struct MapView: Encodable, Sendable {
    struct Region: Encodable, Sendable {
        let label: String
        let text: String
        let path: String
        let fill: String
        let href: String
    }
    struct PlaceLabel: Encodable, Sendable {
        let text: String
        let x, y: String
    }
    struct Legend: Encodable, Sendable {
        let fill: String
        let text: String
    }

    let id: String
    let title: String
    let desc: String
    let width, height: String
    let regions: [Region]
    let places: [PlaceLabel]
    /// What the colours stand for (the indicator and its unit) and which way is better.
    let legendTitle: String
    let legendDirection: String
    let legend: [Legend]
    let unmapped: [String]

    static let noData = "#ffffff"
    /// How many areas get a name on the map: more would cover it.
    static let maxPlaceLabels = 14
    /// A name's box on the map, in its pixels: about this wide per letter, this high.
    static let letterWidth = 7.5
    static let lineHeight = 15.0

    /// - Parameters:
    ///   - classes: for a categorical indicator, its classes: one colour and one legend entry each,
    ///     with the class's label, instead of ranges of values.
    ///   The largest areas carry their names, as many as fit without covering each other.
    static func make(
        id: String, title: String, desc: String,
        items: [(id: String, label: String, geometry: JSONValue?, value: Double?, href: String)],
        unit: String, legendTitle: String, direction: Direction, classes: [(value: Int, label: String)]? = nil,
        lang: Lang
    ) -> MapView? {
        let higherIsBetter = direction == .higherIsBetter
        let layout = MapLayout(
            items: items.map { .init(id: $0.id, label: $0.label, geometry: $0.geometry, value: $0.value) }, width: 560,
            classes: 5, higherIsBetter: higherIsBetter, categories: classes.map { $0.map { Double($0.value) } })
        guard !layout.regions.isEmpty else { return nil }
        let palette = MapLayout.palette(classes: layout.classCount)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let labels = Dictionary(items.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let sizes = areaSizes(items.map { ($0.id, $0.geometry) })
        let classLabels = Dictionary(
            (classes ?? []).map { (Double($0.value), $0.label) }, uniquingKeysWith: { a, _ in a })
        let s = Texts(lang)
        func valueText(_ value: Double?) -> String {
            if let value, let label = classLabels[value] { return "\(Int(value)) – \(label)" }
            return NumberText.value(value, unit: unit, lang)
        }
        var legend = layout.legend.map { e in
            Legend(
                fill: palette[min(e.classIndex, palette.count - 1)],
                text: classes == nil
                    ? "\(NumberText.value(e.lower, unit: unit, lang)) – \(NumberText.value(e.upper, unit: unit, lang))"
                    : valueText(e.lower))
        }
        if layout.regions.contains(where: { $0.classIndex == nil }) {
            legend.append(Legend(fill: noData, text: s[.notComputable]))
        }
        let places = placeLabels(layout.regions, sizes: sizes, width: layout.width)
        return MapView(
            id: id, title: title, desc: desc, width: svg(layout.width), height: svg(layout.height),
            regions: layout.regions.map { r in
                Region(
                    label: r.label, text: "\(r.label): \(valueText(r.value))", path: r.path,
                    fill: r.classIndex.map { palette[min($0, palette.count - 1)] } ?? noData, href: hrefs[r.id] ?? "")
            },
            places: places,
            legendTitle: legendTitle, legendDirection: s[.mapLegendDirection],
            legend: legend, unmapped: layout.unmapped.compactMap { labels[$0] })
    }

    /// A map of areas without values, for finding one's way: every area a link with its name where
    /// it fits, one light colour, no legend.
    static func outline(
        id: String, title: String, desc: String,
        items: [(id: String, label: String, geometry: JSONValue?, href: String)]
    ) -> MapView? {
        let layout = MapLayout(
            items: items.map { .init(id: $0.id, label: $0.label, geometry: $0.geometry, value: nil) }, width: 560,
            classes: 1, higherIsBetter: true)
        guard !layout.regions.isEmpty else { return nil }
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let sizes = areaSizes(items.map { ($0.id, $0.geometry) })
        return MapView(
            id: id, title: title, desc: desc, width: svg(layout.width), height: svg(layout.height),
            regions: layout.regions.map {
                Region(label: $0.label, text: $0.label, path: $0.path, fill: "#deebf7", href: hrefs[$0.id] ?? "")
            },
            places: placeLabels(layout.regions, sizes: sizes, width: layout.width),
            legendTitle: "", legendDirection: "", legend: [], unmapped: [])
    }

    /// Each area's size on the ground (in squared degrees, enough to order them), 0 without a shape.
    static func areaSizes(_ items: [(id: String, geometry: JSONValue?)]) -> [String: Double] {
        Dictionary(
            items.map { item in
                (item.id, item.geometry.flatMap { GeoShape(geometry: $0) }?.polygons.map(\.area).reduce(0, +) ?? 0)
            }, uniquingKeysWith: { a, _ in a })
    }

    /// Names for the regions, largest first, skipping any whose box would cover one already
    /// placed; a name near the edge is moved inwards so that it is not cut off.
    static func placeLabels(_ regions: [MapLayout.Region], sizes: [String: Double], width: Double) -> [PlaceLabel] {
        let regions = regions.sorted { (sizes[$0.id] ?? 0, $1.label) > (sizes[$1.id] ?? 0, $0.label) }
        var boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
        var out: [PlaceLabel] = []
        for region in regions where out.count < maxPlaceLabels {
            let half = Double(region.label.count) * letterWidth / 2
            let x = min(max(region.labelX, half + 2), width - half - 2)
            let box = (minX: x - half, minY: region.labelY - lineHeight, maxX: x + half, maxY: region.labelY + 4)
            let covers = boxes.contains { other in
                box.minX < other.maxX && other.minX < box.maxX && box.minY < other.maxY && other.minY < box.maxY
            }
            if covers { continue }
            boxes.append(box)
            out.append(PlaceLabel(text: region.label, x: svg(x), y: svg(region.labelY)))
        }
        return out
    }
}
