/// Text normalisation for search (sökning): folding and a light Swedish stemmer.
///
/// Search is done by storing `index(_:)` of a text next to it and matching each query term from
/// `terms(_:)` with `LIKE '% term%'`. That plain `LIKE` behaves the same on SQLite and PostgreSQL
/// (no full-text extension, collation or `ILIKE` needed) because both sides are already lowercased,
/// diacritic-free and stemmed here; and terms only ever contain letters and digits, so they need no
/// escaping of `%` or `_`. The leading space anchors a term at a word start, so "medborg" finds
/// "medborgardialog" while "dialog" does not match inside "medborgardialog".
public enum SearchText {
    /// Lowercased, diacritics folded (å ä → a, ö → o, é → e, ü → u, ø → o, æ → ae, ß → ss, ligatures
    /// and full-width forms unpacked), everything that is not a letter or digit → a single space,
    /// trimmed. Soft hyphens and other invisible format characters are dropped without splitting a word.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let category = scalar.properties.generalCategory
            switch category {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            default:
                break
            }
            let replacement: String?
            if let special = specialLetters[scalar] {
                replacement = special
            } else if scalar.properties.isAlphabetic || category == .decimalNumber {
                replacement = String(scalar)
            } else {
                replacement = nil
            }
            guard let r = replacement else {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: r.unicodeScalars)
        }
        return String(out)
    }

    /// Letters that carry no combining mark after decomposition, so folding them needs a table.
    private static let specialLetters: [Unicode.Scalar: String] = [
        "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h",
    ]

    /// `fold`, split on spaces.
    public static func tokens(_ s: String) -> [String] {
        fold(s).split(separator: " ").map(String.init)
    }

    /// Step 1 suffixes of the Snowball Swedish stemmer, written with folded letters (which they
    /// already are), longest first so the first hit is the longest. "an" is added so a definite
    /// singular ("skolan", "samverkan") meets its plural and base form ("skolor", "skola" → "skol");
    /// Snowball leaves it out, at the price of an occasional short stem ("stadsplan" → "stadspl"),
    /// which prefix matching tolerates.
    private static let suffixes: [String] = [
        "heterna", "hetens",
        "anden", "arnas", "ernas", "ornas", "andes", "arens", "heten", "heter", "andet",
        "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns",
        "ade", "ern", "ens", "het", "ast",
        "ad", "en", "ar", "er", "or", "as", "es", "at", "an",
        "a", "e", "s",
    ].sorted { $0.count > $1.count }

    /// Letters after which a final "s" is a genitive or plural ending (Snowball's s-ending).
    private static let sEndings: Set<Character> = [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y",
    ]
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "å", "ä", "ö"]

    /// Light Swedish stemmer on an already folded token: Snowball Swedish step 1 (one inflectional
    /// suffix stripped, only from region R1, which keeps at least 3 characters of stem), adapted to
    /// folded letters. "dialoger", "dialogen", "dialogerna" → "dialog". Tokens containing a digit are
    /// returned unchanged, so numbers and codes stay exact.
    public static func stem(_ token: String) -> String {
        let chars = Array(token)
        guard !chars.isEmpty, chars.allSatisfy(\.isLetter) else { return token }
        let r1 = regionOne(chars)
        for suffix in suffixes {
            let s = Array(suffix)
            guard chars.count - s.count >= r1, chars.suffix(s.count).elementsEqual(s) else { continue }
            if suffix == "s" {
                // Snowball: the longest suffix found in R1 decides; a bare "s" is removed only
                // after a valid s-ending, otherwise the word stays as it is.
                let before = chars[chars.count - 2]
                return sEndings.contains(before) ? String(chars.dropLast()) : token
            }
            return String(chars.dropLast(s.count))
        }
        return token
    }

    /// Snowball's R1: after the first non-vowel that follows a vowel, but at least 3 letters in.
    private static func regionOne(_ chars: [Character]) -> Int {
        var p = chars.count
        if chars.count > 1 {
            for i in 1..<chars.count where vowels.contains(chars[i - 1]) && !vowels.contains(chars[i]) {
                p = i + 1
                break
            }
        }
        return max(p, 3)
    }

    /// The indexed form of a text: " " + stems joined by " " + " ". The leading and trailing spaces
    /// let callers match word starts with `LIKE '% term%'` (see the type's documentation).
    public static func index(_ s: String) -> String {
        " " + tokens(s).map(stem).joined(separator: " ") + " "
    }

    /// The stems of a query, deduplicated, in order, empty tokens dropped.
    public static func terms(_ query: String) -> [String] {
        var seen: Set<String> = []
        return tokens(query).map(stem).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
