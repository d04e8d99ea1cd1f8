import Foundation

/// Reads typed fields out of a JSON object and records a problem, with its path, for every
/// field that is missing or of the wrong type, instead of stopping at the first.
struct JSONFields {
    let object: [String: JSONValue]
    let path: String
    var problems: [CatalogueProblem] = []

    init?(_ value: JSONValue?, path: String, problems: inout [CatalogueProblem]) {
        guard case .object(let o)? = value else {
            problems.append(CatalogueProblem(path: path, .expectedObject))
            return nil
        }
        object = o
        self.path = path
    }

    func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func problem(_ key: String, _ reason: CatalogueProblem.Reason) {
        problems.append(CatalogueProblem(path: at(key), reason))
    }

    /// Flags keys the format does not know, so a misspelt field is not silently ignored.
    mutating func rejectUnknownKeys(_ allowed: Set<String>) {
        for key in object.keys.sorted() where !allowed.contains(key) {
            problem(key, .unknownField(known: allowed.sorted().joined(separator: ", ")))
        }
    }

    private func present(_ key: String) -> JSONValue? {
        switch object[key] {
        case nil, .null?: return nil
        case let v?: return v
        }
    }

    mutating func string(_ key: String, required: Bool = false, allowEmpty: Bool = false) -> String? {
        guard let v = present(key) else {
            if required { problem(key, .required) }
            return nil
        }
        guard case .string(let s) = v else {
            problem(key, .expectedString)
            return nil
        }
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty && !allowEmpty {
            if required { problem(key, .mustNotBeEmpty) }
            return nil
        }
        return t
    }

    mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let v = present(key) else {
            if required { problem(key, .required) }
            return nil
        }
        guard case .number(let n) = v, n.rounded() == n, abs(n) < 1e15 else {
            problem(key, .expectedWholeNumber)
            return nil
        }
        let i = Int(n)
        if let range, !range.contains(i) {
            problem(key, .outOfRange(low: range.lowerBound, high: range.upperBound, got: i))
            return nil
        }
        return i
    }

    mutating func double(_ key: String) -> Double? {
        guard let v = present(key) else { return nil }
        guard case .number(let n) = v else {
            problem(key, .expectedNumber)
            return nil
        }
        return n
    }

    mutating func day(_ key: String) -> Day? {
        guard let s = string(key) else { return nil }
        guard let d = Day(s) else {
            problem(key, .expectedDate(got: s))
            return nil
        }
        return d
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let s = string(key, required: true) else { return nil }
        guard let e = E(rawValue: s) else {
            problem(key, .unknownValue(s, expected: E.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return e
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let v = present(key) else { return nil }
        guard case .array(let a) = v else {
            problem(key, .expectedStrings)
            return nil
        }
        var out: [String] = []
        for (i, e) in a.enumerated() {
            guard case .string(let s) = e, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                problems.append(CatalogueProblem(path: "\(at(key))[\(i)]", .expectedNonEmptyString))
                continue
            }
            out.append(s.trimmingCharacters(in: .whitespaces))
        }
        return out
    }

    /// The elements of a list field, each with its path.
    mutating func list(_ key: String, required: Bool = false) -> [(JSONValue, String)] {
        guard let v = present(key) else {
            if required { problem(key, .required) }
            return []
        }
        guard case .array(let a) = v else {
            problem(key, .expectedList)
            return []
        }
        return a.enumerated().map { ($0.element, "\(at(key))[\($0.offset)]") }
    }

    func raw(_ key: String) -> JSONValue? { present(key) }
}
