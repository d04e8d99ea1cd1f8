/// How a citizen dialogue (medborgardialog) is held: the methods the city's bodies use.
public enum DialogueMethod: String, Sendable, Codable, CaseIterable {
    /// Residents meet local politicians (möte med lokala politiker).
    case politicianMeeting
    case workshop
    /// A walk through the area to find what makes it feel unsafe (trygghetsvandring).
    case safetyWalk
    case survey
    case digitalConsultation
    /// Residents propose and vote on how to spend a sum (medborgarbudget).
    case participatoryBudget
    /// A standing council of young people, pensioners or people with disabilities (ungdomsråd,
    /// pensionärsråd, funktionshinderråd).
    case council
    case focusGroup
    /// A stand where people already are: a square, a library, a shopping centre.
    case popUp
    case other
}
