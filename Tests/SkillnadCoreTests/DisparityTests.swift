import Foundation
import Testing
@testable import SkillnadCore

/// Hand-computed cases for every measure, then a cross-check of every measure against an
/// independent numpy implementation (Resources/disparity_reference.py) on small cases and on the
/// voter turnout of Stockholm's voting districts in the 2022 municipal election.
@Suite("Disparity")
struct DisparityTests {
    // MARK: Hand-computed

    /// Two areas, no weights: μ = 50, every deviation 10.
    @Test func twoAreasHigherIsBetter() throws {
        let r = Disparity.compute([.init(id: "A", value: 40), .init(id: "B", value: 60)], direction: .higherIsBetter)
        #expect(r.areaCount == 2)
        #expect(!r.weighted)
        #expect(r.best == DisparityArea(id: "B", value: 60))
        #expect(r.worst == DisparityArea(id: "A", value: 40))
        expectMeasure(r.mean, 50, weighted: false)
        expectMeasure(r.difference, 20, weighted: false)
        expectMeasure(r.ratio, 1.5, weighted: false)
        expectMeasure(r.betweenGroupVariance, 100, weighted: false)
        expectMeasure(r.betweenGroupStandardDeviation, 10, weighted: false)
        expectMeasure(r.coefficientOfVariation, 20, weighted: false)
        expectMeasure(r.meanDifferenceFromMeanWeighted, 10, weighted: false)
        expectMeasure(r.meanDifferenceFromMeanUnweighted, 10, weighted: false)
        expectMeasure(r.indexOfDisparity, 20, weighted: false)
        expectMeasure(r.indexOfDisparityWeighted, 20, weighted: false)
        expectMeasure(r.theilIndex, 0.5 * 0.8 * log(0.8) + 0.5 * 1.2 * log(1.2), weighted: false)
        expectMeasure(r.meanLogDeviation, -0.5 * log(0.8) - 0.5 * log(1.2), weighted: false)
        // Ridits 1/4 and 3/4: the line through (1/4, 40) and (3/4, 60) is 30 + 40x.
        #expect(r.ranking == .indicator)
        expectMeasure(r.slopeIndexOfInequality, 40, weighted: false)
        expectMeasure(r.relativeIndexOfInequality, 70.0 / 30.0, weighted: false)
    }

    /// The same areas when lower is better: best and worst swap, D and R stay (R is highest over
    /// lowest in both directions), SII changes sign because the best-off are now the low values.
    @Test func twoAreasLowerIsBetter() throws {
        let r = Disparity.compute([.init(id: "A", value: 40), .init(id: "B", value: 60)], direction: .lowerIsBetter)
        #expect(r.best == DisparityArea(id: "A", value: 40))
        #expect(r.worst == DisparityArea(id: "B", value: 60))
        expectMeasure(r.difference, 20, weighted: false)
        expectMeasure(r.ratio, 1.5, weighted: false)
        expectMeasure(r.betweenGroupStandardDeviation, 10, weighted: false)
        // Worst-off first: (1/4, 60), (3/4, 40): the line is 70 − 40x.
        expectMeasure(r.slopeIndexOfInequality, -40, weighted: false)
        expectMeasure(r.relativeIndexOfInequality, 30.0 / 70.0, weighted: false)
    }

