import Foundation

/// A citizen dialogue (medborgardialog) as recorded: by an official's form, the API, an import
/// file or the demo. Checked on its own here (`problems()`); the names it refers to (areas,
/// bodies, measures) are checked against the catalogue by the caller.
public struct DialogueValues: Sendable, Equatable, Codable {
    /// The public id in addresses: lower case, digits and dashes.
    public var id: String
    public var title: String
    public var titleEn: String?
    /// Why the dialogue is held.
    public var purpose: String
    /// The question put to residents.
    public var question: String?
    /// A summary in easy-to-read Swedish (lättläst).
    public var easyRead: String?
    /// The decision the dialogue feeds, the body that takes it, and when.
    public var decision: String?
    public var decidingBody: String?
    public var decisionExpected: Day?
    /// How much residents can influence that decision.
    public var level: ParticipationLevel
    public var method: DialogueMethod
    public var status: DialogueStatus
    /// The organising body (arrangör) and those organising with it (body ids); partners outside
    /// the city by name.
    public var organiser: String
    public var coOrganisers: [String]
    public var partners: [String]
    /// Topics: measures (public ids such as `D.2.3.1`), strategies and target areas of the
    /// roadmap (their ids), and free tags.
    public var measures: [String]
    public var strategies: [String]
    public var targetAreas: [String]
    public var tags: [String]
    /// The areas the dialogue concerns (area ids); `digital` when it is held online only.
    public var areas: [String]
    public var digital: Bool
    public var sessions: [DialogueSession]
    public var targetGroups: TargetGroupAnalysis?
    public var outcome: DialogueOutcome?
    public var feedback: [DialogueFeedback]
    /// Demo data whose details are invented around facts from the records.
    public var example: Bool

    public init(
        id: String, title: String, titleEn: String? = nil, purpose: String, question: String? = nil,
        easyRead: String? = nil, decision: String? = nil, decidingBody: String? = nil, decisionExpected: Day? = nil,
        level: ParticipationLevel = .consult, method: DialogueMethod, status: DialogueStatus = .planned,
        organiser: String, coOrganisers: [String] = [], partners: [String] = [], measures: [String] = [],
        strategies: [String] = [], targetAreas: [String] = [], tags: [String] = [], areas: [String] = [],
        digital: Bool = false, sessions: [DialogueSession] = [], targetGroups: TargetGroupAnalysis? = nil,
        outcome: DialogueOutcome? = nil, feedback: [DialogueFeedback] = [], example: Bool = false
    ) {
        self.id = id
        self.title = title
        self.titleEn = titleEn
        self.purpose = purpose
        self.question = question
        self.easyRead = easyRead
        self.decision = decision
        self.decidingBody = decidingBody
        self.decisionExpected = decisionExpected
        self.level = level
        self.method = method
        self.status = status
        self.organiser = organiser
        self.coOrganisers = coOrganisers
        self.partners = partners
        self.measures = measures
        self.strategies = strategies
        self.targetAreas = targetAreas
        self.tags = tags
        self.areas = areas
        self.digital = digital
        self.sessions = sessions
        self.targetGroups = targetGroups
        self.outcome = outcome
        self.feedback = feedback
        self.example = example
    }

    /// The first session's start: when the dialogue begins.
    public var starts: LocalMoment? { sessions.map(\.start).min() }
    /// The last session's end (or start): when it was over.
    public var ends: LocalMoment? { sessions.map { $0.end ?? $0.start }.max() }
}

/// One meeting, walk or open period of a dialogue, with where it is held.
public struct DialogueSession: Sendable, Equatable, Codable {
    public var start: LocalMoment
    public var end: LocalMoment?
    public var place: DialoguePlace?

    public init(start: LocalMoment, end: LocalMoment? = nil, place: DialoguePlace? = nil) {
        self.start = start
        self.end = end
        self.place = place
    }
}

/// Where a session is held: a name residents know, an address, and a point for the map
/// (WGS 84 degrees, latitude first as spoken; a swapped pair is caught by the caller's shapes).
public struct DialoguePlace: Sendable, Equatable, Codable {
    public var name: String
    public var address: String?
    public var latitude: Double?
    public var longitude: Double?

    public init(name: String, address: String? = nil, latitude: Double? = nil, longitude: Double? = nil) {
        self.name = name
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Who the dialogue must reach, written before it (målgruppsanalys): who lives or stays in the
/// area, who is usually not heard here, and how they will be reached.
public struct TargetGroupAnalysis: Sendable, Equatable, Codable {
    public var groups: String?
    public var notHeard: String?
    public var recruitment: String?
    public var arrangements: [Arrangement]

    /// What is arranged so that people can come and take part.
    public enum Arrangement: String, Sendable, Codable, CaseIterable {
        case interpreter
        case signLanguage
        case childcare
        case stepFree
        case hearingLoop
        case eveningOrWeekend
        case nearPublicTransport
        case easyRead
    }

    public init(
        groups: String? = nil, notHeard: String? = nil, recruitment: String? = nil, arrangements: [Arrangement] = []
    ) {
        self.groups = groups
        self.notHeard = notHeard
        self.recruitment = recruitment
        self.arrangements = arrangements
    }
}

/// What a dialogue gave and led to ("we asked, you said, we did"). Participants are counted,
/// never listed: a total, and counts by group where they were collected, keyed like an
/// observation's group (`alder=16-24`, `kon=K`, `boende=ja`).
public struct DialogueOutcome: Sendable, Equatable, Codable {
    public var participants: Int?
    public var participantsByGroup: [String: Int]
    public var contributions: Int?
    public var summary: String?
    /// Addresses of documents: minutes, a report, a compilation of the contributions.
    public var documents: [String]
    public var ledTo: [DialogueResult]

    public init(
        participants: Int? = nil, participantsByGroup: [String: Int] = [:], contributions: Int? = nil,
        summary: String? = nil, documents: [String] = [], ledTo: [DialogueResult] = []
    ) {
        self.participants = participants
        self.participantsByGroup = participantsByGroup
        self.contributions = contributions
        self.summary = summary
        self.documents = documents
        self.ledTo = ledTo
    }
}

/// Something a dialogue led to in the municipality's decisions: a budget decision, a measure, a
/// referral answer (by its id in Skillnad), or a text when the result lies elsewhere.
public struct DialogueResult: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case budgetDecision
        case measure
        case referralAnswer
        case text
    }

    public var kind: Kind
    /// The id of what it led to; nil for `text`.
    public var target: String?
    public var text: String?

    public init(kind: Kind, target: String? = nil, text: String? = nil) {
        self.kind = kind
        self.target = target
        self.text = text
    }
}

/// What the participants were told afterwards, when and how (återkoppling).
public struct DialogueFeedback: Sendable, Equatable, Codable {
    public var date: Day
    /// A letter, a meeting, the portal, a text message to those who left a number.
    public var channel: String
    public var text: String

    public init(date: Day, channel: String, text: String) {
        self.date = date
        self.channel = channel
        self.text = text
    }
}
