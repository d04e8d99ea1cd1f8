/// One thing wrong with a catalogue file or a referral file, with where it is (a path into the JSON
/// such as `measures[12].leadBody`), so an administrator can fix every problem in one go. The
/// reason is kept as data: files, logs and the API word it in English (`message`), the pages in
/// the reader's language.
public struct CatalogueProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: Reason

    public init(path: String, _ reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var message: String { reason.english }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// All the problems found in a file; thrown as one error so nothing is written.
public struct CatalogueProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogueProblem]
    public init(_ problems: [CatalogueProblem]) { self.problems = problems }
    public var description: String {
        "\(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

extension CatalogueProblem {
    /// The kinds of object a reference can fail to find.
    public enum ObjectKind: String, Sendable, Equatable {
        case body, area, report, commissionArea, strategy, round, measure
    }

    /// What is wrong, with the values that say which.
    public enum Reason: Sendable, Equatable {
        // The shape of a file
        case invalidJSON(String)
        case controlCharacter(String)
        case expectedObject
        case unknownField(known: String)
        case required
        case expectedString
        case mustNotBeEmpty
        case expectedWholeNumber
        case outOfRange(low: Int, high: Int, got: Int)
        case expectedNumber
        case expectedDate(got: String)
        case unknownValue(String, expected: String)
        case expectedStrings
        case expectedNonEmptyString
        case expectedList
        case wrongFormat(expected: String, got: String)
        case wrongVersion(reads: Int, file: Int)
        case expectedPopulation
        case expectedGeometry
        case expectedLetter(got: String)
        case expectedNumeral(got: String)
        // The catalogue's content
        case invalidID(String)
        case idUsedBy(id: String, other: String)
        case noSuchObject(ObjectKind, id: String)
        case parentLoop(String)
        case beforeValidFrom(to: String, from: String)
        case areaCodeUsed(code: String, other: String)
        case notAWebAddress
        case letterUsed(letter: String, other: String)
        case chapterTwice(Int)
        case usedTwice(String)
        case numeralUsedTwice(String)
        case measureCodeUsed(code: String, report: String, other: String)
        case unknownGroup(String, groups: String)
        case namedTwiceForMeasure(String)
        case namedTwice(String)
        case notAMeasureCode(String)
        case letterMismatch(code: String, letter: String, report: String, reportLetter: String)
        case letterWithoutReportLetter(code: String, report: String)
        // Referral rounds and answers
        case roundIDUsed(String)
        case roundNeedsTitle
        case deadlineBeforeSent(deadline: String, sent: String)
        case onListTwice(String)
        case notRoundReport(String)
        case measureNotInRoundReports(String)
        case notOnList(body: String, round: String)
        case alreadyAnswered(body: String, round: String)
        case answerCount(answers: Int, questions: Int)
        case notAnotherBodyOnList(String)
        case notInJointAnswer(String)
        case declineNeedsReason
        case decidedBeforeSent(decided: String, sent: String)
        case measureNotAsked(measure: String, body: String)
        case secondPosition(String)
        // Editing the roadmap
        case roadmapRequired
        case strategyLinked(String)
        case notANumber(String)
        case strategyLine
        case milestoneLine
        /// An object's id is part of public addresses, so a replacement keeps it.
        case idCannotChange(kind: String)

        /// The reason in English, for files, logs and the API.
        public var english: String {
            switch self {
            case .invalidJSON(let detail): "not valid JSON: \(detail)"
            case .controlCharacter(let code): "contains the control character U+\(code)"
            case .expectedObject: "expected an object"
            case .unknownField(let known): "unknown field (known: \(known))"
            case .required: "is required"
            case .expectedString: "expected a string"
            case .mustNotBeEmpty: "must not be empty"
            case .expectedWholeNumber: "expected a whole number"
            case .outOfRange(let low, let high, let got): "must be between \(low) and \(high), got \(got)"
            case .expectedNumber: "expected a number"
            case .expectedDate(let got): "expected a date written YYYY-MM-DD, got \"\(got)\""
            case .unknownValue(let value, let expected): "unknown value \"\(value)\" (expected one of: \(expected))"
            case .expectedStrings: "expected a list of strings"
            case .expectedNonEmptyString: "expected a non-empty string"
            case .expectedList: "expected a list"
            case .wrongFormat(let expected, let got): "expected \"\(expected)\", got \"\(got)\""
            case .wrongVersion(let reads, let file): "this Skillnad reads version \(reads), the file is version \(file)"
            case .expectedPopulation: "expected a number of people, 0 or more"
            case .expectedGeometry: "expected a GeoJSON geometry object with a \"type\""
            case .expectedLetter(let got): "expected one letter A–Z, got \"\(got)\""
            case .expectedNumeral(let got): "expected a roman numeral such as I, IV or VI, got \"\(got)\""
            case .invalidID(let id): "\"\(id)\" is not a valid id (use lowercase a–z, digits and hyphens)"
            case .idUsedBy(let id, let other): "\"\(id)\" is already used by \(other)"
            case .noSuchObject(let kind, let id): "no \(Self.englishName(kind)) has the id \"\(id)\""
            case .parentLoop(let id): "parents form a loop through \"\(id)\""
            case .beforeValidFrom(let to, let from): "\(to) is before validFrom \(from)"
            case .areaCodeUsed(let code, let other): "code \(code) is already used by \(other) of the same kind"
            case .notAWebAddress: "expected a web address starting with https:// or http://"
            case .letterUsed(let letter, let other): "letter \(letter) is already used by \(other)"
            case .chapterTwice(let number): "chapter \(number) is listed twice"
            case .usedTwice(let value): "\"\(value)\" is used twice"
            case .numeralUsedTwice(let numeral): "\(numeral) is used twice in this target area"
            case .measureCodeUsed(let code, let report, let other):
                "\(code) is already used in report \"\(report)\" by \(other)"
            case .unknownGroup(let reference, let groups): "unknown group \"\(reference)\" (groups: \(groups))"
            case .namedTwiceForMeasure(let reference): "\"\(reference)\" is named twice for this measure"
            case .namedTwice(let reference): "\"\(reference)\" is named twice"
            case .notAMeasureCode(let written): "\"\(written)\" is not a measure code (expected e.g. A.2.3.1 or 4.1.1)"
            case .letterMismatch(let code, let letter, let report, let reportLetter):
                "\(code) has letter \(letter) but report \"\(report)\" has letter \(reportLetter)"
            case .letterWithoutReportLetter(let code, let report):
                "\(code) has a letter but report \"\(report)\" has none"
            case .roundIDUsed(let id): "another round has the id \"\(id)\""
            case .roundNeedsTitle: "a round needs a title"
            case .deadlineBeforeSent(let deadline, let sent): "the deadline \(deadline) is before the sent date \(sent)"
            case .onListTwice(let body): "\"\(body)\" is on the distribution list twice"
            case .notRoundReport(let report): "\"\(report)\" is not one of the round's reports"
            case .measureNotInRoundReports(let measure): "\(measure) is not in one of the round's reports"
            case .notOnList(let body, let round): "\"\(body)\" is not on the distribution list of \(round)"
            case .alreadyAnswered(let body, let round): "\(body) already has an answer to \(round)"
            case .answerCount(let answers, let questions): "\(answers) answers to \(questions) questions"
            case .notAnotherBodyOnList(let body): "\"\(body)\" is not another body on the distribution list"
            case .notInJointAnswer(let body): "\"\(body)\" is not among the bodies of the joint answer"
            case .declineNeedsReason: "a body that declines says why"
            case .decidedBeforeSent(let decided, let sent): "decided \(decided), before the round was sent \(sent)"
            case .measureNotAsked(let measure, let body):
                "\(measure) is not among the measures \(body) is asked about in this round"
            case .secondPosition(let measure): "a second position on \(measure)"
            case .roadmapRequired: "a roadmap is required"
            case .strategyLinked(let strategy):
                "strategy \(strategy) is linked to measures; unlink them before removing it"
            case .notANumber(let text): "\"\(text)\" is not a number"
            case .strategyLine: "write a strategy as \"I | title | English title\""
            case .milestoneLine:
                "write a milestone as \"id | text | indicator | unit | baseline | year | target | year\""
            case .idCannotChange(let kind):
                "the id cannot change (it is part of public addresses); create a new \(kind) and delete this one instead"
            }
        }

        static func englishName(_ kind: ObjectKind) -> String {
            switch kind {
            case .body: "body"
            case .area: "area"
            case .report: "report"
            case .commissionArea: "commission area"
            case .strategy: "roadmap strategy"
            case .round: "round"
            case .measure: "measure"
            }
        }
    }
}
