/// What a body reports on one assignment in one follow-up period (uppföljningsrapport): the form,
/// the CSV row and the API's request body all come to this, and one check judges it.
public struct FollowUpReportValues: Sendable, Equatable, Codable {
    public var status: FollowUpStatus
    public var progress: Int
    public var narrative: String?
    public var spent: SwedishAmount?
    /// Ids of Skillnad's indicators that show the effect.
    public var indicators: [String]

    public init(
        status: FollowUpStatus, progress: Int, narrative: String? = nil, spent: SwedishAmount? = nil,
        indicators: [String] = []
    ) {
        self.status = status
        self.progress = progress
        self.narrative = narrative
        self.spent = spent
        self.indicators = indicators
    }
}

/// A problem with a follow-up report or a budget decision, naming the field it is in.
public struct FollowUpProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case required
        case unknownStatus(String)
        case unknownState(String)
        case progressNotANumber(String)
        case progressOutOfRange(Int)
        /// "done" with progress below 100, "not started" above 0: the reporter must choose.
        case statusContradictsProgress(status: FollowUpStatus, progress: Int)
        case amount(SwedishAmount.Problem, value: String)
        case unknownPeriod(String)
        case unknownMeasure(String)
        case unknownBody(String)
        case unknownIndicator(String)
        /// The body has no assignment for the measure in the period's budget year.
        case notAssigned(measure: String, body: String, year: Int)
        /// The signed-in person does not report for this body.
        case notYourBody(String)
        /// Only the city executive office (administrators) approves and publishes.
        case onlyAdminsPublish
        case notADate(String)
        /// A decision dated before the report that proposed the measure was published.
        case decisionBeforeReport(decided: String, reportYear: Int)
        case versionNotANumber(String)
        /// The row was changed by someone else since it was exported.
        case changedSince(stored: Int, given: Int)
        case duplicateRow(firstLine: Int)
        case tooLong(limit: Int)
        case unknownKind(String)
        case unknownFunding(String)
        case yearOutOfRange(String)
        case postponedNotLater(to: Int, year: Int)
        case unknownBudgetYear(Int)
        /// A weight that is not a number above 0 and at most 1000.
        case weightOutOfRange(String)
        /// A period with reports cannot move to another year.
        case periodHasReports(String)
        /// An attachment that is not a PDF, DOCX or ODT, or too large, with the reason.
        case attachment(String)
    }

    /// The field (a column, a form field) the problem is in.
    public var field: String
    /// The line in a file, when the values came from one.
    public var line: Int?
    public var reason: Reason

    public init(field: String, line: Int? = nil, _ reason: Reason) {
        self.field = field
        self.line = line
        self.reason = reason
    }

    public var description: String {
        (line.map { "line \($0), " } ?? "") + "\(field): \(reason)"
    }
}

extension FollowUpReportValues {
    public static let narrativeLimit = 20_000

    /// Reads a report's fields as typed (form, CSV cell, API string values), collecting every
    /// problem with the field it is in instead of stopping at the first.
    public static func read(
        status: String?, progress: String?, narrative: String?, spent: String?, indicators: [String],
        knownIndicators: Set<String>?, line: Int? = nil
    ) -> Result<FollowUpReportValues, FollowUpProblems> {
        var problems: [FollowUpProblem] = []
        func problem(_ field: String, _ reason: FollowUpProblem.Reason) {
            problems.append(FollowUpProblem(field: field, line: line, reason))
        }
        let statusText = status?.trimmingCharacters(in: .whitespaces) ?? ""
        var parsedStatus: FollowUpStatus?
        if statusText.isEmpty {
            problem("status", .required)
        } else if let s = FollowUpStatus(rawValue: statusText) {
            parsedStatus = s
        } else {
            problem("status", .unknownStatus(String(statusText.prefix(60))))
        }
        let progressText = (progress ?? "").trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        var parsedProgress: Int?
        if progressText.isEmpty {
            parsedProgress = parsedStatus?.defaultProgress
        } else if let p = Int(progressText) {
            if (0...100).contains(p) { parsedProgress = p } else { problem("progress", .progressOutOfRange(p)) }
        } else {
            problem("progress", .progressNotANumber(String(progressText.prefix(60))))
        }
        if let s = parsedStatus, let p = parsedProgress, s.contradicts(progress: p) {
            problem("progress", .statusContradictsProgress(status: s, progress: p))
        }
        var amount: SwedishAmount?
        if let text = spent?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            switch SwedishAmount.parse(text) {
            case .success(let a): amount = a
            case .failure(let p): problem("spent", .amount(p, value: String(text.prefix(60))))
            }
        }
        let story = narrative?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let story, story.count > narrativeLimit { problem("narrative", .tooLong(limit: narrativeLimit)) }
        var ids: [String] = []
        for id in indicators.map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
            if let known = knownIndicators, !known.contains(id) {
                problem("indicators", .unknownIndicator(String(id.prefix(80))))
            } else if !ids.contains(id) {
                ids.append(id)
            }
        }
        guard problems.isEmpty, let s = parsedStatus, let p = parsedProgress else {
            return .failure(FollowUpProblems(problems))
        }
        return .success(
            FollowUpReportValues(
                status: s, progress: p, narrative: story?.isEmpty == true ? nil : story, spent: amount,
                indicators: ids))
    }
}

/// Every problem found, thrown or returned as one error so that nothing is written.
public struct FollowUpProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [FollowUpProblem]

    public init(_ problems: [FollowUpProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
