import Foundation

/// Which way an indicator is good: voter turnout and eligibility for upper secondary school are
/// `higherIsBetter`; the share of 16–29-year-olds neither working nor studying (UVAS) and
/// overcrowding are `lowerIsBetter`. HEAT calls these "favourable" and "adverse" indicators.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case higherIsBetter, lowerIsBetter
}

/// One area's (or group's) observation of one indicator in one period, the input to the
/// disparity measures.
public struct DisparityInput: Sendable, Equatable {
    /// The area or group, e.g. a voting district code ("1800101") or a district slug.
    public let id: String
    /// The indicator value, usually a rate such as a percentage.
    public let value: Double
    /// The population the value is a rate of (the denominator, e.g. eligible voters), used as the
    /// population weight. `nil` when unknown: then every area counts equally (see
    /// `DisparityResult.weighted`).
    public let weight: Double?
    /// The area's value on the ranking variable for the slope and relative index of inequality,
    /// where a HIGHER value means BETTER OFF (e.g. median income). `nil` to rank by the indicator
    /// itself. For a ranking variable where lower is better off (e.g. unemployment), pass its
    /// negative.
    public let rankBy: Double?

    public init(id: String, value: Double, weight: Double? = nil, rankBy: Double? = nil) {
        self.id = id
        self.value = value
        self.weight = weight
        self.rankBy = rankBy
    }

    /// An observation made from its numerator and denominator: value = `per` × numerator /
    /// denominator (per = 100 gives a percentage), weight = denominator, so rates are recomputed
    /// rather than trusted and the population weight comes for free. `nil` when the denominator is
    /// not positive (a district with no eligible voters has no turnout) or either count is not finite.
    public static func rate(
        id: String, numerator: Double, denominator: Double, per: Double = 100,
        rankBy: Double? = nil
    ) -> DisparityInput? {
        guard numerator.isFinite, denominator.isFinite, denominator > 0 else { return nil }
        return DisparityInput(id: id, value: per * numerator / denominator, weight: denominator, rankBy: rankBy)
    }
}

/// One summary measure and whether population weights went into it.
///
/// `weighted == true` means population shares p_j = w_j / Σ w were used, in the sum itself or in
/// the reference mean μ. `false` means every area counted equally (p_j = 1/n): either the measure
/// never uses weights (difference, ratio) or some area lacked a usable weight.
public struct DisparityMeasure: Sendable, Codable, Equatable {
    public let value: Double
    public let weighted: Bool

    public init(value: Double, weighted: Bool) {
        self.value = value
        self.weighted = weighted
    }
}

/// An area with its value: the best- or worst-off area.
public struct DisparityArea: Sendable, Codable, Equatable {
    public let id: String
    public let value: Double

    public init(id: String, value: Double) {
        self.id = id
        self.value = value
    }
}

/// What the slope and relative index of inequality ranked the areas by.
public enum DisparityRanking: String, Sendable, Codable {
    /// By the indicator itself, best-off last (ascending for `higherIsBetter`, descending for
    /// `lowerIsBetter`).
    case indicator
    /// By every input's `rankBy`, ascending (higher `rankBy` = better off).
    case rankingVariable
}

/// Summary measures of the differences between areas for one indicator and period
/// (ojämlikhetsmått, "measures of inequality"), as defined in the WHO Health Equity Assessment
/// Toolkit (HEAT) technical notes; see `Disparity.compute` for every formula.
///
/// A measure is `nil` where it is not defined: fewer than two areas (every dispersion measure),
/// a non-positive mean (the relative measures CV and IDis), a non-positive lowest value (ratio),
/// any non-positive value (Theil index, mean log deviation), or an impossible regression (SII, RII).
public struct DisparityResult: Sendable, Codable, Equatable {
    /// The indicator's direction the measures were computed for.
    public let direction: Direction
    /// How many areas were used (inputs with a non-finite value are left out).
    public let areaCount: Int
    /// True when every area had a usable population weight (finite and > 0), so p_j are population
    /// shares; false when the areas were counted equally.
    public let weighted: Bool

    /// The best-off area (highest value for `higherIsBetter`, lowest for `lowerIsBetter`); on ties
    /// the first in input order.
    public let best: DisparityArea?
    /// The worst-off area; on ties the first in input order.
    public let worst: DisparityArea?

