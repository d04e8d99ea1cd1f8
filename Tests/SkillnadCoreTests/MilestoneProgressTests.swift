import Foundation
import Testing
@testable import SkillnadCore

@Suite("Milestone progress")
struct MilestoneProgressTests {
    private func assess(
        _ baseline: (Int, Double)?, _ latest: (Int, Double)?, _ target: (Int, Double)?,
        _ direction: Direction
    ) -> MilestoneAssessment {
        MilestoneProgress.assess(
            baselineValue: baseline?.1, baselineYear: baseline?.0,
            latestValue: latest?.1, latestYear: latest?.0,
            targetValue: target?.1, targetYear: target?.0, direction: direction)
    }

    // MARK: Achieved

    @Test func achievedWhenLatestPassesTheTarget() {
        #expect(assess((2018, 60), (2022, 71), (2026, 70), .higherIsBetter).status == .achieved)
        #expect(assess((2018, 60), (2022, 70), (2026, 70), .higherIsBetter).status == .achieved, "meeting counts")
        // UVAS 9.2 % in 2013; a target of 6 % by 2030 met in 2022.
        #expect(assess((2013, 9.2), (2022, 6), (2030, 6), .lowerIsBetter).status == .achieved)
        #expect(assess((2013, 9.2), (2022, 5.1), (2030, 6), .lowerIsBetter).status == .achieved)
    }

    /// Achieved wins even after the target year, and even when the baseline already met it.
    @Test func achievedWhateverTheRoute() {
        #expect(assess((2015, 50), (2024, 61), (2020, 60), .higherIsBetter).status == .achieved)
        #expect(assess((2015, 65), (2022, 62), (2030, 60), .higherIsBetter).status == .achieved)
    }

    @Test func achievedCarriesNoRates() {
        let a = assess((2018, 60), (2022, 71), (2026, 70), .higherIsBetter)
        #expect(a.model == nil && a.observedAnnualRate == nil && a.requiredAnnualRate == nil && a.progressRatio == nil)
    }

    // MARK: Deteriorating

    @Test func deterioratingWhenMovedAwayFromTheTarget() {
        #expect(assess((2018, 60), (2022, 58), (2026, 70), .higherIsBetter).status == .deteriorating)
        #expect(assess((2013, 9.2), (2022, 10.1), (2030, 6), .lowerIsBetter).status == .deteriorating)
    }

    /// The baseline met the target but the latest value has fallen short of it.
    @Test func deterioratingFromAnAchievedBaseline() {
        #expect(assess((2015, 80), (2022, 70), (2030, 75), .higherIsBetter).status == .deteriorating)
        #expect(assess((2015, 4), (2022, 7), (2030, 6), .lowerIsBetter).status == .deteriorating)
    }

    // MARK: On and off track, compound growth

    /// 50 → 60 from 2020 to 2030 needs 1.2^(1/10) − 1 ≈ 1.84 % a year.
    @Test func onTrackCompound() throws {
        let a = assess((2020, 50), (2024, 54), (2030, 60), .higherIsBetter)
        #expect(a.status == .onTrack)
        #expect(a.model == .compound)
        let observed = pow(1.08, 0.25) - 1
        let required = pow(1.2, 0.1) - 1
        #expect(abs(try #require(a.observedAnnualRate) - observed) < 1e-15)
        #expect(abs(try #require(a.requiredAnnualRate) - required) < 1e-15)
        #expect(abs(try #require(a.progressRatio) - observed / required) < 1e-12)
        #expect(a.progressRatio! > 1)
    }

    @Test func offTrackCompound() throws {
        let a = assess((2020, 50), (2024, 52), (2030, 60), .higherIsBetter)
        #expect(a.status == .offTrack)
        #expect(abs(try #require(a.progressRatio) - (pow(1.04, 0.25) - 1) / (pow(1.2, 0.1) - 1)) < 1e-12)
    }

    /// Lower is better: 20 → 10 from 2015 to 2030; both rates are reported as positive when
    /// moving towards the target.
    @Test func lowerIsBetterCompound() throws {
        let fast = assess((2015, 20), (2020, 15), (2030, 10), .lowerIsBetter)
        #expect(fast.status == .onTrack)
        #expect(abs(try #require(fast.requiredAnnualRate) - (1 - pow(0.5, 1.0 / 15))) < 1e-15)
        #expect(abs(try #require(fast.observedAnnualRate) - (1 - pow(0.75, 0.2))) < 1e-15)
        let slow = assess((2015, 20), (2020, 18), (2030, 10), .lowerIsBetter)
        #expect(slow.status == .offTrack)
        #expect(try #require(slow.progressRatio) > 0.4)
        #expect(slow.progressRatio! < 0.6, "Statistics Canada would call this limited progress")
    }

