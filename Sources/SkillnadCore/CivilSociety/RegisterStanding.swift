/// Where an association stands in a district's register (registerstatus). An entry is renewed
/// every year within two months of the annual meeting; an official approves it first and again
/// when it has lapsed.
public enum RegisterStanding: String, Sendable, Codable, CaseIterable {
    /// Waiting for an official of the district council to approve it.
    case pending
    /// Approved and renewed since the latest annual meeting.
    case active
    /// Approved, the annual meeting held, and the renewal not yet made but not yet late.
    case renewalDue
    /// The renewal is later than two months after the annual meeting: not shown as active, and
    /// not registered for grants, until it is renewed.
    case notRenewed
    /// Refused by the official, with a reason.
    case refused

    /// How long after the annual meeting the renewal may wait.
    public static let renewalMonths = 2

    /// The standing of an entry approved (or refused) as `decision` says, last verified on
    /// `verified`, whose latest annual meeting on record was on `annualMeeting`, on `today`. The
    /// renewal is due from the annual meeting: the one on record when the entry was not verified
    /// after it, else next year's, expected twelve months later. Two months after that meeting
    /// the entry has lapsed (`lastDay`).
    public static func of(
        decision: RegisterDecision, verified: Day?, annualMeeting: Day?, today: Day
    ) -> RegisterStanding {
        switch decision {
        case .pending: return .pending
        case .refused: return .refused
        case .approved:
            guard let meeting = nextMeeting(annualMeeting: annualMeeting, verified: verified) else { return .active }
            if today > renewalDue(after: meeting) { return .notRenewed }
            return today >= meeting ? .renewalDue : .active
        }
    }

    /// The annual meeting the next renewal follows: the one on record when the entry was not
    /// verified after it, else next year's; nil when either day is unknown.
    public static func nextMeeting(annualMeeting: Day?, verified: Day?) -> Day? {
        guard let meeting = annualMeeting, let verified else { return nil }
        return verified < meeting ? meeting : meeting.adding(months: 12) ?? meeting
    }

    /// The last day an approved entry counts as registered without a renewal; nil when it does
    /// for good (no annual meeting or verification on record). Kept in SQL beside the entry.
    public static func lastDay(annualMeeting: Day?, verified: Day?) -> Day? {
        nextMeeting(annualMeeting: annualMeeting, verified: verified).map(renewalDue(after:))
    }

    /// The last day to renew after an annual meeting on `meeting`.
    public static func renewalDue(after meeting: Day) -> Day {
        meeting.adding(months: renewalMonths) ?? meeting
    }

    /// Counts as registered: for the public list, the map and grants' "registered" rule.
    public var isRegistered: Bool { self == .active || self == .renewalDue }
}

/// An official's decision on an entry in a district's register.
public enum RegisterDecision: String, Sendable, Codable, CaseIterable {
    case pending
    case approved
    case refused
}
