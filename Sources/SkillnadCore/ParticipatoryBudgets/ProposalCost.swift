import Foundation

/// A cost in whole kronor as people write it (kostnad): `150 000`, `150000 kr`, `150 000 SEK`,
/// `1,5 mnkr`. Refused, with the reason, when it is not a sum of money the city could spend on a
/// proposal: negative, zero, in exponent form, with parts of an öre, or above `maximum`.
public enum ProposalCost {
    /// No proposal in a participatory budget comes near this; a larger figure is a typing error.
    public static let maximum = 100_000_000

    public enum Problem: Error, Sendable, Equatable {
        case empty
        case notAnAmount(String)
        case notPositive(String)
        case tooLarge(Int, maximum: Int)
    }

    public static func parse(_ text: String, maximum: Int = maximum) throws(Problem) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        var body = trimmed.lowercased()
        var factor = 1.0
        for (suffix, scale) in [("mnkr", 1_000_000.0), ("msek", 1_000_000.0), ("tkr", 1_000.0), ("kr", 1), ("sek", 1)]
        where body.hasSuffix(suffix) {
            body = String(body.dropLast(suffix.count))
            factor = scale
            break
        }
        // Spaces of any kind group thousands; a comma or a point is the decimal sign.
        let digits = body.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
            .replacingOccurrences(of: ",", with: ".")
        if digits.hasPrefix("-") { throw .notPositive(trimmed) }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let whole = parts.first, !whole.isEmpty
        else { throw .notAnAmount(trimmed) }
        guard whole.count <= 15, parts.count == 1 || parts[1].count <= 6 else {
            throw .tooLarge(Int.max, maximum: maximum)
        }
        let value = (Double(String(digits)) ?? 0) * factor
        let kronor = value.rounded()
        // Öre left over (a whole figure is needed for costs), except what `mnkr` rounding leaves.
        guard abs(value - kronor) < 0.000_5 else { throw .notAnAmount(trimmed) }
        guard kronor > 0 else { throw .notPositive(trimmed) }
        guard kronor <= Double(maximum) else { throw .tooLarge(Int(min(kronor, 9e18)), maximum: maximum) }
        return Int(kronor)
    }
}
