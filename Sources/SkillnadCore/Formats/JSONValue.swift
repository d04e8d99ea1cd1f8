import Foundation

/// Any JSON value, kept as it came: used for GeoJSON geometries, which Skillnad stores and
/// serves but does not interpret.
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Compact JSON text with sorted keys, so the same geometry always gives the same text.
    public var jsonText: String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    /// `jsonText`, but in a form that reads back as itself: text that survives `parse` followed
    /// by `jsonText` unchanged. Linux Foundation's `JSONSerialization` misrounds about a third of
    /// numbers with 17 significant digits by one unit in the last place, so a stored geometry
    /// could change by being exported and imported again ("areas: 17 updated"). Each round
    /// moves a number closer; two rounds settled all but one of 65,000 numbers in Stockholm's
    /// area files.
    public var storedText: String {
        var text = jsonText
        for _ in 0..<8 {
            guard let again = JSONValue.parse(text)?.jsonText, again != text else { break }
            text = again
        }
        return text
    }

    public static func parse(_ text: String) -> JSONValue? {
        try? read(Data(text.utf8))
    }

    /// Reads JSON text. Through `JSONSerialization` rather than `Decodable`: decoding an enum
    /// tries each case and a failed try throws, which for a geometry of thousands of numbers made
    /// loading the catalogue take seconds.
    public static func read(_ data: Data) throws -> JSONValue {
        try JSONValue(any: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    init(any: Any) {
        switch any {
        case let n as NSNumber:
            // A JSON true/false comes as a boolean NSNumber; tell it from 1 and 0.
            // (objCType "c"), on Linux as on Apple platforms.
            if String(cString: n.objCType) == "c" { self = .bool(n.boolValue) } else { self = .number(n.doubleValue) }
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(JSONValue.init(any:)))
        case let o as [String: Any]: self = .object(o.mapValues(JSONValue.init(any:)))
        default: self = .null
        }
    }
}