    /// Three areas with populations 1:2:1, so p = (¼, ½, ¼) and μ = 22.5.
    @Test(arguments: [Direction.higherIsBetter, .lowerIsBetter])
    func threeWeightedAreas(direction: Direction) throws {
        let r = Disparity.compute(
            [
                .init(id: "A", value: 10, weight: 100),
                .init(id: "B", value: 20, weight: 200),
                .init(id: "C", value: 40, weight: 100),
            ], direction: direction)
        #expect(r.weighted)
        expectMeasure(r.mean, 22.5, weighted: true)
        expectMeasure(r.difference, 30, weighted: false)
        expectMeasure(r.ratio, 4, weighted: false)
        // ¼·12.5² + ½·2.5² + ¼·17.5²
        expectMeasure(r.betweenGroupVariance, 118.75, weighted: true)
        expectMeasure(r.betweenGroupStandardDeviation, 118.75.squareRoot(), weighted: true)
        expectMeasure(r.coefficientOfVariation, 118.75.squareRoot() / 22.5 * 100, weighted: true)
        expectMeasure(r.meanDifferenceFromMeanWeighted, 8.75, weighted: true)
        expectMeasure(r.meanDifferenceFromMeanUnweighted, 32.5 / 3, weighted: true)
        expectMeasure(r.indexOfDisparity, 32.5 / 3 / 22.5 * 100, weighted: true)
        expectMeasure(r.indexOfDisparityWeighted, 8.75 / 22.5 * 100, weighted: true)
        let shares = [0.25, 0.5, 0.25]
        let ratios = [10 / 22.5, 20 / 22.5, 40 / 22.5]
        expectMeasure(r.theilIndex, zip(shares, ratios).reduce(0) { $0 + $1.0 * $1.1 * log($1.1) }, weighted: true)
        expectMeasure(r.meanLogDeviation, zip(shares, ratios).reduce(0) { $0 - $1.0 * log($1.1) }, weighted: true)
        // Ridits ⅛, ½, ⅞ (worst-off first); x̄ = ½, Σp(x−x̄)² = 0.0703125, Σp(x−x̄)(y−μ) = ±2.8125.
        switch direction {
        case .higherIsBetter:
            #expect(r.best?.id == "C")
            #expect(r.worst?.id == "A")
            expectMeasure(r.slopeIndexOfInequality, 40, weighted: true)  // line 2.5 + 40x
            expectMeasure(r.relativeIndexOfInequality, 42.5 / 2.5, weighted: true)
        case .lowerIsBetter:
            #expect(r.best?.id == "A")
            #expect(r.worst?.id == "C")
            expectMeasure(r.slopeIndexOfInequality, -40, weighted: true)  // line 42.5 − 40x
            expectMeasure(r.relativeIndexOfInequality, 2.5 / 42.5, weighted: true)
        }
    }

    @Test(arguments: [
        [Double?](arrayLiteral: 100, nil, 100),  // one weight missing
        [100, 0, 100],  // a zero population
        [100, -5, 100],  // a negative one
        [100, .infinity, 100],
    ])
    func anyUnusableWeightMeansUnweighted(weights: [Double?]) {
        let inputs = zip([10.0, 20, 40], weights).enumerated().map { i, pair in
            DisparityInput(id: "\(i)", value: pair.0, weight: pair.1)
        }
        let r = Disparity.compute(inputs, direction: .higherIsBetter)
        #expect(!r.weighted)
        expectMeasure(r.mean, 70.0 / 3, weighted: false)
        expectMeasure(r.meanDifferenceFromMeanWeighted, r.meanDifferenceFromMeanUnweighted!.value, weighted: false)
        #expect(r.betweenGroupVariance?.weighted == false)
        #expect(r.slopeIndexOfInequality?.weighted == false)
    }

    /// A zero value: the ratio and the logarithmic measures are undefined, the rest are not.
    @Test func zeroValue() {
        let r = Disparity.compute(
            [.init(id: "A", value: 0), .init(id: "B", value: 10), .init(id: "C", value: 20)],
            direction: .lowerIsBetter)
        expectMeasure(r.mean, 10, weighted: false)
        expectMeasure(r.difference, 20, weighted: false)
        #expect(r.ratio == nil)
        #expect(r.theilIndex == nil)
        #expect(r.meanLogDeviation == nil)
        expectMeasure(r.coefficientOfVariation, (200.0 / 3).squareRoot() / 10 * 100, weighted: false)
        #expect(r.indexOfDisparity != nil)
        #expect(r.slopeIndexOfInequality != nil)
    }

    /// Negative values with a zero mean: every relative measure is undefined; the line −10 + 20x
    /// has ŷ(0) < 0, so RII is too.
    @Test func negativeValuesZeroMean() {
        let r = Disparity.compute([.init(id: "A", value: -5), .init(id: "B", value: 5)], direction: .higherIsBetter)
        expectMeasure(r.mean, 0, weighted: false)
        expectMeasure(r.difference, 10, weighted: false)
        expectMeasure(r.betweenGroupVariance, 25, weighted: false)
        expectMeasure(r.meanDifferenceFromMeanUnweighted, 5, weighted: false)
        #expect(r.ratio == nil)
        #expect(r.coefficientOfVariation == nil)
        #expect(r.indexOfDisparity == nil)
        #expect(r.indexOfDisparityWeighted == nil)
        #expect(r.theilIndex == nil)
        #expect(r.meanLogDeviation == nil)
        expectMeasure(r.slopeIndexOfInequality, 20, weighted: false)
        #expect(r.relativeIndexOfInequality == nil)
    }

