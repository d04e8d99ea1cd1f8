/// Where a dialogue is in its life (dialogens läge), as a resident reads it on the portal.
public enum DialogueStatus: String, Sendable, Codable, CaseIterable {
    case planned
    case open
    /// Held, and the participants not yet told what came of it (återkoppling saknas).
    case awaitingFeedback
    case feedbackGiven
    case cancelled

    /// A dialogue that has taken place (or been called off) is no longer open for taking part.
    public var isOver: Bool { self == .awaitingFeedback || self == .feedbackGiven || self == .cancelled }
}
