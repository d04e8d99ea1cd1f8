import Testing

@testable import SkillnadCore

@Suite("Participatory budget ballots checked against the rule")
struct BallotCheckTests {
    let heading = BudgetHeading(id: "rinkeby", area: "rinkeby", amount: 1_000_000, population: 16_000)
    let projects: [String: BallotProject] = Dictionary(
        uniqueKeysWithValues: [
            BallotProject(id: "park", heading: "rinkeby", cost: 600_000, proposedOrder: 1),
            BallotProject(id: "bänkar", heading: "rinkeby", cost: 150_000, proposedOrder: 2),
            BallotProject(id: "belysning", heading: "rinkeby", cost: 300_000, proposedOrder: 3),
            BallotProject(id: "skatepark", heading: "tensta", cost: 200_000, proposedOrder: 4),
            BallotProject(id: "enorm", heading: "rinkeby", cost: Int.max - 10, proposedOrder: 5),
        ].map { ($0.id, $0) })

    func check(_ chosen: [String], _ rule: BallotRule) throws(BallotProblem) -> [String] {
        try BallotCheck.check(chosen, heading: heading, rule: rule, projects: projects).map(\.id)
    }

    @Test("Knapsack: within the amount, at the amount exactly, over it; a minimum share")
    func knapsack() throws {
        #expect(try check(["park", "bänkar"], .knapsack(minimumShare: nil)) == ["park", "bänkar"])
        #expect(throws: BallotProblem.overAmount(total: 1_050_000, amount: 1_000_000)) {
            try check(["park", "bänkar", "belysning"], .knapsack(minimumShare: nil))
        }
        let atAmount = BallotProject(id: "allt", heading: "rinkeby", cost: 1_000_000, proposedOrder: 9)
        var withAll = projects
        withAll["allt"] = atAmount
        #expect(
            try BallotCheck.check(["allt"], heading: heading, rule: .knapsack(minimumShare: nil), projects: withAll)
                .map(\.id) == ["allt"])
        #expect(throws: BallotProblem.underMinimumShare(total: 150_000, required: 500_000)) {
            try check(["bänkar"], .knapsack(minimumShare: 0.5))
        }
        #expect(try check(["park"], .knapsack(minimumShare: 0.5)) == ["park"])
        // Costs that overflow when added are over any amount, never a wrapped small sum.
        #expect(throws: BallotProblem.overAmount(total: Int.max, amount: 1_000_000)) {
            try check(["enorm", "park"], .knapsack(minimumShare: nil))
        }
    }

    @Test("Approval: at most N, at least M")
    func approval() throws {
        #expect(try check(["park", "bänkar", "belysning"], .approval(maximum: 3, minimum: nil)).count == 3)
        #expect(throws: BallotProblem.tooMany(chosen: 3, maximum: 2)) {
            try check(["park", "bänkar", "belysning"], .approval(maximum: 2, minimum: nil))
        }
        #expect(throws: BallotProblem.tooFew(chosen: 1, minimum: 2)) {
            try check(["park"], .approval(maximum: 3, minimum: 2))
        }
    }

    @Test("Refused: empty, unknown, another heading's project, the same project twice")
    func refused() throws {
        #expect(throws: BallotProblem.empty) { try check([], .knapsack(minimumShare: nil)) }
        #expect(throws: BallotProblem.unknownProject("fontän")) { try check(["fontän"], .knapsack(minimumShare: nil)) }
        #expect(throws: BallotProblem.otherHeading(project: "skatepark", heading: "tensta")) {
            try check(["skatepark"], .knapsack(minimumShare: nil))
        }
        #expect(throws: BallotProblem.sameProjectTwice("bänkar")) {
            try check(["bänkar", "bänkar"], .approval(maximum: 5, minimum: nil))
        }
    }
}
