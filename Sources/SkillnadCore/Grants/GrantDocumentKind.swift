/// A kind of document an association attaches (bilaga). The association's own documents are kept
/// with its register entry, the latest of each kind counting for every application; the others
/// belong to one application.
public enum GrantDocumentKind: String, Sendable, Codable, CaseIterable {
    /// Stadgar.
    case statutes
    /// Verksamhetsberättelse for the last year.
    case annualReport
    /// Årsbokslut or ekonomisk redovisning for the last year.
    case financialStatement
    /// Revisionsberättelse.
    case auditReport
    /// Verksamhetsplan for what the money is asked for.
    case activityPlan
    /// Budget for what the money is asked for.
    case budget
    /// Redovisning av bidraget: the report on how the grant was used, the year after.
    case reportOnUse

    /// Kept with the association's entry rather than with one application.
    public var isAssociationDocument: Bool {
        switch self {
        case .statutes, .annualReport, .financialStatement, .auditReport: true
        case .activityPlan, .budget, .reportOnUse: false
        }
    }

    /// What an application may ask for as an attachment (the report on use comes after the decision).
    public static let attachable: [GrantDocumentKind] = allCases.filter { $0 != .reportOnUse }
}
