import Foundation

/// A statement's diary number (diarienummer, Dnr) as the body wrote it. Formats differ between
/// bodies (`112-2016-1.5.1`, `1.2.4-182-2013`, `2006-152-307`, `316-259/2012`,
/// `T 2010-313-01743`, `SDN 2017/34`), so it is kept as text, never reformatted.
///
/// Found after a label (`Dnr`, `Dnr:`, `Diarienummer`, `Diarienr`, `Vårt dnr`). A number labelled
/// as the recipient's or the city executive's (`Ert dnr`, `KS dnr`, `Kommunstyrelsens dnr`) is the
/// referral's own number, not the body's, and is told apart.
public struct DiaryNumber: Sendable, Equatable {
    public enum Role: String, Sendable, Equatable, Codable {
        /// The responding body's number for its statement.
        case own
        /// The number the referral was sent under (the city executive office's).
        case referral
    }

    public var text: String
    public var role: Role
    public var place: StatementPlace

    public init(text: String, role: Role, place: StatementPlace) {
        self.text = text
        self.role = role
        self.place = place
    }

    /// Every labelled diary number, margins first, in the order they stand.
    public static func find(in statement: StatementText) -> [DiaryNumber] {
        var found: [DiaryNumber] = []
        for (part, text) in statement.allParts {
            for (range, role) in numbers(in: text) {
                let value = String(text[range])
                if !found.contains(where: { $0.text == value && $0.role == role }) {
                    found.append(DiaryNumber(text: value, role: role, place: text.place(range, in: part)))
                }
            }
        }
        return found
    }

    /// The body's own number: the first found that is not the referral's.
    public static func own(in statement: StatementText) -> DiaryNumber? {
        find(in: statement).first { $0.role == .own }
    }

    /// For comparing two ways of writing one number: without a label, spaces and case
    /// ("Dnr KS 123-1499/2016" and "ks 123-1499/2016" are one number).
    public static func normalised(_ text: String) -> String {
        var lower = text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        for label in ["diarienummer", "diarienr", "dnr"] where lower.hasPrefix(label) {
            lower = String(lower.dropFirst(label.count))
        }
        return lower.filter { !$0.isWhitespace && $0 != ":" }
    }

    /// Label, then an optional prefix of capitals (`T`, `SDN`), then digits with dots joined by
    /// `-`, `/` or `:` at least once.
    static let pattern =
        #"(?i:\b(?:dnr|diarienr|diarie-nr|diarienummer)\b\.?:?)[ \t]*((?:[A-ZÅÄÖ]{1,6}[ \-])?\d[\d.]*(?:[\-/:]\d[\d.]*)+)"#

    static func numbers(in text: String) -> [(Range<String.Index>, Role)] {
        // Most paragraphs have no label: a plain search rules them out before the expression runs.
        guard
            text.range(of: "dnr", options: .caseInsensitive) != nil
                || text.range(of: "diarie", options: .caseInsensitive) != nil,
            let regex = try? Regex(pattern)
        else { return [] }
        var result: [(Range<String.Index>, Role)] = []
        for match in text.matches(of: regex) {
            guard let captured = match.output[1].range else { continue }
            var range = captured
            // A full stop that ends the sentence is not part of the number.
            while range.upperBound > range.lowerBound, text[text.index(before: range.upperBound)] == "." {
                range = range.lowerBound..<text.index(before: range.upperBound)
            }
            let from =
                text.index(match.range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
            let before = text[from..<match.range.lowerBound].lowercased()
            let referral = ["ert ", "er ", "ks ", "ks:", "kommunstyrelsens ", "stadsledningskontorets ", "kf "]
                .contains { before.hasSuffix($0) || before.hasSuffix($0 + " ") }
            result.append((range, referral ? .referral : .own))
        }
        return result
    }
}
