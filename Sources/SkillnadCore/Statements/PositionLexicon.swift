import Foundation

/// The Swedish phrasings officials use to take a position on a proposal, and what each suggests
/// (`PositionKind`). Explainable by design: every suggestion names the phrase that made it and the
/// sentence it stood in, and the README lists this table.
///
/// Read in order: a negated or opposing phrase first (so "kan inte tillstyrka" is not read as
/// support), then declining to take a position, then support; support with a condition or a hedge
/// in the same sentence is support with reservations.
public enum PositionLexicon {
    public struct Rule: Sendable, Equatable {
        public var phrase: String
        public var position: PositionKind
        /// How sure the phrase makes the suggestion: a formal verb more than a friendly phrase.
        public var confidence: Double
    }

    /// Lower-case phrases, matched in lower-case text at word starts; `…` stands for up to three
    /// words, so "ställer sig … positiv" finds "ställer sig förvaltningen positiv" too.
    public static let rules: [Rule] = [
        // Opposes (avstyrker).
        Rule(phrase: "avstyrker", position: .opposes, confidence: 0.95),
        Rule(phrase: "avstyrks", position: .opposes, confidence: 0.95),
        Rule(phrase: "tillstyrker inte", position: .opposes, confidence: 0.9),
        Rule(phrase: "kan inte tillstyrka", position: .opposes, confidence: 0.9),
        Rule(phrase: "kan inte ställa sig … bakom", position: .opposes, confidence: 0.85),
        Rule(phrase: "ställer sig inte … bakom", position: .opposes, confidence: 0.85),
        Rule(phrase: "ställer sig … inte bakom", position: .opposes, confidence: 0.85),
        Rule(phrase: "ställer sig … negativ", position: .opposes, confidence: 0.85),
        Rule(phrase: "ställer sig … tveksam", position: .opposes, confidence: 0.6),
        Rule(phrase: "motsätter sig", position: .opposes, confidence: 0.85),
        Rule(phrase: "avvisar", position: .opposes, confidence: 0.8),
        Rule(phrase: "ser inte behov", position: .opposes, confidence: 0.7),
        Rule(phrase: "ser inget behov", position: .opposes, confidence: 0.7),
        Rule(phrase: "är negativ till", position: .opposes, confidence: 0.8),
        Rule(phrase: "delar inte", position: .opposes, confidence: 0.6),
        // No opinion (inget ställningstagande).
        Rule(phrase: "inget ställningstagande", position: .noOpinion, confidence: 0.95),
        Rule(phrase: "tar inte ställning", position: .noOpinion, confidence: 0.9),
        Rule(phrase: "avstår från att ta ställning", position: .noOpinion, confidence: 0.9),
        Rule(phrase: "avstår från att yttra sig", position: .noOpinion, confidence: 0.9),
        Rule(phrase: "lämnar inga synpunkter", position: .noOpinion, confidence: 0.85),
        Rule(phrase: "har inga synpunkter", position: .noOpinion, confidence: 0.85),
        Rule(phrase: "berör inte förvaltningens", position: .noOpinion, confidence: 0.8),
        Rule(phrase: "berör inte nämndens", position: .noOpinion, confidence: 0.8),
        Rule(phrase: "berör inte bolagets", position: .noOpinion, confidence: 0.8),
        Rule(phrase: "utanför förvaltningens ansvarsområde", position: .noOpinion, confidence: 0.8),
        Rule(phrase: "utanför nämndens ansvarsområde", position: .noOpinion, confidence: 0.8),
        // Supports (tillstyrker, ställer sig positiv).
        Rule(phrase: "tillstyrker", position: .supports, confidence: 0.95),
        Rule(phrase: "tillstyrks", position: .supports, confidence: 0.95),
        Rule(phrase: "ställer sig … positiv", position: .supports, confidence: 0.85),
        Rule(phrase: "ställer sig … bakom", position: .supports, confidence: 0.85),
        Rule(phrase: "är positiv till", position: .supports, confidence: 0.8),
        Rule(phrase: "positiv till", position: .supports, confidence: 0.75),
        Rule(phrase: "positivt till", position: .supports, confidence: 0.75),
        Rule(phrase: "positiva till", position: .supports, confidence: 0.75),
        Rule(phrase: "ser positivt på", position: .supports, confidence: 0.75),
        Rule(phrase: "välkomnar", position: .supports, confidence: 0.75),
        Rule(phrase: "instämmer", position: .supports, confidence: 0.75),
        Rule(phrase: "stödjer", position: .supports, confidence: 0.7),
        Rule(phrase: "stöder", position: .supports, confidence: 0.7),
        Rule(phrase: "bifaller", position: .supports, confidence: 0.85),
        Rule(phrase: "inget att erinra", position: .supports, confidence: 0.75),
        Rule(phrase: "inget att invända", position: .supports, confidence: 0.75),
        Rule(phrase: "delar kommissionens", position: .supports, confidence: 0.6),
        Rule(phrase: "delar bedömningen", position: .supports, confidence: 0.6),
    ]

    /// A condition or a hedge that turns support into support with reservations.
    public static let reservations = [
        "under förutsättning", "förutsatt att", "med reservation", "med förbehåll", "med vissa", "delvis",
        "i huvudsak", "i stort", "i princip", "dock", "men ", "under villkor", "om finansiering", "förutsätter",
        "med tillägg", "med ändring", "med justering",
    ]

    /// The body already works this way (arbetar redan så).
    public static let alreadyWorks = [
        "arbetar redan", "redan i dag", "redan idag", "bedriver redan", "redan påbörjat", "pågår redan",
        "redan arbetar", "sedan tidigare", "redan genomför", "har redan infört", "finns redan",
    ]

    /// The first rule that matches `sentence`, in the order of `rules`; nil when none.
    public static func position(in sentence: String) -> (rule: Rule, reserved: Bool)? {
        let lower = " " + sentence.lowercased()
        for rule in rules where contains(lower, rule.phrase) {
            let reserved = rule.position == .supports && reservations.contains { contains(lower, $0) }
            return (rule, reserved)
        }
        return nil
    }

    public static func saysAlreadyWorks(_ sentence: String) -> Bool {
        let lower = " " + sentence.lowercased()
        return alreadyWorks.contains { contains(lower, $0) }
    }

    /// The phrase at a word's start (after a space or punctuation), so "stöder" is not found in
    /// "understöder"; its parts around `…` with at most three words between them.
    static func contains(_ lower: String, _ phrase: String) -> Bool {
        let parts = phrase.components(separatedBy: " … ")
        guard let first = parts.first else { return false }
        var searchStart = lower.startIndex
        while let range = lower.range(of: first, range: searchStart..<lower.endIndex) {
            searchStart = lower.index(after: range.lowerBound)
            let before = range.lowerBound > lower.startIndex ? lower[lower.index(before: range.lowerBound)] : " "
            guard !before.isLetter else { continue }
            if follows(parts.dropFirst(), in: lower, from: range.upperBound) { return true }
        }
        return false
    }

    /// Whether each part follows the one before within three words.
    private static func follows(_ parts: ArraySlice<String>, in lower: String, from start: String.Index) -> Bool {
        guard let part = parts.first else { return true }
        let rest = lower[start...]
        let words = rest.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
        // The part may begin at any of the next four words (three words between at most).
        for word in words.prefix(4) where lower[word.startIndex...].hasPrefix(part) {
            let end = lower.index(word.startIndex, offsetBy: part.count)
            if follows(parts.dropFirst(), in: lower, from: end) { return true }
        }
        return false
    }
}
