import Foundation

/// Turns one JSON-stat dataset into a `StatisticsCube`, collecting every problem with its JSON
/// path so that a file is refused once with all that is wrong in its structure.
struct JSONStatDatasetReader {
    let dataset: JSONStatNode
    /// The dataset's own path in the response: empty at the root, `link.item[0]` in a
    /// collection, the dataset's name in a 1.x bundle.
    let prefix: String
    var problems: [ObservationProblem] = []

    /// A sparse `value` object names few cells of a cube that may be huge (`size` is only
    /// numbers); every cell gets a Double, so this bounds the memory a small file can ask for.
    static let maxSparseCells = 50_000_000

    init(dataset: JSONStatNode, prefix: String) {
        self.dataset = dataset
        self.prefix = prefix
    }

    func at(_ path: String) -> String { prefix.isEmpty ? path : prefix + "." + path }

    mutating func problem(_ path: String, _ reason: ObservationProblem.Reason) {
        problems.append(ObservationProblem(line: nil, column: at(path), reason))
    }

    func stopIfProblems() throws(ObservationProblems) {
        if !problems.isEmpty { throw ObservationProblems(problems) }
    }

    mutating func cube() throws(ObservationProblems) -> StatisticsCube {
        let title = optionalText(dataset, "label", path: "label")
        let source = optionalText(dataset, "source", path: "source")
        let ids = identifiers()
        let size = located("size")
        if size == nil { problem("size", .missing) }
        let roles = self.roles()
        var dimensions: [StatisticsCube.Dimension] = []
        if let dimensionNode = dataset.member("dimension") {
            if dimensionNode.isObject {
                for id in ids {
                    if let dimension = self.dimension(id, in: dimensionNode, role: roles[id] ?? .other) {
                        dimensions.append(dimension)
                    }
                }
            } else {
                problem("dimension", .expectedObject(got: dimensionNode.kind))
            }
        } else {
            problem("dimension", .missing)
        }
        try stopIfProblems()
        if let size { checkSize(size.node, path: size.path, dimensions: dimensions) }
        try stopIfProblems()
        var cellCount = 1
        for dimension in dimensions {
            let (product, overflow) = cellCount.multipliedReportingOverflow(by: dimension.count)
            cellCount = overflow ? Int.max : product
        }
        var cells = values(cellCount: cellCount)
        try stopIfProblems()
        applyStatus(to: &cells, cellCount: cellCount)
        try stopIfProblems()
        var status: [StatisticsCube.CellStatus]?
        if !cells.suppressed.isEmpty {
            var marks = cells.values.map { $0.isNaN ? StatisticsCube.CellStatus.missing : .value }
            for cell in cells.suppressed { marks[cell] = .suppressed }
            status = marks
        }
        return StatisticsCube(
            dimensions: dimensions, values: cells.values, status: status, title: title, source: source)
    }

    /// A key at the dataset's root as JSON-stat 2.0 has it, or inside `dimension` as 1.x had
    /// `id`, `size` and `role`.
    func located(_ key: String) -> (node: JSONStatNode, path: String)? {
        if let node = dataset.member(key) { return (node, key) }
        if let node = dataset.member("dimension")?.member(key) { return (node, "dimension." + key) }
        return nil
    }

    /// A text that may be left out, but is a string when it is there.
    mutating func optionalText(_ object: JSONStatNode, _ key: String, path: String) -> String? {
        guard let node = object.member(key) else { return nil }
        switch node {
        case .string(let text): return text
        case .null: return nil
        default:
            problem(path, .expectedString(got: node.kind))
            return nil
        }
    }

    /// The strings of an array, each wrong element a problem.
    mutating func strings(_ node: JSONStatNode, path: String) -> [String] {
        guard let elements = node.elements else {
            problem(path, .expectedArray)
            return []
        }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (position, element) in elements.enumerated() {
            if let text = element.text {
                texts.append(text)
            } else {
                problem("\(path)[\(position)]", .expectedString(got: element.kind))
            }
        }
        return texts
    }

