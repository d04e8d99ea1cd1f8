import Fluent
import Foundation
import SQLKit
import SkillnadCore

/// The answers' texts as the full-text index holds them (`answer_texts`): a row per paragraph of
/// what a body wrote (summary, proposed decision, question answers, challenges, the reason it
/// declined, each position's comment and prerequisites) and of the statement it was drafted
/// from. Rebuilt for an answer whenever it is saved.
enum AnswerTexts {
    /// Where in an answer a paragraph stands.
    enum Kind: String, Sendable, CaseIterable {
        case summary, decision, question, challenge, decline, position, prerequisite, statement
    }

    struct Entry: Sendable, Equatable {
        let kind: Kind
        /// The measure a position's text is about, or the question's number.
        let measure: String?
        let text: String
    }

    /// Every paragraph worth finding, in the answer's order.
    static func entries(_ answer: ReferralDocument.Answer, statements: [StatementText]) -> [Entry] {
        func paragraphs(_ text: String?, _ kind: Kind, _ measure: String? = nil) -> [Entry] {
            (text ?? "").components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.map { Entry(kind: kind, measure: measure, text: $0) }
        }
        var entries = paragraphs(answer.summary, .summary) + paragraphs(answer.proposedDecision, .decision)
        for (number, text) in (answer.questionAnswers ?? []).enumerated() {
            entries += paragraphs(text, .question, "\(number + 1)")
        }
        entries += paragraphs(answer.furtherChallenges, .challenge) + paragraphs(answer.declineReason, .decline)
        for position in answer.positions {
            entries += paragraphs(position.text, .position, position.measure)
            entries += paragraphs(position.prerequisites, .prerequisite, position.measure)
        }
        for statement in statements {
            entries += statement.paragraphs.map(\.text).filter { !$0.isEmpty }.map {
                Entry(kind: .statement, measure: nil, text: $0)
            }
        }
        return entries
    }

    /// Replaces the index rows of one answer; inside the transaction that saved it.
    static func reindex(_ answerID: UUID, answer: ReferralDocument.Answer, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: "answer_texts").where("answer_id", .equal, SQLBind(answerID)).run()
        let statements = try await ReferralStatement.query(on: db).filter(\.$answer.$id == answerID).all()
            .compactMap { try? StatementStore.text(of: $0) }
        let rows = entries(answer, statements: statements)
        // A few hundred rows per statement: in batches well under the databases' bind limits.
        for batch in stride(from: 0, to: rows.count, by: 200) {
            let part = rows[batch..<min(rows.count, batch + 200)]
            var insert = sql.insert(into: "answer_texts").columns("answer_id", "kind", "measure", "text", "stems")
            for entry in part {
                insert = insert.values([
                    SQLBind(answerID), SQLBind(entry.kind.rawValue), SQLBind(entry.measure), SQLBind(entry.text),
                    SQLBind(SwedishStemmer.lexemes(entry.text).joined(separator: " ")),
                ])
            }
            try await insert.run()
        }
    }

    /// Rebuilds the index rows of every answer of every round (after the import of a referral file,
    /// and once when the index is made).
    static func rebuild(on db: any Database) async throws {
        for (round, _) in try await ReferralStore.rounds(on: db) {
            guard let data = try await ReferralStore.round(round.id, on: db) else { continue }
            for stored in data.answers {
                try await reindex(stored.id, answer: stored.answer, on: db)
            }
        }
    }
}
