import Foundation

/// A number cell as statistics files write it: a value, or one of the markers for "no value".
public enum CSVValue: Sendable, Equatable {
    case value(Double)
    /// No value: an empty cell, or the markers `.` (Statistics Sweden: "cannot occur") and `-` / `–`.
    /// SCB's printed tables use `–` for "nothing to report" (often zero), other publishers for
    /// "missing"; it is not turned into 0 here because that guess would enter rates as a real zero.
    case missing
    /// Not published: `..` (Statistics Sweden: "not available or too uncertain to be given") and
    /// `x` (withheld for confidentiality, *sekretess*). Kept apart from `.missing` so a caller
    /// can say "suppressed" rather than "missing" next to a small area.
    case suppressed

    /// The number, or nil for `.missing` and `.suppressed`.
    public var double: Double? { if case .value(let v) = self { v } else { nil } }
}
