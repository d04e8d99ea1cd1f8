import Foundation
import SkillnadCore

/// Why a statement was not read into an answer; nothing is kept when there is one.
enum StatementProblem: Error, WordedProblem, Equatable {
    case noFile
    /// The file is not what an attachment may be (type, size, content).
    case file(AnswerProblem)
    case unreadable(StatementReadProblem, fileName: String)
    /// It discusses reports of which none is in the round.
    case otherRound(reports: String, round: String)
    /// It cites the referral's diary number, and that is not the round's.
    case otherReferral(cited: String, round: String)
    /// Already saved in an answer, or removed with its round.
    case gone

    func text(_ texts: Texts) -> String {
        switch self {
        case .noFile: texts[.problemNoFile]
        case .file(let problem): problem.text(texts)
        case .unreadable(let problem, let fileName): Self.text(problem.reason, fileName: fileName, texts)
        case .otherRound(let reports, let round): Strings.fill(texts[.problemOtherRound], reports, round)
        case .otherReferral(let cited, let round): Strings.fill(texts[.problemOtherReferral], cited, round)
        case .gone: texts[.problemStatementGone]
        }
    }

    static func text(_ reason: StatementReadProblem.Reason, fileName: String, _ texts: Texts) -> String {
        switch reason {
        case .unknownFormat: Strings.fill(texts[.problemUnknownFormat], fileName)
        case .compoundFile: texts[.problemCompoundFile]
        case .encryptedPDF: texts[.problemEncryptedPDF]
        case .corrupt(let detail): Strings.fill(texts[.problemCorrupt], detail)
        case .tooLarge(let limit): Strings.fill(texts[.problemTooLarge], "\(limit / 1_000_000)")
        case .tooManyPages(let pages, let limit): Strings.fill(texts[.problemTooManyPages], "\(pages)", "\(limit)")
        case .noTextLayer(let pages): Strings.fill(texts[.problemNoTextLayer], "\(pages)")
        case .notUTF8(let line): Strings.fill(texts[.problemNotUTF8], "\(line)")
        case .pdfToolMissing: texts[.problemPDFToolMissing]
        }
    }
}
