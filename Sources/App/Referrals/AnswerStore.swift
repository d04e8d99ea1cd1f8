import Fluent
import Foundation
import SkillnadCore
import SQLKit
import Vapor

/// Writes a body's answer: checks it against the round, moves it through draft → decided →
/// submitted (or declined), keeps a corrected submitted answer's earlier revision, and refuses a
/// save based on an older version than the stored one.
enum AnswerStore {
    static let maxAttachmentBytes = 20 * 1_048_576

    enum Action: String, Sendable { case save, decide, submit, decline, correct }

    /// The answer was not saved, for these reasons.
    struct Refused: Error {
        let problems: [AnswerProblem]
    }

    /// The answer was not saved: it changed since the editor opened it, or it is a public record.
    struct Conflict: AbortError {
        let problem: AnswerProblem
        var status: HTTPResponseStatus { .conflict }
        var reason: String { problem.text(Texts(.en)) }
    }

    struct NewAttachment: Sendable {
        let filename: String
        let data: Data
    }

    /// The file's type from its name and its first bytes (`DocumentFormat`), so a renamed image
    /// or program is refused.
    static func attachmentType(_ a: NewAttachment) -> Result<String, AnswerProblem> {
        guard let format = DocumentFormat(filename: a.filename) else {
            return .failure(.attachmentType(filename: a.filename))
        }
        guard !a.data.isEmpty else { return .failure(.attachmentEmpty(filename: a.filename)) }
        guard a.data.count <= maxAttachmentBytes else {
            let size = String(format: "%.2f", Double(a.data.count) / 1_048_576)
            return .failure(
                .attachmentTooLarge(filename: a.filename, megabytes: size, limit: maxAttachmentBytes / 1_048_576))
        }
        guard format.matches(a.data) else {
            return .failure(.attachmentNotReal(filename: a.filename, type: format.rawValue.uppercased()))
        }
        return .success(format.contentType)
    }