    /// The dimensions' ids in storage order.
    mutating func identifiers() -> [String] {
        guard let (node, path) = located("id") else {
            problem("id", .missing)
            return []
        }
        let ids = strings(node, path: path)
        if ids.isEmpty, node.elements?.isEmpty == true { problem(path, .isEmpty) }
        return ids
    }

    /// Dimension id → role, from `role`'s `time`, `geo` and `metric` lists (others are ignored).
    mutating func roles() -> [String: StatisticsCube.Role] {
        guard let (node, path) = located("role"), !isNull(node) else { return [:] }
        guard let members = node.members else {
            problem(path, .expectedObject(got: node.kind))
            return [:]
        }
        var roles: [String: StatisticsCube.Role] = [:]
        for member in members {
            let name = member.key
            let list = member.value
            let role: StatisticsCube.Role
            switch name {
            case "time": role = .time
            case "geo": role = .geo
            case "metric": role = .content
            default: continue
            }
            if isNull(list) { continue }
            for id in strings(list, path: "\(path).\(name)") { roles[id] = role }
        }
        return roles
    }

    func isNull(_ node: JSONStatNode) -> Bool {
        if case .null = node { return true }
        return false
    }

    /// One dimension: its label, its categories' codes in order and their labels, and the total
    /// that PxWeb API v2 names in `extension.eliminationValueCode`.
    mutating func dimension(
        _ id: String, in dimensions: JSONStatNode, role: StatisticsCube.Role
    ) -> StatisticsCube.Dimension? {
        let path = "dimension.\(id)"
        guard let node = dimensions.member(id) else {
            problem(path, .missing)
            return nil
        }
        guard node.isObject else {
            problem(path, .expectedObject(got: node.kind))
            return nil
        }
        let label = optionalText(node, "label", path: path + ".label")
        guard let category = node.member("category") else {
            problem(path + ".category", .missing)
            return nil
        }
        guard category.isObject else {
            problem(path + ".category", .expectedObject(got: category.kind))
            return nil
        }
        let labels = categoryLabels(category, path: path + ".category.label")
        guard let codes = categoryCodes(category, labels: labels, path: path + ".category") else { return nil }
        var total: Int?
        if let code = node.member("extension")?.member("eliminationValueCode")?.text {
            total = codes.firstIndex(of: code)
        }
        return StatisticsCube.Dimension(
            id: id, label: label, codes: codes, labels: codes.map { labels[$0]?.text ?? $0 }, role: role,
            total: total)
    }

    /// `category.label` in order, code → label.
    mutating func categoryLabels(_ category: JSONStatNode, path: String) -> [String: (text: String, order: Int)] {
        guard let node = category.member("label"), !isNull(node) else { return [:] }
        guard let members = node.members else {
            problem(path, .expectedObject(got: node.kind))
            return [:]
        }
        var labels: [String: (text: String, order: Int)] = [:]
        for (order, member) in members.enumerated() {
            guard let text = member.value.text else {
                problem("\(path).\(member.key)", .expectedString(got: member.value.kind))
                continue
            }
            labels[member.key] = (text, order)
        }
        return labels
    }

