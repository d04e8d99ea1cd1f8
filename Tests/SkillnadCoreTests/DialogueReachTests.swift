import Testing

@testable import SkillnadCore

/// Three areas worked by hand: `a` and `b` of area type 1 (1,000 and 3,000 residents, 1 and 2
/// dialogues), `c` of type 5 (2,000 residents, 3 dialogues), plus four that must be left out.
@Suite("DialogueReach")
struct DialogueReachTests {
    typealias Count = DialogueReach.AreaCount

    let counts: [Count] = [
        Count(id: "a", dialogues: 1, participants: 10, population: 1000, ordering: 1),
        Count(id: "x", dialogues: 2, participants: 5, population: nil, ordering: 1),
        Count(id: "b", dialogues: 2, participants: 30, population: 3000, ordering: 1),
        Count(id: "y", dialogues: 0, participants: 0, population: 0, ordering: 5),
        Count(id: "z", dialogues: 1, participants: 1, population: 500, ordering: nil),
        Count(id: "c", dialogues: 3, participants: 100, population: 2000, ordering: 5),
        Count(id: "w", dialogues: -1, participants: 0, population: 500, ordering: 3),
    ]

    private func close(_ value: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let value else {
            Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 1e-9, "\(value) is not \(expected)", sourceLocation: sourceLocation)
    }

