import Foundation

/// What an association asks of a scheme, as the form gives it; `read` makes it a
/// `GrantRequest` or names every problem at once.
public struct GrantApplicationDraft: Sendable, Codable, Equatable {
    /// The amount asked, in kronor, as written (`25 000` and `25000` alike).
    public var amount: String
    /// What the money is for.
    public var purpose: String
    /// The activity: what, for whom, when and where.
    public var description: String
    /// How many are expected to take part; may be blank.
    public var participants: String

    public init(amount: String = "", purpose: String = "", description: String = "", participants: String = "") {
        self.amount = amount
        self.purpose = purpose
        self.description = description
        self.participants = participants
    }

    public static let textLength = 4_000
    public static let purposeLength = 300

    public init(_ request: GrantRequest) {
        self.init(
            amount: request.amount.map(String.init) ?? "", purpose: request.purpose, description: request.description,
            participants: request.participants.map(String.init) ?? "")
    }

    /// Reads the draft. A draft that is only saved may lack what sending needs; `sending` asks for
    /// everything, and the scheme's amounts.
    public func read(for scheme: GrantScheme, sending: Bool) -> (GrantRequest, [GrantProblem]) {
        var problems: [GrantProblem] = []
        func text(_ value: String, _ field: String, maximum: Int) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.count > maximum { problems.append(.init(field, .tooLong(maximum: maximum))) }
            if sending && trimmed.isEmpty { problems.append(.init(field, .missing)) }
            return trimmed
        }
        let purpose = text(purpose, "purpose", maximum: Self.purposeLength)
        let description = text(description, "description", maximum: Self.textLength)
        var amount: Int?
        let written = self.amount.filter { !$0.isWhitespace && $0 != "\u{A0}" && $0 != "\u{202F}" }
        if written.isEmpty {
            if sending { problems.append(.init("amount", .missing)) }
        } else if let value = Int(written), value >= 0, written.allSatisfy(\.isASCII) {
            amount = value
            if sending && value < scheme.minimumAmount {
                problems.append(.init("amount", .belowMinimum(scheme.minimumAmount)))
            }
            if value > scheme.maximumAmount { problems.append(.init("amount", .aboveMaximum(scheme.maximumAmount))) }
        } else {
            problems.append(.init("amount", .notAnAmount))
        }
        var participants: Int?
        let count = self.participants.trimmingCharacters(in: .whitespaces)
        if !count.isEmpty {
            if let value = Int(count), (0...1_000_000).contains(value) {
                participants = value
            } else {
                problems.append(.init("participants", .range(minimum: 0, maximum: 1_000_000)))
            }
        }
        let request = GrantRequest(
            amount: amount, purpose: purpose, description: description, participants: participants)
        return (request, problems)
    }

    /// What sending needs beyond the form: the scheme open, the association eligible, and every
    /// attachment there.
    public static func sendingProblems(
        scheme: GrantScheme, city: CityGrantRules, reasons: [GrantEligibility.Reason],
        documents: Set<GrantDocumentKind>, on day: Day
    ) -> [GrantProblem] {
        var problems: [GrantProblem] = []
        if day < scheme.opens { problems.append(.init("scheme", .notOpenYet(opens: scheme.opens))) }
        if day > scheme.lastDay { problems.append(.init("scheme", .closed(lastDay: scheme.lastDay))) }
        for reason in reasons { problems.append(.init("association", .notEligible(reason))) }
        for kind in scheme.requiredAttachments(city) where !documents.contains(kind) {
            problems.append(.init("documents.\(kind.rawValue)", .attachmentMissing(kind)))
        }
        return problems
    }
}

/// What an application asks (the stored form of `GrantApplicationDraft`).
public struct GrantRequest: Sendable, Codable, Equatable {
    public var amount: Int?
    public var purpose: String
    public var description: String
    public var participants: Int?

    public init(amount: Int?, purpose: String, description: String, participants: Int?) {
        self.amount = amount
        self.purpose = purpose
        self.description = description
        self.participants = participants
    }
}
