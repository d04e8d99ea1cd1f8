import Foundation
import SkillnadCore
import Vapor

/// The dialogue form's fields as posted, and their reading into a dialogue: lists one per line,
/// sessions and feedback as `a; b; c` lines, every problem named by its field and line.
struct DialogueFormFields: Content, Sendable {
    var id, title, titleEn, purpose, question, easyRead, decision, decidingBody, decisionExpected: String?
    var level, method, status, organiser, coOrganisers, partners, measures, tags, digital: String?
    var sessions, groups, notHeard, recruitment: String?
    var participants, byGroup, contributions, summary, documents, ledTo, feedback: String?
    var version, acknowledged: String?
    var areas, strategies, targetAreas, arrangements: [String]?

    /// The fields of a stored dialogue, for editing.
    init(_ values: DialogueValues, version: Int) {
        id = values.id
        title = values.title
        titleEn = values.titleEn
        purpose = values.purpose
        question = values.question
        easyRead = values.easyRead
        decision = values.decision
        decidingBody = values.decidingBody
        decisionExpected = values.decisionExpected?.description
        level = values.level.rawValue
        method = values.method.rawValue
        status = values.status.rawValue
        organiser = values.organiser
        coOrganisers = values.coOrganisers.joined(separator: "\n")
        partners = values.partners.joined(separator: "\n")
        measures = values.measures.joined(separator: "\n")
        tags = values.tags.joined(separator: ", ")
        digital = values.digital ? "on" : nil
        sessions = values.sessions.map { session in
            [
                session.start.description, session.end?.description ?? "", session.place?.name ?? "",
                session.place?.address ?? "", session.place?.latitude.map { String($0) } ?? "",
                session.place?.longitude.map { String($0) } ?? "",
            ].joined(separator: "; ")
        }.joined(separator: "\n")
        groups = values.targetGroups?.groups
        notHeard = values.targetGroups?.notHeard
        recruitment = values.targetGroups?.recruitment
        arrangements = values.targetGroups?.arrangements.map(\.rawValue)
        participants = values.outcome?.participants.map(String.init)
        byGroup = (values.outcome?.participantsByGroup ?? [:]).sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        contributions = values.outcome?.contributions.map(String.init)
        summary = values.outcome?.summary
        documents = values.outcome?.documents.joined(separator: "\n")
        ledTo = (values.outcome?.ledTo ?? []).map { result in
            "\(result.kind.rawValue) \(result.kind == .text ? result.text ?? "" : result.target ?? "")"
        }.joined(separator: "\n")
        feedback = values.feedback.map { "\($0.date); \($0.channel); \($0.text)" }.joined(separator: "\n")
        self.version = String(version)
        areas = values.areas
        strategies = values.strategies
        targetAreas = values.targetAreas
    }

    init() {}

