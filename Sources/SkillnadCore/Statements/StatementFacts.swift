import Foundation

/// The facts around a statement's positions: which body answers, who signed, its dates, its answers
/// to the round's standard questions, the challenges it raises, the prerequisites it names, and
/// whether it declines or answers jointly. Each with the place it came from.
public enum StatementFacts {
    /// A body named in the statement as the one answering.
    public struct Responder: Sendable, Equatable {
        public var bodyID: String
        /// As written ("Socialförvaltningen" for the social welfare committee).
        public var written: String
        public var place: StatementPlace
    }

    public struct Signer: Sendable, Equatable {
        public var name: String
        public var title: String
        public var place: StatementPlace
    }

    public struct FoundDate: Sendable, Equatable {
        public var day: Day
        public var place: StatementPlace
    }

    /// The paragraphs answering one standard question.
    public struct QuestionAnswer: Sendable, Equatable {
        /// Its position in the round's list, from 0.
        public var question: Int
        /// Where the statement asks or names it.
        public var heading: StatementPlace
        public var answer: [StatementPlace]
    }

    public enum Prerequisite: String, Sendable, Equatable, Codable, CaseIterable {
        case resources
        case collaboration
        case information
    }

    /// The names a body goes by in statements: its name and short name, the administration of a
    /// committee (`Socialnämnden` → `Socialförvaltningen`), a district council's forms
    /// (`Rinkeby-Kista stadsdelsförvaltning`, `Stadsdelsförvaltningen Rinkeby-Kista`), a company
    /// without `AB`.
    public static func names(of body: BodyRecord) -> [String] {
        // A short name of a few letters (KS, SLK) stands in too many other phrases ("KS dnr").
        var names = [body.name] + (body.shortName.flatMap { $0.count > 3 ? [$0] : nil } ?? [])
        let name = body.name
        if name.hasSuffix("nämnden") {
            names.append(String(name.dropLast("nämnden".count)) + "förvaltningen")
        }
        for suffix in [" stadsdelsnämnd", " stadsdelsnämnden"] where name.hasSuffix(suffix) {
            let place = String(name.dropLast(suffix.count))
            names += [
                place + " stadsdelsförvaltning", "Stadsdelsförvaltningen " + place, "Stadsdelsnämnden " + place,
                "Stadsdelsnämnden i " + place, "Stadsdelsförvaltningen i " + place,
            ]
        }
        if name.hasPrefix("AB ") { names.append(String(name.dropFirst(3))) }
        if name.hasSuffix(" AB") { names.append(String(name.dropLast(3))) }
        return names
    }

    /// The answering body: the first named in the margins, else in the first paragraphs (the
    /// heading of a statement names its sender before it names anyone else). Bodies not valid on
    /// `day` are left out.
    public static func responder(in statement: StatementText, bodies: [BodyRecord], on day: Day?) -> Responder? {
        let valid = bodies.filter { body in
            guard let day else { return true }
            return (body.validFrom.map { $0 <= day } ?? true) && (body.validTo.map { day <= $0 } ?? true)
        }
        let forms = valid.flatMap { body in names(of: body).map { (body.id, $0, SearchText.fold($0)) } }
            .sorted { $0.2.count > $1.2.count }
        let parts =
            statement.margins.enumerated().map { (StatementPlace.Part.margin($0.offset), $0.element) }
            + statement.paragraphs.prefix(6).enumerated().map { (StatementPlace.Part.body($0.offset), $0.element.text) }
        for (part, text) in parts {
            var best: (offset: Int, id: String, written: String, length: Int)?
            for (id, written, folded) in forms where !folded.isEmpty {
                guard let offset = wordOffset(of: folded, in: text) else { continue }
                if best == nil || offset < best?.offset ?? 0 { best = (offset, id, written, written.count) }
            }
            if let best {
                return Responder(
                    bodyID: best.id, written: best.written,
                    place: StatementPlace(part, start: best.offset, length: best.length))
            }
        }
        return nil
    }

    /// Where `folded` (already folded) stands as whole words in `text`, in `text`'s characters.
    static func wordOffset(of folded: String, in text: String) -> Int? {
        // Folding keeps one character for each letter of these texts, so offsets carry over.
        let target = SearchText.fold(text)
        var searchStart = target.startIndex
        while let range = target.range(of: folded, range: searchStart..<target.endIndex) {
            searchStart = target.index(after: range.lowerBound)
            let before = range.lowerBound > target.startIndex ? target[target.index(before: range.lowerBound)] : " "
            let after = range.upperBound < target.endIndex ? target[range.upperBound] : " "
            if !before.isLetter && !after.isLetter {
                return min(target.distance(from: target.startIndex, to: range.lowerBound), text.count)
            }
        }
        return nil
    }

