/// Where the support goes (vart stödet går): grant money awarded and associations registered per
/// 1,000 residents in each area, set against how well off the areas are, with the disparity
/// measures Skillnad has (`RateGap`). The commission found the city's studio support concentrated
/// to the inner city and almost absent near Järvafältet, Skärholmen and Hässelby-Vällingby; this
/// turns that finding into a figure the city can follow year by year.
///
/// The caller counts; this only divides and compares. Rates of a group of areas are pooled
/// (Σ kronor / Σ residents × 1,000), never a mean of the areas' rates.
public enum GrantSupport {
    public static let perResidents = 1000.0

    /// One area's sums for the period, and where it stands.
    public struct AreaCount: Sendable, Equatable {
        public var id: String
        /// Kronor awarded to associations active there (shared among the areas each is active in).
        public var kronor: Double
        /// Associations registered and active there.
        public var associations: Int
        public var population: Double?
        public var ordering: Double?

        public init(id: String, kronor: Double, associations: Int, population: Double?, ordering: Double?) {
            self.id = id
            self.kronor = kronor
            self.associations = associations
            self.population = population
            self.ordering = ordering
        }
    }

    public struct Rates: Sendable, Equatable, Codable {
        public var kronor: Double
        public var associations: Int
        public var population: Double
        public var kronorPer1000: Double
        public var associationsPer1000: Double

        init(kronor: Double, associations: Int, population: Double) {
            self.kronor = kronor
            self.associations = associations
            self.population = population
            kronorPer1000 = kronor / population * GrantSupport.perResidents
            associationsPer1000 = Double(associations) / population * GrantSupport.perResidents
        }
    }

    public struct AreaRates: Sendable, Equatable, Codable {
        public var id: String
        public var ordering: Double
        public var rates: Rates
    }

    public struct ClassRates: Sendable, Equatable, Codable {
        public var value: Double
        public var areaCount: Int
        public var rates: Rates
    }

    public struct Support: Sendable, Equatable, Codable {
        public var areas: [AreaRates]
        /// Classes worst-off first; empty when the ordering is not classes.
        public var classes: [ClassRates]
        public var total: Rates?
        public var kronor: RateGap.Gap
        public var associations: RateGap.Gap
        public var leftOut: [RateGap.LeftOut]
    }

    public struct Year: Sendable, Equatable, Codable {
        public var year: Int
        public var support: Support
    }

    /// Rates, pooled classes and gaps for one period's sums. `isClasses` when the ordering values
    /// are classes (area types 1–5), pooled per class too.
    public static func analyse(_ counts: [AreaCount], betterOff: Direction, isClasses: Bool) -> Support {
        var used: [AreaRates] = []
        var leftOut: [RateGap.LeftOut] = []
        for count in counts {
            guard count.kronor.isFinite, (0...1e15).contains(count.kronor),
                (0...1_000_000_000).contains(count.associations)
            else {
                leftOut.append(.init(id: count.id, reason: .invalidCount))
                continue
            }
            guard let population = count.population, population.isFinite, population > 0 else {
                leftOut.append(.init(id: count.id, reason: .noPopulation))
                continue
            }
            guard let value = count.ordering, value.isFinite else {
                leftOut.append(.init(id: count.id, reason: .noOrdering))
                continue
            }
            used.append(
                AreaRates(
                    id: count.id, ordering: value,
                    rates: Rates(kronor: count.kronor, associations: count.associations, population: population)))
        }
        var classes: [ClassRates] = []
        if isClasses {
            let byClass = Dictionary(grouping: used, by: \.ordering)
            classes = byClass.keys.sorted(by: betterOff == .higherIsBetter ? (<) : (>)).compactMap { value in
                let members = byClass[value] ?? []
                return pool(members.map(\.rates)).map { ClassRates(value: value, areaCount: members.count, rates: $0) }
            }
        }
        func gap(_ rate: KeyPath<Rates, Double>, counted: (Rates) -> Bool) -> RateGap.Gap {
            RateGap.measure(
                areas: used.map {
                    RateGap.Area(
                        id: $0.id, ordering: $0.ordering, rate: $0.rates[keyPath: rate], population: $0.rates.population
                    )
                },
                classes: isClasses
                    ? classes.map {
                        RateGap.Class(
                            value: $0.value, rate: $0.rates[keyPath: rate], population: $0.rates.population,
                            counted: counted($0.rates))
                    } : nil,
                betterOff: betterOff)
        }
        return Support(
            areas: used, classes: classes, total: pool(used.map(\.rates)),
            kronor: gap(\.kronorPer1000) { $0.kronor > 0 },
            associations: gap(\.associationsPer1000) { $0.associations > 0 }, leftOut: leftOut)
    }

    /// The same for every year, oldest first.
    public static func series(_ years: [Int: [AreaCount]], betterOff: Direction, isClasses: Bool) -> [Year] {
        years.keys.sorted().map { year in
            Year(year: year, support: analyse(years[year] ?? [], betterOff: betterOff, isClasses: isClasses))
        }
    }

    private static func pool(_ rates: [Rates]) -> Rates? {
        guard !rates.isEmpty else { return nil }
        return Rates(
            kronor: rates.reduce(0) { $0 + $1.kronor }, associations: rates.reduce(0) { $0 + $1.associations },
            population: rates.reduce(0) { $0 + $1.population })
    }
}
