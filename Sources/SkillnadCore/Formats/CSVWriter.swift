import Foundation

/// The one writer of every CSV that leaves Skillnad (positions, compilations, indicator
/// downloads, Open SDG files), in two variants:
///
/// - `.rfc4180`: comma, UTF-8 without byte-order mark, RFC 4180 quoting. For programs: every
///   cell is written exactly as stored, so a text beginning with `=` stays `=`; a program that
///   hands such a file to a spreadsheet must neutralise formulas itself.
/// - `.excel`: what Swedish Excel opens by double-click (semicolon, byte-order mark). Text that a
///   spreadsheet would run as a formula (beginning with `=`, `+`, `-`, `@`, tab or carriage
///   return; OWASP's "CSV injection") gets a leading apostrophe, which Excel shows as text.
///   Numbers (`-12,5`) are left alone.
///
/// Writes into a buffer that the caller empties with `take()`, so a large export streams in
/// chunks instead of being built whole.
public struct CSVWriter: Sendable {
    public enum Variant: String, Sendable, CaseIterable {
        case rfc4180
        case excel
    }

    public let variant: Variant
    public let delimiter: UInt8
    private var buffer: [UInt8] = []

    /// - Parameter byteOrderMark: write the UTF-8 byte-order mark first (default: for `.excel`).
    public init(_ variant: Variant, byteOrderMark: Bool? = nil) {
        self.variant = variant
        delimiter = variant == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",")
        buffer.reserveCapacity(1 << 16)
        if byteOrderMark ?? (variant == .excel) { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// The decimal separator that goes with the variant: Swedish Excel reads a decimal comma.
    public var decimal: Character { variant == .excel ? "," : "." }

    /// Bytes written so far and not yet taken.
    public var count: Int { buffer.count }

    /// One line of cells, ended by LF.
    public mutating func row(_ cells: [String]) {
        for (position, cell) in cells.enumerated() {
            if position > 0 { buffer.append(delimiter) }
            append(cell)
        }
        buffer.append(0x0A)
    }

    /// Hands over what was written and starts an empty buffer.
    public mutating func take() -> [UInt8] {
        let out = buffer
        buffer.removeAll(keepingCapacity: true)
        return out
    }

    /// Everything written, as text (for small tables written whole).
    public mutating func text() -> String {
        String(decoding: take(), as: UTF8.self)
    }

    /// A cell quoted as RFC 4180 says only when it must be (it holds the delimiter, a quote or a
    /// line break; quotes inside are doubled), neutralised first in the Excel variant.
    private mutating func append(_ cell: String) {
        let value = variant == .excel ? Self.neutralised(cell) : cell
        let utf8 = value.utf8
        // Bytes, not Characters: the delimiter, quote and line ends are ASCII, and grapheme
        // breaking every field was most of the time of a large export.
        let mustQuote = utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard mustQuote else {
            buffer += utf8
            return
        }
        buffer.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// `cell` as a spreadsheet will show it as text: with a leading apostrophe when it would
    /// otherwise start a formula. A plain number (`-12,5`, `+3`) is a value, not a formula.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.utf8.first, formulaStarts.contains(first) else { return cell }
        if isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// Digits with an optional sign and one decimal point or comma: `-12,5`, `+3`, `-0.25`.
    static func isPlainNumber(_ cell: String) -> Bool {
        var bytes = Substring(cell).utf8.dropFirst(0)
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = 0
        var separators = 0
        for byte in bytes {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
                separators += 1
            } else {
                return false
            }
        }
        return digits > 0 && separators <= 1
    }
}
