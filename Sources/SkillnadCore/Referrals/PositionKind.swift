import Foundation

/// A body's position on a measure in its answer to a referral (ställningstagande).
public enum PositionKind: String, CaseIterable, Codable, Sendable {
    /// tillstyrker, ställer sig positiv
    case supports
    /// tillstyrker med reservationer
    case supportsWithReservations
    /// avstyrker
    case opposes
    /// inget ställningstagande
    case noOpinion
}
