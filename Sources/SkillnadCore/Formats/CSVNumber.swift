import Foundation

/// Numbers as written in public statistics files: `12`, `-3`, `9,2` (decimal comma, Swedish Excel),
/// `9.2`, `1,5E-05`, with surrounding spaces allowed. Thousands separators (`1 234`, `1,234` in a
/// decimal-point column) are refused, not guessed: `1,234` is 1.234 in a Swedish file and 1234 in
/// an English one, and a wrong guess is a thousandfold error in a rate.
public enum CSVNumber {
    /// Why a cell is not a number.
    public enum Problem: Error, Sendable, Equatable {
        /// Text that is no number at all (`12a`, `n/a`, `12 %`).
        case notANumber
        /// Digit groups separated by spaces, or by the separator the column does not use for decimals.
        case thousandsSeparator
        /// A single separator that is not the column's decimal separator (`9,2` among `9.2`).
        case otherDecimalSeparator

        /// A sentence about `value` for error messages.
        public func message(value: String, decimal: Character) -> String {
            switch self {
            case .notANumber:
                return "\"\(value)\" is not a number"
            case .thousandsSeparator:
                return
                    "\"\(value)\" has a thousands separator, which is not supported (\"1,234\" can mean 1.234 or 1234): write the number without it"
            case .otherDecimalSeparator:
                let other = decimal == "," ? "." : ","
                return "\"\(value)\" has \"\(other)\" as decimal separator but this column uses \"\(decimal)\""
            }
        }
    }

    /// Parses one cell. `decimal` is `","` or `"."` (anything else is taken as `"."`), normally
    /// `CSVTable.decimalSeparator(column:)`. An empty or blank cell is `.missing`, and the other
    /// "no value" symbols are `.missing` or `.suppressed` as `StatisticsSymbol` says.
    public static func parse(_ text: String, decimal: Character) -> Result<CSVValue, Problem> {
        var text = text
        let separator: UInt8 = decimal == "," ? comma : dot
        return text.withUTF8 { parse(bytes: $0, decimal: separator) }
    }

    static let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")

