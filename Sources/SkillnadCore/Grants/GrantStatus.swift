/// Where an application for a grant is (ansökans status), from the draft the association keeps
/// to the closed case. The association edits it only before the handler starts on it; every
/// other step belongs to one side.
public enum GrantStatus: String, Sendable, Codable, CaseIterable {
    /// Utkast: saved, not sent; only the association sees it.
    case draft
    /// Inkommen: sent; the association may still change or withdraw it.
    case received
    /// Under handläggning.
    case inReview
    /// Beviljad.
    case granted
    /// Delvis beviljad, with a smaller amount.
    case grantedInPart
    /// Avslagen, with a reason that cites a rule.
    case rejected
    /// Utbetald.
    case paid
    /// Redovisning begärd: the report on use is asked for.
    case reportDue
    /// Redovisning inkommen.
    case reportReceived
    /// Avslutad.
    case closed
    /// Återtagen by the association before the decision.
    case withdrawn

    /// Who takes a step.
    public enum Side: String, Sendable {
        case applicant
        case handler
    }

    public var isDecided: Bool { self == .granted || self == .grantedInPart || self == .rejected }

    /// Waiting for the body's decision.
    public var awaitsDecision: Bool { self == .received || self == .inReview }

    /// The association may still change what it asked.
    public var isEditable: Bool { self == .draft || self == .received }

    /// Sent: the body sees it.
    public var isSent: Bool { self != .draft }

    /// The steps `side` may take from here. Sending goes through the application's form, which
    /// checks the scheme's rules; the decisions come through `GrantDecision` and the report on use
    /// through its own form, so none of them is among these.
    public func moves(by side: Side) -> [GrantStatus] {
        switch (side, self) {
        case (.applicant, .received), (.applicant, .inReview): [.withdrawn]
        case (.handler, .received): [.inReview]
        case (.handler, .granted), (.handler, .grantedInPart): [.paid]
        case (.handler, .paid): [.reportDue]
        case (.handler, .reportReceived), (.handler, .rejected): [.closed]
        default: []
        }
    }

    /// The association may send its report on use from here.
    public var takesReport: Bool { self == .paid || self == .reportDue }
}