    static let titleWords = [
        "direktör", "chef", "handläggare", "utredare", "sekreterare", "ordförande", "strateg", "controller",
        "samordnare", "vd", "verkställande", "jurist", "analytiker", "specialist",
    ]

    /// Who signed: among the last paragraphs, a name of two to four capitalised words followed by
    /// a paragraph naming a title.
    public static func signers(in statement: StatementText) -> [Signer] {
        let paragraphs = statement.paragraphs
        var found: [Signer] = []
        let start = max(0, paragraphs.count - 14)
        for index in start..<max(start, paragraphs.count - 1) {
            let name = paragraphs[index].text
            let title = paragraphs[index + 1].text
            let words = name.split(separator: " ")
            guard (2...4).contains(words.count), name.count <= 60,
                words.allSatisfy({ word in
                    (word.first?.isUppercase ?? false) && word.allSatisfy { $0.isLetter || $0 == "-" }
                }),
                title.count <= 80,
                titleWords.contains(where: { title.lowercased().contains($0) })
            else { continue }
            found.append(
                Signer(name: name, title: title, place: StatementPlace(.body(index), start: 0, length: name.count)))
        }
        return found
    }

    static let months = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]

    /// Every date written as `2018-11-20` or `20 november 2018`, margins first.
    public static func dates(in statement: StatementText) -> [FoundDate] {
        let iso = try? Regex(#"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"#)
        let long = try? Regex(
            #"(?i)\b(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+((?:19|20)\d\d)\b"#
        )
        var found: [FoundDate] = []
        for (part, text) in statement.allParts {
            var here: [FoundDate] = []
            for regex in [iso, long].compactMap({ $0 }) {
                for match in text.matches(of: regex) {
                    guard let first = match.output[1].substring, let second = match.output[2].substring,
                        let third = match.output[3].substring
                    else { continue }
                    let day: Day?
                    if let month = months.firstIndex(of: second.lowercased()) {
                        day = Int(first).flatMap { d in Int(third).flatMap { Day(year: $0, month: month + 1, day: d) } }
                    } else {
                        day = Int(first).flatMap { y in
                            Int(second).flatMap { m in Int(third).flatMap { Day(year: y, month: m, day: $0) } }
                        }
                    }
                    if let day { here.append(FoundDate(day: day, place: text.place(match.range, in: part))) }
                }
            }
            found += here.sorted { $0.place.start < $1.place.start }
        }
        return found
    }

    /// The statement's date: the first in the margins or its first paragraphs, else the last one
    /// written (the place and date above the signatures).
    public static func date(in statement: StatementText) -> FoundDate? {
        let all = dates(in: statement)
        if let early = all.first(where: { date in
            switch date.place.part {
            case .margin: true
            case .body(let index): index < 3
            }
        }) {
            return early
        }
        return all.last
    }

    /// The paragraphs that answer each standard question: a paragraph sharing most of a question's
    /// words asks it, and the paragraphs after it, until the next heading or question, answer it.
    public static func answers(to questions: [String], in statement: StatementText) -> [QuestionAnswer] {
        let questionTerms = questions.map { Set(SearchText.terms($0).filter { $0.count > 2 }) }
        var asked: [(paragraph: Int, question: Int)] = []
        for (index, paragraph) in statement.paragraphs.enumerated() where paragraph.text.count < 300 {
            let terms = Set(SearchText.terms(paragraph.text))
            var best: (question: Int, score: Double)?
            for (number, wanted) in questionTerms.enumerated() where !wanted.isEmpty {
                let score = Double(wanted.intersection(terms).count) / Double(wanted.count)
                if score >= 0.6, score > best?.score ?? 0 { best = (number, score) }
            }
            if let best, !asked.contains(where: { $0.question == best.question }) {
                asked.append((index, best.question))
            }
        }
        // The closing (place and date, the signatures) answers nothing.
        var closing = statement.paragraphs.count
        if let first = signers(in: statement).first, case .body(let index) = first.place.part {
            closing = index
            let before = index - 1
            if before >= 0, statement.paragraphs[before].text.count < 60,
                !dates(in: StatementText(format: statement.format, paragraphs: [statement.paragraphs[before]])).isEmpty
            {
                closing = before
            }
        }
        return asked.enumerated().map { position, ask in
            let next = min(position + 1 < asked.count ? asked[position + 1].paragraph : closing, closing)
            var answer: [StatementPlace] = []
            for index in (ask.paragraph + 1)..<max(ask.paragraph + 1, next) {
                if statement.paragraphs[index].heading != nil { break }
                answer.append(StatementPlace(.body(index), start: 0, length: statement.paragraphs[index].text.count))
            }
            let heading = StatementPlace(
                .body(ask.paragraph), start: 0, length: statement.paragraphs[ask.paragraph].text.count)
            return QuestionAnswer(question: ask.question, heading: heading, answer: answer)
        }
    }

    static let challengePhrases = [
        "ytterligare utmaning", "vill lyfta", "vill särskilt lyfta", "vill även lyfta", "vill också lyfta",
        "saknar i rapporten", "rapporten saknar", "bör även uppmärksamma", "en utmaning som inte",
    ]

    static let prerequisitePhrases: [(String, Prerequisite)] = [
        ("resurser", .resources), ("finansiering", .resources), ("medel", .resources), ("budget", .resources),
        ("kostnad", .resources), ("samverkan", .collaboration), ("samarbete", .collaboration),
        ("information", .information), ("kunskap", .information), ("uppföljning", .information),
        ("statistik", .information),
    ]

    /// A sentence of the body text: as written, in lower case with a space before it (for phrase
    /// look-ups at a word start), and its place.
    public struct Sentence: Sendable {
        public let text: String
        let lower: String
        public let place: StatementPlace
    }

    /// Every sentence of the body text with its place, split once for all the look-ups below.
    public static func sentences(in statement: StatementText) -> [Sentence] {
        statement.paragraphs.enumerated().flatMap { index, paragraph in
            StatementSentences.ranges(paragraph.text).map { range in
                let text = String(paragraph.text[range])
                return Sentence(
                    text: text, lower: " " + text.lowercased(), place: paragraph.text.place(range, in: .body(index)))
            }
        }
    }

    /// Sentences that raise a further challenge beyond the report.
    public static func challenges(in sentences: [Sentence]) -> [StatementPlace] {
        sentences.filter { sentence in
            // A question asks for challenges; it does not raise one.
            !sentence.text.hasSuffix("?")
                && challengePhrases.contains { PositionLexicon.contains(sentence.lower, $0) }
        }.map(\.place)
    }

    /// Sentences that name a prerequisite (förutsättning) or a need, by kind.
    public static func prerequisites(in sentences: [Sentence]) -> [(Prerequisite, StatementPlace)] {
        sentences.flatMap { sentence in needs(inLowerCased: sentence.lower).map { ($0, sentence.place) } }
    }

    /// The kinds of prerequisite one sentence names, each once, in the order of `prerequisitePhrases`.
    public static func needs(in sentence: String) -> [Prerequisite] {
        needs(inLowerCased: " " + sentence.lowercased())
    }

    static func needs(inLowerCased lower: String) -> [Prerequisite] {
        guard ["förutsättning", "behöver", "krävs", "kräver", "behov av"].contains(where: { lower.contains($0) })
        else { return [] }
        var kinds: [Prerequisite] = []
        for (phrase, kind) in prerequisitePhrases where lower.contains(phrase) && !kinds.contains(kind) {
            kinds.append(kind)
        }
        return kinds
    }

    /// The body declines to answer (avstår från att yttra sig).
    public static func declines(_ sentences: [Sentence]) -> StatementPlace? {
        let phrases = [
            "avstår från att yttra sig", "avstår från att besvara", "avstår från att lämna synpunkter",
            "lämnar inget yttrande", "avstår från att lämna yttrande", "avstår från att svara",
        ]
        return sentences.first { sentence in phrases.contains { sentence.lower.contains($0) } }?.place
    }

    /// The statement is a joint answer with another body (gemensamt yttrande).
    public static func joint(_ sentences: [Sentence]) -> StatementPlace? {
        let phrases = ["gemensamt yttrande", "gemensamt svar", "gemensamt remissvar", "gemensamma yttrande"]
        return sentences.first { sentence in phrases.contains { sentence.lower.contains($0) } }?.place
    }
}
