import SkillnadCore
import Testing

@Suite("Progress roll-up")
struct ProgressRollupTests {
    @Test("Weights are relative to the siblings': 1 and 3 weigh as 0.25 and 0.75, nobody makes them add up to 1")
    func relativeWeights() {
        let rollup = ProgressRollup([
            .init(progress: 100, status: .done, weight: 1),
            .init(progress: 20, status: .inProgress, weight: 3),
        ])
        #expect(rollup.progress == 40)
        #expect(rollup.percent == 40)
        let scaled = ProgressRollup([
            .init(progress: 100, status: .done, weight: 10),
            .init(progress: 20, status: .inProgress, weight: 30),
        ])
        #expect(scaled.progress == rollup.progress)
    }

    @Test("Cancelled assignments are counted but not weighed; nothing to weigh is no progress, not zero")
    func cancelled() {
        let rollup = ProgressRollup([
            .init(progress: 0, status: .cancelled),
            .init(progress: 60, status: .inProgress),
        ])
        #expect(rollup.progress == 60)
        #expect(rollup.counts[.cancelled] == 1)
        #expect(rollup.total == 2)
        #expect(ProgressRollup([.init(progress: 0, status: .cancelled)]).progress == nil)
        #expect(ProgressRollup([]).progress == nil)
    }

    @Test("Groups roll up one level at their own progress and weight, and their counts add up")
    func groups() {
        let first = ProgressRollup([.init(progress: 100, status: .done), .init(progress: 100, status: .done)])
        let second = ProgressRollup([.init(progress: 0, status: .notStarted)])
        let year = ProgressRollup(groups: [(first, 1), (second, 1)])
        #expect(year.progress == 50)
        #expect(year.counts[.done] == 2)
        #expect(year.counts[.notStarted] == 1)
        #expect(year.total == 3)
        let empty = ProgressRollup(groups: [(first, 1), (ProgressRollup([]), 5)])
        #expect(empty.progress == 100)
    }

    @Test("A status proposes a progress, and done or not started contradict any other")
    func statusCatalogue() {
        #expect(FollowUpStatus.done.defaultProgress == 100)
        #expect(FollowUpStatus.notStarted.defaultProgress == 0)
        #expect(FollowUpStatus.done.contradicts(progress: 99))
        #expect(!FollowUpStatus.done.contradicts(progress: 100))
        #expect(FollowUpStatus.notStarted.contradicts(progress: 5))
        #expect(!FollowUpStatus.delayed.contradicts(progress: 5))
    }

    @Test("A decision is checked against the catalogue and its kind, every problem by field")
    func decisionProblems() throws {
        var document = CatalogueDocument()
        document.bodies = [
            BodyRecord(id: "kommunfullmaktige", name: "Kommunfullmäktige", kind: .council),
            BodyRecord(id: "skarholmen", name: "Skärholmens stadsdelsnämnd", kind: .districtCouncil),
        ]
        document.reports = [ReportRecord(id: "dold-potential", title: "Dold potential", year: 2016)]
        document.measures = [MeasureRecord(report: "dold-potential", code: "A.2.3.1", title: "Språkstöd")]
        let index = CatalogueIndex(document)
        let read = BudgetDecisionValues.read(
            budgetYear: "2018", measure: "dold-potential-a-2-3-1", kind: "assigned", decidedOn: "2015-06-01",
            decidingBody: "kommunfullmaktige", diaryNumber: nil, bodies: [" skarholmen ", "skarholmen"], text: nil,
            amount: nil, funding: nil, postponedTo: nil)
        let decision = try read.get()
        #expect(decision.bodies == ["skarholmen"])
        let problems = decision.problems(index, budgetYears: [2017])
        #expect(problems.map(\.field) == ["budgetYear", "decidedOn"])
        var financed = decision
        financed.kind = .financed
        financed.decidedOn = Day(year: 2017, month: 11, day: 20) ?? .epoch
        #expect(financed.problems(index, budgetYears: [2018]).map(\.field) == ["amount", "funding"])
        let bad = BudgetDecisionValues.read(
            budgetYear: "tjugo", measure: "", kind: "approved", decidedOn: "20 nov", decidingBody: nil,
            diaryNumber: nil, bodies: [], text: nil, amount: "12 €", funding: "lottery", postponedTo: nil)
        guard case .failure(let found) = bad else {
            Issue.record("a decision with six bad fields was read")
            return
        }
        #expect(
            Set(found.problems.map(\.field))
                == ["budgetYear", "measure", "kind", "decidedOn", "decidingBody", "amount", "funding"])
    }
}