    @Test func ratesPerThousandAndLeftOut() {
        let reach = DialogueReach.analyse(counts, ordering: .areaType)
        #expect(reach.areas.map(\.id) == ["a", "b", "c"])
        close(reach.areas[0].rates.dialoguesPer1000, 1)
        close(reach.areas[1].rates.dialoguesPer1000, 2.0 / 3.0)
        close(reach.areas[2].rates.dialoguesPer1000, 1.5)
        close(reach.areas[2].rates.participantsPer1000, 50)
        #expect(
            reach.leftOut == [
                .init(id: "x", reason: .noPopulation), .init(id: "y", reason: .noPopulation),
                .init(id: "z", reason: .noOrdering), .init(id: "w", reason: .invalidCount),
            ])
        // 6 dialogues and 140 participants over 6,000 residents.
        close(reach.total?.dialoguesPer1000, 1)
        close(reach.total?.participantsPer1000, 140.0 / 6.0)
    }

    /// Class 1 pools 3 dialogues over 4,000 residents: 0.75, not the mean of its rates (0.83).
    @Test func classesArePooledWorstOffFirst() {
        let reach = DialogueReach.analyse(counts, ordering: .areaType)
        #expect(reach.classes.map(\.value) == [1, 5])
        #expect(reach.classes.map(\.areaCount) == [2, 1])
        #expect(reach.classes.map(\.rates.dialogues) == [3, 3])
        #expect(reach.classes.map(\.rates.population) == [4000, 2000])
        close(reach.classes[0].rates.dialoguesPer1000, 0.75)
        close(reach.classes[1].rates.dialoguesPer1000, 1.5)
        close(reach.classes[0].rates.participantsPer1000, 10)
        close(reach.classes[1].rates.participantsPer1000, 50)
        close(reach.dialogues.bestOffToWorstOff, 2)
        close(reach.participants.bestOffToWorstOff, 5)
        close(reach.dialogues.classes?.ratio?.value, 2)
        #expect(reach.dialogues.classes?.areaCount == 2)
        #expect(reach.dialogues.classes?.best?.id == "5")
    }

    /// Weights 1/6, 3/6, 2/6; a and b share the worst-off rank, ridit 1/3; c has 5/6. With
    /// μ = 1 and x̄ = 1/2: Sxx = 1/18, Sxy = 1/12, so SII = 1.5, ŷ(0) = 0.25, ŷ(1) = 1.75, RII = 7.
    /// Participants (10, 10, 50 per 1,000): SII = 80 and ŷ(0) < 0, so no RII.
    @Test func slopeAndRelativeIndexByHand() {
        let reach = DialogueReach.analyse(counts, ordering: .areaType)
        #expect(reach.dialogues.areas.ranking == .rankingVariable)
        #expect(reach.dialogues.areas.weighted)
        close(reach.dialogues.areas.slopeIndexOfInequality?.value, 1.5)
        close(reach.dialogues.areas.relativeIndexOfInequality?.value, 7)
        close(reach.participants.areas.slopeIndexOfInequality?.value, 80)
        #expect(reach.participants.areas.relativeIndexOfInequality == nil)
    }

    /// The same numbers put through `Disparity.compute` directly give the very same result.
    @Test func sameAsTheDisparityMeasures() throws {
        let reach = DialogueReach.analyse(counts, ordering: .areaType)
        let inputs = try [("a", 1.0, 1000.0, 1.0), ("b", 2, 3000, 1), ("c", 3, 2000, 5)].map { area in
            try #require(
                DisparityInput.rate(id: area.0, numerator: area.1, denominator: area.2, per: 1000, rankBy: area.3))
        }
        #expect(reach.dialogues.areas == Disparity.compute(inputs, direction: .higherIsBetter))
        let classInputs = try [("1", 3.0, 4000.0, 1.0), ("5", 3, 2000, 5)].map { pooled in
            try #require(
                DisparityInput.rate(
                    id: pooled.0, numerator: pooled.1, denominator: pooled.2, per: 1000, rankBy: pooled.3))
        }
        #expect(reach.dialogues.classes == Disparity.compute(classInputs, direction: .higherIsBetter))
    }

    /// Unemployment where lower is better off ranks the same areas the same way as area types.
    @Test func lowerIsBetterOffContinuous() {
        let unemployment: [Double] = [8, 8, 2]
        let continuous = zip(["a", "b", "c"], unemployment).map { id, share in
            let count = counts.first { $0.id == id }
            return Count(
                id: id, dialogues: count?.dialogues ?? 0, participants: count?.participants ?? 0,
                population: count?.population, ordering: share)
        }
        let reach = DialogueReach.analyse(
            continuous, ordering: DialogueReach.Ordering(betterOff: .lowerIsBetter, isClasses: false))
        close(reach.dialogues.areas.slopeIndexOfInequality?.value, 1.5)
        close(reach.dialogues.areas.relativeIndexOfInequality?.value, 7)
        #expect(reach.classes.isEmpty)
        #expect(reach.dialogues.classes == nil)
        #expect(reach.dialogues.bestOffToWorstOff == nil)
        let asClasses = DialogueReach.analyse(
            continuous, ordering: DialogueReach.Ordering(betterOff: .lowerIsBetter, isClasses: true))
        #expect(asClasses.classes.map(\.value) == [8, 2])
        close(asClasses.dialogues.bestOffToWorstOff, 2)
    }

    @Test func noRatioWithoutTwoClassesOrWithoutDialoguesInTheWorstOff() {
        let one = DialogueReach.analyse(Array(counts.prefix(3)), ordering: .areaType)
        #expect(one.classes.count == 1)
        #expect(one.dialogues.bestOffToWorstOff == nil)
        let none = DialogueReach.analyse(
            [
                Count(id: "a", dialogues: 0, participants: 0, population: 1000, ordering: 1),
                Count(id: "c", dialogues: 2, participants: 9, population: 1000, ordering: 5),
            ], ordering: .areaType)
        #expect(none.dialogues.bestOffToWorstOff == nil)
        #expect(none.dialogues.classes?.ratio == nil)
        close(none.dialogues.areas.slopeIndexOfInequality?.value, 4)
    }

    @Test func nothingToCompare() {
        let reach = DialogueReach.analyse([], ordering: .areaType)
        #expect(reach.total == nil)
        #expect(reach.classes.isEmpty)
        #expect(reach.dialogues.areas.areaCount == 0)
        #expect(reach.dialogues.areas.slopeIndexOfInequality == nil)
    }

    @Test func seriesByYearOldestFirst() {
        let later = counts.map { count in
            Count(
                id: count.id, dialogues: count.id == "a" ? 3 : count.dialogues, participants: count.participants,
                population: count.population, ordering: count.ordering)
        }
        let series = DialogueReach.series([2024: later, 2023: counts], ordering: .areaType)
        #expect(series.map(\.year) == [2023, 2024])
        close(series[0].reach.dialogues.bestOffToWorstOff, 2)
        // 2024: class 1 pools 5 dialogues over 4,000 residents, 1.25; class 5 still 1.5.
        close(series[1].reach.classes.first?.rates.dialoguesPer1000, 1.25)
        close(series[1].reach.dialogues.bestOffToWorstOff, 1.2)
    }
}
