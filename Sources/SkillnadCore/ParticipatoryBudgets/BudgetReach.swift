/// Whom a participatory budget reached (medborgarbudgetens räckvidd): counted ballots per 1,000
/// residents in each of its areas, set against how well off each area is, with the disparity
/// measures Skillnad has (`Disparity`). The commission worried that participation strengthens
/// already strong voices; a positive slope index here says the better-off areas voted more.
///
/// The caller counts ballots and finds each area's value of the chosen indicator; this divides
/// and compares. The total is pooled (Σ ballots / Σ residents), never a mean of the areas' rates.
public enum BudgetReach {
    /// Rates are per this many residents.
    public static let perResidents = 1000.0

    /// One area of the budget (a heading) with its counted ballots.
    public struct Area: Sendable, Equatable {
        public var id: String
        public var ballots: Int
        /// Residents; an area without a positive population has no rate and is left out.
        public var population: Double?
        /// The area's value of the indicator the areas are ordered by (nil: not known there).
        public var ordering: Double?

        public init(id: String, ballots: Int, population: Double?, ordering: Double?) {
            self.id = id
            self.ballots = ballots
            self.population = population
            self.ordering = ordering
        }
    }

    /// An area's (or the pooled total's) turnout.
    public struct Turnout: Sendable, Equatable, Codable {
        public var id: String
        public var ballots: Int
        public var population: Double
        public var per1000: Double
        public var ordering: Double?
    }

    public struct Reach: Sendable, Equatable, Codable {
        /// Areas with a population, in input order.
        public var areas: [Turnout]
        /// Every area used, pooled; nil without any.
        public var total: Turnout?
        /// The measures over the areas' rates (population-weighted), nil for fewer than two
        /// areas. When every area has a value of the ordering indicator, the slope and relative
        /// index rank the areas by it, worst-off first (`ranking == .rankingVariable`); otherwise
        /// by turnout itself, which only restates the difference.
        public var measures: DisparityResult?
        /// Areas left out for want of a population.
        public var leftOut: [String]
    }

    public static func analyse(_ areas: [Area], betterOff: Direction) -> Reach {
        var used: [Turnout] = []
        var leftOut: [String] = []
        for area in areas {
            guard let population = area.population, population.isFinite, population > 0, area.ballots >= 0 else {
                leftOut.append(area.id)
                continue
            }
            used.append(
                Turnout(
                    id: area.id, ballots: area.ballots, population: population,
                    per1000: Double(area.ballots) / population * perResidents,
                    ordering: area.ordering.flatMap { $0.isFinite ? $0 : nil }))
        }
        var total: Turnout?
        if !used.isEmpty {
            let ballots = used.reduce(0) { $0 + $1.ballots }
            let population = used.reduce(0.0) { $0 + $1.population }
            total = Turnout(
                id: "total", ballots: ballots, population: population,
                per1000: Double(ballots) / population * perResidents, ordering: nil)
        }
        // Ranking some areas by the indicator and others by turnout would mean nothing.
        let ranked = used.allSatisfy { $0.ordering != nil }
        let inputs = used.map { area in
            DisparityInput(
                id: area.id, value: area.per1000, weight: area.population,
                rankBy: ranked ? area.ordering.map { betterOff == .higherIsBetter ? $0 : -$0 } : nil)
        }
        let measures = used.count >= 2 ? Disparity.compute(inputs, direction: .higherIsBetter) : nil
        return Reach(areas: used, total: total, measures: measures, leftOut: leftOut)
    }

    /// An area's value from the smaller areas inside it (a district area from its districts):
    /// their values weighted by population, or their plain mean when some population is unknown.
    /// Nil when none of them has a value.
    public static func pooledValue(_ parts: [(value: Double, population: Double?)]) -> Double? {
        let known = parts.filter { $0.value.isFinite }
        guard !known.isEmpty else { return nil }
        let weights = known.compactMap { part in part.population.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } }
        guard weights.count == known.count else {
            return known.reduce(0.0) { $0 + $1.value } / Double(known.count)
        }
        let total = weights.reduce(0, +)
        return zip(known, weights).reduce(0.0) { $0 + $1.0.value * $1.1 } / total
    }
}