    @Test func oneAreaHasNoDisparity() {
        let r = Disparity.compute([.init(id: "A", value: 42, weight: 10)], direction: .higherIsBetter)
        #expect(r.areaCount == 1)
        #expect(r.weighted)
        expectMeasure(r.mean, 42, weighted: true)
        #expect(r.best == DisparityArea(id: "A", value: 42))
        #expect(r.worst == r.best)
        #expect(r.difference == nil && r.ratio == nil && r.betweenGroupVariance == nil)
        #expect(r.coefficientOfVariation == nil && r.theilIndex == nil && r.slopeIndexOfInequality == nil)
        #expect(r.ranking == nil)
    }

    @Test func noAreas() {
        let r = Disparity.compute([], direction: .lowerIsBetter)
        #expect(r.areaCount == 0)
        #expect(!r.weighted)
        #expect(r.mean == nil && r.best == nil && r.worst == nil && r.difference == nil)
    }

    @Test func nonFiniteValuesAreLeftOut() {
        let r = Disparity.compute(
            [
                .init(id: "A", value: .nan), .init(id: "B", value: 10), .init(id: "C", value: 30),
                .init(id: "D", value: .infinity),
            ], direction: .higherIsBetter)
        #expect(r.areaCount == 2)
        expectMeasure(r.mean, 20, weighted: false)
        expectMeasure(r.difference, 20, weighted: false)
    }

    @Test func tiesPickTheFirstArea() {
        let r = Disparity.compute(
            [
                .init(id: "A", value: 5), .init(id: "B", value: 9), .init(id: "C", value: 9),
                .init(id: "D", value: 5),
            ], direction: .higherIsBetter)
        #expect(r.best?.id == "B")
        #expect(r.worst?.id == "A")
    }

    @Test func allEqualValues() {
        let r = Disparity.compute(
            [.init(id: "A", value: 7, weight: 1), .init(id: "B", value: 7, weight: 3)],
            direction: .higherIsBetter)
        expectMeasure(r.difference, 0, weighted: false)
        expectMeasure(r.ratio, 1, weighted: false)
        expectMeasure(r.betweenGroupVariance, 0, weighted: true)
        expectMeasure(r.theilIndex, 0, weighted: true)
        expectMeasure(r.meanLogDeviation, 0, weighted: true)
        #expect(r.slopeIndexOfInequality == nil, "one rank group: no line can be fitted")
        #expect(r.relativeIndexOfInequality == nil)
    }

    // MARK: Ranking variable

    /// Unemployment (lower is better) ranked by income: the poorest area has the most unemployment.
    /// Ridits ⅙, ½, ⅚ in income order; the values lie exactly on 35 − 30x.
    @Test func rankedByIncome() {
        let r = Disparity.compute(
            [
                .init(id: "poor", value: 30, rankBy: 100),
                .init(id: "rich", value: 10, rankBy: 300),
                .init(id: "middle", value: 20, rankBy: 200),
            ], direction: .lowerIsBetter)
        #expect(r.ranking == .rankingVariable)
        expectMeasure(r.slopeIndexOfInequality, -30, weighted: false)
        expectMeasure(r.relativeIndexOfInequality, 5.0 / 35.0, weighted: false)
    }

    /// The ranking variable, not the indicator, decides the order: an area that is rich but has
    /// low turnout pulls the slope down.
    @Test func rankingVariableOverridesTheIndicatorOrder() {
        let byIndicator = Disparity.compute(
            [
                .init(id: "A", value: 60), .init(id: "B", value: 70), .init(id: "C", value: 80),
            ], direction: .higherIsBetter)
        let byIncome = Disparity.compute(
            [
                .init(id: "A", value: 60, rankBy: 3), .init(id: "B", value: 70, rankBy: 2),
                .init(id: "C", value: 80, rankBy: 1),
            ], direction: .higherIsBetter)
        expectMeasure(byIndicator.slopeIndexOfInequality, 30, weighted: false)
        expectMeasure(byIncome.slopeIndexOfInequality, -30, weighted: false)
    }

