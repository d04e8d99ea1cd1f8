import Foundation
import SkillnadCore

/// The standard questions in a compilation, on screen and on paper: per question what each body
/// answered, side by side, and the further challenges grouped where bodies name the same thing.
struct QuestionsPart: Encodable, Sendable {
    struct Answer: Encodable, Sendable {
        let body: String
        let bodyLang: String
        let text: String
    }
    struct Question: Encodable, Sendable {
        let id: String
        let number: String
        let question: String
        let answers: [Answer]
        let silent: [LocalText]
        let hasAnswers: Bool
        let hasSilent: Bool
    }
    struct Theme: Encodable, Sendable {
        let word: String
        let bodies: String
        let challenges: [Answer]
    }

    let questions: [Question]
    let themes: [Theme]
    let others: [Answer]
    let hasThemes: Bool
    let hasOthers: Bool
    let csvExcel: String
    let csvPlain: String

    /// Nil for a round without standard questions.
    static func build(_ data: LoadedRound, _ index: CatalogueIndex, _ lang: Lang) -> QuestionsPart? {
        guard !data.round.questions.isEmpty else { return nil }
        let compiled = data.questionCompilation
        let texts = Texts(lang)
        func name(_ body: String) -> LocalText { localBodyName(body, index, lang) }
        func answer(_ body: String, _ text: String) -> Answer {
            let local = name(body)
            return Answer(body: local.text, bodyLang: local.lang, text: text)
        }
        let base = SiteURL.Referrals.questionsCSV(.value(data.round.id)).path
        return QuestionsPart(
            questions: compiled.questions.map { question in
                Question(
                    id: "q-\(question.number)", number: "\(question.number)", question: question.question,
                    answers: question.answers.map { answer($0.body, $0.text) }, silent: question.silent.map(name),
                    hasAnswers: !question.answers.isEmpty, hasSilent: !question.silent.isEmpty)
            },
            themes: compiled.themes.map { theme in
                Theme(
                    word: theme.word,
                    bodies: texts.count(theme.bodies.count, StatementReviewText.bodyOne, StatementReviewText.bodyMany),
                    challenges: theme.challenges.map { answer($0.body, $0.sentence) })
            },
            others: compiled.others.map { answer($0.body, $0.sentence) },
            hasThemes: !compiled.themes.isEmpty, hasOthers: !compiled.others.isEmpty,
            csvExcel: base + "?variant=excel", csvPlain: base)
    }

    static let csvHeader = ["round", "body", "body_name", "part", "number", "question_or_theme", "text"]

    /// The compilation as CSV rows: every answer to every question, then every challenge with its theme.
    static func rows(_ data: LoadedRound, _ index: CatalogueIndex) -> [[String]] {
        let compiled = data.questionCompilation
        let name: (String) -> String = { index.bodyByID[$0]?.name ?? $0 }
        var rows: [[String]] = []
        for question in compiled.questions {
            for answer in question.answers {
                rows.append([
                    data.round.id, answer.body, name(answer.body), "question", "\(question.number)", question.question,
                    answer.text,
                ])
            }
        }
        for theme in compiled.themes {
            for challenge in theme.challenges {
                rows.append([
                    data.round.id, challenge.body, name(challenge.body), "challenge", "", theme.word,
                    challenge.sentence,
                ])
            }
        }
        for challenge in compiled.others {
            rows.append([data.round.id, challenge.body, name(challenge.body), "challenge", "", "", challenge.sentence])
        }
        return rows
    }
}