    /// μ, the population-weighted mean Σ p_j y_j (the unweighted mean when `weighted` is false):
    /// the reference value of every mean-based measure.
    public let mean: DisparityMeasure?
    /// D = |y_best − y_worst| = max − min.
    public let difference: DisparityMeasure?
    /// R = y_max / y_min (highest over lowest), ≥ 1.
    public let ratio: DisparityMeasure?
    /// BGV = Σ p_j (y_j − μ)².
    public let betweenGroupVariance: DisparityMeasure?
    /// BGSD = √BGV.
    public let betweenGroupStandardDeviation: DisparityMeasure?
    /// CV = BGSD / μ × 100.
    public let coefficientOfVariation: DisparityMeasure?
    /// MDMW = Σ p_j |y_j − μ|.
    public let meanDifferenceFromMeanWeighted: DisparityMeasure?
    /// MDMU = (1/n) Σ |y_j − μ|.
    public let meanDifferenceFromMeanUnweighted: DisparityMeasure?
    /// IDis (IDISU) = (1/n) Σ |y_j − μ| / μ × 100.
    public let indexOfDisparity: DisparityMeasure?
    /// IDISW = Σ p_j |y_j − μ| / μ × 100.
    public let indexOfDisparityWeighted: DisparityMeasure?
    /// TI = Σ p_j (y_j/μ) ln(y_j/μ) (not × 1000).
    public let theilIndex: DisparityMeasure?
    /// MLD = Σ p_j (−ln(y_j/μ)) (not × 1000).
    public let meanLogDeviation: DisparityMeasure?
    /// SII = ŷ(1) − ŷ(0) from the weighted linear regression of y on the ridit.
    public let slopeIndexOfInequality: DisparityMeasure?
    /// RII = ŷ(1) / ŷ(0) from the same regression.
    public let relativeIndexOfInequality: DisparityMeasure?
    /// What SII and RII ranked by; `nil` when only some inputs had a `rankBy` (then SII and RII
    /// are `nil` too: ranking some areas by income and others by the indicator would be meaningless).
    public let ranking: DisparityRanking?
}

