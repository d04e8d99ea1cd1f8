import Foundation

/// A body's position on a measure in its answer to a referral (ställningstagande).
public enum PositionKind: String, CaseIterable, Codable, Sendable {
    /// tillstyrker, ställer sig positiv
    case supports
    /// tillstyrker med reservationer
    case supportsWithReservations
    /// avstyrker
    case opposes
    /// inget ställningstagande
    case noOpinion
}

/// Where an answer (remissvar) is: written, decided by the body, sent in, or declined.
public enum AnswerStatus: String, CaseIterable, Codable, Sendable {
    case draft, decided, submitted, declined

    /// Submitted and declined answers are public records and locked.
    public var isFinal: Bool { self == .submitted || self == .declined }
}

/// What one body on a round's distribution list is asked (remissinstans): whole reports to comment
/// on, measures it must answer and measures it may answer.
public struct RecipientScope: Codable, Sendable, Equatable {
    public var body: String
    public var commentReports: [String]
    public var required: [String]
    public var invited: [String]

    public init(body: String, commentReports: [String] = [], required: [String] = [], invited: [String] = []) {
        self.body = body; self.commentReports = commentReports; self.required = required; self.invited = invited
    }

    /// Every measure the body may take a position on: the required and invited ones, and all
    /// measures of the reports it comments on as a whole. `measuresOfReport` gives a report's measure ids.
    public func measures(_ measuresOfReport: (String) -> [String]) -> Set<String> {
        Set(required).union(invited).union(commentReports.flatMap(measuresOfReport))
    }
}

/// An answer as the compilation sees it.
public struct AnswerSummary: Sendable, Equatable {
    public let body: String
    public let status: AnswerStatus
    public let jointWith: [String]
    /// The bodies in `jointWith` whose editors have confirmed the joint answer: only these count
    /// as answered by it.
    public let jointConfirmed: [String]
    public let positions: [String: PositionEntry]

    public init(body: String, status: AnswerStatus, jointWith: [String] = [], jointConfirmed: [String] = [],
                positions: [String: PositionEntry]) {
        self.body = body; self.status = status; self.jointWith = jointWith; self.jointConfirmed = jointConfirmed
        self.positions = positions
    }
}

public struct PositionEntry: Sendable, Equatable, Codable {
    public let position: PositionKind
    public let alreadyWorks: Bool?
    public let prerequisites: String?
    public let text: String?

    public init(position: PositionKind, alreadyWorks: Bool? = nil, prerequisites: String? = nil, text: String? = nil) {
        self.position = position; self.alreadyWorks = alreadyWorks; self.prerequisites = prerequisites; self.text = text
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
    public static func build(measures: [String], recipients: [RecipientScope], answers: [AnswerSummary], deadline: Day, today: Day,
                             measuresOfReport: (String) -> [String]) -> Compilation {
        var answerOf: [String: AnswerSummary] = [:]
        var answeredBy: [String: String] = [:]
        for a in answers {
            answerOf[a.body] = a
            // A joint answer counts for another body only once that body has confirmed it.
            for other in a.jointWith where a.status == .submitted && a.jointConfirmed.contains(other) { answeredBy[other] = a.body }
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
                if isRequired && entry == nil && answerOf[scope.body]?.status != .declined { missing.append(scope.body) }
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
            return RecipientStatus(body: scope.body, status: own?.status, late: !done && today > deadline, missingRequired: missing,
                                   answeredBy: own == nil ? through : nil)
        }
        return Compilation(rows: rows, recipients: statuses)
    }
}

/// Referral rounds and answers as a file (the demo data, the city-scale generator, exports):
/// the shape of `Resources/Demo/referrals.json`.
public struct ReferralDocument: Codable, Sendable, Equatable {
    public struct Round: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var sender: String
        public var senderDiaryNumber: String?
        public var sentOn: Day
        public var deadline: Day
        public var reports: [String]
        public var questions: [String]
        public var recipients: [RecipientScope]
        public var note: String?

        public init(id: String, title: String, sender: String, senderDiaryNumber: String? = nil, sentOn: Day, deadline: Day,
                    reports: [String], questions: [String], recipients: [RecipientScope], note: String? = nil) {
            self.id = id; self.title = title; self.sender = sender; self.senderDiaryNumber = senderDiaryNumber; self.sentOn = sentOn
            self.deadline = deadline; self.reports = reports; self.questions = questions; self.recipients = recipients; self.note = note
        }
    }

    public struct Position: Codable, Sendable, Equatable {
        public var measure: String
        public var position: PositionKind
        public var alreadyWorks: Bool?
        public var prerequisites: String?
        public var text: String?

        public init(measure: String, position: PositionKind, alreadyWorks: Bool? = nil, prerequisites: String? = nil, text: String? = nil) {
            self.measure = measure; self.position = position; self.alreadyWorks = alreadyWorks; self.prerequisites = prerequisites; self.text = text
        }
    }

    public struct Answer: Codable, Sendable, Equatable {
        public var round: String
        public var body: String
        public var example: Bool?
        public var status: AnswerStatus
        public var diaryNumber: String?
        public var diaryIssuer: String?
        public var preparedBy: String?
        public var decidedOn: Day?
        public var submittedOn: Day?
        public var summary: String?
        public var proposedDecision: String?
        public var questionAnswers: [String]?
        public var furtherChallenges: String?
        public var jointWith: [String]?
        /// The bodies in `jointWith` that have confirmed the joint answer.
        public var jointConfirmed: [String]?
        public var declineReason: String?
        public var positions: [Position]