    /// The categories' codes in order, from `index` (an array of codes, or code → position) or,
    /// for a single category, from its label.
    mutating func categoryCodes(
        _ category: JSONStatNode, labels: [String: (text: String, order: Int)], path: String
    ) -> [String]? {
        let indexPath = path + ".index"
        guard let index = category.member("index"), !isNull(index) else {
            // Without an index the format allows one category, named by its label.
            if labels.count == 1, let code = labels.keys.first { return [code] }
            problem(indexPath, .missing)
            return nil
        }
        switch index {
        case .array, .numbers:
            let problemsBefore = problems.count
            let codes = strings(index, path: indexPath)
            guard problems.count == problemsBefore else { return nil }
            guard !codes.isEmpty else {
                problem(indexPath, .isEmpty)
                return nil
            }
            var firstPosition: [String: Int] = [:]
            for (position, code) in codes.enumerated() {
                if let first = firstPosition[code] {
                    problem(
                        "\(indexPath)[\(position)]",
                        .jsonStatPosition(got: "\"\(code)\", also at \(first)", last: codes.count - 1))
                } else {
                    firstPosition[code] = position
                }
            }
            return codes
        case .object, .numberMembers:
            let members = index.members ?? []
            guard !members.isEmpty else {
                problem(indexPath, .isEmpty)
                return nil
            }
            var codes = [String?](repeating: nil, count: members.count)
            for member in members {
                let code = member.key
                let positionNode = member.value
                guard let position = Self.position(positionNode, count: members.count), codes[position] == nil else {
                    problem(
                        "\(indexPath).\(code)", .jsonStatPosition(got: positionNode.kind, last: members.count - 1))
                    continue
                }
                codes[position] = code
            }
            let found = codes.compactMap { $0 }
            return found.count == members.count ? found : nil
        default:
            problem(indexPath, .expectedObject(got: index.kind))
            return nil
        }
    }

    /// A whole number from 0 to `count` − 1.
    static func position(_ node: JSONStatNode, count: Int) -> Int? {
        guard case .number(let number) = node, number >= 0, number < Double(count), number.rounded() == number else {
            return nil
        }
        return Int(number)
    }

    /// A sparse object's key as a cell position: digits only, below `count`.
    static func position(_ key: String, count: Int) -> Int? {
        guard !key.isEmpty, key.utf8.count <= 18 else { return nil }
        var number = 0
        for byte in key.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number < count ? number : nil
    }

    /// `size` must list each dimension's number of categories, in `id`'s order.
    mutating func checkSize(_ node: JSONStatNode, path: String, dimensions: [StatisticsCube.Dimension]) {
        guard let elements = node.elements else {
            problem(path, .expectedArray)
            return
        }
        var agrees = elements.count == dimensions.count
        for (element, dimension) in zip(elements, dimensions) {
            if case .number(let number) = element, number == Double(dimension.count) { continue }
            agrees = false
        }
        guard !agrees else { return }
        let said = elements.map(\.kind).joined(separator: " × ")
        let counted = dimensions.map { "\($0.count) (\($0.id))" }.joined(separator: " × ")
        problem(path, .jsonStatSize(size: "[\(said)]", dimensions: counted))
    }

    /// The cells' values in storage order, NaN where there is none, and the cells a text in
    /// `value` marks as suppressed.
    struct Cells {
        var values: [Double]
        var suppressed: [Int] = []
    }

    mutating func values(cellCount: Int) -> Cells {
        guard let node = dataset.member("value") else {
            problem("value", .missing)
            return Cells(values: [])
        }
        switch node {
        case .numbers(let numbers):
            guard numbers.count == cellCount else {
                problem("value", .jsonStatValueCount(expected: cellCount, got: numbers.count))
                return Cells(values: [])
            }
            return Cells(values: numbers)
        case .array(let elements):
            guard elements.count == cellCount else {
                problem("value", .jsonStatValueCount(expected: cellCount, got: elements.count))
                return Cells(values: [])
            }
            var cells = Cells(values: [])
            cells.values.reserveCapacity(cellCount)
            for (position, element) in elements.enumerated() {
                cells.values.append(cell(element, at: position, path: "value[\(position)]", into: &cells.suppressed))
            }
            return cells
        case .numberMembers(let keys, let numbers):
            guard var cells = sparseCells(cellCount) else { return Cells(values: []) }
            var given = [Bool](repeating: false, count: cellCount)
            for (key, number) in zip(keys, numbers) {
                guard let position = Self.position(key, count: cellCount), !given[position] else {
                    problem("value.\(key)", .jsonStatPosition(got: "\"\(key)\"", last: cellCount - 1))
                    continue
                }
                given[position] = true
                cells.values[position] = number
            }
            return cells
        case .object(let members):
            guard var cells = sparseCells(cellCount) else { return Cells(values: []) }
            var given = [Bool](repeating: false, count: cellCount)
            for member in members {
                guard let position = Self.position(member.key, count: cellCount), !given[position] else {
                    problem("value.\(member.key)", .jsonStatPosition(got: "\"\(member.key)\"", last: cellCount - 1))
                    continue
                }
                given[position] = true
                cells.values[position] = cell(
                    member.value, at: position, path: "value.\(member.key)", into: &cells.suppressed)
            }
            return cells
        default:
            problem("value", .expectedArray)
            return Cells(values: [])
        }
    }

