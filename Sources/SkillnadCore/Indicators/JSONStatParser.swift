import Foundation

/// Reads JSON text into `JSONStatNode`s straight from its bytes. Foundation's
/// `JSONSerialization` makes an `NSNumber` of each of a million cells; this reads a `value`
/// array of numbers and nulls into one `[Double]`, with a number parser that is exact for the
/// short decimals statistics have, and says where the text stops being JSON: line, column and
/// the JSON path of the value it was reading.
struct JSONStatParser {
    /// Where and why the text is not JSON.
    struct Failure: Error {
        var offset: Int
        var expected: String
        var path: [PathStep]
    }

    /// One step of a JSON path: a member's name or an element's position.
    enum PathStep {
        case key(String)
        case index(Int)
    }

    /// Deeper nesting than any statistics file has is refused before it exhausts the stack.
    static let maxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The members and elements that enclose the value being read, for the path of a failure.
    var path: [PathStep] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The whole text as one JSON value; a problem with the JSON path (`column`) and the line
    /// and column of the text where it is not JSON.
    static func parse(_ data: Data) throws(ObservationProblems) -> JSONStatNode {
        let result = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return Result { () throws(Failure) -> JSONStatNode in
                var parser = JSONStatParser(bytes: bytes)
                return try parser.document()
            }.mapError { failure in
                ObservationProblem(
                    line: nil, column: failure.path.isEmpty ? nil : render(failure.path),
                    .invalidJSON("expected \(failure.expected) at \(place(of: failure.offset, in: bytes))"))
            }
        }
        switch result {
        case .success(let node): return node
        case .failure(let problem): throw ObservationProblems([problem])
        }
    }

    /// A JSON path as people write it: `dimension.Region.category.index[3]`.
    static func render(_ steps: [PathStep]) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// `line 3, column 17`, counting characters, not bytes, within the line.
    static func place(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return offset >= bytes.count ? "the end of the text (line \(line))" : "line \(line), column \(column)"
    }

    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let smallN = UInt8(ascii: "n")

    func failure(_ expected: String, at offset: Int? = nil, step: PathStep? = nil) -> Failure {
        Failure(offset: offset ?? position, expected: expected, path: step.map { path + [$0] } ?? path)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    mutating func document() throws(Failure) -> JSONStatNode {
        // A byte-order mark, as some Windows tools write before UTF-8 text.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipSpace()
        let node = try value(depth: 0)
        skipSpace()
        guard position == bytes.count else { throw failure("the end of the text after the JSON value") }
        return node
    }

    mutating func value(depth: Int) throws(Failure) -> JSONStatNode {
        guard let byte = current else { throw failure("a value") }
        switch byte {
        case Self.openBrace: return try object(depth: depth + 1)
        case Self.openBracket: return try array(depth: depth + 1)
        case Self.quote: return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case Self.smallN:
            try literal("null")
            return .null
        case Self.minus, Self.zero...Self.nine: return .number(try number())
        default: throw failure("a value (an object, array, string, number, true, false or null)")
        }
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        let start = position
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw failure("\(word)") }
        for offset in 0..<count where bytes[start + offset] != word.utf8Start[offset] {
            throw failure("\(word)")
        }
        position += count
    }

    mutating func array(depth: Int) throws(Failure) -> JSONStatNode {
        guard depth <= Self.maxDepth else { throw failure("at most \(Self.maxDepth) nested arrays and objects") }
        position += 1
        skipSpace()
        if current == Self.closeBracket {
            position += 1
            return .array([])
        }
        var numbers: [Double] = []
        var nodes: [JSONStatNode] = []
        var onlyNumbers = true
        var index = 0
        while true {
            skipSpace()
            if onlyNumbers, let cell = try cell(at: .index(index)) {
                numbers.append(cell)
            } else {
                if onlyNumbers {
                    onlyNumbers = false
                    nodes.reserveCapacity(numbers.count + 1)
                    for number in numbers { nodes.append(number.isNaN ? .null : .number(number)) }
                    numbers = []
                }
                path.append(.index(index))
                nodes.append(try value(depth: depth))
                path.removeLast()
            }
            skipSpace()
            guard let next = current else { throw failure("',' or ']' after the element", step: .index(index)) }
            position += 1
            if next == Self.comma {
                index += 1
                continue
            }
            if next == Self.closeBracket { break }
            throw failure("',' or ']' after the element", at: position - 1, step: .index(index))
        }
        return onlyNumbers ? .numbers(numbers) : .array(nodes)
    }

    /// A number, or `null` as NaN, where the next value is one; nil when it is anything else. The
    /// million cells of a `value` array or sparse object come this way: no path kept, no enum made.
    @inline(__always)
    mutating func cell(at step: PathStep) throws(Failure) -> Double? {
        let byte = current ?? 0
        do {
            if byte == Self.minus || (byte >= Self.zero && byte <= Self.nine) { return try number() }
            if byte == Self.smallN {
                try literal("null")
                return .nan
            }
        } catch {
            throw Failure(offset: error.offset, expected: error.expected, path: path + [step])
        }
        return nil
    }

    mutating func object(depth: Int) throws(Failure) -> JSONStatNode {
        guard depth <= Self.maxDepth else { throw failure("at most \(Self.maxDepth) nested arrays and objects") }
        position += 1
        skipSpace()
        if current == Self.closeBrace {
            position += 1
            return .object([])
        }
        var keys: [String] = []
        var numbers: [Double] = []
        var members: [JSONStatNode.Member] = []
        var onlyNumbers = true
        while true {
            skipSpace()
            guard current == Self.quote else { throw failure("a member name in double quotes") }
            let key = try string()
            skipSpace()
            guard current == Self.colon else { throw failure("':' after the member name", step: .key(key)) }
            position += 1
            skipSpace()
            if onlyNumbers, let cell = try cell(at: .key(key)) {
                numbers.append(cell)
                keys.append(key)
            } else {
                if onlyNumbers {
                    onlyNumbers = false
                    members = JSONStatNode.numberMembers(keys: keys, numbers: numbers).members ?? []
                    keys = []
                    numbers = []
                }
                path.append(.key(key))
                members.append(JSONStatNode.Member(key: key, value: try value(depth: depth)))
                path.removeLast()
            }
            skipSpace()
            guard let next = current else { throw failure("',' or '}' after the member", step: .key(key)) }
            position += 1
            if next == Self.comma { continue }
            if next == Self.closeBrace { break }
            throw failure("',' or '}' after the member", at: position - 1, step: .key(key))
        }
        return onlyNumbers ? .numberMembers(keys: keys, numbers: numbers) : .object(members)
    }

    /// A string from its opening quote; most have no escape and are decoded from the bytes as they are.
    mutating func string() throws(Failure) -> String {
        let opening = position
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == Self.backslash { return try escapedString(from: start) }
            if byte < 0x20 { throw failure("no control character inside a string (write \\n, \\t)") }
            position += 1
        }
        throw failure("the closing quote of the string that begins here", at: opening)
    }

    /// The rest of a string that has escapes, from its first backslash.
    mutating func escapedString(from start: Int) throws(Failure) -> String {
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            }
            if byte < 0x20 { throw failure("no control character inside a string (write \\n, \\t)") }
            guard byte == Self.backslash else {
                utf8.append(byte)
                position += 1
                continue
            }
            guard position + 1 < bytes.count else { throw failure("an escape after the backslash") }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case Self.quote, Self.backslash, UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape()
                Unicode.UTF8.encode(scalar) { utf8.append($0) }
            default:
                throw failure("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after the backslash", at: position - 2)
            }
        }
        throw failure("the closing quote of the string")
    }

    /// The character of `\uXXXX` (after the `u`), with its low surrogate when it is a high one;
    /// a surrogate without its pair becomes U+FFFD, as a text decoder would make it.
    mutating func unicodeEscape() throws(Failure) -> Unicode.Scalar {
        let high = try hexQuad()
        if (0xD800...0xDBFF).contains(high), bytes.count - position >= 6, bytes[position] == Self.backslash,
            bytes[position + 1] == UInt8(ascii: "u")
        {
            let saved = position
            position += 2
            let low = try hexQuad()
            if (0xDC00...0xDFFF).contains(low) {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(combined) ?? "\u{FFFD}"
            }
            position = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func hexQuad() throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("four hexadecimal digits after \\u") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case Self.zero...Self.nine: digit = byte - Self.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("four hexadecimal digits after \\u")
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    /// Powers of ten that a Double holds exactly.
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// A JSON number (`-12`, `0.5`, `1.5e-3`). Up to 15 significant digits and a power of ten up
    /// to 22 either way — every number a statistics office writes — it is one exact integer
    /// multiplied or divided by one exact power of ten, which IEEE arithmetic rounds correctly
    /// (Clinger's fast path); anything longer goes through the standard library's parser.
    mutating func number() throws(Failure) -> Double {
        let start = position
        var negative = false
        if bytes[position] == Self.minus {
            negative = true
            position += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var digitsDropped = false
        func isDigit(_ byte: UInt8) -> Bool { byte >= Self.zero && byte <= Self.nine }
        guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a digit") }
        if bytes[position] == Self.zero {
            position += 1
        } else {
            while position < bytes.count, isDigit(bytes[position]) {
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[position] - Self.zero)
                    significantDigits += 1
                } else {
                    exponent += 1
                    digitsDropped = true
                }
                position += 1
            }
        }
        if position < bytes.count, bytes[position] == Self.dot {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw failure("a digit after the decimal point")
            }
            while position < bytes.count, isDigit(bytes[position]) {
                let digit = UInt64(bytes[position] - Self.zero)
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + digit
                    if mantissa > 0 { significantDigits += 1 }
                    exponent -= 1
                } else if digit != 0 {
                    digitsDropped = true
                }
                position += 1
            }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < bytes.count, bytes[position] == Self.minus || bytes[position] == Self.plus {
                exponentNegative = bytes[position] == Self.minus
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw failure("a digit in the exponent") }
            var written = 0
            while position < bytes.count, isDigit(bytes[position]) {
                if written < 100_000 { written = written * 10 + Int(bytes[position] - Self.zero) }
                position += 1
            }
            exponent += exponentNegative ? -written : written
        }
        let magnitude: Double
        if mantissa == 0 && !digitsDropped {
            magnitude = 0
        } else if !digitsDropped, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            let power = Self.exactPowersOfTen[abs(exponent)]
            magnitude = exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard let parsed = Double(text), parsed.isFinite else {
                throw failure("a number a 64-bit float can hold", at: start)
            }
            return parsed
        }
        return negative ? -magnitude : magnitude
    }
}
