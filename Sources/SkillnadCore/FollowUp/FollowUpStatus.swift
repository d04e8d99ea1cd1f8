/// Where an assignment stands in a follow-up period (status i uppföljningen). Each status has a
/// default progress, as in Decidim's status catalogue; the reporter may set another, except that
/// `done` means 100 and `notStarted` means 0 (a contradiction is refused, not silently fixed).
public enum FollowUpStatus: String, Sendable, Codable, CaseIterable {
    case notStarted
    case inProgress
    case done
    case delayed
    case cancelled

    /// The progress (0–100) the form proposes for this status.
    public var defaultProgress: Int {
        switch self {
        case .notStarted: 0
        case .inProgress: 50
        case .done: 100
        case .delayed: 25
        case .cancelled: 0
        }
    }

    /// The progress this status allows, when it allows only some.
    public func contradicts(progress: Int) -> Bool {
        switch self {
        case .done: progress != 100
        case .notStarted: progress != 0
        default: false
        }
    }
}

/// Where a follow-up report is in its life (rapportens läge): written, handed in, then approved
/// and published as a public record. A correction of a published report is a new draft; the
/// published revision stays public until the correction is published.
public enum ReportState: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case published
}
