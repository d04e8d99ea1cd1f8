import Foundation

/// An answer drafted from a statement (utkast): what Skillnad suggests an editor enters in the
/// answer form for one body in one round, each suggestion with the place in the text it rests on.
/// It is shown for review and saved only as the editor corrected it.
public struct StatementDraft: Sendable, Equatable {
    /// What a highlighted stretch of the text was read as.
    public enum Mark: String, Sendable, Equatable, CaseIterable {
        case diaryNumber, responder, signer, date, measure, position, alreadyWorks, question, challenge,
            prerequisite, decline, joint
    }

    /// A stretch of the text and what it was read as; `label` names the measure or position.
    public struct Highlight: Sendable, Equatable {
        public var mark: Mark
        public var place: StatementPlace
        public var label: String
    }

    /// What the statement says about one measure.
    public struct Measure: Sendable, Equatable {
        public var publicID: String
        public var reportID: String
        public var code: String
        /// Whether the round asks this body about it; one outside is listed, never dropped.
        public var inScope: Bool
        public var suggestion: StatementAnalysis.Suggestion?
        /// The sentence the suggestion rests on, as text.
        public var because: String?
        public var alreadyWorks: Bool
        public var prerequisites: String?
        /// The sentences about it, joined: the comment the form is filled with.
        public var text: String
    }

    public var answer: ReferralDocument.Answer
    public var measures: [Measure]
    /// References that named no measure, or more than one, as written.
    public var unresolved: [MeasureReference]
    public var responder: StatementFacts.Responder?
    /// The statement's own date (the day the administration wrote it, not the decision).
    public var dated: Day?
    /// The number the referral was sent under, when the statement cites it.
    public var referralNumber: String?
    /// The reports the statement discusses, by id.
    public var reports: [String]
    public var highlights: [Highlight]

    public var inScope: [Measure] { measures.filter(\.inScope) }
    public var outOfScope: [Measure] { measures.filter { !$0.inScope } }

    /// Drafts `body`'s answer to `round` from `statement`, against the catalogue in `index`.
    public static func make(
        _ statement: StatementText, round: ReferralDocument.Round, body: String, index: CatalogueIndex
    ) -> StatementDraft {
        let reports = index.document.reports.map {
            MeasureReferenceFinder.Report(id: $0.id, letter: $0.letter, title: $0.title)
        }
        // A bare code is read in the round's first report until the text names another.
        let analysis = StatementAnalysis.analyse(
            statement, resolver: index.resolver, reports: reports, defaultReport: round.reports.first)
        let scope =
            round.recipients.first { $0.body == body }?.measures { index.publicIDsByReport[$0] ?? [] } ?? []
        var highlights: [Highlight] = []
        var measures: [Measure] = []
        for finding in analysis.measures {
            let publicID = MeasureRecord.publicID(report: finding.reportID, code: finding.code.canonical)
            let code = finding.code.canonical
            highlights += finding.references.map { Highlight(mark: .measure, place: $0, label: code) }
            if let suggestion = finding.suggestion {
                highlights.append(
                    Highlight(mark: .position, place: suggestion.sentence, label: "\(code) \(suggestion.position)"))
            }
            if let place = finding.alreadyWorks {
                highlights.append(Highlight(mark: .alreadyWorks, place: place, label: code))
            }
            let needs = finding.sentences.filter { !StatementFacts.needs(in: statement.text(at: $0)).isEmpty }
            highlights += needs.map { Highlight(mark: .prerequisite, place: $0, label: code) }
            measures.append(
                Measure(
                    publicID: publicID, reportID: finding.reportID, code: code, inScope: scope.contains(publicID),
                    suggestion: finding.suggestion, because: finding.suggestion.map { statement.text(at: $0.sentence) },
                    alreadyWorks: finding.alreadyWorks != nil,
                    prerequisites: needs.isEmpty ? nil : needs.map { statement.text(at: $0) }.joined(separator: " "),
                    text: finding.sentences.map { statement.text(at: $0) }.joined(separator: " ")))
        }
        let own = analysis.diaryNumber
        if let own { highlights.append(Highlight(mark: .diaryNumber, place: own.place, label: own.text)) }
        let dated = StatementFacts.date(in: statement)
        if let dated { highlights.append(Highlight(mark: .date, place: dated.place, label: dated.day.description)) }
        let responder = StatementFacts.responder(
            in: statement, bodies: index.document.bodies, on: dated?.day ?? round.sentOn)
        if let responder {
            highlights.append(Highlight(mark: .responder, place: responder.place, label: responder.bodyID))
        }
        let signers = StatementFacts.signers(in: statement)
        highlights += signers.map { Highlight(mark: .signer, place: $0.place, label: $0.name) }
        let questions = StatementFacts.answers(to: round.questions, in: statement)
        var questionAnswers = Array(repeating: "", count: round.questions.count)
        for found in questions where questionAnswers.indices.contains(found.question) {
            let number = "\(found.question + 1)"
            highlights.append(Highlight(mark: .question, place: found.heading, label: number))
            questionAnswers[found.question] = found.answer.map { statement.text(at: $0) }.joined(separator: "\n\n")
        }
        let sentences = StatementFacts.sentences(in: statement)
        let challenges = StatementFacts.challenges(in: sentences)
        highlights += challenges.map { Highlight(mark: .challenge, place: $0, label: "") }
        let declines = StatementFacts.declines(sentences)
        if let declines { highlights.append(Highlight(mark: .decline, place: declines, label: "")) }
        let joint = StatementFacts.joint(sentences)
        if let joint { highlights.append(Highlight(mark: .joint, place: joint, label: "")) }
        var answer = ReferralDocument.Answer(round: round.id, body: body, status: .draft)
        answer.diaryNumber = own?.text
        answer.diaryIssuer = responder?.written
        answer.preparedBy = signers.isEmpty ? nil : signers.map { "\($0.name), \($0.title)" }.joined(separator: "; ")
        answer.summary = summary(of: statement)
        answer.questionAnswers = questionAnswers.contains { !$0.isEmpty } ? questionAnswers : []
        answer.furtherChallenges =
            challenges.isEmpty ? nil : challenges.map { statement.text(at: $0) }.joined(separator: " ")
        answer.declineReason = declines.map { statement.text(at: $0) }
        answer.jointWith = joint == nil ? [] : jointBodies(statement, round: round, body: body, index: index)
        answer.positions = measures.filter(\.inScope).compactMap { measure in
            guard let suggestion = measure.suggestion else { return nil }
            return ReferralDocument.Position(
                measure: measure.publicID, position: suggestion.position,
                alreadyWorks: measure.alreadyWorks ? true : nil, prerequisites: measure.prerequisites,
                text: measure.text.isEmpty ? nil : measure.text)
        }
        return StatementDraft(
            answer: answer, measures: measures, unresolved: analysis.references.filter { $0.found == nil },
            responder: responder, dated: dated?.day, referralNumber: analysis.referralNumber?.text,
            reports: analysis.reports, highlights: highlights.sorted(by: Self.reading))
    }

