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

/// Observations as compact columns of numbers: areas, periods and groups by index packed into
/// one word, missing numbers as NaN, and the columns a file does not have (values that are the
/// rate of the row's numerator and denominator, denominators apart from numerators, weights
/// apart from the denominator) not kept at all: 21 bytes a row for a file of values, 29 with
/// numerators and denominators, so 5 million rows take some 145 MB rather than gigabytes of
/// strings.
struct CompactObservations: Sendable {
    /// Area, period and group indexes, 21 bits each (`maxDistinct`): area lowest.
    private(set) var keys: [UInt64] = []
    private(set) var lines: [Int32] = []
    /// Bit 0: preliminary, bit 1: suppressed, bit 2: the weight is the denominator, bit 3: the
    /// value is the rate of the numerator and the denominator (`rate`).
    private(set) var flags: [UInt8] = []
    /// Empty until a row has a value that is not its rate; then one a row.
    private(set) var values: [Double] = []
    /// Empty until a row has one; then one a row.
    private(set) var numerators: [Double] = []
    private(set) var denominators: [Double] = []
    private(set) var weights: [Double] = []

    /// Rate = numerator / denominator × `per`, as the file's reader computed it.
    let per: Double

    init(per: Double = 100) { self.per = per }

    var count: Int { keys.count }

    mutating func reserve(_ count: Int) {
        keys.reserveCapacity(count)
        lines.reserveCapacity(count)
        flags.reserveCapacity(count)
    }

