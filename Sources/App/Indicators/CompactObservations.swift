import SkillnadCore

/// Strings numbered in the order first seen.
struct Interned: Sendable {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]
    /// The last string asked for: files repeat an area or a period for many rows in a row.
    private var last: (name: String, index: Int32)?

    mutating func index(_ s: String) -> Int32 {
        if let last, last.name == s { return last.index }
        let i: Int32
        if let known = numbers[s] {
            i = known
        } else {
            i = Int32(names.count)
            numbers[s] = i
            names.append(s)
        }
        last = (s, i)
        return i
    }
}

/// Observations as compact rows of numbers: areas, periods and groups by index, missing numbers
/// as NaN; about 56 bytes a row, so 5 million rows take some 280 MB rather than gigabytes of
/// strings. One array of rows rather than one array per column: rows are written in key order,
/// not file order, and reading one row then touches one place in memory instead of eight.
struct CompactObservations: Sendable {
    struct Row: Sendable {
        var area, period, group: Int32
        /// The file's line, for messages about repeated rows.
        var line: Int32
        var value, numerator, denominator, weight: Double
        /// Bit 0: preliminary, bit 1: suppressed.
        var flags: UInt8

        var computable: Bool { !value.isNaN }
        var preliminary: Bool { flags & 1 == 1 }
        var suppressed: Bool { flags & 2 == 2 }
    }

    private(set) var rows: [Row] = []

    var count: Int { rows.count }

    mutating func reserve(_ n: Int) { rows.reserveCapacity(n) }

    mutating func append(_ r: ReadObservation, area a: Int32, period p: Int32, group g: Int32) {
        rows.append(
            Row(
                area: a, period: p, group: g, line: Int32(clamping: r.line), value: r.value ?? .nan,
                numerator: r.numerator ?? .nan, denominator: r.denominator ?? .nan, weight: r.weight ?? .nan,
                flags: (r.preliminary ? 1 : 0) | (r.suppressed ? 2 : 0)))
    }

    static func optional(_ x: Double) -> Double? { x.isNaN ? nil : x }

    /// Each name's rank in the order SQLite and PostgreSQL (with C collation) sort text: bytewise
    /// on UTF-8, as Swift's `lexicographicallyPrecedes` on `utf8` compares.
    static func ranks(_ names: [String]) -> [Int64] {
        ranks(names.count) { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
    }

    /// Each number's rank among the numbers.
    static func ranks(_ numbers: [Int64]) -> [Int64] {
        ranks(numbers.count) { numbers[$0] < numbers[$1] }
    }

    private static func ranks(_ n: Int, by less: (Int, Int) -> Bool) -> [Int64] {
        var r = [Int64](repeating: 0, count: n)
        for (rank, i) in (0..<n).sorted(by: less).enumerated() { r[i] = Int64(rank) }
        return r
    }

    /// How many different periods, groups or areas one import may have.
    static let maxDistinct = 1 << 21

    /// A row given a second value for an area, period and group.
    struct Repeated: Sendable {
        let line: Int
        let firstLine: Int
        let area, period, group: Int32
    }

    /// The rows' indexes in the order of the observations' primary key (period, group, area
    /// within one indicator), given each period's, group's and area's rank in that order, so that
    /// the database's B-tree grows at one end instead of being searched and split page by page.
    ///
    /// Several rows for one area, period and group are allowed only when none has a value
    /// (collection rows such as early votes not allocated to a district): the first is kept,
    /// the others are left out. Any other repeat is returned in `repeated`, in file order.
    /// Each rank must be below `maxDistinct` (the key packs three into one 64-bit number).
    func keyOrder(period pr: [Int64], group gr: [Int64], area ar: [Int64]) -> (order: [Int32], repeated: [Repeated]) {
        precondition(pr.count <= Self.maxDistinct && gr.count <= Self.maxDistinct && ar.count <= Self.maxDistinct)
        var keyed = [(key: Int64, row: Int32)]()
        keyed.reserveCapacity(rows.count)
        var sorted = true
        rows.withUnsafeBufferPointer { rows in
            var previous = Int64.min
            for i in rows.indices {
                let r = rows[i]
                let key = pr[Int(r.period)] << 42 | gr[Int(r.group)] << 21 | ar[Int(r.area)]
                sorted = sorted && key > previous
                previous = key
                keyed.append((key, Int32(i)))
            }
        }
        // Files already in key order (and free of repeats) need no sort; the row number breaks
        // ties so that the first of repeated rows comes first.
        if !sorted { keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row } }
        var order = [Int32]()
        order.reserveCapacity(keyed.count)
        var repeated: [Repeated] = []
        var k = 0
        while k < keyed.count {
            let first = keyed[k]
            order.append(first.row)
            var j = k + 1
            while j < keyed.count && keyed[j].key == first.key {
                let a = rows[Int(first.row)]
                let b = rows[Int(keyed[j].row)]
                if a.computable || b.computable {
                    repeated.append(
                        Repeated(
                            line: Int(b.line), firstLine: Int(a.line), area: b.area, period: b.period, group: b.group))
                }
                j += 1
            }
            k = j
        }
        repeated.sort { $0.line < $1.line }
        return (order, repeated)
    }
}

/// A file's rows in the order of the table's key, for the writer.
struct CompactRowsInKeyOrder: ObservationRows {
    let rows: CompactObservations
    let order: [Int32]

    var count: Int { order.count }

    func row(_ position: Int) -> ObservationRow {
        let row = rows.rows[Int(order[position])]
        return ObservationRow(
            area: row.area, period: row.period, group: row.group, value: row.value, numerator: row.numerator,
            denominator: row.denominator, weight: row.weight, flags: row.flags, line: row.line)
    }
}
