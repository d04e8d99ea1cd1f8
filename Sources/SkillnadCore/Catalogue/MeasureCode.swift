/// A measure's number inside a report (åtgärdsnummer), such as `A.2.3.1`, `B.2.1` or `6.4.2`.
///
/// Numbers are hierarchical (chapter.section.item) and only unique within one report; the optional
/// letter names the report (A = "Dold potential", B = "Staden där vi möts", D = "Medborgare med mandat").
/// Documents spell the same code in several ways (`A2.3.1`, `A.2.3.1`, `(4.1.1)`, `förslag 2.4.1`),
/// so every variant is reduced to one value with one canonical spelling, which is what is stored,
/// compared and encoded. Which report a letterless code belongs to is not decided here: see
/// `MeasureCodeResolver`.
public struct MeasureCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Uppercase report letter, e.g. "A", or nil.
    public let letter: String?
    /// The components, e.g. `[2, 3, 1]`; at least one element, none negative.
    public let numbers: [Int]

    /// Creates a code from its parts. The letter is trimmed and uppercased ("" means none).
    ///
    /// - Precondition: `numbers` is non-empty and non-negative, and `letter` is one letter A–Z.
    ///   These are programmer errors; text from users or files goes through `parse(_:)`.
    public init(letter: String?, numbers: [Int]) {
        let trimmed = letter?.trimmingCharacters(in: .whitespaces).uppercased()
        let normalized = (trimmed?.isEmpty ?? true) ? nil : trimmed
        precondition(!numbers.isEmpty, "a measure code needs at least one number")
        precondition(numbers.allSatisfy { $0 >= 0 }, "measure code numbers cannot be negative")
        precondition(normalized.map(Self.isReportLetter) ?? true, "a report letter is one letter A–Z")
        self.letter = normalized
        self.numbers = numbers
    }

    /// The one canonical spelling: letter and numbers joined by dots ("A.2.3.1", "6.4.2").
    public var canonical: String {
        let digits = numbers.map(String.init).joined(separator: ".")
        return letter.map { "\($0).\(digits)" } ?? digits
    }

    public var description: String { canonical }

    /// The enclosing section (A.2.3 for A.2.3.1), keeping the letter; nil for a chapter.
    public var parent: MeasureCode? {
        numbers.count > 1 ? MeasureCode(letter: letter, numbers: Array(numbers.dropLast())) : nil
    }

    /// The chapter number (the first component).
    public var chapter: Int { numbers[0] }

    /// The same numbers without a report letter, for comparing across spellings.
    public var withoutLetter: MeasureCode { MeasureCode(letter: nil, numbers: numbers) }

    /// The same numbers with the given report letter (nil removes it).
    public func withLetter(_ l: String?) -> MeasureCode { MeasureCode(letter: l, numbers: numbers) }

    // MARK: Comparable

    /// Letterless codes first, then by letter; within a letter numerically component by component,
    /// so 2.9 < 2.10 and a parent (B.2.2) sorts before its children (B.2.2.1).
    public static func < (a: MeasureCode, b: MeasureCode) -> Bool {
        switch (a.letter, b.letter) {
        case (nil, _?): return true
        case (_?, nil): return false
        case let (x?, y?) where x != y: return x < y
        default: return a.numbers.lexicographicallyPrecedes(b.numbers)
        }
    }

    // MARK: Codable

    /// Encoded as its canonical string, so stored JSON reads like the documents do.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(canonical)
    }

    /// Decodes the canonical string; any variant `parse(_:)` accepts is accepted too.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = MeasureCode(canonical: text) ?? MeasureCode.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a measure code (expected e.g. A.2.3.1 or 4.1.1)")
        }
        self = code
    }

    /// Strict reader of `canonical` (which may have a single number, unlike what `parse` accepts).
    init?(canonical text: String) {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var letter: String?
        if let first = parts.first, first.count == 1, let c = first.first, Self.isUppercaseASCIILetter(c) {
            letter = first
            parts.removeFirst()
        }
        guard let numbers = Self.numbers(from: parts) else { return nil }
        self.init(letter: letter, numbers: numbers)
    }
}

// MARK: - Parsing one code

extension MeasureCode {
    /// Words that may introduce a code ("förslag 2.4.1", "åtgärd 4.1.1", "åtgärderna A2.3.1", "nr 4.1.1"),
    /// compared after `SearchText.fold`, so "Förslag" and "atgard" match too.
    static let introducingWords: Set<String> = [
        "forslag", "forslaget", "forslagen", "forslagets",
        "atgard", "atgarden", "atgarder", "atgarderna", "atgardens",
        "atgardsnummer", "atgardsnr", "nr", "nummer",
    ]

