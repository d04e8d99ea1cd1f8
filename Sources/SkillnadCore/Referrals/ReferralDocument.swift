import Foundation

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

        public init(
            id: String, title: String, sender: String, senderDiaryNumber: String? = nil, sentOn: Day, deadline: Day,
            reports: [String], questions: [String], recipients: [RecipientScope], note: String? = nil
        ) {
            self.id = id
            self.title = title
            self.sender = sender
            self.senderDiaryNumber = senderDiaryNumber
            self.sentOn = sentOn
            self.deadline = deadline
            self.reports = reports
            self.questions = questions
            self.recipients = recipients
            self.note = note
        }
    }

    public struct Position: Codable, Sendable, Equatable {
        public var measure: String
        public var position: PositionKind
        public var alreadyWorks: Bool?
        public var prerequisites: String?
        public var text: String?

        public init(
            measure: String, position: PositionKind, alreadyWorks: Bool? = nil, prerequisites: String? = nil,
            text: String? = nil
        ) {
            self.measure = measure
            self.position = position
            self.alreadyWorks = alreadyWorks
            self.prerequisites = prerequisites
            self.text = text
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

        public init(
            round: String, body: String, example: Bool? = nil, status: AnswerStatus, diaryNumber: String? = nil,
            diaryIssuer: String? = nil, preparedBy: String? = nil, decidedOn: Day? = nil, submittedOn: Day? = nil,
            summary: String? = nil, proposedDecision: String? = nil, questionAnswers: [String]? = nil,
            furtherChallenges: String? = nil, jointWith: [String]? = nil, jointConfirmed: [String]? = nil,
            declineReason: String? = nil, positions: [Position] = []
        ) {
            self.round = round
            self.body = body
            self.example = example
            self.status = status
            self.diaryNumber = diaryNumber
            self.diaryIssuer = diaryIssuer
            self.preparedBy = preparedBy
            self.decidedOn = decidedOn
            self.submittedOn = submittedOn
            self.summary = summary
            self.proposedDecision = proposedDecision
            self.questionAnswers = questionAnswers
            self.furtherChallenges = furtherChallenges
            self.jointWith = jointWith
            self.jointConfirmed = jointConfirmed
            self.declineReason = declineReason
            self.positions = positions
        }
    }

    public var rounds: [Round]
    public var answers: [Answer]

    public init(rounds: [Round] = [], answers: [Answer] = []) {
        self.rounds = rounds
        self.answers = answers
    }

    /// Every problem against a catalogue, with its place (`answers[3].positions[1].measure`).
    public func problems(_ catalogue: CatalogueIndex) -> [CatalogueProblem] {
        var out: [CatalogueProblem] = []
        func add(_ path: String, _ reason: CatalogueProblem.Reason) { out.append(CatalogueProblem(path: path, reason)) }
        func measuresOf(_ report: String) -> [String] { catalogue.publicIDsByReport[report] ?? [] }
        var roundByID: [String: Round] = [:]
        for (i, r) in rounds.enumerated() {
            let p = "rounds[\(i)]"
            if !CatalogueReader.isSlug(r.id) { add("\(p).id", .invalidID(r.id)) }
            if roundByID[r.id] != nil { add("\(p).id", .roundIDUsed(r.id)) }
            roundByID[r.id] = r
            if r.title.trimmingCharacters(in: .whitespaces).isEmpty { add("\(p).title", .roundNeedsTitle) }
            if catalogue.bodyByID[r.sender] == nil { add("\(p).sender", .noSuchObject(.body, id: r.sender)) }
            if r.deadline < r.sentOn {
                add("\(p).deadline", .deadlineBeforeSent(deadline: r.deadline.description, sent: r.sentOn.description))
            }
            for (j, rep) in r.reports.enumerated() where catalogue.reportByID[rep] == nil {
                add("\(p).reports[\(j)]", .noSuchObject(.report, id: rep))
            }
            var seen = Set<String>()
            for (j, rec) in r.recipients.enumerated() {
                let q = "\(p).recipients[\(j)]"
                if catalogue.bodyByID[rec.body] == nil { add("\(q).body", .noSuchObject(.body, id: rec.body)) }
                if !seen.insert(rec.body).inserted { add("\(q).body", .onListTwice(rec.body)) }
                for (k, rep) in rec.commentReports.enumerated() where !r.reports.contains(rep) {
                    add("\(q).commentReports[\(k)]", .notRoundReport(rep))
                }
                for (field, list) in [("required", rec.required), ("invited", rec.invited)] {
                    for (k, m) in list.enumerated() {
                        guard let rep = catalogue.measureByPublicID[m]?.report else {
                            add("\(q).\(field)[\(k)]", .noSuchObject(.measure, id: m))
                            continue
                        }
                        if !r.reports.contains(rep) {
                            add("\(q).\(field)[\(k)]", .measureNotInRoundReports(m))
                        }
                    }
                }
            }
        }
        var answered = Set<String>()
        var scopeCache: [String: Set<String>] = [:]
        for (i, a) in answers.enumerated() {
            let p = "answers[\(i)]"
            guard let round = roundByID[a.round] else {
                add("\(p).round", .noSuchObject(.round, id: a.round))
                continue
            }
            guard let scope = round.recipients.first(where: { $0.body == a.body }) else {
                add("\(p).body", .notOnList(body: a.body, round: a.round))
                continue
            }
            if !answered.insert("\(a.round)/\(a.body)").inserted {
                add("\(p).body", .alreadyAnswered(body: a.body, round: a.round))
            }
            if let n = a.questionAnswers?.count, n > round.questions.count {
                add("\(p).questionAnswers", .answerCount(answers: n, questions: round.questions.count))
            }
            for (k, other) in (a.jointWith ?? []).enumerated()
            where !round.recipients.contains(where: { $0.body == other }) || other == a.body {
                add("\(p).jointWith[\(k)]", .notAnotherBodyOnList(other))
            }
            for (k, other) in (a.jointConfirmed ?? []).enumerated() where !(a.jointWith ?? []).contains(other) {
                add("\(p).jointConfirmed[\(k)]", .notInJointAnswer(other))
            }
            if a.status == .declined && (a.declineReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                add("\(p).declineReason", .declineNeedsReason)
            }
            if let decided = a.decidedOn, decided < round.sentOn {
                add("\(p).decidedOn", .decidedBeforeSent(decided: decided.description, sent: round.sentOn.description))
            }
            let inScope = scopeCache["\(a.round)/\(a.body)"] ?? scope.measures(measuresOf)
            scopeCache["\(a.round)/\(a.body)"] = inScope
            var measuresSeen = Set<String>()
            for (k, pos) in a.positions.enumerated() {
                if !inScope.contains(pos.measure) {
                    add("\(p).positions[\(k)].measure", .measureNotAsked(measure: pos.measure, body: a.body))
                }
                if !measuresSeen.insert(pos.measure).inserted {
                    add("\(p).positions[\(k)].measure", .secondPosition(pos.measure))
                }
            }
        }
        return out
    }
}
