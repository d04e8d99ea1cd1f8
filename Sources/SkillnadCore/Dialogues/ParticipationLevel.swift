/// How much the residents can influence the decision: a step of the participation ladder
/// (delaktighetstrappan, as SKR teaches it after Arnstein and IAP2).
public enum ParticipationLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// Residents are told (information).
    case inform
    /// Residents are asked their view (konsultation).
    case consult
    /// Residents take part throughout (dialog).
    case involve
    /// Residents and the city work it out together (inflytande, medskapande).
    case collaborate
    /// Residents decide (medbeslutande), as in a participatory budget.
    case decide

    public static func < (lhs: ParticipationLevel, rhs: ParticipationLevel) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
