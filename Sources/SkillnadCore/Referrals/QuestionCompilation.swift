import Foundation

/// The compilation of a round's standard questions (sammanställning av frågesvaren): per
/// question what each body answered, in the distribution list's order, and the further
/// challenges the bodies raised, grouped where they name the same thing.
public struct QuestionCompilation: Sendable, Equatable {
    public struct Answer: Sendable, Equatable {
        public var body: String
        public var text: String
    }

    public struct Question: Sendable, Equatable {
        public var number: Int
        public var question: String
        public var answers: [Answer]
        /// Bodies that answered the round but not this question.
        public var silent: [String]
    }

    /// A sentence of one body's further challenges.
    public struct Challenge: Sendable, Equatable {
        public var body: String
        public var sentence: String
    }

    /// Challenges of at least two bodies that share a word (its stem): "hemlösheten" and
    /// "hemlöshet" are one theme.
    public struct Theme: Sendable, Equatable {
        /// The word as the bodies most often wrote it.
        public var word: String
        public var bodies: [String]
        public var challenges: [Challenge]
    }

    public var questions: [Question]
    public var themes: [Theme]
    /// Challenges that share no theme with another body's.
    public var others: [Challenge]

    /// Words that every challenge uses and that name no theme of their own.
    static let generic: Set<String> = [
        "utmaning", "stad", "stadens", "förvaltning", "nämnd", "rapport", "arbet", "verksam", "stockholm",
        "kommission", "område", "behov", "särskild", "lyft", "ytterlig", "viktig", "fler", "stor", "också",
        "bland", "inom", "även", "saknar", "vill",
    ].reduce(into: Set<String>()) { set, word in set.insert(SwedishStemmer.stem(word)) }

    /// - Parameter answers: the answers that are public records, as body, question answers and
    ///   further challenges, in the order of the distribution list.
    public static func make(
        questions: [String], answers: [(body: String, questionAnswers: [String], furtherChallenges: String?)]
    ) -> QuestionCompilation {
        let compiled = questions.enumerated().map { number, question in
            var given: [Answer] = []
            var silent: [String] = []
            for answer in answers {
                let text = answer.questionAnswers.indices.contains(number) ? answer.questionAnswers[number] : ""
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty {
                    silent.append(answer.body)
                } else {
                    given.append(Answer(body: answer.body, text: trimmed))
                }
            }
            return Question(number: number + 1, question: question, answers: given, silent: silent)
        }
        var challenges: [Challenge] = []
        for answer in answers {
            guard let text = answer.furtherChallenges else { continue }
            for range in StatementSentences.ranges(text) {
                let sentence = text[range].trimmingCharacters(in: .whitespacesAndNewlines)
                if !sentence.isEmpty { challenges.append(Challenge(body: answer.body, sentence: sentence)) }
            }
        }
        let (themes, others) = group(challenges)
        return QuestionCompilation(questions: compiled, themes: themes, others: others)
    }

    /// Each challenge joins the theme shared by the most bodies among the words it uses.
    static func group(_ challenges: [Challenge]) -> ([Theme], [Challenge]) {
        let stems = challenges.map { challenge in words(challenge.sentence) }
        var bodiesByStem: [String: Set<String>] = [:]
        var writtenByStem: [String: [String: Int]] = [:]
        for (challenge, words) in zip(challenges, stems) {
            for (stem, written) in words {
                bodiesByStem[stem, default: []].insert(challenge.body)
                writtenByStem[stem, default: [:]][written, default: 0] += 1
            }
        }
        var byTheme: [String: [Challenge]] = [:]
        var others: [Challenge] = []
        for (challenge, words) in zip(challenges, stems) {
            let shared = Set(words.map(\.stem)).filter { (bodiesByStem[$0]?.count ?? 0) >= 2 }
            let best = shared.max { left, right in
                let leftCount: Int = bodiesByStem[left]?.count ?? 0
                let rightCount: Int = bodiesByStem[right]?.count ?? 0
                return leftCount == rightCount ? left > right : leftCount < rightCount
            }
            if let best { byTheme[best, default: []].append(challenge) } else { others.append(challenge) }
        }
        var themes: [Theme] = []
        for (stem, members) in byTheme {
            let written = writtenByStem[stem] ?? [:]
            let word =
                written.max { left, right in
                    left.value == right.value ? left.key > right.key : left.value < right.value
                }?.key ?? stem
            var bodies: [String] = []
            for member in members where !bodies.contains(member.body) { bodies.append(member.body) }
            themes.append(Theme(word: word, bodies: bodies, challenges: members))
        }
        themes.sort { left, right in
            left.bodies.count == right.bodies.count ? left.word < right.word : left.bodies.count > right.bodies.count
        }
        // A theme one body alone ended up with is no theme.
        let kept = themes.filter { $0.bodies.count >= 2 }
        let alone = themes.filter { $0.bodies.count < 2 }.flatMap { $0.challenges }
        return (kept, others + alone)
    }

    /// The content words of a sentence: each with its stem, as written (lower case), leaving out
    /// stop words, short words and the generic ones.
    static func words(_ sentence: String) -> [(stem: String, written: String)] {
        sentence.lowercased().split { !$0.isLetter }.map(String.init).compactMap { word in
            guard word.count >= 5, !SwedishStemmer.stopWords.contains(word) else { return nil }
            let stem = SwedishStemmer.stem(word)
            return generic.contains(stem) ? nil : (stem, word)
        }
    }
}
