/// Something wrong with a dialogue as recorded, and the field it is in (`sessions[2].end`,
/// `outcome.participantsByGroup.kon`): the form puts it beside the field, an import names the
/// line and column, the API returns it in its problem document.
public struct DialogueProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case required
        case tooLong(limit: Int)
        case notAnId(String)
        case notADate(String)
        case notATime(String)
        case notANumber(String)
        case negative(Int)
        case unknownChoice(String, allowed: [String])
        /// A session ends before it starts.
        case endsBeforeStart(start: String, end: String)
        /// Counts by group of one kind (e.g. by sex) add up to more than the participants.
        case groupsExceedTotal(dimension: String, sum: Int, total: Int)
        /// Feedback dated before the dialogue's first session.
        case feedbackBeforeDialogue(feedback: String, starts: String)
        case latitudeOutOfRange(Double)
        case longitudeOutOfRange(Double)
        /// A point that lies in none of the municipality's areas but would if swapped.
        case coordinatesSwapped(latitude: Double, longitude: Double)
        /// A point in none of the municipality's areas (a warning: places outside happen).
        case outsideMunicipality(latitude: Double, longitude: Double)
        case unknownArea(String)
        case unknownBody(String)
        case unknownMeasure(String)
        case unknownStrategy(String)
        case unknownTargetArea(String)
        /// A result of kind `text` without a text, or of another kind without its target.
        case resultIncomplete(kind: String)
        /// Neither an area nor `digital`: a dialogue is somewhere.
        case noAreaNorDigital
        case idTaken(String)
        /// The dialogue was changed by someone else since it was opened (version given, stored).
        case changedSince(stored: Int, given: Int)
    }

    public var field: String
    public var reason: Reason
    /// A warning is shown, and the dialogue may be saved anyway; anything else refuses it.
    public var isWarning: Bool {
        switch reason {
        case .outsideMunicipality: true
        default: false
        }
    }

    public init(field: String, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// Every problem of a dialogue, refused together.
public struct DialogueProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [DialogueProblem]

    public init(_ problems: [DialogueProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
