import Foundation

/// The symbols statistics files write where a table has no number (*prickar och streck*), and the
/// one rule that the CSV, PC-Axis and JSON-stat readers share, so that the same table read in any of
/// the three formats flags the same cells as suppressed.
///
/// - Suppressed, a value that exists but is not published:
///   - `..`: Statistics Sweden's "uppgift inte tillgänglig eller för osäker för att anges" (not
///     available or too uncertain to be given), which is what small areas get. Saying
///     "suppressed" there tells a reader that the area was too small, not that nobody counted.
///   - `x`, `c`, `confidential`: withheld for confidentiality (*sekretess*); `x` is the Nordic
///     offices' mark, `c` Eurostat's.
///   - `:`: Eurostat's "not available", which it writes for the values it does not publish.
/// - Missing, no value to give:
///   - an empty cell;
///   - `.`: Statistics Sweden's "cannot occur" (logically impossible);
///   - `...` and longer runs of dots: PC-Axis's further data symbols (up to six dots), whose
///     meaning each file gives; nothing says they were withheld;
///   - `-`, `–`, `—`: Statistics Sweden's "nothing to report" (often zero), other publishers'
///     "missing". Never turned into 0, because that guess would enter rates as a real zero.
///
/// Letters count in any case (`X`, `Confidential`) and surrounding spaces do not matter; anything
/// else (`n/a`, `p`, `12`) is no symbol.
public enum StatisticsSymbol: Sendable, Equatable {
    /// No value: shown as missing, never as 0.
    case missing
    /// A value the publisher withholds.
    case suppressed

    /// The symbol a text is, or nil when it is no symbol. Surrounding white space is ignored.
    public static func classify(_ text: String) -> StatisticsSymbol? {
        classify(utf8: text.trimmingCharacters(in: .whitespaces).utf8)
    }

    /// The symbol some UTF-8 bytes are, or nil: the same rule as `classify(_:)`, without making a
    /// String, for the readers that look at millions of cells. Surrounding spaces and tabs are
    /// ignored.
    public static func classify<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> StatisticsSymbol? {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) {
            start = bytes.index(after: start)
        }
        while start < end {
            let last = bytes.index(end, offsetBy: -1)
            guard isBlank(bytes[last]) else { break }
            end = last
        }
        return classifyTrimmed(bytes[start..<end])
    }

    static let dot = UInt8(ascii: ".")
    static let confidential = Array("confidential".utf8)

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    static func classifyTrimmed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> StatisticsSymbol? {
        guard let first = bytes.first else { return .missing }
        let count = bytes.count
        if first == dot {
            guard bytes.allSatisfy({ $0 == dot }) else { return nil }
            return count == 2 ? .suppressed : .missing
        }
        switch count {
        case 1:
            switch first {
            case UInt8(ascii: "-"):
                return .missing
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "c"), UInt8(ascii: "C"), UInt8(ascii: ":"):
                return .suppressed
            default:
                return nil
            }
        case 3:
            // – (U+2013) and — (U+2014): E2 80 93, E2 80 94.
            let second = bytes.index(after: bytes.startIndex)
            let third = bytes.index(after: second)
            guard first == 0xE2, bytes[second] == 0x80, bytes[third] == 0x93 || bytes[third] == 0x94 else {
                return nil
            }
            return .missing
        case confidential.count:
            // Setting bit 0x20 lowers an ASCII capital and leaves a lower-case letter as it is.
            guard zip(bytes, confidential).allSatisfy({ pair in pair.0 | 0x20 == pair.1 }) else { return nil }
            return .suppressed
        default:
            return nil
        }
    }
}
