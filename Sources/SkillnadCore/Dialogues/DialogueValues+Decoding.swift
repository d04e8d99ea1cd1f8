/// Lists and flags may be left out of a dialogue's JSON (a demo file, an API client): absent
/// reads as empty or false, so a short record stays short.
extension DialogueValues {
    enum CodingKeys: String, CodingKey {
        case id, title, titleEn, purpose, question, easyRead, decision, decidingBody, decisionExpected, level, method
        case status, organiser, coOrganisers, partners, measures, strategies, targetAreas, tags, areas, digital
        case sessions, targetGroups, outcome, feedback, example
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func list<T: Decodable>(_ key: CodingKeys) throws -> [T] {
            try container.decodeIfPresent([T].self, forKey: key) ?? []
        }
        self.init(
            id: try container.decode(String.self, forKey: .id),
            title: try container.decode(String.self, forKey: .title),
            titleEn: try container.decodeIfPresent(String.self, forKey: .titleEn),
            purpose: try container.decode(String.self, forKey: .purpose),
            question: try container.decodeIfPresent(String.self, forKey: .question),
            easyRead: try container.decodeIfPresent(String.self, forKey: .easyRead),
            decision: try container.decodeIfPresent(String.self, forKey: .decision),
            decidingBody: try container.decodeIfPresent(String.self, forKey: .decidingBody),
            decisionExpected: try container.decodeIfPresent(Day.self, forKey: .decisionExpected),
            level: try container.decodeIfPresent(ParticipationLevel.self, forKey: .level) ?? .consult,
            method: try container.decode(DialogueMethod.self, forKey: .method),
            status: try container.decodeIfPresent(DialogueStatus.self, forKey: .status) ?? .planned,
            organiser: try container.decode(String.self, forKey: .organiser), coOrganisers: try list(.coOrganisers),
            partners: try list(.partners), measures: try list(.measures), strategies: try list(.strategies),
            targetAreas: try list(.targetAreas), tags: try list(.tags), areas: try list(.areas),
            digital: try container.decodeIfPresent(Bool.self, forKey: .digital) ?? false,
            sessions: try list(.sessions),
            targetGroups: try container.decodeIfPresent(TargetGroupAnalysis.self, forKey: .targetGroups),
            outcome: try container.decodeIfPresent(DialogueOutcome.self, forKey: .outcome),
            feedback: try list(.feedback), example: try container.decodeIfPresent(Bool.self, forKey: .example) ?? false)
    }
}

extension DialogueOutcome {
    enum CodingKeys: String, CodingKey {
        case participants, participantsByGroup, contributions, summary, documents, ledTo
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            participants: try container.decodeIfPresent(Int.self, forKey: .participants),
            participantsByGroup: try container.decodeIfPresent([String: Int].self, forKey: .participantsByGroup) ?? [:],
            contributions: try container.decodeIfPresent(Int.self, forKey: .contributions),
            summary: try container.decodeIfPresent(String.self, forKey: .summary),
            documents: try container.decodeIfPresent([String].self, forKey: .documents) ?? [],
            ledTo: try container.decodeIfPresent([DialogueResult].self, forKey: .ledTo) ?? [])
    }
}

extension TargetGroupAnalysis {
    enum CodingKeys: String, CodingKey {
        case groups, notHeard, recruitment, arrangements
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            groups: try container.decodeIfPresent(String.self, forKey: .groups),
            notHeard: try container.decodeIfPresent(String.self, forKey: .notHeard),
            recruitment: try container.decodeIfPresent(String.self, forKey: .recruitment),
            arrangements: try container.decodeIfPresent([Arrangement].self, forKey: .arrangements) ?? [])
    }
}
