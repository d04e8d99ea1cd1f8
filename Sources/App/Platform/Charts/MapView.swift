import SkillnadCore

/// A choropleth map of areas, coloured worst (lightest) to best (darkest).
struct MapView: Encodable, Sendable {
    struct Region: Encodable, Sendable {
        let label: String
        let text: String
        let path: String
        let fill: String
        let href: String
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
    let legend: [Legend]
    let unmapped: [String]

    static let noData = "#ffffff"

    static func make(
        id: String, title: String, desc: String,
        items: [(id: String, label: String, geometry: JSONValue?, value: Double?, href: String)],
        unit: String, direction: Direction, lang: Lang
    ) -> MapView? {
        let layout = MapLayout(
            items: items.map { .init(id: $0.id, label: $0.label, geometry: $0.geometry, value: $0.value) }, width: 560,
            classes: 5, higherIsBetter: direction == .higherIsBetter)
        guard !layout.regions.isEmpty else { return nil }
        let palette = MapLayout.palette(classes: layout.classCount)
        let hrefs = Dictionary(items.map { ($0.id, $0.href) }, uniquingKeysWith: { a, _ in a })
        let labels = Dictionary(items.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let s = Texts(lang)
        var legend = layout.legend.map { e in
            Legend(
                fill: palette[min(e.classIndex, palette.count - 1)],
                text: "\(NumberText.value(e.lower, unit: unit, lang)) – \(NumberText.value(e.upper, unit: unit, lang))")
        }
        if layout.regions.contains(where: { $0.classIndex == nil }) {
            legend.append(Legend(fill: noData, text: s[.notComputable]))
        }
        return MapView(
            id: id, title: title, desc: desc, width: svg(layout.width), height: svg(layout.height),
            regions: layout.regions.map { r in
                Region(
                    label: r.label, text: "\(r.label): \(NumberText.value(r.value, unit: unit, lang))", path: r.path,
                    fill: r.classIndex.map { palette[min($0, palette.count - 1)] } ?? noData, href: hrefs[r.id] ?? "")
            },
            legend: legend, unmapped: layout.unmapped.compactMap { labels[$0] })
    }
}
