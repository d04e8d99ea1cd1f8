import Foundation

/// The lexemes PostgreSQL's `to_tsvector('swedish', …)` makes, computed without PostgreSQL, so that an SQLite FTS5
/// index of these lexemes finds the same documents as PostgreSQL's 'swedish' text search configuration.
///
/// Three parts, each as PostgreSQL 15 does it: the default parser's word splitting (`lexemes`), the Swedish
/// stop-word list (`stopWords`, from `tsearch_data/swedish.stop`) and the Snowball Swedish stemmer (`stem`).
///
/// The splitting follows the states of PostgreSQL's default parser (`src/backend/tsearch/wparser_def.c`, under the
/// PostgreSQL Licence: Portions Copyright (c) 1996-2023, PostgreSQL Global Development Group), so that the two
/// engines cut text alike; the stemmer is Snowball's published algorithm.
///
/// Deliberate differences: none in the rules. Which characters count as letters, digits, spaces and marks, and how
/// a letter is lower-cased, come from Swift's Unicode tables, where PostgreSQL asks the C library of a `C.UTF-8`
/// database (glibc); the two agree on Latin, Greek and Cyrillic text and may disagree on rare characters elsewhere.
public enum SwedishStemmer {
    /// Stems one lower-cased word with the Snowball Swedish stemmer in the version PostgreSQL 15 ships, so the
    /// result equals `ts_lexize('swedish_stem', word)` for any word that is not a stop word. Works on Unicode
    /// scalars, as Snowball does, so a decomposed `å` is not a vowel. Like PostgreSQL, a word of more than
    /// 1000 UTF-8 bytes is returned as it is.
    public static func stem(_ word: String) -> String {
        if word.utf8.count > longestStemmedWord { return word }
        return String(String.UnicodeScalarView(snowball(Array(word.unicodeScalars))))
    }

    /// PostgreSQL's Swedish stop words (`swedish.stop`): dropped from the index, as PostgreSQL drops them.
    public static let stopWords: Set<String> = [
        "och", "det", "att", "i", "en", "jag", "hon", "som", "han", "på", "den", "med", "var", "sig", "för",
        "så", "till", "är", "men", "ett", "om", "hade", "de", "av", "icke", "mig", "du", "henne", "då", "sin",
        "nu", "har", "inte", "hans", "honom", "skulle", "hennes", "där", "min", "man", "ej", "vid", "kunde",
        "något", "från", "ut", "när", "efter", "upp", "vi", "dem", "vara", "vad", "över", "än", "dig", "kan",
        "sina", "här", "ha", "mot", "alla", "under", "någon", "eller", "allt", "mycket", "sedan", "ju",
        "denna", "själv", "detta", "åt", "utan", "varit", "hur", "ingen", "mitt", "ni", "bli", "blev", "oss",
        "din", "dessa", "några", "deras", "blir", "mina", "samma", "vilken", "er", "sådan", "vår", "blivit",
        "dess", "inom", "mellan", "sådant", "varför", "varje", "vilka", "ditt", "vem", "vilket", "sitta",
        "sådana", "vart", "dina", "vars", "vårt", "våra", "ert", "era", "vilkas",
    ]

    /// The lexemes of `text` in order, repeats kept: what `to_tsvector('swedish', text)` holds, before it sorts
    /// them and merges repeats. Splits the text as PostgreSQL's default parser does: words of letters (`stadsdel`),
    /// words mixing letters and digits (`a2`), hyphenated words as the whole word and then each part
    /// (`arbets-marknaden` gives `arbets-marknad`, `arbet`, `marknad`), numbers (`2016`, `-2016`, `1.5`),
    /// versions (`6.3.1`), paths (`a.2.3.1`, `/1.5`), hosts, e-mail addresses and URLs. Words are lower-cased;
    /// words of letters lose their stop words and are stemmed, the rest are kept whole. Tags (`<b>`), XML
    /// entities and the text of `<script>` and `<style>` give nothing, and, as in PostgreSQL, a token of 2047 or
    /// more UTF-8 bytes is left out.
    public static func lexemes(_ text: String) -> [String] {
        var parser = TextSearchParser(text: Array(text.unicodeScalars), start: 0)
        var found: [String] = []
        while let token = parser.nextToken() {
            guard let dictionary = token.kind.dictionary else { continue }
            let original = parser.text[token.range]
            let byteCount = original.reduce(0) { $0 + UTF8.width($1) }
            if byteCount >= longestIndexedToken { continue }
            let lowered = original.map(lowercased)
            switch dictionary {
            case .simple:
                found.append(String(String.UnicodeScalarView(lowered)))
            case .swedish:
                if byteCount > longestStemmedWord {
                    found.append(String(String.UnicodeScalarView(lowered)))
                } else if !lowered.isEmpty, !stopWordScalars.contains(lowered) {
                    found.append(String(String.UnicodeScalarView(snowball(lowered))))
                }
            }
        }
        return found
    }

    /// PostgreSQL leaves words over this many UTF-8 bytes unstemmed.
    private static let longestStemmedWord = 1000
    /// PostgreSQL leaves tokens of this many UTF-8 bytes or more out of a tsvector.
    private static let longestIndexedToken = 2047