    /// Equal ranking values form one group sharing the midpoint of their combined range:
    /// ridits ⅓, ⅓, ⅚; slope 30 however the tied areas are ordered in the input.
    @Test func tiedRanksShareAMidpoint() {
        let a = DisparityInput(id: "A", value: 10, rankBy: 1)
        let b = DisparityInput(id: "B", value: 20, rankBy: 1)
        let c = DisparityInput(id: "C", value: 30, rankBy: 2)
        for order in [[a, b, c], [b, a, c], [c, b, a]] {
            let r = Disparity.compute(order, direction: .higherIsBetter)
            expectMeasure(r.slopeIndexOfInequality, 30, weighted: false)
            expectMeasure(r.relativeIndexOfInequality, 35.0 / 5.0, weighted: false)
        }
    }

    @Test func partialRankingGivesNoSlope() {
        let r = Disparity.compute(
            [
                .init(id: "A", value: 10, rankBy: 1), .init(id: "B", value: 20), .init(id: "C", value: 30, rankBy: 2),
            ], direction: .higherIsBetter)
        #expect(r.ranking == nil)
        #expect(r.slopeIndexOfInequality == nil)
        #expect(r.relativeIndexOfInequality == nil)
        #expect(r.difference != nil, "the other measures do not depend on the ranking")
    }

    @Test func rateFromCounts() throws {
        let input = try #require(DisparityInput.rate(id: "1800101", numerator: 1104, denominator: 1354))
        #expect(input.value == 100 * 1104 / 1354.0)
        #expect(input.weight == 1354)
        #expect(DisparityInput.rate(id: "x", numerator: 3694, denominator: 0) == nil)
        #expect(DisparityInput.rate(id: "x", numerator: 1, denominator: 4, per: 1000)?.value == 250)
    }

    @Test func resultRoundTripsThroughJSON() throws {
        let r = Disparity.compute(
            [.init(id: "A", value: 10, weight: 1), .init(id: "B", value: 30, weight: 3)],
            direction: .lowerIsBetter)
        let back = try JSONDecoder().decode(DisparityResult.self, from: JSONEncoder().encode(r))
        #expect(back == r)
    }

    // MARK: Trend

    @Test func narrowingGap() {
        let t = Disparity.trend([("2014", 54), ("2018", 52), ("2022", 50)])
        #expect(t.classification == .narrowing)
        #expect(t.slope == -2)
        #expect(t.meanLevel == 52)
        #expect(t.pointCount == 3)
        #expect(t.firstPeriod == "2014" && t.lastPeriod == "2022")
    }

    @Test func wideningGap() {
        #expect(Disparity.trend([("2014", 54), ("2018", 57.58)]).classification == .widening)
    }

    /// Slope 0.024 a period against a level of 10.04: 0.24 % < 1 %.
    @Test func stableGap() {
        let t = Disparity.trend([("2019", 10.00), ("2020", 10.05), ("2021", 10.02), ("2022", 10.09)])
        #expect(t.classification == .stable)
        #expect(abs(t.slope! - 0.024) < 1e-12)
    }

    /// Level 2, slope 1: with a threshold share of 0.5 the threshold is exactly 1, which is not
    /// below it, so widening; any larger share makes it stable.
    @Test func thresholdIsStrict() {
        let series: [(period: String, value: Double)] = [("a", 1), ("b", 2), ("c", 3)]
        #expect(Disparity.trend(series, stableBelow: 0.5).classification == .widening)
        #expect(Disparity.trend(series, stableBelow: 0.51).classification == .stable)
        #expect(Disparity.stableSlopeShare == 0.01)
    }

    @Test func zeroLevelIsStableOnlyWithoutSlope() {
        #expect(Disparity.trend([("a", 0), ("b", 0)]).classification == .stable)
        #expect(Disparity.trend([("a", -1), ("b", 1)]).classification == .widening)
    }

    /// A missing period keeps its step: 5, 4, –, 2 is one point a period down.
    @Test func missingPeriodKeepsItsStep() {
        let t = Disparity.trend([("2019", 5), ("2020", 4), ("2021", .nan), ("2022", 2)])
        #expect(t.pointCount == 3)
        #expect(abs(t.slope! - -1) < 1e-12)
        #expect(t.classification == .narrowing)
    }

    @Test func tooShortForATrend() {
        #expect(Disparity.trend([]).classification == .notEnoughData)
        let one = Disparity.trend([("2022", 57.58), ("2026", .nan)])
        #expect(one.classification == .notEnoughData)
        #expect(one.slope == nil)
        #expect(one.meanLevel == 57.58)
    }