    /// The rate of a numerator and a denominator, as `ObservationReader` computes a row's value:
    /// none without both, or when the denominator is 0.
    static func rate(_ numerator: Double?, _ denominator: Double?, per: Double) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return numerator / denominator * per
    }

    static let indexBits: UInt64 = 21
    static let indexMask: UInt64 = (1 << indexBits) - 1

    /// Appends a number to a column kept only once some row has one. A new column takes the
    /// capacity the keys have: grown by doubling instead, two columns of 5 million rows held
    /// 80 MB more at their last growth than their numbers need.
    private static func append(_ number: Double?, to column: inout [Double], rows: Int, capacity: Int) {
        if column.isEmpty {
            guard let number else { return }
            column.reserveCapacity(max(capacity, rows + 1))
            column.append(contentsOf: repeatElement(.nan, count: rows))
            column.append(number)
            return
        }
        column.append(number ?? .nan)
    }

    mutating func append(_ row: ReadObservation, area: Int32, period: Int32, group: Int32) {
        let rows = keys.count
        keys.append(UInt64(period) << (2 * Self.indexBits) | UInt64(group) << Self.indexBits | UInt64(area))
        lines.append(Int32(clamping: row.line))
        let capacity = keys.capacity
        let isRate = row.numerator != nil && row.value == Self.rate(row.numerator, row.denominator, per: per)
        if !isRate {
            Self.append(row.value, to: &values, rows: rows, capacity: capacity)
        } else if !values.isEmpty {
            values.append(.nan)
        }
        Self.append(row.numerator, to: &numerators, rows: rows, capacity: capacity)
        Self.append(row.denominator, to: &denominators, rows: rows, capacity: capacity)
        let weightIsDenominator = row.weight != nil && row.weight == row.denominator
        Self.append(weightIsDenominator ? nil : row.weight, to: &weights, rows: rows, capacity: capacity)
        var bits: UInt8 = row.preliminary ? 1 : 0
        if row.suppressed { bits |= 2 }
        if weightIsDenominator { bits |= 4 }
        if isRate { bits |= 8 }
        flags.append(bits)
    }

    /// A row's value: kept, or the rate of its numerator and denominator.
    func value(_ row: Int) -> Double {
        if flags[row] & 8 == 8 {
            return Self.rate(numerators[row], denominators.isEmpty ? nil : denominators[row], per: per) ?? .nan
        }
        return values.isEmpty ? .nan : values[row]
    }

    func area(_ row: Int) -> Int32 { Int32(keys[row] & Self.indexMask) }
    func group(_ row: Int) -> Int32 { Int32(keys[row] >> Self.indexBits & Self.indexMask) }
    func period(_ row: Int) -> Int32 { Int32(keys[row] >> (2 * Self.indexBits)) }

    /// The row as the writer takes it.
    func row(_ row: Int) -> ObservationRow {
        let denominator = denominators.isEmpty ? .nan : denominators[row]
        let bits = flags[row]
        return ObservationRow(
            area: area(row), period: period(row), group: group(row), value: value(row),
            numerator: numerators.isEmpty ? .nan : numerators[row], denominator: denominator,
            weight: bits & 4 == 4 ? denominator : weights.isEmpty ? .nan : weights[row], flags: bits & 3,
            line: lines[row])
    }

    /// Each name's rank in the order SQLite and PostgreSQL (with C collation) sort text: bytewise
    /// on UTF-8, as Swift's `lexicographicallyPrecedes` on `utf8` compares.
    static func ranks(_ names: [String]) -> [Int64] {
        ranks(names.count) { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
    }

    /// Each number's rank among the numbers.
    static func ranks(_ numbers: [Int64]) -> [Int64] {
        ranks(numbers.count) { numbers[$0] < numbers[$1] }
    }

    private static func ranks(_ count: Int, by less: (Int, Int) -> Bool) -> [Int64] {
        var result = [Int64](repeating: 0, count: count)
        for (rank, index) in (0..<count).sorted(by: less).enumerated() { result[index] = Int64(rank) }
        return result
    }

    /// How many different periods, groups or areas one import may have.
    static let maxDistinct = 1 << 21

    /// A row given a second value for an area, period and group.
    struct Repeated: Sendable {
        let line: Int
        let firstLine: Int
        let area, period, group: Int32
    }

    /// The rows in key order: as they are (a file in key order), or each row's key rank packed
    /// with its number into one word, sorted (8 bytes a row), or in the rare file whose ranks
    /// and row numbers do not fit one word, the row numbers.
    enum KeyOrder: Sendable {
        case asRead(Int)
        case packed([UInt64], rowBits: UInt64)
        case rows([Int32])

        var count: Int {
            switch self {
            case .asRead(let count): count
            case .packed(let keys, _): keys.count
            case .rows(let rows): rows.count
            }
        }

        func row(_ position: Int) -> Int {
            switch self {
            case .asRead: position
            case .packed(let keys, let rowBits): Int(keys[position] & ((1 << rowBits) - 1))
            case .rows(let rows): Int(rows[position])
            }
        }
    }

    /// Bits enough for numbers below `count`.
    static func bits(_ count: Int) -> UInt64 {
        UInt64(max(1, Int.bitWidth - max(count - 1, 1).leadingZeroBitCount))
    }

    /// The rows in the order of the observations' primary key (period, group, area within one
    /// indicator), given each period's, group's and area's rank in that order, so that the
    /// database's B-tree grows at one end instead of being searched and split page by page.
    ///
    /// Several rows for one area, period and group are allowed only when none has a value
    /// (collection rows such as early votes not allocated to a district): the first is kept,
    /// the others are left out. Any other repeat is returned in `repeated`, in file order.
    func keyOrder(period pr: [Int64], group gr: [Int64], area ar: [Int64]) -> (
        order: KeyOrder, repeated: [Repeated]
    ) {
        let areaBits = Self.bits(ar.count)
        let groupBits = Self.bits(gr.count)
        let periodBits = Self.bits(pr.count)
        let rowBits = Self.bits(count)
        func rank(_ row: Int) -> UInt64 {
            let key = keys[row]
            let area = UInt64(ar[Int(key & Self.indexMask)])
            let group = UInt64(gr[Int(key >> Self.indexBits & Self.indexMask)])
            let period = UInt64(pr[Int(key >> (2 * Self.indexBits))])
            return (period << groupBits | group) << areaBits | area
        }
        // Files already in key order (and free of repeats) need no sort.
        var sorted = true
        var previous: UInt64?
        for row in 0..<count {
            let key = rank(row)
            if let previous, key <= previous {
                sorted = false
                break
            }
            previous = key
        }
        if sorted { return (.asRead(count), []) }
        var order: KeyOrder
        var sameKey: (Int, Int) -> Bool
        if areaBits + groupBits + periodBits + rowBits <= 64 {
            // The row number in the low bits breaks ties, so the first of repeated rows comes first.
            var packed = [UInt64](repeating: 0, count: count)
            for row in 0..<count { packed[row] = rank(row) << rowBits | UInt64(row) }
            packed.sort()
            order = .packed(packed, rowBits: rowBits)
            sameKey = { packed[$0] >> rowBits == packed[$1] >> rowBits }
        } else {
            var ranked = (0..<count).map { (key: rank($0), row: Int32($0)) }
            ranked.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
            order = .rows(ranked.map(\.row))
            sameKey = { ranked[$0].key == ranked[$1].key }
        }
        // Repeats lie next to each other now; the first of each key is kept.
        var repeated: [Repeated] = []
        var kept: [Int32] = []
        var hasRepeats = false
        var position = 1
        while position < count {
            if sameKey(position - 1, position) {
                hasRepeats = true
                break
            }
            position += 1
        }
        guard hasRepeats else { return (order, []) }
        kept.reserveCapacity(count)
        var start = 0
        while start < count {
            let first = order.row(start)
            kept.append(Int32(first))
            var next = start + 1
            while next < count && sameKey(start, next) {
                let other = order.row(next)
                if !value(first).isNaN || !value(other).isNaN {
                    repeated.append(
                        Repeated(
                            line: Int(lines[other]), firstLine: Int(lines[first]), area: area(other),
                            period: period(other), group: group(other)))
                }
                next += 1
            }
            start = next
        }
        repeated.sort { $0.line < $1.line }
        return (.rows(kept), repeated)
    }
}

/// A file's rows in the order of the table's key, for the writer.
struct CompactRowsInKeyOrder: ObservationRows {
    let rows: CompactObservations
    let order: CompactObservations.KeyOrder

    var count: Int { order.count }

    func row(_ position: Int) -> ObservationRow { rows.row(order.row(position)) }
}