    /// Every cell of a sparse cube without a value, until the `value` object gives one; nil (and
    /// a problem) when the cube is too large for that.
    mutating func sparseCells(_ cellCount: Int) -> Cells? {
        guard cellCount <= Self.maxSparseCells else {
            problem("value", .tooManyDistinct(count: cellCount, what: "cells", max: Self.maxSparseCells))
            return nil
        }
        return Cells(values: [Double](repeating: .nan, count: cellCount))
    }

    /// One cell that is not a plain number: null, a mark (`..`, `x`), or a number written as text.
    mutating func cell(
        _ node: JSONStatNode, at position: Int, path: @autoclosure () -> String, into suppressed: inout [Int]
    ) -> Double {
        switch node {
        case .number(let number): return number
        case .null: return .nan
        case .string(let text):
            switch StatisticsSymbol.classify(text) {
            case .missing: return .nan
            case .suppressed:
                suppressed.append(position)
                return .nan
            case nil:
                if case .success(.value(let number)) = CSVNumber.parse(text, decimal: ".") { return number }
                problem(path(), .pxValueNotNumber(text))
                return .nan
            }
        default:
            problem(path(), .pxValueNotNumber(node.kind))
            return .nan
        }
    }

    /// Marks the cells that `status` says have no value (missing) or are withheld (suppressed).
    mutating func applyStatus(to cells: inout Cells, cellCount: Int) {
        guard let node = dataset.member("status") else { return }
        func apply(_ mark: StatisticsSymbol?, to position: Int) {
            guard let mark else { return }
            cells.values[position] = .nan
            if mark == .suppressed { cells.suppressed.append(position) }
        }
        var marks: [String: StatisticsSymbol?] = [:]
        func mark(_ text: String) -> StatisticsSymbol? {
            if let known = marks[text] { return known }
            let found = JSONStat.statusMark(text)
            marks[text] = found
            return found
        }
        switch node {
        case .null: return
        case .string(let text):
            for position in 0..<cellCount { apply(mark(text), to: position) }
        case .numbers(let numbers):
            // Numbers and nulls only: a null says nothing, a number is no status.
            for (position, number) in numbers.enumerated() where !number.isNaN {
                problem("status[\(position)]", .expectedString(got: CSVText.number(number)))
            }
        case .array(let elements):
            for (position, element) in elements.enumerated() {
                switch element {
                case .null: continue
                case .string(let text):
                    // One status for a table of more than one cell stands for every cell.
                    if elements.count == 1 {
                        for cell in 0..<cellCount { apply(mark(text), to: cell) }
                    } else if position < cellCount {
                        apply(mark(text), to: position)
                    }
                default: problem("status[\(position)]", .expectedString(got: element.kind))
                }
            }
        case .numberMembers(let keys, let numbers):
            // Numbers and nulls only: a null says nothing, a number is no status.
            for (key, number) in zip(keys, numbers) where !number.isNaN {
                problem("status.\(key)", .expectedString(got: CSVText.number(number)))
            }
        case .object(let members):
            for member in members {
                let key = member.key
                let element = member.value
                guard let position = Self.position(key, count: cellCount) else {
                    problem("status.\(key)", .jsonStatPosition(got: "\"\(key)\"", last: cellCount - 1))
                    continue
                }
                switch element {
                case .null: continue
                case .string(let text): apply(mark(text), to: position)
                default: problem("status.\(key)", .expectedString(got: element.kind))
                }
            }
        default:
            problem("status", .expectedString(got: node.kind))
        }
    }
}
