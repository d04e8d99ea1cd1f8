import Testing

@testable import SkillnadCore

@Suite("Participatory budget results by the published rule")
struct BudgetResultsTests {
    @Test("Greedy by votes within each heading's money; a project that does not fit is passed over")
    func greedy() {
        let headings = [
            BudgetHeading(id: "north", area: "n", amount: 1_000), BudgetHeading(id: "south", area: "s", amount: 500),
        ]
        let projects = [
            BallotProject(id: "a", heading: "north", cost: 600, proposedOrder: 1),
            BallotProject(id: "b", heading: "north", cost: 500, proposedOrder: 2),
            BallotProject(id: "c", heading: "north", cost: 300, proposedOrder: 3),
            BallotProject(id: "d", heading: "north", cost: 100, proposedOrder: 4),
            BallotProject(id: "e", heading: "south", cost: 500, proposedOrder: 5),
            BallotProject(id: "f", heading: "elsewhere", cost: 1, proposedOrder: 6),
        ]
        let votes = ["a": 90, "b": 80, "c": 70, "d": 0, "e": 10, "f": 1_000]
        let results = BudgetResults.compute(headings: headings, projects: projects, votes: votes)
        #expect(results.map(\.heading) == ["north", "south"])
        let north = results[0]
        #expect(north.lines.map(\.project) == ["a", "b", "c", "d"])
        // a fits (400 left); b does not and is passed over; c fits (100 left); d has no votes.
        #expect(north.lines.map(\.won) == [true, false, true, false])
        #expect(north.lines.map(\.left) == [400, 400, 100, 100])
        #expect(north.spent == 900)
        #expect(results[1].lines.map(\.won) == [true])
        #expect(results[1].spent == 500)
    }

    @Test("Ties: the cheaper first, then the one proposed earlier, then by id")
    func ties() {
        let headings = [BudgetHeading(id: "h", area: "x", amount: 1_000)]
        let projects = [
            BallotProject(id: "dyr", heading: "h", cost: 800, proposedOrder: 1),
            BallotProject(id: "billig", heading: "h", cost: 300, proposedOrder: 2),
            BallotProject(id: "sen", heading: "h", cost: 300, proposedOrder: 9),
            BallotProject(id: "z-tidig", heading: "h", cost: 300, proposedOrder: 0),
        ]
        let votes = ["dyr": 50, "billig": 50, "sen": 50, "z-tidig": 50]
        let lines = BudgetResults.compute(headings: headings, projects: projects, votes: votes)[0].lines
        #expect(lines.map(\.project) == ["z-tidig", "billig", "sen", "dyr"])
        #expect(lines.map(\.won) == [true, true, true, false])
    }
}
