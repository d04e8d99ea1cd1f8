import Foundation

/// How a cube's dimensions become observations (kubmappning): which dimension holds the areas,
/// which the periods, which the groups, which content is the value (or the numerator and the
/// denominator), and which values the filters keep. Resolved once from an `ObservationMapping`,
/// so that CSV, PC-Axis and JSON-stat take the same options and the same mapping files; a column
/// of a CSV file is a dimension here, named by its id, its label or `#N`.
public struct CubeMapping: Sendable {
    /// A group dimension: the name its values get in a group key, and the dimension's index.
    public struct Group: Sendable, Equatable {
        public let name: String
        public let dimension: Int
    }

    public let areaDimension: Int
    public let periodDimension: Int?
    /// The period of every cell, when the cube has no period dimension.
    public let fixedPeriod: String?
    public let groups: [Group]
    /// The dimension whose values are contents (what is counted), if any; without one, a cell is the value.
    public let contentDimension: Int?
    /// Values of the content dimension, by index.
    public let value: Int?
    public let numerator: Int?
    public let denominator: Int?
    public let weight: Int?
    /// For each dimension, the indexes of its values that are read (after filters; an unmapped
    /// dimension keeps its total). The content dimension keeps all its values.
    public let kept: [[Int]]
    /// For each dimension, how far apart in the cells two neighbouring values of it lie.
    public let strides: [Int]
    public let per: Double
    public let preliminary: Bool

    /// The mapping for a cube, or every problem with it.
    public static func resolve(_ cube: StatisticsCube, _ mapping: ObservationMapping) -> Result<
        CubeMapping, ObservationProblems
    > {
        var resolver = Resolver(cube: cube, mapping: mapping)
        return resolver.resolve()
    }

    /// The index of the cell at these coordinates (one value index a dimension).
    public func cell(_ coordinates: [Int]) -> Int {
        var index = 0
        for (dimension, coordinate) in coordinates.enumerated() { index += coordinate * strides[dimension] }
        return index
    }

    /// Every observation the cube holds under this mapping, in the cube's order; `line` is the
    /// number of the first cell read for it (1-based). For tests and small cubes: an import of a
    /// large cube reads the cells in place (`CubeObservations` in the app).
    public func forEachObservation(in cube: StatisticsCube, _ body: (ReadObservation) throws -> Void) rethrows {
        let outer = (0..<cube.dimensions.count).filter { $0 != contentDimension }
        var position = [Int](repeating: 0, count: outer.count)
        if outer.contains(where: { kept[$0].isEmpty }) { return }
        while true {
            var coordinates = [Int](repeating: 0, count: cube.dimensions.count)
            for (slot, dimension) in outer.enumerated() { coordinates[dimension] = kept[dimension][position[slot]] }
            let base = cell(coordinates)
            let reading = read(cube, base: base)
            let area = coordinates[areaDimension]
            try body(
                ReadObservation(
                    line: base + 1, areaCode: cube.dimensions[areaDimension].codes[area],
                    areaName: cube.dimensions[areaDimension].labels[area],
                    period: periodDimension.map { cube.dimensions[$0].codes[coordinates[$0]] } ?? fixedPeriod ?? "",
                    group: groupKey(cube, coordinates), numerator: reading.numerator, denominator: reading.denominator,
                    value: reading.value, weight: reading.weight, suppressed: reading.suppressed,
                    preliminary: preliminary))
            // The next combination, the last dimension fastest.
            var slot = outer.count - 1
            while slot >= 0 {
                position[slot] += 1
                if position[slot] < kept[outer[slot]].count { break }
                position[slot] = 0
                slot -= 1
            }
            if slot < 0 { return }
        }
    }

    /// The numbers of one observation, whose cells lie at `base` plus the content's offset.
    public struct Reading: Sendable, Equatable {
        public var value: Double?
        public var numerator: Double?
        public var denominator: Double?
        public var weight: Double?
        public var suppressed: Bool
    }

    /// Reads the contents of the observation at `base` (the cell with content index 0).
    public func read(_ cube: StatisticsCube, base: Int) -> Reading {
        var suppressed = false
        func number(_ content: Int?) -> Double? {
            guard let content else { return nil }
            let cell = base + content * (contentDimension.map { strides[$0] } ?? 0)
            let found = cube.values[cell]
            if found.isNaN {
                if cube.status?[cell] == .suppressed { suppressed = true }
                return nil
            }
            return found
        }
        if contentDimension == nil {
            let found = cube.values[base]
            if found.isNaN { suppressed = cube.status?[base] == .suppressed }
            return Reading(value: found.isNaN ? nil : found, suppressed: suppressed)
        }
        let weight = number(self.weight)
        if numerator != nil {
            let top = number(numerator)
            let bottom = number(denominator)
            var value: Double?
            if let top, let bottom, bottom > 0 { value = top / bottom * per }
            return Reading(
                value: value, numerator: top, denominator: bottom, weight: weight ?? bottom, suppressed: suppressed)
        }
        return Reading(value: number(value), weight: weight, suppressed: suppressed)
    }

