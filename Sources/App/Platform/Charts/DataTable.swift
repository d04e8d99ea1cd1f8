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