    /// The lines of a text field, trimmed, empty ones left out, with their 1-based numbers.
    static func lines(_ text: String?) -> [(number: Int, text: String)] {
        (text ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap {
            index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (index + 1, trimmed)
        }
    }

    /// A number as typed, with a decimal comma or point.
    static func decimal(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: ""))
    }

    /// The dialogue the fields describe, and what could not be read (by field).
    func read() -> (values: DialogueValues, problems: [DialogueProblem]) {
        var problems: [DialogueProblem] = []
        func choice<T: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, default value: T) -> T
        where T.RawValue == String {
            guard let raw = formText(text) else { return value }
            guard let chosen = T(rawValue: raw) else {
                problems.append(
                    DialogueProblem(field: field, .unknownChoice(raw, allowed: T.allCases.map(\.rawValue))))
                return value
            }
            return chosen
        }
        func count(_ text: String?, _ field: String) -> Int? {
            guard let raw = formText(text) else { return nil }
            guard let number = Int(raw.replacingOccurrences(of: " ", with: "")) else {
                problems.append(DialogueProblem(field: field, .notANumber(String(raw.prefix(40)))))
                return nil
            }
            return number
        }
        var expected: Day?
        if let raw = formText(decisionExpected) {
            expected = Day(raw)
            if expected == nil { problems.append(DialogueProblem(field: "decisionExpected", .notADate(raw))) }
        }
        var values = DialogueValues(
            id: formText(id) ?? "", title: formText(title) ?? "", titleEn: formText(titleEn),
            purpose: formText(purpose) ?? "", question: formText(question), easyRead: formText(easyRead),
            decision: formText(decision), decidingBody: formText(decidingBody), decisionExpected: expected,
            level: choice(level, "level", default: ParticipationLevel.consult),
            method: choice(method, "method", default: DialogueMethod.other),
            status: choice(status, "status", default: DialogueStatus.planned), organiser: formText(organiser) ?? "",
            coOrganisers: Self.lines(coOrganisers).map(\.text), partners: Self.lines(partners).map(\.text),
            measures: Self.lines(measures).map(\.text), strategies: (strategies ?? []).compactMap(formText),
            targetAreas: (targetAreas ?? []).compactMap(formText),
            tags: (tags ?? "").split(separator: ",").compactMap { formText(String($0)) },
            areas: (areas ?? []).compactMap(formText), digital: digital != nil)
        values.sessions = readSessions(&problems)
        let arrangementValues = (arrangements ?? []).compactMap { raw -> TargetGroupAnalysis.Arrangement? in
            guard let arrangement = TargetGroupAnalysis.Arrangement(rawValue: raw) else {
                problems.append(
                    DialogueProblem(
                        field: "targetGroups.arrangements",
                        .unknownChoice(raw, allowed: TargetGroupAnalysis.Arrangement.allCases.map(\.rawValue))))
                return nil
            }
            return arrangement
        }
        if formText(groups) != nil || formText(notHeard) != nil || formText(recruitment) != nil
            || !arrangementValues.isEmpty
        {
            values.targetGroups = TargetGroupAnalysis(
                groups: formText(groups), notHeard: formText(notHeard), recruitment: formText(recruitment),
                arrangements: arrangementValues)
        }
        var outcome = DialogueOutcome(
            participants: count(participants, "outcome.participants"),
            contributions: count(contributions, "outcome.contributions"), summary: formText(summary),
            documents: Self.lines(documents).map(\.text))
        for line in Self.lines(byGroup) {
            guard let split = line.text.lastIndex(of: "="),
                let number = Int(line.text[line.text.index(after: split)...].trimmingCharacters(in: .whitespaces))
            else {
                problems.append(
                    DialogueProblem(field: "outcome.participantsByGroup[\(line.number - 1)]", .notANumber(line.text)))
                continue
            }
            outcome.participantsByGroup[line.text[..<split].trimmingCharacters(in: .whitespaces)] = number
        }
        outcome.ledTo = Self.lines(ledTo).map { line in
            let parts = line.text.split(separator: " ", maxSplits: 1).map(String.init)
            let rest = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            let kind = Self.resultKind(parts.first ?? "")
            guard let kind else { return DialogueResult(kind: .text, text: line.text) }
            return kind == .text ? DialogueResult(kind: .text, text: rest) : DialogueResult(kind: kind, target: rest)
        }
        if outcome != DialogueOutcome() { values.outcome = outcome }
        for line in Self.lines(feedback) {
            let parts = line.text.split(separator: ";", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            let field = "feedback[\(line.number - 1)]"
            guard let date = parts.first.flatMap(Day.init) else {
                problems.append(DialogueProblem(field: field + ".date", .notADate(parts.first ?? line.text)))
                continue
            }
            values.feedback.append(
                DialogueFeedback(
                    date: date, channel: parts.count > 1 ? parts[1] : "", text: parts.count > 2 ? parts[2] : ""))
        }
        return (values, problems)
    }

    /// `measure`, `budgetDecision`, `referralAnswer`, `text`, or their Swedish words.
    static func resultKind(_ word: String) -> DialogueResult.Kind? {
        let swedish: [String: DialogueResult.Kind] = [
            "åtgärd": .measure, "budgetbeslut": .budgetDecision, "remissvar": .referralAnswer, "annat": .text,
        ]
        return DialogueResult.Kind(rawValue: word) ?? swedish[word.lowercased()]
    }

    func readSessions(_ problems: inout [DialogueProblem]) -> [DialogueSession] {
        Self.lines(sessions).compactMap { line in
            let parts = line.text.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let field = "sessions[\(line.number - 1)]"
            guard let start = LocalMoment(parts[0]) else {
                problems.append(DialogueProblem(field: field + ".start", .notATime(parts[0])))
                return nil
            }
            var end: LocalMoment?
            if parts.count > 1, !parts[1].isEmpty {
                // An end of `20:00` is on the start's day.
                end = LocalMoment(parts[1]) ?? LocalMoment("\(start.day) \(parts[1])")
                if end == nil { problems.append(DialogueProblem(field: field + ".end", .notATime(parts[1]))) }
            }
            var place: DialoguePlace?
            if parts.count > 2, !parts[2].isEmpty {
                place = DialoguePlace(name: parts[2], address: parts.count > 3 ? formText(parts[3]) : nil)
                for (index, name) in [(4, "latitude"), (5, "longitude")]
                where parts.count > index && !parts[index].isEmpty {
                    guard let number = Self.decimal(parts[index]) else {
                        problems.append(DialogueProblem(field: field + ".place.\(name)", .notANumber(parts[index])))
                        continue
                    }
                    if index == 4 { place?.latitude = number } else { place?.longitude = number }
                }
            }
            return DialogueSession(start: start, end: end, place: place)
        }
    }
}