    // MARK: Cross-check against numpy

    /// Small and medium cases: both directions, with and without weights, partial weights, zeros,
    /// negatives, ties, a ranking variable with ties, a partial ranking; plus trends.
    @Test func agreesWithNumpyOnSmallCases() throws {
        var cases: [ReferenceCase] = [
            .init(name: "two", direction: .higherIsBetter, values: [40, 60]),
            .init(name: "twoLower", direction: .lowerIsBetter, values: [40, 60]),
            .init(name: "weighted", direction: .higherIsBetter, values: [10, 20, 40], weights: [100, 200, 100]),
            .init(name: "weightedLower", direction: .lowerIsBetter, values: [10, 20, 40], weights: [100, 200, 100]),
            .init(name: "partialWeights", direction: .higherIsBetter, values: [10, 20, 40], weights: [100, nil, 100]),
            .init(name: "zero", direction: .lowerIsBetter, values: [0, 10, 20], weights: [5, 1, 2]),
            .init(name: "negative", direction: .higherIsBetter, values: [-5, 5]),
            .init(name: "negativeMean", direction: .higherIsBetter, values: [-8, 2, 3], weights: [1, 1, 1]),
            .init(name: "single", direction: .higherIsBetter, values: [42], weights: [10]),
            .init(name: "equal", direction: .higherIsBetter, values: [7, 7], weights: [1, 3]),
            .init(name: "ties", direction: .lowerIsBetter, values: [5, 9, 9, 5, 7], weights: [3, 1, 4, 1, 5]),
            .init(name: "income", direction: .lowerIsBetter, values: [30, 10, 20], rankBy: [100, 300, 200]),
            .init(
                name: "incomeTies", direction: .higherIsBetter, values: [10, 20, 30, 25],
                weights: [2, 1, 1, 3], rankBy: [1, 1, 2, 2]),
            .init(name: "partialRank", direction: .higherIsBetter, values: [10, 20, 30], rankBy: [1, nil, 2]),
        ]
        // Larger pseudo-random cases (a fixed linear congruential sequence, so they never change).
        var random = FixedSequence(seed: 2022)
        for i in 0..<8 {
            let n = 5 + 7 * i
            let values = (0..<n).map { _ in 3 + 90 * random.next() }
            let weights: [Double?]? = i % 3 == 2 ? nil : (0..<n).map { _ in Double(Int(50 + 3000 * random.next())) }
            let rankBy: [Double?]? = i % 2 == 0 ? nil : (0..<n).map { _ in (20_000 + 40_000 * random.next()).rounded() }
            cases.append(
                .init(
                    name: "random\(i)", direction: i % 2 == 0 ? .higherIsBetter : .lowerIsBetter,
                    values: values, weights: weights, rankBy: rankBy))
        }
        typealias Series = [(period: String, value: Double)]
        let narrowing: Series = [("2014", 54), ("2018", 52.5), ("2022", 50.25)]
        let gap: Series = [("2010", 3.3), ("2011", 3.9), ("2012", .nan), ("2013", 4.4), ("2014", 4.2)]
        let noisy: Series = (0..<12).map { i in
            let value: Double = 20 + sin(Double(i)) + 0.05 * Double(i)
            return (period: String(2010 + i), value: value)
        }
        let trends: [(name: String, series: Series)] = [("narrowing", narrowing), ("gap", gap), ("noisy", noisy)]

        let reference = try runReference([
            "disparity": cases.map(\.json),
            "trend": trends.map { ["name": $0.name, "values": $0.series.map { jsonNumber($0.value) }] },
        ])
        let numpy = try #require(reference["disparity"] as? [String: Any])
        for c in cases {
            let theirs = try #require(numpy[c.name] as? [String: Any], "no reference result for \(c.name)")
            compare(Disparity.compute(c.inputs, direction: c.direction), with: theirs, case: c.name)
        }
        let numpyTrends = try #require(reference["trend"] as? [String: Any])
        for t in trends {
            let ours = Disparity.trend(t.series)
            let theirs = try #require(numpyTrends[t.name] as? [String: Any])
            expectClose(ours.slope, theirs["slope"], "\(t.name).slope")
            expectClose(ours.meanLevel, theirs["meanLevel"], "\(t.name).meanLevel")
        }
    }