    /// Parses one code written alone, in any variant documents use:
    /// "A2.3.1", "A.2.3.1", "a.2.3.1", "A 2.3.1", "2.3.1", "(4.1.1)", "förslag 2.4.1",
    /// "åtgärd 2.4.1", "åtgärderna 4.2.1", with surrounding whitespace and one trailing
    /// punctuation mark ("2.3.1.") tolerated.
    ///
    /// Returns nil for anything that is not exactly one code: "", "A", "abc", "1..2", "2024",
    /// "4.1.1, 4.1.2". A letterless code needs at least two numbers (a lone "2024" is a year, not a
    /// chapter); a lettered one needs one ("A.2"). Each number has one or two digits, which keeps
    /// dates ("2018.12.06") and IP-like strings out.
    public static func parse(_ text: String) -> MeasureCode? {
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let last = s.last, ".,;:".contains(last) { s = s.dropLast() }
        s = stripParentheses(s)
        // At most two introducing words: "åtgärd nr 4.1.1".
        for _ in 0..<2 {
            guard let space = s.firstIndex(where: \.isWhitespace) else { break }
            guard introducingWords.contains(SearchText.fold(String(s[..<space]))) else { break }
            s = stripParentheses(s[space...].drop(while: \.isWhitespace))
        }
        return parseCore(s)
    }

    private static func stripParentheses(_ s: Substring) -> Substring {
        guard s.first == "(", s.last == ")", s.count >= 2 else { return s }
        return Substring(s.dropFirst().dropLast().trimmingCharacters(in: .whitespaces))
    }

