import Foundation

/// A measure code as a statement wrote it, where, in the light of which report, and what it
/// resolved to (`MeasureCodeResolver`: found, unknown or ambiguous).
public struct MeasureReference: Sendable, Equatable {
    /// As written, with its cue word if it had one ("förslag 2.3.3", "A2.3.2", "(4.1.1)").
    public var written: String
    public var place: StatementPlace
    /// The report the code was read in the light of: the one whose section it stands in.
    public var contextReport: String?
    public var resolution: Resolution

    public init(written: String, place: StatementPlace, contextReport: String?, resolution: Resolution) {
        self.written = written
        self.place = place
        self.contextReport = contextReport
        self.resolution = resolution
    }

    /// The measure it names, when exactly one.
    public var found: (reportID: String, code: MeasureCode)? {
        if case .found(let report, let code) = resolution { return (report, code) }
        return nil
    }
}

/// Finds every measure reference in a statement, and the reports it discusses.
///
/// - A code with a report letter (`A.2.3.1`, `A2.3.1`, `B.2.2`) is always a reference.
/// - A code without one (`2.4.1`, `förslag 2.4.1`, `(4.1.1)`) is read in the report whose
///   section it stands in: the report named in the latest heading that names one, else in its own
///   paragraph, else the statement's report (`defaultReport`, or the first one it names).
/// - A code without a letter or a cue word (förslag, åtgärd, punkt) that names no measure is a
///   number of something else (a sum, a time, a section of the statement) and is not reported; with
///   a cue word it is, as unknown.
/// - Numbers inside a diary number, a date or a longer number are never codes.
public enum MeasureReferenceFinder {
    /// A report as the finder looks for it in the text: its id, letter and title.
    public struct Report: Sendable, Equatable {
        public var id: String
        public var letter: String?
        public var title: String

        public init(id: String, letter: String?, title: String) {
            self.id = id
            self.letter = letter
            self.title = title
        }
    }

    public struct Result: Sendable, Equatable {
        public var references: [MeasureReference]
        /// The reports named in the text, in the order first named.
        public var reports: [String]
    }

    static let cues = ["förslag", "förslaget", "förslagen", "åtgärd", "åtgärden", "åtgärderna", "punkt", "punkten"]

    public static func find(
        in statement: StatementText, resolver: MeasureCodeResolver, reports: [Report], defaultReport: String? = nil
    ) -> Result {
        // A candidate: an optional cue word, an optional letter, two to four numbers, not inside a
        // longer token (a diary number's `-1.5.1`, a date's `2018.11.20`, a decimal's `3.5.`).
        let pattern =
            #"(?:((?i:förslag(?:et|en)?|åtgärd(?:en|erna)?|punkt(?:en)?))\s+)?(\()?([A-Z])?(?:\.\s?)?(\d{1,2}(?:\.\d{1,2}){1,3})\)?(?![\w\-/]|\.\d)"#
        guard let regex = try? Regex(pattern) else { return Result(references: [], reports: []) }
        var named: [String] = []
        var sectionReport: String?
        var references: [MeasureReference] = []
        let titles = reports.map { report in
            (report.id, SearchText.fold(report.title), report.letter)
        }
        func mentioned(_ text: String) -> [String] {
            let folded = SearchText.fold(text)
            var found: [(offset: Int, id: String)] = []
            for (id, title, letter) in titles {
                if !title.isEmpty, let range = folded.range(of: title) {
                    found.append((folded.distance(from: folded.startIndex, to: range.lowerBound), id))
                } else if let letter,
                    let range = folded.range(of: "rapport " + letter.lowercased() + " ")
                        ?? folded.range(of: "rapporten " + letter.lowercased() + " ")
                {
                    found.append((folded.distance(from: folded.startIndex, to: range.lowerBound), id))
                }
            }
            return found.sorted { $0.offset < $1.offset }.map(\.id)
        }
        for (index, paragraph) in statement.paragraphs.enumerated() {
            let reportsHere = mentioned(paragraph.text + " ")
            for id in reportsHere where !named.contains(id) { named.append(id) }
            if paragraph.heading != nil, let first = reportsHere.first { sectionReport = first }
            let context = sectionReport ?? reportsHere.first ?? defaultReport ?? named.first
            let text = paragraph.text
            for match in text.matches(of: regex) {
                guard let numbersRange = match.output[4].range else { continue }
                // Not inside a longer token (Swift's regexes have no look-behind).
                if match.range.lowerBound > text.startIndex {
                    let before = text[text.index(before: match.range.lowerBound)]
                    if before.isLetter || before.isNumber || "_.-/:".contains(before) { continue }
                }
                let cue = match.output[1].range != nil
                let letter = match.output[3].range.map { String(text[$0]) }
                let inParentheses = match.output[2].range != nil
                let code = (letter.map { $0 + "." } ?? "") + String(text[numbersRange])
                let resolution = resolver.resolve(code, contextReport: letter == nil ? context : nil)
                if letter == nil, !cue, !inParentheses {
                    guard case .found = resolution else { continue }
                }
                if letter == nil, !cue, inParentheses {
                    // "(4.1.1)" after a title is a code; "(2.1)" in running text names a section, unless found.
                    guard case .found = resolution else { continue }
                }
                references.append(
                    MeasureReference(
                        written: String(text[match.range]), place: text.place(match.range, in: .body(index)),
                        contextReport: letter == nil ? context : nil, resolution: resolution))
            }
        }
        return Result(references: references, reports: named)
    }
}
