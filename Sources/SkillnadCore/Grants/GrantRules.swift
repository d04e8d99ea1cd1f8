/// What a grant scheme (bidragsordning) asks of an applicant, as data (villkor). The city-wide
/// rules (measure 4.2.1) are a template every scheme inherits; a scheme may only tighten them, so
/// that equal treatment across the districts holds by construction.
public struct GrantRules: Sendable, Codable, Equatable {
    /// Approved in the register (föreningsregistret) of one of the scheme's areas.
    public var registered: Bool
    /// Active in one of the scheme's areas.
    public var activeInArea: Bool
    /// The democracy conditions (demokrativillkoren) accepted by the association.
    public var democracyConditions: Bool
    /// At least this many members; nil for no minimum.
    public var minimumMembers: Int?
    /// Founded at least this many whole years before the application; nil for no minimum.
    public var minimumYearsActive: Int?
    /// A board of at least this many (the register asks for three).
    public var minimumBoard: Int

    public init(
        registered: Bool, activeInArea: Bool, democracyConditions: Bool, minimumMembers: Int? = nil,
        minimumYearsActive: Int? = nil, minimumBoard: Int = 3
    ) {
        self.registered = registered
        self.activeInArea = activeInArea
        self.democracyConditions = democracyConditions
        self.minimumMembers = minimumMembers
        self.minimumYearsActive = minimumYearsActive
        self.minimumBoard = minimumBoard
    }

    /// The fields in which `scheme` asks less than these rules: empty when it only tightens.
    public func loosened(by scheme: GrantRules) -> [String] {
        var fields: [String] = []
        if registered && !scheme.registered { fields.append("registered") }
        if activeInArea && !scheme.activeInArea { fields.append("activeInArea") }
        if democracyConditions && !scheme.democracyConditions { fields.append("democracyConditions") }
        if let minimum = minimumMembers, (scheme.minimumMembers ?? 0) < minimum { fields.append("minimumMembers") }
        if let minimum = minimumYearsActive, (scheme.minimumYearsActive ?? 0) < minimum {
            fields.append("minimumYearsActive")
        }
        if scheme.minimumBoard < minimumBoard { fields.append("minimumBoard") }
        return fields
    }
}

/// What is known of an applicant when the rules are checked.
public struct GrantApplicant: Sendable, Equatable {
    /// The areas in whose registers the association is approved.
    public var registeredIn: Set<String>
    /// The areas it is active in.
    public var activeIn: Set<String>
    public var members: Int
    public var founded: Day?
    public var boardSize: Int
    public var democracyConditions: Bool

    public init(
        registeredIn: Set<String>, activeIn: Set<String>, members: Int, founded: Day?, boardSize: Int,
        democracyConditions: Bool
    ) {
        self.registeredIn = registeredIn
        self.activeIn = activeIn
        self.members = members
        self.founded = founded
        self.boardSize = boardSize
        self.democracyConditions = democracyConditions
    }
}

/// Whether an applicant may apply to a scheme, and if not, every reason, each naming the rule.
public enum GrantEligibility {
    public enum Reason: Sendable, Equatable {
        case notRegistered
        case notActiveInArea
        case democracyConditions
        /// Members the association has, and the minimum.
        case tooFewMembers(has: Int, minimum: Int)
        /// Whole years since it was founded (nil: not known), and the minimum.
        case tooYoung(years: Int?, minimum: Int)
        case boardTooSmall(has: Int, minimum: Int)
    }

    /// Every rule the applicant does not meet for a scheme for `areas`, on `day`; empty when it may
    /// apply.
    public static func reasons(_ applicant: GrantApplicant, rules: GrantRules, areas: Set<String>, on day: Day)
        -> [Reason]
    {
        var reasons: [Reason] = []
        if rules.registered && applicant.registeredIn.isDisjoint(with: areas) { reasons.append(.notRegistered) }
        if rules.activeInArea && applicant.activeIn.isDisjoint(with: areas) { reasons.append(.notActiveInArea) }
        if rules.democracyConditions && !applicant.democracyConditions { reasons.append(.democracyConditions) }
        if let minimum = rules.minimumMembers, applicant.members < minimum {
            reasons.append(.tooFewMembers(has: applicant.members, minimum: minimum))
        }
        if let minimum = rules.minimumYearsActive {
            let years = applicant.founded.map { wholeYears(from: $0, to: day) }
            if (years ?? -1) < minimum { reasons.append(.tooYoung(years: years, minimum: minimum)) }
        }
        if applicant.boardSize < rules.minimumBoard {
            reasons.append(.boardTooSmall(has: applicant.boardSize, minimum: rules.minimumBoard))
        }
        return reasons
    }

    /// Whole years from one day to another: 2 from 2022-03-10 to 2024-03-10, 1 to 2024-03-09.
    public static func wholeYears(from start: Day, to end: Day) -> Int {
        var years = end.year - start.year
        if (end.month, end.day) < (start.month, start.day) { years -= 1 }
        return max(years, 0)
    }
}
