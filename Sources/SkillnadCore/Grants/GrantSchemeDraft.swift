import Foundation

/// A scheme as the officials' form gives it, every value as written; `read` makes it a
/// `GrantScheme` or names every problem at once, those against the city's rules included.
public struct GrantSchemeDraft: Sendable, Codable, Equatable {
    public var id = ""
    public var body = ""
    public var name = ""
    public var nameEn = ""
    public var purpose = ""
    public var audience = ""
    public var areas: [String] = []
    public var minimumMembers = ""
    public var minimumYearsActive = ""
    public var minimumBoard = ""
    public var minimumAmount = ""
    public var maximumAmount = ""
    public var opens = ""
    public var closes = ""
    public var lateDays = ""
    public var decides = ""
    public var reportDue = ""
    public var attachments: [String] = []

    public init() {}

    public init(_ scheme: GrantScheme) {
        id = scheme.id
        body = scheme.body
        name = scheme.name
        nameEn = scheme.nameEn ?? ""
        purpose = scheme.purpose
        audience = scheme.audience
        areas = scheme.areas
        minimumMembers = scheme.rules.minimumMembers.map(String.init) ?? ""
        minimumYearsActive = scheme.rules.minimumYearsActive.map(String.init) ?? ""
        minimumBoard = String(scheme.rules.minimumBoard)
        minimumAmount = String(scheme.minimumAmount)
        maximumAmount = String(scheme.maximumAmount)
        opens = scheme.opens.description
        closes = scheme.closes.description
        lateDays = String(scheme.lateDays)
        decides = scheme.decides.description
        reportDue = scheme.reportDue.description
        attachments = scheme.attachments.map(\.rawValue)
    }

    public static let textLength = 4_000
    public static let nameLength = 200

    /// Reads the draft for one of `bodies`, its areas among `areas`, under `city`.
    public func read(bodies: Set<String>, areas known: Set<String>, city: CityGrantRules) -> (
        GrantScheme?, [GrantProblem]
    ) {
        var problems: [GrantProblem] = []
        func text(_ value: String, _ field: String, maximum: Int, required: Bool = true) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.count > maximum { problems.append(.init(field, .tooLong(maximum: maximum))) }
            if required && trimmed.isEmpty { problems.append(.init(field, .missing)) }
            return trimmed
        }
        func whole(_ value: String, _ field: String, range: ClosedRange<Int>, required: Bool) -> Int? {
            let written = value.filter { !$0.isWhitespace && $0 != "\u{A0}" && $0 != "\u{202F}" }
            if written.isEmpty {
                if required { problems.append(.init(field, .missing)) }
                return nil
            }
            guard written.allSatisfy(\.isASCII), let number = Int(written), range.contains(number) else {
                problems.append(.init(field, .range(minimum: range.lowerBound, maximum: range.upperBound)))
                return nil
            }
            return number
        }
        func day(_ value: String, _ field: String) -> Day? {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            guard let day = Day(trimmed) else {
                problems.append(.init(field, trimmed.isEmpty ? .missing : .notADay))
                return nil
            }
            return day
        }
        let id = text(self.id, "id", maximum: 120)
        if !id.isEmpty && !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            problems.append(.init("id", .unknownChoice(String(id.prefix(60)))))
        }
        let body = self.body.trimmingCharacters(in: .whitespaces)
        if body.isEmpty {
            problems.append(.init("body", .missing))
        } else if !bodies.contains(body) {
            problems.append(.init("body", .unknownChoice(String(body.prefix(60)))))
        }
        let name = text(self.name, "name", maximum: Self.nameLength)
        let nameEn = text(self.nameEn, "nameEn", maximum: Self.nameLength, required: false)
        let purpose = text(self.purpose, "purpose", maximum: Self.textLength)
        let audience = text(self.audience, "audience", maximum: Self.textLength)
        var chosen: [String] = []
        for area in areas where !chosen.contains(area) {
            if known.contains(area) {
                chosen.append(area)
            } else {
                problems.append(.init("areas", .unknownChoice(area)))
            }
        }
        let members = whole(minimumMembers, "minimumMembers", range: 0...100_000, required: false)
        let years = whole(minimumYearsActive, "minimumYearsActive", range: 0...200, required: false)
        let board = whole(minimumBoard, "minimumBoard", range: 0...50, required: false) ?? city.rules.minimumBoard
        let minimum = whole(minimumAmount, "minimumAmount", range: 0...1_000_000_000, required: true)
        let maximum = whole(maximumAmount, "maximumAmount", range: 1...1_000_000_000, required: true)
        let late = whole(lateDays, "lateDays", range: 0...365, required: false) ?? 0
        let opens = day(self.opens, "opens")
        let closes = day(self.closes, "closes")
        let decides = day(self.decides, "decides")
        let reportDue = day(self.reportDue, "reportDue")
        var kinds: [GrantDocumentKind] = []
        for raw in attachments {
            guard let kind = GrantDocumentKind(rawValue: raw), GrantDocumentKind.attachable.contains(kind) else {
                problems.append(.init("attachments", .unknownChoice(String(raw.prefix(40)))))
                continue
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        guard let minimum, let maximum, let opens, let closes, let decides, let reportDue else {
            return (nil, problems)
        }
        let scheme = GrantScheme(
            id: id, body: body, name: name, nameEn: nameEn.isEmpty ? nil : nameEn, purpose: purpose,
            audience: audience, areas: chosen,
            rules: GrantRules(
                registered: city.rules.registered, activeInArea: city.rules.activeInArea,
                democracyConditions: city.rules.democracyConditions, minimumMembers: members,
                minimumYearsActive: years, minimumBoard: board),
            minimumAmount: minimum, maximumAmount: maximum, opens: opens, closes: closes, lateDays: late,
            decides: decides, reportDue: reportDue, attachments: kinds)
        problems += scheme.problems(under: city)
        return problems.isEmpty ? (scheme, []) : (nil, problems)
    }
}
