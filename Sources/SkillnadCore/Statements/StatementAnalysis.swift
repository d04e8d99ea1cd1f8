import Foundation

/// What Skillnad reads out of a statement, each finding with the place it came from, for an
/// editor to review and correct before anything is saved (never saved as it stands).
public struct StatementAnalysis: Sendable, Equatable {
    /// A position suggested for one measure, with the phrase and the sentence that justify it.
    public struct Suggestion: Sendable, Equatable {
        public var position: PositionKind
        public var confidence: Double
        public var phrase: String
        public var sentence: StatementPlace
    }

    /// Everything found about one measure.
    public struct MeasureFinding: Sendable, Equatable {
        public var reportID: String
        public var code: MeasureCode
        /// Where the statement names it.
        public var references: [StatementPlace]
        /// The sentences about it: from the one naming it until another measure is named.
        public var sentences: [StatementPlace]
        public var suggestion: Suggestion?
        /// The sentence saying the body already works this way.
        public var alreadyWorks: StatementPlace?
    }

    public var diaryNumber: DiaryNumber?
    /// The number the referral was sent under, when the statement cites it.
    public var referralNumber: DiaryNumber?
    public var reports: [String]
    public var references: [MeasureReference]
    public var measures: [MeasureFinding]

    /// Reads `statement` against the catalogue's measures.
    public static func analyse(
        _ statement: StatementText, resolver: MeasureCodeResolver, reports: [MeasureReferenceFinder.Report],
        defaultReport: String? = nil
    ) -> StatementAnalysis {
        let numbers = DiaryNumber.find(in: statement)
        let found = MeasureReferenceFinder.find(
            in: statement, resolver: resolver, reports: reports, defaultReport: defaultReport)
        return StatementAnalysis(
            diaryNumber: numbers.first { $0.role == .own }, referralNumber: numbers.first { $0.role == .referral },
            reports: found.reports, references: found.references,
            measures: findings(statement, found.references))
    }

    /// Per measure: its sentences, segment by segment, and the position they suggest.
    static func findings(_ statement: StatementText, _ references: [MeasureReference]) -> [MeasureFinding] {
        var order: [String] = []
        var byKey: [String: MeasureFinding] = [:]
        let byParagraph = Dictionary(grouping: references.filter { $0.found != nil }) { reference -> Int in
            if case .body(let index) = reference.place.part { return index }
            return -1
        }
        for (index, paragraph) in statement.paragraphs.enumerated() {
            guard let here = byParagraph[index] else { continue }
            let sentences = StatementSentences.ranges(paragraph.text).map {
                paragraph.text.place($0, in: .body(index))
            }
            // The sentence each reference stands in.
            func sentence(of reference: MeasureReference) -> Int {
                sentences.lastIndex { $0.start <= reference.place.start } ?? 0
            }
            let starts = Set(here.map(sentence))
            for reference in here {
                guard let (report, code) = reference.found else { continue }
                let first = sentence(of: reference)
                let end = starts.filter { $0 > first }.min() ?? sentences.count
                var segment = Array(sentences[first..<max(end, first + 1)].prefix(sentences.count - first))
                // A heading naming a measure ("Förslag 4.1.1 Mötesplatser") introduces the
                // paragraphs under it, until the next heading or the next paragraph naming one.
                if paragraph.heading != nil {
                    var next = index + 1
                    while next < statement.paragraphs.count, statement.paragraphs[next].heading == nil,
                        byParagraph[next] == nil
                    {
                        let following = statement.paragraphs[next].text
                        segment += StatementSentences.ranges(following).map { following.place($0, in: .body(next)) }
                        next += 1
                    }
                }
                // In a table, the rest of the row speaks of the measure in its first cell.
                if let cell = paragraph.cell {
                    segment += statement.paragraphs.enumerated().filter { other in
                        other.offset != index && other.element.cell?.table == cell.table
                            && other.element.cell?.row == cell.row
                    }.map { StatementPlace(.body($0.offset), start: 0, length: $0.element.text.count) }
                }
                let key = "\(report) \(code.canonical)"
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = MeasureFinding(
                        reportID: report, code: code, references: [], sentences: [], suggestion: nil, alreadyWorks: nil)
                }
                byKey[key]?.references.append(reference.place)
                for place in segment where !(byKey[key]?.sentences.contains(place) ?? true) {
                    byKey[key]?.sentences.append(place)
                }
            }
        }
        return order.compactMap { key in
            guard var finding = byKey[key] else { return nil }
            for place in finding.sentences {
                let text = statement.text(at: place)
                if finding.suggestion == nil, let (rule, reserved) = PositionLexicon.position(in: text) {
                    // A table cell that is the phrase alone ("Tillstyrks") is as sure as it gets.
                    let alone = text.lowercased().trimmingCharacters(in: .punctuationCharacters) == rule.phrase
                    finding.suggestion = Suggestion(
                        position: reserved ? .supportsWithReservations : rule.position,
                        confidence: alone ? 0.95 : (reserved ? rule.confidence - 0.1 : rule.confidence),
                        phrase: rule.phrase, sentence: place)
                }
                if finding.alreadyWorks == nil, PositionLexicon.saysAlreadyWorks(text) { finding.alreadyWorks = place }
            }
            return finding
        }
    }
}