    /// Real data: turnout per voting district in Stockholm municipality (kommunkod 0180), 2022
    /// municipal election, weighted by eligible voters; SII/RII ranked by turnout itself.
    @Test func stockholmVotingDistrictTurnout2022() throws {
        let path = SharedData.file("valmyndigheten/kommun_2022.csv").path
        let inputs = try Self.turnoutInputs(path: path, kommunkod: "180")
        #expect(inputs.count == 592)
        let r = Disparity.compute(inputs, direction: .higherIsBetter)
        #expect(r.weighted)
        #expect(r.areaCount == 592)
        #expect(r.ranking == .indicator)
        let lowest = try #require(r.worst?.value)
        let highest = try #require(r.best?.value)
        #expect(abs(lowest - 37.53) < 0.005)
        #expect(abs(highest - 95.11) < 0.005)
        #expect(abs(try #require(r.difference?.value) - 57.58) < 0.005)

        let reference = try runReference([
            "disparity": [["name": "turnout", "direction": "higherIsBetter", "turnoutCSV": path, "kommunkod": "180"]]
        ])
        let numpy = try #require((reference["disparity"] as? [String: Any])?["turnout"] as? [String: Any])
        expectClose(lowest, numpy["lowest"], "lowest")
        expectClose(highest, numpy["highest"], "highest")
        compare(r, with: numpy, case: "turnout")
        // Every measure exists for these data.
        for (name, measure) in Self.measures(of: r) {
            #expect(measure != nil, "\(name) should be defined for the turnout data")
        }
    }

    // MARK: Helpers

    /// Voting districts of one municipality from Valmyndigheten's comma-separated file, split on
    /// "," (the municipality's rows have no quoted fields; other municipalities' district names
    /// do, so the rows are checked before use). Districts with no eligible voters (early votes not
    /// assigned to a district) are skipped.
    static func turnoutInputs(path: String, kommunkod: String) throws -> [DisparityInput] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let code = try #require(header.firstIndex(of: "KOMMUNKOD"))
        let district = try #require(header.firstIndex(of: "VALDISTRIKTSKOD"))
        let eligible = try #require(header.firstIndex(of: "ANTAL RÖSTBERÄTTIGADE"))
        let voters = try #require(header.firstIndex(of: "ANTAL RÖSTANDE"))
        var inputs: [DisparityInput] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > code, fields[code] == Substring(kommunkod) else { continue }
            #expect(fields.count == header.count && !line.contains("\""), "unexpected quoting in \(line)")
            let e = try #require(Double(fields[eligible]))
            let v = try #require(Double(fields[voters]))
            if let input = DisparityInput.rate(id: String(fields[district]), numerator: v, denominator: e) {
                inputs.append(input)
            }
        }
        return inputs
    }

    static func measures(of r: DisparityResult) -> [(String, DisparityMeasure?)] {
        [
            ("mean", r.mean), ("difference", r.difference), ("ratio", r.ratio),
            ("betweenGroupVariance", r.betweenGroupVariance),
            ("betweenGroupStandardDeviation", r.betweenGroupStandardDeviation),
            ("coefficientOfVariation", r.coefficientOfVariation),
            ("meanDifferenceFromMeanWeighted", r.meanDifferenceFromMeanWeighted),
            ("meanDifferenceFromMeanUnweighted", r.meanDifferenceFromMeanUnweighted),
            ("indexOfDisparity", r.indexOfDisparity), ("indexOfDisparityWeighted", r.indexOfDisparityWeighted),
            ("theilIndex", r.theilIndex), ("meanLogDeviation", r.meanLogDeviation),
            ("slopeIndexOfInequality", r.slopeIndexOfInequality),
            ("relativeIndexOfInequality", r.relativeIndexOfInequality),
        ]
    }

    func compare(_ r: DisparityResult, with numpy: [String: Any], case name: String) {
        #expect(r.areaCount == numpy["areaCount"] as? Int, "\(name).areaCount")
        #expect(r.weighted == numpy["weighted"] as? Bool, "\(name).weighted")
        #expect(r.ranking?.rawValue == numpy["ranking"] as? String, "\(name).ranking")
        expectClose(r.best?.value, numpy["best"], "\(name).best")
        expectClose(r.worst?.value, numpy["worst"], "\(name).worst")
        for (key, measure) in Self.measures(of: r) {
            let theirs = numpy[key] as? [String: Any]
            #expect(
                (measure == nil) == (theirs == nil),
                "\(name).\(key): Swift \(String(describing: measure)), numpy \(String(describing: theirs))")
            guard let measure, let theirs else { continue }
            expectClose(measure.value, theirs["value"], "\(name).\(key)")
            #expect(measure.weighted == theirs["weighted"] as? Bool, "\(name).\(key).weighted")
        }
    }
}

