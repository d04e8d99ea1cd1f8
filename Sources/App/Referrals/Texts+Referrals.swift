import SkillnadCore

/// The words for the referrals' enums, in the reader's language.
extension Texts {
    func label(_ position: PositionKind) -> String {
        switch position {
        case .supports: self[.positionSupports]
        case .supportsWithReservations: self[.positionSupportsWithReservations]
        case .opposes: self[.positionOpposes]
        case .noOpinion: self[.positionNoOpinion]
        }
    }

    func label(_ status: AnswerStatus) -> String {
        switch status {
        case .draft: self[.answerDraft]
        case .decided: self[.answerDecided]
        case .submitted: self[.answerSubmitted]
        case .declined: self[.answerDeclined]
        }
    }

    /// An answer's status as the public sees it: an answer's own status, `pending` for one
    /// decided or in draft before the deadline, `none` when there is none; nil for anything else.
    func publicAnswerStatus(_ status: String) -> String? {
        switch status {
        case "none": self[.answerNone]
        case "pending": self[.answerPending]
        default: AnswerStatus(rawValue: status).map(label)
        }
    }
}
