/// The gap in one rate per residents (dialogues, ballots, grant money per 1,000 residents) between
/// areas ordered by how well off they are, with the disparity measures Skillnad has (`Disparity`):
/// every measure over the areas ranked worst-off first and weighted by population, and, when the
/// ordering is classes (area types 1–5), the same over the classes' pooled rates and the best-off
/// class's rate over the worst-off's.
public enum RateGap {
    /// An area's rate and where it stands.
    public struct Area: Sendable, Equatable {
        public var id: String
        public var ordering: Double
        public var rate: Double
        public var population: Double

        public init(id: String, ordering: Double, rate: Double, population: Double) {
            self.id = id
            self.ordering = ordering
            self.rate = rate
            self.population = population
        }
    }

    /// A class's pooled rate (Σ counts / Σ residents), and whether anything was counted in it.
    public struct Class: Sendable, Equatable {
        public var value: Double
        public var rate: Double
        public var population: Double
        public var counted: Bool

        public init(value: Double, rate: Double, population: Double, counted: Bool) {
            self.value = value
            self.rate = rate
            self.population = population
            self.counted = counted
        }
    }

    /// An area left out of a comparison, and why.
    public struct LeftOut: Sendable, Equatable, Codable {
        public enum Reason: String, Sendable, Codable {
            /// No population, or not a positive finite one.
            case noPopulation
            /// No finite ordering value: the area cannot be placed.
            case noOrdering
            /// A negative or impossibly large count: the caller's counting went wrong.
            case invalidCount
        }

        public var id: String
        public var reason: Reason

        public init(id: String, reason: Reason) {
            self.id = id
            self.reason = reason
        }
    }

    public struct Gap: Sendable, Equatable, Codable {
        /// Every measure of the per-area rate, its slope and relative index of inequality ranked by
        /// the ordering (worst-off first), weighted by population.
        public var areas: DisparityResult
        /// The same measures over the classes' pooled rates (its `ratio` is the highest class rate
        /// over the lowest); nil when the ordering is not classes.
        public var classes: DisparityResult?
        /// The best-off class's pooled rate over the worst-off class's: above 1 the better-off get
        /// more. Nil without classes, with one class, or nothing counted in the worst-off class.
        public var bestOffToWorstOff: Double?
    }

    /// The gap over `areas`, and over `classes` (worst-off first) when the ordering is classes.
    public static func measure(areas: [Area], classes: [Class]?, betterOff: Direction) -> Gap {
        let areaInputs = areas.map { area in
            DisparityInput(
                id: area.id, value: area.rate, weight: area.population, rankBy: rank(area.ordering, betterOff))
        }
        let areaResult = Disparity.compute(areaInputs, direction: .higherIsBetter)
        guard let classes else { return Gap(areas: areaResult, classes: nil, bestOffToWorstOff: nil) }
        let classInputs = classes.map { pooled in
            DisparityInput(
                id: classLabel(pooled.value), value: pooled.rate, weight: pooled.population,
                rankBy: rank(pooled.value, betterOff))
        }
        let classResult = Disparity.compute(classInputs, direction: .higherIsBetter)
        var ratio: Double?
        if classes.count >= 2, let worst = classes.first, let best = classes.last, worst.counted {
            ratio = best.rate / worst.rate
        }
        return Gap(areas: areaResult, classes: classResult, bestOffToWorstOff: ratio)
    }

    /// The ranking value `Disparity` wants: higher is better off.
    static func rank(_ value: Double, _ betterOff: Direction) -> Double {
        betterOff == .higherIsBetter ? value : -value
    }

    /// A class's id in the measures: `3` for 3.0, the number as written otherwise.
    public static func classLabel(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }
}