// MARK: - Shared helpers

/// Agreement to 1e-9 relative (1e-12 absolute near zero, where relative means nothing).
private func expectClose(
    _ ours: Double?, _ theirs: Any?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let reference = (theirs as? NSNumber)?.doubleValue
    guard let ours, let reference else {
        #expect(
            ours == nil && reference == nil,
            "\(label): Swift \(String(describing: ours)), reference \(String(describing: theirs))",
            sourceLocation: sourceLocation)
        return
    }
    let tolerance = max(1e-9 * max(abs(ours), abs(reference)), 1e-12)
    #expect(
        abs(ours - reference) <= tolerance, "\(label): Swift \(ours), numpy \(reference)",
        sourceLocation: sourceLocation)
}

private func expectMeasure(
    _ measure: DisparityMeasure?, _ value: Double, weighted: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let measure else {
        Issue.record("expected \(value), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(
        abs(measure.value - value) <= max(1e-12 * abs(value), 1e-12), "\(measure.value) ≠ \(value)",
        sourceLocation: sourceLocation)
    #expect(measure.weighted == weighted, "weighted flag", sourceLocation: sourceLocation)
}

private func jsonNumber(_ value: Double?) -> Any {
    guard let value, value.isFinite else { return NSNull() }
    return value
}

/// One case for the numpy reference, kept as plain arrays so the same data feed both sides.
private struct ReferenceCase {
    let name: String
    let direction: Direction
    let values: [Double]
    var weights: [Double?]?
    var rankBy: [Double?]?

    init(name: String, direction: Direction, values: [Double], weights: [Double?]? = nil, rankBy: [Double?]? = nil) {
        self.name = name
        self.direction = direction
        self.values = values
        self.weights = weights
        self.rankBy = rankBy
    }

    var inputs: [DisparityInput] {
        values.indices.map { i in
            DisparityInput(id: "\(name)-\(i)", value: values[i], weight: weights?[i], rankBy: rankBy?[i])
        }
    }

    var json: [String: Any] {
        [
            "name": name, "direction": direction.rawValue, "values": values.map { jsonNumber($0) },
            "weights": weights.map { $0.map { jsonNumber($0) } } ?? NSNull(),
            "rankBy": rankBy.map { $0.map { jsonNumber($0) } } ?? NSNull(),
        ]
    }
}

/// A fixed pseudo-random sequence in [0, 1) (Knuth's MMIX LCG), so generated cases are the same
/// on every run and every platform.
private struct FixedSequence {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}

/// Runs Resources/disparity_reference.py (found next to this file, since test resources cannot be
/// declared here) with `request` as JSON on stdin and returns its JSON answer. Fails the test —
/// never skips — when python3 or numpy is missing: CI installs both.
private func runReference(_ request: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
{
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Resources/disparity_reference.py")
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("disparity-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("request.json")
    let errors = directory.appendingPathComponent("stderr.txt")
    try JSONSerialization.data(withJSONObject: request).write(to: input)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path]
    process.standardInput = try FileHandle(forReadingFrom: input)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    do {
        try process.run()
    } catch {
        Issue.record(
            "could not start /usr/bin/env python3: \(error). The disparity cross-check needs python3 with numpy.",
            sourceLocation: sourceLocation)
        throw error
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    switch process.terminationStatus {
    case 0:
        break
    case 127:
        Issue.record(
            "python3 not found on PATH: the disparity cross-check needs python3 with numpy. \(stderr)",
            sourceLocation: sourceLocation)
        throw ReferenceFailure.status(127)
    case 3:
        Issue.record("numpy missing: \(stderr)", sourceLocation: sourceLocation)
        throw ReferenceFailure.status(3)
    case let status:
        Issue.record("disparity_reference.py failed with status \(status): \(stderr)", sourceLocation: sourceLocation)
        throw ReferenceFailure.status(status)
    }
    guard let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        Issue.record("disparity_reference.py did not answer with a JSON object", sourceLocation: sourceLocation)
        throw ReferenceFailure.status(0)
    }
    return answer
}

private enum ReferenceFailure: Error {
    case status(Int32)
}