    /// The stop words as scalars: PostgreSQL compares bytes, where `String` would also match a decomposed form.
    private static let stopWordScalars: Set<[Unicode.Scalar]> = Set(stopWords.map { Array($0.unicodeScalars) })

    /// One scalar lower-cased as `towlower` does: the simple mapping, so `İ` becomes `i`, not `i` and a dot.
    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
            return lower
        }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }
}

// MARK: - The Snowball Swedish stemmer

extension SwedishStemmer {
    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "ä", "å", "ö"]
    /// Letters before which a final `s` is removed (`kurs` → `kur`, but `hus` stays).
    private static let sEndings: Set<Unicode.Scalar> = [
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y",
    ]
    /// Step 1 endings, longest first so the first that fits is the longest, as Snowball's `among` picks.
    private static let mainSuffixes: [[Unicode.Scalar]] = scalarLists([
        "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden",
        "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes",
        "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast", "s",
    ])
    /// Step 2: a final double consonant of these loses its last letter (`vänligt` → `vänlig`).
    private static let consonantPairs: Set<[Unicode.Scalar]> = Set(
        scalarLists(["dd", "gd", "nn", "dt", "gt", "kt", "tt"]))
    /// Step 3 endings; `löst` and `fullt` lose only their last letter.
    private static let otherSuffixes: [[Unicode.Scalar]] = scalarLists(["lig", "ig", "els", "löst", "fullt"])
    private static let shortenedOtherSuffixes: Set<[Unicode.Scalar]> = Set(scalarLists(["löst", "fullt"]))

    private static func scalarLists(_ words: [String]) -> [[Unicode.Scalar]] {
        words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    /// Snowball's `stem` for Swedish: find R1, then steps 1 to 3, each only inside R1.
    static func snowball(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var letters = word
        let regionStart = regionOneStart(letters)
        removeMainSuffix(&letters, regionStart: regionStart)
        removeConsonantPairEnding(&letters, regionStart: regionStart)
        removeOtherSuffix(&letters, regionStart: regionStart)
        return letters
    }

    /// R1 starts after the first consonant that follows a vowel, but never before the fourth letter.
    /// A word shorter than three letters, or with no such consonant, has an empty R1.
    private static func regionOneStart(_ letters: [Unicode.Scalar]) -> Int {
        guard letters.count >= 3,
            let firstVowel = letters.firstIndex(where: { vowels.contains($0) }),
            let consonant = letters[firstVowel...].firstIndex(where: { !vowels.contains($0) })
        else { return letters.count }
        return max(consonant + 1, 3)
    }

    /// The longest of `suffixes` that ends the word and lies wholly in R1.
    private static func longestSuffix(
        of letters: [Unicode.Scalar], among suffixes: [[Unicode.Scalar]], regionStart: Int
    ) -> [Unicode.Scalar]? {
        suffixes.first { suffix in
            letters.count - suffix.count >= regionStart && letters.suffix(suffix.count).elementsEqual(suffix)
        }
    }

    /// Step 1: remove an inflection ending (`-arna`, `-heten`, `-ens` …); a bare `-s` only after a letter of
    /// `sEndings`, which may stand before R1.
    private static func removeMainSuffix(_ letters: inout [Unicode.Scalar], regionStart: Int) {
        guard let suffix = longestSuffix(of: letters, among: mainSuffixes, regionStart: regionStart) else { return }
        if suffix == ["s"] {
            let before = letters.count - 2
            guard before >= 0, sEndings.contains(letters[before]) else { return }
        }
        letters.removeLast(suffix.count)
    }

    /// Step 2: `dd gd nn dt gt kt tt` at the end, within R1, lose their last letter.
    private static func removeConsonantPairEnding(_ letters: inout [Unicode.Scalar], regionStart: Int) {
        guard letters.count - 2 >= regionStart, consonantPairs.contains(Array(letters.suffix(2))) else { return }
        letters.removeLast()
    }

    /// Step 3: remove `-lig`, `-ig`, `-els`; shorten `-löst` to `-lös` and `-fullt` to `-full`.
    private static func removeOtherSuffix(_ letters: inout [Unicode.Scalar], regionStart: Int) {
        guard let suffix = longestSuffix(of: letters, among: otherSuffixes, regionStart: regionStart) else { return }
        letters.removeLast(shortenedOtherSuffixes.contains(suffix) ? 1 : suffix.count)
    }
}

// MARK: - PostgreSQL's default text search parser

/// What a token of PostgreSQL's default parser is (the names `ts_debug` shows are in the comments).
private enum TokenKind: Sendable {
    case asciiWord  // asciiword
    case word  // word
    case numberWord  // numword
    case email  // email
    case url  // url
    case host  // host
    case scientific  // sfloat
    case version  // version
    case hyphenNumberPart  // hword_numpart
    case hyphenPart  // hword_part
    case hyphenASCIIPart  // hword_asciipart
    case blank  // blank
    case tag  // tag
    case protocolHead  // protocol
    case numberHyphenWord  // numhword
    case asciiHyphenWord  // asciihword
    case hyphenWord  // hword
    case urlPath  // url_path
    case file  // file
    case decimal  // float
    case signedInteger  // int
    case unsignedInteger  // uint
    case entity  // entity

