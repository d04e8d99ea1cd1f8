import Fluent
import Foundation
import SkillnadCore
import SQLKit

/// A round as pages and the API read it, with its distribution list and every answer.
struct LoadedRound: Sendable {
    let id: UUID
    let round: ReferralDocument.Round
    let version: Int
    let deadlines: [(deadline: String, changedAt: Date, changedBy: String, reason: String?)]
    let answers: [LoadedAnswer]

    struct LoadedAnswer: Sendable {
        let id: UUID
        let answer: ReferralDocument.Answer
        let revision: Int
        let version: Int
        let updatedAt: Date
        let attachments: [(id: UUID, filename: String, size: Int, addedAt: Date)]
        /// Earlier submitted revisions, as they were.
        let revisions: [(revision: Int, replacedAt: Date, answer: ReferralDocument.Answer?)]

        /// The answer as a public record: itself once submitted or declined; while a submitted
        /// answer is being corrected, the revision it corrects, which stays public until the
        /// correction is submitted; nil before anything was submitted.
        var published: ReferralDocument.Answer? {
            if answer.status.isFinal { return answer }
            guard var last = revisions.last(where: { $0.answer != nil })?.answer else { return nil }
            last.status = .submitted
            last.jointConfirmed = answer.jointConfirmed
            return last
        }

        /// When the public record was replaced by a correction in progress (nil when it is the answer itself).
        var correctionStarted: Date? {
            answer.status.isFinal ? nil : revisions.last?.replacedAt
        }

        /// The public record's revision: the answer's own, or the one a correction under way corrects.
        var publishedRevision: Int { correctionStarted == nil ? revision : revision - 1 }

        /// The public record's attachments: those added to a correction under way are not public yet.
        var publishedAttachments: [(id: UUID, filename: String, size: Int, addedAt: Date)] {
            guard let started = correctionStarted else { return attachments }
            return attachments.filter { $0.addedAt <= started }
        }
    }

    func answer(of body: String) -> LoadedAnswer? { answers.first { $0.answer.body == body } }

    /// The compilation of the public records as of `today`: submitted and declined answers, and
    /// for an answer being corrected, the revision it corrects.
    func compilation(_ index: CatalogueIndex, today: Day) -> Compilation {
        let measures = round.reports.flatMap { index.publicIDsByReport[$0] ?? [] }
        let summaries = answers.map { stored in
            let a = stored.published ?? stored.answer
            return AnswerSummary(
                body: a.body, status: a.status, jointWith: a.jointWith ?? [],
                jointConfirmed: stored.answer.jointConfirmed ?? [],
                positions: Dictionary(
                    a.positions.map {
                        (
                            $0.measure,
                            PositionEntry(
                                position: $0.position, alreadyWorks: $0.alreadyWorks, prerequisites: $0.prerequisites,
                                text: $0.text)
                        )
                    }, uniquingKeysWith: { a, _ in a }))
        }
        return Compilation.build(
            measures: measures, recipients: round.recipients, answers: summaries, deadline: round.deadline,
            today: today,
            measuresOfReport: { index.publicIDsByReport[$0] ?? [] })
    }

    /// The standard questions' compilation over the submitted answers (public records), in the
    /// distribution list's order.
    var questionCompilation: QuestionCompilation {
        let order = Dictionary(
            round.recipients.enumerated().map { ($1.body, $0) }, uniquingKeysWith: { first, _ in first })
        let published = answers.compactMap(\.published).filter { $0.status == .submitted }
            .sorted { (order[$0.body] ?? .max, $0.body) < (order[$1.body] ?? .max, $1.body) }
        return QuestionCompilation.make(
            questions: round.questions,
            answers: published.map { ($0.body, $0.questionAnswers ?? [], $0.furtherChallenges) })
    }
}