    /// In reading order: margins first, then paragraph by paragraph, then by start.
    static func reading(_ left: Highlight, _ right: Highlight) -> Bool {
        func key(_ place: StatementPlace) -> (Int, Int, Int) {
            switch place.part {
            case .margin(let index): return (0, index, place.start)
            case .body(let index): return (1, index, place.start)
            }
        }
        return key(left.place) < key(right.place)
    }

    /// The paragraphs under a heading "Sammanfattning", else the first paragraph that is not a
    /// heading and says more than a line.
    static func summary(of statement: StatementText) -> String? {
        let paragraphs = statement.paragraphs
        if let heading = paragraphs.firstIndex(where: {
            $0.heading != nil && $0.text.lowercased().hasPrefix("sammanfattning")
        }) {
            let under = paragraphs[(heading + 1)...].prefix { $0.heading == nil }.map(\.text)
            if !under.isEmpty { return under.joined(separator: "\n\n") }
        }
        return paragraphs.first { $0.heading == nil && $0.cell == nil && $0.text.count > 80 }?.text
    }

    /// The other recipients of the round that a joint statement names as answering with `body`.
    static func jointBodies(
        _ statement: StatementText, round: ReferralDocument.Round, body: String, index: CatalogueIndex
    ) -> [String] {
        let text = statement.allParts.map(\.text).joined(separator: "\n")
        return round.recipients.map(\.body).filter { other in
            guard other != body, let record = index.bodyByID[other] else { return false }
            return StatementFacts.names(of: record).contains { text.contains($0) }
                || jointShortName(record).map { text.contains($0) } ?? false
        }
    }

    /// "Spånga-Tensta och Rinkeby-Kista stadsdelsnämnder": a district council named by its place
    /// alone in a list of councils.
    static func jointShortName(_ body: BodyRecord) -> String? {
        for suffix in [" stadsdelsnämnd", " stadsdelsnämnden"] where body.name.hasSuffix(suffix) {
            return String(body.name.dropLast(suffix.count)) + " "
        }
        return nil
    }
}