    /// Saves `answer` for its round and body with `action`, based on `version` (0: no answer yet).
    /// Returns the new version.
    /// - Parameter removing: attachments of the answer to remove; only from an answer that is not a public record.
    /// - Parameter statement: the statement the answer was drafted from, attached to it in the same transaction.
    static func save(
        _ answer: ReferralDocument.Answer, action: Action, version: Int, attachment: NewAttachment?,
        removing: [UUID] = [], statement: StatementStore.Source? = nil, index: CatalogueIndex,
        by actor: AuditActor, on db: any Database
    ) async throws -> Int {
        guard let data = try await ReferralStore.round(answer.round, on: db) else {
            throw Abort(.notFound, reason: "No round has the id '\(answer.round)'.")
        }
        var a = answer
        var problems: [AnswerProblem] = []
        switch action {
        case .decide:
            if a.decidedOn == nil { problems.append(.needDecidedOn) }
            a.status = .decided
        case .submit:
            if a.decidedOn == nil { problems.append(.needDecidedOn) }
            a.status = .submitted
            if a.submittedOn == nil { a.submittedOn = today() }
        case .decline:
            a.status = .declined
            if a.submittedOn == nil { a.submittedOn = today() }
        case .save, .correct:
            break
        }
        // Every action is checked against the round, a correction too: a body that is not on the
        // distribution list has nothing to correct.
        let doc = ReferralDocument(rounds: [data.round], answers: [a])
        problems += doc.problems(index).map { problem in
            var local = problem
            local.path = local.path.replacingOccurrences(of: "answers[0].", with: "")
            return .document(local)
        }
        var fileType: String?
        if let attachment {
            switch attachmentType(attachment) {
            case .success(let t): fileType = t
            case .failure(let m): problems.append(m)
            }
        }
        if !problems.isEmpty { throw Refused(problems: problems) }
        let final = a
        let type = fileType
        return try await CatalogueEditor.transaction(on: db) { tx -> Int in
            let existing = try await ReferralAnswer.query(on: tx).filter(\.$round.$id == data.id).filter(
                \.$body == final.body
            ).first()
            let m: ReferralAnswer
            if let existing {
                // Claim the version the editor saw: a second editor's older form is refused, not merged.
                guard let sql = tx as? any SQLDatabase else { throw Abort(.internalServerError) }
                let existingID = try existing.requireID()
                try await sql.update(ReferralAnswer.schema).set("version", to: SQLColumn("version"))
                    .where("id", .equal, SQLBind(existingID)).where("version", .equal, SQLBind(version)).run()
                guard let fresh = try await ReferralAnswer.find(existingID, on: tx), fresh.version == version else {
                    throw Conflict(problem: .conflict)
                }
                m = fresh
                if AnswerStatus(rawValue: m.$status.value ?? "")?.isFinal == true && action != .correct {
                    throw Conflict(problem: .locked)
                }
            } else {
                guard version == 0 else { throw Conflict(problem: .conflict) }
                // Only a submitted answer is corrected, and there is none yet.
                guard action != .correct else { throw Refused(problems: [.nothingToCorrect]) }
                m = ReferralAnswer()
                m.$round.id = data.id
                m.revision = 1
                m.version = 0
                m.example = false
            }
            let before = existing.map { ReferralStore.encode(data.answer(of: $0.body)?.answer) }
            if action == .correct {
                guard m.$status.value == AnswerStatus.submitted.rawValue, let answerID = m.id else {
                    throw Refused(problems: [.nothingToCorrect])
                }
                let r = ReferralAnswerRevision()
                r.$answer.id = answerID
                r.revision = m.revision
                r.snapshot = before ?? "{}"
                r.replacedAt = Date()
                try await r.create(on: tx)
                m.revision += 1
                m.status = AnswerStatus.draft.rawValue
                m.submittedOn = nil
            } else {
                ReferralStore.apply(final, to: m)
            }
            m.version += 1
            m.updatedAt = Date()
            try await m.save(on: tx)
            if action != .correct {
                // Confirmations belong to the public record: a draft (of a correction, say) leaves them be.
                if action == .submit {
                    try await JointAnswers.prune(answer: try m.requireID(), keeping: final.jointWith ?? [], on: tx)
                }
                let answerID = try m.requireID()
                try await ReferralPosition.query(on: tx).filter(\.$answer.$id == answerID).delete()
                try await final.positions.map { ReferralStore.position($0, answer: answerID) }.create(on: tx)
            }
            // Only attachments added since the last submitted revision may go: earlier ones are public records.
            if !removing.isEmpty, action != .correct {
                let answerID = try m.requireID()
                let since = try await ReferralAnswerRevision.query(on: tx).filter(\.$answer.$id == answerID)
                    .sort(\.$replacedAt, .descending).first()?.replacedAt
                var query = ReferralAttachment.query(on: tx).filter(\.$answer.$id == answerID).filter(\.$id ~~ removing)
                if let since { query = query.filter(\.$addedAt > since) }
                try await query.delete()
            }
            if let attachment, let type {
                let f = ReferralAttachment()
                f.$answer.id = try m.requireID()
                f.filename = attachment.filename
                f.contentType = type
                f.size = attachment.data.count
                f.data = attachment.data
                f.addedAt = Date()
                try await f.create(on: tx)
            }
            if let statement, action != .correct {
                do {
                    try await StatementStore.attach(
                        statement, roundID: data.id, body: final.body, answerID: try m.requireID(), on: tx)
                } catch let problem as StatementProblem {
                    throw Refused(problems: [.statement(problem)])
                }
            }
            if action != .correct { try await AnswerTexts.reindex(try m.requireID(), answer: final, on: tx) }
            try await Audit.record(
                action == .correct ? "correct" : (existing == nil ? "create" : "update"), objectType: "answer",
                objectID: "\(final.round)/\(final.body)", before: before, after: ReferralStore.encode(final), by: actor,
                on: tx)
            // Pages and downloads of rounds are cached per generation, in every server process.
            try await CatalogueState.advance(on: tx)
            return m.version
        }
    }
}
