/// An amount of money in Swedish kronor, kept in öre so that sums are exact. Reads what people
/// type in Sweden and what spreadsheets write: `1 234 567,50 kr`, `1234567,50`, `1 234 567 SEK`,
/// `1234567.50`; the thousands may be grouped by a space, a no-break space or a thin space.
public struct SwedishAmount: Sendable, Equatable, Hashable, Comparable, Codable {
    public let ore: Int64

    public init(ore: Int64) { self.ore = ore }

    public init(kronor: Int64) { self.ore = kronor * 100 }

    public static func < (a: SwedishAmount, b: SwedishAmount) -> Bool { a.ore < b.ore }

    /// Why a text is not an amount in kronor.
    public enum Problem: Error, Sendable, Equatable {
        /// A currency other than kronor (`€`, `$`, `EUR`, …).
        case otherCurrency(String)
        /// Both `,` and `.` as separators (`1,234,567.50`), which Swedish and English read differently.
        case ambiguousSeparators
        case notANumber
        case negative
        case tooManyDecimals
        case tooLarge
    }

    /// Reads `text`; nil-free: an empty text is the caller's to treat as absent.
    public static func parse(_ text: String) -> Result<SwedishAmount, Problem> {
        var t = text.trimmingCharacters(in: .whitespaces)
        let lower = t.lowercased()
        for suffix in ["kronor", "kr.", "kr", "sek", ":-"] where lower.hasSuffix(suffix) {
            t = String(t.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        if t.lowercased().hasPrefix("sek") { t = String(t.dropFirst(3)).trimmingCharacters(in: .whitespaces) }
        for sign in ["€", "$", "£", "eur", "usd", "nok", "dkk", "gbp"] where t.lowercased().contains(sign) {
            return .failure(.otherCurrency(sign.uppercased()))
        }
        // Grouping spaces: ordinary, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009).
        t.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" }
        if t.hasPrefix("-") || t.hasPrefix("−") { return .failure(.negative) }
        guard !t.isEmpty else { return .failure(.notANumber) }
        if t.contains(",") && t.contains(".") { return .failure(.ambiguousSeparators) }
        let parts = t.split(separator: t.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else {
            return .failure(.notANumber)
        }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.allSatisfy(\.isASCIIDigit) else { return .failure(.notANumber) }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        while fraction.count < 2 { fraction += "0" }
        // Thirteen digits (ten thousand billion kronor) is far above any city's budget, and keeps
        // sums of many amounts far from Int64's limit.
        guard whole.count <= 13, let kronor = Int64(whole), let ore = Int64(fraction) else {
            return .failure(.tooLarge)
        }
        return .success(SwedishAmount(ore: kronor * 100 + ore))
    }

    /// The sum of amounts in öre, held at the largest amount rather than overflowing: a page that
    /// adds up what was recorded must show a figure, never stop the server.
    public static func total(_ ores: some Sequence<Int64>) -> Int64 {
        var sum: Int64 = 0
        for ore in ores {
            let (next, overflow) = sum.addingReportingOverflow(ore)
            sum = overflow ? (ore < 0 ? Int64.min : Int64.max) : next
        }
        return sum
    }

    /// `a - b` in öre, held at the bounds in the same way.
    public static func difference(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? (b < 0 ? Int64.max : Int64.min) : result
    }

    /// `1 234 567,50 kr` (Swedish, no-break spaces) or `SEK 1,234,567.50` (English); whole kronor
    /// are written without decimals.
    public func formatted(english: Bool) -> String {
        let kronor = ore / 100
        let rest = ore % 100
        let digits = String(kronor)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += english ? "," : "\u{00A0}" }
            grouped.append(character)
        }
        let decimals = rest == 0 ? "" : (english ? "." : ",") + (rest < 10 ? "0" : "") + String(rest)
        return english ? "SEK\u{00A0}\(grouped)\(decimals)" : "\(grouped)\(decimals)\u{00A0}kr"
    }

    /// The amount as a spreadsheet reads it back: `1234567,50` or `1234567.50`, no grouping.
    public func plain(decimalComma: Bool) -> String {
        let rest = ore % 100
        return String(ore / 100) + (decimalComma ? "," : ".") + (rest < 10 ? "0" : "") + String(rest)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
