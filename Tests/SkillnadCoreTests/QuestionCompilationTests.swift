import Foundation
import Testing

@testable import SkillnadCore

/// The standard questions compiled: each question's answers in the given order, the bodies silent
/// on it, and the further challenges grouped by the word (stem) several bodies use.
@Suite("Referrals: the standard questions compiled")
struct QuestionCompilationTests {
    @Test("Answers per question in order; silent bodies named; challenges grouped by a shared stem")
    func compile() {
        let compiled = QuestionCompilation.make(
            questions: ["Hur ser nämnden på analysen?", "Vilka utmaningar ser nämnden?"],
            answers: [
                (
                    "socialnamnden", ["Analysen stämmer.", ""],
                    "Hemlösheten bland barnfamiljer ökar. Vi vill lyfta ensamkommande."
                ),
                ("skarholmen-stadsdelsnamnd", ["Vi delar bilden.", "Trångboddhet."], "Hemlöshet och trångboddhet."),
                ("kulturnamnden", [], "Biblioteken behöver öppettider på kvällar."),
            ])
        #expect(compiled.questions.map(\.number) == [1, 2])
        #expect(compiled.questions[0].answers.map(\.body) == ["socialnamnden", "skarholmen-stadsdelsnamnd"])
        #expect(compiled.questions[0].silent == ["kulturnamnden"])
        #expect(compiled.questions[1].answers.map(\.text) == ["Trångboddhet."])
        // "hemlösheten" and "hemlöshet" share the stem "hemlös": one theme of two bodies.
        #expect(compiled.themes.count == 1)
        let theme = compiled.themes[0]
        #expect(SwedishStemmer.stem(theme.word) == SwedishStemmer.stem("hemlöshet"))
        #expect(theme.bodies == ["socialnamnden", "skarholmen-stadsdelsnamnd"])
        #expect(compiled.others.map(\.body) == ["socialnamnden", "kulturnamnden"])
        #expect(compiled.others.first?.sentence == "Vi vill lyfta ensamkommande.")
    }

    @Test("Challenges that share only generic words stay apart")
    func generic() {
        let compiled = QuestionCompilation.make(
            questions: [],
            answers: [
                ("a", [], "En utmaning för staden är segregationen."),
                ("b", [], "En annan utmaning för staden är trafiken."),
            ])
        #expect(compiled.themes.isEmpty)
        #expect(compiled.others.count == 2)
    }
}