        public init(round: String, body: String, example: Bool? = nil, status: AnswerStatus, diaryNumber: String? = nil,
                    diaryIssuer: String? = nil, preparedBy: String? = nil, decidedOn: Day? = nil, submittedOn: Day? = nil,
                    summary: String? = nil, proposedDecision: String? = nil, questionAnswers: [String]? = nil,
                    furtherChallenges: String? = nil, jointWith: [String]? = nil, jointConfirmed: [String]? = nil,
                    declineReason: String? = nil, positions: [Position] = []) {
            self.round = round; self.body = body; self.example = example; self.status = status; self.diaryNumber = diaryNumber
            self.diaryIssuer = diaryIssuer; self.preparedBy = preparedBy; self.decidedOn = decidedOn; self.submittedOn = submittedOn
            self.summary = summary; self.proposedDecision = proposedDecision; self.questionAnswers = questionAnswers
            self.furtherChallenges = furtherChallenges; self.jointWith = jointWith; self.jointConfirmed = jointConfirmed
            self.declineReason = declineReason; self.positions = positions
        }
    }

    public var rounds: [Round]
    public var answers: [Answer]

    public init(rounds: [Round] = [], answers: [Answer] = []) { self.rounds = rounds; self.answers = answers }

    /// Every problem against a catalogue, with its place (`answers[3].positions[1].measure`).
    public func problems(_ catalogue: CatalogueIndex) -> [CatalogueProblem] {
        var out: [CatalogueProblem] = []
        func add(_ path: String, _ message: String) { out.append(CatalogueProblem(path: path, message: message)) }
        func measuresOf(_ report: String) -> [String] { catalogue.publicIDsByReport[report] ?? [] }
        var roundByID: [String: Round] = [:]
        for (i, r) in rounds.enumerated() {
            let p = "rounds[\(i)]"
            if !CatalogueReader.isSlug(r.id) { add("\(p).id", "\"\(r.id)\" is not a valid id (use lowercase a–z, digits and hyphens)") }
            if roundByID[r.id] != nil { add("\(p).id", "another round has the id \"\(r.id)\"") }
            roundByID[r.id] = r
            if r.title.trimmingCharacters(in: .whitespaces).isEmpty { add("\(p).title", "a round needs a title") }
            if catalogue.bodyByID[r.sender] == nil { add("\(p).sender", "no body has the id \"\(r.sender)\"") }
            if r.deadline < r.sentOn { add("\(p).deadline", "the deadline \(r.deadline) is before the sent date \(r.sentOn)") }
            for (j, rep) in r.reports.enumerated() where catalogue.reportByID[rep] == nil { add("\(p).reports[\(j)]", "no report has the id \"\(rep)\"") }
            var seen = Set<String>()
            for (j, rec) in r.recipients.enumerated() {
                let q = "\(p).recipients[\(j)]"
                if catalogue.bodyByID[rec.body] == nil { add("\(q).body", "no body has the id \"\(rec.body)\"") }
                if !seen.insert(rec.body).inserted { add("\(q).body", "\"\(rec.body)\" is on the distribution list twice") }
                for (k, rep) in rec.commentReports.enumerated() where !r.reports.contains(rep) {
                    add("\(q).commentReports[\(k)]", "\"\(rep)\" is not one of the round's reports")
                }
                for (field, list) in [("required", rec.required), ("invited", rec.invited)] {
                    for (k, m) in list.enumerated() {
                        guard let rep = catalogue.measureByPublicID[m]?.report else { add("\(q).\(field)[\(k)]", "no measure has the id \"\(m)\""); continue }
                        if !r.reports.contains(rep) {
                            add("\(q).\(field)[\(k)]", "\(m) is not in one of the round's reports")
                        }
                    }
                }
            }
        }
        var answered = Set<String>()
        var scopeCache: [String: Set<String>] = [:]
        for (i, a) in answers.enumerated() {
            let p = "answers[\(i)]"
            guard let round = roundByID[a.round] else { add("\(p).round", "no round has the id \"\(a.round)\""); continue }
            guard let scope = round.recipients.first(where: { $0.body == a.body }) else {
                add("\(p).body", "\"\(a.body)\" is not on the distribution list of \(a.round)"); continue
            }
            if !answered.insert("\(a.round)/\(a.body)").inserted { add("\(p).body", "\(a.body) already has an answer to \(a.round)") }
            if let n = a.questionAnswers?.count, n > round.questions.count {
                add("\(p).questionAnswers", "\(n) answers to \(round.questions.count) questions")
            }
            for (k, other) in (a.jointWith ?? []).enumerated() where !round.recipients.contains(where: { $0.body == other }) || other == a.body {
                add("\(p).jointWith[\(k)]", "\"\(other)\" is not another body on the distribution list")
            }
            for (k, other) in (a.jointConfirmed ?? []).enumerated() where !(a.jointWith ?? []).contains(other) {
                add("\(p).jointConfirmed[\(k)]", "\"\(other)\" is not among the bodies of the joint answer")
            }
            if a.status == .declined && (a.declineReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(p).declineReason", "a body that declines says why")
            }
            if let decided = a.decidedOn, decided < round.sentOn { add("\(p).decidedOn", "decided \(decided), before the round was sent \(round.sentOn)") }
            let inScope = scopeCache["\(a.round)/\(a.body)"] ?? scope.measures(measuresOf)
            scopeCache["\(a.round)/\(a.body)"] = inScope
            var measuresSeen = Set<String>()
            for (k, pos) in a.positions.enumerated() {
                if !inScope.contains(pos.measure) {
                    add("\(p).positions[\(k)].measure", "\(pos.measure) is not among the measures \(a.body) is asked about in this round")
                }
                if !measuresSeen.insert(pos.measure).inserted { add("\(p).positions[\(k)].measure", "a second position on \(pos.measure)") }
            }
        }
        return out
    }
}