    /// The group key of the cell at these coordinates: the group dimensions' labels, a total left out.
    public func groupKey(_ cube: StatisticsCube, _ coordinates: [Int]) -> String {
        groupKey(cube, values: groups.map { coordinates[$0.dimension] })
    }

    /// The group key for one value index of each group dimension, in `groups` order.
    public func groupKey(_ cube: StatisticsCube, values: [Int]) -> String {
        if groups.isEmpty { return ObservationGroup.total }
        return ObservationGroup.key(
            zip(groups, values).compactMap { group, index in
                Self.isTotal(cube.dimensions[group.dimension], index)
                    ? nil : (group.name, cube.dimensions[group.dimension].labels[index])
            })
    }

    /// Whether a value stands for every other value of its dimension: the file says so, or its
    /// label is a word for everyone (`Totalt`, `Samtliga`).
    static func isTotal(_ dimension: StatisticsCube.Dimension, _ index: Int) -> Bool {
        if dimension.total == index { return true }
        return totalWords.contains(SearchText.fold(dimension.labels[index]))
            || totalWords.contains(SearchText.fold(dimension.codes[index]))
    }

    static let totalWords: Set<String> = ["t", "totalt", "total", "alla", "samtliga", "all", "tot"]

    /// Resolves the mapping's names against the cube's dimensions, collecting every problem.
    private struct Resolver {
        let cube: StatisticsCube
        let mapping: ObservationMapping
        var problems: [ObservationProblem] = []

        init(cube: StatisticsCube, mapping: ObservationMapping) {
            self.cube = cube
            self.mapping = mapping
        }

        var dimensionList: String {
            cube.dimensions.map { $0.id == $0.label ? $0.id : "\($0.id) (\($0.label))" }.joined(separator: ", ")
        }

        /// The dimension a name means: `#N`, its id, its label, or either with case and letters folded.
        mutating func dimension(_ name: String?, _ role: ObservationProblem.ColumnRole) -> Int? {
            guard let name else { return nil }
            let dimensions = cube.dimensions
            if name.hasPrefix("#"), let number = Int(name.dropFirst()) {
                if (1...max(1, dimensions.count)).contains(number), number <= dimensions.count { return number - 1 }
                problems.append(
                    .init(
                        line: nil, column: name,
                        .noColumnNumber(columns: dimensions.count, role: role, name: name)))
                return nil
            }
            if let index = dimensions.firstIndex(where: { $0.id == name }) { return index }
            if let index = dimensions.firstIndex(where: { $0.label == name }) { return index }
            let folded = SearchText.fold(name)
            if let index = dimensions.firstIndex(where: {
                SearchText.fold($0.id) == folded || SearchText.fold($0.label) == folded
            }) {
                return index
            }
            problems.append(.init(line: nil, column: name, .columnNotInFile(role: role, columns: dimensionList)))
            return nil
        }

        /// The value of a dimension a name means: its code, its label, or either folded.
        func valueIndex(_ name: String, in dimension: StatisticsCube.Dimension) -> Int? {
            if let index = dimension.codes.firstIndex(of: name) { return index }
            if let index = dimension.labels.firstIndex(of: name) { return index }
            let folded = SearchText.fold(name)
            return dimension.codes.indices.first {
                SearchText.fold(dimension.codes[$0]) == folded || SearchText.fold(dimension.labels[$0]) == folded
            }
        }

        static func same(_ text: String, _ wanted: String) -> Bool { ObservationMapping.sameCode(text, wanted) }