    @Test func noChangeIsOffTrack() {
        let a = assess((2018, 60), (2022, 60), (2026, 70), .higherIsBetter)
        #expect(a.status == .offTrack)
        #expect(a.progressRatio == 0)
    }

    // MARK: Linear fallback and the 95 % threshold

    /// A zero baseline has no compound rate: 0 → 40 over 10 years needs 4 a year; 19 after five
    /// years is 3.8 a year, exactly 95 % of it.
    @Test func ninetyFivePercentIsOnTrack() {
        let exactly = assess((2020, 0), (2025, 19), (2030, 40), .higherIsBetter)
        #expect(exactly.model == .linear)
        #expect(exactly.requiredAnnualRate == 4)
        #expect(exactly.progressRatio == 0.95)
        #expect(exactly.status == .onTrack)
        #expect(MilestoneProgress.onTrackRatio == 0.95)
        let justBelow = assess((2020, 0), (2025, 18.99), (2030, 40), .higherIsBetter)
        #expect(justBelow.status == .offTrack)
    }

    @Test func negativeValuesUseLinearChange() throws {
        // A net figure going from −10 to a target of +10 by 2030.
        let a = assess((2020, -10), (2024, -2), (2030, 10), .higherIsBetter)
        #expect(a.model == .linear)
        #expect(a.observedAnnualRate == 2)
        #expect(a.requiredAnnualRate == 2)
        #expect(a.status == .onTrack)
        // Lower is better with a zero target: 8 → 0 by 2030 needs 0.8 a year down.
        let b = assess((2020, 8), (2022, 7), (2030, 0), .lowerIsBetter)
        #expect(b.model == .linear)
        #expect(abs(try #require(b.requiredAnnualRate) - 0.8) < 1e-15)
        #expect(abs(try #require(b.progressRatio) - 0.625) < 1e-15)
        #expect(b.status == .offTrack)
    }

    // MARK: Target year

    /// In the target year, just short of the target: R ≈ 0.99, but the target was missed.
    @Test func targetYearReachedWithoutTheTargetIsOffTrack() throws {
        let a = assess((2015, 50), (2020, 59.9), (2020, 60), .higherIsBetter)
        #expect(try #require(a.progressRatio) > 0.95)
        #expect(a.status == .offTrack)
        #expect(assess((2015, 50), (2023, 59), (2020, 60), .higherIsBetter).status == .offTrack)
        #expect(assess((2015, 50), (2023, 49), (2020, 60), .higherIsBetter).status == .deteriorating)
    }

    // MARK: Not enough data

    @Test func notEnoughData() {
        let cases: [MilestoneAssessment] = [
            assess(nil, (2022, 71), (2026, 70), .higherIsBetter),
            assess((2018, 60), nil, (2026, 70), .higherIsBetter),
            assess((2018, 60), (2022, 65), nil, .higherIsBetter),
            assess((2022, 60), (2022, 65), (2026, 70), .higherIsBetter),  // same year
            assess((2022, 60), (2018, 65), (2026, 70), .lowerIsBetter),  // latest before baseline
            assess((2018, 60), (2022, 65), (2018, 70), .higherIsBetter),  // target year = baseline year
            assess((2018, .nan), (2022, 65), (2026, 70), .higherIsBetter),
            assess((2018, 60), (2022, .infinity), (2026, 70), .higherIsBetter),
        ]
        for a in cases {
            #expect(a == MilestoneAssessment(status: .notEnoughData))
        }
        // Partial year information, as the catalogue's optional fields allow.
        let noYear = MilestoneProgress.assess(
            baselineValue: 60, baselineYear: nil, latestValue: 65, latestYear: 2022,
            targetValue: 70, targetYear: 2026, direction: .higherIsBetter)
        #expect(noYear.status == .notEnoughData)
    }

    @Test func roundTripsThroughJSON() throws {
        let a = assess((2020, 50), (2024, 54), (2030, 60), .higherIsBetter)
        #expect(try JSONDecoder().decode(MilestoneAssessment.self, from: JSONEncoder().encode(a)) == a)
        #expect(
            MilestoneStatus.allCases.map(\.rawValue) == [
                "achieved", "onTrack", "offTrack", "deteriorating", "notEnoughData",
            ])
    }
}
