import Testing

@testable import SkillnadCore

@Suite("A participatory budget's phases by date")
struct BudgetScheduleTests {
    func day(_ text: String) throws -> Day { try #require(Day(text)) }

    @Test("Each phase from its first day; voting open all of its last day")
    func phases() throws {
        let schedule = BudgetSchedule(
            proposalsFrom: try day("2027-03-01"), reviewFrom: try day("2027-04-15"), votingFrom: try day("2027-05-10"),
            votingUntil: try day("2027-05-31"), implementationFrom: try day("2027-09-01"))
        try schedule.check()
        let expected: [(String, BudgetPhase)] = [
            ("2027-02-28", .announced), ("2027-03-01", .proposals), ("2027-04-14", .proposals),
            ("2027-04-15", .review), ("2027-05-10", .voting), ("2027-05-31", .voting), ("2027-06-01", .results),
            ("2027-09-01", .implementation),
        ]
        for (text, phase) in expected {
            #expect(schedule.phase(on: try day(text)) == phase, "\(text)")
        }
        #expect(BudgetPhase.review < .voting && !(BudgetPhase.results < .voting))
    }

    @Test("Days out of order are refused, naming the two")
    func outOfOrder() throws {
        let backwards = BudgetSchedule(
            proposalsFrom: try day("2027-03-01"), reviewFrom: try day("2027-02-01"), votingFrom: try day("2027-05-10"),
            votingUntil: try day("2027-05-31"))
        #expect(throws: BudgetSchedule.Problem.outOfOrder(earlier: "proposalsFrom", later: "reviewFrom")) {
            try backwards.check()
        }
        let buildingWhileVoting = BudgetSchedule(
            proposalsFrom: try day("2027-03-01"), reviewFrom: try day("2027-04-01"), votingFrom: try day("2027-05-10"),
            votingUntil: try day("2027-05-31"), implementationFrom: try day("2027-05-31"))
        #expect(throws: BudgetSchedule.Problem.outOfOrder(earlier: "votingUntil", later: "implementationFrom")) {
            try buildingWhileVoting.check()
        }
    }
}