/// Disparity measures between areas or groups (ojämlikhetsmått) and their trend over time.
///
/// Source of every definition: WHO, *Health Equity Assessment Toolkit (HEAT): technical notes*
/// (HEAT and HEAT Plus), and Schlotheuber & Hosseinpoor (2022), "Summary measures of health
/// inequality", IJERPH 19(6):3697, which WHO's `healthequal` R package implements.
///
/// Notation: areas j = 1…n with value y_j and weight w_j; p_j = w_j / Σ w when every area has a
/// finite positive weight, else p_j = 1/n; μ = Σ p_j y_j.
public enum Disparity {
    /// All measures for one indicator over a set of areas.
    ///
    /// - Simple measures (HEAT "D" and "R"), unweighted:
    ///   - D = |y_best − y_worst| = max_j y_j − min_j y_j: the gap is reported as a positive number
    ///     whichever the direction, so a smaller D is always a narrower gap.
    ///   - R = max_j y_j / min_j y_j. HEAT compares the subgroup with the highest estimate with the
    ///     one with the lowest for a non-ordered dimension (such as region) without a reference
    ///     group. So R = best/worst for `higherIsBetter` and R = worst/best for `lowerIsBetter`,
    ///     always ≥ 1, and like D a smaller R is a narrower gap in both directions. (WHO's
    ///     `healthequal` package divides best by worst, which for an adverse indicator is the
    ///     reciprocal, 1/R.) `nil` when min ≤ 0.
    /// - Variance measures (HEAT "BGV", "BGSD", "COV"):
    ///   BGV = Σ p_j (y_j − μ)², BGSD = √BGV, CV = BGSD / μ × 100 (`nil` when μ ≤ 0).
    /// - Mean difference measures (HEAT "MDMW", "MDMU", "IDISU", "IDISW"), all around the weighted
    ///   mean μ as HEAT does:
    ///   MDMW = Σ p_j |y_j − μ|, MDMU = (1/n) Σ |y_j − μ|,
    ///   IDis = (1/n) Σ |y_j − μ| / μ × 100, IDISW = Σ p_j |y_j − μ| / μ × 100 (`nil` when μ ≤ 0).
    /// - Disproportionality measures (HEAT "TI", "MLD"), with r_j = y_j / μ:
    ///   TI = Σ p_j r_j ln r_j, MLD = Σ p_j (−ln r_j). Defined only when every y_j > 0: HEAT
    ///   silently replaces 0 by 10⁻⁶, which makes the result depend on the unit; we return `nil`.
    ///   HEAT displays both multiplied by 1000; these are the plain indices.
    /// - Regression measures (HEAT "SII", "RII"): areas are sorted worst-off first, by the ranking
    ///   variable (`rankBy` ascending: higher = better off) when every input has one, else by the
    ///   indicator itself (ascending for `higherIsBetter`, descending for `lowerIsBetter`). Areas
    ///   with equal ranking values form one rank group. Each group's ridit is the midpoint of its
    ///   range of cumulative population share, x_j = C_{<j} + p_j/2, so 0 is the worst-off end of
    ///   the population and 1 the best-off end. Then the weighted least squares line
    ///   ŷ(x) = a + b·x minimising Σ p_j (y_j − a − b x_j)² gives
    ///   b = Σ p_j (x_j − x̄)(y_j − μ) / Σ p_j (x_j − x̄)², a = μ − b x̄ (x̄ = Σ p_j x_j), and
    ///   SII = ŷ(1) − ŷ(0) = b, RII = ŷ(1) / ŷ(0) = (a + b) / a.
    ///   Signs follow HEAT: rank 1 is best-off, so ranked by the indicator itself SII > 0 and
    ///   RII > 1 for `higherIsBetter`, SII < 0 and RII < 1 for `lowerIsBetter`.
    ///   HEAT fits a logistic regression by default when the indicator is a proportion of a binary
    ///   outcome with known counts; we use the linear weighted form (HEAT's and `healthequal`'s
    ///   `linear = TRUE` option, and the classical SII of Pamuk and Wagstaff) because our indicators
    ///   are not all proportions (income, life expectancy, rates per 1000), because it has a closed
    ///   form that is deterministic and checkable to 10⁻⁹ against an independent computation, and
    ///   because its SII reads directly in the indicator's unit. A straight line can predict
    ///   values outside the possible range, so RII is `nil` unless ŷ(0) > 0 and ŷ(1) > 0.
    ///   SII and RII are `nil` when only some inputs have a `rankBy`, or every area has the same
    ///   rank (no slope can be fitted).
    ///
    /// Inputs whose value is not finite are left out. A weight counts as usable when it is finite
    /// and > 0; if any area lacks one, the whole computation uses p_j = 1/n and every measure says
    /// `weighted == false`: mixing weighted and unweighted areas would be neither.
    public static func compute(_ inputs: [DisparityInput], direction: Direction) -> DisparityResult {
        let areas = inputs.filter { $0.value.isFinite }
        let n = areas.count
        let y = areas.map(\.value)
        let usesWeights = n > 0 && areas.allSatisfy { ($0.weight ?? .nan).isFinite && $0.weight! > 0 }
        let p: [Double]
        if usesWeights {
            let total = areas.reduce(0.0) { $0 + $1.weight! }
            p = areas.map { $0.weight! / total }
        } else {
            p = Array(repeating: 1.0 / Double(max(n, 1)), count: n)
        }
        func measure(_ value: Double?, weighted: Bool = usesWeights) -> DisparityMeasure? {
            guard let value, value.isFinite else { return nil }
            return DisparityMeasure(value: value, weighted: weighted)
        }

        // Best and worst area, first in input order on ties.
        var bestIndex: Int?
        var worstIndex: Int?
        for j in 0..<n {
            let better: (Double, Double) -> Bool = direction == .higherIsBetter ? { $0 > $1 } : { $0 < $1 }
            if bestIndex == nil || better(y[j], y[bestIndex!]) { bestIndex = j }
            if worstIndex == nil || better(y[worstIndex!], y[j]) { worstIndex = j }
        }
        let best = bestIndex.map { DisparityArea(id: areas[$0].id, value: y[$0]) }
        let worst = worstIndex.map { DisparityArea(id: areas[$0].id, value: y[$0]) }

        let mu: Double? = n > 0 ? zip(p, y).reduce(0.0) { $0 + $1.0 * $1.1 } : nil

        var result = Builder(
            direction: direction, areaCount: n, weighted: usesWeights, best: best, worst: worst,
            mean: measure(mu))
        guard n >= 2, let mu, let maxY = y.max(), let minY = y.min() else { return result.build() }

        result.difference = measure(maxY - minY, weighted: false)
        result.ratio = minY > 0 ? measure(maxY / minY, weighted: false) : nil

        let bgv = zip(p, y).reduce(0.0) { $0 + $1.0 * ($1.1 - mu) * ($1.1 - mu) }
        let bgsd = bgv.squareRoot()
        result.betweenGroupVariance = measure(bgv)
        result.betweenGroupStandardDeviation = measure(bgsd)

        let mdmw = zip(p, y).reduce(0.0) { $0 + $1.0 * abs($1.1 - mu) }
        let mdmu = y.reduce(0.0) { $0 + abs($1 - mu) } / Double(n)
        result.meanDifferenceFromMeanWeighted = measure(mdmw)
        result.meanDifferenceFromMeanUnweighted = measure(mdmu)

        if mu > 0 {
            result.coefficientOfVariation = measure(bgsd / mu * 100)
            result.indexOfDisparity = measure(mdmu / mu * 100)
            result.indexOfDisparityWeighted = measure(mdmw / mu * 100)
        }
        if minY > 0 {  // then μ > 0 too
            var theil = 0.0
            var mld = 0.0
            for j in 0..<n {
                let r = y[j] / mu
                theil += p[j] * r * log(r)
                mld -= p[j] * log(r)
            }
            result.theilIndex = measure(theil)
            result.meanLogDeviation = measure(mld)
        }

        let withRank = areas.filter { $0.rankBy?.isFinite == true }.count
        if withRank == n || withRank == 0 {
            let ranking: DisparityRanking = withRank == n ? .rankingVariable : .indicator
            result.ranking = ranking
            let keys: [Double] = areas.map { area in
                switch ranking {
                case .rankingVariable: return area.rankBy!
                case .indicator: return direction == .higherIsBetter ? area.value : -area.value
                }
            }
            if let line = regressionOnRidits(y: y, p: p, keys: keys, mu: mu) {
                result.slopeIndexOfInequality = measure(line.slope)
                let at0 = line.intercept
                let at1 = line.intercept + line.slope
                if at0 > 0, at1 > 0 {
                    result.relativeIndexOfInequality = measure(at1 / at0)
                }
            }
        }
        return result.build()
    }

