import Foundation

/// Splits a paragraph into sentences: after `.`, `!` or `?` followed by a space and a capital, a
/// digit or a quote; never inside a measure code (`A.2.3.1`), a number or the abbreviations officials
/// write (`t.ex.`, `bl.a.`, `m.m.`, `dvs.`, `s.k.`, `fr.o.m.`, `t.o.m.`, `ca.`, `kap.`).
public enum StatementSentences {
    static let abbreviations = [
        "t.ex.", "bl.a.", "m.m.", "dvs.", "d.v.s.", "s.k.", "fr.o.m.", "t.o.m.", "ca.", "kap.", "resp.", "nr.",
        "jfr.", "p.g.a.", "osv.", "mfl.", "m.fl.", "o.s.v.", "st.", "kl.", "tel.", "sid.", "s.",
    ]

    /// The sentences' ranges in `text`, in order, each trimmed of surrounding spaces.
    public static func ranges(_ text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".!?".contains(character), next < text.endIndex, text[next] == " " || text[next] == "\t" {
                let after = text[next...].drop { $0 == " " || $0 == "\t" }
                let opensSentence = after.first.map { $0.isUppercase || $0.isNumber || "\"”»(".contains($0) } ?? false
                if opensSentence, !endsAbbreviation(text[start...index]) {
                    append(start..<next)
                    start = after.startIndex
                }
            }
            index = next
        }
        append(start..<text.endIndex)
        return result

        func append(_ range: Range<String.Index>) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
            while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
            if lower < upper { result.append(lower..<upper) }
        }
    }

    private static func endsAbbreviation(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        return abbreviations.contains { abbreviation in
            guard lower.hasSuffix(abbreviation) else { return false }
            let before = lower.dropLast(abbreviation.count).last
            return before == nil || !(before?.isLetter ?? false)
        }
    }
}
