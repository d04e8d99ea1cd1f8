import Foundation
import SkillnadCore

/// A statement as read, shown beside the answer form it filled: its text with every extraction
/// marked and named in words (not by colour alone), the facts read from it, and the measures it
/// discusses that the round does not ask the body about.
struct StatementPanel: Encodable, Sendable {
    /// A stretch of text and what it was read as; `tags` name the extractions that end here.
    struct Segment: Encodable, Sendable {
        let text: String
        let marked: Bool
        let classes: String
        let tags: [String]
    }
    struct Paragraph: Encodable, Sendable {
        let segments: [Segment]
        let heading: Bool
        let cell: Bool
    }
    struct Fact: Encodable, Sendable {
        let label: String
        let value: String
    }
    /// A measure the statement discusses outside the body's scope, or a code it could not link.
    struct Note: Encodable, Sendable {
        let code: String
        let title: String
        let href: String?
        let position: String
        let because: String
    }
    /// What the text suggests for one measure's field in the form.
    struct Suggestion: Encodable, Sendable {
        let text: String
        let because: String
    }

    let id: String
    let filename: String
    let intro: String
    let attachedNote: String
    let facts: [Fact]
    let warnings: [String]
    let margins: [Paragraph]
    let paragraphs: [Paragraph]
    let outOfScope: [Note]
    let unresolved: [Note]
    let hasOutOfScope: Bool
    let hasUnresolved: Bool

    /// The suggestion for each measure in scope, by its public id, for the form's fields.
    let suggestions: [String: Suggestion]

    static func build(
        id: UUID, filename: String, text: StatementText, draft: StatementDraft, body: String,
        index: CatalogueIndex, lang: Lang
    ) -> StatementPanel {
        let texts = Texts(lang)
        let name: (String) -> String = { bodyName($0, index, lang) }
        var facts: [Fact] = [Fact(label: texts[.statementFormat], value: text.format.rawValue.uppercased())]
        if let pages = text.pages { facts.append(Fact(label: texts[.statementPages], value: "\(pages)")) }
        if let responder = draft.responder {
            facts.append(Fact(label: texts[.statementResponder], value: name(responder.bodyID)))
        }
        if let dated = draft.dated { facts.append(Fact(label: texts[.statementDated], value: dated.description)) }
        var warnings: [String] = []
        if let responder = draft.responder, responder.bodyID != body,
            !(draft.answer.jointWith ?? []).contains(responder.bodyID)
        {
            warnings.append(Strings.fill(texts[.statementOtherBody], name(responder.bodyID), name(body)))
        }
        let marks = Dictionary(grouping: draft.highlights) { $0.place.part }
        func paragraphs(_ parts: [(StatementPlace.Part, String, StatementText.Paragraph?)]) -> [Paragraph] {
            parts.map { part, content, paragraph in
                Paragraph(
                    segments: segments(content, marks[part] ?? [], texts: texts, index: index, lang: lang),
                    heading: paragraph?.heading != nil, cell: paragraph?.cell != nil)
            }
        }
        func note(_ measure: StatementDraft.Measure) -> Note {
            let record = index.measureByPublicID[measure.publicID]
            return Note(
                code: measure.code, title: record.map { lang.pick($0.title, $0.titleEn).text } ?? "",
                href: record.map { _ in SiteURL.Catalogue.measure(.value(measure.publicID)).link(lang) },
                position: measure.suggestion.map { texts.label($0.position) } ?? texts[.suggestedNone],
                because: measure.because ?? "")
        }
        var suggestions: [String: Suggestion] = [:]
        for measure in draft.inScope {
            let percent = measure.suggestion.map { Int(($0.confidence * 100).rounded()) } ?? 0
            suggestions[measure.publicID] = Suggestion(
                text: measure.suggestion.map {
                    Strings.fill(texts[.suggestedPosition], texts.label($0.position), "\(percent)")
                } ?? texts[.suggestedNone],
                because: measure.because ?? "")
        }
        return StatementPanel(
            id: id.uuidString, filename: filename,
            intro: Strings.fill(texts[.statementReviewIntro], filename),
            attachedNote: Strings.fill(texts[.statementAttachedNote], filename),
            facts: facts, warnings: warnings,
            margins: paragraphs(text.margins.enumerated().map { (.margin($0.offset), $0.element, nil) }),
            paragraphs: paragraphs(
                text.paragraphs.enumerated().map { (.body($0.offset), $0.element.text, $0.element) }),
            outOfScope: draft.outOfScope.map(note),
            unresolved: draft.unresolved.map {
                Note(code: $0.written, title: "", href: nil, position: "", because: "")
            },
            hasOutOfScope: !draft.outOfScope.isEmpty, hasUnresolved: !draft.unresolved.isEmpty,
            suggestions: suggestions)
    }

    /// Cuts a paragraph where any highlight starts or ends, so nested ones (a code inside the
    /// sentence that states a position) both show; each piece carries the marks covering it.
    static func segments(
        _ content: String, _ highlights: [StatementDraft.Highlight], texts: Texts, index: CatalogueIndex, lang: Lang
    ) -> [Segment] {
        let characters = Array(content)
        let spans = highlights.map { highlight -> (Int, Int, StatementDraft.Highlight) in
            let start = min(max(0, highlight.place.start), characters.count)
            return (start, min(characters.count, start + max(0, highlight.place.length)), highlight)
        }.filter { $0.0 < $0.1 }
        var cuts = Set([0, characters.count])
        for (start, end, _) in spans {
            cuts.insert(start)
            cuts.insert(end)
        }
        let points = cuts.sorted()
        return zip(points, points.dropFirst()).map { from, to in
            let covering = spans.filter { $0.0 <= from && to <= $0.1 }
            let ending = spans.filter { $0.1 == to }
            let classes = Set(covering.map { "mark-" + $0.2.mark.rawValue }).sorted().joined(separator: " ")
            return Segment(
                text: String(characters[from..<to]), marked: !covering.isEmpty, classes: classes,
                tags: ending.map { tag($0.2, texts: texts, index: index, lang: lang) }.filter { !$0.isEmpty })
        }
    }

    /// The words shown after a marked stretch: what it was read as, and for whom.
    static func tag(_ highlight: StatementDraft.Highlight, texts: Texts, index: CatalogueIndex, lang: Lang) -> String {
        let word = texts.label(highlight.mark)
        switch highlight.mark {
        case .position:
            let parts = highlight.label.split(separator: " ", maxSplits: 1).map(String.init)
            let kind = parts.count == 2 ? PositionKind(rawValue: parts[1]).map(texts.label) : nil
            return "\(parts.first ?? ""): \(kind ?? word)"
        case .alreadyWorks, .prerequisite: return "\(highlight.label): \(word)"
        case .question: return "\(word) \(highlight.label)"
        case .responder:
            return "\(word): " + bodyName(highlight.label, index, lang)
        case .measure: return ""
        case .diaryNumber, .signer, .date, .challenge, .decline, .joint: return word
        }
    }
}
