import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads the text of a DOCX (Office Open XML) or an ODT (OpenDocument) statement. Both are zip
/// files of XML: the body is `word/document.xml` or `content.xml`; a DOCX keeps its page headers
/// and footers in parts of their own (`word/header1.xml`, …), which become the text's `margins`.
///
/// Paragraphs, headings, tables, line breaks and tabs are kept. Tracked changes read as the text
/// now stands: deleted text is left out, inserted text kept. Footnotes and comments are left out,
/// because they would cut the sentences they stand in. No part may unpack to more than `maxBytes`
/// whatever the zip declares, so a zip bomb stops early.
public enum OfficeDocumentReader {
    /// Far above any statement's XML (a 100-page DOCX has a few MB).
    public static let maxBytes = 64_000_000

    public static func read(docx data: Data) throws(StatementReadProblem) -> StatementText {
        let archive = try open(data)
        guard let body = archive["word/document.xml"] else {
            throw StatementReadProblem(.corrupt(detail: "it is a zip, but has no word/document.xml"))
        }
        var budget = maxBytes
        let paragraphs = try parse(try extract(body, from: archive, budget: &budget), .docx)
        var margins: [String] = []
        let parts = archive.map(\.path).filter { path in
            path.hasPrefix("word/header") || path.hasPrefix("word/footer")
        }
        // Headers before footers, each in its number's order.
        for path in parts.sorted(by: { ($0.contains("footer") ? 1 : 0, $0) < ($1.contains("footer") ? 1 : 0, $1) }) {
            guard let entry = archive[path], path.hasSuffix(".xml") else { continue }
            for paragraph in try parse(try extract(entry, from: archive, budget: &budget), .docx)
            where !margins.contains(paragraph.text) {
                margins.append(paragraph.text)
            }
        }
        return StatementText(format: .docx, paragraphs: paragraphs, margins: margins)
    }

    public static func read(odt data: Data) throws(StatementReadProblem) -> StatementText {
        let archive = try open(data)
        guard let content = archive["content.xml"] else {
            throw StatementReadProblem(.corrupt(detail: "it is a zip, but has no content.xml"))
        }
        var budget = maxBytes
        let paragraphs = try parse(try extract(content, from: archive, budget: &budget), .odt)
        // An ODT's page headers and footers are in the master pages of styles.xml.
        var margins: [String] = []
        if let styles = archive["styles.xml"] {
            for paragraph in try parse(try extract(styles, from: archive, budget: &budget), .odtStyles)
            where !margins.contains(paragraph.text) {
                margins.append(paragraph.text)
            }
        }
        return StatementText(format: .odt, paragraphs: paragraphs, margins: margins)
    }

    /// Whether a zip is an ODT text (its `mimetype` part says so) rather than a DOCX.
    static func isODT(_ data: Data) -> Bool {
        // The mimetype is the first part, stored uncompressed, so its name and value are at the start.
        let head = data.prefix(120)
        return head.range(of: Data("mimetypeapplication/vnd.oasis.opendocument.text".utf8)) != nil
    }

    // MARK: - Inside

    private static func open(_ data: Data) throws(StatementReadProblem) -> Archive {
        do {
            return try Archive(data: data, accessMode: .read)
        } catch {
            throw StatementReadProblem(.corrupt(detail: "the zip's directory cannot be read"))
        }
    }