        mutating func resolve() -> Result<CubeMapping, ObservationProblems> {
            let dimensions = cube.dimensions
            if mapping.periodColumns != nil {
                problems.append(.init(line: nil, column: nil, .periodColumnsFormat(got: mapping.periodColumns ?? "")))
            }
            // A dimension the file marks as geography or time is used when the mapping names none.
            var areaName = mapping.areaCode ?? mapping.areaName
            if areaName == nil, let geo = dimensions.firstIndex(where: { $0.role == .geo }) {
                areaName = "#\(geo + 1)"
            }
            var periodName = mapping.periodColumn
            if periodName == nil, (mapping.period ?? "").isEmpty,
                let time = dimensions.firstIndex(where: { $0.role == .time })
            {
                periodName = "#\(time + 1)"
            }
            if areaName == nil { problems.append(.init(line: nil, column: nil, .mapArea)) }
            if periodName == nil && (mapping.period ?? "").isEmpty {
                problems.append(.init(line: nil, column: nil, .givePeriod))
            }
            if (mapping.numerator == nil) != (mapping.denominator == nil) {
                problems.append(.init(line: nil, column: nil, .mapNumeratorAndDenominator))
            }
            let area = dimension(areaName, mapping.areaCode != nil ? .areaCode : .areaName)
            let period = dimension(periodName, .period)
            var groups: [Group] = []
            for (name, column) in mapping.groups.sorted(by: { $0.key < $1.key }) {
                if let index = dimension(column, .group) { groups.append(Group(name: name, dimension: index)) }
            }
            var kept = dimensions.map { Array(0..<$0.count) }
            for (column, wanted) in mapping.filters.sorted(by: { $0.key < $1.key }) {
                guard let index = dimension(column, .filter) else { continue }
                let dimension = dimensions[index]
                kept[index] = kept[index].filter {
                    Self.same(dimension.codes[$0], wanted) || Self.same(dimension.labels[$0], wanted)
                }
                if kept[index].isEmpty { problems.append(nothingKept(dimension, column, wanted)) }
            }
            for (column, prefix) in mapping.filterPrefixes.sorted(by: { $0.key < $1.key }) {
                guard let index = dimension(column, .filter) else { continue }
                let dimension = dimensions[index]
                kept[index] = kept[index].filter {
                    dimension.codes[$0].hasPrefix(prefix) || dimension.labels[$0].hasPrefix(prefix)
                }
                if kept[index].isEmpty { problems.append(nothingKept(dimension, column, prefix + "…")) }
            }
            // The content dimension: the one the file marks, else the one whose values the mapping names.
            let contentNames = [mapping.value, mapping.numerator, mapping.denominator, mapping.weight].compactMap { $0 }
            let used = Set([area, period].compactMap { $0 } + groups.map(\.dimension))
            var content = dimensions.firstIndex { $0.role == .content }
            if content == nil, let first = contentNames.first {
                content = dimensions.indices.first { index in
                    !used.contains(index) && valueIndex(first, in: dimensions[index]) != nil
                }
            }
            var slots: [Int?] = [nil, nil, nil, nil]
            if let content {
                let dimension = dimensions[content]
                let names = [mapping.value, mapping.numerator, mapping.denominator, mapping.weight]
                let roles: [ObservationProblem.ColumnRole] = [.value, .numerator, .denominator, .weight]
                for (slot, name) in names.enumerated() {
                    guard let name else { continue }
                    if let index = valueIndex(name, in: dimension) {
                        slots[slot] = index
                    } else {
                        let values = dimension.labels.prefix(20).joined(separator: ", ")
                        problems.append(
                            .init(line: nil, column: name, .columnNotInFile(role: roles[slot], columns: values)))
                    }
                }
                if contentNames.isEmpty {
                    if dimension.count == 1 {
                        slots[0] = 0
                    } else {
                        problems.append(
                            .init(
                                line: nil, column: dimension.id,
                                .contentUnmapped(values: dimension.labels.prefix(10).joined(separator: ", "))))
                    }
                }
            } else if mapping.numerator != nil {
                // Numerator and denominator must be contents of one dimension.
                problems.append(
                    .init(
                        line: nil, column: mapping.numerator,
                        .columnNotInFile(role: .numerator, columns: dimensionList)))
            }
            // Every other dimension of more than one value must be narrowed to one: its total, or a filter.
            let mapped = used.union([content].compactMap { $0 })
            for index in dimensions.indices where !mapped.contains(index) && kept[index].count > 1 {
                let dimension = dimensions[index]
                if let total = kept[index].first(where: { isTotalValue(dimension, $0) }) {
                    kept[index] = [total]
                } else {
                    let examples = kept[index].prefix(3).map { dimension.labels[$0] }.joined(separator: ", ")
                    problems.append(
                        .init(
                            line: nil, column: dimension.id,
                            .dimensionUnmapped(name: dimension.id, values: kept[index].count, examples: examples)))
                }
            }
            guard problems.isEmpty, let area else { return .failure(ObservationProblems(problems)) }
            var strides = [Int](repeating: 1, count: dimensions.count)
            var stride = 1
            for index in dimensions.indices.reversed() {
                strides[index] = stride
                stride *= dimensions[index].count
            }
            if let content { kept[content] = Array(0..<dimensions[content].count) }
            return .success(
                CubeMapping(
                    areaDimension: area, periodDimension: period,
                    fixedPeriod: period == nil ? mapping.period : nil, groups: groups, contentDimension: content,
                    value: content == nil ? nil : slots[0], numerator: slots[1], denominator: slots[2],
                    weight: slots[3], kept: kept, strides: strides, per: mapping.per,
                    preliminary: mapping.preliminary))
        }

        func nothingKept(_ dimension: StatisticsCube.Dimension, _ column: String, _ wanted: String)
            -> ObservationProblem
        {
            let examples = dimension.labels.prefix(5).joined(separator: ", ")
            return .init(line: nil, column: column, .filterKeepsNothing(value: wanted, examples: examples))
        }

        func isTotalValue(_ dimension: StatisticsCube.Dimension, _ index: Int) -> Bool {
            CubeMapping.isTotal(dimension, index)
        }
    }
}
