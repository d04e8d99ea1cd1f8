import SkillnadCore

/// A cube's observations (PC-Axis, JSON-stat) read from its cells in place, in the order of the
/// table's key. Each of period, group and area comes from its own dimensions, so putting the
/// dimensions' values in key order puts every observation in key order: nothing is copied or
/// sorted per cell, and an import of a cube needs little more memory than the cube.
struct CubeObservations: ObservationRows {
    let cube: StatisticsCube
    let mapping: CubeMapping
    /// The period dimension's value indexes in key order (one slot of -1 for a fixed period),
    /// and each one's index into the writer's period names.
    let periodValues: [Int]
    let periodIndexes: [Int32]
    /// The group dimensions' value combinations in key order (one combination of group dimension
    /// value indexes each), and each one's index into the writer's group names.
    let groupValues: [[Int]]
    let groupIndexes: [Int32]
    /// The area dimension's value indexes in key order, and each one's index into the writer's areas.
    let areaValues: [Int]
    let areaIndexes: [Int32]
    /// The cell of the first observation: the one value every other dimension keeps.
    let base: Int

    var count: Int { periodValues.count * groupValues.count * areaValues.count }

    /// The observation at a position in key order: period, then group, then area.
    func row(_ position: Int) -> ObservationRow {
        let areaSlot = position % areaValues.count
        let rest = position / areaValues.count
        let groupSlot = rest % groupValues.count
        let periodSlot = rest / groupValues.count
        let cell = cellBase(period: periodSlot, group: groupSlot, area: areaSlot)
        let reading = mapping.read(cube, base: cell)
        return ObservationRow(
            area: areaIndexes[areaSlot], period: periodIndexes[periodSlot], group: groupIndexes[groupSlot],
            value: reading.value ?? .nan, numerator: reading.numerator ?? .nan,
            denominator: reading.denominator ?? .nan, weight: reading.weight ?? .nan,
            flags: (mapping.preliminary ? 1 : 0) | (reading.suppressed ? 2 : 0), line: Int32(clamping: cell + 1))
    }

    /// The first cell (content 0) of the observation at these slots.
    func cellBase(period: Int, group: Int, area: Int) -> Int {
        var cell = base + areaValues[area] * mapping.strides[mapping.areaDimension]
        if let dimension = mapping.periodDimension {
            cell += periodValues[period] * mapping.strides[dimension]
        }
        for (slot, group) in zip(mapping.groups, groupValues[group]) {
            cell += group * mapping.strides[slot.dimension]
        }
        return cell
    }

    /// The dimensions' values in key order and their names, given the area of each kept area
    /// value (its writer index, nil when the value is skipped) and each area index's rank.
    /// Two values that name the same period, group or area are returned as repeats.
    static func make(
        _ cube: StatisticsCube, _ mapping: CubeMapping, areaOf: [Int: Int32], areaRanks: [Int64]
    ) -> (observations: CubeObservations, periods: [String], groups: [String], repeats: [ObservationProblem]) {
        var repeats: [ObservationProblem] = []
        // Periods, by name as the database sorts them.
        var periodNames: [String]
        var periodValues: [Int]
        if let dimension = mapping.periodDimension {
            periodValues = mapping.kept[dimension]
            periodNames = periodValues.map { cube.dimensions[dimension].codes[$0] }
        } else {
            periodValues = [-1]
            periodNames = [mapping.fixedPeriod ?? ""]
        }
        let periodOrder = periodNames.indices.sorted {
            periodNames[$0].utf8.lexicographicallyPrecedes(periodNames[$1].utf8)
        }
        periodValues = periodOrder.map { periodValues[$0] }
        periodNames = periodOrder.map { periodNames[$0] }
        // Group combinations: every combination of the group dimensions' kept values.
        var combinations: [[Int]] = [[]]
        for group in mapping.groups {
            combinations = combinations.flatMap { prefix in mapping.kept[group.dimension].map { prefix + [$0] } }
        }
        var groupNames = combinations.map { mapping.groupKey(cube, values: $0) }
        let groupOrder = groupNames.indices.sorted {
            groupNames[$0].utf8.lexicographicallyPrecedes(groupNames[$1].utf8)
        }
        combinations = groupOrder.map { combinations[$0] }
        groupNames = groupOrder.map { groupNames[$0] }
        // Areas by their number's rank, skipped ones left out.
        let areaDimension = mapping.areaDimension
        var areaValues = mapping.kept[areaDimension].filter { areaOf[$0] != nil }
        areaValues.sort { areaRanks[Int(areaOf[$0] ?? 0)] < areaRanks[Int(areaOf[$1] ?? 0)] }
        let areaIndexes = areaValues.map { areaOf[$0] ?? 0 }
        // The cell every observation starts from: the kept value of each dimension not read per observation.
        var read = Set([areaDimension] + mapping.groups.map(\.dimension))
        if let dimension = mapping.periodDimension { read.insert(dimension) }
        if let dimension = mapping.contentDimension { read.insert(dimension) }
        var base = 0
        for dimension in cube.dimensions.indices where !read.contains(dimension) {
            base += (mapping.kept[dimension].first ?? 0) * mapping.strides[dimension]
        }
        let observations = CubeObservations(
            cube: cube, mapping: mapping, periodValues: periodValues,
            periodIndexes: periodValues.indices.map { Int32($0) }, groupValues: combinations,
            groupIndexes: combinations.indices.map { Int32($0) }, areaValues: areaValues, areaIndexes: areaIndexes,
            base: base)
        // Two values of a dimension that mean the same period, group or area would give one key twice.
        func repeated(
            _ names: [String], what: (Int) -> (area: String, period: String, group: String), cells: (Int) -> Int
        ) {
            for index in names.indices.dropFirst() where names[index] == names[index - 1] {
                let label = what(index)
                repeats.append(
                    .init(
                        line: cells(index), column: nil,
                        .valueTwice(
                            area: label.area, period: label.period, group: label.group, firstLine: cells(index - 1))))
            }
        }
        let firstArea = areaValues.first.map { cube.dimensions[areaDimension].labels[$0] } ?? ""
        repeated(
            periodNames, what: { (firstArea, periodNames[$0], groupNames.first ?? "") },
            cells: { observations.cellBase(period: $0, group: 0, area: 0) + 1 })
        repeated(
            groupNames, what: { (firstArea, periodNames.first ?? "", groupNames[$0]) },
            cells: { observations.cellBase(period: 0, group: $0, area: 0) + 1 })
        repeated(
            areaIndexes.map { String($0) },
            what: {
                (cube.dimensions[areaDimension].labels[areaValues[$0]], periodNames.first ?? "", groupNames.first ?? "")
            },
            cells: { observations.cellBase(period: 0, group: 0, area: $0) + 1 })
        return (observations, periodNames, groupNames, repeats)
    }
}
