import SkillnadCore
import Vapor

/// Why a referral round cannot be saved as asked.
enum RoundProblem: Error, WordedProblem, Equatable {
    /// A field of the round form, for saying where a problem is.
    enum Field: Equatable, Sendable {
        case title, sentOn, deadline, requiredAll, invitedAll
        /// The measures one body is asked about, on its line of the per-body list.
        case body(String)
    }

    case required(Field)
    case notADate(Field, value: String)
    case noReports
    case noMeasure(Field, value: String)
    case unknownBody(String)
    case noRecipients
    /// Someone saved the round after the editor opened it.
    case conflict(stored: Int, yours: Int)
    case exists(id: String)
    /// The round does not fit the catalogue (checks shared with the referral files).
    case document(CatalogueProblem)

    func text(_ texts: Texts) -> String {
        switch self {
        case .required(let field): "\(label(field, texts)): \(texts[.required])"
        case .notADate(let field, let value): Strings.fill(texts[.problemNotADate], label(field, texts), value)
        case .noReports: texts[.problemNoReports]
        case .noMeasure(let field, let value): Strings.fill(texts[.problemNoMeasure], label(field, texts), value)
        case .unknownBody(let body): Strings.fill(texts[.problemUnknownBody], texts[.perBody], body)
        case .noRecipients: Strings.fill(texts[.problemNoRecipients], texts[.distribution])
        case .conflict(let stored, let yours): Strings.fill(texts[.problemRoundConflict], String(stored), String(yours))
        case .exists(let id): Strings.fill(texts[.problemRoundExists], id)
        case .document(let problem): texts.description(problem)
        }
    }

    private func label(_ field: Field, _ texts: Texts) -> String {
        switch field {
        case .title: texts[.titleLabel]
        case .sentOn: texts[.sentOn]
        case .deadline: texts[.deadlineLabel]
        case .requiredAll: texts[.requiredAll]
        case .invitedAll: texts[.invitedAll]
        case .body(let body): body
        }
    }
}

extension ReferralRounds {
    /// The round was not saved: it changed since the editor opened it, or its id is taken.
    struct Conflict: AbortError {
        let problem: RoundProblem
        var status: HTTPResponseStatus { .conflict }
        var reason: String { problem.text(Texts(.en)) }
    }
}
