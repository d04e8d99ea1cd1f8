/// Why a scheme, an application, a decision or a step is refused, with the field it concerns
/// (`amount`, `decisions[3].reason`), so the form can say what and where.
public struct GrantProblem: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case missing
        case tooLong(maximum: Int)
        /// Not a whole number of kronor.
        case notAnAmount
        case belowMinimum(Int)
        case aboveMaximum(Int)
        /// Outside minimum...maximum (nil: no upper end).
        case range(minimum: Int, maximum: Int?)
        /// Asks less than the city's rules in this field.
        case loosened
        /// Must come after this day.
        case notAfter(Day)
        /// Must come at the latest this day.
        case later(Day)
        case notADay
        case notOpenYet(opens: Day)
        case closed(lastDay: Day)
        case notEligible(GrantEligibility.Reason)
        case attachmentMissing(GrantDocumentKind)
        /// Not a PDF, DOCX or ODT, or the bytes are not what the name says.
        case attachmentType(filename: String)
        case attachmentTooLarge(filename: String, limit: Int)
        case unknownChoice(String)
        /// Granted in part needs an amount above 0 and below the one asked.
        case partAmount(requested: Int)
        /// The step is not one that can be taken from where the application is.
        case notAllowed(from: GrantStatus, to: GrantStatus)
        /// The association already applied to this scheme.
        case alreadyApplied
        /// Another scheme has this id.
        case taken
        case changedSince(stored: Int, given: Int)
    }

    public let field: String
    public let kind: Kind

    public init(_ field: String, _ kind: Kind) {
        self.field = field
        self.kind = kind
    }
}
