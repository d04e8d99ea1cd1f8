import Foundation
import SkillnadCore

/// Why an answer cannot be saved as asked.
enum AnswerProblem: Error, WordedProblem, Equatable {
    /// Deciding or submitting needs the date of the decision.
    case needDecidedOn
    /// Declining needs the reason (skälet), which is published with it.
    case needDeclineReason
    /// Only a submitted answer can be corrected.
    case nothingToCorrect
    /// Someone saved the answer after the editor opened it.
    case conflict
    /// A submitted or declined answer changes only through a correction.
    case locked
    case notADate(field: String, value: String)
    case unknownPosition(measure: String, value: String)
    case attachmentType(filename: String)
    case attachmentEmpty(filename: String)
    case attachmentTooLarge(filename: String, megabytes: String, limit: Int)
    case attachmentNotReal(filename: String, type: String)
    /// The answer does not fit its round (a measure not in it, a body not on the list, …), with
    /// where; these checks are shared with the referral files.
    case document(CatalogueProblem)
    /// The statement the form was filled from could not be attached.
    indirect case statement(StatementProblem)

    func text(_ texts: Texts) -> String {
        switch self {
        case .needDecidedOn: texts[.needDecidedOn]
        case .needDeclineReason: texts[.needDeclineReason]
        case .nothingToCorrect: texts[.nothingToCorrect]
        case .conflict: texts[.answerConflict]
        case .locked: texts[.answerLocked]
        case .notADate(let field, let value): Strings.fill(texts[.problemNotADate], field, value)
        case .unknownPosition(let measure, let value): Strings.fill(texts[.problemUnknownPosition], measure, value)
        case .attachmentType(let filename): Strings.fill(texts[.problemAttachmentType], filename)
        case .attachmentEmpty(let filename): Strings.fill(texts[.problemAttachmentEmpty], filename)
        case .attachmentTooLarge(let filename, let megabytes, let limit):
            Strings.fill(texts[.problemAttachmentTooLarge], filename, megabytes, String(limit))
        case .attachmentNotReal(let filename, let type): Strings.fill(texts[.problemAttachmentNotReal], filename, type)
        case .document(let problem): texts.description(problem)
        case .statement(let problem): problem.text(texts)
        }
    }
}