    enum Dictionary {
        /// `swedish_stem`: stop words dropped, the rest stemmed.
        case swedish
        /// `simple`: kept whole.
        case simple
    }

    /// The 'swedish' configuration's dictionary for the kind; `nil` for kinds it does not index.
    var dictionary: Dictionary? {
        switch self {
        case .asciiWord, .word, .hyphenPart, .hyphenASCIIPart, .asciiHyphenWord, .hyphenWord: .swedish
        case .numberWord, .email, .url, .host, .scientific, .version, .hyphenNumberPart, .numberHyphenWord,
            .urlPath, .file, .decimal, .signedInteger, .unsignedInteger:
            .simple
        case .blank, .tag, .protocolHead, .entity: nil
        }
    }
}

/// The parser's states, in the order of PostgreSQL's `TParserState`.
private enum ParserState: Int, CaseIterable, Sendable {
    case base, inNumWord, inAsciiWord, inWord, inUnsignedInt, inSignedIntFirst, inSignedInt, inSpace
    case inUDecimalFirst, inUDecimal, inDecimalFirst, inDecimal, inVerVersion, inSVerVersion, inVersionFirst
    case inVersion, inMantissaFirst, inMantissaSign, inMantissa
    case inXMLEntityFirst, inXMLEntity, inXMLEntityNumFirst, inXMLEntityNum, inXMLEntityHexNumFirst
    case inXMLEntityHexNum, inXMLEntityEnd
    case inTagFirst, inXMLBegin, inTagCloseFirst, inTagName, inTagBeginEnd, inTag, inTagEscapeK, inTagEscapeKK
    case inTagBackslashed, inTagEnd, inCommentFirst, inCommentLast, inComment, inCloseCommentFirst
    case inCloseCommentLast, inCommentEnd
    case inHostFirstDomain, inHostDomainSecond, inHostDomain, inPortFirst, inPort, inHostFirstAN, inHost, inEmail
    case inFileFirst, inFileTwiddle, inPathFirst, inPathFirstFirst, inPathSecond, inFile, inFileNext
    case inURLPathFirst, inURLPathStart, inURLPath, inFURL, inProtocolFirst, inProtocolSecond, inProtocolEnd
    case inHyphenAsciiWordFirst, inHyphenAsciiWord, inHyphenWordFirst, inHyphenWord, inHyphenNumWordFirst
    case inHyphenNumWord, inHyphenDigitLookahead, inParseHyphen, inParseHyphenHyphen, inHyphenWordPart
    case inHyphenAsciiWordPart, inHyphenNumWordPart, inHyphenUnsignedInt
}

/// What a rule asks of the character at the parser's position.
private enum CharacterTest: Sendable {
    case always
    case endOfText
    case character(Unicode.Scalar)
    case asciiLetter
    case letter
    case digit
    case letterOrDigit
    case notLetterOrDigit
    case space
    case hexDigit
    case special
    case urlCharacter
    case ignoring
    case stopAtHost
    case host
    case urlPath
}

/// What a rule does besides moving on (PostgreSQL's `A_*` flags).
private struct RuleActions: OptionSet, Sendable {
    let rawValue: UInt8
    static let emit = RuleActions(rawValue: 1)
    static let pop = RuleActions(rawValue: 2)
    static let push = RuleActions(rawValue: 4)
    static let rerun = RuleActions(rawValue: 8)
    static let clear = RuleActions(rawValue: 16)
    static let merge = RuleActions(rawValue: 32)
    static let clearAll = RuleActions(rawValue: 64)
}

/// PostgreSQL's special handlers, run when a rule matches.
private enum SpecialHandler: Sendable {
    case tags, fullURL, hyphen, versionAfterDecimal
}

private struct ParserRule: Sendable {
    let test: CharacterTest
    let actions: RuleActions
    let target: ParserState?
    let kind: TokenKind?
    let special: SpecialHandler?
}

/// One rule of the state table; reads like a row of PostgreSQL's `TParserStateActionItem` tables.
private func on(
    _ test: CharacterTest, _ actions: RuleActions = [], to target: ParserState? = nil, emit kind: TokenKind? = nil,
    _ special: SpecialHandler? = nil
) -> ParserRule {
    ParserRule(test: test, actions: actions, target: target, kind: kind, special: special)
}

private func on(
    _ character: Unicode.Scalar, _ actions: RuleActions = [], to target: ParserState? = nil,
    emit kind: TokenKind? = nil, _ special: SpecialHandler? = nil
) -> ParserRule {
    ParserRule(test: .character(character), actions: actions, target: target, kind: kind, special: special)
}

/// A port of PostgreSQL's default text search parser (`wparser_def.c`): the same states, rules, stack and special
/// handlers, run over Unicode scalars, so it cuts text into the same tokens of the same kinds.
private struct TextSearchParser {
    struct Token {
        let kind: TokenKind
        let range: Range<Int>
    }

    /// A parser position (PostgreSQL's `TParserPosition`); the saved ones form the stack.
    private struct Frame {
        var position: Int
        var length: Int
        var state: ParserState
        /// The rule that pushed this frame: after a pop the search resumes at the rule after it.
        var pushedAt: Int?
    }

