/// Whom the dialogues reach (dialogernas räckvidd): dialogues and participants per 1,000 residents
/// per area, set against how well off the areas are. The commission found the city's dialogues
/// aimed at broad groups and so strengthening already strong voices; this turns that finding into
/// numbers the city can follow year by year, with the disparity measures Skillnad already has
/// (`Disparity`): the ratio between area types, and the slope and relative index of inequality.
///
/// The caller counts; this only divides and compares. Rates of a group of areas are pooled
/// (Σ dialogues / Σ residents × 1,000), never a mean of the areas' rates, so a small area with one
/// dialogue does not weigh as much as a large one.
public enum DialogueReach {
    /// Rates are per this many residents.
    public static let perResidents = 1000.0

    /// One area's counts for the period, and where it stands.
    public struct AreaCount: Sendable, Equatable {
        public var id: String
        /// Dialogues held in the area in the period, and their participants.
        public var dialogues: Int
        public var participants: Int
        /// Residents; an area without a positive population cannot have a rate and is left out.
        public var population: Double?
        /// How well off the area is: a class such as the socioeconomic area type (1–5), or an
        /// indicator value such as turnout or median income. Its direction is given to `analyse`.
        public var ordering: Double?

        public init(id: String, dialogues: Int, participants: Int, population: Double?, ordering: Double?) {
            self.id = id
            self.dialogues = dialogues
            self.participants = participants
            self.population = population
            self.ordering = ordering
        }
    }

    /// How the ordering value reads.
    public struct Ordering: Sendable, Equatable {
        /// Which way is better off: `higherIsBetter` for income, turnout or an area type where 5 is
        /// the best-off; `lowerIsBetter` for unemployment or an area type where 1 is.
        public var betterOff: Direction
        /// True when the values are classes (area types 1…5): rates are then pooled per class too.
        public var isClasses: Bool

        public init(betterOff: Direction, isClasses: Bool) {
            self.betterOff = betterOff
            self.isClasses = isClasses
        }

        /// The socioeconomic area type (områdestyp), 1 = great socioeconomic challenges to
        /// 5 = good conditions, as the City of Stockholm and SCB number them.
        public static let areaType = Ordering(betterOff: .higherIsBetter, isClasses: true)
    }

    /// Counts and rates of one area or one pool of areas.
    public struct Rates: Sendable, Equatable, Codable {
        public var dialogues: Int
        public var participants: Int
        public var population: Double
        public var dialoguesPer1000: Double
        public var participantsPer1000: Double

        init(dialogues: Int, participants: Int, population: Double) {
            self.dialogues = dialogues
            self.participants = participants
            self.population = population
            self.dialoguesPer1000 = Double(dialogues) / population * DialogueReach.perResidents
            self.participantsPer1000 = Double(participants) / population * DialogueReach.perResidents
        }
    }

    public struct AreaRates: Sendable, Equatable, Codable {
        public var id: String
        public var ordering: Double
        public var rates: Rates
    }

    /// The areas of one class, pooled.
    public struct ClassRates: Sendable, Equatable, Codable {
        public var value: Double
        public var areaCount: Int
        public var rates: Rates
    }

    /// An area left out, and why.
    public typealias LeftOut = RateGap.LeftOut

    /// The comparison for one rate (dialogues or participants).
    public typealias Gap = RateGap.Gap

    /// The whole answer for one period.
    public struct Reach: Sendable, Equatable, Codable {
        /// Areas used, in input order.
        public var areas: [AreaRates]
        /// Classes worst-off first; empty when the ordering is not classes.
        public var classes: [ClassRates]
        /// Every area used, pooled: the city's own rate.
        public var total: Rates?
        public var dialogues: Gap
        public var participants: Gap
        public var leftOut: [LeftOut]
    }

    /// One year of a series.
    public struct Year: Sendable, Equatable, Codable {
        public var year: Int
        public var reach: Reach
    }

    /// Rates, pooled classes and gaps for one period's counts.
    public static func analyse(_ counts: [AreaCount], ordering: Ordering) -> Reach {
        var used: [AreaRates] = []
        var leftOut: [LeftOut] = []
        for count in counts {
            guard validCounts.contains(count.dialogues), validCounts.contains(count.participants) else {
                leftOut.append(LeftOut(id: count.id, reason: .invalidCount))
                continue
            }
            guard let population = count.population, population.isFinite, population > 0 else {
                leftOut.append(LeftOut(id: count.id, reason: .noPopulation))
                continue
            }
            guard let value = count.ordering, value.isFinite else {
                leftOut.append(LeftOut(id: count.id, reason: .noOrdering))
                continue
            }
            let rates = Rates(dialogues: count.dialogues, participants: count.participants, population: population)
            used.append(AreaRates(id: count.id, ordering: value, rates: rates))
        }
        let classes = ordering.isClasses ? pooledClasses(used, betterOff: ordering.betterOff) : []
        return Reach(
            areas: used, classes: classes, total: pool(used.map(\.rates)),
            dialogues: gap(used, classes, ordering: ordering, rate: \.dialoguesPer1000, count: \.dialogues),
            participants: gap(used, classes, ordering: ordering, rate: \.participantsPer1000, count: \.participants),
            leftOut: leftOut)
    }

    /// The same for every year of a period, oldest first, so the city can follow the gap.
    public static func series(_ years: [Int: [AreaCount]], ordering: Ordering) -> [Year] {
        years.keys.sorted().map { year in
            Year(year: year, reach: analyse(years[year] ?? [], ordering: ordering))
        }
    }

    // MARK: - Inside

    /// Counts an area can have; the bound keeps sums over any number of areas from overflowing.
    static let validCounts = 0...1_000_000_000_000

    /// Σ counts over Σ population; nil for no areas.
    private static func pool(_ rates: [Rates]) -> Rates? {
        guard !rates.isEmpty else { return nil }
        var dialogues = 0
        var participants = 0
        var population = 0.0
        for rate in rates {
            dialogues += rate.dialogues
            participants += rate.participants
            population += rate.population
        }
        return Rates(dialogues: dialogues, participants: participants, population: population)
    }

    /// The classes, worst-off first.
    private static func pooledClasses(_ areas: [AreaRates], betterOff: Direction) -> [ClassRates] {
        let byClass = Dictionary(grouping: areas, by: \.ordering)
        let values = byClass.keys.sorted(by: betterOff == .higherIsBetter ? (<) : (>))
        return values.compactMap { value in
            let members = byClass[value] ?? []
            return pool(members.map(\.rates)).map { ClassRates(value: value, areaCount: members.count, rates: $0) }
        }
    }

    private static func gap(
        _ areas: [AreaRates], _ classes: [ClassRates], ordering: Ordering, rate: KeyPath<Rates, Double>,
        count: KeyPath<Rates, Int>
    ) -> Gap {
        RateGap.measure(
            areas: areas.map {
                RateGap.Area(
                    id: $0.id, ordering: $0.ordering, rate: $0.rates[keyPath: rate], population: $0.rates.population)
            },
            classes: ordering.isClasses
                ? classes.map {
                    RateGap.Class(
                        value: $0.value, rate: $0.rates[keyPath: rate], population: $0.rates.population,
                        counted: $0.rates[keyPath: count] > 0)
                } : nil,
            betterOff: ordering.betterOff)
    }
}
