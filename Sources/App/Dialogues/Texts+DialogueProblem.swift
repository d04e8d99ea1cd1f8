import SkillnadCore

/// A dialogue's problems in the reader's language, with the field named as the form names it.
extension Texts {
    /// The field's label: `sessions[2].end` is "Träffar 3: slut"-like, the form's own words.
    func dialogueField(_ field: String) -> String {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        var head = parts.first ?? field
        var position: Int?
        if let open = head.firstIndex(of: "["), let close = head.firstIndex(of: "]"), open < close {
            position = Int(head[head.index(after: open)..<close]).map { $0 + 1 }
            head = String(head[..<open])
        }
        let labels: [String: DialogueText] = [
            "id": .dlId, "title": .dlTitle, "titleEn": .dlTitle, "purpose": .dlPurpose, "question": .dlQuestion,
            "easyRead": .dlEasyRead, "decision": .dlDecision, "decidingBody": .dlDecidingBody,
            "decisionExpected": .dlDecisionExpected, "level": .dlLevel, "method": .dlMethod, "status": .dlStatus,
            "organiser": .dlOrganiser, "coOrganisers": .dlCoOrganisers, "partners": .dlPartners, "measures": .dlTopics,
            "strategies": .dlTopics, "targetAreas": .dlTopics, "tags": .dlTags, "areas": .dlArea,
            "sessions": .dlSessions, "outcome": .dlOutcome, "feedback": .dlFeedback, "version": .dlVersion,
        ]
        var label = labels[head].map { self[$0] } ?? head
        if let position { label += " \(position)" }
        if parts.count > 1 { label += " (\(parts[1]))" }
        return label
    }

    func describe(_ problem: DialogueProblem) -> String {
        let field = dialogueField(problem.field)
        func fill(_ key: DialogueText, _ values: String...) -> String { Strings.fill(self[key], [field] + values) }
        func number(_ value: Double) -> String { NumberText.plain(value, decimals: 5, lang) }
        switch problem.reason {
        case .required: return fill(.dlProblemRequired)
        case .tooLong(let limit): return fill(.dlProblemTooLong, String(limit))
        case .notAnId(let text): return fill(.dlProblemNotAnId, text)
        case .notADate(let text): return fill(.dlProblemNotADate, text)
        case .notATime(let text): return fill(.dlProblemNotATime, text)
        case .notANumber(let text): return fill(.dlProblemNotANumber, text)
        case .negative(let value): return fill(.dlProblemNegative, String(value))
        case .unknownChoice(let text, let allowed):
            return fill(.dlProblemUnknownChoice, text, allowed.joined(separator: ", "))
        case .endsBeforeStart(let start, let end): return fill(.dlProblemEndsBeforeStart, start, end)
        case .groupsExceedTotal(let dimension, let sum, let total):
            return fill(.dlProblemGroupsExceedTotal, dimension, String(sum), String(total))
        case .feedbackBeforeDialogue(let feedback, let starts):
            return fill(.dlProblemFeedbackBeforeDialogue, feedback, starts)
        case .latitudeOutOfRange(let value): return fill(.dlProblemLatitude, number(value))
        case .longitudeOutOfRange(let value): return fill(.dlProblemLongitude, number(value))
        case .coordinatesSwapped(let latitude, let longitude):
            return fill(.dlProblemSwapped, number(latitude), number(longitude))
        case .outsideMunicipality(let latitude, let longitude):
            return fill(.dlProblemOutside, number(latitude), number(longitude))
        case .unknownArea(let id): return fill(.dlProblemUnknownArea, id)
        case .unknownBody(let id): return fill(.dlProblemUnknownBody, id)
        case .unknownMeasure(let id): return fill(.dlProblemUnknownMeasure, id)
        case .unknownStrategy(let id): return fill(.dlProblemUnknownStrategy, id)
        case .unknownTargetArea(let id): return fill(.dlProblemUnknownTargetArea, id)
        case .resultIncomplete(let kind): return fill(.dlProblemResultIncomplete, kind)
        case .noAreaNorDigital: return fill(.dlProblemNoArea)
        case .idTaken(let id): return fill(.dlProblemIdTaken, id)
        case .changedSince(let stored, let given): return fill(.dlProblemChangedSince, String(stored), String(given))
        }
    }
}