    let text: [Unicode.Scalar]
    private var frame: Frame
    private var saved: [Frame] = []
    private var tokenStart = 0
    /// Inside `<script>` or `<style>`: text counts as blank.
    private var ignoring = false
    /// Stop a host at the first character that cannot continue it (set while reading an e-mail or URL).
    private var wantHost = false

    init(text: [Unicode.Scalar], start: Int) {
        self.text = text
        frame = Frame(position: start, length: 0, state: .base, pushedAt: nil)
    }

    mutating func nextToken() -> Token? {
        guard frame.position < text.count else { return nil }
        tokenStart = frame.position
        frame.pushedAt = nil
        while frame.position <= text.count {
            let rules = Self.table[frame.state.rawValue]
            var index = 0
            if let pushedAt = frame.pushedAt {
                index = pushedAt + 1
                frame.pushedAt = nil
            }
            while index < rules.count - 1, !matches(rules[index].test) { index += 1 }
            let rule = rules[index]
            if let special = rule.special { handle(special) }
            var token: Token?
            if rule.actions.contains(.emit), let kind = rule.kind {
                token = Token(kind: kind, range: tokenStart..<(tokenStart + frame.length))
                frame.length = 0
            }
            if rule.actions.contains(.pop) {
                if let previous = saved.popLast() { frame = previous }
            } else if rule.actions.contains(.push) {
                var pushing = frame
                pushing.pushedAt = index
                saved.append(pushing)
            } else if rule.actions.contains(.clear) {
                _ = saved.popLast()
            } else if rule.actions.contains(.clearAll) {
                saved.removeAll()
            } else if rule.actions.contains(.merge), var previous = saved.popLast() {
                previous.position = frame.position
                previous.length = frame.length
                frame = previous
            }
            if let target = rule.target { frame.state = target }
            if let token { return token }
            if frame.position >= text.count && !rule.actions.contains(.rerun) { return nil }
            if rule.actions.contains(.rerun) || rule.actions.contains(.pop) { continue }
            if frame.position < text.count {
                frame.position += 1
                frame.length += 1
            }
        }
        return nil
    }

    private mutating func handle(_ special: SpecialHandler) {
        switch special {
        case .tags:
            // PostgreSQL compares the tag so far, ASCII letters in either case.
            let name = String(String.UnicodeScalarView(text[tokenStart..<(tokenStart + frame.length)].map(asciiLower)))
            switch name {
            case "</script", "</style": ignoring = false
            case "<script", "<style": ignoring = true
            default: break
            }
        case .fullURL:
            wantHost = true
            frame.position -= frame.length
        case .hyphen:
            frame.position -= frame.length
        case .versionAfterDecimal:
            frame.position -= frame.length
            frame.length = 0
        }
    }

