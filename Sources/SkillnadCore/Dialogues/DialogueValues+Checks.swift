import Foundation

extension DialogueValues {
    /// The longest title, and the longest of any other text: a page, not a document.
    public static let titleLimit = 200
    public static let textLimit = 20_000

    /// What is wrong with the dialogue on its own, every problem at once, by field. The names it
    /// refers to are the caller's to check against the catalogue.
    public func problems() -> [DialogueProblem] {
        var problems: [DialogueProblem] = []
        func require(_ text: String?, _ field: String, limit: Int = DialogueValues.textLimit) {
            let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if trimmed.isEmpty {
                problems.append(DialogueProblem(field: field, .required))
            } else if trimmed.count > limit {
                problems.append(DialogueProblem(field: field, .tooLong(limit: limit)))
            }
        }
        func limited(_ text: String?, _ field: String, limit: Int = DialogueValues.textLimit) {
            if let text, text.count > limit { problems.append(DialogueProblem(field: field, .tooLong(limit: limit))) }
        }
        if !Self.isID(id) { problems.append(DialogueProblem(field: "id", .notAnId(id))) }
        require(title, "title", limit: Self.titleLimit)
        limited(titleEn, "titleEn", limit: Self.titleLimit)
        require(purpose, "purpose")
        for (text, field) in [(question, "question"), (easyRead, "easyRead"), (decision, "decision")] {
            limited(text, field)
        }
        require(organiser, "organiser", limit: Self.titleLimit)
        if areas.isEmpty && !digital { problems.append(DialogueProblem(field: "areas", .noAreaNorDigital)) }
        for (index, session) in sessions.enumerated() {
            if let end = session.end, end < session.start {
                problems.append(
                    DialogueProblem(
                        field: "sessions[\(index)].end",
                        .endsBeforeStart(start: session.start.description, end: end.description)))
            }
            if let place = session.place {
                require(place.name, "sessions[\(index)].place.name", limit: Self.titleLimit)
                if let latitude = place.latitude, !(-90...90).contains(latitude) {
                    problems.append(
                        DialogueProblem(field: "sessions[\(index)].place.latitude", .latitudeOutOfRange(latitude)))
                }
                if let longitude = place.longitude, !(-180...180).contains(longitude) {
                    problems.append(
                        DialogueProblem(field: "sessions[\(index)].place.longitude", .longitudeOutOfRange(longitude)))
                }
            }
        }
        if let outcome { problems += outcome.problems() }
        if let starts {
            for (index, given) in feedback.enumerated() where given.date < starts.day {
                problems.append(
                    DialogueProblem(
                        field: "feedback[\(index)].date",
                        .feedbackBeforeDialogue(feedback: given.date.description, starts: starts.day.description)))
            }
        }
        for (index, given) in feedback.enumerated() {
            require(given.channel, "feedback[\(index)].channel", limit: Self.titleLimit)
            require(given.text, "feedback[\(index)].text")
        }
        return problems
    }

    /// Words the portal's own addresses use (`/dialogues/new`, `/dialogues/import`, `/dialogues/reach`):
    /// a dialogue by one of them could not be reached.
    public static let reservedIDs: Set<String> = ["new", "import", "reach", "edit", "fatigue"]

    /// Lower-case letters, digits and single dashes, 1–100 characters, not a reserved word: safe
    /// in an address.
    public static func isID(_ text: String) -> Bool {
        guard (1...100).contains(text.count), !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--"),
            !reservedIDs.contains(text)
        else {
            return false
        }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension DialogueOutcome {
    /// Negative counts, and counts by group of one kind (the part before `=`) that add up to more
    /// than the participants: a group may be left uncounted, never counted twice.
    public func problems() -> [DialogueProblem] {
        var problems: [DialogueProblem] = []
        if let participants, participants < 0 {
            problems.append(DialogueProblem(field: "outcome.participants", .negative(participants)))
        }
        if let contributions, contributions < 0 {
            problems.append(DialogueProblem(field: "outcome.contributions", .negative(contributions)))
        }
        var sums: [String: Int] = [:]
        for (group, count) in participantsByGroup.sorted(by: { $0.key < $1.key }) {
            if count < 0 {
                problems.append(DialogueProblem(field: "outcome.participantsByGroup.\(group)", .negative(count)))
            }
            let dimension = String(group.split(separator: "=", maxSplits: 1).first ?? Substring(group))
            sums[dimension, default: 0] += max(count, 0)
        }
        if let total = participants {
            for (dimension, sum) in sums.sorted(by: { $0.key < $1.key }) where sum > total {
                problems.append(
                    DialogueProblem(
                        field: "outcome.participantsByGroup.\(dimension)",
                        .groupsExceedTotal(dimension: dimension, sum: sum, total: total)))
            }
        }
        for (index, result) in ledTo.enumerated() {
            let complete =
                result.kind == .text
                ? !(result.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                : !(result.target ?? "").isEmpty
            if !complete {
                problems.append(
                    DialogueProblem(field: "outcome.ledTo[\(index)]", .resultIncomplete(kind: result.kind.rawValue)))
            }
        }
        return problems
    }
}
