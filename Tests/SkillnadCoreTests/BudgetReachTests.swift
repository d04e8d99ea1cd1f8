import Testing

@testable import SkillnadCore

/// Worked by hand: `a` (1,000 residents, 50 ballots, area type 1) and `b` (2,000 residents,
/// 20 ballots, type 5); `c` has no population and is left out. Rates 50 and 10 per 1,000; the
/// ridits are 1/6 for `a` and 2/3 for `b`, so the line through them falls by 40 over 1/2.
@Suite("BudgetReach")
struct BudgetReachTests {
    let areas: [BudgetReach.Area] = [
        .init(id: "a", ballots: 50, population: 1000, ordering: 1),
        .init(id: "c", ballots: 5, population: nil, ordering: 3),
        .init(id: "b", ballots: 20, population: 2000, ordering: 5),
    ]

    private func close(_ value: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let value else {
            Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 1e-9, "\(value) is not \(expected)", sourceLocation: sourceLocation)
    }

    @Test("Ballots per 1,000 residents per area, the total pooled, an area without residents left out")
    func rates() {
        let reach = BudgetReach.analyse(areas, betterOff: .higherIsBetter)
        #expect(reach.areas.map(\.id) == ["a", "b"])
        #expect(reach.leftOut == ["c"])
        close(reach.areas[0].per1000, 50)
        close(reach.areas[1].per1000, 10)
        close(reach.total?.per1000, 70.0 / 3)
        #expect(reach.total?.ballots == 70)
        close(reach.measures?.ratio?.value, 5)
        close(reach.measures?.difference?.value, 40)
        close(reach.measures?.mean?.value, 70.0 / 3)
    }

    @Test("The slope index ranks by the indicator, worst-off first: negative when the worse-off voted more")
    func slopeByIndicator() {
        let higher = BudgetReach.analyse(areas, betterOff: .higherIsBetter)
        #expect(higher.measures?.ranking == .rankingVariable)
        close(higher.measures?.slopeIndexOfInequality?.value, -80)
        // Read the other way round (1 is the best-off), the same turnout slopes the other way.
        let lower = BudgetReach.analyse(areas, betterOff: .lowerIsBetter)
        close(lower.measures?.slopeIndexOfInequality?.value, 80)
    }

    @Test("An area without the indicator's value: the areas are not ranked by it; one area has no measures")
    func withoutRanking() {
        var partial = areas
        partial[2].ordering = nil
        #expect(BudgetReach.analyse(partial, betterOff: .higherIsBetter).measures?.ranking == .indicator)
        let one = BudgetReach.analyse([areas[0]], betterOff: .higherIsBetter)
        #expect(one.measures == nil)
        close(one.total?.per1000, 50)
        #expect(BudgetReach.analyse([], betterOff: .higherIsBetter).total == nil)
    }

    @Test("A larger area's value from those inside it: weighted by population, else their plain mean")
    func pooledValue() {
        close(BudgetReach.pooledValue([(1, 1000), (5, 3000)]), 4)
        close(BudgetReach.pooledValue([(1, 1000), (5, nil)]), 3)
        close(BudgetReach.pooledValue([(2, 10), (.nan, 10)]), 2)
        #expect(BudgetReach.pooledValue([]) == nil)
    }
}
