import Foundation

/// A number cell as statistics files write it: a value, or one of the symbols for "no value"
/// (`StatisticsSymbol` has the rule, shared with the PC-Axis and JSON-stat readers).
public enum CSVValue: Sendable, Equatable {
    case value(Double)
    /// No value: an empty cell, `.` (Statistics Sweden: "cannot occur"), `...` and longer dot runs,
    /// `-`, `–`, `—`. Not turned into 0, because that guess would enter rates as a real zero.
    case missing
    /// Not published: `..` (Statistics Sweden: "not available or too uncertain to be given"), `x`,
    /// `c`, `:` and `confidential` (withheld, *sekretess*). Kept apart from `.missing` so a caller
    /// can say "suppressed" rather than "missing" next to a small area.
    case suppressed

    /// The cell a "no value" symbol makes.
    public init(_ symbol: StatisticsSymbol) {
        switch symbol {
        case .missing: self = .missing
        case .suppressed: self = .suppressed
        }
    }

    /// The number, or nil for `.missing` and `.suppressed`.
    public var double: Double? { if case .value(let v) = self { v } else { nil } }
}