    private static func extract(
        _ entry: Entry, from archive: Archive, budget: inout Int
    ) throws(StatementReadProblem) -> Data {
        var data = Data()
        var left = budget
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                left -= chunk.count
                if left < 0 { throw StatementReadProblem(.tooLarge(limit: maxBytes)) }
                data.append(chunk)
            }
        } catch let problem as StatementReadProblem {
            throw problem
        } catch {
            throw StatementReadProblem(.corrupt(detail: "\(entry.path) cannot be unpacked"))
        }
        budget = left
        return data
    }

    private static func parse(_ xml: Data, _ vocabulary: Vocabulary) throws(StatementReadProblem) -> [StatementText
        .Paragraph]
    {
        let parser = XMLParser(data: xml)
        let collector = Collector(vocabulary)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            let line = parser.lineNumber
            throw StatementReadProblem(.corrupt(detail: "the XML breaks at line \(line)"))
        }
        return collector.paragraphs
    }

    enum Vocabulary {
        case docx
        case odt
        /// An ODT's styles.xml: only the text of its page headers and footers.
        case odtStyles
    }

    /// Builds paragraphs from the parser's events. Paragraphs may nest (a text box inside a
    /// paragraph), so the open ones are a stack.
    final class Collector: NSObject, XMLParserDelegate {
        let vocabulary: Vocabulary
        var paragraphs: [StatementText.Paragraph] = []
        private var open: [(text: String, heading: Int?)] = []
        /// Depth inside elements whose text is left out (deleted text, notes, tab stops' settings).
        private var skipping = 0
        /// Inside a DOCX run's text element, where characters count.
        private var inText = false
        /// Inside an ODT header or footer (styles.xml), where paragraphs count.
        private var inMargin = 0
        private var tables: [StatementText.TableCell] = []
        private var tableCount = 0

        init(_ vocabulary: Vocabulary) {
            self.vocabulary = vocabulary
        }

        private static let docxSkipped: Set<String> = [
            "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:delInstrText", "mc:Fallback", "w:pPr", "w:rPr",
            "w:footnoteReference", "w:commentReference",
        ]
        private static let odtSkipped: Set<String> = [
            "text:tracked-changes", "text:note", "office:annotation", "text:bookmark-ref", "draw:image",
        ]

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if vocabulary == .docx, name == "w:pStyle" || name == "w:outlineLvl", !open.isEmpty {
                // Inside the paragraph's properties, which are otherwise skipped.
                if let level = Self.headingLevel(name, attributes) { open[open.count - 1].heading = level }
            }
            if skipping > 0 || isSkipped(name) {
                skipping += 1
                return
            }
            switch (vocabulary, name) {
            case (.docx, "w:p"), (.odt, "text:p"), (.odtStyles, "text:p"):
                open.append(("", nil))
            case (.odt, "text:h"), (.odtStyles, "text:h"):
                open.append(("", Int(attributes["text:outline-level"] ?? "") ?? 1))
            case (.docx, "w:t"):
                inText = true
            case (.docx, "w:tab"), (.odt, "text:tab"), (.odtStyles, "text:tab"):
                append("\t")
            case (.docx, "w:br"), (.docx, "w:cr"), (.odt, "text:line-break"), (.odtStyles, "text:line-break"):
                append("\n")
            case (.docx, "w:noBreakHyphen"):
                append("-")
            case (.odt, "text:s"), (.odtStyles, "text:s"):
                append(String(repeating: " ", count: min(max(Int(attributes["text:c"] ?? "") ?? 1, 1), 100)))
            case (.docx, "w:tbl"), (.odt, "table:table"):
                tables.append(StatementText.TableCell(table: tableCount, row: -1, column: -1))
                tableCount += 1
            case (.docx, "w:tr"), (.odt, "table:table-row"):
                if !tables.isEmpty {
                    tables[tables.count - 1].row += 1
                    tables[tables.count - 1].column = -1
                }
            case (.docx, "w:tc"), (.odt, "table:table-cell"), (.odt, "table:covered-table-cell"):
                if !tables.isEmpty { tables[tables.count - 1].column += 1 }
            case (.odtStyles, "style:header"), (.odtStyles, "style:footer"), (.odtStyles, "style:header-left"),
                (.odtStyles, "style:footer-left"), (.odtStyles, "style:header-first"),
                (.odtStyles, "style:footer-first"):
                inMargin += 1
            default:
                break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if skipping > 0 {
                skipping -= 1
                return
            }
            switch (vocabulary, name) {
            case (.docx, "w:p"), (.odt, "text:p"), (.odt, "text:h"), (.odtStyles, "text:p"), (.odtStyles, "text:h"):
                guard let paragraph = open.popLast() else { return }
                let text = Self.tidy(paragraph.text)
                if !text.isEmpty, vocabulary != .odtStyles || inMargin > 0 {
                    paragraphs.append(StatementText.Paragraph(text, heading: paragraph.heading, cell: tables.last))
                }
            case (.docx, "w:t"):
                inText = false
            case (.docx, "w:tbl"), (.odt, "table:table"):
                _ = tables.popLast()
            case (.odtStyles, "style:header"), (.odtStyles, "style:footer"), (.odtStyles, "style:header-left"),
                (.odtStyles, "style:footer-left"), (.odtStyles, "style:header-first"),
                (.odtStyles, "style:footer-first"):
                inMargin -= 1
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipping == 0, !open.isEmpty else { return }
            switch vocabulary {
            case .docx:
                if inText { append(string) }
            case .odt, .odtStyles:
                // ODF collapses white space in character data; spaces that count are `text:s`.
                var collapsed = ""
                var lastWasSpace = false
                for character in string {
                    let isSpace = character == " " || character == "\n" || character == "\t" || character == "\r"
                    if isSpace {
                        if !lastWasSpace { collapsed.append(" ") }
                    } else {
                        collapsed.append(character)
                    }
                    lastWasSpace = isSpace
                }
                append(collapsed)
            }
        }

        private func isSkipped(_ name: String) -> Bool {
            switch vocabulary {
            case .docx: Self.docxSkipped.contains(name)
            case .odt, .odtStyles: Self.odtSkipped.contains(name)
            }
        }

        private func append(_ text: String) {
            guard !open.isEmpty else { return }
            open[open.count - 1].text += text
        }

        /// `Heading2`, `Rubrik2`, `heading 2` → 2; an outline level 0 → 1.
        static func headingLevel(_ name: String, _ attributes: [String: String]) -> Int? {
            guard let value = attributes["w:val"] else { return nil }
            if name == "w:outlineLvl" { return Int(value).map { $0 + 1 }.flatMap { $0 <= 9 ? $0 : nil } }
            let lower = value.lowercased().replacingOccurrences(of: " ", with: "")
            for prefix in ["heading", "rubrik", "berschrift"] where lower.hasPrefix(prefix) {
                return Int(lower.dropFirst(prefix.count)) ?? 1
            }
            return lower == "title" || lower == "rubrik" ? 1 : nil
        }

        /// Spaces at the ends trimmed, but tabs and breaks inside kept.
        static func tidy(_ text: String) -> String {
            text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