    /// The ridits (midpoints of each rank group's cumulative population share, worst-off first by
    /// ascending key) and the weighted least squares line of y on them; `nil` when every area
    /// has the same ridit.
    static func regressionOnRidits(y: [Double], p: [Double], keys: [Double], mu: Double)
        -> (intercept: Double, slope: Double)?
    {
        let n = y.count
        let order = (0..<n).sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        var ridit = Array(repeating: 0.0, count: n)
        var below = 0.0
        var start = 0
        while start < n {
            var end = start
            var share = 0.0
            while end < n, keys[order[end]] == keys[order[start]] {
                share += p[order[end]]
                end += 1
            }
            let midpoint = below + share / 2
            for k in start..<end { ridit[order[k]] = midpoint }
            below += share
            start = end
        }
        let xBar = zip(p, ridit).reduce(0.0) { $0 + $1.0 * $1.1 }
        var sxx = 0.0
        var sxy = 0.0
        for j in 0..<n {
            let dx = ridit[j] - xBar
            sxx += p[j] * dx * dx
            sxy += p[j] * dx * (y[j] - mu)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (mu - slope * xBar, slope)
    }

    /// Collects the measures as they are computed; every field starts `nil`.
    private struct Builder {
        let direction: Direction
        let areaCount: Int
        let weighted: Bool
        let best: DisparityArea?
        let worst: DisparityArea?
        let mean: DisparityMeasure?
        var difference: DisparityMeasure?
        var ratio: DisparityMeasure?
        var betweenGroupVariance: DisparityMeasure?
        var betweenGroupStandardDeviation: DisparityMeasure?
        var coefficientOfVariation: DisparityMeasure?
        var meanDifferenceFromMeanWeighted: DisparityMeasure?
        var meanDifferenceFromMeanUnweighted: DisparityMeasure?
        var indexOfDisparity: DisparityMeasure?
        var indexOfDisparityWeighted: DisparityMeasure?
        var theilIndex: DisparityMeasure?
        var meanLogDeviation: DisparityMeasure?
        var slopeIndexOfInequality: DisparityMeasure?
        var relativeIndexOfInequality: DisparityMeasure?
        var ranking: DisparityRanking?

        init(
            direction: Direction, areaCount: Int, weighted: Bool, best: DisparityArea?, worst: DisparityArea?,
            mean: DisparityMeasure?
        ) {
            self.direction = direction
            self.areaCount = areaCount
            self.weighted = weighted
            self.best = best
            self.worst = worst
            self.mean = mean
        }

        func build() -> DisparityResult {
            DisparityResult(
                direction: direction, areaCount: areaCount, weighted: weighted, best: best, worst: worst,
                mean: mean, difference: difference, ratio: ratio,
                betweenGroupVariance: betweenGroupVariance,
                betweenGroupStandardDeviation: betweenGroupStandardDeviation,
                coefficientOfVariation: coefficientOfVariation,
                meanDifferenceFromMeanWeighted: meanDifferenceFromMeanWeighted,
                meanDifferenceFromMeanUnweighted: meanDifferenceFromMeanUnweighted,
                indexOfDisparity: indexOfDisparity, indexOfDisparityWeighted: indexOfDisparityWeighted,
                theilIndex: theilIndex, meanLogDeviation: meanLogDeviation,
                slopeIndexOfInequality: slopeIndexOfInequality,
                relativeIndexOfInequality: relativeIndexOfInequality, ranking: ranking)
        }
    }
}

// MARK: - Over time

extension Disparity {
    /// How a gap measure (D, R, BGSD, TI, …: lower is narrower) moved over a series of periods.
    public struct Trend: Sendable, Codable, Equatable {
        /// Narrowing (slope below −threshold), widening (above +threshold), stable (within), or not
        /// enough data (fewer than two finite values).
        public enum Classification: String, Sendable, Codable {
            case narrowing, widening, stable, notEnoughData
        }