    /// `[letter [.|spaces]] n(.n)*` and nothing else.
    private static func parseCore(_ s: Substring) -> MeasureCode? {
        var rest = s
        var letter: String?
        if let first = rest.first, first.isASCII, first.isLetter {
            letter = String(first).uppercased()
            rest = rest.dropFirst()
            if rest.first == "." {
                rest = rest.dropFirst()
            } else {
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let numbers = numbers(from: parts) else { return nil }
        guard numbers.count >= (letter == nil ? 2 : 1) else { return nil }
        return MeasureCode(letter: letter, numbers: numbers)
    }

    /// Each part must be one or two ASCII digits.
    private static func numbers(from parts: [String]) -> [Int]? {
        guard !parts.isEmpty else { return nil }
        var result: [Int] = []
        for part in parts {
            guard (1...2).contains(part.count), part.allSatisfy(isASCIIDigit), let n = Int(part) else { return nil }
            result.append(n)
        }
        return result
    }

    static func isASCIIDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static func isUppercaseASCIILetter(_ c: Character) -> Bool { c.isASCII && c.isUppercase }
    static func isReportLetter(_ s: String) -> Bool {
        s.count == 1 && s.first.map(isUppercaseASCIILetter) == true
    }
}

// MARK: - Finding codes in running text

extension MeasureCode {
    /// Finds every code written in running text with its range, in order. The range covers the code
    /// itself (letter through last digit), not surrounding parentheses or an introducing word.
    ///
    /// Running text is full of dotted numbers that are not codes, so the rule is stricter than `parse`:
    /// - A candidate is a run of one- or two-digit numbers joined by single dots, optionally preceded by
    ///   an uppercase letter A–Z written directly before it or with one dot ("A2.3.1", "A.2.3.1").
    ///   A letter separated by a space is not taken ("I 2.3.1" is Swedish for "in 2.3.1"), nor a
    ///   lowercase one ("bl.a.").
    /// - A lettered code needs at least two numbers ("B.2.1"; "A4" is a paper size).
    /// - A letterless code needs at least three numbers ("6.4.2"): "22.9" and "9.30" are decimals and
    ///   times. Two numbers are accepted only when the code stands alone in parentheses ("(6.4)"),
    ///   directly after an introducing word ("förslag 2.4", "åtgärderna 4.2"), or continues such a list
    ///   ("åtgärderna 4.2 och 4.3"). A single number is never a code in running text.
    /// - A run with a number of three or more digits is no code at all ("2018.12.06", "1.250").
    /// - A code must stand as a word: it may not touch letters, digits, hyphens, slashes, underscores,
    ///   or a comma or dot followed by a digit ("9,2" and "22.9" stay decimals). Numbers joined by
    ///   hyphens are identifiers — dates ("2018-12-06"), diary numbers ("Dnr 34-2017-1.5.1",
    ///   "1.5.1-597/2018") — so a code touching a hyphen is not reported; an en dash ("4.1.1–4.1.3")
    ///   is fine.
    /// - A code right after "Dnr" or "diarienummer" is a diary number and is not reported.
    public static func extractAll(from text: String) -> [(range: Range<String.Index>, code: MeasureCode)] {
        let chars = Array(text)
        let indices = Array(text.indices) + [text.endIndex]
        let n = chars.count
        var found: [(range: Range<String.Index>, code: MeasureCode)] = []
        // End of the last code accepted in an introduced list, for "åtgärderna 4.2 och 4.3".
        var listEnd: Int?
        var i = 0
        while i < n {
            guard isASCIIDigit(chars[i]), i == 0 || !isASCIIDigit(chars[i - 1]) else {
                i += 1
                continue
            }
            // The whole dotted run, even when it turns out not to be a code, so it is skipped as one.
            var groups: [String] = []
            var j = i
            while true {
                var k = j
                while k < n, isASCIIDigit(chars[k]) { k += 1 }
                groups.append(String(chars[j..<k]))
                j = k
                guard j + 1 < n, chars[j] == ".", isASCIIDigit(chars[j + 1]) else { break }
                j += 1
            }
            defer { i = j }

            guard groups.allSatisfy({ $0.count <= 2 }) else { continue }
            var start = i
            var letter: String?
            if i >= 1, isUppercaseASCIILetter(chars[i - 1]) {
                letter = String(chars[i - 1])
                start = i - 1
            } else if i >= 2, chars[i - 1] == ".", isUppercaseASCIILetter(chars[i - 2]) {
                letter = String(chars[i - 2])
                start = i - 2
            }
            guard !touchesWordBefore(chars, start), !touchesWordAfter(chars, j),
                !isDiaryNumber(chars, before: start)
            else { continue }
            let introduced =
                isInParentheses(chars, start, j) || precedingWordIntroduces(chars, start)
                || listEnd.map { continuesList(chars, from: $0, to: start) } == true
            let enough = letter != nil ? groups.count >= 2 : (groups.count >= 3 || (groups.count == 2 && introduced))
            guard enough else { continue }
            let numbers = groups.compactMap { Int($0) }
            guard numbers.count == groups.count else { continue }
            found.append((indices[start]..<indices[j], MeasureCode(letter: letter, numbers: numbers)))
            listEnd = introduced ? j : nil
        }
        return found
    }

    /// Characters that make a preceding character part of another token.
    private static let joiners: Set<Character> = ["-", "\u{2010}", "\u{2011}", "/", "\\", "_", ".", ",", "+", "#", "@"]

    private static func touchesWordBefore(_ chars: [Character], _ start: Int) -> Bool {
        guard start > 0 else { return false }
        let p = chars[start - 1]
        return p.isLetter || p.isNumber || joiners.contains(p)
    }

    private static func touchesWordAfter(_ chars: [Character], _ end: Int) -> Bool {
        guard end < chars.count else { return false }
        let q = chars[end]
        if q.isLetter || q.isNumber || q == "%" { return true }
        if q == "." || q == "," {  // sentence punctuation is fine, "4.1.1,5" is not
            return end + 1 < chars.count && chars[end + 1].isNumber
        }
        return joiners.contains(q)
    }

    /// "(6.4)" or "( 6.4 )": nothing else inside the parentheses.
    private static func isInParentheses(_ chars: [Character], _ start: Int, _ end: Int) -> Bool {
        var b = start - 1
        while b >= 0, chars[b].isWhitespace { b -= 1 }
        var a = end
        while a < chars.count, chars[a].isWhitespace { a += 1 }
        return b >= 0 && chars[b] == "(" && a < chars.count && chars[a] == ")"
    }

    /// The folded word before `start` (spaces and a colon in between allowed), or "".
    private static func precedingWord(_ chars: [Character], _ start: Int) -> String {
        var e = start
        while e > 0, chars[e - 1].isWhitespace || chars[e - 1] == ":" { e -= 1 }
        var b = e
        while b > 0, chars[b - 1].isLetter { b -= 1 }
        return SearchText.fold(String(chars[b..<e]))
    }

    private static func precedingWordIntroduces(_ chars: [Character], _ start: Int) -> Bool {
        introducingWords.contains(precedingWord(chars, start))
    }

    private static func isDiaryNumber(_ chars: [Character], before start: Int) -> Bool {
        ["dnr", "diarienummer", "diarienr"].contains(precedingWord(chars, start))
    }

    /// Whether only list separators (", ", " och ", " samt ", " – " …) lie between two codes.
    private static func continuesList(_ chars: [Character], from end: Int, to start: Int) -> Bool {
        guard end < start, start - end <= 20 else { return false }
        let gap = chars[end..<start]
        let separators: Set<Character> = [",", ";", "&", "\u{2013}", "\u{2014}"]
        guard gap.allSatisfy({ $0.isWhitespace || $0.isLetter || separators.contains($0) }) else { return false }
        let words = SearchText.tokens(String(gap))
        return words.count <= 1 && words.allSatisfy { ["och", "samt", "eller", "respektive"].contains($0) }
    }
}
