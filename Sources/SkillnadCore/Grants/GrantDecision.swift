import Foundation

/// The body's decision on one application (beslut): granted in full, in part with the amount, or
/// rejected with a reason that cites the rule.
public struct GrantDecision: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case granted
        case grantedInPart
        case rejected

        public var status: GrantStatus {
            switch self {
            case .granted: .granted
            case .grantedInPart: .grantedInPart
            case .rejected: .rejected
            }
        }
    }

    /// The rule a rejection rests on.
    public enum Rule: String, Sendable, Codable, CaseIterable {
        case registered
        case activeInArea
        case democracyConditions
        case minimumMembers
        case minimumYearsActive
        case minimumBoard
        /// Sent after the last day.
        case deadline
        /// An attachment is missing.
        case attachments
        /// Outside what the scheme gives money for.
        case purpose
        /// The scheme's money is used up by applications ranked higher.
        case funds
    }

    public var outcome: Outcome
    /// The amount granted, in kronor; 0 when rejected.
    public var amount: Int
    public var rule: Rule?
    public var reason: String?

    public init(outcome: Outcome, amount: Int, rule: Rule? = nil, reason: String? = nil) {
        self.outcome = outcome
        self.amount = amount
        self.rule = rule
        self.reason = reason
    }

    public static let reasonLength = 1_000

    /// Reads one decision as the batch form gives it, for an application that asked `requested`
    /// kronor; `field` names its row (`decisions[3]`), if any.
    public static func read(
        outcome: String, amount: String, rule: String, reason: String, requested: Int, field: String
    ) -> (GrantDecision?, [GrantProblem]) {
        var problems: [GrantProblem] = []
        let field = field.isEmpty ? "" : field + "."
        guard let outcome = Outcome(rawValue: outcome) else {
            return (nil, [.init("\(field)outcome", .unknownChoice(String(outcome.prefix(40))))])
        }
        let reasonText = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reasonText.count > reasonLength { problems.append(.init("\(field)reason", .tooLong(maximum: reasonLength))) }
        let ruleText = rule.trimmingCharacters(in: .whitespaces)
        var cited: Rule?
        if !ruleText.isEmpty {
            cited = Rule(rawValue: ruleText)
            if cited == nil { problems.append(.init("\(field)rule", .unknownChoice(String(ruleText.prefix(40))))) }
        }
        var granted = 0
        switch outcome {
        case .granted:
            granted = requested
            if requested <= 0 { problems.append(.init("\(field)amount", .notAnAmount)) }
        case .grantedInPart:
            let written = amount.filter { !$0.isWhitespace && $0 != "\u{A0}" && $0 != "\u{202F}" }
            if let value = Int(written), value > 0, value < requested, written.allSatisfy(\.isASCII) {
                granted = value
            } else {
                problems.append(.init("\(field)amount", .partAmount(requested: requested)))
            }
            if reasonText.isEmpty { problems.append(.init("\(field)reason", .missing)) }
        case .rejected:
            if cited == nil && ruleText.isEmpty { problems.append(.init("\(field)rule", .missing)) }
            if reasonText.isEmpty { problems.append(.init("\(field)reason", .missing)) }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (
            GrantDecision(
                outcome: outcome, amount: granted, rule: cited, reason: reasonText.isEmpty ? nil : reasonText),
            []
        )
    }

    public static let diaryNumberLength = 60

    /// A meeting's diary number (diarienummer) as written, such as `SKÄ 2027/14` or
    /// `1.5.1-123/2027`: some text with a digit in it.
    public static func diaryNumber(_ text: String) -> (String?, [GrantProblem]) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return (nil, [.init("diaryNumber", .missing)]) }
        if trimmed.count > diaryNumberLength {
            return (nil, [.init("diaryNumber", .tooLong(maximum: diaryNumberLength))])
        }
        guard trimmed.contains(where: \.isNumber), !trimmed.contains(where: \.isNewline) else {
            return (nil, [.init("diaryNumber", .unknownChoice(trimmed))])
        }
        return (trimmed, [])
    }
}