        /// The least-squares slope per period step (in the measure's unit per step).
        public let slope: Double?
        /// The mean of the finite values: the level the slope is judged against.
        public let meanLevel: Double?
        public let classification: Classification
        /// How many finite values the slope was fitted to.
        public let pointCount: Int
        /// The first and last period with a finite value.
        public let firstPeriod: String?
        public let lastPeriod: String?
    }

    /// A gap smaller than this share of the mean level per period step counts as stable: 1 %.
    public static let stableSlopeShare = 0.01

    /// The trend of a gap measure over periods (given oldest first, one step apart, e.g. years or
    /// elections): the ordinary least-squares slope of value on step index
    /// b = Σ (t − t̄)(v − v̄) / Σ (t − t̄)², with t = 0, 1, 2, … the position in `series`.
    ///
    /// A non-finite value is a missing period: left out of the fit, but its step still counts, so
    /// the slope stays per period. Classification with threshold τ = `stableSlopeShare` × |v̄|
    /// (1 % of the mean level per period): |b| < τ stable, b ≤ −τ narrowing, b ≥ τ widening; when
    /// v̄ = 0 only b = 0 is stable. Why relative to the level: a 0.5-point change a year means
    /// little for a 50-point gap and much for a 2-point gap, and the measures come in different
    /// units (points, ratios, Theil values). Why 1 %: it is about 10 % of the gap over a decade;
    /// smaller drifts are reported as stable rather than as a change of direction. Pass another
    /// share as `stableBelow` to be stricter or looser. The measure must be one where lower means
    /// narrower; pass |SII| or, for RII, |ln RII|.
    public static func trend(
        _ series: [(period: String, value: Double)],
        stableBelow share: Double = stableSlopeShare
    ) -> Trend {
        let points = series.enumerated().filter { $0.element.value.isFinite }
        let m = points.count
        let first = points.first?.element.period
        let last = points.last?.element.period
        guard m >= 2 else {
            let level = points.first?.element.value
            return Trend(
                slope: nil, meanLevel: level, classification: .notEnoughData, pointCount: m,
                firstPeriod: first, lastPeriod: last)
        }
        let tBar = points.reduce(0.0) { $0 + Double($1.offset) } / Double(m)
        let vBar = points.reduce(0.0) { $0 + $1.element.value } / Double(m)
        var stt = 0.0
        var stv = 0.0
        for point in points {
            let dt = Double(point.offset) - tBar
            stt += dt * dt
            stv += dt * (point.element.value - vBar)
        }
        let slope = stv / stt
        let threshold = share * abs(vBar)
        let classification: Trend.Classification
        if abs(slope) < threshold || slope == 0 {
            classification = .stable
        } else {
            classification = slope < 0 ? .narrowing : .widening
        }
        return Trend(
            slope: slope, meanLevel: vBar, classification: classification, pointCount: m,
            firstPeriod: first, lastPeriod: last)
    }
}
