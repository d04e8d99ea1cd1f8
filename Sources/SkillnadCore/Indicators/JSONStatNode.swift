import Foundation

/// A JSON value as the JSON-stat reader needs it. Objects keep their members in the order the
/// text has them (a dataset's dimensions and a category's labels are looked up a few at a time,
/// and a sparse `value` object of a million cells is walked once, so a list beats a dictionary),
/// and an array of numbers and nulls is one `[Double]`, so the million cells of a `value` array
/// are not a million enum values.
enum JSONStatNode {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// An array whose elements are all numbers or `null`; NaN stands for `null`, which a JSON
    /// number can never be.
    case numbers([Double])
    case array([JSONStatNode])
    case object([Member])
    /// An object whose values are all numbers or `null` (NaN), as a sparse `value` object of a
    /// million cells and a category `index` are: names and numbers side by side.
    case numberMembers(keys: [String], numbers: [Double])

    /// An object's member: its name and its value.
    struct Member {
        let key: String
        let value: JSONStatNode
    }

    /// The first member named `key`, when this is an object that has one.
    func member(_ key: String) -> JSONStatNode? {
        switch self {
        case .object(let members): return members.first { $0.key == key }?.value
        case .numberMembers(let keys, let numbers):
            guard let position = keys.firstIndex(of: key) else { return nil }
            return numbers[position].isNaN ? .null : .number(numbers[position])
        default: return nil
        }
    }

    /// The members, when this is an object (either kind).
    var members: [Member]? {
        switch self {
        case .object(let members): return members
        case .numberMembers(let keys, let numbers):
            return zip(keys, numbers).map { Member(key: $0, value: $1.isNaN ? .null : .number($1)) }
        default: return nil
        }
    }

    var isObject: Bool {
        switch self {
        case .object, .numberMembers: return true
        default: return false
        }
    }

    /// The elements, when this is an array (either kind).
    var elements: [JSONStatNode]? {
        switch self {
        case .array(let elements): return elements
        case .numbers(let numbers): return numbers.map { $0.isNaN ? .null : .number($0) }
        default: return nil
        }
    }

    /// The text, when this is a string.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// What the value is, for messages that say what was found instead of what was expected.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): CSVText.number(number)
        case .string(let text): "\"\(text)\""
        case .numbers, .array: "an array"
        case .object, .numberMembers: "an object"
        }
    }
}
