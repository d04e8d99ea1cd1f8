import Foundation

/// An answer as the compilation sees it.
public struct AnswerSummary: Sendable, Equatable {
    public let body: String
    public let status: AnswerStatus
    public let jointWith: [String]
    /// The bodies in `jointWith` whose editors have confirmed the joint answer: only these count
    /// as answered by it.
    public let jointConfirmed: [String]
    public let positions: [String: PositionEntry]

    public init(
        body: String, status: AnswerStatus, jointWith: [String] = [], jointConfirmed: [String] = [],
        positions: [String: PositionEntry]
    ) {
        self.body = body
        self.status = status
        self.jointWith = jointWith
        self.jointConfirmed = jointConfirmed
        self.positions = positions
    }
}

public struct PositionEntry: Sendable, Equatable, Codable {
    public let position: PositionKind
    public let alreadyWorks: Bool?
    public let prerequisites: String?
    public let text: String?

    public init(position: PositionKind, alreadyWorks: Bool? = nil, prerequisites: String? = nil, text: String? = nil) {
        self.position = position
        self.alreadyWorks = alreadyWorks
        self.prerequisites = prerequisites
        self.text = text
    }
}

/// The office's compilation of a round (sammanställning): for every measure in the round, each
/// recipient's position from its submitted answer (a joint answer counts for every body in it),
/// counts per position, and who has not answered a measure it was required to; for every
/// recipient, where its answer is and whether it is late.
public struct Compilation: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let measure: String
        /// One per recipient, in the order of the distribution list; nil when the body has not
        /// taken a position (or the measure is not in its scope: `inScope` says which).
        public let cells: [Cell]
        public let counts: [PositionKind: Int]
        public let missingRequired: [String]
    }

    public struct Cell: Sendable, Equatable {
        public let body: String
        public let entry: PositionEntry?
        public let inScope: Bool
        public let required: Bool
    }

    public struct RecipientStatus: Sendable, Equatable {
        public let body: String
        /// nil when the body has no answer at all.
        public let status: AnswerStatus?
        /// The deadline has passed and the body has neither submitted nor declined.
        public let late: Bool
        public let missingRequired: [String]
        /// The body answered through another body's joint answer.
        public let answeredBy: String?
    }

    public let rows: [Row]
    public let recipients: [RecipientStatus]

    /// - Parameters:
    ///   - measures: the round's measures in the order to show them.
    ///   - today: for lateness, compared with `deadline`.
    public static func build(
        measures: [String], recipients: [RecipientScope], answers: [AnswerSummary], deadline: Day, today: Day,
        measuresOfReport: (String) -> [String]
    ) -> Compilation {
        var answerOf: [String: AnswerSummary] = [:]
        var answeredBy: [String: String] = [:]
        for a in answers {
            answerOf[a.body] = a
            // A joint answer counts for another body only once that body has confirmed it.
            for other in a.jointWith where a.status == .submitted && a.jointConfirmed.contains(other) {
                answeredBy[other] = a.body
            }
        }
        let scopes = recipients.map { ($0, $0.measures(measuresOfReport), Set($0.required)) }
        func submitted(_ body: String) -> AnswerSummary? {
            if let a = answerOf[body], a.status == .submitted { return a }
            if let by = answeredBy[body], let a = answerOf[by], a.status == .submitted { return a }
            return nil
        }
        let rows = measures.map { m -> Row in
            var counts: [PositionKind: Int] = [:]
            var missing: [String] = []
            let cells = scopes.map { scope, all, required -> Cell in
                // Through a joint answer, only the measures the body itself was asked about.
                let answer = submitted(scope.body)
                let own = answer?.body == scope.body
                let entry = own || all.contains(m) ? answer?.positions[m] : nil
                if let entry { counts[entry.position, default: 0] += 1 }
                let isRequired = required.contains(m)
                if isRequired && entry == nil && answerOf[scope.body]?.status != .declined {
                    missing.append(scope.body)
                }
                return Cell(body: scope.body, entry: entry, inScope: all.contains(m), required: isRequired)
            }
            return Row(measure: m, cells: cells, counts: counts, missingRequired: missing)
        }
        let statuses = scopes.map { scope, _, required -> RecipientStatus in
            let own = answerOf[scope.body]
            let through = answeredBy[scope.body]
            let done = own?.status.isFinal == true || through != nil
            let answered = submitted(scope.body)
            let missing = own?.status == .declined ? [] : scope.required.filter { answered?.positions[$0] == nil }
            _ = required
            return RecipientStatus(
                body: scope.body, status: own?.status, late: !done && today > deadline, missingRequired: missing,
                answeredBy: own == nil ? through : nil)
        }
        return Compilation(rows: rows, recipients: statuses)
    }
}
