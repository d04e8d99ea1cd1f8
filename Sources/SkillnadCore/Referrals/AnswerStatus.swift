import Foundation

/// Where an answer (remissvar) is: written, decided by the body, sent in, or declined.
public enum AnswerStatus: String, CaseIterable, Codable, Sendable {
    case draft, decided, submitted, declined

    /// Submitted and declined answers are public records and locked.
    public var isFinal: Bool { self == .submitted || self == .declined }
}
