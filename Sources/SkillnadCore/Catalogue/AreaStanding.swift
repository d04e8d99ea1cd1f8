/// Where an area stands on a quantity indicator (läge): above or below the city, whether that is
/// better or worse given the indicator's direction, and its place among the areas of its level,
/// counted from the best. Categorical indicators have no standing: the area is in a class.
public struct AreaStanding: Sendable, Equatable {
    /// The area's value against the city's.
    public enum Side: String, Sendable {
        case higher, lower, same
        /// The city's value is not known.
        case unknown
    }

    public let side: Side
    /// True when the area is better off than the city; nil when it is the same or unknown.
    public let better: Bool?
    /// 1 for the best area; nil when the area's value is unknown.
    public let rank: Int?
    /// How many areas of the level have a value.
    public let count: Int

    /// - Parameters:
    ///   - betterCount: how many areas of the level have a better value than this one.
    ///   - tolerance: values closer than this are the same (rounding in the sources).
    public static func make(
        value: Double, city: Double?, direction: Direction, betterCount: Int?, count: Int,
        tolerance: Double = 0.05
    ) -> AreaStanding {
        var side = Side.unknown
        if let city {
            side = abs(value - city) < tolerance ? .same : value > city ? .higher : .lower
        }
        let better: Bool?
        switch side {
        case .same, .unknown: better = nil
        case .higher: better = direction == .higherIsBetter
        case .lower: better = direction == .lowerIsBetter
        }
        return AreaStanding(side: side, better: better, rank: betterCount.map { $0 + 1 }, count: count)
    }
}
