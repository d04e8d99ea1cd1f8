import Fluent
import Foundation
import SkillnadCore

/// Answers enough for a city's whole history of referrals, for the full-text search benchmark
/// (`skillnad demo --scale answers`): on top of the city scale, 940 more generated rounds of 50
/// answers each, 50,000 answers in all, every one with a summary, question answers and comments
/// made of sentences the demo's example answers use, drawn at random, so the index holds real
/// Swedish words in realistic proportions.
enum AnswerScale {
    static let rounds = 940

    static func load(on db: any Database) async throws -> String {
        let index = CatalogueIndex(try await CatalogueLoader.load(from: db))
        let demo = try JSONDecoder().decode(ReferralDocument.self, from: Data(contentsOf: StaticFiles.demoReferrals))
        let sentences = demo.answers.flatMap { answer in
            [answer.summary, answer.furtherChallenges].compactMap { $0 } + (answer.questionAnswers ?? [])
                + answer.positions.flatMap { [$0.text, $0.prerequisites].compactMap { $0 } }
        }.flatMap { text in StatementSentences.ranges(text).map { String(text[$0]) } }
        guard !sentences.isEmpty else { throw CatalogueCommandError("the demo answers have no sentences") }
        let bodies = index.document.bodies.filter {
            [.districtCouncil, .specialistCommittee, .companyBoard].contains($0.kind)
        }.map(\.id)
        let reports = (1...CityScale.reports).map { "genererad-rapport-\($0)" }
        var random = CityScale.Random(state: 20_161_101)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in sentences[random.next(sentences.count)] }.joined(separator: " ")
        }
        var out = ReferralDocument()
        for number in 1...rounds {
            let report = reports[number % reports.count]
            let measures = (index.measuresByReport[report] ?? []).map(\.publicID)
            let recipients = Array(bodies.prefix(CityScale.answersPerRound))
            guard let day = Day(year: 2000 + number % 26, month: 1 + number % 12, day: 1 + number % 28) else {
                throw CatalogueCommandError("round \(number) has no valid date")
            }
            let id = "genererad-sokremiss-\(number)"
            out.rounds.append(
                .init(
                    id: id, title: "Genererad remiss för sökning \(number)", sender: "kommunstyrelsen", sentOn: day,
                    deadline: day, reports: [report], questions: ["Hur ser nämnden på analysen?"],
                    recipients: recipients.map { RecipientScope(body: $0, required: Array(measures.prefix(2))) }))
            for body in recipients {
                out.answers.append(
                    .init(
                        round: id, body: body, example: true, status: .submitted, decidedOn: day, submittedOn: day,
                        summary: text(3), questionAnswers: [text(2)],
                        positions: measures.prefix(2).map { measure in
                            .init(measure: measure, position: .supports, text: text(1))
                        }))
            }
        }
        try await ReferralStore.load(out, index: index, by: .system("demo"), on: db)
        return "Answer scale: \(out.rounds.count) more rounds, \(out.answers.count) more answers, "
            + "from \(sentences.count) sentences of the demo's answers."
    }
}
