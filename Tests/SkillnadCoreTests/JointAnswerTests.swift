import SkillnadCore
import Testing

@Suite("Joint answers in the compilation")
struct JointAnswerTests {
    static let recipients = [
        RecipientScope(body: "a", required: ["m1", "m2"]),
        RecipientScope(body: "b", required: ["m1"]),
    ]
    static func answer(confirmed: [String]) -> AnswerSummary {
        AnswerSummary(
            body: "a", status: .submitted, jointWith: ["b"], jointConfirmed: confirmed,
            positions: ["m1": PositionEntry(position: .supports), "m2": PositionEntry(position: .opposes)])
    }

    static func build(_ answers: [AnswerSummary]) -> Compilation {
        Compilation.build(
            measures: ["m1", "m2"], recipients: recipients, answers: answers,
            deadline: Day(year: 2024, month: 1, day: 1)!, today: Day(year: 2024, month: 6, day: 1)!,
            measuresOfReport: { _ in [] })
    }

    @Test("A body named in a joint answer counts as answered only once it has confirmed, and only within its own scope")
    func confirmation() {
        let unconfirmed = Self.build([Self.answer(confirmed: [])])
        let b = unconfirmed.recipients[1]
        #expect(b.answeredBy == nil && b.late && b.missingRequired == ["m1"])
        #expect(unconfirmed.rows[0].cells[1].entry == nil)
        #expect(unconfirmed.rows[0].counts[.supports] == 1)

        let confirmed = Self.build([Self.answer(confirmed: ["b"])])
        #expect(confirmed.recipients[1].answeredBy == "a" && !confirmed.recipients[1].late)
        #expect(confirmed.rows[0].cells[1].entry?.position == .supports)
        // m2 is outside b's scope: the joint answer's position there is a's alone.
        #expect(confirmed.rows[1].cells[1].entry == nil)
        #expect(confirmed.rows[1].counts[.opposes] == 1)
    }
}
