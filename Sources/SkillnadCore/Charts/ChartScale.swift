import Foundation

/// A linear axis whose ends and ticks fall on "nice" numbers (1, 2, 2.5 or 5 × 10^k), so a chart
/// reads 0, 20, 40, 60 rather than 0, 14.4, 28.8, 43.2, 57.6.
///
/// The chart layouts build one from their data; templates only see the resulting pixel positions
/// and the tick labels.
public struct ChartScale: Sendable, Codable, Equatable {
    /// The lowest value of the axis: the first tick.
    public let lower: Double
    /// The highest value of the axis: the last tick.
    public let upper: Double
    /// The distance between ticks.
    public let step: Double
    /// The tick values from `lower` to `upper`, exact decimals (0.3, not 0.30000000000000004).
    public let ticks: [Double]
    /// How many decimals `step` needs, so every tick label has the same precision.
    public let decimals: Int

    /// A scale covering every finite value; `includeZero` for bar charts, whose bars must start at
    /// 0 to be compared by length. No values gives 0…1, and equal values are padded by 10 % so the
    /// axis is not empty.
    public init(values: [Double], includeZero: Bool = false, maxTicks: Int = 6) {
        let finite = values.filter(\.isFinite)
        if let lo = finite.min(), let hi = finite.max() {
            self.init(min: lo, max: hi, includeZero: includeZero, maxTicks: maxTicks)
        } else {
            self.init(min: 0, max: 1, includeZero: includeZero, maxTicks: maxTicks)
        }
    }

    /// A scale from the data's smallest to largest value; see `init(values:includeZero:maxTicks:)`.
    public init(min a: Double, max b: Double, includeZero: Bool = false, maxTicks: Int = 6) {
        var lo = a.isFinite ? Swift.min(a, b.isFinite ? b : a) : (b.isFinite ? b : 0)
        var hi = b.isFinite ? Swift.max(b, a.isFinite ? a : b) : (a.isFinite ? a : 1)
        if includeZero {
            lo = Swift.min(lo, 0)
            hi = Swift.max(hi, 0)
        }
        // Equal values (or equal but for rounding noise) would give a zero-length axis.
        if hi - lo <= Swift.max(abs(lo), abs(hi)) * 1e-12 {
            if lo == 0 && hi == 0 {
                hi = 1
            } else {
                let pad = Swift.max(abs(lo), abs(hi)) * 0.1
                lo -= pad
                hi += pad
            }
        }
        let maxTicks = Swift.max(maxTicks, 2)
        // The smallest step that could possibly fit, then the first nice step upwards that does.
        let raw = (hi - lo) / Double(maxTicks - 1)
        let base = Int(floor(log10(raw)))
        var chosen: (tenths: Double, exponent: Int, first: Double, last: Double)?
        search: for exponent in (base - 1)...(base + 2) {
            for tenths in [10.0, 20, 25, 50] {
                let step = Self.decimal(tenths, exponent - 1)
                let first = floor(lo / step + 1e-9)
                let last = ceil(hi / step - 1e-9)
                if last - first + 1 <= Double(maxTicks) || exponent == base + 2 {
                    chosen = (tenths, exponent, first, last)
                    break search
                }
            }
        }
        let c = chosen!  // the last candidate is always taken
        step = Self.decimal(c.tenths, c.exponent - 1)
        ticks = stride(from: c.first, through: c.last, by: 1).map { Self.decimal($0 * c.tenths, c.exponent - 1) }
        lower = ticks.first ?? lo
        upper = ticks.last ?? hi
        decimals = Swift.max(0, -c.exponent + (c.tenths == 25 ? 1 : 0))
    }

    /// `mantissa` × 10^`exponent`, dividing by an exact power of ten for negative exponents so the
    /// result is the nearest double to the decimal (3 / 10 is 0.3; 3 × 0.1 is not).
    private static func decimal(_ mantissa: Double, _ exponent: Int) -> Double {
        let value = exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
        return value == 0 ? 0 : value
    }

    /// The pixel for `value` when `lower` is drawn at `start` and `upper` at `end`; pass
    /// start > end for a y axis, where pixels grow downward.
    public func position(of value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }

    /// A value written the Swedish way with this scale's precision: decimal comma, a real minus
    /// sign, and a non-breaking space between thousands from 10 000 up ("12 500", "−2,5").
    public func label(_ value: Double) -> String {
        ChartNumber.swedish(value, decimals: decimals)
    }
}

/// Number formatting shared by the layouts: coordinates are written with at most one decimal, as
/// finer precision is invisible on screen and only makes pages bigger.
enum ChartNumber {
    /// `value` rounded to 0.1, without a negative zero.
    static func round1(_ value: Double) -> Double {
        let r = (value * 10).rounded() / 10
        return r == 0 ? 0 : r
    }

    /// `value` rounded to 0.1 as text without a trailing ".0": "12", "12.5", "-0.3".
    static func text(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "0" }
        let tenths = Int((value * 10).rounded())
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        let sign = tenths < 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    static func swedish(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let plain = String(format: "%.\(decimals)f", abs(value))
        let parts = plain.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        if whole.count > 4 {
            var grouped = ""
            for (i, c) in whole.enumerated() {
                if i > 0, (whole.count - i) % 3 == 0 { grouped.append("\u{00A0}") }
                grouped.append(c)
            }
            whole = grouped
        }
        let text = parts.count > 1 ? whole + "," + parts[1] : whole
        let isZero = plain.allSatisfy { $0 == "0" || $0 == "." }
        return value < 0 && !isZero ? "\u{2212}" + text : text
    }
}