    private func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }

    private mutating func matches(_ test: CharacterTest) -> Bool {
        let current = frame.position < text.count ? text[frame.position] : nil
        switch test {
        case .always: return true
        case .endOfText: return current == nil
        case .character(let wanted): return current == wanted
        case .asciiLetter: return current.map { $0.isASCII && CharacterClass.isLetter($0) } ?? false
        case .letter: return current.map(CharacterClass.isLetter) ?? false
        case .digit: return current.map(CharacterClass.isDigit) ?? false
        case .letterOrDigit: return current.map { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) } ?? false
        case .notLetterOrDigit:
            return !(current.map { CharacterClass.isLetter($0) || CharacterClass.isDigit($0) } ?? false)
        case .space: return current.map(CharacterClass.isSpace) ?? false
        case .hexDigit: return current.map { $0.isASCII && $0.properties.isASCIIHexDigit } ?? false
        case .special: return current.map(CharacterClass.isSpecial) ?? false
        case .urlCharacter: return current.map(CharacterClass.isURLCharacter) ?? false
        case .ignoring: return ignoring
        case .stopAtHost:
            guard wantHost else { return false }
            wantHost = false
            return true
        case .host:
            var probe = TextSearchParser(text: text, start: frame.position)
            probe.wantHost = true
            return absorb(probe.nextToken(), ifKind: .host)
        case .urlPath:
            var probe = TextSearchParser(text: text, start: frame.position)
            probe.saved = [probe.frame]
            probe.frame.state = .inURLPathFirst
            return absorb(probe.nextToken(), ifKind: .urlPath)
        }
    }

    /// Takes a token read ahead by a probe into the current one when it is of the wanted kind.
    private mutating func absorb(_ token: Token?, ifKind kind: TokenKind) -> Bool {
        guard let token, token.kind == kind else { return false }
        frame.position += token.range.count
        frame.length += token.range.count
        return true
    }

    private static let table: [[ParserRule]] = ParserState.allCases.map(rules)

    private static func rules(_ state: ParserState) -> [ParserRule] {
        switch state {
        case .base:
            [
                on(.endOfText), on("<", .push, to: .inTagFirst), on(.ignoring, to: .inSpace),
                on(.asciiLetter, to: .inAsciiWord), on(.letter, to: .inWord), on(.digit, to: .inUnsignedInt),
                on("-", .push, to: .inSignedIntFirst), on("+", .push, to: .inSignedIntFirst),
                on("&", .push, to: .inXMLEntityFirst), on("~", .push, to: .inFileTwiddle),
                on("/", .push, to: .inFileFirst), on(".", .push, to: .inPathFirstFirst), on(.always, to: .inSpace),
            ]
        case .inNumWord:
            [
                on(.endOfText, .emit, to: .base, emit: .numberWord), on(.letterOrDigit, to: .inNumWord),
                on(.special, to: .inNumWord), on("@", .push, to: .inEmail), on("/", .push, to: .inFileFirst),
                on(".", .push, to: .inFileNext), on("-", .push, to: .inHyphenNumWordFirst),
                on(.always, .emit, to: .base, emit: .numberWord),
            ]
        case .inAsciiWord:
            [
                on(.endOfText, .emit, to: .base, emit: .asciiWord), on(.asciiLetter),
                on(".", .push, to: .inHostFirstDomain), on(".", .push, to: .inFileNext),
                on("-", .push, to: .inHostFirstAN), on("-", .push, to: .inHyphenAsciiWordFirst),
                on("_", .push, to: .inHostFirstAN), on("@", .push, to: .inEmail), on(":", .push, to: .inProtocolFirst),
                on("/", .push, to: .inFileFirst), on(.digit, .push, to: .inHost), on(.digit, to: .inNumWord),
                on(.letter, to: .inWord), on(.special, to: .inWord), on(.always, .emit, to: .base, emit: .asciiWord),
            ]
        case .inWord:
            [
                on(.endOfText, .emit, to: .base, emit: .word), on(.letter), on(.special),
                on(.digit, to: .inNumWord), on("-", .push, to: .inHyphenWordFirst),
                on(.always, .emit, to: .base, emit: .word),
            ]
        case .inUnsignedInt:
            [
                on(.endOfText, .emit, to: .base, emit: .unsignedInteger), on(.digit),
                on(".", .push, to: .inHostFirstDomain), on(".", .push, to: .inUDecimalFirst),
                on("e", .push, to: .inMantissaFirst), on("E", .push, to: .inMantissaFirst),
                on("-", .push, to: .inHostFirstAN), on("_", .push, to: .inHostFirstAN), on("@", .push, to: .inEmail),
                on(.asciiLetter, .push, to: .inHost), on(.letter, to: .inNumWord), on(.special, to: .inNumWord),
                on("/", .push, to: .inFileFirst), on(.always, .emit, to: .base, emit: .unsignedInteger),
            ]
        case .inSignedIntFirst:
            [on(.endOfText, .pop), on(.digit, .clear, to: .inSignedInt), on(.always, .pop)]
        case .inSignedInt:
            [
                on(.endOfText, .emit, to: .base, emit: .signedInteger), on(.digit),
                on(".", .push, to: .inDecimalFirst), on("e", .push, to: .inMantissaFirst),
                on("E", .push, to: .inMantissaFirst), on(.always, .emit, to: .base, emit: .signedInteger),
            ]
        case .inSpace:
            [
                on(.endOfText, .emit, to: .base, emit: .blank), on("<", .emit, to: .base, emit: .blank),
                on(.ignoring), on("-", .emit, to: .base, emit: .blank), on("+", .emit, to: .base, emit: .blank),
                on("&", .emit, to: .base, emit: .blank), on("/", .emit, to: .base, emit: .blank),
                on(.notLetterOrDigit, to: .inSpace), on(.always, .emit, to: .base, emit: .blank),
            ]
        case .inUDecimalFirst:
            [on(.endOfText, .pop), on(.digit, .clear, to: .inUDecimal), on(.always, .pop)]
        case .inUDecimal:
            [
                on(.endOfText, .emit, to: .base, emit: .decimal), on(.digit, to: .inUDecimal),
                on(".", .push, to: .inVersionFirst), on("e", .push, to: .inMantissaFirst),
                on("E", .push, to: .inMantissaFirst), on(.always, .emit, to: .base, emit: .decimal),
            ]
        case .inDecimalFirst:
            [on(.endOfText, .pop), on(.digit, .clear, to: .inDecimal), on(.always, .pop)]
        case .inDecimal:
            [
                on(.endOfText, .emit, to: .base, emit: .decimal), on(.digit, to: .inDecimal),
                on(".", .push, to: .inVerVersion), on("e", .push, to: .inMantissaFirst),
                on("E", .push, to: .inMantissaFirst), on(.always, .emit, to: .base, emit: .decimal),
            ]
        case .inVerVersion:
            [
                on(.endOfText, .pop), on(.digit, .rerun, to: .inSVerVersion, .versionAfterDecimal),
                on(.always, .pop),
            ]
        case .inSVerVersion:
            [
                on(.endOfText, .pop), on(.digit, [.emit, .clearAll], to: .inUnsignedInt, emit: .blank),
                on(.always),
            ]
        case .inVersionFirst:
            [on(.endOfText, .pop), on(.digit, .clear, to: .inVersion), on(.always, .pop)]
        case .inVersion:
            [
                on(.endOfText, .emit, to: .base, emit: .version), on(.digit, to: .inVersion),
                on(".", .push, to: .inVersionFirst), on(.always, .emit, to: .base, emit: .version),
            ]
        case .inMantissaFirst:
            [
                on(.endOfText, .pop), on(.digit, .clear, to: .inMantissa), on("+", to: .inMantissaSign),
                on("-", to: .inMantissaSign), on(.always, .pop),
            ]
        case .inMantissaSign:
            [on(.endOfText, .pop), on(.digit, .clear, to: .inMantissa), on(.always, .pop)]
        case .inMantissa:
            [
                on(.endOfText, .emit, to: .base, emit: .scientific), on(.digit, to: .inMantissa),
                on(.always, .emit, to: .base, emit: .scientific),
            ]
        case .inXMLEntityFirst:
            [
                on(.endOfText, .pop), on("#", to: .inXMLEntityNumFirst), on(.asciiLetter, to: .inXMLEntity),
                on(":", to: .inXMLEntity), on("_", to: .inXMLEntity), on(.always, .pop),
            ]
        case .inXMLEntity:
            [
                on(.endOfText, .pop), on(.letterOrDigit, to: .inXMLEntity), on(":", to: .inXMLEntity),
                on("_", to: .inXMLEntity), on(".", to: .inXMLEntity), on("-", to: .inXMLEntity),
                on(";", to: .inXMLEntityEnd), on(.always, .pop),
            ]
        case .inXMLEntityNumFirst:
            [
                on(.endOfText, .pop), on("x", to: .inXMLEntityHexNumFirst), on("X", to: .inXMLEntityHexNumFirst),
                on(.digit, to: .inXMLEntityNum), on(.always, .pop),
            ]
        case .inXMLEntityHexNumFirst:
            [on(.endOfText, .pop), on(.hexDigit, to: .inXMLEntityHexNum), on(.always, .pop)]
        case .inXMLEntityNum:
            [
                on(.endOfText, .pop), on(.digit, to: .inXMLEntityNum), on(";", to: .inXMLEntityEnd),
                on(.always, .pop),
            ]
        case .inXMLEntityHexNum:
            [
                on(.endOfText, .pop), on(.hexDigit, to: .inXMLEntityHexNum), on(";", to: .inXMLEntityEnd),
                on(.always, .pop),
            ]
        case .inXMLEntityEnd:
            [on(.always, [.emit, .clear], to: .base, emit: .entity)]
        case .inTagFirst:
            [
                on(.endOfText, .pop), on("/", .push, to: .inTagCloseFirst), on("!", .push, to: .inCommentFirst),
                on("?", .push, to: .inXMLBegin), on(.asciiLetter, .push, to: .inTagName),
                on(":", .push, to: .inTagName), on("_", .push, to: .inTagName), on(.always, .pop),
            ]
        case .inXMLBegin:
            [on(.endOfText, .pop), on("x", to: .inTag), on(.always, .pop)]
        case .inTagCloseFirst:
            [on(.endOfText, .pop), on(.asciiLetter, to: .inTagName), on(.always, .pop)]
        case .inTagName:
            [
                on(.endOfText, .pop), on("/", to: .inTagBeginEnd), on(">", to: .inTagEnd, .tags),
                on(.space, to: .inTag, .tags), on(.letterOrDigit), on(":"), on("_"), on("."), on("-"),
                on(.always, .pop),
            ]
        case .inTagBeginEnd:
            [on(.endOfText, .pop), on(">", to: .inTagEnd), on(.always, .pop)]
        case .inTag:
            [
                on(.endOfText, .pop), on(">", to: .inTagEnd, .tags), on("'", to: .inTagEscapeK),
                on("\"", to: .inTagEscapeKK), on(.asciiLetter), on(.digit), on("="), on("-"), on("_"), on("#"),
                on("/"), on(":"), on("."), on("&"), on("?"), on("%"), on("~"), on(.space, to: nil, .tags),
                on(.always, .pop),
            ]
        case .inTagEscapeK:
            [
                on(.endOfText, .pop), on("\\", .push, to: .inTagBackslashed), on("'", to: .inTag),
                on(.always, to: .inTagEscapeK),
            ]
        case .inTagEscapeKK:
            [
                on(.endOfText, .pop), on("\\", .push, to: .inTagBackslashed), on("\"", to: .inTag),
                on(.always, to: .inTagEscapeKK),
            ]
        case .inTagBackslashed:
            [on(.endOfText, .pop), on(.always, .merge)]
        case .inTagEnd:
            [on(.always, [.emit, .clearAll], to: .base, emit: .tag)]
        case .inCommentFirst:
            [
                on(.endOfText, .pop), on("-", to: .inCommentLast), on("D", to: .inTag), on("d", to: .inTag),
                on(.always, .pop),
            ]
        case .inCommentLast:
            [on(.endOfText, .pop), on("-", to: .inComment), on(.always, .pop)]
        case .inComment:
            [on(.endOfText, .pop), on("-", to: .inCloseCommentFirst), on(.always)]
        case .inCloseCommentFirst:
            [on(.endOfText, .pop), on("-", to: .inCloseCommentLast), on(.always, to: .inComment)]
        case .inCloseCommentLast:
            [on(.endOfText, .pop), on("-"), on(">", to: .inCommentEnd), on(.always, to: .inComment)]
        case .inCommentEnd:
            [on(.always, [.emit, .clearAll], to: .base, emit: .tag)]
        case .inHostFirstDomain:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inHostDomainSecond), on(.digit, to: .inHost),
                on(.always, .pop),
            ]
        case .inHostDomainSecond:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inHostDomain), on(.digit, .push, to: .inHost),
                on("-", .push, to: .inHostFirstAN), on("_", .push, to: .inHostFirstAN),
                on(".", .push, to: .inHostFirstDomain), on("@", .push, to: .inEmail), on(.always, .pop),
            ]
        case .inHostDomain:
            [
                on(.endOfText, [.emit, .clearAll], to: .base, emit: .host), on(.asciiLetter, to: .inHostDomain),
                on(.digit, .push, to: .inHost), on(":", .push, to: .inPortFirst),
                on("-", .push, to: .inHostFirstAN), on("_", .push, to: .inHostFirstAN),
                on(".", .push, to: .inHostFirstDomain), on("@", .push, to: .inEmail), on(.digit, .pop),
                on(.stopAtHost, [.emit, .clearAll], to: .inURLPathStart, emit: .host),
                on("/", .push, to: .inFURL), on(.always, [.emit, .clearAll], to: .base, emit: .host),
            ]
        case .inPortFirst:
            [on(.endOfText, .pop), on(.digit, to: .inPort), on(.always, .pop)]
        case .inPort:
            [
                on(.endOfText, [.emit, .clearAll], to: .base, emit: .host), on(.digit, to: .inPort),
                on(.stopAtHost, [.emit, .clearAll], to: .inURLPathStart, emit: .host),
                on("/", .push, to: .inFURL), on(.always, [.emit, .clearAll], to: .base, emit: .host),
            ]
        case .inHostFirstAN:
            [on(.endOfText, .pop), on(.digit, to: .inHost), on(.asciiLetter, to: .inHost), on(.always, .pop)]
        case .inHost:
            [
                on(.endOfText, .pop), on(.digit, to: .inHost), on(.asciiLetter, to: .inHost),
                on("@", .push, to: .inEmail), on(".", .push, to: .inHostFirstDomain),
                on("-", .push, to: .inHostFirstAN), on("_", .push, to: .inHostFirstAN), on(.always, .pop),
            ]
        case .inEmail:
            [on(.stopAtHost, .pop), on(.host, [.emit, .clearAll], to: .base, emit: .email), on(.always, .pop)]
        case .inFileFirst:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inFile), on(.digit, to: .inFile),
                on(".", to: .inPathFirst), on("_", to: .inFile), on("~", .push, to: .inFileTwiddle),
                on(.always, .pop),
            ]
        case .inFileTwiddle:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inFile), on(.digit, to: .inFile), on("_", to: .inFile),
                on("/", to: .inFileFirst), on(.always, .pop),
            ]
        case .inPathFirst:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inFile), on(.digit, to: .inFile), on("_", to: .inFile),
                on(".", to: .inPathSecond), on("/", to: .inFileFirst), on(.always, .pop),
            ]
        case .inPathFirstFirst:
            [on(.endOfText, .pop), on(".", to: .inPathSecond), on("/", to: .inFileFirst), on(.always, .pop)]
        case .inPathSecond:
            [
                on(.endOfText, [.emit, .clear], to: .base, emit: .file), on("/", .push, to: .inFileFirst),
                on("/", [.emit, .clear], to: .base, emit: .file), on(.space, [.emit, .clear], to: .base, emit: .file),
                on(.always, .pop),
            ]
        case .inFile:
            [
                on(.endOfText, .emit, to: .base, emit: .file), on(.asciiLetter, to: .inFile),
                on(.digit, to: .inFile), on(".", .push, to: .inFileNext), on("_", to: .inFile),
                on("-", to: .inFile), on("/", .push, to: .inFileFirst), on(.always, .emit, to: .base, emit: .file),
            ]
        case .inFileNext:
            [
                on(.endOfText, .pop), on(.asciiLetter, .clear, to: .inFile), on(.digit, .clear, to: .inFile),
                on("_", .clear, to: .inFile), on(.always, .pop),
            ]
        case .inURLPathFirst:
            [on(.endOfText, .pop), on(.urlCharacter, to: .inURLPath), on(.always, .pop)]
        case .inURLPathStart:
            [on(.always, to: .inURLPath)]
        case .inURLPath:
            [
                on(.endOfText, .emit, to: .base, emit: .urlPath), on(.urlCharacter, to: .inURLPath),
                on(.always, .emit, to: .base, emit: .urlPath),
            ]
        case .inFURL:
            [
                on(.endOfText, .pop), on(.urlPath, [.emit, .clearAll], to: .base, emit: .url, .fullURL),
                on(.always, .pop),
            ]
        case .inProtocolFirst:
            [on(.endOfText, .pop), on("/", to: .inProtocolSecond), on(.always, .pop)]
        case .inProtocolSecond:
            [on(.endOfText, .pop), on("/", to: .inProtocolEnd), on(.always, .pop)]
        case .inProtocolEnd:
            [on(.always, [.emit, .clearAll], to: .base, emit: .protocolHead)]
        case .inHyphenAsciiWordFirst:
            [
                on(.endOfText, .pop), on(.asciiLetter, to: .inHyphenAsciiWord), on(.letter, to: .inHyphenWord),
                on(.digit, to: .inHyphenDigitLookahead), on(.always, .pop),
            ]
        case .inHyphenAsciiWord:
            [
                on(.endOfText, [.emit, .clearAll], to: .inParseHyphen, emit: .asciiHyphenWord, .hyphen),
                on(.asciiLetter, to: .inHyphenAsciiWord), on(.letter, to: .inHyphenWord),
                on(.special, to: .inHyphenWord), on(.digit, to: .inHyphenNumWord),
                on("-", .push, to: .inHyphenAsciiWordFirst),
                on(.always, [.emit, .clearAll], to: .inParseHyphen, emit: .asciiHyphenWord, .hyphen),
            ]
        case .inHyphenWordFirst:
            [
                on(.endOfText, .pop), on(.letter, to: .inHyphenWord), on(.digit, to: .inHyphenDigitLookahead),
                on(.always, .pop),
            ]
        case .inHyphenWord:
            [
                on(.endOfText, [.emit, .clearAll], to: .inParseHyphen, emit: .hyphenWord, .hyphen),
                on(.letter, to: .inHyphenWord), on(.special, to: .inHyphenWord), on(.digit, to: .inHyphenNumWord),
                on("-", .push, to: .inHyphenWordFirst),
                on(.always, [.emit, .clearAll], to: .inParseHyphen, emit: .hyphenWord, .hyphen),
            ]
        case .inHyphenNumWordFirst:
            [
                on(.endOfText, .pop), on(.letter, to: .inHyphenNumWord), on(.digit, to: .inHyphenDigitLookahead),
                on(.always, .pop),
            ]
        case .inHyphenNumWord:
            [
                on(.endOfText, [.emit, .clearAll], to: .inParseHyphen, emit: .numberHyphenWord, .hyphen),
                on(.letterOrDigit, to: .inHyphenNumWord), on(.special, to: .inHyphenNumWord),
                on("-", .push, to: .inHyphenNumWordFirst),
                on(.always, [.emit, .clearAll], to: .inParseHyphen, emit: .numberHyphenWord, .hyphen),
            ]
        case .inHyphenDigitLookahead:
            [
                on(.endOfText, .pop), on(.digit, to: .inHyphenDigitLookahead), on(.letter, to: .inHyphenNumWord),
                on(.special, to: .inHyphenNumWord), on(.always, .pop),
            ]
        case .inParseHyphen:
            [
                on(.endOfText, .rerun, to: .base), on(.asciiLetter, to: .inHyphenAsciiWordPart),
                on(.letter, to: .inHyphenWordPart), on(.digit, .push, to: .inHyphenUnsignedInt),
                on("-", .push, to: .inParseHyphenHyphen), on(.always, .rerun, to: .base),
            ]
        case .inParseHyphenHyphen:
            [
                on(.endOfText, .pop), on(.letterOrDigit, [.emit, .clear], to: .inParseHyphen, emit: .blank),
                on(.special, [.emit, .clear], to: .inParseHyphen, emit: .blank), on(.always, .pop),
            ]
        case .inHyphenWordPart:
            [
                on(.endOfText, .emit, to: .base, emit: .hyphenPart), on(.letter, to: .inHyphenWordPart),
                on(.special, to: .inHyphenWordPart), on(.digit, to: .inHyphenNumWordPart),
                on(.always, .emit, to: .inParseHyphen, emit: .hyphenPart),
            ]
        case .inHyphenAsciiWordPart:
            [
                on(.endOfText, .emit, to: .base, emit: .hyphenASCIIPart),
                on(.asciiLetter, to: .inHyphenAsciiWordPart), on(.letter, to: .inHyphenWordPart),
                on(.special, to: .inHyphenWordPart), on(.digit, to: .inHyphenNumWordPart),
                on(.always, .emit, to: .inParseHyphen, emit: .hyphenASCIIPart),
            ]
        case .inHyphenNumWordPart:
            [
                on(.endOfText, .emit, to: .base, emit: .hyphenNumberPart),
                on(.letterOrDigit, to: .inHyphenNumWordPart), on(.special, to: .inHyphenNumWordPart),
                on(.always, .emit, to: .inParseHyphen, emit: .hyphenNumberPart),
            ]
        case .inHyphenUnsignedInt:
            [
                on(.endOfText, .pop), on(.digit), on(.letter, .clear, to: .inHyphenNumWordPart),
                on(.special, .clear, to: .inHyphenNumWordPart), on(.always, .pop),
            ]
        }
    }
}

/// The character classes PostgreSQL asks the C library for (`iswalpha` and friends in a UTF-8 locale).
private enum CharacterClass {
    /// Letters of any script; like glibc, digits of scripts other than ASCII count as letters.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
    }

    /// Only ASCII digits, as `iswdigit`.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// White space as `iswspace`: no-break spaces are not space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0xA0, 0x2007, 0x202F: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    /// Marks, which continue a word without being letters (PostgreSQL's zero-width characters and
    /// spacing combining marks).
    static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Printable ASCII that RFC 3986 allows in a URL.
    static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value > 0x20, scalar.value < 0x7F else { return false }
        return !"\"<>\\^`{|}".unicodeScalars.contains(scalar)
    }
}