    /// Length of a space-like character at `i` (ASCII space, tab, no-break space U+00A0, thin
    /// space U+2009, narrow no-break space U+202F, which Swedish texts put between digit groups), or 0.
    static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x89 || b[i + 2] == 0xAF { return 3 }
        return 0
    }

    /// The bytes without surrounding spaces.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        var end = b.count
        while start < end {
            let n = spaceLength(b, start)
            if n == 0 { break }
            start += n
        }
        while end > start {
            if b[end - 1] == 0x20 || b[end - 1] == 0x09 {
                end -= 1
                continue
            }
            if end - start >= 2, b[end - 2] == 0xC2, b[end - 1] == 0xA0 {
                end -= 2
                continue
            }
            if end - start >= 3, b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x89 || b[end - 1] == 0xAF {
                end -= 3
                continue
            }
            break
        }
        return start..<end
    }

    /// The shape of a numeric-looking cell, shared by parsing and by the decimal-separator vote.
    /// Only counts and offsets, no arrays: it is computed for every cell of a column, millions of
    /// times in an import.
    struct Shape {
        var negative = false
        /// Digits and marks (`,` `.` spaces), after the sign, before any exponent.
        var mantissa = 0..<0
        /// After `e`/`E`, with its sign; empty when there is none.
        var exponent = 0..<0
        var commas = 0, dots = 0, spaces = 0
        var lastMark: UInt8 = 0
        /// Digits before the first mark, after the last mark.
        var firstGroup = 0, lastGroup = 0
        /// Every digit group between two marks has three digits (`1 234 567` yes, `1.2.3` no).
        var innerGroupsAreThree = true
        var marks: Int { commas + dots + spaces }
        static let space: UInt8 = 0x20
    }

    /// Reads sign, digit groups with `.`, `,` or single spaces between them, and an exponent; nil
    /// when anything else is there or there is no digit.
    static func shape(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Shape? {
        var s = Shape()
        var i = range.lowerBound
        let end = range.upperBound
        if i < end {
            if b[i] == UInt8(ascii: "-") {
                s.negative = true
                i += 1
            } else if b[i] == UInt8(ascii: "+") {
                i += 1
            } else if end - i >= 3, b[i] == 0xE2, b[i + 1] == 0x88, b[i + 2] == 0x92 {
                s.negative = true
                i += 3
            }  // U+2212 minus sign
        }
        let mantissaStart = i
        var mantissaEnd = end
        var group = 0
        var digits = 0
        func mark(_ kind: UInt8) {
            if s.marks == 0 { s.firstGroup = group } else if group != 3 { s.innerGroupsAreThree = false }
            s.lastMark = kind
            group = 0
        }
        while i < end {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 {
                group += 1
                digits += 1
                i += 1
            } else if c == comma || c == dot {
                mark(c)
                if c == comma { s.commas += 1 } else { s.dots += 1 }
                i += 1
            } else if case let n = spaceLength(b, i), n > 0 {
                // One space, between digits (the cell is trimmed).
                guard group > 0, i + n < end, b[i + n] >= 0x30 && b[i + n] <= 0x39 else { return nil }
                mark(Shape.space)
                s.spaces += 1
                i += n
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard digits > 0 else { return nil }
                mantissaEnd = i
                i += 1
                let exponentStart = i
                if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
                let first = i
                while i < end, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i == end, i > first else { return nil }
                s.exponent = exponentStart..<end
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if s.marks == 0 { s.firstGroup = group }
        s.lastGroup = group
        s.mantissa = mantissaStart..<mantissaEnd
        return s
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>, decimal: UInt8) -> Result<CSVValue, Problem> {
        let range = trimmed(bytes)
        let n = range.count
        if n == 0 { return .success(.missing) }
        let first = bytes[range.lowerBound]

        // Fast path: a plain integer that a Double holds exactly.
        var i = range.lowerBound
        var negative = false
        if first == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        if i < range.upperBound, range.upperBound - i <= 15 {
            var v = 0
            var j = i
            while j < range.upperBound, bytes[j] >= 0x30 && bytes[j] <= 0x39 {
                v = v * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            if j == range.upperBound { return .success(.value(Double(negative ? -v : v))) }
        }

        guard let s = shape(bytes, range) else {
            // No digits: a "no value" symbol (`..`, `x`, `-`), which has none, or text.
            let token = UnsafeBufferPointer(rebasing: bytes[range])
            if let symbol = StatisticsSymbol.classify(utf8: token) { return .success(CSVValue(symbol)) }
            return .failure(.notANumber)
        }
        if s.marks > 0, let problem = separatorProblem(s, decimal: decimal) { return .failure(problem) }
        // The number in the form `Double.init` reads (locale-independent): sign, digits, ".", exponent.
        let length = (s.negative ? 1 : 0) + s.mantissa.count + (s.exponent.isEmpty ? 0 : s.exponent.count + 1)
        let ascii = String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            if s.negative {
                out[k] = UInt8(ascii: "-")
                k += 1
            }
            for j in s.mantissa {
                out[k] = bytes[j] == decimal ? dot : bytes[j]
                k += 1
            }
            if !s.exponent.isEmpty {
                out[k] = UInt8(ascii: "e")
                k += 1
                for j in s.exponent {
                    out[k] = bytes[j]
                    k += 1
                }
            }
            return k
        }
        guard let value = Double(ascii), value.isFinite else { return .failure(.notANumber) }
        return .success(.value(value))
    }

    /// Marks other than one decimal separator: digit groups of three after a first group of one
    /// to three digits, split by one kind of mark (and perhaps ending in a decimal part), are a
    /// thousands separator; anything else is not a number.
    static func separatorProblem(_ s: Shape, decimal: UInt8) -> Problem? {
        let decimals = decimal == comma ? s.commas : s.dots
        let other = decimal == comma ? s.dots : s.commas
        let others = other + s.spaces
        if others == 0 && decimals == 1 { return nil }
        let leadOK = (1...3).contains(s.firstGroup) && s.innerGroupsAreThree
        if s.lastMark == decimal && others > 0 {
            // `1 234,5`, `1,234.5`: thousands marks of one kind, then the decimal part.
            if leadOK && decimals == 1 && (other == 0) != (s.spaces == 0) { return .thousandsSeparator }
        } else {
            // `1 234`, `1,234` in a decimal-point column, `1.234.567`.
            let oneKind = [s.commas, s.dots, s.spaces].filter { $0 > 0 }.count == 1
            if leadOK && oneKind && s.lastGroup == 3 && (s.lastMark != decimal || s.marks > 1) {
                return .thousandsSeparator
            }
        }
        if s.spaces > 0 { return .notANumber }
        if decimals == 0 && others == 1 { return .otherDecimalSeparator }
        return .notANumber
    }

    /// Which decimal separator a cell speaks for: `,` or `.` when it has exactly one and it can only
    /// be a decimal separator; nil for integers, text, and the ambiguous `1,234` / `1.234` (one to
    /// three digits, separator, exactly three digits), which could be a thousands separator.
    static func evidence(_ text: String) -> UInt8? {
        var text = text
        return text.withUTF8 { evidence(bytes: $0) }
    }

    static func evidence(bytes b: UnsafeBufferPointer<UInt8>) -> UInt8? {
        // Integers, the bulk of most columns, say nothing: skip them without a shape.
        guard b.contains(where: { $0 == comma || $0 == dot }) else { return nil }
        let range = trimmed(b)
        guard !range.isEmpty, let s = shape(b, range), s.marks == 1, s.spaces == 0 else { return nil }
        if s.exponent.isEmpty, (1...3).contains(s.firstGroup), s.lastGroup == 3 { return nil }
        return s.lastMark
    }
}
